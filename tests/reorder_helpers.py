"""Subscriptions written straight into a test database, and what the runner left there."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from assistant.reorder.recurrence import Recurrence, between, next_after, zone
from assistant.shop.pricing import member_pricing_applies, unit_price
from assistant.store import db
from assistant.store.models import Member, Product, Subscription, SubscriptionRun

MONDAY_NINE = Recurrence("weekly", date(2026, 11, 1), weekdays=("mon",))
"""매주 월요일 오전 9시 (Seoul): 2026-11-30 00:00 UTC is one of its times."""
FIRST_RUN = datetime(2026, 11, 30, 0, 0, tzinfo=UTC)
CREATED = datetime(2026, 11, 25, 3, 0, tzinfo=UTC)


def subscribe(
    factory: sessionmaker[Session],
    *,
    sku: str = "EGG-001",
    quantity: int = 1,
    rec: Recurrence = MONDAY_NINE,
    created: datetime = CREATED,
    member: str = "demo",
) -> int:
    """A subscription made at ``created`` (price agreed then); returns its id."""
    with db.transaction(factory) as session:
        who = session.scalars(select(Member).where(Member.name == member)).one()
        product = session.scalars(select(Product).where(Product.sku == sku)).one()
        household = who.household
        sub = Subscription(
            household_id=household.id, member_id=who.id, product_id=product.id,
            quantity=quantity, schedule=rec.to_json(), timezone=household.timezone,
            price_at_creation=unit_price(product, member_pricing_applies(household)),
            next_run_at=next_after(rec, zone(household.timezone), created), created_at=created,
        )  # fmt: skip
        session.add(sub)
        session.flush()
        return sub.id


def runs(factory: sessionmaker[Session]) -> list[tuple[int, datetime, str, int | None]]:
    """(subscription, period, status, order) of every run, in period order."""
    with db.transaction(factory) as session:
        found = session.scalars(
            select(SubscriptionRun).order_by(SubscriptionRun.period_at, SubscriptionRun.id)
        )
        return [(r.subscription_id, r.period_at, r.status.value, r.order_id) for r in found]


def run_rows(
    factory: sessionmaker[Session],
) -> list[tuple[int, datetime, datetime | None, int, str]]:
    """(subscription, period, span's last period or None, periods, status) of every run row."""
    with db.transaction(factory) as session:
        found = session.scalars(
            select(SubscriptionRun).order_by(SubscriptionRun.period_at, SubscriptionRun.id)
        )
        return [(r.subscription_id, r.period_at, r.period_until, r.periods, r.status.value)
                for r in found]  # fmt: skip


def periods(factory: sessionmaker[Session]) -> list[tuple[int, datetime, str, int | None]]:
    """Like :func:`runs`, one entry per period: a span of missed periods stands for each
    period of its subscription's schedule from its first to its last, and must hold exactly
    as many as it says."""
    out: list[tuple[int, datetime, str, int | None]] = []
    with db.transaction(factory) as session:
        for r in session.scalars(select(SubscriptionRun)):
            if r.period_until is None:
                assert r.periods == 1
                out.append((r.subscription_id, r.period_at, r.status.value, r.order_id))
                continue
            sub = session.get(Subscription, r.subscription_id)
            assert sub is not None
            covered = between(Recurrence.from_json(sub.schedule), zone(sub.timezone),
                              r.period_at, r.period_until)  # fmt: skip
            assert len(covered) == r.periods and covered[0] == r.period_at, r.id
            assert covered[-1] == r.period_until and r.order_id is None, r.id
            out += [(r.subscription_id, at, r.status.value, None) for at in covered]
    return sorted(out, key=lambda p: (p[1], p[0]))
