"""Thousands of due subscriptions written fast, daemons as real processes, and the audit.

Shared by the scale-out, kill and SIGTERM tests and by ``bench/reorder_bench.py``.
Households are written with bulk inserts (an owner, a default card, a home address,
membership), so every subscription can really be ordered through
:func:`assistant.shop.purchase.place_for_member`.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, func, insert, select, text, update
from sqlalchemy.orm import Session

from assistant.cli import main
from assistant.reorder.recurrence import Recurrence, between, zone
from assistant.shop.pricing import unit_price
from assistant.store import db
from assistant.store.models import (
    Address,
    DeliveryKind,
    Household,
    Member,
    Order,
    OrderLine,
    PaymentMethod,
    Product,
    Role,
    Subscription,
    SubscriptionRun,
    SubscriptionStatus,
)

ROOT = Path(__file__).resolve().parent.parent
DAILY_NINE = Recurrence("daily", date(2026, 11, 1))
"""매일 오전 9시 (Seoul) = 00:00 UTC."""
DUE = datetime(2026, 11, 30, 0, 0, tzinfo=UTC)
"""The first period of every bulk subscription."""
STOCK = 10_000_000
"""Stock of every product the bulk subscriptions use (never runs out)."""
PER_HOUSEHOLD = 5
"""Subscriptions per household."""


@dataclass(frozen=True)
class Bulk:
    """What :func:`populate` wrote."""

    subscriptions: int
    """How many subscriptions (all active, first due at ``first``)."""
    products: tuple[int, ...]
    """Ids of the products they order (stock :data:`STOCK` each)."""
    first: datetime
    """Their first period (UTC)."""


def make_shop(url: str) -> None:
    """Schema, catalog and the demo household (``jangbogi demo init``), quietly."""
    import contextlib
    import io

    with contextlib.redirect_stdout(io.StringIO()):
        if main(["demo", "init", "--db", url]) != 0:
            raise RuntimeError(f"demo init failed for {url}")


def populate(
    engine: Engine,
    subscriptions: int,
    *,
    products: int = 50,
    first: datetime = DUE,
    rec: Recurrence = DAILY_NINE,
    chunk: int = 5000,
) -> Bulk:
    """``subscriptions`` subscriptions over ``subscriptions / 5`` new households, each due
    first at ``first`` and ordering one of ``products`` catalog products (round robin)."""
    now = first - timedelta(days=5)
    n_households = -(-subscriptions // PER_HOUSEHOLD)
    with Session(engine) as session, session.begin():
        chosen = list(
            session.scalars(
                select(Product).where(Product.active.is_(True)).order_by(Product.id).limit(products)
            )
        )
        ids = [p.id for p in chosen]
        session.execute(update(Product).where(Product.id.in_(ids)).values(stock=STOCK))
        prices = [unit_price(p, True) for p in chosen]
        start = session.scalar(select(func.coalesce(func.max(Household.id), 0))) or 0
        for lo in range(0, n_households, chunk):
            hi = min(lo + chunk, n_households)
            session.execute(
                insert(Household), [_household(start + 1 + i, now) for i in range(lo, hi)]
            )
            hh = list(
                session.scalars(
                    select(Household.id).where(Household.id > start).order_by(Household.id)
                )
            )[lo:hi]
            session.execute(insert(Member), [_member(h, now) for h in hh])
            session.execute(insert(PaymentMethod), [_card(h, now) for h in hh])
            session.execute(insert(Address), [_home(h) for h in hh])
        households = list(
            session.scalars(select(Household.id).where(Household.id > start).order_by(Household.id))
        )
        members = dict(
            session.execute(
                select(Member.household_id, Member.id).where(Member.household_id > start)
            ).all()
        )
        rows: list[dict[str, Any]] = []
        for i in range(subscriptions):
            household = households[i // PER_HOUSEHOLD]
            k = i % len(ids)
            rows.append(
                {"household_id": household, "member_id": members[household],
                 "product_id": ids[k], "quantity": 1 + i % 3, "schedule": rec.to_json(),
                 "timezone": "Asia/Seoul", "status": SubscriptionStatus.ACTIVE,
                 "price_at_creation": prices[k], "next_run_at": first, "created_at": now}
            )  # fmt: skip
            if len(rows) == chunk:
                session.execute(insert(Subscription), rows)
                rows = []
        if rows:
            session.execute(insert(Subscription), rows)
    if engine.dialect.name == "postgresql":  # statistics as a live table has them; not
        # of the still empty orders tables (plans cached for "empty" would scan them)
        with engine.connect() as conn:
            conn.execute(text("ANALYZE subscriptions, households, members, products"))
            conn.commit()
    return Bulk(subscriptions, tuple(ids), first)


def _household(h: int, now: datetime) -> dict[str, Any]:
    return {"name": f"bulk household {h}", "timezone": "Asia/Seoul",
            "membership_active": True, "membership_since": now,
            "default_delivery": DeliveryKind.HOME, "created_at": now}  # fmt: skip


def _member(h: int, now: datetime) -> dict[str, Any]:
    return {"household_id": h, "name": "owner", "role": Role.OWNER, "created_at": now}


def _card(h: int, now: datetime) -> dict[str, Any]:
    return {"household_id": h, "token": f"tok_bulk_{h}", "last4": "4242", "label": "VISA",
            "is_default": True, "created_at": now}  # fmt: skip


def _home(h: int) -> dict[str, Any]:
    return {"household_id": h, "kind": DeliveryKind.HOME, "label": "집",
            "detail": f"서울특별시 마포구 장보기로 {h}", "is_default": True}  # fmt: skip


# -- processes -----------------------------------------------------------------------------


def daemon_cmd(url: str, *args: str) -> list[str]:
    return [sys.executable, "-m", "assistant.cli", "daemon", "--db", url, *args]


def child_env() -> dict[str, str]:
    """The environment of a child ``jangbogi``: this checkout first on the path."""
    path = os.environ.get("PYTHONPATH")
    return {**os.environ, "PYTHONPATH": f"{ROOT}{os.pathsep}{path}" if path else str(ROOT)}


def spawn(url: str, *args: str, log: Path | None = None) -> subprocess.Popen[bytes]:
    """Start ``jangbogi daemon --db url ARGS``; stderr (the log) goes to ``log``."""
    err = log.open("ab") if log is not None else subprocess.DEVNULL
    try:
        return subprocess.Popen(
            daemon_cmd(url, *args), cwd=ROOT, env=child_env(),
            stdout=subprocess.DEVNULL, stderr=err, stdin=subprocess.DEVNULL,
        )  # fmt: skip
    finally:
        if log is not None:
            err.close()  # type: ignore[union-attr]


def run_due_cmd(url: str, now: datetime, *extra: str) -> list[str]:
    return ["--run-due", "--now", now.isoformat(), *extra]


# -- the audit -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Audit:
    """What the database holds after the daemons ran."""

    runs: int
    """Run rows."""
    duplicate_periods: int
    """(subscription, period) pairs recorded more than once: two rows, a row inside a span
    of missed periods, or two overlapping spans."""
    statuses: Counter[str]
    """Periods by status (a span of missed periods counts each of its periods)."""
    orders: int
    """Orders of the bulk households."""
    orders_without_run: int
    """Orders no placed run row points at."""
    placed_without_order: int
    """Placed run rows whose order does not exist."""
    duplicate_keys: int
    """Idempotency keys used by more than one order."""
    workers: Counter[str]
    """Run rows by the worker that recorded them."""
    stock_used: dict[int, int]
    """Product id -> stock taken since :func:`populate` (STOCK - stock)."""
    ordered: dict[int, int]
    """Product id -> quantity in the order lines."""


def covered_periods(s: Session) -> list[tuple[int, datetime, str]]:
    """(subscription, period, status) for every period a run row stands for: a span of
    missed periods is expanded with its subscription's schedule (and must hold exactly as
    many periods as it says, from its first to its last)."""
    out: list[tuple[int, datetime, str]] = []
    spans: list[SubscriptionRun] = []
    for r in s.scalars(select(SubscriptionRun)):
        if r.period_until is None:
            assert r.periods == 1, f"run {r.id}: {r.periods} periods without a span"
            out.append((r.subscription_id, r.period_at, r.status.value))
        else:
            spans.append(r)
    schedules = {
        sub.id: (Recurrence.from_json(sub.schedule), zone(sub.timezone))
        for sub in s.scalars(
            select(Subscription).where(Subscription.id.in_({r.subscription_id for r in spans}))
        )
    }
    for r in spans:
        rec, tz = schedules[r.subscription_id]
        periods = between(rec, tz, r.period_at, r.last_period)
        assert (len(periods), periods[0], periods[-1]) == (r.periods, r.period_at, r.period_until)
        assert r.status.value == "missed" and r.order_id is None, f"run {r.id}"
        out += [(r.subscription_id, at, r.status.value) for at in periods]
    return out


def audit(engine: Engine, bulk: Bulk) -> Audit:
    with Session(engine) as s:
        runs = s.execute(
            select(SubscriptionRun.subscription_id, SubscriptionRun.period_at,
                   SubscriptionRun.status, SubscriptionRun.order_id, SubscriptionRun.worker)
        ).all()  # fmt: skip
        covered = covered_periods(s)
        pairs = Counter((c[0], c[1]) for c in covered)
        order_ids = set(s.scalars(select(Order.id).where(Order.household_id > 1)))
        placed = {r[3] for r in runs if r[2].value == "placed"}
        keys = s.execute(
            select(Order.idempotency_key, func.count()).group_by(Order.idempotency_key)
        ).all()
        stock = dict(
            s.execute(select(Product.id, Product.stock).where(Product.id.in_(bulk.products))).all()
        )
        ordered = dict(
            s.execute(
                select(OrderLine.product_id, func.sum(OrderLine.quantity))
                .join(Order, Order.id == OrderLine.order_id)
                .where(Order.household_id > 1)
                .group_by(OrderLine.product_id)
            ).all()
        )
    return Audit(
        runs=len(runs),
        duplicate_periods=sum(1 for c in pairs.values() if c > 1),
        statuses=Counter(c[2] for c in covered),
        orders=len(order_ids),
        orders_without_run=len(order_ids - placed),
        placed_without_order=len(placed - order_ids),
        duplicate_keys=sum(1 for _, c in keys if c > 1),
        workers=Counter(r[4] for r in runs),
        stock_used={p: STOCK - stock[p] for p in bulk.products},
        ordered={p: int(ordered.get(p, 0)) for p in bulk.products},
    )


def expected_periods(bulk: Bulk, until: datetime, rec: Recurrence = DAILY_NINE) -> int:
    """Periods each bulk subscription owes from its first one up to ``until``."""
    return len(between(rec, zone("Asia/Seoul"), bulk.first, until))


def missing_periods(engine: Engine, bulk: Bulk, until: datetime) -> int:
    """(subscription, period) pairs up to ``until`` that no run row stands for."""
    periods = between(DAILY_NINE, zone("Asia/Seoul"), bulk.first, until)
    with Session(engine) as s:
        have = {(c[0], c[1]) for c in covered_periods(s)}
        subs = list(s.scalars(select(Subscription.id).where(Subscription.household_id > 1)))
    return sum(1 for sid in subs for p in periods if (sid, p) not in have)


def open_engine(url: str) -> Engine:
    return db.open_engine(url)
