"""Three daemon processes at once over thousands of subscriptions: every period exactly once.

On PostgreSQL the daemons claim rows with ``FOR UPDATE SKIP LOCKED`` and share the work;
on SQLite they take turns on the write lock. Either way the database must end with one
run row per (subscription, period), one order per placed run, and stock down by exactly
what was ordered.
"""

from __future__ import annotations

import signal
import socket
import subprocess
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from assistant.reorder.recurrence import Recurrence, zone
from assistant.store.models import SubscriptionRun
from tests.reorder_bulk import (
    DUE,
    Audit,
    Bulk,
    audit,
    make_shop,
    open_engine,
    populate,
    run_due_cmd,
    spawn,
)

pytestmark = pytest.mark.slow


def assert_exactly_once(found: Audit, bulk: Bulk) -> None:
    assert found.duplicate_periods == 0
    assert found.runs == bulk.subscriptions
    assert found.statuses == {"placed": bulk.subscriptions}
    assert found.orders == bulk.subscriptions
    assert found.orders_without_run == 0
    assert found.placed_without_order == 0
    assert found.duplicate_keys == 0
    assert found.stock_used == found.ordered
    # populate() orders 1, 2, 3, 1, 2, 3 ... items
    assert sum(found.ordered.values()) == sum(1 + i % 3 for i in range(bulk.subscriptions))


def three_run_due(url: str, tmp_path: Path, batch: int) -> list[subprocess.Popen[bytes]]:
    procs = [
        spawn(url, *run_due_cmd(url, DUE, "--batch", str(batch)), log=tmp_path / f"d{i}.log")
        for i in range(3)
    ]
    for proc in procs:
        assert proc.wait(timeout=240) == 0, (tmp_path / "d0.log").read_text()[-2000:]
    return procs


def workers_of(procs: list[subprocess.Popen[bytes]]) -> set[str]:
    return {f"{socket.gethostname()}:{proc.pid}"[:64] for proc in procs}


def test_three_run_due_daemons_share_postgres_exactly_once(pg_url: str, tmp_path: Path) -> None:
    make_shop(pg_url)
    engine = open_engine(pg_url)
    bulk = populate(engine, 6000, products=40)
    procs = three_run_due(pg_url, tmp_path, batch=25)
    found = audit(engine, bulk)
    engine.dispose()
    assert_exactly_once(found, bulk)
    assert set(found.workers) == workers_of(procs)  # every daemon placed some of them


def test_three_daemons_take_turns_on_sqlite(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'shop.db'}"
    make_shop(url)
    engine = open_engine(url)
    bulk = populate(engine, 3000, products=30)
    procs = three_run_due(url, tmp_path, batch=25)
    found = audit(engine, bulk)
    engine.dispose()
    assert_exactly_once(found, bulk)
    assert set(found.workers) <= workers_of(procs)


def wall_clock_daily(now: datetime) -> tuple[Recurrence, datetime]:
    """A daily Seoul schedule whose latest time is the minute before ``now``."""
    seoul = zone("Asia/Seoul")
    local = (now - timedelta(minutes=1)).astimezone(seoul).replace(second=0, microsecond=0)
    rec = Recurrence("daily", local.date() - timedelta(days=5), hour=local.hour,
                     minute=local.minute)  # fmt: skip
    return rec, local.astimezone(UTC)


def placed_count(engine: Engine) -> int:
    with Session(engine) as s:
        return int(s.scalar(select(func.count()).select_from(SubscriptionRun)) or 0)


def test_three_long_running_daemons_on_postgres(pg_url: str, tmp_path: Path) -> None:
    make_shop(pg_url)
    engine = open_engine(pg_url)
    rec, first = wall_clock_daily(datetime.now(UTC))
    bulk = populate(engine, 4000, products=40, first=first, rec=rec)
    logs = [tmp_path / f"d{i}.log" for i in range(3)]
    procs = [spawn(pg_url, "--sync-seconds", "1", "--batch", "20", log=log) for log in logs]
    try:
        deadline = time.monotonic() + 120
        while placed_count(engine) < bulk.subscriptions and time.monotonic() < deadline:
            assert all(p.poll() is None for p in procs), logs[0].read_text()[-2000:]
            time.sleep(0.5)
        time.sleep(2)  # a few more syncs: nothing is placed twice
    finally:
        for proc in procs:
            proc.send_signal(signal.SIGTERM)
        codes = [proc.wait(timeout=60) for proc in procs]
    found = audit(engine, bulk)
    engine.dispose()
    assert codes == [0, 0, 0]
    for log in logs:
        assert " stopped" in log.read_text()
    assert_exactly_once(found, bulk)
    assert set(found.workers) == workers_of(procs)
