"""Subscriptions in the conversation: subscribing (with the same confirmation discipline as an
order), when it repeats, listing, pausing, skipping, resuming and cancelling, the offer after a
steady rhythm, and telling the notifications the daemon left.

Every rule is enforced again by :class:`~assistant.reorder.service.SubscriptionService`; the
flow only asks. A child cannot make a subscription (it would order every week with nobody
confirming); the service refuses it and the child hears that an adult has to.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from assistant.dialog.pending import (
    Next,
    PendingOffer,
    PendingPin,
    PendingSchedule,
    PendingSubCancel,
    PendingSubChoice,
    PendingSubscribe,
    SubscriptionQuestion,
)
from assistant.dialog.phrases_reorder import ReorderPhrases
from assistant.dialog.products import ProductFlow
from assistant.dialog.session import Flow, interrupts
from assistant.errors import ErrorCode, JangbogiError, NotAllowedError
from assistant.nlu.choice import parse_choice
from assistant.nlu.intents import IntentName
from assistant.nlu.packs import pack_for
from assistant.nlu.schema import Intent, Item, Schedule
from assistant.reorder.conversation import SubscriptionService
from assistant.reorder.recurrence import Recurrence
from assistant.reorder.service import SubscriptionView
from assistant.shop.advisor import Advisor
from assistant.shop.orders import OrderView, check_quantity
from assistant.shop.service import ProductView
from assistant.store.models import Role, SubscriptionStatus

_MINUTE = re.compile(r"시\s*(?:(?P<half>반)|(?P<ko>[0-9]{1,2})\s*분)|[0-9]:(?P<en>[0-5][0-9])")
"""The minutes of a time of day ("6시 30분", "6시 반", "6:30 pm"); the schedule parser keeps
only the hour."""
MAX_TOLD = 3
"""At most this many notifications are told at once; the rest wait for the next time."""
_ACTS_ON: dict[str, tuple[SubscriptionStatus, ...]] = {
    IntentName.CANCEL_SUBSCRIPTION: (SubscriptionStatus.ACTIVE, SubscriptionStatus.PAUSED),
    IntentName.RESUME_SUBSCRIPTION: (SubscriptionStatus.PAUSED,),
}
"""The subscriptions an intent can act on (default: the active ones)."""


def minute_said(text: str) -> int:
    """The minutes of the time of day in ``text``; 0 when none are said."""
    m = _MINUTE.search(text)
    if m is None:
        return 0
    if m.group("half"):
        return 30
    value = int(m.group("ko") or m.group("en"))
    return value if 0 <= value <= 59 else 0


@dataclass
class SubscriptionsFlow(Flow):
    """The household's recurring orders."""

    rs: ReorderPhrases
    """The subscription texts."""
    subs: SubscriptionService
    advisor: Advisor
    products: ProductFlow

    # -- the subscription offer after a steady rhythm ------------------------------

    def offer_after(self, order: OrderView, now: datetime) -> str:
        """After an order: "매주 우유를 사시네요. 정기 배송으로 바꿀까요?" for a steady rhythm.
        The order is placed already: a failure here only means no offer."""
        try:
            offer = self.advisor.subscription_offer([ln.product_id for ln in order.lines], now)
        except JangbogiError:
            return ""
        if offer is None:
            return ""
        self.session.pending = PendingOffer(offer, expires_at=self.session.until(now))
        return " " + self.r.subscription_offer(offer)

    def answer_offer(self, pending: PendingOffer, intent: Intent, now: datetime) -> str | None:
        """The answer to the offer; None (and not now) when the utterance starts something
        new."""
        if interrupts(intent):
            self.advisor.declined.add(pending.offer.product.id)
            return None
        if intent.name == IntentName.CONFIRM:  # the subscription's own question follows
            self.session.pending = None
            offer = pending.offer
            return self._ask(offer.product, offer.rhythm.quantity, offer.schedule, now)
        if intent.name == IntentName.DENY:
            self.session.pending = None
            self.advisor.declined.add(pending.offer.product.id)
            return self.r.OFFER_DECLINED
        return f"{self.r.ASK_YES_NO} {self.r.subscription_offer(pending.offer)}"

    # -- subscribing ---------------------------------------------------------------

    def subscribe(self, intent: Intent, now: datetime) -> str:
        """ "매주 월요일마다 우유 한 팩 주문해 줘": which product, then the question."""
        if self.shop.role is Role.CHILD:
            raise NotAllowedError(ErrorCode.SUBSCRIBE_ASK_ADULT)
        schedule = intent.slots.schedule
        minute = minute_said(intent.text)  # the schedule slot keeps only the hour
        items = intent.slots.lines
        if len(items) <= 1:
            return self.products.requested(
                intent, now,
                lambda product, quantity, at: self._ask(product, quantity, schedule, at, minute),
            )  # fmt: skip
        for item in items:
            if item.quantity is not None:
                check_quantity(item.quantity)
        return self._items(items, schedule, minute, now)

    def _items(
        self, items: tuple[Item, ...], schedule: Schedule | None, minute: int, now: datetime
    ) -> str:
        """ "매주 우유랑 계란 보내 줘": one subscription per item, each asked in turn (which one,
        then its own question), on the same schedule; an item not sold is said and skipped."""
        said: list[str] = []
        while items:
            item, rest = items[0], items[1:]
            if not item.product:
                items = rest
                continue
            more = self._more(rest, schedule, minute) if rest else None

            def then(product: ProductView, quantity: int | None, at: datetime,
                     rest: tuple[Item, ...] = rest, more: Next | None = more) -> str:  # fmt: skip
                return self._ask(product, quantity, schedule, at, minute, more=more, rest=rest)

            options = self.products.options(item.product, item.unit, item.size)
            said.append(self.products.offer(options, item.product, item.quantity, now, then))
            if options:
                break
            items = rest  # not sold: said, and the next item asked
        return " ".join(said)

    def _more(self, rest: tuple[Item, ...], schedule: Schedule | None, minute: int) -> Next:
        """The rest of the request, to ask once the current item's question is answered."""
        return lambda at: self._items(rest, schedule, minute, at)

    def _ask(
        self, product: ProductView, quantity: int | None, schedule: Schedule | None,
        now: datetime, minute: int = 0, *, more: Next | None = None, rest: tuple[Item, ...] = (),
    ) -> str:  # fmt: skip
        """'매주 월요일 오전 9시에 ... 주문할게요. ... 정기 배송을 시작할까요?' (or ask when)."""
        count = quantity if quantity is not None else 1
        if schedule is None:
            self.session.pending = PendingSchedule(
                product, count, rest, expires_at=self.session.until(now)
            )
            return self.rs.ASK_SCHEDULE
        rec = Recurrence.from_schedule(schedule, self.subs.anchor(now), minute)
        req = self.subs.request(product.id, count, rec, now)
        self.session.pending = PendingSubscribe(req, more, expires_at=req.expires_at)
        return self.rs.confirm_subscribe(req, self.shop.timezone, self.shop.member_pricing())

    def _then(self, said: str, more: Next | None, now: datetime) -> str:
        """What was said, then the next item's question when the request had several."""
        if more is None:
            return said
        return f"{said} {more(now)}".strip()

    def _confirmed(self, pending: PendingSubscribe, now: datetime) -> str:
        token = pending.request.token
        if pending.request.needs_pin:
            expires = self.subs.extend(token, now)

            def with_pin(pin: str, at: datetime) -> str:
                done = self.rs.subscribed(self.subs.confirm(token, at, pin))
                if pending.more is None:
                    return done
                self.session.pending = None
                return self._then(done, pending.more, at)

            self.session.pending = PendingPin(
                "subscribe", with_pin, declined=self.rs.NOT_SUBSCRIBED, expires_at=expires
            )
            return self.r.ASK_PIN
        self.session.pending = None
        return self._then(self.rs.subscribed(self.subs.confirm(token, now)), pending.more, now)

    def _schedule_answer(self, pending: PendingSchedule, intent: Intent, now: datetime) -> str:
        schedule = intent.slots.schedule
        if schedule is None:
            schedule = pack_for(intent.lang).parse_schedule(intent.text)
        if schedule is None:
            return self.rs.ASK_SCHEDULE_AGAIN
        self.session.pending = None
        minute = minute_said(intent.text) if schedule.hour is not None else 0
        more = self._more(pending.rest, schedule, minute) if pending.rest else None
        return self._ask(pending.product, pending.quantity, schedule, now, minute, more=more)

    # -- the household's subscriptions -----------------------------------------------

    def show(self, intent: Intent, now: datetime) -> str:
        """The household's subscriptions, one line each."""
        return self.rs.subscriptions(self.subs.subscriptions())

    def manage(self, intent: Intent, now: datetime) -> str:
        """Cancel, pause, skip or resume: the one a product phrase names, the only one, or ask."""
        action = intent.name
        wanted = _ACTS_ON.get(action, (SubscriptionStatus.ACTIVE,))
        live = [s for s in self.subs.subscriptions() if s.status in wanted]
        if not live:
            return self.rs.nothing_to(action)
        phrase = intent.slots.product
        if phrase:
            ids = {p.id for p in self.shop.find_products(phrase)}
            live = [s for s in live if s.product.id in ids]
            if not live:
                return self.rs.no_subscription_for(phrase)
        if len(live) > 1:
            self.session.pending = PendingSubChoice(
                action, tuple(live), expires_at=self.session.until(now)
            )
            return self.rs.choose_subscription(live, action)
        return self._manage_one(action, live[0], now)

    def _manage_one(self, action: str, sub: SubscriptionView, now: datetime) -> str:
        if action == IntentName.CANCEL_SUBSCRIPTION:
            self.session.pending = PendingSubCancel(sub, expires_at=self.session.until(now))
            return self.rs.confirm_cancel(sub)
        if action == IntentName.PAUSE_SUBSCRIPTION:
            return self.rs.paused(self.subs.pause(sub.id, now))
        if action == IntentName.RESUME_SUBSCRIPTION:
            return self.rs.resumed(self.subs.resume(sub.id, now))
        return self.rs.skipped(self.subs.skip(sub.id, now))

    def _pick(self, pending: PendingSubChoice, intent: Intent, now: datetime) -> str:
        number = parse_choice(intent.text)
        if number is not None:
            picked = [pending.options[number - 1]] if 1 <= number <= len(pending.options) else []
        else:
            ids = {p.id for p in self.shop.find_products(intent.slots.product or intent.text)}
            picked = [s for s in pending.options if s.product.id in ids]
        if len(picked) != 1:
            return self.rs.choose_again(len(pending.options))
        self.session.pending = None
        return self._manage_one(pending.action, picked[0], now)

    # -- answers to the open question ---------------------------------------------------

    def answer(self, pending: SubscriptionQuestion, intent: Intent, now: datetime) -> str | None:
        """The answer to a subscription question; None when the utterance starts something
        new (the dialog then drops the question)."""
        if intent.name == IntentName.DENY:
            self.session.drop()
            if isinstance(pending, PendingSubCancel | PendingSubChoice):
                return self.rs.KEPT
            if isinstance(pending, PendingSubscribe):  # "not this one": the next item is asked
                return self._then(self.rs.NOT_SUBSCRIBED, pending.more, now)
            return self.rs.NOT_SUBSCRIBED
        if isinstance(pending, PendingSchedule):
            said_when = intent.slots.schedule is not None and not intent.slots.product
            if interrupts(intent) and not said_when:
                return None
            return self._schedule_answer(pending, intent, now)
        if interrupts(intent):
            return None
        if isinstance(pending, PendingSubChoice):
            return self._pick(pending, intent, now)
        if intent.name != IntentName.CONFIRM:
            return f"{self.r.ASK_YES_NO} {self._repeat(pending)}"
        if isinstance(pending, PendingSubCancel):
            self.session.pending = None
            return self.rs.cancelled(self.subs.cancel(pending.subscription.id, now))
        return self._confirmed(pending, now)

    def _repeat(self, pending: PendingSubscribe | PendingSubCancel) -> str:
        """The question again, naming the product, quantity, schedule, price and where the
        orders go (the household's usual delivery), or the subscription to cancel."""
        if isinstance(pending, PendingSubCancel):
            return self.rs.confirm_cancel(pending.subscription)
        account = self.shop.account()
        kind = account.default_delivery
        where = self.r.where_phrase(kind, account.place(kind))
        return self.rs.repeat_subscribe(
            pending.request, self.shop.timezone, self.shop.member_pricing(), where
        )  # fmt: skip

    # -- notifications ---------------------------------------------------------------------

    def notifications(self, now: datetime) -> str:
        """Unread notifications as one sentence ("알림이 하나 있어요: ..."), each told once;
        "" when there are none or they cannot be read right now."""
        try:
            notes = self.subs.take_notifications(now, MAX_TOLD)
        except JangbogiError:
            return ""
        return self.rs.tell(notes) if notes else ""
