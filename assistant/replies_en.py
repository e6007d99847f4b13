"""How the assistant says things in English: the same names as :mod:`assistant.replies`."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from zoneinfo import ZoneInfo

from assistant.errors import (
    AccountError,
    ConfirmationError,
    DeliveryError,
    InvalidQuantityError,
    JangbogiError,
    NotAllowedError,
    NotFoundError,
    OrderStateError,
    OutOfStockError,
    PaymentRequiredError,
    PinLockedError,
    PinRequiredError,
    ScheduleError,
    SpendingLimitError,
    WrongPinError,
)
from assistant.locales import say_for
from assistant.nlu.schema import Schedule
from assistant.shop.accounts import AccountView
from assistant.shop.advisor import ComingUp, DueItem, SubscriptionOffer
from assistant.shop.orders import OrderView
from assistant.shop.pricing import MAX_QUANTITY, Quote
from assistant.shop.receipt import Receipt
from assistant.shop.service import CartItem, ProductView
from assistant.store.models import DeliveryKind, OrderStatus

NOT_SHOPPING = (
    "Sorry, I can only help with grocery shopping. For example: 'order two bottles of milk'."
)
HELP = (
    "Try: 'order two bottles of milk', 'add a tray of eggs to my cart', 'show my cart', "
    "'check out', 'where is my order', 'cancel my last order', 'what do I need?', "
    "'order the usual', 'stop'."
)
EMPTY = "Sorry, I didn't catch that. Please say it again."
TOO_LONG = "That was too long. Please ask for one thing at a time."
BYE = "Goodbye."
ASK_YES_NO = "Please answer 'yes' or 'no'."
EXPIRED = "That question timed out, so I dropped it."
NOTHING_TO_CONFIRM = "There is nothing to confirm right now."
NOT_ORDERED = "Okay, I didn't order anything."
NOT_CANCELLED = "Okay, I'll leave the order as it is."
EMPTY_CART = "Your cart is empty."
NO_ORDERS = "You haven't ordered anything yet."
NO_OPEN_ORDER = "There is no order that can still be cancelled."
ASK_PRODUCT = "Which product do you mean? Please say it again."
STATUS = {
    OrderStatus.PLACED: "received",
    OrderStatus.CANCELLED: "cancelled",
    OrderStatus.SHIPPED: "on its way",
    OrderStatus.DELIVERED: "delivered",
    OrderStatus.PENDING_APPROVAL: "waiting for an adult's approval",
    OrderStatus.REJECTED: "turned down",
}


def won(amount: int) -> str:
    return f"{amount:,} won"


def item(name: str, quantity: int, unit: str) -> str:
    return f"{quantity} × {name}"


def price_phrase(q: Quote) -> str:
    text = f"{won(q.total)} at the member price" if q.member_pricing else won(q.total)
    if q.delivery_fee:
        text += f" (including {won(q.delivery_fee)} delivery)"
    return text


def confirm_order(q: Quote, notes: str = "") -> str:
    if len(q.lines) == 1:
        ln = q.lines[0]
        what = item(ln.name, ln.quantity, ln.unit)
    else:
        what = f"{q.lines[0].name} and {len(q.lines) - 1} more"
    return f"{what}, {price_phrase(q)}.{notes} Shall I order?"


def placed(order: OrderView, new: bool) -> str:
    lead = "Ordered" if new else "That order was already placed"
    return f"{lead}. Order number {order.id}, total {won(order.total)}."


def order_summary(order: OrderView) -> str:
    first = order.lines[0]
    what = item(first.name, first.quantity, first.unit)
    return what + (f" and {len(order.lines) - 1} more" if len(order.lines) > 1 else "")


def status(order: OrderView) -> str:
    return (
        f"Order {order.id} ({order_summary(order)}, {won(order.total)}) is {STATUS[order.status]}."
    )


def confirm_cancel(order: OrderView) -> str:
    return f"Cancel order {order.id} ({order_summary(order)}, {won(order.total)})?"


def cancelled(order: OrderView) -> str:
    return f"Order {order.id} is cancelled."


def choose(
    phrase: str,
    options: Sequence[ProductView],
    member_pricing: bool,
    total: int | None = None,
) -> str:
    parts = [
        f"{i}: {p.name} {won(p.member_price if member_pricing else p.price)}"
        for i, p in enumerate(options, 1)
    ]
    lead = f"There are {total or len(options)} kinds of {phrase}"
    if total is not None and total > len(options):
        lead += f"; the {len(options)} best rated"
    return f"{lead}: " + ", ".join(parts) + ". Which number?"


def choose_again(count: int) -> str:
    return f"Please pick a number from 1 to {count}, or say the name."


def not_sold(phrase: str) -> str:
    return f"Sorry, '{phrase}' is not in our catalog."


def not_in_cart(phrase: str) -> str:
    return f"There is no '{phrase}' in your cart."


def added(entry: CartItem, count: int, quantity: int) -> str:
    p = entry.product
    return f"Added {item(p.name, quantity, p.unit)} to your cart. It has {count} products now."


def removed(product: ProductView, left: int) -> str:
    if left:
        return f"Took some {product.name} out; {left} left in your cart."
    return f"Removed {product.name} from your cart."


def cart(items: Sequence[CartItem], q: Quote) -> str:
    lines = ", ".join(
        f"{item(i.product.name, i.quantity, i.product.unit)} {won(ln.line_total)}"
        for i, ln in zip(items, q.lines, strict=True)
    )
    return f"Your cart: {lines}. Total {price_phrase(q)}."


def confirm_checkout(q: Quote, notes: str = "") -> str:
    return f"{len(q.lines)} products in your cart, {price_phrase(q)}.{notes} Shall I order?"


def confirm_reorder(last: OrderView, q: Quote, notes: str = "") -> str:
    return f"The same as order {last.id}: {confirm_order(q, notes)}"


def product_info(p: ProductView, count: int) -> str:
    member = f", {won(p.member_price)} for members" if p.member_price < p.price else ""
    stock = "out of stock" if p.stock == 0 else f"{p.stock} in stock"
    more = f" ({count - 1} similar products too)" if count > 1 else ""
    return (
        f"{p.name}: {won(p.price)}{member}, rated {p.rating_tenths / 10:.1f} by "
        f"{p.rating_count:,} reviews, {stock}.{more}"
    )


def deals(products: Sequence[ProductView], member_pricing: bool, member: bool = False) -> str:
    if not products:
        return "There are no member deals right now."
    parts = [f"{p.name} {won(p.price)} → {won(p.member_price)}" for p in products]
    lead = "Member deals" if member_pricing else "As a member you would pay"
    if member and not member_pricing:
        lead = "With a registered card you would pay"
    return f"{lead}: " + ", ".join(parts) + "."


def not_available(intent: str) -> str:
    return "I can't do that yet; I can help with orders and your cart."


MAX_NAMED = 3
"""A question asked again names at most this many lines, then how many more."""
DELIVERY_NOUN_EN = {DeliveryKind.HOME: "home delivery", DeliveryKind.LOCKER: "parcel locker",
                    DeliveryKind.STORE: "store pickup"}  # fmt: skip


def lines_phrase(lines: Sequence[tuple[str, int, str]]) -> str:
    """'2 × Seoul Milk 1L, 1 × eggs and 2 more' from (name, quantity, unit)."""
    named = ", ".join(item(*ln) for ln in lines[:MAX_NAMED])
    more = len(lines) - MAX_NAMED
    return f"{named} and {more} more" if more > 0 else named


def where_phrase(kind: DeliveryKind, label: str | None) -> str:
    """'delivered to your home', 'sent to the parcel locker (…)', 'ready for pickup at …'."""
    return {
        DeliveryKind.HOME: "delivered to your home",
        DeliveryKind.LOCKER: f"sent to {place_phrase(kind, label)}",
        DeliveryKind.STORE: f"ready for pickup at {label or 'the store'}",
    }[kind]


def repeat_order(q: Quote, place: str | None, needs_approval: bool = False) -> str:
    """An order question asked again after an unclear answer: what, how many, the total and
    where."""
    what = lines_phrase([(ln.name, ln.quantity, ln.unit) for ln in q.lines])
    total = price_phrase(q) if len(q.lines) == 1 else f"{price_phrase(q)} in all"
    approval = " It is ordered once an adult approves it." if needs_approval else ""
    return f"{what}, {total}, {where_phrase(q.delivery, place)}.{approval} Shall I order?"


def repeat_cancel(order: OrderView) -> str:
    """A cancellation asked again: the order's lines, total and delivery."""
    what = lines_phrase([(ln.name, ln.quantity, ln.unit) for ln in order.lines])
    return (
        f"Cancel order {order.id} ({what}, {won(order.total)}, {DELIVERY_NOUN_EN[order.delivery]})?"
    )


def not_a_count(said: str) -> str:
    """A quantity that is not a whole count ("0.5", "1e9"): refused as heard."""
    return f"Please say a whole number from 1 to {MAX_QUANTITY} (I heard {said})."


DATABASE_BUSY = (
    "Another device is using the orders right now (the database is locked), so nothing "
    "changed. Please say it again in a moment."
)
DATABASE_UNAVAILABLE = "The orders can't be reached right now, so nothing changed."


def error(exc: JangbogiError) -> str:
    """The shop's refusals in English (their own messages are Korean)."""
    if exc.code is not None:
        return say_for("en").error(exc)
    match exc:
        case InvalidQuantityError():
            return f"Please say a quantity from 1 to {MAX_QUANTITY}."
        case OutOfStockError():
            return "Sorry, there isn't enough of that in stock."
        case OrderStateError():
            return "That order can no longer be cancelled."
        case NotFoundError():
            return "Sorry, I couldn't find that."
        case PaymentRequiredError():
            return (
                "There is no registered card, so I can't order. An adult can add one with "
                "'jangbogi household payment add'."
            )
        case DeliveryError():
            return (
                "There is no address registered for that delivery; add one with "
                "'jangbogi household address add'."
            )
        case ConfirmationError():
            return "That order was not confirmed in time, so nothing was ordered. Please ask again."
        case SpendingLimitError(per_day=True):
            return (
                f"That is over the daily limit of {won(exc.limit)}; "
                f"{won(exc.remaining)} is left for today."
            )
        case SpendingLimitError():
            return f"That is over the limit of {won(exc.limit)} per order."
        case WrongPinError():
            return (
                f"That PIN is not right. {exc.attempts_left} more wrong tries lock voice ordering."
            )
        case PinLockedError():
            return f"Voice ordering is locked after 3 wrong PINs, until {exc.until_local}."
        case PinRequiredError():
            return ASK_PIN
        case NotAllowedError():
            return "Sorry, only an adult can do that."
        case ScheduleError():
            return "Sorry, I can't keep that schedule. Try 'every Monday' or 'every 3 days'."
        case AccountError():
            return f"That account change didn't work: {exc}"
    return f"Sorry, that didn't work: {exc}"


# -- accounts, delivery, purchase controls (issue 5) ---------------------------

ASK_PIN = "Please say your four-digit PIN."
ASK_PIN_AGAIN = "Please say the four digits of your PIN, or 'no' to stop."
NO_APPROVALS = "No orders are waiting for approval."
APPROVAL_KEPT = "Okay, that order keeps waiting for approval."
NOT_JOINED = "Okay, I didn't sign you up."
ASK_DELIVERY = "Where would you like it: home, the parcel locker or store pickup?"
REGISTER_CARD = "Register a card and member prices apply automatically."
KIND_EN = {DeliveryKind.HOME: "home", DeliveryKind.LOCKER: "the parcel locker",
           DeliveryKind.STORE: "store pickup"}  # fmt: skip


def place_phrase(kind: DeliveryKind, label: str | None) -> str:
    return (
        f"{KIND_EN[kind]} ({label})" if label and kind is not DeliveryKind.HOME else KIND_EN[kind]
    )


def purchase_notes(q: Quote, needs_approval: bool, place: str | None = None) -> str:
    notes = []
    if place:
        notes.append(f"Delivery: {place}.")
    if q.potential_savings > 0:
        if q.membership_active:
            notes.append(f"With a registered card it would be {won(q.potential_savings)} less.")
        else:
            notes.append(f"As a member you would pay {won(q.potential_savings)} less.")
    if needs_approval:
        notes.append("An adult has to approve it.")
    return "".join(" " + n for n in notes)


def receipt_sentence(r: Receipt, new: bool) -> str:
    lead = "Ordered" if new else "That order was already placed"
    first = r.lines[0]
    what = item(first.name, first.quantity, first.unit)
    if len(r.lines) > 1:
        what += f" and {len(r.lines) - 1} more"
    extras = []
    if r.member_savings:
        extras.append(f"{won(r.member_savings)} member savings")
    if r.delivery_fee:
        extras.append(f"including {won(r.delivery_fee)} delivery")
    total = won(r.total) + (f" ({', '.join(extras)})" if extras else "")
    where = where_phrase(r.delivery, r.delivery_place)
    paid = f"paid with the card ending {r.payment_last4}, " if r.payment_last4 else ""
    return f"{lead}. Order number {r.order_id}: {what}, total {total}, {paid}{where}."


def waiting_approval(order: OrderView) -> str:
    return (
        f"Saved as order {order.id} ({won(order.total)}), waiting for an adult's approval; "
        "it is ordered once an adult approves it."
    )


def duplicate(order: OrderView) -> str:
    return (
        f"You just placed the same order (order {order.id}, {won(order.total)}), "
        "so I'm ordering it only once."
    )


def _when(placed_at: datetime, now: datetime, tz: str) -> str:
    zone = ZoneInfo(tz)
    days = (now.astimezone(zone).date() - placed_at.astimezone(zone).date()).days
    if days <= 0:
        return "today"
    if days == 1:
        return "yesterday"
    return f"on {placed_at.astimezone(zone):%b} {placed_at.astimezone(zone).day}"


def status_sentence(order: OrderView, now: datetime, tz: str) -> str:
    return (
        f"Order {order.id} ({order_summary(order)}, {won(order.total)}), placed "
        f"{_when(order.placed_at, now, tz)}, is {STATUS[order.status]}."
    )


def cannot_cancel(order: OrderView) -> str:
    return f"Order {order.id} is already {STATUS[order.status]}, so it can't be cancelled."


def ask_approval(order: OrderView, reject: bool) -> str:
    verb = "turn down" if reject else "approve"
    return (
        f"To {verb} {order.member}'s order {order.id} ({order_summary(order)}, "
        f"{won(order.total)}), please say your four-digit PIN."
    )


def decided(order: OrderView) -> str:
    if order.status is OrderStatus.REJECTED:
        return f"{order.member}'s order {order.id} is turned down."
    return f"{order.member}'s order {order.id} is approved: {won(order.total)}."


def _benefits(acc: AccountView) -> str:
    free = "free home delivery"
    if not acc.member_free_delivery:
        free = f"free home delivery from {won(acc.free_delivery_threshold)}"
    return f"member prices automatically and {free}"


def membership_info(acc: AccountView) -> str:
    if not acc.membership_active:
        return (
            f"You're not a member yet. Members get {_benefits(acc)}, with no fee. "
            "Say 'sign me up for membership' to join."
        )
    if acc.payment_last4 is None:
        return f"You're a member. {REGISTER_CARD}"
    return f"You're a member: with the card ending {acc.payment_last4} you get {_benefits(acc)}."


def ask_join(acc: AccountView) -> str:
    return f"Shall I sign you up for membership? There's no fee; you get {_benefits(acc)}."


def joined(acc: AccountView) -> str:
    if acc.payment_last4 is None:
        return f"You're a member now. {REGISTER_CARD}"
    return "You're a member now; your orders get member prices."


def delivery_set(kind: DeliveryKind, label: str | None) -> str:
    return f"From now on your orders go to {place_phrase(kind, label)}."


def out_of_stock(problem: str, alternative_question: str | None) -> str:
    lead = "Sorry, that is out of stock."
    if alternative_question is None:
        return f"{lead} Nothing similar is in stock right now."
    return f"{lead} Instead: {alternative_question}"


def offer_for_cart(problem: str, p: ProductView, member_pricing: bool) -> str:
    price = won(p.member_price if member_pricing else p.price)
    return f"Sorry, that is out of stock. Shall I add {p.name} ({price}) instead?"


# -- the household's buying rhythm (assistant.shop.advisor) -------------------------------

OFFER_DECLINED = "Okay. Just ask when you need it."
REPEAT_OFFER = "Shall I make it a regular delivery?"
NO_USUAL_YET = "I don't know your usual order yet."
NOTHING_KNOWN = (
    "I can't tell yet what is running out: order the same products a few more times and "
    "I'll tell you when they're due."
)
WEEKDAY_NAMES = {"mon": "Monday", "tue": "Tuesday", "wed": "Wednesday", "thu": "Thursday",
                 "fri": "Friday", "sat": "Saturday", "sun": "Sunday"}  # fmt: skip


def confirm_items(q: Quote, notes: str = "") -> str:
    """A confirmation that names every line (suggestions of several products)."""
    if len(q.lines) == 1:
        return confirm_order(q, notes)
    what = ", ".join(item(ln.name, ln.quantity, ln.unit) for ln in q.lines)
    return f"{what}, {price_phrase(q)} in all.{notes} Shall I order?"


def running_out(items: Sequence[DueItem], q: Quote, notes: str = "") -> str:
    if len(items) == 1:
        d = items[0].due
        return (
            f"You bought {items[0].nouns[1]} {d.days_since} days ago; you usually buy it every "
            f"{d.interval} days. {confirm_items(q, notes)}"
        )
    parts = [
        f"{i.nouns[1]} ({i.due.days_since} days ago, usually every {i.due.interval} days)"
        for i in items
    ]
    return f"These are probably running out: {', '.join(parts)}. {confirm_items(q, notes)}"


def nothing_due(coming: ComingUp | None) -> str:
    if coming is None:
        return NOTHING_KNOWN
    return (
        f"Nothing seems to be running out right now. Next up: {coming.nouns[1]}, "
        f"in about {coming.days} days."
    )


def every(schedule: Schedule) -> str:
    if schedule.freq == "monthly":
        return "every month"
    if schedule.freq == "weekly":
        return "every week" if schedule.interval == 1 else f"every {schedule.interval} weeks"
    return "every day" if schedule.interval == 1 else f"every {schedule.interval} days"


def subscription_offer(offer: SubscriptionOffer) -> str:
    return f"You buy {offer.nouns[1]} {every(offer.schedule)}. {REPEAT_OFFER}"


def subscribe_phrase(offer: SubscriptionOffer) -> str:
    s = offer.schedule
    if s.freq == "monthly":
        when = f"on the {s.day}{_ordinal(s.day or 1)} of every month"
    elif s.freq == "weekly":
        day = WEEKDAY_NAMES[s.weekdays[0]] if s.weekdays else "Monday"
        when = f"every {day}" if s.interval == 1 else f"every other {day}"
    else:
        when = "every day" if s.interval == 1 else f"every {s.interval} days"
    return f"subscribe to {offer.nouns[1]} {when}"


def _ordinal(n: int) -> str:
    if 10 <= n % 100 <= 20:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def confirm_usual(q: Quote, notes: str = "") -> str:
    return f"Your usual: {confirm_order(q, notes)}"


def confirm_usual_basket(q: Quote, notes: str = "") -> str:
    return f"Your usual order: {confirm_items(q, notes)}"


def never_bought(phrase: str) -> str:
    return f"You haven't ordered {phrase} before."


def choose_usual(
    phrase: str, options: Sequence[ProductView], member_pricing: bool, total: int | None = None
) -> str:
    parts = [
        f"{i}: {p.name} {won(p.member_price if member_pricing else p.price)}"
        for i, p in enumerate(options, 1)
    ]
    count = total if total is not None and total > len(options) else len(options)
    others = f"; others: {', '.join(parts[1:])}" if len(parts) > 1 else ""
    return f"There are {count} kinds of {phrase}. Your usual is {parts[0]}{others}. Which number?"
