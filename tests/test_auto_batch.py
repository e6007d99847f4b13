"""The daemon's batched placement: the purchase rules over contexts loaded once per batch.

``place_auto`` loads each request's context from the batch's maps and runs the one rule
list (``tests/test_rules.py`` tests the list itself). Here: every rule refuses in a batch,
the day's limit counts the batch's own orders, a key is used once, and whole subscriptions
settled in one batch (``settle_batch``) end exactly as settled one by one (``settle``,
which places through ``place_for_member``): orders, refusals, run rows, notifications and
stock identical.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from assistant.errors import ErrorCode, NotFoundError, ShopError, SpendingLimitError
from assistant.locales import say_for
from assistant.reorder.recurrence import Recurrence
from assistant.reorder.settle import settle, settle_batch
from assistant.shop.autobatch import AutoOrder, place_auto
from assistant.shop.pricing import FREE_DELIVERY_THRESHOLD
from assistant.shop.purchase import Placed, place_for_member
from assistant.store import db
from assistant.store.models import (
    Address,
    Channel,
    DeliveryKind,
    Household,
    Member,
    Notification,
    Order,
    OrderStatus,
    OutOfStockPolicy,
    PaymentMethod,
    Product,
    Role,
    Subscription,
    SubscriptionRun,
)
from tests.reorder_helpers import subscribe

NOW = datetime(2026, 11, 30, 0, 0, tzinfo=UTC)
MEMBERS = ("demo", "kid", "limited", "nocard", "noaddress", "plain")


def _setup(url: str) -> None:
    """Households and members that hit every rule, and products that run out."""
    factory = db.session_factory(db.open_engine(url))
    with db.transaction(factory) as s:
        demo = s.scalars(select(Household).where(Household.name == "데모 가족")).one()
        s.add(Member(household=demo, name="kid", role=Role.CHILD, created_at=NOW))
        s.add(Member(household=demo, name="limited", role=Role.ADULT, created_at=NOW,
                     per_order_limit=15000, per_day_limit=25000))  # fmt: skip
        for name, card, home, member in (
            ("no card", False, True, "nocard"),
            ("no address", True, False, "noaddress"),
            ("not a member", True, True, "plain"),
        ):
            h = Household(name=name, timezone="Asia/Seoul", membership_active=name != "not a "
                          "member", default_delivery=DeliveryKind.HOME, created_at=NOW)  # fmt: skip
            s.add(h)
            s.add(Member(household=h, name=member, role=Role.OWNER, created_at=NOW))
            if card:
                s.add(PaymentMethod(household=h, token=f"tok_{member}", last4="1111",
                                    is_default=True, created_at=NOW))  # fmt: skip
            kind = DeliveryKind.HOME if home else DeliveryKind.LOCKER
            s.add(Address(household=h, kind=kind, label="x", detail="y", is_default=True))
        s.execute(update(Product).where(Product.sku == "DAI-001").values(stock=5))
        s.execute(update(Product).where(Product.sku == "DAI-002").values(active=False))
        s.execute(update(Product).where(Product.sku == "EGG-001").values(stock=200))


@pytest.fixture
def base(db_url: str) -> str:
    _setup(db_url)
    return db_url


def copy_db(url: str, tmp_path: Path, name: str) -> str:
    src = Path(url.removeprefix("sqlite:///"))
    dst = tmp_path / f"{name}.db"
    shutil.copy(src, dst)
    return f"sqlite:///{dst}"


Request = tuple[str, str | int, int, str]  # member, sku or product id, quantity, key


def _ids(s: Session, requests: list[Request]) -> list[tuple[Member, int, int, str]]:
    members = {m.name: m for m in s.scalars(select(Member))}
    skus = dict(s.execute(select(Product.sku, Product.id)).all())
    return [(members[m], skus[p] if isinstance(p, str) else p, q, k) for m, p, q, k in requests]


def _state(url: str) -> tuple[Any, ...]:
    engine = db.open_engine(url)
    with Session(engine) as s:
        stock = tuple(s.execute(select(Product.sku, Product.stock).order_by(Product.id)).all())
        orders = tuple(s.execute(select(Order.id, Order.idempotency_key, Order.total)).all())
    engine.dispose()
    return stock, orders


def batched(url: str, requests: list[Request]) -> list[Placed | ShopError]:
    factory = db.session_factory(db.open_engine(url))
    with db.transaction(factory) as s:
        orders = [AutoOrder(m, p, q, k) for m, p, q, k in _ids(s, requests)]
        results = place_auto(s, orders, now=NOW)
        s.expunge_all()
        return results


def test_every_rule_refuses_in_a_batch(base: str) -> None:
    factory = db.session_factory(db.open_engine(base))
    with db.transaction(factory) as s:  # a key used before this batch
        demo = s.scalars(select(Member).where(Member.name == "demo")).one()
        egg = s.scalars(select(Product).where(Product.sku == "EGG-001")).one()
        before = place_for_member(s, demo, [(egg.id, 1)], channel=Channel.AUTO,
                                  idempotency_key="old", now=NOW - timedelta(hours=1))  # fmt: skip
        old = before.order.id
    requests: list[Request] = [
        ("demo", "EGG-001", 2, "k1"),
        ("demo", "EGG-001", 2, "k1"),  # the same key again: the first order, new=False
        ("demo", "EGG-001", 9, "old"),  # a key from before: that order, nothing checked
        ("demo", "DAI-001", 2, "low1"),
        ("plain", "DAI-001", 2, "low2"),  # regular price and the delivery fee
        ("demo", "DAI-001", 2, "low3"),  # 1 left: out of stock
        ("demo", "DAI-001", 1, "low4"),  # the last one
        ("demo", "EGG-001", 0, "zero"),
        ("demo", "EGG-001", 100, "hundred"),
        ("kid", "EGG-001", 1, "child"),  # pending approval
        ("limited", "EGG-001", 1, "lim1"),
        ("limited", "EGG-001", 2, "lim2"),  # over the per-order limit
        ("limited", "EGG-001", 1, "lim3"),
        ("limited", "EGG-001", 1, "lim4"),  # the day's limit reached by now
        ("nocard", "EGG-001", 1, "card"),
        ("noaddress", "EGG-001", 1, "home"),
        ("plain", "EGG-001", 6, "free"),  # past the free-delivery threshold
    ]
    got = batched(base, requests)
    kinds = [type(g).__name__ if isinstance(g, ShopError) else "order" for g in got]
    assert kinds == [
        "order", "order", "order", "order", "order", "OutOfStockError", "order",
        "InvalidQuantityError", "InvalidQuantityError", "order",
        "order", "SpendingLimitError", "order", "SpendingLimitError",
        "PaymentRequiredError", "DeliveryError", "order",
    ]  # fmt: skip
    codes = {i: g.code for i, g in enumerate(got) if isinstance(g, ShopError)}
    assert codes[11] is ErrorCode.ORDER_LIMIT and codes[13] is ErrorCode.DAY_LIMIT
    assert codes[14] is ErrorCode.PAYMENT_REQUIRED and codes[15] is ErrorCode.NO_ADDRESS
    day = got[13]  # the day's limit counted this batch's orders
    assert isinstance(day, SpendingLimitError) and "하루 주문 한도" in say_for("ko").error(day)
    placed = {i: g for i, g in enumerate(got) if isinstance(g, Placed)}
    assert [i for i, p in placed.items() if not p.new] == [1, 2]
    assert placed[1].order.id == placed[0].order.id and placed[2].order.id == old
    assert placed[9].order.status is OrderStatus.PENDING_APPROVAL
    small, free = placed[4].order, placed[16].order
    assert small.member_savings == 0 and small.delivery_fee > 0  # not a member
    assert free.delivery_fee == 0 and free.subtotal >= FREE_DELIVERY_THRESHOLD
    with db.transaction(factory) as s:
        left = s.scalars(select(Product.stock).where(Product.sku == "DAI-001")).one()
    assert left == 0  # 5 in stock: 2 + 2 + 1 placed, never sold short


@pytest.mark.parametrize("product", ["DAI-002", 999_999])
def test_a_product_no_longer_sold_is_not_a_refusal(base: str, product: str | int) -> None:
    """Not a ShopError: place_for_member raises it out of the caller's transaction."""
    requests: list[Request] = [("demo", "EGG-001", 1, "a"), ("demo", product, 1, "b")]
    with pytest.raises(NotFoundError):
        batched(base, requests)
    assert _state(base)[1] == ()  # the batch's transaction rolled back


# -- whole subscriptions: settle one by one == settle_batch --------------------------------


def _subs(url: str) -> None:
    factory = db.session_factory(db.open_engine(url))
    with db.transaction(factory) as s:
        s.execute(update(Household).values(reorder_out_of_stock=OutOfStockPolicy.SUBSTITUTE))
    weekly = Recurrence("weekly", datetime(2026, 11, 1).date(), weekdays=("mon",))
    daily = Recurrence("daily", datetime(2026, 11, 1).date())
    early = NOW - timedelta(days=20)
    for i in range(40):  # plain ones, with some that run DAI-001 out and get substituted
        subscribe(factory, sku=("EGG-001", "DAI-001", "DAI-003")[i % 3], quantity=1 + i % 2,
                  member=("demo", "limited", "kid", "plain", "nocard")[i % 5])  # fmt: skip
    subscribe(factory, sku="EGG-001", rec=daily, created=NOW - timedelta(days=3))  # catch-up
    subscribe(factory, sku="DAI-003", rec=weekly, created=early)  # missed older periods
    held = subscribe(factory, sku="DAI-004")
    with db.transaction(factory) as s:
        s.execute(update(Product).where(Product.sku == "DAI-004").values(
            price=Product.price * 2, member_price=Product.member_price * 2))  # fmt: skip
        s.execute(update(Subscription).where(Subscription.id == held).values(quantity=2))


def _outcome_state(url: str) -> tuple[Any, ...]:
    engine = db.open_engine(url)
    with Session(engine) as s:
        r = SubscriptionRun
        runs = tuple(
            s.execute(
                select(r.subscription_id, r.period_at, r.status, r.order_id, r.reason).order_by(
                    r.id
                )
            ).all()
        )
        n = Notification
        notes = tuple(s.execute(select(n.subscription_id, n.kind, n.data).order_by(n.id)).all())
        subs = tuple(s.execute(select(Subscription.id, Subscription.next_run_at)).all())
    engine.dispose()
    return runs, notes, subs, _state(url)


def _settle_all(url: str, how: Callable[[Session, list[Subscription]], list[Any]]) -> list[str]:
    factory = db.session_factory(db.open_engine(url))
    with db.transaction(factory) as s:
        subs = list(s.scalars(select(Subscription).order_by(Subscription.id)))
        return [o.log_line() for o in how(s, subs)]


def test_settle_batch_is_settle_one_by_one(base: str, tmp_path: Path) -> None:
    _subs(base)
    a, b = copy_db(base, tmp_path, "a"), copy_db(base, tmp_path, "b")
    one = _settle_all(a, lambda s, subs: [o for sub in subs for o in settle(s, sub, NOW, "w")])
    both = _settle_all(b, lambda s, subs: settle_batch(s, subs, NOW, "w"))
    assert both == one
    assert _outcome_state(b) == _outcome_state(a)
    statuses = {line.split()[0] for line in one}
    assert statuses == {"placed", "held", "missed", "failed"}
    assert any("substituted" in line for line in one)
