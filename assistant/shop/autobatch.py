"""Many automatic orders at once, with exactly the rules of :func:`place_for_member`.

The recurring-order daemon places thousands of one-line orders at the same minute. Calling
:func:`assistant.shop.purchase.place_for_member` for each costs about a dozen round trips
per order; :func:`place_auto` gives the same result for a whole list in a handful of
statements: one look-up of the idempotency keys, the households and products locked once
(in id order, so daemons never deadlock), the addresses read once, the orders written in
one flush. The checks, their order, the prices and the refusal messages are the ones of
``place_for_member(..., channel=Channel.AUTO)`` called for each request in turn
(``tests/test_auto_batch.py`` compares the two on the same requests).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from assistant.errors import DeliveryError, NotFoundError, OutOfStockError, ShopError
from assistant.shop import controls
from assistant.shop.orders import check_quantity, new_order, stock_problem
from assistant.shop.pricing import quote_lines
from assistant.shop.purchase import Placed, no_address_message
from assistant.store.models import (
    Address,
    Channel,
    DeliveryKind,
    Household,
    Member,
    Order,
    OrderStatus,
    Product,
)


@dataclass(frozen=True)
class AutoOrder:
    """One automatic order of one product for a member."""

    member: Member
    """Who orders (with the household loaded)."""
    product_id: int
    """What."""
    quantity: int
    """How many (1..99)."""
    idempotency_key: str
    """The same key never places a second order."""


def lock_for_orders(
    session: Session, household_ids: Collection[int], product_ids: Collection[int]
) -> dict[int, Product]:
    """Lock the households, then the products, each in id order; the products re-read.

    Every daemon takes its locks in this order, so two never wait for each other in a
    circle. Returns the locked products by id.
    """
    if household_ids:
        session.scalars(
            select(Household.id)
            .where(Household.id.in_(sorted(household_ids)))
            .order_by(Household.id)
            .with_for_update()
        ).all()
    if not product_ids:
        return {}
    products = session.scalars(
        select(Product)
        .where(Product.id.in_(sorted(product_ids)))
        .order_by(Product.id)
        .with_for_update()
        .execution_options(populate_existing=True)
    )
    return {p.id: p for p in products}


def _addresses(
    session: Session, households: Collection[int]
) -> dict[tuple[int, DeliveryKind], Address]:
    """Each household's address per kind, the one :func:`delivery_address` would pick."""
    found: dict[tuple[int, DeliveryKind], Address] = {}
    rows = session.scalars(
        select(Address)
        .where(Address.household_id.in_(sorted(households)))
        .order_by(Address.household_id, Address.kind, Address.is_default.desc(), Address.id)
    )
    for address in rows:
        found.setdefault((address.household_id, address.kind), address)
    return found


def place_auto(
    session: Session, requests: Sequence[AutoOrder], *, now: datetime
) -> list[Placed | ShopError]:
    """``place_for_member(session, r.member, [(r.product_id, r.quantity)],
    channel=Channel.AUTO, idempotency_key=r.idempotency_key, now=now)`` for each request in
    order, in the caller's transaction: a :class:`Placed`, or the refusal it would raise
    (nothing written for that one). The orders are flushed before returning."""
    if not requests:
        return []
    keys = [r.idempotency_key for r in requests]
    known: dict[str, Order] = {
        o.idempotency_key: o
        for o in session.scalars(select(Order).where(Order.idempotency_key.in_(keys)))
    }
    households = {r.member.household_id for r in requests}
    products = lock_for_orders(session, households, {r.product_id for r in requests})
    addresses = _addresses(session, households)
    spent: dict[int, int] = {}
    results: list[Placed | ShopError] = []
    for r in requests:
        order = known.get(r.idempotency_key)
        if order is not None:
            results.append(Placed(order, False))
            continue
        try:
            order = _order(session, r, products, addresses, spent, now)
        except ShopError as exc:
            results.append(exc)
            continue
        session.add(order)
        known[r.idempotency_key] = order
        results.append(Placed(order, True))
    session.flush()
    return results


def _order(
    session: Session,
    r: AutoOrder,
    products: dict[int, Product],
    addresses: dict[tuple[int, DeliveryKind], Address],
    spent: dict[int, int],
    now: datetime,
) -> Order:
    """check_request + place_order of place_for_member for one request, in their order."""
    member = r.member
    household = member.household
    controls.require_payment(household)
    kind = household.default_delivery
    address = addresses.get((household.id, kind))
    if address is None:
        raise DeliveryError(no_address_message(kind))
    check_quantity(r.quantity)
    product = products.get(r.product_id)
    if product is None or not product.active:
        raise NotFoundError("그 상품은 더 이상 팔지 않아요.")
    if product.stock < r.quantity:
        raise OutOfStockError(stock_problem(product))
    items = [(product, r.quantity)]
    total = quote_lines(household, items, kind).total
    if member.per_day_limit is not None and member.id not in spent:
        spent[member.id] = controls.spent_today(session, member, now)
    controls.check_limits(session, member, total, now, spent=spent.get(member.id))
    status = OrderStatus.PENDING_APPROVAL if controls.needs_approval(member) else OrderStatus.PLACED
    order = new_order(member, items, kind, address, channel=Channel.AUTO,
                      idempotency_key=r.idempotency_key, now=now, status=status)  # fmt: skip
    if member.id in spent:
        spent[member.id] += order.total
    return order
