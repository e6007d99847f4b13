"""Placing an order for a member with every purchase rule applied, in the caller's transaction.

:func:`place_for_member` is the one door to a new order for the conversations
(voice, text) and for the recurring-order daemon (auto). :func:`check_request`
runs the same checks when the question is asked, so the user hears a refusal
before saying "yes".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from assistant.errors import (
    ConfirmationError,
    DeliveryError,
    InvalidQuantityError,
    NotAllowedError,
    NotFoundError,
    OrderStateError,
    PinRequiredError,
)
from assistant.shop import controls
from assistant.shop.orders import load_items, place_order, restock
from assistant.shop.pricing import Quote, quote_lines
from assistant.store.db import write_lock
from assistant.store.models import (
    Address,
    Cart,
    Channel,
    DeliveryKind,
    Household,
    Member,
    Order,
    OrderStatus,
)

CONVERSATION = (Channel.VOICE, Channel.TEXT)
"""Channels where a person confirms (and gives the PIN) before anything is bought."""
DELIVERY_KO = {DeliveryKind.HOME: "집", DeliveryKind.LOCKER: "사물함", DeliveryKind.STORE: "매장"}


@dataclass(frozen=True)
class Placed:
    """The result of :func:`place_for_member`."""

    order: Order
    """The order (in the caller's session): new, or the earlier one it repeats."""
    new: bool
    """False when the idempotency key or the duplicate window returned an earlier order."""


def delivery_address(session: Session, household: Household, kind: DeliveryKind) -> Address:
    """The household's default address of this kind (the first one if none is default)."""
    found = list(
        session.scalars(
            select(Address)
            .where(Address.household_id == household.id, Address.kind == kind)
            .order_by(Address.is_default.desc(), Address.id)
        )
    )
    if not found:
        raise DeliveryError(no_address_message(kind))
    return found[0]


def no_address_message(kind: DeliveryKind) -> str:
    return (
        f"등록된 {DELIVERY_KO[kind]} 주소가 없어요. 'jangbogi household address add "
        f"--kind {kind.value} ...'로 등록해 주세요."
    )


def find_duplicate(
    session: Session,
    member: Member,
    wanted: Sequence[tuple[int, int]],
    delivery: DeliveryKind,
    now: datetime,
) -> Order | None:
    """An open order of this member with the same lines and delivery, placed within the
    household's duplicate window of ``now`` (the same words heard twice).

    Either side of ``now``: sessions read their clocks before they queue for the lock, so
    the order that went first may carry a time a few milliseconds after this one's."""
    window = member.household.duplicate_window_s
    if window <= 0:
        return None
    reach = timedelta(seconds=window)
    recent = session.scalars(
        select(Order)
        .options(selectinload(Order.lines))
        .where(
            Order.member_id == member.id,
            Order.placed_at >= now - reach,
            Order.placed_at <= now + reach,
            Order.delivery == delivery,
            Order.status.in_((OrderStatus.PLACED, OrderStatus.PENDING_APPROVAL)),
        )
        .order_by(Order.id.desc())
    )
    target = _normal(wanted)
    for order in recent:
        if _normal([(ln.product_id, ln.quantity) for ln in order.lines]) == target:
            return order
    return None


def _normal(wanted: Sequence[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    merged: dict[int, int] = {}
    for product_id, quantity in wanted:
        merged[product_id] = merged.get(product_id, 0) + quantity
    return tuple(sorted(merged.items()))


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
    household = member.household
    if channel in CONVERSATION:
        controls.ensure_not_locked(household, now)
    controls.require_payment(household)
    kind = delivery or household.default_delivery
    delivery_address(session, household, kind)
    if not wanted:
        raise InvalidQuantityError("주문할 상품이 없어요.")
    priced = quote_lines(household, load_items(session, wanted), kind)
    controls.check_limits(session, member, priced.total, now)
    return priced


def _check_ticket(
    member: Member,
    wanted: Sequence[tuple[int, int]],
    delivery: DeliveryKind,
    ticket: controls.Ticket | None,
    pin_verified: bool,
    now: datetime,
) -> None:
    if ticket is None or not ticket.accepted or ticket.member_id != member.id:
        raise ConfirmationError("확인받지 않은 주문은 할 수 없어요. 다시 주문해 주세요.")
    if now > ticket.expires_at:
        raise ConfirmationError("확인 시간이 지났어요. 다시 주문해 주세요.")
    if _normal(ticket.wanted) != _normal(wanted) or ticket.delivery is not delivery:
        raise ConfirmationError("확인받은 내용과 달라서 주문하지 않았어요. 다시 확인해 주세요.")
    needs_pin = controls.has_pin(member.household) and not controls.needs_approval(member)
    if needs_pin and not pin_verified:
        raise PinRequiredError("주문하려면 비밀번호 네 자리가 필요해요.")


def place_for_member(
    session: Session,
    member: Member,
    wanted: Sequence[tuple[int, int]],
    *,
    channel: Channel,
    idempotency_key: str,
    now: datetime,
    delivery: DeliveryKind | None = None,
    ticket: controls.Ticket | None = None,
    pin_verified: bool = False,
) -> Placed:
    """Place an order for ``member`` with every purchase rule, in the caller's transaction.

    Contract (the same for voice, text and auto):

    - ``wanted``: (product id, quantity) pairs, 1..99 each. ``delivery``: home, locker or
      store; None means the household's default. ``now``: aware UTC.
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
      within the household's ``duplicate_window_s`` is returned instead (``new=False``).
    - A child's order gets status ``pending_approval`` (stock reserved, nothing shipped)
      until an adult approves it (:func:`decide`); everyone else's is ``placed``.
    - Refusals raise :class:`~assistant.errors.ShopError` subclasses before anything is
      written. The order is written with ``flush``; the caller commits, and any exception
      before the commit leaves nothing behind (the caller's transaction rolls back).
    - Concurrency: every check and the write happen under the household's lock
      (:func:`controls.lock_household`), taken first; the products are locked before their
      stock is taken. Sessions and processes placing at once take turns, on SQLite and on
      PostgreSQL, so the limits, the duplicate guard, the PIN lock and the stock hold.
    """
    # one order at a time per household: the window and limit checks stay true
    household = controls.lock_household(session, member.household_id)
    existing = session.scalars(
        select(Order).where(Order.idempotency_key == idempotency_key)
    ).first()
    if existing is not None:
        return Placed(existing, False)
    kind = delivery or household.default_delivery
    if channel in CONVERSATION:
        controls.ensure_not_locked(household, now)
        _check_ticket(member, wanted, kind, ticket, pin_verified, now)
        duplicate = find_duplicate(session, member, wanted, kind, now)
        if duplicate is not None:
            return Placed(duplicate, False)
    priced = check_request(session, member, wanted, kind, now, channel=channel)
    if ticket is not None and channel in CONVERSATION and priced.total != ticket.total:
        raise ConfirmationError(
            f"가격이 바뀌어서 주문하지 않았어요 (지금 합계 {priced.total:,}원). 다시 주문해 주세요."
        )
    status = OrderStatus.PENDING_APPROVAL if controls.needs_approval(member) else OrderStatus.PLACED
    order, _new = place_order(
        session, member, wanted, channel=channel, idempotency_key=idempotency_key, now=now,
        delivery=kind, status=status,
    )  # fmt: skip
    return Placed(order, True)


def checkout_for_member(
    session: Session,
    member: Member,
    *,
    channel: Channel,
    idempotency_key: str,
    now: datetime,
    delivery: DeliveryKind | None = None,
    ticket: controls.Ticket | None = None,
    pin_verified: bool = False,
) -> Placed:
    """Order the member's cart with :func:`place_for_member`, then empty the cart.

    The cart is read under the household's lock: a cart another session has just ordered
    is empty here, and the ticket (which quoted its lines) no longer matches."""
    controls.lock_household(session, member.household_id)
    cart = session.scalars(
        select(Cart).where(Cart.member_id == member.id).execution_options(populate_existing=True)
    ).first()
    wanted = [(ln.product_id, ln.quantity) for ln in cart.lines] if cart is not None else []
    placed = place_for_member(
        session, member, wanted, channel=channel, idempotency_key=idempotency_key, now=now,
        delivery=delivery, ticket=ticket, pin_verified=pin_verified,
    )  # fmt: skip
    if placed.new and cart is not None:
        cart.lines.clear()
        cart.updated_at = now
        session.flush()
    return placed


def cart_wanted(session: Session, member: Member) -> list[tuple[int, int]]:
    cart = session.scalars(select(Cart).where(Cart.member_id == member.id)).first()
    return [(ln.product_id, ln.quantity) for ln in cart.lines] if cart is not None else []


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
        raise NotFoundError(f"{order_id}번 주문이 없어요.")
    if not controls.can_approve(approver):
        raise NotAllowedError("주문 승인은 어른만 할 수 있어요.")
    if order.status is not OrderStatus.PENDING_APPROVAL:
        raise OrderStateError(f"{order_id}번 주문은 승인을 기다리는 주문이 아니에요.")
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
