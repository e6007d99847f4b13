"""How the assistant talks about subscriptions and notifications in English: the same names
as :mod:`assistant.replies_reorder`."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from assistant.reorder.conversation import SubscribeRequest
from assistant.reorder.recurrence import describe_en, time_en
from assistant.reorder.service import NotificationView, Skipped, SubscriptionView
from assistant.replies_en import item, won
from assistant.store.models import SubscriptionStatus

ASK_SCHEDULE = "How often shall I order it? For example: 'every Monday', 'every 3 days'."
ASK_SCHEDULE_AGAIN = "Sorry, I didn't get the schedule. " + ASK_SCHEDULE
REPEAT_SUBSCRIBE = "Shall I start the regular delivery?"
NOT_SUBSCRIBED = "Okay, I didn't set up a regular delivery."
KEPT = "Okay, I'll keep the regular delivery as it is."
NO_SUBSCRIPTIONS = "You have no regular deliveries. Try: 'subscribe to milk every Monday'."
NUMBER_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")


def local_date(when: datetime, tz: str) -> str:
    """'Monday, December 7' in the household's time zone."""
    local = when.astimezone(ZoneInfo(tz))
    return f"{local:%A}, {local:%B} {local.day}"


def local_date_time(when: datetime, tz: str) -> str:
    local = when.astimezone(ZoneInfo(tz))
    return f"{local_date(when, tz)} at {time_en(local.hour, local.minute)}"


def _count(n: int) -> str:
    return NUMBER_WORDS[n] if n < len(NUMBER_WORDS) else str(n)


def confirm_subscribe(req: SubscribeRequest, tz: str, member_pricing: bool) -> str:
    return _subscribe_question(req, tz, member_pricing, None)


def repeat_subscribe(req: SubscribeRequest, tz: str, member_pricing: bool, where: str) -> str:
    """The subscription question asked again after an unclear answer, with where it goes."""
    return _subscribe_question(req, tz, member_pricing, where)


def _subscribe_question(
    req: SubscribeRequest, tz: str, member_pricing: bool, where: str | None
) -> str:
    p = req.product
    price = won(req.unit_price * req.quantity) + (" at the member price" if member_pricing else "")
    goes = f", {where}" if where else ""
    return (
        f"I'll order {item(p.name, req.quantity, p.unit)} {describe_en(req.recurrence)}, "
        f"{price} each time{goes}; the first order is on "
        f"{local_date(req.first_run_at, tz)}. {REPEAT_SUBSCRIBE}"
    )


def subscribed(sub: SubscriptionView) -> str:
    first = local_date_time(sub.next_run_at, sub.timezone) if sub.next_run_at else "soon"
    return f"Your regular delivery is set up. The first order is on {first}."


def _line(sub: SubscriptionView) -> str:
    text = f"{item(sub.product.name, sub.quantity, sub.product.unit)} {describe_en(sub.recurrence)}"
    if sub.status is SubscriptionStatus.PAUSED:
        return f"{text} (paused)"
    if sub.next_run_at is not None:
        text += f", next on {local_date(sub.next_run_at, sub.timezone)}"
    return text


def subscriptions(subs: Sequence[SubscriptionView]) -> str:
    if not subs:
        return NO_SUBSCRIPTIONS
    if len(subs) == 1:
        return f"You have one regular delivery: {_line(subs[0])}."
    parts = "; ".join(f"{i}: {_line(s)}" for i, s in enumerate(subs, 1))
    return f"You have {_count(len(subs))} regular deliveries: {parts}."


VERBS = {"cancel_subscription": "cancel", "pause_subscription": "pause",
         "skip_subscription": "skip once", "resume_subscription": "resume"}  # fmt: skip


def choose_subscription(subs: Sequence[SubscriptionView], action: str) -> str:
    parts = ", ".join(
        f"{i}: {s.product.name} {describe_en(s.recurrence)}" for i, s in enumerate(subs, 1)
    )
    return f"Which regular delivery shall I {VERBS[action]}? {parts}. Say a number or the product."


def choose_again(count: int) -> str:
    return f"Please pick a number from 1 to {count}, or say the product."


def no_subscription_for(phrase: str) -> str:
    return f"There is no regular delivery of '{phrase}'."


def nothing_to(action: str) -> str:
    return f"There is no regular delivery to {VERBS[action]}."


def confirm_cancel(sub: SubscriptionView) -> str:
    what = item(sub.product.name, sub.quantity, sub.product.unit)
    return f"Cancel the regular delivery of {what} {describe_en(sub.recurrence)}?"


def cancelled(sub: SubscriptionView) -> str:
    return f"The regular delivery of {sub.product.name} is cancelled."


def paused(sub: SubscriptionView) -> str:
    return (
        f"The regular delivery of {sub.product.name} is paused. To start it again, say "
        "'resume my regular delivery'."
    )


def resumed(sub: SubscriptionView) -> str:
    first = local_date_time(sub.next_run_at, sub.timezone) if sub.next_run_at else "soon"
    return f"The regular delivery of {sub.product.name} is on again. The next order is on {first}."


def skipped(s: Skipped) -> str:
    sub = s.subscription
    text = f"I'll skip the {sub.product.name} delivery on {local_date(s.period_at, sub.timezone)}."
    if sub.next_run_at is not None:
        text += f" The next one is on {local_date(sub.next_run_at, sub.timezone)}."
    return text


# -- notifications the runner left ---------------------------------------------------------


def _on(data: Mapping[str, Any], tz: str, key: str = "period") -> str:
    try:
        return " on " + local_date(datetime.fromisoformat(str(data[key])), tz)
    except (KeyError, ValueError, TypeError):
        return ""


def _money(data: Mapping[str, Any], key: str) -> str:
    value = data.get(key)
    return won(value) if isinstance(value, int) else "?"


def notification(n: NotificationView) -> str:
    d, on = n.data, _on(n.data, n.timezone)
    product = str(d.get("product_en") or d.get("product") or "a regular delivery")
    order = f" (order {d['order_id']})" if d.get("order_id") is not None else ""
    match n.kind:
        case "placed":
            return f"I ordered your regular {product}{on}{order}, total {_money(d, 'total')}."
        case "caught_up":
            missed = d.get("missed") or 0
            older = f" {missed} earlier ones were not ordered." if missed else ""
            return f"I was off, so I ordered your regular {product}{on} late{order}.{older}"
        case "held":
            return (
                f"The price of {product} rose {d.get('pct', '?')}% from "
                f"{_money(d, 'old_price')} to {_money(d, 'new_price')}, so I held the "
                f"delivery{on}."
            )
        case "out_of_stock":
            return f"{product} was out of stock, so I skipped the delivery{on}."
        case "substituted":
            sub = str(d.get("substitute_en") or d.get("substitute") or "a similar product")
            return f"{product} was out of stock, so I ordered {sub} instead{on}{order}."
        case "missed":
            last = _on(d, n.timezone, "last_period").replace(" on ", "", 1)
            until = f" (the last on {last})" if last else ""
            return f"I was off and missed {d.get('count', 1)} deliveries of {product}{until}."
        case "failed":
            reason = REFUSALS.get(str(d.get("error")), str(d.get("reason") or "").strip())
            return f"I couldn't order your regular {product}{on}" + (
                f": {reason}" if reason else "."
            )
    return f"There is news about your regular {product}."


REFUSALS = {
    "PaymentRequiredError": "there is no registered card",
    "DeliveryError": "there is no address for the delivery",
    "SpendingLimitError": "it is over the member's spending limit",
    "NotFoundError": "the product is no longer sold",
    "OutOfStockError": "it is out of stock",
    "InvalidQuantityError": "the quantity is not allowed",
    "NotAllowedError": "the member is not allowed to order",
}
"""The shop's refusals (stored by their class name) in English; others keep the shop's words."""


def tell(notes: Sequence[NotificationView]) -> str:
    if len(notes) == 1:
        lead = "You have one notification"
    else:
        lead = f"You have {_count(len(notes))} notifications"
    return f"{lead}: " + " ".join(notification(n) for n in notes)
