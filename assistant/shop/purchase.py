"""Placing an order for a member with every purchase rule applied, in the caller's transaction.

:func:`place_for_member` is the one door to a new order for the conversations
(voice, text) and for the recurring-order daemon (auto). :func:`check_request`
runs the same rules (:data:`assistant.shop.rules.RULES`) when the question is asked, so
the user hears a refusal before saying "yes".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from assistant.errors import ErrorCode, NotAllowedError, NotFoundError, OrderStateError
from assistant.shop import controls, rules
from assistant.shop.cart import get_cart
from assistant.shop.orders import new_order, restock
from assistant.shop.pricing import Quote
from assistant.shop.rules import OrderContext, Stage
from assistant.store.db import write_lock
from assistant.store.models import Channel, DeliveryKind, Member, Order, OrderStatus


@dataclass(frozen=True)
class Placed:
    """The result of :func:`place_for_member`."""

    order: Order
    """The order (in the caller's session): new, or the earlier one it repeats."""
    new: bool
    """False when the idempotency key or the duplicate window returned an earlier order."""


def check_request(
    session: Session,
    member: Member,
    wanted: Sequence[tuple[int, int]],
    delivery: DeliveryKind | None,
    now: datetime,
    *,
    channel: Channel,
) -> Quote:
    """Every rule that can be checked before the order exists; returns the priced quote.

    Raises the shop's refusal (no card, PIN lock, no address, stock, limits). Changes nothing.
    """
    ctx = rules.load(session, member, wanted, stage=Stage.ASK, channel=channel, now=now,
                     delivery=delivery)  # fmt: skip
    rules.check(ctx)
    return ctx.quote


def place_for_member(
    session: Session,
    member: Member,
    wanted: Sequence[tuple[int, int]] | None,
    *,
    channel: Channel,
    idempotency_key: str,
    now: datetime,
    delivery: DeliveryKind | None = None,
    ticket: controls.Ticket | None = None,
    pin_verified: bool = False,
) -> Placed:
    """Place an order for ``member`` with every purchase rule, in the caller's transaction.

    Contract (the same for voice, text and auto; the rules are :data:`rules.RULES`):

    - ``wanted``: (product id, quantity) pairs, 1..99 each; None: the member's cart, read
      under the household's lock (a cart another session has just ordered is empty here, and
      the ticket, which quoted its lines, no longer matches) and emptied once its order is
      placed. ``delivery``: home, locker or store; None means the household's default.
      ``now``: aware UTC.
    - The same ``idempotency_key`` returns the first order (``new=False``) and checks or
      changes nothing else; a daemon passes one key per subscription period.
    - Voice and text need ``ticket``: an accepted, unexpired :class:`controls.Ticket` of this
      member for exactly these items and delivery; with a household PIN (and a member who
      is not a child) also ``pin_verified=True`` after :func:`controls.verify_pin`; spoken
      purchases are refused while the PIN is locked. Auto orders skip the ticket and PIN.
    - Always: a registered default payment method, an address of the delivery kind, the
      product on sale with enough stock (never placed otherwise), member prices when the
      household is a member with a card, the household's delivery fee table, and the
      member's per-order and per-day limits (sum of the member's orders of the
      household-local day that are not cancelled or rejected, this one included).
    - Voice and text: an open order of the member with the same lines and delivery placed
      within the household's ``duplicate_window_s`` is returned instead (``new=False``),
      unless the ticket knowingly repeats exactly that order (``Ticket.repeats``: the
      household said "하나 더" and then "yes").
    - A child's order gets status ``pending_approval`` (stock reserved, nothing shipped)
      until an adult approves it (:func:`decide`); everyone else's is ``placed``.
    - Refusals raise :class:`~assistant.errors.ShopError` subclasses before anything is
      written. The order is written with ``flush``; the caller commits, and any exception
      before the commit leaves nothing behind (the caller's transaction rolls back).
    - Concurrency: every check and the write happen under the household's lock
      (:func:`controls.lock_household`), taken first; the products are locked before their
      stock is read. Sessions and processes placing at once take turns, on SQLite and on
      PostgreSQL, so the limits, the duplicate guard, the PIN lock and the stock hold.
    """
    # one order at a time per household: the window and limit checks stay true
    controls.lock_household(session, member.household_id)
    cart = get_cart(session, member) if wanted is None else None
    if wanted is None:
        wanted = [(ln.product_id, ln.quantity) for ln in cart.lines] if cart is not None else []
    ctx = rules.load(
        session, member, wanted, stage=Stage.PLACE, channel=channel, now=now,
        delivery=delivery, idempotency_key=idempotency_key, ticket=ticket,
        pin_verified=pin_verified,
    )  # fmt: skip
    earlier = rules.check(ctx)
    if earlier is not None:
        return Placed(earlier, False)
    order = write_order(session, ctx, idempotency_key)
    if cart is not None:
        cart.lines.clear()
        cart.updated_at = now
        session.flush()
    return Placed(order, True)


def write_order(session: Session, ctx: OrderContext, idempotency_key: str) -> Order:
    """Write the order of a context the rules passed (stock taken), flushed."""
    order = order_for(ctx, idempotency_key)
    session.add(order)
    session.flush()
    return order


def order_for(ctx: OrderContext, idempotency_key: str) -> Order:
    """The order row of a context the rules passed: priced, paid, stock taken (not added)."""
    return new_order(
        ctx.member, ctx.items, ctx.delivery, ctx.address, channel=ctx.channel,
        idempotency_key=idempotency_key, now=ctx.now, status=ctx.status,
    )  # fmt: skip


def decide(
    session: Session, order_id: int, approver: Member, *, approve: bool, now: datetime
) -> Order:
    """An adult approves (-> placed) or rejects (-> rejected, stock back) a child's order.

    The order is locked (and the database's write lock taken on SQLite) before its status
    is read: of two decisions, or a decision and a cancellation, at the same moment, one
    finds it waiting and the other finds it decided."""
    write_lock(session)
    order = session.scalars(
        select(Order).options(selectinload(Order.lines)).where(Order.id == order_id)
        .with_for_update().execution_options(populate_existing=True)
    ).first()  # fmt: skip
    if order is None or order.household_id != approver.household_id:
        raise NotFoundError(ErrorCode.ORDER_NOT_FOUND, order_id=order_id)
    if not controls.can_approve(approver):
        raise NotAllowedError(ErrorCode.APPROVAL_ADULTS_ONLY)
    if order.status is not OrderStatus.PENDING_APPROVAL:
        raise OrderStateError(ErrorCode.NOT_AWAITING_APPROVAL, order_id=order_id)
    if approve:
        payment = controls.require_payment(approver.household)
        order.status = OrderStatus.PLACED
        order.payment_method_id, order.payment_last4 = payment.id, payment.last4
    else:
        order.status = OrderStatus.REJECTED
        restock(session, order)
    order.decided_by_id = approver.id
    order.decided_at = now
    order.updated_at = now
    session.flush()
    return order


def pending_approvals(session: Session, household_id: int) -> list[Order]:
    return list(
        session.scalars(
            select(Order)
            .options(selectinload(Order.lines), selectinload(Order.member))
            .where(Order.household_id == household_id,
                   Order.status == OrderStatus.PENDING_APPROVAL)
            .order_by(Order.id)
        )
    )  # fmt: skip
