"""The one-tap order from "running out soon": ``POST /rhythm/order`` asks the shop (every
purchase rule, the member price, the delivery) and shows the question as a confirmation
page; only its ``POST /rhythm/confirm`` ("yes, order") places the order, through the same
ticket, idempotency key, PIN, approval and duplicate rules as a spoken or typed "yes"
(channel ``text``: a person confirming in writing). Nothing here prices or places.

A second "yes" with the same ticket (a double tap) finds the order of the first and shows
its receipt; an expired, used-up or forged ticket places nothing and says so.
"""

from __future__ import annotations

from sqlalchemy import select
from starlette.responses import RedirectResponse, Response

from assistant.doors.web.guard import Refusal, Visit
from assistant.doors.web.shops import shops
from assistant.errors import ConfirmationError, ErrorCode
from assistant.locales import Msg
from assistant.shop.pricing import MAX_QUANTITY
from assistant.store.db import transaction
from assistant.store.models import Channel, Order, utcnow

CHANNEL = Channel.TEXT
"""A web "yes" is a typed confirmation: the text door's rules (ticket, PIN, duplicates)."""
LONGEST_PIN = 32


def _number(text: str, most: int) -> int:
    if not text.isascii() or not text.isdigit() or len(text) > 18 or not 0 < int(text) <= most:
        raise Refusal(400, Msg.WEB_BUY_BAD_FORM)
    return int(text)


def order_ask(visit: Visit) -> Response:
    """The confirmation page of one product: the shop's quote and ticket."""
    product = _number(visit.form.get("product", ""), 2**63 - 1)
    quantity = _number(visit.form.get("quantity", ""), MAX_QUANTITY)
    shop = shops(visit.request).service(visit.me)
    now = utcnow()
    asked = shop.request_order([(product, quantity)], now, channel=CHANNEL)
    again = shop.recent_duplicate([(product, quantity)], now, asked.quote.delivery)
    seconds = max(0, round((asked.expires_at - now).total_seconds()))
    return visit.render("confirm.html", asked=asked, q=asked.quote, again=again, seconds=seconds)


def order_confirm(visit: Visit) -> Response:
    """The explicit "yes": accept the ticket and place it (the PIN, when the household has one)."""
    token = visit.form.get("ticket", "")
    pin = visit.form.get("pin", "").strip()[:LONGEST_PIN] or None
    me = visit.me
    registry = shops(visit.request)
    shop = registry.service(me)
    with registry.lock(me):
        try:
            now = utcnow()
            shop.accept(token, now)
            order, _ = shop.complete(token, now, channel=CHANNEL, pin=pin)
        except ConfirmationError as exc:
            unknown = exc.code is ErrorCode.CONFIRMATION_UNKNOWN
            earlier = _placed_with(visit, token) if unknown else None
            if earlier is None:
                raise
            return _receipt(earlier)
    return _receipt(order.id)


def _placed_with(visit: Visit, token: str) -> int | None:
    """The member's order placed with this ticket already (the first of a double tap)."""
    if not token or len(token) > 64:
        return None
    with transaction(visit.factory) as s:
        stmt = select(Order.id).where(
            Order.idempotency_key == token, Order.member_id == visit.me.member_id
        )
        found: int | None = s.scalars(stmt).first()
    return found


def _receipt(order_id: int) -> Response:
    return RedirectResponse(f"/orders/{order_id}", status_code=303)
