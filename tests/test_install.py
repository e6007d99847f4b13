"""Installing Jangbogi as `make setup` does prints no warning of ours: the editable install
and the wheel are built by pip from this checkout, and their output must hold neither a
deprecation nor a build backend's warning (pip 25.3+ shows every warning the backend raises).
Lines about the machine's own pip configuration ("Location ... is ignored") are not ours."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.slow

WARNINGS = re.compile(r"Deprecat|BuildBackendWarning|SetuptoolsWarning", re.IGNORECASE)
NOT_SOURCE = shutil.ignore_patterns(
    ".git", ".venv", "__pycache__", "*.pyc", ".*_cache", ".hypothesis", "build", "dist",
    "*.egg-info", "*.db",
)  # fmt: skip


@pytest.fixture
def source(tmp_path: Path) -> Path:
    """A copy of the checkout: a build leaves build/ and *.egg-info behind, not in ours."""
    copy = tmp_path / "source"
    shutil.copytree(ROOT, copy, ignore=NOT_SOURCE)
    return copy


def _pip(*args: str) -> str:
    proc = subprocess.run(
        [sys.executable, "-m", "pip", *args], capture_output=True, text=True, timeout=600
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return proc.stdout + proc.stderr


def test_the_editable_install_of_make_setup_prints_no_warning(tmp_path: Path, source: Path) -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "-m pip install -q -e '.[dev]'" in makefile  # the command this test stands for
    installed = _pip("show", "jangbogi")
    # the same build into a throwaway prefix (--no-deps: the dependencies are not ours;
    # --ignore-installed: without it pip first uninstalls the jangbogi of the venv running
    # this test, and every later test that starts .venv/bin/jangbogi fails)
    out = _pip(
        "install", "-q", "--no-deps", "--ignore-installed", "--prefix", str(tmp_path / "prefix"),
        "-e", str(source),
    )  # fmt: skip
    assert not WARNINGS.search(out), out
    assert _pip("show", "jangbogi") == installed  # the venv running the tests kept its own
    pth = list((tmp_path / "prefix").rglob("__editable__.jangbogi*.pth"))
    assert [p.read_text(encoding="utf-8").strip() for p in pth] == [str(source)]


def test_the_wheel_builds_without_a_warning(tmp_path: Path, source: Path) -> None:
    out = _pip("wheel", "-q", "--no-deps", "-w", str(tmp_path), str(source))
    assert not WARNINGS.search(out), out
    assert [p.name.split("-")[0] for p in tmp_path.glob("*-py3-none-any.whl")] == ["jangbogi"]


def test_the_postgres_extra_brings_the_driver_and_dev_includes_it() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    extras = project["optional-dependencies"]
    assert any(r.startswith("psycopg[binary]") for r in extras["postgres"])
    assert "jangbogi[postgres]" in extras["dev"]
