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
from assistant.errors import ConfirmationError, ErrorCode, PinRequiredError, WrongPinError
from assistant.locales import Msg
from assistant.shop.controls import Ticket
from assistant.shop.pricing import MAX_QUANTITY
from assistant.shop.service import PurchaseRequest
from assistant.shop.typed_text import redact_card_numbers
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
    return visit.render(
        "confirm.html", asked=asked, q=asked.quote, again=again, seconds=seconds, pin_error=None
    )


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
            accepted = shop.accept(token, now)
            order, _ = shop.complete(token, now, channel=CHANNEL, pin=pin)
        except (PinRequiredError, WrongPinError) as exc:  # the question stands: try again
            return _ask_pin_again(visit, accepted, visit.say.error(exc))
        except ConfirmationError as exc:
            unknown = exc.code is ErrorCode.CONFIRMATION_UNKNOWN
            earlier = _placed_with(visit, token) if unknown else None
            if earlier is None:
                raise
            return _receipt(earlier)
    return _receipt(order.id)


def _ask_pin_again(visit: Visit, ticket: Ticket, error: str) -> Response:
    """The same question again, with why the PIN did not do (wrong or missing; a lock is
    the error page): the ticket stays, its "yes" was recorded with a fresh timeout."""
    shop = shops(visit.request).service(visit.me)
    quote = shop.quote(ticket.wanted)
    seconds = max(0, round((ticket.expires_at - utcnow()).total_seconds()))
    asked = PurchaseRequest(ticket.token, quote, ticket.expires_at, ticket.needs_pin, False)
    return visit.render("confirm.html", 400, asked=asked, q=quote, again=None, seconds=seconds,
                        pin_error=redact_card_numbers(error))  # fmt: skip


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
