"""The purchase side of the conversation: order questions, the PIN, approvals, membership,
delivery choice, order status and cancellation, out-of-stock alternatives.

:class:`PurchaseFlows` is mixed into :class:`assistant.dialog.Dialog`; every rule it relies
on is enforced again by the shop (:mod:`assistant.shop.purchase`), the dialog only asks.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from types import ModuleType
from typing import Literal

from assistant.errors import JangbogiError, OutOfStockError, WrongPinError
from assistant.nlu.pin import parse_pin
from assistant.nlu.schema import Intent
from assistant.shop.orders import OrderView
from assistant.shop.pricing import Quote
from assistant.shop.service import ProductView, ShopService
from assistant.store.models import Channel, DeliveryKind, OrderStatus

SECRET = "****"
"""Shown instead of an utterance that was a PIN."""
_DEFAULT_WORDS = re.compile(r"앞으로|기본|항상|매번|늘|from now on|always|default", re.I)
_JOIN_WORDS = re.compile(r"가입|신청|등록|되고 싶|join|sign|become|register", re.I)
_REJECT_WORDS = re.compile(r"거절|반려|거부|불허|reject|decline|deny|refuse", re.I)
_ORDER_NUMBER = re.compile(r"(\d+)\s*(?:번|$)|(?:order|number)\s*(\d+)", re.I)
CANNOT_CANCEL = (OrderStatus.SHIPPED, OrderStatus.DELIVERED)


@dataclass(frozen=True)
class PendingOrder:
    """An order question waiting for "yes"; the shop holds the matching ticket."""

    wanted: tuple[tuple[int, int], ...]
    """(product id, quantity) pairs (the cart's content for a checkout)."""
    key: str
    """The shop's confirmation ticket, also the idempotency key."""
    expires_at: datetime
    """After this a "yes" no longer counts."""
    quote: Quote
    """What the question named: the lines, the total and where it goes (named again when
    the answer is unclear)."""
    needs_approval: bool = False
    """A child's order: it waits for an adult after the "yes"."""
    checkout: bool = False
    """Order the cart rather than ``wanted``."""
    delivery: DeliveryKind | None = None
    """Chosen in this conversation; None: the household's default."""
    reorder_of: OrderView | None = None
    """The earlier order this one repeats."""


@dataclass(frozen=True)
class PendingPin:
    """Waiting for the household PIN: to place an accepted order, or to decide an approval."""

    purpose: Literal["order", "approve", "reject", "subscribe"]
    """What the PIN is for."""
    key: str
    """The ticket of the order (``order``), else empty."""
    order_id: int | None
    """The child's order to approve or reject."""
    expires_at: datetime
    """After this the question is dropped."""
    on_pin: Callable[[str, datetime], str] | None = None
    """What to do with the PIN instead (a subscription): returns the answer, raises
    :class:`WrongPinError` to have it said again."""
    declined: str | None = None
    """What to say when "no" is said instead of the PIN (default: not ordered / kept)."""


@dataclass(frozen=True)
class PendingJoin:
    """Waiting for "yes" to join the membership."""

    expires_at: datetime
    """After this the question is dropped."""


class PurchaseFlows:
    """Conversation steps about money; needs ``shop``, ``channel``, ``r``, ``pending``."""

    shop: ShopService
    channel: Channel
    r: ModuleType
    pending: object
    timeout: timedelta

    # -- asking, confirming, placing -------------------------------------------

    def _ask_purchase(
        self,
        wanted: tuple[tuple[int, int], ...],
        now: datetime,
        *,
        checkout: bool = False,
        delivery: DeliveryKind | None = None,
        reorder_of: OrderView | None = None,
        ask: Callable[[Quote, str], str] | None = None,
    ) -> str:
        """Check the rules with the shop and ask "주문할까요?" (or say why not).

        ``ask(quote, notes)`` words the question when the usual one does not fit (a
        suggestion from the household's rhythm); ``notes`` carry the rules' remarks.
        """
        duplicate = self.shop.recent_duplicate(wanted, now, delivery)
        if duplicate is not None:
            return str(self.r.duplicate(duplicate))
        if checkout:
            req = self.shop.request_checkout(now, delivery=delivery, channel=self.channel)
        else:
            req = self.shop.request_order(wanted, now, delivery=delivery, channel=self.channel)
        kind = req.quote.delivery
        place = None
        if delivery is not None or kind is not DeliveryKind.HOME:  # say where, unless home
            place = self.r.place_phrase(kind, self.shop.account().place(kind))
        notes = self.r.purchase_notes(req.quote, req.needs_approval, place)
        self.pending = PendingOrder(
            wanted, req.token, req.expires_at, req.quote, req.needs_approval,
            checkout=checkout, delivery=delivery, reorder_of=reorder_of,
        )  # fmt: skip
        if ask is not None:
            return ask(req.quote, notes)
        if checkout:
            return str(self.r.confirm_checkout(req.quote, notes))
        if reorder_of is not None:
            return str(self.r.confirm_reorder(reorder_of, req.quote, notes))
        return str(self.r.confirm_order(req.quote, notes))

    def _confirmed(self, pending: PendingOrder, now: datetime) -> str:
        """The explicit "yes": place it, or ask for the PIN first."""
        ticket = self.shop.accept(pending.key, now)
        if ticket.needs_pin:
            self.pending = PendingPin("order", pending.key, None, ticket.expires_at)
            return str(self.r.ASK_PIN)
        return self._complete(pending.key, now, None)

    def _complete(self, key: str, now: datetime, pin: str | None) -> str:
        try:
            order, new = self.shop.complete(key, now, channel=self.channel, pin=pin)
        except WrongPinError:
            raise  # the PIN may be said again
        except JangbogiError:
            self.shop.drop(key)
            raise
        if order.status is OrderStatus.PENDING_APPROVAL:
            return str(self.r.waiting_approval(order))
        offer = self._offer_subscription(order, now) if new else ""
        return str(self.r.receipt_sentence(self.shop.receipt(order.id), new)) + offer

    def _offer_subscription(self, order: OrderView, now: datetime) -> str:
        """Overridden by the dialog: a subscription offer after a steady rhythm, or ""."""
        return ""

    def pin_expected(self, text: str) -> str | None:
        """The PIN in ``text`` when one was asked for (even if the question timed out)."""
        return parse_pin(text) if isinstance(self.pending, PendingPin) else None

    @property
    def expecting_secret(self) -> bool:
        """The next utterance may be a PIN: do not show, log or record it."""
        return isinstance(self.pending, PendingPin)

    def _answer_pin(self, pin: str, now: datetime) -> str:
        pending = self.pending
        if not isinstance(pending, PendingPin):  # pragma: no cover - callers check
            return str(self.r.NOTHING_TO_CONFIRM)
        if now > pending.expires_at:
            self._drop_pending()
            return f"{self.r.EXPIRED} {self.r.NOTHING_TO_CONFIRM}"
        try:
            if pending.on_pin is not None:
                answer = pending.on_pin(pin, now)
            elif pending.purpose == "order":
                answer = self._complete(pending.key, now, pin)
            else:
                approve = pending.purpose == "approve"
                order_id = pending.order_id or 0
                order = self.shop.decide(order_id, approve=approve, pin=pin, now=now)
                answer = str(self.r.decided(order))
        except WrongPinError as exc:
            return f"{self.r.error(exc)} {self.r.ASK_PIN}"
        except JangbogiError:
            self._drop_pending()
            raise
        self.pending = None
        return answer

    def _repeat_order(self, pending: PendingOrder) -> str:
        """The order question again, naming what would be bought, the total and where."""
        kind = pending.quote.delivery
        place = self.shop.account().place(kind)
        return str(self.r.repeat_order(pending.quote, place, pending.needs_approval))

    def _pin_not_given(self, pending: PendingPin, intent: Intent) -> str:
        if intent.name == "deny":
            self._drop_pending()
            if pending.declined is not None:
                return pending.declined
            return str(self.r.NOT_ORDERED if pending.purpose == "order" else self.r.APPROVAL_KEPT)
        return str(self.r.ASK_PIN_AGAIN)

    def _drop_pending(self) -> None:
        """Forget the open question, and the shop's ticket with it."""
        pending = self.pending
        if isinstance(pending, PendingOrder | PendingPin) and pending.key:
            self.shop.drop(pending.key)
        self.pending = None

    # -- out of stock ----------------------------------------------------------

    def _offer_alternative(
        self,
        action: str,
        product: ProductView,
        count: int,
        exc: OutOfStockError,
        now: datetime,
        delivery: DeliveryKind | None = None,
    ) -> str:
        """Say it is not available and offer the closest product that is."""
        problem = str(self.r.error(exc))
        alt = self.shop.alternative(product.id, count)
        if alt is None:
            return str(self.r.out_of_stock(problem, None))
        if action == "add_to_cart":
            from assistant.dialog.conversation import PendingChoice

            self.pending = PendingChoice(action, (alt,), count, now + self.timeout)
            return str(self.r.offer_for_cart(problem, alt, self.shop.member_pricing()))
        question = self._ask_purchase(((alt.id, count),), now, delivery=delivery)
        return str(self.r.out_of_stock(problem, question))

    # -- membership and delivery -------------------------------------------------

    def _membership(self, intent: Intent, now: datetime) -> str:
        account = self.shop.account()
        if _JOIN_WORDS.search(intent.text) and not account.membership_active:
            self.pending = PendingJoin(now + self.timeout)
            return str(self.r.ask_join(account))
        return str(self.r.membership_info(account))

    def _join(self, now: datetime) -> str:
        self.shop.join_membership(now)
        return str(self.r.joined(self.shop.account()))

    def _set_delivery(self, intent: Intent) -> str:
        if intent.slots.delivery is None:
            return str(self.r.ASK_DELIVERY)
        kind = DeliveryKind(intent.slots.delivery)
        self.shop.set_default_delivery(kind)
        return str(self.r.delivery_set(kind, self.shop.account().place(kind)))

    def _redeliver(self, pending: PendingOrder, intent: Intent, now: datetime) -> str:
        """'사물함으로 받을게' while an order question is open: ask again with that delivery."""
        kind = DeliveryKind(intent.slots.delivery or "home")
        prefix = ""
        if _DEFAULT_WORDS.search(intent.text):
            self.shop.set_default_delivery(kind)
            prefix = str(self.r.delivery_set(kind, self.shop.account().place(kind))) + " "
        self._drop_pending()
        question = self._ask_purchase(
            pending.wanted, now, checkout=pending.checkout, delivery=kind,
            reorder_of=pending.reorder_of,
        )  # fmt: skip
        return prefix + question

    # -- order status, cancellation, approvals ---------------------------------------

    def _status(self, phrase: str | None, now: datetime) -> str:
        order = self.shop.find_order(phrase)
        if order is None:
            return str(self.r.NO_ORDERS)
        return str(self.r.status_sentence(order, now, self.shop.timezone))

    def _cancel(self, phrase: str | None, now: datetime) -> str:
        from assistant.dialog.conversation import PendingCancel

        order = self.shop.find_order(phrase)
        if order is not None and order.status in CANNOT_CANCEL:
            return str(self.r.cannot_cancel(order))
        if order is None or order.status not in (
            OrderStatus.PLACED, OrderStatus.PENDING_APPROVAL
        ):  # fmt: skip
            order = None if phrase else self.shop.last_order(open_only=True)
        if order is None:
            return str(self.r.NO_OPEN_ORDER)
        self.pending = PendingCancel(order, now + self.timeout)
        return str(self.r.confirm_cancel(order))

    def _approval(self, intent: Intent, now: datetime) -> str:
        waiting = self.shop.pending_approvals()
        if not waiting:
            return str(self.r.NO_APPROVALS)
        self.shop.check_decider(now)
        number = _ORDER_NUMBER.search(intent.text)
        wanted_id = int(number.group(1) or number.group(2)) if number else None
        order = next((o for o in waiting if o.id == wanted_id), waiting[0])
        reject = bool(_REJECT_WORDS.search(intent.text))
        self.pending = PendingPin("reject" if reject else "approve", "", order.id,
                                  now + self.timeout)  # fmt: skip
        return str(self.r.ask_approval(order, reject))
