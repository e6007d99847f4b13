"""The household's orders (``/orders``, filtered by ``?status=``) and each order's e-receipt
(``/orders/{id}``: the data of ``jangbogi receipt ID --json``, printable).

An order of another household is not found (404), exactly like one that does not exist; a
child sees only their own orders.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session
from starlette.responses import Response

from assistant.doors.web.guard import Refusal, Visit
from assistant.doors.web.members import SignedIn
from assistant.errors import ErrorCode, NotFoundError
from assistant.locales import Msg
from assistant.shop.controls import local_time
from assistant.shop.orders import list_orders
from assistant.shop.receipt import build_receipt
from assistant.store.db import transaction
from assistant.store.models import Household, Order, OrderStatus

LARGEST_ID = 2**63 - 1


@dataclass(frozen=True)
class OrderRow:
    """One order in the list."""

    id: int
    """Order number."""
    status: OrderStatus
    """Its status."""
    local_time: datetime
    """When, on the household's clock."""
    member: str
    """Who ordered."""
    total: int
    """Its total (KRW)."""


def order_id(visit: Visit) -> int:
    """The order number in the path; anything else is not found."""
    text = str(visit.request.path_params.get("order_id", ""))
    if not text.isascii() or not text.isdigit() or not 0 < int(text) <= LARGEST_ID:
        raise Refusal(404, Msg.WEB_ERROR_NOT_FOUND)
    return int(text)


def status_filter(text: str) -> OrderStatus | None:
    """``?status=`` as a status (empty: every status); an unknown one is refused (400)."""
    if not text:
        return None
    try:
        return OrderStatus(text)
    except ValueError:
        raise Refusal(400, Msg.WEB_ERROR_BAD_STATUS, status=text[:40]) from None


def orders_page(visit: Visit) -> Response:
    text = visit.request.query_params.get("status", "")
    wanted = status_filter(text)
    with transaction(visit.factory) as s:
        rows = household_orders(s, visit.me, wanted)
    return visit.render("orders.html", rows=rows, chosen=text, statuses=list(OrderStatus))


def household_orders(s: Session, me: SignedIn, wanted: OrderStatus | None) -> list[OrderRow]:
    """The orders ``me`` may see, newest first (a child: their own)."""
    household = s.get(Household, me.household_id)
    rows = []
    for order in reversed(list_orders(s, me.household_id)):
        if wanted is not None and order.status is not wanted:
            continue
        if me.role == "child" and order.member_id != me.member_id:
            continue
        when = local_time(household, order.placed_at) if household else order.placed_at
        rows.append(OrderRow(order.id, order.status, when, order.member.name, order.total))
    return rows


def receipt_page(visit: Visit) -> Response:
    wanted = order_id(visit)
    me = visit.me
    with transaction(visit.factory) as s:
        order = s.get(Order, wanted)
        if me.role == "child" and order is not None and order.member_id != me.member_id:
            raise NotFoundError(ErrorCode.ORDER_NOT_FOUND, order_id=wanted)
        receipt = build_receipt(s, wanted, me.household_id)
    return visit.render("receipt.html", r=receipt)
