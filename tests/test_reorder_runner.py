"""The runner: each period placed exactly once, downtime, clock changes, guards, notices."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError

from assistant.reorder.recurrence import Recurrence
from assistant.reorder.runner import run_due
from assistant.reorder.settle import settle
from assistant.store import db
from assistant.store.models import (
    Household,
    Notification,
    Order,
    OrderStatus,
    OutOfStockPolicy,
    PaymentMethod,
    Product,
    Subscription,
    SubscriptionStatus,
)
from tests.reorder_helpers import FIRST_RUN, periods, run_rows, runs, subscribe
from tests.shop_helpers import cli, factory, orders, rows, stock

WEEK = timedelta(weeks=1)


def notices(url: str) -> list[tuple[str, dict[str, object]]]:
    with db.transaction(factory(url)) as session:
        found = session.scalars(select(Notification).order_by(Notification.id))
        return [(n.kind, dict(n.data)) for n in found]


def set_household(url: str, **values: object) -> None:
    with db.transaction(factory(url)) as session:
        session.execute(update(Household).values(**values))


def set_product(url: str, sku: str, **values: object) -> None:
    with db.transaction(factory(url)) as session:
        session.execute(update(Product).where(Product.sku == sku).values(**values))


def test_a_period_is_placed_once_at_its_time_and_never_again(db_url: str) -> None:
    f = factory(db_url)
    subscribe(f)
    before = stock(db_url, "EGG-001")
    assert run_due(f, FIRST_RUN - timedelta(seconds=1)).subscriptions == 0
    report = run_due(f, FIRST_RUN)
    assert report.to_json() == {"subscriptions": 1, "placed": 1}
    for later in (FIRST_RUN, FIRST_RUN + timedelta(minutes=3), FIRST_RUN + timedelta(days=6)):
        assert run_due(f, later).subscriptions == 0
    assert runs(f) == [(1, FIRST_RUN, "placed", 1)]
    (order,) = orders(db_url)
    assert order[1:3] == ("placed", "demo") and order[3] == 10980  # member price, free delivery
    assert stock(db_url, "EGG-001") == before - 1
    assert rows(db_url, "select channel, idempotency_key from orders") == [
        ("auto", "sub:1:20261130T000000Z")
    ]
    assert run_due(f, FIRST_RUN + WEEK).to_json() == {"subscriptions": 1, "placed": 1}
    assert [r[1] for r in runs(f)] == [FIRST_RUN, FIRST_RUN + WEEK]


def test_a_second_placement_of_the_same_period_is_refused_by_the_database(db_url: str) -> None:
    f = factory(db_url)
    sub_id = subscribe(f)
    run_due(f, FIRST_RUN)
    with pytest.raises(IntegrityError), f() as session, session.begin():
        sub = session.get(Subscription, sub_id)
        assert sub is not None
        sub.next_run_at = FIRST_RUN  # as if the first placement had never moved it on
        settle(session, sub, FIRST_RUN, "intruder")
        session.flush()
    assert len(orders(db_url)) == 1 and len(runs(f)) == 1


def test_a_stale_next_run_never_orders_twice(db_url: str) -> None:
    """Whatever put next_run_at back (a restored backup, a bug), the run row stops it."""
    f = factory(db_url)
    sub_id = subscribe(f)
    run_due(f, FIRST_RUN)
    with db.transaction(f) as session:
        session.execute(
            update(Subscription).where(Subscription.id == sub_id).values(next_run_at=FIRST_RUN)
        )
    report = run_due(f, FIRST_RUN + timedelta(minutes=1))
    assert report.counts["failed"] == 1
    assert len(orders(db_url)) == 1 and len(runs(f)) == 1
    with db.transaction(f) as session:
        sub = session.get(Subscription, sub_id)
        assert sub is not None and sub.next_run_at == FIRST_RUN + WEEK


def test_after_downtime_one_catch_up_order_within_the_grace_window(db_url: str) -> None:
    f = factory(db_url)
    subscribe(f)
    back = FIRST_RUN + 3 * WEEK + timedelta(hours=2)  # off across four Mondays
    assert run_due(f, back).to_json() == {"subscriptions": 1, "missed": 3, "placed": 1}
    statuses = [(r[1], r[2]) for r in periods(f)]
    assert statuses == [
        (FIRST_RUN, "missed"),
        (FIRST_RUN + WEEK, "missed"),
        (FIRST_RUN + 2 * WEEK, "missed"),
        (FIRST_RUN + 3 * WEEK, "placed"),
    ]
    assert [r[1:] for r in run_rows(f)] == [  # the three missed ones are one row
        (FIRST_RUN, FIRST_RUN + 2 * WEEK, 3, "missed"),
        (FIRST_RUN + 3 * WEEK, None, 1, "placed"),
    ]
    assert len(orders(db_url)) == 1
    ((kind, data),) = notices(db_url)
    assert kind == "caught_up" and data["missed"] == 3 and data["product"]


def test_past_the_grace_window_nothing_is_ordered_and_the_household_is_told(
    db_url: str,
) -> None:
    f = factory(db_url)
    subscribe(f)
    set_household(db_url, reorder_grace_minutes=60)
    back = FIRST_RUN + WEEK + timedelta(hours=2)
    assert run_due(f, back).to_json() == {"subscriptions": 1, "missed": 2}
    assert orders(db_url) == []
    assert [r[1:] for r in run_rows(f)] == [(FIRST_RUN, FIRST_RUN + WEEK, 2, "missed")]
    ((kind, data),) = notices(db_url)
    assert kind == "missed" and data["count"] == 2
    assert data["last_period"] == (FIRST_RUN + WEEK).isoformat()
    assert run_due(f, FIRST_RUN + 2 * WEEK).to_json() == {"subscriptions": 1, "placed": 1}


def test_clock_going_back_and_dst_never_fire_twice(db_url: str) -> None:
    f = factory(db_url)
    set_household(db_url, timezone="America/New_York")
    rec = Recurrence("daily", date(2026, 10, 30), hour=1, minute=30)  # 01:30 twice on 11/1
    subscribe(f, rec=rec, created=datetime(2026, 10, 31, tzinfo=UTC))
    now = datetime(2026, 10, 31, 0, tzinfo=UTC)
    while now < datetime(2026, 11, 3, 12, tzinfo=UTC):  # every 10 minutes for 3.5 days
        run_due(f, now)
        run_due(f, now - timedelta(hours=1))  # the clock jumps back an hour: nothing new
        now += timedelta(minutes=10)
    periods = [r[1] for r in runs(f)]
    assert periods == [
        datetime(2026, 10, 31, 5, 30, tzinfo=UTC),
        datetime(2026, 11, 1, 5, 30, tzinfo=UTC),  # the first 01:30 (EDT) only
        datetime(2026, 11, 2, 6, 30, tzinfo=UTC),
        datetime(2026, 11, 3, 6, 30, tzinfo=UTC),
    ]
    assert {r[2] for r in runs(f)} == {"placed"} and len(orders(db_url)) == 4


def test_a_price_rise_over_the_limit_holds_the_run(db_url: str) -> None:
    f = factory(db_url)
    subscribe(f)  # agreed at the member price 10,980
    set_product(db_url, "EGG-001", price=14000, member_price=13200)  # +20.2 % > 20 %
    assert run_due(f, FIRST_RUN).to_json() == {"subscriptions": 1, "held": 1}
    assert orders(db_url) == []
    ((kind, data),) = notices(db_url)
    assert (kind, data["old_price"], data["new_price"], data["pct"]) == ("held", 10980, 13200, 20)
    set_product(db_url, "EGG-001", member_price=13170)  # +19.9 %: within the limit
    assert run_due(f, FIRST_RUN + WEEK).to_json() == {"subscriptions": 1, "placed": 1}


def test_out_of_stock_skips_or_substitutes_by_household_setting(db_url: str) -> None:
    f = factory(db_url)
    subscribe(f)
    set_product(db_url, "EGG-001", stock=0)
    assert run_due(f, FIRST_RUN).to_json() == {"subscriptions": 1, "skipped": 1}
    assert orders(db_url) == [] and notices(db_url)[0][0] == "out_of_stock"
    set_household(db_url, reorder_out_of_stock=OutOfStockPolicy.SUBSTITUTE)
    assert run_due(f, FIRST_RUN + WEEK).to_json() == {"subscriptions": 1, "placed": 1}
    (sku,) = rows(db_url, "select l.sku from order_lines l")[0]
    assert sku.startswith("EGG-") and sku != "EGG-001"
    kind, data = notices(db_url)[-1]
    assert kind == "substituted" and data["substitute"] and data["order_id"] == 1


def test_a_purchase_rule_refusal_fails_the_run_and_orders_nothing(db_url: str) -> None:
    f = factory(db_url)
    subscribe(f)
    with db.transaction(f) as session:
        session.execute(update(PaymentMethod).values(is_default=False))
    assert run_due(f, FIRST_RUN).to_json() == {"subscriptions": 1, "failed": 1}
    assert orders(db_url) == []
    kind, data = notices(db_url)[0]
    assert kind == "failed" and "카드" in str(data["reason"])
    assert data["error"] == "PaymentRequiredError"


def test_paused_and_cancelled_subscriptions_do_not_run(db_url: str) -> None:
    f = factory(db_url)
    paused, cancelled = subscribe(f), subscribe(f, sku="DAI-001")
    with db.transaction(f) as session:
        session.execute(update(Subscription).where(Subscription.id == paused)
                        .values(status=SubscriptionStatus.PAUSED))  # fmt: skip
        session.execute(update(Subscription).where(Subscription.id == cancelled)
                        .values(status=SubscriptionStatus.CANCELLED))  # fmt: skip
    assert run_due(f, FIRST_RUN + WEEK).subscriptions == 0
    assert runs(f) == []


def test_a_broken_schedule_is_paused_and_the_others_still_run(db_url: str) -> None:
    f = factory(db_url)
    broken = subscribe(f)
    subscribe(f, sku="DAI-001")
    with db.transaction(f) as session:
        session.execute(update(Subscription).where(Subscription.id == broken)
                        .values(schedule={"freq": "weekly"}))  # fmt: skip
    report = run_due(f, FIRST_RUN)
    assert report.counts["placed"] == 1 and report.counts["failed"] == 1
    with db.transaction(f) as session:
        sub = session.get(Subscription, broken)
        assert sub is not None and sub.status is SubscriptionStatus.PAUSED
    assert [k for k, _ in notices(db_url)] == ["failed", "placed"]  # the other one's order


def test_a_childs_subscription_waits_for_an_adult(db_url: str) -> None:
    assert cli(db_url, "member", "add", "민지", "--role", "child") == 0
    f = factory(db_url)
    subscribe(f, member="민지")
    run_due(f, FIRST_RUN)
    with db.transaction(f) as session:
        (order,) = session.scalars(select(Order))
        assert order.status is OrderStatus.PENDING_APPROVAL
