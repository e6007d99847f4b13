"""Ordering: the order question, the explicit "yes", the PIN, another delivery, and the
closest product in stock when the one asked for is not.

Every rule is enforced again by the shop (:mod:`assistant.shop.purchase`); the flow only
asks. Nothing is spent without a "yes" to a question naming what, how much and where.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from assistant.dialog.pending import PendingOrder, PendingPin
from assistant.dialog.products import ProductFlow
from assistant.dialog.session import Flow, interrupts
from assistant.errors import JangbogiError, OutOfStockError, WrongPinError
from assistant.nlu.intents import IntentName
from assistant.nlu.schema import Intent
from assistant.shop.orders import OrderView
from assistant.shop.pricing import Quote
from assistant.shop.service import ProductView
from assistant.store.models import Channel, DeliveryKind, OrderStatus

_DEFAULT_WORDS = re.compile(r"앞으로|기본|항상|매번|늘|from now on|always|default", re.I)

AfterOrder = Callable[[OrderView, datetime], str]
"""Said after a new order is placed (a subscription offer), or ""."""


@dataclass
class PurchaseFlow(Flow):
    """Asking, confirming and placing orders."""

    products: ProductFlow
    channel: Channel
    after_order: AfterOrder
    """What follows a new order (the subscription offer after a steady rhythm)."""

    def order(self, intent: Intent, now: datetime) -> str:
        """ "우유 두 개 주문해 줘": which product, then the order question."""
        slots = intent.slots
        delivery = DeliveryKind(slots.delivery) if slots.delivery else None
        return self.products.requested(
            intent,
            now,
            lambda product, quantity, at: self.order_one(product, quantity, at, delivery),
        )

    def order_one(
        self,
        product: ProductView,
        quantity: int | None,
        now: datetime,
        delivery: DeliveryKind | None = None,
    ) -> str:
        """The order question for one product, or the closest one in stock."""
        count = quantity if quantity is not None else 1
        try:
            return self.ask(((product.id, count),), now, delivery=delivery)
        except OutOfStockError as exc:
            return self._alternative(product, count, exc, now, delivery)

    def ask(
        self,
        wanted: tuple[tuple[int, int], ...],
        now: datetime,
        *,
        checkout: bool = False,
        delivery: DeliveryKind | None = None,
        reorder_of: OrderView | None = None,
        ask: Callable[[Quote, str], str] | None = None,
        again: OrderView | None = None,
    ) -> str:
        """Check the rules with the shop and ask "주문할까요?" (or say why not).

        ``ask(quote, notes)`` words the question when the usual one does not fit (a
        suggestion from the household's rhythm); ``notes`` carry the rules' remarks.
        ``again``: the household explicitly asked for another of this earlier order ("하나
        더"); only a duplicate of exactly it is asked about (and let through after the yes).
        """
        duplicate = self.shop.recent_duplicate(wanted, now, delivery)
        if duplicate is not None and (again is None or duplicate.id != again.id):
            return self.r.duplicate(duplicate)
        if checkout:
            req = self.shop.request_checkout(now, delivery=delivery, channel=self.channel)
        elif again is not None:
            req = self.shop.request_another(
                wanted, now, repeats=again.id, delivery=delivery, channel=self.channel
            )
        else:
            req = self.shop.request_order(wanted, now, delivery=delivery, channel=self.channel)
        kind = req.quote.delivery
        place = None
        if delivery is not None or kind is not DeliveryKind.HOME:  # say where, unless home
            place = self.r.place_phrase(kind, self.shop.account().place(kind))
        notes = self.r.purchase_notes(req.quote, req.needs_approval, place)
        self.session.pending = PendingOrder(
            wanted, req.token, req.quote, req.needs_approval,
            checkout=checkout, delivery=delivery, reorder_of=reorder_of, again=again,
            expires_at=req.expires_at,
        )  # fmt: skip
        if ask is not None:
            return ask(req.quote, notes)
        if checkout:
            return self.r.confirm_checkout(req.quote, notes)
        if reorder_of is not None:
            return self.r.confirm_reorder(reorder_of, req.quote, notes)
        return self.r.confirm_order(req.quote, notes)

    def answer(self, pending: PendingOrder, intent: Intent, now: datetime) -> str | None:
        """The answer to the order question; None when the utterance starts something new."""
        if intent.name == IntentName.SET_DELIVERY and intent.slots.delivery is not None:
            return self._redeliver(pending, intent, now)
        return self.yes_or_no(
            intent,
            lambda: self._confirmed(pending, now),
            self.r.NOT_ORDERED,
            lambda: self._repeat(pending),
        )

    def _confirmed(self, pending: PendingOrder, now: datetime) -> str:
        """The explicit "yes": place it, or ask for the PIN first."""
        key = pending.key
        ticket = self.shop.accept(key, now)
        if ticket.needs_pin:
            self.session.pending = PendingPin(
                "order",
                lambda pin, at: self._complete(key, at, pin),
                key,
                expires_at=ticket.expires_at,
            )
            return self.r.ASK_PIN
        return self._complete(key, now, None)

    def _complete(self, key: str, now: datetime, pin: str | None) -> str:
        try:
            order, new = self.shop.complete(key, now, channel=self.channel, pin=pin)
        except WrongPinError:
            raise  # the PIN may be said again
        except JangbogiError:
            self.shop.drop(key)
            raise
        if order.status is OrderStatus.PENDING_APPROVAL:
            return self.r.waiting_approval(order)
        offer = self.after_order(order, now) if new else ""
        return self.r.receipt_sentence(self.shop.receipt(order.id), new) + offer

    def _repeat(self, pending: PendingOrder) -> str:
        """The order question again, naming what would be bought, the total and where (never
        a bare "주문할까요?")."""
        kind = pending.quote.delivery
        place = self.shop.account().place(kind)
        return self.r.repeat_order(pending.quote, place, pending.needs_approval)

    def _redeliver(self, pending: PendingOrder, intent: Intent, now: datetime) -> str:
        """'사물함으로 받을게' while an order question is open: ask again with that delivery."""
        kind = DeliveryKind(intent.slots.delivery or "home")
        prefix = ""
        if _DEFAULT_WORDS.search(intent.text):
            self.shop.set_default_delivery(kind)
            prefix = self.r.delivery_set(kind, self.shop.account().place(kind)) + " "
        self.session.drop()
        question = self.ask(
            pending.wanted, now, checkout=pending.checkout, delivery=kind,
            reorder_of=pending.reorder_of, again=pending.again,
        )  # fmt: skip
        return prefix + question

    def _alternative(
        self,
        product: ProductView,
        count: int,
        exc: OutOfStockError,
        now: datetime,
        delivery: DeliveryKind | None,
    ) -> str:
        """Say it is not available and ask about the closest product that is."""
        problem = self.r.error(exc)
        alt = self.shop.alternative(product.id, count)
        if alt is None:
            return self.r.out_of_stock(problem, None)
        question = self.ask(((alt.id, count),), now, delivery=delivery)
        return self.r.out_of_stock(problem, question)

    # -- the PIN -------------------------------------------------------------------

    def answer_pin(self, pin: str, now: datetime) -> str:
        """The PIN said to the open PIN question (even one that timed out)."""
        pending = self.session.pending
        if not isinstance(pending, PendingPin):  # pragma: no cover - callers check
            return self.r.NOTHING_TO_CONFIRM
        if now > pending.expires_at:
            self.session.drop()
            return f"{self.r.EXPIRED} {self.r.NOTHING_TO_CONFIRM}"
        try:
            answer = pending.on_pin(pin, now)
        except WrongPinError as exc:
            return f"{self.r.error(exc)} {self.r.ASK_PIN}"
        except JangbogiError:
            self.session.drop()
            raise
        self.session.pending = None
        return answer

    def pin_not_given(self, pending: PendingPin, intent: Intent) -> str | None:
        """Words instead of the PIN; None when the utterance starts something new."""
        if interrupts(intent):
            return None
        if intent.name == IntentName.DENY:
            self.session.drop()
            if pending.declined is not None:
                return pending.declined
            return self.r.NOT_ORDERED if pending.purpose == "order" else self.r.APPROVAL_KEPT
        return self.r.ASK_PIN_AGAIN
