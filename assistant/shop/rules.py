"""The purchase rules: one ordered list of checks over one preloaded order context.

Every order the shop places or is asked about goes through :data:`RULES`, in order: the
question before the "yes" (:attr:`Stage.ASK`, ``purchase.check_request``), a spoken or
typed order after it and a subscription's order (``purchase.place_for_member``), and the
recurring-order daemon's batches (``autobatch.place_auto``). The caller loads an
:class:`OrderContext` (:func:`load`, or the batch's own preloaded maps), under the
household's lock when placing (:func:`assistant.shop.controls.lock_household`); a rule
reads only the context. It refuses with a :class:`~assistant.errors.ShopError` carrying
an :class:`~assistant.errors.ErrorCode`, or answers with an order that already stands
for this request (the same idempotency key, the same words heard twice), which ends the
checks and places nothing.

A new purchase rule is one :class:`Rule` in :data:`RULES`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from functools import cached_property

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from assistant.errors import (
    ConfirmationError,
    DeliveryError,
    ErrorCode,
    InvalidQuantityError,
    PaymentRequiredError,
    PinRequiredError,
    SpendingLimitError,
)
from assistant.shop import controls
from assistant.shop.orders import check_item, lock_products
from assistant.shop.pricing import MAX_QUANTITY, Quote, quote_lines
from assistant.store.models import (
    Address,
    Channel,
    DeliveryKind,
    Household,
    Member,
    Order,
    OrderStatus,
    PaymentMethod,
    Product,
)

CONVERSATION = (Channel.VOICE, Channel.TEXT)
"""Channels where a person confirms (and gives the PIN) before anything is bought."""


class Stage(StrEnum):
    """When the rules run."""

    ASK = "ask"
    """Before the question "주문할까요?": nothing is written, nothing locked."""
    PLACE = "place"
    """Placing, under the household's lock, the products locked."""


@dataclass(frozen=True)
class OrderContext:
    """Everything the rules read about one order-to-be, loaded before the first rule."""

    member: Member
    """Who orders (the household loaded, and locked when placing)."""
    wanted: tuple[tuple[int, int], ...]
    """(product id, quantity) pairs."""
    delivery: DeliveryKind
    """Where it goes (the household's default when none was said)."""
    channel: Channel
    """voice, text or auto."""
    stage: Stage
    """Asking or placing."""
    now: datetime
    """Aware UTC."""
    products: Mapping[int, Product]
    """The wanted products that exist, by id (locked and re-read when placing)."""
    payment: PaymentMethod | None
    """The household's default card."""
    address: Address | None
    """The household's address of the delivery kind."""
    spent_today: int | None = None
    """The member's orders of the household-local day (KRW) when a per-day limit applies."""
    existing: Order | None = None
    """The order already placed with this idempotency key."""
    duplicate: Order | None = None
    """An open order of the member with the same lines and delivery within the window."""
    ticket: controls.Ticket | None = None
    """The confirmed question (voice and text)."""
    pin_verified: bool = False
    """The household's PIN was given and judged right in this conversation."""

    @property
    def household(self) -> Household:
        return self.member.household

    @property
    def conversation(self) -> bool:
        """A person confirms this order (voice, text), not the daemon."""
        return self.channel in CONVERSATION

    @property
    def needs_approval(self) -> bool:
        """A child's order waits for an adult (status ``pending_approval``)."""
        return controls.needs_approval(self.member)

    @property
    def needs_pin(self) -> bool:
        """The PIN must be given: the question said so, or the household has one now (an
        adult's order; a child's waits for an adult's approval instead)."""
        asked = self.ticket is not None and self.ticket.needs_pin
        return asked or (controls.has_pin(self.household) and not self.needs_approval)

    @property
    def status(self) -> OrderStatus:
        return OrderStatus.PENDING_APPROVAL if self.needs_approval else OrderStatus.PLACED

    @cached_property
    def items(self) -> list[tuple[Product, int]]:
        """The wanted products with their quantities (after the items rule passed)."""
        return [(self.products[pid], quantity) for pid, quantity in self.wanted]

    @cached_property
    def quote(self) -> Quote:
        """What the order costs now (after the items rule passed)."""
        return quote_lines(self.household, self.items, self.delivery)


Check = Callable[[OrderContext], Order | None]
"""A rule's check: raises its refusal, or returns the order that answers the request."""


@dataclass(frozen=True)
class Rule:
    """One purchase rule."""

    name: str
    """What it guards, in a word or two (logs, tests, docs)."""
    check: Check
    """Refuses (raises) or answers (returns an order); None lets the order go on."""
    refuses: tuple[ErrorCode, ...] = ()
    """The codes of its refusals (empty: it answers, or raises through a shared helper)."""
    stages: frozenset[Stage] = frozenset(Stage)
    """When it runs."""
    conversation_only: bool = False
    """Only for orders a person confirms (voice, text); the daemon's orders skip it."""

    def applies(self, ctx: OrderContext) -> bool:
        return ctx.stage in self.stages and (ctx.conversation or not self.conversation_only)


# -- the checks, in the order of RULES ------------------------------------------------


def same_key(ctx: OrderContext) -> Order | None:
    """The same idempotency key is the same order: nothing else is checked or changed."""
    return ctx.existing


def confirmed(ctx: OrderContext) -> None:
    ticket = ctx.ticket
    if ticket is None or not ticket.accepted or ticket.member_id != ctx.member.id:
        raise ConfirmationError(ErrorCode.NOT_CONFIRMED)


def pin_not_locked(ctx: OrderContext) -> None:
    controls.ensure_not_locked(ctx.household, ctx.now)


def confirmation_fresh(ctx: OrderContext) -> None:
    if ctx.ticket is not None and ctx.now > ctx.ticket.expires_at:
        raise ConfirmationError(ErrorCode.CONFIRMATION_EXPIRED)


def as_confirmed(ctx: OrderContext) -> None:
    ticket = ctx.ticket
    if ticket is None:
        return
    if normal(ticket.wanted) != normal(ctx.wanted) or ticket.delivery is not ctx.delivery:
        raise ConfirmationError(ErrorCode.CONFIRMATION_CHANGED)


def pin_given(ctx: OrderContext) -> None:
    if ctx.needs_pin and not ctx.pin_verified:
        raise PinRequiredError(ErrorCode.PIN_REQUIRED)


def not_a_duplicate(ctx: OrderContext) -> Order | None:
    """The same words heard twice within the household's window: the first order. Only a
    confirmed question that knowingly asked for another of exactly that order ("하나 더",
    ``Ticket.repeats``) is let through; any other duplicate (a later one too) still answers."""
    found = ctx.duplicate
    if found is not None and ctx.ticket is not None and ctx.ticket.repeats == found.id:
        return None
    return found


def payment(ctx: OrderContext) -> None:
    if ctx.payment is None:
        raise PaymentRequiredError(ErrorCode.PAYMENT_REQUIRED)


def address(ctx: OrderContext) -> None:
    if ctx.address is None:
        raise DeliveryError(ErrorCode.NO_ADDRESS, kind=ctx.delivery.value)


def not_empty(ctx: OrderContext) -> None:
    if not ctx.wanted:
        raise InvalidQuantityError(ErrorCode.NOTHING_TO_ORDER, most=MAX_QUANTITY)


def on_sale_in_stock(ctx: OrderContext) -> None:
    """Each line: 1..99 of a product still on sale, with enough stock (never sold short)."""
    for product_id, quantity in ctx.wanted:
        check_item(ctx.products.get(product_id), quantity)


def per_order_limit(ctx: OrderContext) -> None:
    limit, total = ctx.member.per_order_limit, ctx.quote.total
    if limit is not None and total > limit:
        raise SpendingLimitError(
            ErrorCode.ORDER_LIMIT, per_day=False, limit=limit, remaining=limit,
            name=ctx.member.name, total=total,
        )  # fmt: skip


def per_day_limit(ctx: OrderContext) -> None:
    """Today's orders of the member (household-local day, not cancelled or rejected) and
    this one stay within the member's per-day limit."""
    limit, total = ctx.member.per_day_limit, ctx.quote.total
    if limit is None:
        return
    spent = ctx.spent_today or 0
    if spent + total > limit:
        raise SpendingLimitError(
            ErrorCode.DAY_LIMIT, per_day=True, limit=limit, remaining=max(limit - spent, 0),
            name=ctx.member.name, total=total,
        )  # fmt: skip


def price_unchanged(ctx: OrderContext) -> None:
    if ctx.ticket is not None and ctx.quote.total != ctx.ticket.total:
        raise ConfirmationError(ErrorCode.PRICE_CHANGED, total=ctx.quote.total)


_PLACE = frozenset({Stage.PLACE})
_TALK = True  # only for orders a person confirms
E = ErrorCode

RULES: tuple[Rule, ...] = (
    Rule("same key", same_key, (), _PLACE),
    Rule("confirmed", confirmed, (E.NOT_CONFIRMED,), _PLACE, _TALK),
    Rule("pin not locked", pin_not_locked, (E.PIN_LOCKED,), frozenset(Stage), _TALK),
    Rule("confirmation fresh", confirmation_fresh, (E.CONFIRMATION_EXPIRED,), _PLACE, _TALK),
    Rule("as confirmed", as_confirmed, (E.CONFIRMATION_CHANGED,), _PLACE, _TALK),
    Rule("pin given", pin_given, (E.PIN_REQUIRED,), _PLACE, _TALK),
    Rule("not a duplicate", not_a_duplicate, (), _PLACE, _TALK),
    Rule("payment", payment, (E.PAYMENT_REQUIRED,)),
    Rule("address", address, (E.NO_ADDRESS,)),
    Rule("not empty", not_empty, (E.NOTHING_TO_ORDER,)),
    Rule("on sale, in stock", on_sale_in_stock),  # orders.check_item's refusals
    Rule("per-order limit", per_order_limit, (E.ORDER_LIMIT,)),
    Rule("per-day limit", per_day_limit, (E.DAY_LIMIT,)),
    Rule("price unchanged", price_unchanged, (E.PRICE_CHANGED,), _PLACE, _TALK),
)
"""Every purchase rule, in the order they are checked."""


def check(ctx: OrderContext, rules: Sequence[Rule] = RULES) -> Order | None:
    """Run the rules that apply to ``ctx`` in order: the first refusal is raised, the
    first answering order returned; None means the order may be placed as loaded."""
    for rule in rules:
        if rule.applies(ctx):
            found = rule.check(ctx)
            if found is not None:
                return found
    return None


# -- loading the context -------------------------------------------------------------


def load(
    session: Session,
    member: Member,
    wanted: Sequence[tuple[int, int]],
    *,
    stage: Stage,
    channel: Channel,
    now: datetime,
    delivery: DeliveryKind | None = None,
    idempotency_key: str | None = None,
    ticket: controls.Ticket | None = None,
    pin_verified: bool = False,
) -> OrderContext:
    """The context of one order, read in the caller's transaction.

    Placing: call it under the household's lock (taken first); the products are locked
    here, in id order, and re-read, so their stock is the stock the order takes."""
    household = member.household
    kind = delivery or household.default_delivery
    placing = stage is Stage.PLACE
    ids = [pid for pid, _ in wanted]
    if placing:
        products: Mapping[int, Product] = lock_products(session, ids)
    else:
        found = (session.get(Product, pid) for pid in dict.fromkeys(ids))
        products = {p.id: p for p in found if p is not None}
    existing = None
    if placing and idempotency_key is not None:
        existing = session.scalars(
            select(Order).where(Order.idempotency_key == idempotency_key)
        ).first()
    duplicate = None
    if placing and channel in CONVERSATION:
        duplicate = find_duplicate(session, member, wanted, kind, now)
    spent = None
    if member.per_day_limit is not None:
        spent = controls.spent_today(session, member, now)
    return OrderContext(
        member=member, wanted=tuple(wanted), delivery=kind, channel=channel, stage=stage,
        now=now, products=products, payment=controls.default_payment(household),
        address=delivery_address(session, household, kind), spent_today=spent,
        existing=existing, duplicate=duplicate, ticket=ticket, pin_verified=pin_verified,
    )  # fmt: skip


def delivery_address(session: Session, household: Household, kind: DeliveryKind) -> Address | None:
    """The household's default address of this kind (the first one if none is default)."""
    return session.scalars(
        select(Address)
        .where(Address.household_id == household.id, Address.kind == kind)
        .order_by(Address.is_default.desc(), Address.id)
    ).first()


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
    target = normal(wanted)
    for order in recent:
        if normal([(ln.product_id, ln.quantity) for ln in order.lines]) == target:
            return order
    return None


def normal(wanted: Sequence[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    """Lines merged by product and sorted: the same order however it was said."""
    merged: dict[int, int] = {}
    for product_id, quantity in wanted:
        merged[product_id] = merged.get(product_id, 0) + quantity
    return tuple(sorted(merged.items()))
