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
from assistant.shop.orders import order_page
from assistant.shop.receipt import build_receipt
from assistant.store.db import transaction
from assistant.store.models import Household, Order, OrderStatus

LARGEST_ID = 2**63 - 1
PAGE_SIZE = 50
"""Orders per page of the list (older ones behind a link)."""


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
    return _number(str(visit.request.path_params.get("order_id", "")), 404)


def _number(text: str, status: int) -> int:
    """An order number as written in a URL; anything else is refused with ``status``."""
    if not text.isascii() or not text.isdigit() or not 0 < int(text) <= LARGEST_ID:
        raise Refusal(status, Msg.WEB_ERROR_NOT_FOUND)
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
    """One page of orders, newest first; ``?before=N`` shows those older than order N."""
    text = visit.request.query_params.get("status", "")
    wanted = status_filter(text)
    before_text = visit.request.query_params.get("before", "")
    before = _number(before_text, 400) if before_text else None
    with transaction(visit.factory) as s:
        rows = household_orders(s, visit.me, wanted, before)
    older = rows[PAGE_SIZE - 1].id if len(rows) > PAGE_SIZE else None
    return visit.render("orders.html", rows=rows[:PAGE_SIZE], chosen=text,
                        statuses=list(OrderStatus), older=older)  # fmt: skip


def household_orders(
    s: Session, me: SignedIn, wanted: OrderStatus | None, before: int | None = None
) -> list[OrderRow]:
    """A page of the orders ``me`` may see (a child: their own), newest first, one more than
    :data:`PAGE_SIZE` when there are older ones."""
    household = s.get(Household, me.household_id)
    own = me.member_id if me.role == "child" else None
    found = order_page(s, me.household_id, status=wanted, member_id=own, before=before,
                       limit=PAGE_SIZE + 1)  # fmt: skip
    return [
        OrderRow(o.id, o.status, local_time(household, o.placed_at) if household else o.placed_at,
                 o.member.name, o.total)
        for o in found
    ]  # fmt: skip


def receipt_page(visit: Visit) -> Response:
    wanted = order_id(visit)
    me = visit.me
    with transaction(visit.factory) as s:
        order = s.get(Order, wanted)
        if me.role == "child" and order is not None and order.member_id != me.member_id:
            raise NotFoundError(ErrorCode.ORDER_NOT_FOUND, order_id=wanted)
        receipt = build_receipt(s, wanted, me.household_id)
    return visit.render("receipt.html", r=receipt)
