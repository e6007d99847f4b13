"""SIGKILL at random moments while a daemon places a batch: no period twice, none lost.

A bounded loop per database: for each of several daily periods, start
``jangbogi daemon --run-due --now <period>``, wait until it has committed something for
that period, kill -9 it a random moment later, and again; then let one run finish. At the
end every (subscription, period) has exactly one run row, every one placed (each period
is run at its own time, well inside the grace window), and the orders, run rows and stock
agree. The seed is printed; set JANGBOGI_KILL_SEED to replay a run.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import time
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from assistant.store.models import SubscriptionRun
from tests.reorder_bulk import (
    DUE,
    ROOT,
    audit,
    child_env,
    daemon_cmd,
    make_shop,
    missing_periods,
    open_engine,
    populate,
    run_due_cmd,
    spawn,
)

pytestmark = pytest.mark.slow

PERIODS = 3
KILLS_PER_PERIOD = 5


def runs_for(engine: Engine, period: datetime) -> int:
    """Run rows of ``period`` so far; -1 while a daemon's commit keeps the SQLite file locked
    past the busy timeout (seen on a loaded machine: the poll, not the daemon, gave up)."""
    try:
        with Session(engine) as s:
            stmt = select(func.count()).where(SubscriptionRun.period_at == period)
            return int(s.scalar(stmt) or 0)
    except OperationalError:
        return -1


def kill_while_placing(
    engine: Engine, url: str, period: datetime, rng: random.Random, log: Path
) -> str:
    """One daemon killed with SIGKILL a random moment after it committed its first batch."""
    before = runs_for(engine, period)
    proc = spawn(url, *run_due_cmd(url, period, "--batch", "20"), log=log)
    deadline = time.monotonic() + 60
    while proc.poll() is None and runs_for(engine, period) in (before, -1):
        if time.monotonic() > deadline:
            proc.kill()
            raise AssertionError(f"the daemon placed nothing in 60 s: {log.read_text()[-2000:]}")
        time.sleep(0.02)
    time.sleep(rng.uniform(0.0, 0.4))  # somewhere inside a later batch
    if proc.poll() is not None:
        assert proc.returncode == 0, log.read_text()[-2000:]
        return "finished"
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    return "killed"


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_sigkill_loop_leaves_every_period_exactly_once(
    backend: str,
    tmp_path: Path,
    request: pytest.FixtureRequest,
    capsys: pytest.CaptureFixture[str],
) -> None:
    seed = int(os.environ.get("JANGBOGI_KILL_SEED", time.time_ns() % 1_000_000))
    rng = random.Random(seed)
    url = f"sqlite:///{tmp_path / 'shop.db'}"
    if backend == "postgresql":
        url = request.getfixturevalue("pg_url")
    make_shop(url)
    engine = open_engine(url)
    bulk = populate(engine, 3000 if backend == "sqlite" else 2000, products=30)
    log = tmp_path / "daemon.log"
    kills = 0
    periods = [DUE + timedelta(days=d) for d in range(PERIODS)]
    for period in periods:
        for _ in range(KILLS_PER_PERIOD):
            kills += kill_while_placing(engine, url, period, rng, log) == "killed"
        finish = subprocess.run(
            daemon_cmd(url, *run_due_cmd(url, period)), cwd=ROOT, env=child_env(),
            capture_output=True, text=True, timeout=120, check=False,
        )  # fmt: skip
        assert finish.returncode == 0, finish.stderr[-2000:]
    with capsys.disabled():
        print(f"\n[{backend}] seed={seed} kills={kills} (JANGBOGI_KILL_SEED={seed} replays it)")
    found = audit(engine, bulk)
    missing = missing_periods(engine, bulk, periods[-1])
    engine.dispose()
    assert kills >= PERIODS  # the loop really killed daemons while they were placing
    assert found.duplicate_periods == 0
    assert missing == 0
    assert found.runs == bulk.subscriptions * PERIODS
    assert found.statuses == {"placed": bulk.subscriptions * PERIODS}
    assert found.orders == found.runs
    assert found.orders_without_run == 0
    assert found.placed_without_order == 0
    assert found.duplicate_keys == 0
    assert found.stock_used == found.ordered
    assert sum(found.ordered.values()) == PERIODS * sum(
        1 + i % 3 for i in range(bulk.subscriptions)
    )
