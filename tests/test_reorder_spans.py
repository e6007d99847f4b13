"""Long downtime: the missed periods of one catch-up are one run row per subscription (a span
with its count) and one notification, still exactly once; ``--now`` outside 2000-2099 and
schedules past the end of the calendar get a clear refusal instead of an OverflowError.

Two daemons side by side on one SQLite file are not part of the catch-up test: a batch of
catch-ups holds the write lock about a second, the other daemon's busy timeout (2 s) runs
out five times in a row and it exits with "the database is in use" (rc 3); that is the
SQLite write lock's unfairness, the same with one row per missed period.
"""

from __future__ import annotations

import os
import random
import re
import signal
import time
from collections import Counter
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select, update
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from assistant.reorder.recurrence import Recurrence, between, zone
from assistant.reorder.runner import run_due
from assistant.reorder.service import pause, resume
from assistant.store import db
from assistant.store.models import (
    Notification,
    Subscription,
    SubscriptionRun,
    SubscriptionStatus,
)
from tests.conftest import Runner
from tests.reorder_bulk import (
    DUE,
    audit,
    expected_periods,
    make_shop,
    missing_periods,
    open_engine,
    populate,
    run_due_cmd,
    spawn,
)
from tests.reorder_helpers import FIRST_RUN, MONDAY_NINE, periods, run_rows, subscribe
from tests.shop_helpers import factory, orders

DAILY = Recurrence("daily", date(2026, 11, 1))
"""매일 오전 9시 (Seoul) = 00:00 UTC."""
MON_THU = Recurrence("weekly", date(2026, 11, 1), weekdays=("mon", "thu"))
MONTHLY_15 = Recurrence("monthly", date(2026, 11, 1), day=15)
TWO_YEARS_ON = datetime(2028, 11, 30, 1, 0, tzinfo=UTC)
"""A Thursday, an hour after the daily and the Monday/Thursday runs (inside the grace)."""


def notices(url: str) -> list[tuple[int | None, str, dict[str, object]]]:
    with db.transaction(factory(url)) as session:
        found = session.scalars(select(Notification).order_by(Notification.id))
        return [(n.subscription_id, n.kind, dict(n.data)) for n in found]


def next_runs(url: str) -> dict[int, datetime | None]:
    with db.transaction(factory(url)) as session:
        return {s.id: s.next_run_at for s in session.scalars(select(Subscription))}


def test_two_years_off_leave_one_row_per_subscription_and_one_notice(
    db_url: str, jangbogi: Runner
) -> None:
    f = factory(db_url)
    subs = {subscribe(f, sku="EGG-001", rec=DAILY): DAILY,
            subscribe(f, sku="DAI-001", rec=MON_THU): MON_THU,
            subscribe(f, sku="DAI-002", rec=MONTHLY_15): MONTHLY_15}  # fmt: skip
    owed = {
        sid: between(rec, zone("Asia/Seoul"), start, TWO_YEARS_ON)
        for (sid, rec), start in zip(subs.items(), next_runs(db_url).values(), strict=True)
    }
    result = jangbogi("daemon", "--db", db_url, "--run-due", "--now", TWO_YEARS_ON.isoformat())
    assert result.code == 0, result.err
    missed = sum(len(p) for p in owed.values()) - 2  # the daily and the Thursday run placed
    assert result.out.strip() == f"예정된 정기 배송 3건: 놓침 {missed}, 주문 2"
    # every owed period is recorded exactly once, and nothing else is
    got = periods(f)
    assert len(got) == len(set((p[0], p[1]) for p in got))
    assert sorted((p[0], p[1]) for p in got) == sorted(
        (sid, at) for sid, ats in owed.items() for at in ats
    )
    # ... in at most two rows per subscription: one span of missed periods and the catch-up
    daily, weekly, monthly = subs
    assert [(r[0], r[3], r[4]) for r in run_rows(f)] == [
        (daily, len(owed[daily]) - 1, "missed"),
        (weekly, len(owed[weekly]) - 1, "missed"),
        (monthly, len(owed[monthly]), "missed"),  # its last time (Nov 15) is past the grace
        (daily, 1, "placed"),
        (weekly, 1, "placed"),
    ]
    assert len(orders(db_url)) == 2
    told = notices(db_url)
    assert [(n[0], n[1]) for n in told] == [
        (daily, "caught_up"),
        (weekly, "caught_up"),
        (monthly, "missed"),
    ]
    assert told[0][2]["missed"] == len(owed[daily]) - 1
    assert told[2][2]["count"] == len(owed[monthly])
    assert told[2][2]["last_period"] == owed[monthly][-1].isoformat()
    # one log line per row, the span's with its last period and count
    lines = [ln for ln in result.err.splitlines() if " jangbogi.reorder " in ln]
    assert len(lines) == 5
    assert re.search(
        rf"missed subscription={daily} period={owed[daily][0]:%Y-%m-%dT%H:%MZ} "
        rf"until=2028-11-29T00:00Z "
        rf"periods={len(owed[daily]) - 1} ",
        result.err,
    )
    again = jangbogi(
        "daemon", "--db", db_url, "--run-due", "--now", TWO_YEARS_ON.isoformat(), "--lang", "en"
    )
    assert again.out.strip() == "0 subscriptions due: nothing"
    assert len(run_rows(f)) == 5


def test_a_period_inside_a_recorded_span_is_never_placed_or_recorded_again(db_url: str) -> None:
    """Whatever puts next_run_at back into a span (a restored backup, a bug): the span stops
    it, as the unique (subscription, period) key stops it for a single period."""
    f = factory(db_url)
    sub_id = subscribe(f)
    back = FIRST_RUN + 3 * 7 * timedelta(days=1) + timedelta(hours=20)  # past the grace
    assert run_due(f, back).to_json() == {"subscriptions": 1, "missed": 4}
    rows = run_rows(f)
    assert [r[1:] for r in rows] == [(FIRST_RUN, FIRST_RUN + timedelta(weeks=3), 4, "missed")]
    for stale, now in (
        (FIRST_RUN + timedelta(weeks=3), FIRST_RUN + timedelta(weeks=3, hours=1)),  # one due
        (FIRST_RUN + timedelta(weeks=1), FIRST_RUN + timedelta(weeks=3, hours=1)),  # several
    ):
        with db.transaction(f) as session:
            session.execute(
                update(Subscription).where(Subscription.id == sub_id).values(next_run_at=stale)
            )
        report = run_due(f, now)
        assert report.to_json() == {"subscriptions": 0, "failed": 1}
        assert orders(db_url) == [] and run_rows(f) == rows
        assert next_runs(db_url)[sub_id] == FIRST_RUN + timedelta(weeks=4)
    assert [n[1] for n in notices(db_url)] == ["missed", "failed", "failed"]


def test_resume_starts_after_a_span_recorded_ahead_of_the_clock(db_url: str) -> None:
    """`daemon --run-due --now` two years ahead, then the household pauses and resumes on the
    real day: the next run is the first period no row stands for, not one inside the span."""
    f = factory(db_url)
    sub_id = subscribe(f, rec=MONDAY_NINE)
    ahead = FIRST_RUN + timedelta(weeks=10, hours=20)
    run_due(f, ahead)
    today = FIRST_RUN + timedelta(days=2)
    with db.transaction(f) as session:
        household = session.get(Subscription, sub_id)
        assert household is not None
        pause(session, household.household_id, sub_id, today)
        sub = resume(session, household.household_id, sub_id, today)
        assert sub.next_run_at == FIRST_RUN + timedelta(weeks=11)
        assert sub.status is SubscriptionStatus.ACTIVE


@pytest.mark.parametrize(
    "now",
    ["9999-12-31T23:59Z", "2100-01-01T00:00Z", "2099-12-31T23:00-05:00", "1999-12-31T23:59Z",
     "0001-01-01T00:00+09:00"],
)  # fmt: skip
def test_now_outside_2000_to_2099_is_refused_and_changes_nothing(
    db_url: str, jangbogi: Runner, now: str
) -> None:
    f = factory(db_url)
    subscribe(f, rec=DAILY)
    before = next_runs(db_url)
    result = jangbogi("daemon", "--db", db_url, "--run-due", "--now", now)
    assert result.code == 2
    assert f"argument --now: '{now}' is outside the years 2000-2099" in result.err
    assert "Traceback" not in result.err and "OverflowError" not in result.err
    assert run_rows(f) == [] and next_runs(db_url) == before


def test_the_last_day_of_2099_is_still_accepted(db_url: str, jangbogi: Runner) -> None:
    f = factory(db_url)
    subscribe(f, rec=MONDAY_NINE)
    result = jangbogi("daemon", "--db", db_url, "--run-due", "--now", "2099-12-31T23:59+00:00")
    assert result.code == 0, result.err
    ((_, first, last, count, status),) = run_rows(f)
    assert (first, status) == (FIRST_RUN, "missed") and last is not None
    assert count == len(between(MONDAY_NINE, zone("Asia/Seoul"), FIRST_RUN, last)) > 3800


def test_a_schedule_past_the_end_of_the_calendar_pauses_instead_of_crashing(db_url: str) -> None:
    """Year 9999 has no next day: the subscription is stopped and the household told; the
    runner goes on (before: OverflowError out of the daemon, rc 70)."""
    f = factory(db_url)
    sub_id = subscribe(f, rec=DAILY)
    late = datetime(9999, 12, 30, 0, 0, tzinfo=UTC)
    with db.transaction(f) as session:
        session.execute(
            update(Subscription).where(Subscription.id == sub_id).values(next_run_at=late)
        )
    report = run_due(f, datetime(9999, 12, 31, 1, 0, tzinfo=UTC))
    assert report.to_json() == {"subscriptions": 0, "failed": 1}
    assert orders(db_url) == [] and run_rows(f) == []
    with db.transaction(f) as session:
        sub = session.get(Subscription, sub_id)
        assert sub is not None and sub.status is SubscriptionStatus.PAUSED
    ((_, kind, data),) = notices(db_url)
    assert kind == "failed" and "9999" in str(data["reason"])


@pytest.mark.slow
@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_sigkill_during_a_two_year_catch_up_leaves_every_period_exactly_once(
    backend: str, tmp_path: Path, request: pytest.FixtureRequest,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    """Daemons catching up two years for every subscription, killed with SIGKILL a random
    moment after they committed something, then the rest finished (two daemons side by side
    on PostgreSQL): every period stands in exactly one row, one span and one order per
    subscription, one notice each."""
    seed = int(os.environ.get("JANGBOGI_KILL_SEED", time.time_ns() % 1_000_000))
    rng = random.Random(seed)
    url = f"sqlite:///{tmp_path / 'shop.db'}"
    if backend == "postgresql":
        url = request.getfixturevalue("pg_url")
    make_shop(url)
    engine = open_engine(url)
    bulk = populate(engine, 1200 if backend == "sqlite" else 800, products=30)
    now = DUE + timedelta(days=730, hours=1)
    log = tmp_path / "daemon.log"
    kills = 0
    for _ in range(4):
        before = _run_count(engine)
        proc = spawn(url, *run_due_cmd(url, now, "--batch", "20"), log=log)
        deadline = time.monotonic() + 60
        while proc.poll() is None and _run_count(engine) in (before, -1):
            assert time.monotonic() < deadline, log.read_text()[-2000:]
            time.sleep(0.02)
        time.sleep(rng.uniform(0.0, 0.4))
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            kills += 1
        proc.wait(timeout=30)
    side_by_side = 2 if backend == "postgresql" else 1  # SQLite: see the module doc
    finish = [spawn(url, *run_due_cmd(url, now, "--batch", "50"), log=log)
              for _ in range(side_by_side)]  # fmt: skip
    assert all(p.wait(timeout=300) == 0 for p in finish), log.read_text()[-2000:]
    with capsys.disabled():
        print(f"\n[{backend}] seed={seed} kills={kills} (JANGBOGI_KILL_SEED={seed} replays it)")
    found = audit(engine, bulk)
    missing = missing_periods(engine, bulk, now)
    with Session(engine) as s:
        told = Counter(
            (n.subscription_id, n.kind, n.data.get("missed"))
            for n in s.scalars(select(Notification).where(Notification.household_id > 1))
        )
    engine.dispose()
    n, owed = bulk.subscriptions, expected_periods(bulk, now)
    assert owed == 731 and kills >= 1
    assert found.duplicate_periods == 0 and missing == 0
    assert found.runs == 2 * n  # one span and one placed row per subscription
    assert found.statuses == {"missed": (owed - 1) * n, "placed": n}
    assert found.orders == n and found.orders_without_run == found.placed_without_order == 0
    assert found.duplicate_keys == 0 and found.stock_used == found.ordered
    assert len(told) == n and set(told.values()) == {1}
    assert {(kind, missed) for _, kind, missed in told} == {("caught_up", owed - 1)}


def _run_count(engine: Engine) -> int:
    """Run rows so far (-1 while a daemon's commit keeps the SQLite file locked)."""
    try:
        with Session(engine) as s:
            return int(s.scalar(select(func.count()).select_from(SubscriptionRun)) or 0)
    except OperationalError:
        return -1
