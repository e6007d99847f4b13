"""A child's orders waiting for an adult (``/approvals``) and the adult's decision
(``POST /approvals/{id}/approve|reject``, through ``shop.purchase.decide``, the function of
``jangbogi approvals approve|reject``). A child sees their own requests and their state
and can never decide (403)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload
from starlette.responses import RedirectResponse, Response

from assistant.doors.web.guard import Visit
from assistant.doors.web.members import SignedIn
from assistant.doors.web.orders import order_id
from assistant.errors import ErrorCode, NotAllowedError
from assistant.shop.orders import LineView, line_view
from assistant.shop.purchase import decide, pending_approvals
from assistant.store.db import transaction
from assistant.store.models import Member, Order, OrderLine, OrderStatus, utcnow

MOST_REQUESTS = 30
"""A child's page shows their latest requests, this many."""


@dataclass(frozen=True)
class Asked:
    """An order a child asked for."""

    id: int
    """Order number."""
    member: str
    """The child."""
    status: OrderStatus
    """Waiting, placed (approved) or rejected, ..."""
    lines: tuple[LineView, ...]
    """What they asked for."""
    total: int
    """Its total (KRW)."""
    decided_by: str | None
    """The adult who decided."""


def _request(order: Order) -> Asked:
    decided = order.decided_by.name if order.decided_by is not None else None
    lines = tuple(line_view(ln) for ln in order.lines)
    return Asked(order.id, order.member.name, order.status, lines, order.total, decided)


def approvals_page(visit: Visit) -> Response:
    me = visit.me
    with transaction(visit.factory) as s:
        if me.role == "child":
            rows = [_request(o) for o in _own_requests(s, me)]
        else:
            rows = [_request(o) for o in pending_approvals(s, me.household_id)]
    waiting = any(r.status is OrderStatus.PENDING_APPROVAL for r in rows)
    child = me.role == "child"
    return visit.render(
        "approvals.html", rows=rows, decided=_decided(visit), child=child, waiting=waiting
    )


def _own_requests(s: Session, me: SignedIn) -> list[Order]:
    """A child's orders that waited for an adult: waiting now or decided, newest first."""
    stmt = (
        select(Order)
        .options(selectinload(Order.lines).selectinload(OrderLine.product),
                 selectinload(Order.member), selectinload(Order.decided_by))
        .where(Order.member_id == me.member_id,
               (Order.status == OrderStatus.PENDING_APPROVAL) | Order.decided_by_id.is_not(None))
        .order_by(Order.id.desc()).limit(MOST_REQUESTS)
    )  # fmt: skip
    return list(s.scalars(stmt))


def _decided(visit: Visit) -> tuple[int, bool] | None:
    """The decision just made (``?decided=ID&approved=yes|no``), to say so."""
    query = visit.request.query_params
    text, approved = query.get("decided", ""), query.get("approved", "")
    if not text.isascii() or not text.isdigit() or len(text) > 18 or approved not in ("yes", "no"):
        return None
    return int(text), approved == "yes"


def approve(visit: Visit) -> Response:
    return _decide(visit, approve=True)


def reject(visit: Visit) -> Response:
    return _decide(visit, approve=False)


def _decide(visit: Visit, *, approve: bool) -> Response:
    me = visit.me
    if me.role == "child":
        raise NotAllowedError(ErrorCode.APPROVAL_ADULTS_ONLY)
    wanted = order_id(visit)
    with transaction(visit.factory, write=True) as s:
        by = s.get(Member, me.member_id)
        if by is None:
            raise NotAllowedError(ErrorCode.APPROVAL_ADULTS_ONLY)
        decide(s, wanted, by, approve=approve, now=utcnow())
    answer = "yes" if approve else "no"
    return RedirectResponse(f"/approvals?decided={wanted}&approved={answer}", status_code=303)
