"""The e-receipt of an order: lines, regular and member prices, savings, fee, total, payment.

Every order has one (``jangbogi receipt ORDER_ID [--json]``, its lines of text are
``locales/<code>/shop.ftl``'s ``receipt-*`` messages); the dialog speaks it as one sentence
(``Phrases.receipt_sentence``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from assistant.errors import ErrorCode, NotFoundError
from assistant.shop.controls import local_time
from assistant.shop.orders import LineView, line_view
from assistant.shop.typed_text import redact_card_numbers
from assistant.store.models import (
    Address,
    Channel,
    DeliveryKind,
    Household,
    Order,
    OrderLine,
    OrderStatus,
    PaymentMethod,
)


@dataclass(frozen=True)
class ReceiptLine(LineView):
    """One product on the receipt: the order's line and its regular price."""

    regular_unit_price: int
    """Regular price of one item (KRW); ``unit_price`` is the member price when it applied."""

    @property
    def regular_total(self) -> int:
        return self.regular_unit_price * self.quantity

    @property
    def saving(self) -> int:
        return self.regular_total - self.line_total


@dataclass(frozen=True)
class Receipt:
    """What an order cost and where it goes."""

    order_id: int
    """Order number."""
    status: OrderStatus
    """Current status."""
    channel: Channel
    """voice, text or auto."""
    member: str
    """Who ordered."""
    placed_at: datetime
    """When (aware UTC)."""
    local_time: datetime
    """The same moment in the household's time zone."""
    lines: tuple[ReceiptLine, ...]
    """What was bought."""
    member_savings: int
    """Saved by member prices."""
    subtotal: int
    """Sum of the lines as charged."""
    delivery: DeliveryKind
    """home, locker or store."""
    delivery_place: str | None
    """The address, locker or store label."""
    delivery_fee: int
    """Delivery fee."""
    total: int
    """Charged in total."""
    payment_label: str | None
    """The card's label (VISA ...)."""
    payment_last4: str | None
    """Last four digits of the card; the number itself is never stored."""
    decided_by: str | None = None
    """The adult who approved or rejected a child's order."""

    @property
    def regular_subtotal(self) -> int:
        return sum(line.regular_total for line in self.lines)

    def to_json(self) -> dict[str, object]:
        lines = [
            {"name": ln.name, "quantity": ln.quantity, "unit": ln.unit,
             "regular_unit_price": ln.regular_unit_price, "unit_price": ln.unit_price,
             "line_total": ln.line_total, "regular_total": ln.regular_total, "saving": ln.saving}
            for ln in self.lines
        ]  # fmt: skip
        return {
            "order_id": self.order_id,
            "status": self.status.value,
            "channel": self.channel.value,
            "member": self.member,
            "placed_at": self.placed_at.isoformat(),
            "local_time": self.local_time.isoformat(),
            "lines": lines,
            "regular_subtotal": self.regular_subtotal,
            "member_savings": self.member_savings,
            "subtotal": self.subtotal,
            "delivery": self.delivery.value,
            "delivery_place": self.delivery_place,
            "delivery_fee": self.delivery_fee,
            "total": self.total,
            "payment": {"label": self.payment_label, "last4": self.payment_last4},
            "decided_by": self.decided_by,
        }


def build_receipt(session: Session, order_id: int, household_id: int | None = None) -> Receipt:
    """The receipt of an order (of this household, when given)."""
    order = session.scalars(
        select(Order)
        .options(selectinload(Order.lines).selectinload(OrderLine.product),
                 selectinload(Order.member), selectinload(Order.decided_by))
        .where(Order.id == order_id)
    ).first()  # fmt: skip
    if order is None and household_id is None:  # the operator's command
        raise NotFoundError(ErrorCode.NO_SUCH_ORDER, order_id=order_id)
    if order is None or (household_id is not None and order.household_id != household_id):
        raise NotFoundError(ErrorCode.ORDER_NOT_FOUND, order_id=order_id)
    household = session.get(Household, order.household_id)
    address = session.get(Address, order.address_id) if order.address_id else None
    payment = (
        session.get(PaymentMethod, order.payment_method_id) if order.payment_method_id else None
    )
    return Receipt(
        order_id=order.id,
        status=order.status,
        channel=order.channel,
        member=redact_card_numbers(order.member.name),
        placed_at=order.placed_at,
        local_time=local_time(household, order.placed_at) if household else order.placed_at,
        lines=tuple(
            ReceiptLine(**vars(line_view(ln)), regular_unit_price=ln.regular_unit_price)
            for ln in order.lines
        ),
        member_savings=order.member_savings,
        subtotal=order.subtotal,
        delivery=order.delivery,
        delivery_place=redact_card_numbers(address.label) if address else None,
        delivery_fee=order.delivery_fee,
        total=order.total,
        payment_label=redact_card_numbers(payment.label) if payment else None,
        payment_last4=order.payment_last4,
        decided_by=redact_card_numbers(order.decided_by.name) if order.decided_by else None,
    )
