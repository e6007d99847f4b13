"""The e-receipt of an order: lines, regular and member prices, savings, fee, total, payment.

Every order has one (``jangbogi receipt ORDER_ID [--json]``, its lines of text are
``locales/<code>/shop.ftl``'s ``receipt-*`` messages); the dialog speaks it as one sentence
(``Phrases.receipt_sentence``).
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from assistant.errors import ErrorCode, NotFoundError
from assistant.shop.controls import local_time
from assistant.shop.orders import line_view
from assistant.shop.typed_text import redact_card_numbers
from assistant.shop.views import Receipt as Receipt
from assistant.shop.views import ReceiptLine as ReceiptLine
from assistant.store.models import (
    Address,
    Household,
    Order,
    OrderLine,
    PaymentMethod,
)


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
