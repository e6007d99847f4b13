"""The long-running daemon with the real APScheduler: wakes at a subscription's time,
picks up new subscriptions, catches up at start, stops cleanly."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from assistant.reorder.daemon import ReorderDaemon
from assistant.reorder.recurrence import Recurrence
from assistant.reorder.runner import run_due
from tests.reorder_helpers import periods, run_rows, runs, subscribe
from tests.shop_helpers import factory, orders

SEOUL_OFFSET = timedelta(hours=9)


def shifted_clock(first_run: datetime, lead: float) -> Callable[[], datetime]:
    """A clock that says ``first_run - lead`` seconds now and then runs at real speed."""
    offset = first_run - timedelta(seconds=lead) - datetime.now(UTC)
    return lambda: datetime.now(UTC) + offset


def daily_at(run: datetime) -> Recurrence:
    local = run + SEOUL_OFFSET
    return Recurrence("daily", (local - timedelta(days=1)).date(), hour=local.hour,
                      minute=local.minute)  # fmt: skip


def wait_for(check: Callable[[], bool], seconds: float = 20) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.1)
    return False


def test_the_daemon_wakes_at_the_subscriptions_time_and_places_it_once(db_url: str) -> None:
    f = factory(db_url)
    first = datetime(2026, 12, 1, 0, 0, tzinfo=UTC)
    subscribe(f, rec=daily_at(first), created=first - timedelta(hours=1))
    clock = shifted_clock(first, lead=1.5)
    daemon = ReorderDaemon(f, sync_seconds=3600, clock=clock)
    daemon.start()
    try:
        assert runs(f) == []  # not before its time
        assert wait_for(lambda: len(runs(f)) == 1), "the daemon did not place it"
        assert clock() >= first
        time.sleep(1.0)  # the wake-up is not repeated
    finally:
        daemon.stop()
    assert [(r[1], r[2]) for r in runs(f)] == [(first, "placed")]
    assert len(orders(db_url)) == 1
    assert not daemon.scheduler.running


def test_a_subscription_added_while_running_is_picked_up_by_the_sync(db_url: str) -> None:
    f = factory(db_url)
    first = datetime(2026, 12, 1, 0, 0, tzinfo=UTC)
    clock = shifted_clock(first, lead=2.0)
    daemon = ReorderDaemon(f, sync_seconds=1, clock=clock)
    daemon.start()
    try:
        time.sleep(0.3)
        subscribe(f, rec=daily_at(first), created=first - timedelta(hours=1))
        assert wait_for(lambda: len(runs(f)) == 1), "the new subscription was not placed"
    finally:
        daemon.stop()
    assert [(r[1], r[2]) for r in runs(f)] == [(first, "placed")]


def test_at_start_the_daemon_catches_up_once_and_run_due_finds_nothing_left(
    db_url: str,
) -> None:
    f = factory(db_url)
    first = datetime(2026, 12, 1, 0, 0, tzinfo=UTC)
    subscribe(f, rec=daily_at(first), created=first - timedelta(hours=1))
    clock = shifted_clock(first + timedelta(days=2, hours=1), lead=0)  # off for three runs
    daemon = ReorderDaemon(f, sync_seconds=3600, clock=clock)
    daemon.start()
    try:
        assert wait_for(lambda: len(periods(f)) == 3)
    finally:
        daemon.stop()
    assert [r[2] for r in periods(f)] == ["missed", "missed", "placed"]
    assert [r[3:] for r in run_rows(f)] == [(2, "missed"), (1, "placed")]  # one row missed
    assert run_due(f, clock()).subscriptions == 0
    assert len(orders(db_url)) == 1
