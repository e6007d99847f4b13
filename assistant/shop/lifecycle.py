"""Where an order goes after it is placed: shipped, then delivered (an operator's step).

pending_approval -> placed (approved) | rejected
placed -> shipped -> delivered
pending_approval | placed -> cancelled   (cancellation is refused once shipped)
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from assistant.errors import ErrorCode, NotFoundError, OrderStateError
from assistant.store.db import write_lock
from assistant.store.models import Order, OrderStatus

NEXT = {OrderStatus.PLACED: OrderStatus.SHIPPED, OrderStatus.SHIPPED: OrderStatus.DELIVERED}
"""The one step an operator may move an order along."""


def advance(session: Session, order_id: int, now: datetime, to: OrderStatus | None = None) -> Order:
    """Move a placed order to shipped, or a shipped one to delivered (``to``: up to there).

    The order is locked before its status is read (SQLite: the write lock), so a
    cancellation at the same moment either comes first or finds it shipped."""
    write_lock(session)
    order = session.scalars(
        select(Order).options(selectinload(Order.lines), selectinload(Order.member))
        .where(Order.id == order_id).with_for_update()
        .execution_options(populate_existing=True)
    ).first()  # fmt: skip
    if order is None:
        raise NotFoundError(ErrorCode.NO_SUCH_ORDER, order_id=order_id)
    target = to or NEXT.get(order.status)
    if target is None or target not in NEXT.values():
        raise OrderStateError(
            ErrorCode.ORDER_CANNOT_ADVANCE, order_id=order_id, status=order.status.value
        )
    if order.status is target:
        raise OrderStateError(ErrorCode.ORDER_ALREADY_AT, order_id=order_id, target=target.value)
    while order.status is not target:
        step = NEXT.get(order.status)
        if step is None:
            raise OrderStateError(ErrorCode.ORDER_CANNOT_BECOME, order_id=order_id,
                                  status=order.status.value, target=target.value)  # fmt: skip
        order.status = step
    order.updated_at = now
    session.flush()
    return order


def open_order_ids(session: Session) -> list[int]:
    """Orders that can still move along (placed or shipped), oldest first."""
    return list(
        session.scalars(select(Order.id).where(Order.status.in_(tuple(NEXT))).order_by(Order.id))
    )
