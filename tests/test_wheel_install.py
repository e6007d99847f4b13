"""A wheel of the project installs into a fresh venv outside the source tree and takes an order.

How the fresh venv gets the dependencies: installing vosk, the Korean model, spaCy, kiwipiepy
and the rest from PyPI into every fresh venv would take minutes and would test PyPI more than
our packaging. Instead the venv is made by the interpreter that runs the tests (so it has the
same Python version and ABI as the compiled dependencies), the wheel is installed into it with
``--no-deps --no-index``, and only then a ``.pth`` file adds the running environment's
site-packages directories to its ``sys.path``. A path line in a ``.pth`` file puts the
directory on ``sys.path`` without processing the ``.pth`` files inside it, so the editable
install's hook of the project venv (``__editable__.jangbogi-*.pth``, which would import the
source tree) never runs; and the fresh venv's own site-packages comes first, so ``assistant``
and its ``jangbogi`` metadata are the wheel's. The test asserts both. Building the wheel is the
one step that uses the network: pip's isolated build environment fetches setuptools (from the
pip cache after the first time).
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
NOT_SOURCE = shutil.ignore_patterns(
    ".git", ".venv", "__pycache__", "*.pyc", ".*_cache", ".hypothesis", "build", "dist",
    "*.egg-info", "*.db",
)  # fmt: skip
# "which one?" (eight kinds of milk) answered by name, then "shall I order?" with yes
ORDER = "우유 두 개 주문해 줘\n서울우유 흰우유 1L\n응\n"
PROBE = """
import importlib.metadata, json, sys
import assistant
from assistant.audio.devices import load_profiles
print(json.dumps({
    "file": assistant.__file__,
    "metadata": str(importlib.metadata.distribution("jangbogi").locate_file("")),
    "path": sys.path,
    "finders": [type(f).__module__ for f in sys.meta_path],
    "profiles": sorted(load_profiles()),
}))
"""


def run(
    args: list[str | Path],
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
    stdin: str = "",
) -> subprocess.CompletedProcess[str]:
    """Run a command; on failure show its output in the assertion."""
    proc = subprocess.run(
        [str(a) for a in args], input=stdin, capture_output=True, text=True, timeout=600,
        cwd=cwd, env=env,
    )  # fmt: skip
    assert proc.returncode == 0, f"{args} failed:\n{proc.stdout}\n{proc.stderr}"
    assert "Traceback" not in proc.stderr, proc.stderr
    return proc


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel built the way a user builds it, from a copy (the build leaves build/ behind)."""
    work = tmp_path_factory.mktemp("wheel")
    source = work / "source"
    shutil.copytree(ROOT, source, ignore=NOT_SOURCE)
    run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", work / "dist", source])
    (built,) = (work / "dist").glob("jangbogi-*.whl")
    return built


def test_the_wheel_ships_every_file_of_the_package(wheel: Path) -> None:
    shipped = set(zipfile.ZipFile(wheel).namelist())
    in_source = {
        path.relative_to(ROOT).as_posix()
        for path in (ROOT / "assistant").rglob("*")
        if path.is_file() and "__pycache__" not in path.parts and not path.name.startswith(".")
    }
    assert in_source - shipped == set()
    assert any(name.endswith("licenses/LICENSE") for name in shipped)


def test_a_typed_order_in_a_fresh_venv_outside_the_source_tree(wheel: Path, tmp_path: Path) -> None:
    venv, here = tmp_path / "venv", tmp_path / "elsewhere"
    here.mkdir()
    assert ROOT not in here.parents
    run([sys.executable, "-m", "venv", "--without-pip", venv])
    python = venv / "bin" / "python"
    run([sys.executable, "-m", "pip", "--python", python, "install", "-q", "--no-deps",
         "--no-index", wheel])  # fmt: skip
    site = Path(run([python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"])
                .stdout.strip())  # fmt: skip
    dependencies = sorted({sysconfig.get_path("purelib"), sysconfig.get_path("platlib")})
    (site / "jangbogi-test-dependencies.pth").write_text("\n".join(dependencies) + "\n")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env["PATH"] = f"{venv / 'bin'}{os.pathsep}{env.get('PATH', '')}"

    probe = json.loads(run([python, "-c", PROBE], cwd=here, env=env).stdout)
    assert Path(probe["file"]).is_relative_to(site)
    assert Path(probe["metadata"]) == site
    assert str(ROOT) not in [str(Path(p or here).resolve()) for p in probe["path"]]
    assert not [f for f in probe["finders"] if "editable" in f]
    assert {"default", "laptop"} <= set(probe["profiles"])

    db = here / "shop.db"
    run([venv / "bin" / "jangbogi", "demo", "init", "--db", db], cwd=here, env=env)
    talk = run([venv / "bin" / "jangbogi", "text", "--db", db], stdin=ORDER, cwd=here, env=env)
    assert len(talk.stdout.splitlines()) == 3

    with sqlite3.connect(db) as conn:
        orders = conn.execute("SELECT id, status, channel, subtotal FROM orders").fetchall()
        lines = conn.execute(
            "SELECT l.order_id, p.name_ko || ' ' || p.size, l.quantity, l.line_total,"
            " p.member_price FROM order_lines l JOIN products p ON p.id = l.product_id"
        ).fetchall()
    assert len(orders) == 1
    order_id, status, channel, subtotal = orders[0]
    assert (status, channel) == ("placed", "text")
    ((line_order, name, quantity, line_total, member_price),) = lines
    assert (line_order, name, quantity) == (order_id, "서울우유 흰우유 1L", 2)
    assert line_total == subtotal == 2 * member_price
