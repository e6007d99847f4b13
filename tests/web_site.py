"""A real ``jangbogi web`` on a free port with a temporary demo database, for the browser tests
(``tests/test_web_browser.py``): the demo household (owner ``demo``), a child ``민준``, a second
household ``이웃집`` (owner ``이웃``), their passwords, and orders made through the text door."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from assistant.store import db
from assistant.store.models import Order, OrderStatus
from tests.conftest import ROOT, free_port, run_jangbogi

CHROMIUM = Path("/usr/bin/chromium")
REQUIRE_ENV = "JANGBOGI_REQUIRE_BROWSER"
PASSWORDS = {"demo": "owner-pass-1", "민준": "child-pass-1", "이웃": "neighbour-pass-1"}
NEIGHBOURS = "이웃집"


@dataclass(frozen=True)
class Site:
    """The running server and its database."""

    url: str
    """``http://127.0.0.1:PORT``."""
    db_url: str
    """Its SQLite database."""
    env: dict[str, str]
    """The environment of its commands (its own data directory)."""
    log: Path
    """The server's stderr."""

    def jangbogi(self, *args: str, stdin: str | None = None) -> str:
        result = run_jangbogi(*args, "--db", self.db_url, stdin=stdin, env=self.env)
        assert result.code == 0, result.err
        assert "Traceback" not in result.err
        return result.out

    def child_order(self, words: str) -> int:
        """A child's order through the text door (``words``, then yes): it waits for an adult."""
        self.jangbogi("text", "--member", "민준", stdin=f"{words}\n응\n")
        return self.latest_order()

    def latest_order(self) -> int:
        with db.transaction(db.session_factory(db.open_engine(self.db_url))) as s:
            found = s.scalars(select(Order.id).order_by(Order.id.desc()).limit(1)).first()
        assert found is not None
        return found

    def status(self, order_id: int) -> OrderStatus:
        with db.transaction(db.session_factory(db.open_engine(self.db_url))) as s:
            order = s.get(Order, order_id)
            assert order is not None
            return order.status


def prepare(tmp: Path) -> Site:
    """The database, members, passwords and the first orders (no server yet)."""
    env = {"XDG_DATA_HOME": str(tmp / "data")}
    site = Site("", f"sqlite:///{tmp / 'web.db'}", env, tmp / "web.log")
    site.jangbogi("demo", "init")
    site.jangbogi("member", "add", "민준", "--role", "child")
    site.jangbogi("household", "create", NEIGHBOURS, "--owner", "이웃")
    set_passwords(site.db_url)
    return site


def set_passwords(db_url: str) -> None:
    """Every member's password, through the real sign-in module."""
    from assistant.shop.signin import set_password

    factory = db.session_factory(db.open_engine(db_url))
    set_password(factory, "demo", PASSWORDS["demo"])
    set_password(factory, "민준", PASSWORDS["민준"])
    set_password(factory, "이웃", PASSWORDS["이웃"], household=NEIGHBOURS)


@contextmanager
def serving(site: Site) -> Iterator[Site]:
    """``jangbogi web`` on a free port until the block ends (then SIGTERM)."""
    port = free_port()
    with site.log.open("w") as log:
        proc = subprocess.Popen(
            [sys.executable, "-m", "assistant.cli", "web", "--db", site.db_url,
             "--port", str(port)],
            env={**os.environ, **site.env}, stdin=subprocess.DEVNULL,
            stdout=log, stderr=subprocess.STDOUT, cwd=ROOT,
        )  # fmt: skip
        try:
            url = f"http://127.0.0.1:{port}"
            _wait_until_up(url, proc, site.log)
            yield Site(url, site.db_url, site.env, site.log)
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def _wait_until_up(url: str, proc: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"jangbogi web ended: {log.read_text()}")
        try:
            with urllib.request.urlopen(f"{url}/signin", timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            time.sleep(0.2)
    raise AssertionError(f"jangbogi web did not answer in 60 s: {log.read_text()}")
