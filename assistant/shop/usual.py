"""The household's usual product among several that match a request.

A simple rule, meant to be replaced by the purchase insights (issue 7): the
candidate this household ordered most often in its recent orders, the most
recently ordered one on a tie; None when it never ordered any of them.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from assistant.store.models import Order, OrderLine, OrderStatus

RECENT_ORDERS = 50
"""How many of the household's latest orders count."""
IGNORED = (OrderStatus.CANCELLED, OrderStatus.REJECTED)


def usual_product(
    session: Session, household_id: int, candidate_ids: Sequence[int], recent: int = RECENT_ORDERS
) -> int | None:
    """The candidate ordered in most of the household's last ``recent`` orders, or None."""
    if not candidate_ids:
        return None
    latest = (
        select(Order.id)
        .where(Order.household_id == household_id, Order.status.not_in(IGNORED))
        .order_by(Order.id.desc())
        .limit(recent)
        .subquery()
    )
    orders = func.count(func.distinct(OrderLine.order_id))
    row = session.execute(
        select(OrderLine.product_id, orders, func.max(OrderLine.order_id))
        .where(OrderLine.order_id.in_(select(latest.c.id)),
               OrderLine.product_id.in_(list(candidate_ids)))
        .group_by(OrderLine.product_id)
        .order_by(orders.desc(), func.max(OrderLine.order_id).desc())
        .limit(1)
    ).first()  # fmt: skip
    return int(row[0]) if row is not None else None
