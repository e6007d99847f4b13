"""The recurring-order side of the conversation: subscribing (with the same confirmation
discipline as an order), listing, pausing, skipping and cancelling subscriptions, and telling
the notifications the daemon left.

:class:`ReorderFlows` is mixed into :class:`assistant.dialog.Dialog`. Every rule is enforced
again by :class:`~assistant.reorder.service.SubscriptionService`; the dialog only asks.
A child cannot make a subscription (it would order every week with nobody confirming);
the service refuses it and the child hears that an adult has to.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from types import ModuleType

from assistant import replies_en, replies_reorder, replies_reorder_en
from assistant.dialog.purchase import PendingPin, PurchaseFlows
from assistant.errors import JangbogiError, NotAllowedError
from assistant.nlu.choice import parse_choice
from assistant.nlu.schedule import parse_schedule_en, parse_schedule_ko
from assistant.nlu.schema import Intent, Schedule
from assistant.reorder.conversation import SubscribeRequest, SubscriptionService
from assistant.reorder.recurrence import Recurrence
from assistant.reorder.service import SubscriptionView
from assistant.shop.advisor import Advisor, SubscriptionOffer
from assistant.shop.orders import OrderView, check_quantity
from assistant.shop.service import ProductView
from assistant.store.models import DeliveryKind, Role, SubscriptionStatus

MANAGE = ("cancel_subscription", "pause_subscription", "skip_subscription", "resume_subscription")
"""Intents that act on one existing subscription."""
_MINUTE = re.compile(r"시\s*(?:(?P<half>반)|(?P<ko>[0-9]{1,2})\s*분)|[0-9]:(?P<en>[0-5][0-9])")
"""The minutes of a time of day ("6시 30분", "6시 반", "6:30 pm"); the schedule parser keeps
only the hour."""
MAX_TOLD = 3
"""At most this many notifications are told at once; the rest wait for the next time."""


def minute_said(text: str) -> int:
    """The minutes of the time of day in ``text``; 0 when none are said."""
    m = _MINUTE.search(text)
    if m is None:
        return 0
    if m.group("half"):
        return 30
    value = int(m.group("ko") or m.group("en"))
    return value if 0 <= value <= 59 else 0


@dataclass(frozen=True)
class PendingSubscribe:
    """A subscription question waiting for "yes"; the subscription service holds its ticket."""

    request: SubscribeRequest
    """What the question named (product, quantity, schedule, price) and its ticket."""
    expires_at: datetime
    """After this a "yes" no longer counts."""

    @property
    def token(self) -> str:
        """The service's confirmation ticket."""
        return self.request.token

    @property
    def needs_pin(self) -> bool:
        """The household PIN is asked after the "yes"."""
        return self.request.needs_pin


@dataclass(frozen=True)
class PendingSchedule:
    """A product chosen for a subscription, waiting for when ("매주 월요일")."""

    product: ProductView
    """The product."""
    quantity: int
    """Items per delivery."""
    expires_at: datetime
    """After this the question is dropped."""


@dataclass(frozen=True)
class PendingSubChoice:
    """Several subscriptions could be meant: waiting for which one."""

    action: str
    """One of :data:`MANAGE`."""
    options: tuple[SubscriptionView, ...]
    """The subscriptions read out, in order."""
    expires_at: datetime
    """After this the question is dropped."""


@dataclass(frozen=True)
class PendingSubCancel:
    """A subscription cancellation waiting for "yes"."""

    subscription: SubscriptionView
    """The subscription to cancel."""
    expires_at: datetime
    """After this a "yes" no longer counts."""


ReorderPending = PendingSubscribe | PendingSchedule | PendingSubChoice | PendingSubCancel
REORDER_PENDING = (PendingSubscribe, PendingSchedule, PendingSubChoice, PendingSubCancel)


@dataclass(frozen=True)
class PendingOffer:
    """A subscription offer after a steady rhythm, waiting for yes or no."""

    offer: SubscriptionOffer
    """The product, its rhythm and the matching schedule."""
    expires_at: datetime
    """After this the offer is dropped."""


class ReorderFlows(PurchaseFlows):
    """Conversation steps about subscriptions; needs what :class:`PurchaseFlows` needs."""

    subs: SubscriptionService | None
    _said_minute: int = 0
    """The minutes of the time said with the subscribe request ("6시 30분"), kept while
    "which one?" is asked."""

    @property
    def _subs(self) -> SubscriptionService:
        if self.subs is None:
            self.subs = SubscriptionService(
                self.shop.factory, self.shop.member_id, self.shop.household_id
            )
        return self.subs

    @property
    def rs(self) -> ModuleType:
        """The subscription texts in the language in use."""
        return replies_reorder_en if self.r is replies_en else replies_reorder

    def _with_product(
        self, action: str, phrase: str, quantity: int | None, unit: str | None, now: datetime,
        delivery: DeliveryKind | None = None, schedule: Schedule | None = None,
    ) -> str:  # fmt: skip
        """Find the product and go on with ``action`` (the dialog's "which one?")."""
        raise NotImplementedError  # pragma: no cover - the dialog has it

    @property
    def _advisor(self) -> Advisor:
        """The household's buying rhythm (the dialog builds it)."""
        raise NotImplementedError  # pragma: no cover - the dialog has it

    # -- the subscription offer after a steady rhythm ------------------------------

    def _offer_subscription(self, order: OrderView, now: datetime) -> str:
        """After an order: "매주 우유를 사시네요. 정기 배송으로 바꿀까요?" for a steady rhythm.
        The order is placed already: a failure here only means no offer."""
        try:
            offer = self._advisor.subscription_offer([ln.product_id for ln in order.lines], now)
        except JangbogiError:
            return ""
        if offer is None:
            return ""
        self.pending = PendingOffer(offer, now + self.timeout)
        return " " + str(self.r.subscription_offer(offer))

    def _answer_offer(self, pending: PendingOffer, intent: Intent, now: datetime) -> str:
        if intent.name == "confirm":  # the subscription's own question follows
            self.pending = None
            offer = pending.offer
            return self._ask_subscribe(offer.product, offer.rhythm.quantity, offer.schedule, now)
        if intent.name == "deny":
            self.pending = None
            self._advisor.declined.add(pending.offer.product.id)
            return str(self.r.OFFER_DECLINED)
        return f"{self.r.ASK_YES_NO} {self.r.subscription_offer(pending.offer)}"

    # -- subscribing ---------------------------------------------------------------

    def _subscribe(self, intent: Intent, now: datetime) -> str:
        slots = intent.slots
        if self.shop.role is Role.CHILD:
            raise NotAllowedError("정기 배송은 어른만 신청할 수 있어요. 어른에게 부탁해 주세요.")
        if slots.quantity is not None:
            check_quantity(slots.quantity)
        if not slots.product:
            return str(self.r.ASK_PRODUCT)
        self._said_minute = minute_said(intent.text)  # the schedule slot keeps only the hour
        return self._with_product(
            "subscribe", slots.product, slots.quantity, slots.unit, now, schedule=slots.schedule
        )

    def _ask_subscribe(
        self, product: ProductView, quantity: int | None, schedule: Schedule | None,
        now: datetime, minute: int = 0,
    ) -> str:  # fmt: skip
        """'매주 월요일 오전 9시에 ... 주문할게요. ... 정기 배송을 시작할까요?' (or ask when)."""
        count = quantity if quantity is not None else 1
        minute, self._said_minute = minute or self._said_minute, 0
        if schedule is None:
            self.pending = PendingSchedule(product, count, now + self.timeout)
            return str(self.rs.ASK_SCHEDULE)
        rec = Recurrence.from_schedule(schedule, self._subs.anchor(now), minute)
        req = self._subs.request(product.id, count, rec, now)
        self.pending = PendingSubscribe(req, req.expires_at)
        return str(self.rs.confirm_subscribe(req, self.shop.timezone, self.shop.member_pricing()))

    def _subscribe_confirmed(self, pending: PendingSubscribe, now: datetime) -> str:
        if pending.needs_pin:
            expires = self._subs.extend(pending.token, now)
            self.pending = PendingPin("subscribe", "", None, expires,
                                      on_pin=self._subscribe_with_pin(pending.token),
                                      declined=str(self.rs.NOT_SUBSCRIBED))  # fmt: skip
            return str(self.r.ASK_PIN)
        self.pending = None
        return str(self.rs.subscribed(self._subs.confirm(pending.token, now)))

    def _subscribe_with_pin(self, token: str) -> Callable[[str, datetime], str]:
        def done(pin: str, now: datetime) -> str:
            return str(self.rs.subscribed(self._subs.confirm(token, now, pin)))

        return done

    def _schedule_answer(self, pending: PendingSchedule, intent: Intent, now: datetime) -> str:
        schedule = intent.slots.schedule
        if schedule is None:
            parse = parse_schedule_en if intent.lang == "en" else parse_schedule_ko
            schedule = parse(intent.text)
        if schedule is None:
            return str(self.rs.ASK_SCHEDULE_AGAIN)
        self.pending = None
        minute = minute_said(intent.text) if schedule.hour is not None else 0
        return self._ask_subscribe(pending.product, pending.quantity, schedule, now, minute)

    # -- the household's subscriptions -----------------------------------------------

    def _list_subscriptions(self) -> str:
        return str(self.rs.subscriptions(self._subs.subscriptions()))

    def _manage(self, intent: Intent, now: datetime) -> str:
        """Cancel, pause, skip or resume: the one a product phrase names, the only one, or ask."""
        action = intent.name
        wanted = {
            "cancel_subscription": (SubscriptionStatus.ACTIVE, SubscriptionStatus.PAUSED),
            "resume_subscription": (SubscriptionStatus.PAUSED,),
        }.get(action, (SubscriptionStatus.ACTIVE,))
        live = [s for s in self._subs.subscriptions() if s.status in wanted]
        if not live:
            return str(self.rs.nothing_to(action))
        phrase = intent.slots.product
        if phrase:
            ids = {p.id for p in self.shop.find_products(phrase)}
            live = [s for s in live if s.product.id in ids]
            if not live:
                return str(self.rs.no_subscription_for(phrase))
        if len(live) > 1:
            self.pending = PendingSubChoice(action, tuple(live), now + self.timeout)
            return str(self.rs.choose_subscription(live, action))
        return self._manage_one(action, live[0], now)

    def _manage_one(self, action: str, sub: SubscriptionView, now: datetime) -> str:
        if action == "cancel_subscription":
            self.pending = PendingSubCancel(sub, now + self.timeout)
            return str(self.rs.confirm_cancel(sub))
        if action == "pause_subscription":
            return str(self.rs.paused(self._subs.pause(sub.id, now)))
        if action == "resume_subscription":
            return str(self.rs.resumed(self._subs.resume(sub.id, now)))
        return str(self.rs.skipped(self._subs.skip(sub.id, now)))

    def _pick_subscription(self, pending: PendingSubChoice, intent: Intent, now: datetime) -> str:
        number = parse_choice(intent.text)
        if number is not None:
            picked = [pending.options[number - 1]] if 1 <= number <= len(pending.options) else []
        else:
            ids = {p.id for p in self.shop.find_products(intent.slots.product or intent.text)}
            picked = [s for s in pending.options if s.product.id in ids]
        if len(picked) != 1:
            return str(self.rs.choose_again(len(pending.options)))
        self.pending = None
        return self._manage_one(pending.action, picked[0], now)

    # -- answers to the open question ---------------------------------------------------

    def _answer_reorder(
        self, pending: ReorderPending, intent: Intent, now: datetime, commands: frozenset[str]
    ) -> str | None:
        """The answer to a subscription question; None when the utterance starts something
        new (the dialog then drops the question)."""
        if intent.name == "deny":
            self._drop_pending()
            if isinstance(pending, PendingSubCancel | PendingSubChoice):
                return str(self.rs.KEPT)
            return str(self.rs.NOT_SUBSCRIBED)
        if isinstance(pending, PendingSchedule):
            said_when = intent.slots.schedule is not None and not intent.slots.product
            if intent.name in commands and not said_when:
                return None
            return self._schedule_answer(pending, intent, now)
        if intent.name in commands:
            return None
        if isinstance(pending, PendingSubChoice):
            return self._pick_subscription(pending, intent, now)
        if intent.name != "confirm":
            return f"{self.r.ASK_YES_NO} {self._repeat_subscription_question(pending)}"
        if isinstance(pending, PendingSubCancel):
            self.pending = None
            return str(self.rs.cancelled(self._subs.cancel(pending.subscription.id, now)))
        return self._subscribe_confirmed(pending, now)

    def _repeat_subscription_question(self, pending: PendingSubscribe | PendingSubCancel) -> str:
        """The question again, naming the product, quantity, schedule, price and where the
        orders go (the household's usual delivery), or the subscription to cancel."""
        if isinstance(pending, PendingSubCancel):
            return str(self.rs.confirm_cancel(pending.subscription))
        account = self.shop.account()
        kind = account.default_delivery
        where = self.r.where_phrase(kind, account.place(kind))
        return str(self.rs.repeat_subscribe(
            pending.request, self.shop.timezone, self.shop.member_pricing(), where
        ))  # fmt: skip

    def _drop_pending(self) -> None:
        pending = self.pending
        if isinstance(pending, PendingSubscribe):
            self._subs.drop(pending.token)
        super()._drop_pending()

    # -- notifications ---------------------------------------------------------------------

    def _notifications(self, now: datetime) -> str:
        """Unread notifications as one sentence ("알림이 하나 있어요: ..."), each told once;
        "" when there are none or they cannot be read right now."""
        try:
            notes = self._subs.take_notifications(now, MAX_TOLD)
        except JangbogiError:
            return ""
        return str(self.rs.tell(notes)) if notes else ""
