"""Many automatic orders at once, through the same purchase rules as every other order.

The recurring-order daemon places thousands of one-line orders at the same minute. Calling
:func:`assistant.shop.purchase.place_for_member` for each costs about a dozen round trips
per order; :func:`place_auto` gives the same result for a whole list in a handful of
statements: one look-up of the idempotency keys, the households and products locked once
(in id order, so daemons never deadlock), the addresses read once, the orders written in
one flush. Only the loading differs: each request's :class:`~assistant.shop.rules.OrderContext`
is built from these preloaded maps and goes through :func:`assistant.shop.rules.check`.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from assistant.errors import ShopError
from assistant.shop import controls, rules
from assistant.shop.purchase import Placed, order_for
from assistant.shop.rules import OrderContext, Stage
from assistant.store.models import (
    Address,
    Channel,
    DeliveryKind,
    Household,
    Member,
    Order,
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
    """Each household's address per kind, the one :func:`rules.delivery_address` would pick."""
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
        ctx = _context(session, r, products, addresses, spent, known, now)
        try:
            earlier = rules.check(ctx)
        except ShopError as exc:
            results.append(exc)
            continue
        if earlier is not None:
            results.append(Placed(earlier, False))
            continue
        order = order_for(ctx, r.idempotency_key)
        session.add(order)
        known[r.idempotency_key] = order
        if r.member.id in spent:
            spent[r.member.id] += order.total
        results.append(Placed(order, True))
    session.flush()
    return results


def _context(
    session: Session,
    r: AutoOrder,
    products: dict[int, Product],
    addresses: dict[tuple[int, DeliveryKind], Address],
    spent: dict[int, int],
    known: dict[str, Order],
    now: datetime,
) -> OrderContext:
    """What :func:`assistant.shop.rules.load` reads for one automatic order, from the
    batch's maps; ``spent`` (per member with a per-day limit) counts this batch's orders."""
    member = r.member
    household = member.household
    kind = household.default_delivery
    if member.per_day_limit is not None and member.id not in spent:
        spent[member.id] = controls.spent_today(session, member, now)
    return OrderContext(
        member=member, wanted=((r.product_id, r.quantity),), delivery=kind,
        channel=Channel.AUTO, stage=Stage.PLACE, now=now, products=products,
        payment=controls.default_payment(household), address=addresses.get((household.id, kind)),
        spent_today=spent.get(member.id), existing=known.get(r.idempotency_key),
    )  # fmt: skip
