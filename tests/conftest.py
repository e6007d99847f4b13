"""Shared fixtures: every test gets its own data directory and database."""

from __future__ import annotations

import importlib.util
import os
import socket
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

import pytest

from assistant.cli import main

ROOT = Path(__file__).resolve().parent.parent


def load_script(name: str, path: Path) -> ModuleType:
    """A file that is no module of a package (bench/, script/, fixtures) loaded as the module
    ``name``, registered in ``sys.modules`` (dataclasses look their module up there)."""
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


SHARED_DATA = ROOT.parent / "shared" / "data"


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now (for a server a test starts)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test may touch the user's data directory or a JANGBOGI_DB of the caller, and the
    commands speak the default language whatever the caller's locale (CI's LANG, a
    developer's en_US): a test that wants another sets it (``env={"LANG": ...}``)."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.delenv("JANGBOGI_DB", raising=False)
    for name in ("LC_ALL", "LC_MESSAGES", "LANGUAGE", "JANGBOGI_LANG"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")


@dataclass(frozen=True)
class Result:
    """A finished ``jangbogi`` process."""

    code: int
    out: str
    err: str

    @property
    def lines(self) -> list[str]:
        return self.out.splitlines()


Runner = Callable[..., Result]


def run_jangbogi(*args: str, stdin: str | None = None, env: dict[str, str] | None = None) -> Result:
    """Run the real ``jangbogi`` command in a child process with piped stdin."""
    proc = subprocess.run(
        [sys.executable, "-m", "assistant.cli", *args],
        input=stdin if stdin is not None else "",
        capture_output=True,
        text=True,
        env={**{k: v for k, v in os.environ.items() if k != "JANGBOGI_LANG"}, **(env or {})},
        timeout=120,
        cwd=ROOT,
    )
    return Result(proc.returncode, proc.stdout, proc.stderr)


@pytest.fixture
def jangbogi() -> Runner:
    return run_jangbogi


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A temporary PostgreSQL database; skips without a server unless JANGBOGI_REQUIRE_PG
    is set (CI), where that is a failure."""
    from tests.pg import NoServer, temporary_database

    try:
        with temporary_database() as url:
            yield url
    except NoServer as exc:
        if os.environ.get("JANGBOGI_REQUIRE_PG"):
            raise
        pytest.skip(str(exc))


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    """A fresh SQLite database with the demo household and the bundled catalog."""
    url = f"sqlite:///{tmp_path / 'shop.db'}"
    assert main(["demo", "init", "--db", url]) == 0
    return url


@pytest.fixture
def talk(db_url: str) -> Callable[..., list[str]]:
    """Drive ``jangbogi text`` with piped lines; returns one reply per line."""

    def _talk(*utterances: str, member: str | None = None) -> list[str]:
        args = ["text", "--db", db_url] + (["--member", member] if member else [])
        result = run_jangbogi(*args, stdin="\n".join(utterances) + "\n")
        assert result.code == 0, result.err
        assert "Traceback" not in result.err
        return result.lines

    return _talk
