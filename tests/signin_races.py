"""Real processes signing in at once with wrong passwords (tests/test_signin.py races them).

One racer is ``python -m tests.signin_races URL MEMBER NOW PASSWORD...``: it opens the
database, says ``ready``, waits for a line on stdin (the start, written to every racer at
once), then tries each password in turn as ``MEMBER`` at ``NOW`` (ISO, aware) and prints one
line per attempt: ``wrong``, ``locked``, ``busy`` (the database could not be had in time: the
attempt was neither judged nor counted) or ``signed-in``.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections import Counter
from collections.abc import Sequence
from contextlib import suppress
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy.orm import Session, sessionmaker

ROOT = Path(__file__).resolve().parent.parent
TIMEOUT_S = 120.0


def attempt(factory: sessionmaker[Session], member: str, password: str, now: datetime) -> str:
    from assistant.errors import DatabaseLockedError, SignInError, SignInLockedError
    from assistant.shop.signin import sign_in

    try:
        sign_in(factory, member, password, now)
    except SignInLockedError:
        return "locked"
    except SignInError:
        return "wrong"
    except DatabaseLockedError:
        return "busy"
    return "signed-in"


def racer(url: str, member: str, now: str, passwords: Sequence[str]) -> None:
    from assistant.shop.signin import signed_in
    from assistant.store import db

    factory = db.session_factory(db.open_engine(url))
    signed_in(factory, 0)  # connected, everything imported
    print("ready", flush=True)
    sys.stdin.readline()
    when = datetime.fromisoformat(now)
    for password in passwords:
        print(attempt(factory, member, password, when), flush=True)


@dataclass
class Racer:
    """One racing process and what it said."""

    member: str
    proc: subprocess.Popen[str]
    outcomes: list[str]


def start(url: str, member: str, now: datetime, passwords: Sequence[str]) -> Racer:
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.signin_races", url, member, now.isoformat(), *passwords],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        cwd=ROOT, env=dict(os.environ),
    )  # fmt: skip
    return Racer(member, proc, [])


def _read_line(r: Racer) -> str:
    assert r.proc.stdout is not None
    line = r.proc.stdout.readline().strip()
    if not line:
        _, err = r.proc.communicate(timeout=TIMEOUT_S)
        raise AssertionError(f"a racer for {r.member} ended: {err[-2000:]}")
    return line


def race(url: str, plan: Sequence[tuple[str, datetime, Sequence[str]]]) -> dict[str, Counter[str]]:
    """Start one process per (member, now, passwords) of ``plan``, release them together,
    and count each member's outcomes."""
    racers = [start(url, member, now, passwords) for member, now, passwords in plan]
    try:
        for r in racers:
            assert _read_line(r) == "ready"
        for r in racers:  # all at once: each has only this line to read
            assert r.proc.stdin is not None
            r.proc.stdin.write("go\n")
            r.proc.stdin.flush()
        for r, (_, _, passwords) in zip(racers, plan, strict=True):
            r.outcomes = [_read_line(r) for _ in passwords]
            _, err = r.proc.communicate(timeout=TIMEOUT_S)
            assert r.proc.returncode == 0 and "Traceback" not in err, err[-2000:]
    finally:
        for r in racers:
            if r.proc.poll() is None:
                r.proc.kill()
            with suppress(Exception):
                r.proc.communicate(timeout=10)
    counts: dict[str, Counter[str]] = {}
    for r in racers:
        counts.setdefault(r.member, Counter()).update(r.outcomes)
    return counts


if __name__ == "__main__":
    racer(sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:])
