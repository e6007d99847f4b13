"""What the assistant says about subscriptions and notifications, in any language.

``ReorderPhrases(say_for(lang))`` has the names and parameters of the old subscription reply
functions; the words are in ``locales/<code>/subscriptions.ftl``, a recurrence and a time of
day in ``schedule.ftl`` (their fields: :func:`assistant.reorder.recurrence.schedule_fields`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from assistant.locales.messages import Msg
from assistant.locales.say import Speaks
from assistant.locales.speaking import Said, product
from assistant.reorder.recurrence import clock_fields, schedule_fields
from assistant.store.kinds import SubscriptionStatus

if TYPE_CHECKING:
    from assistant.reorder.conversation import SubscribeRequest
    from assistant.reorder.recurrence import Recurrence
    from assistant.reorder.service import NotificationView, Skipped, SubscriptionView

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
"""The catalogs' keys of the days of the week, Monday first (``date.weekday()``)."""
UNKNOWN = "?"
"""A notification's amount that is missing or not a number, in every language."""
NOTES = {
    "placed": Msg.NOTE_PLACED,
    "caught_up": Msg.NOTE_CAUGHT_UP,
    "held": Msg.NOTE_HELD,
    "out_of_stock": Msg.NOTE_OUT_OF_STOCK,
    "substituted": Msg.NOTE_SUBSTITUTED,
    "missed": Msg.NOTE_MISSED,
    "failed": Msg.NOTE_FAILED,
}
"""The message of each kind of notification (others: ``Msg.NOTE_OTHER``)."""


def _shown(value: object) -> object:
    """A value of a notification's data: numbers stay numbers (plurals), the rest text."""
    return value if isinstance(value, int) and not isinstance(value, bool) else str(value)


class ReorderPhrases:
    """The sentences about subscriptions and notifications in the language of ``say``."""

    ASK_SCHEDULE = Said(Msg.ASK_SCHEDULE)
    ASK_SCHEDULE_AGAIN = Said(Msg.ASK_SCHEDULE_AGAIN)
    REPEAT_SUBSCRIBE = Said(Msg.REPEAT_SUBSCRIBE)
    NOT_SUBSCRIBED = Said(Msg.NOT_SUBSCRIBED)
    KEPT = Said(Msg.KEPT)
    NO_SUBSCRIPTIONS = Said(Msg.NO_SUBSCRIPTIONS)

    def __init__(self, say: Speaks) -> None:
        self.say = say
        """The catalog of the conversation's language."""

    def schedule(self, rec: Recurrence) -> str:
        """How ``rec`` repeats ('every Monday at 9 am')."""
        return self.say(Msg.SCHEDULE, **schedule_fields(rec))

    def local_date(self, when: datetime, tz: str) -> str:
        """The day of ``when`` in the household's time zone ('Monday, December 7')."""
        local = when.astimezone(ZoneInfo(tz))
        return self.say(
            Msg.LOCAL_DATE, month=local.month, day=local.day, weekday=WEEKDAYS[local.weekday()]
        )

    def local_date_time(self, when: datetime, tz: str) -> str:
        """The day and time of ``when`` ('Monday, December 7 at 9 am')."""
        local = when.astimezone(ZoneInfo(tz))
        time = self.say(Msg.TIME_OF_DAY, **clock_fields(local.hour, local.minute))
        return self.say(Msg.LOCAL_DATE_TIME, month=local.month, day=local.day,
                        weekday=WEEKDAYS[local.weekday()], time=time)  # fmt: skip

    def _what(self, sub: SubscriptionView | SubscribeRequest) -> str:
        return self.say(Msg.ITEM, **product(sub.product), quantity=sub.quantity)

    def confirm_subscribe(self, req: SubscribeRequest, tz: str, member_pricing: bool) -> str:
        """What will be ordered when, for how much, and the first date: shall I start?"""
        return self._subscribe_question(req, tz, member_pricing, None)

    def repeat_subscribe(
        self, req: SubscribeRequest, tz: str, member_pricing: bool, where: str
    ) -> str:
        """The subscription question asked again after an unclear answer, with where it goes."""
        return self._subscribe_question(req, tz, member_pricing, where)

    def _subscribe_question(
        self, req: SubscribeRequest, tz: str, member_pricing: bool, where: str | None
    ) -> str:
        return self.say(Msg.SUBSCRIBE_QUESTION, schedule=self.schedule(req.recurrence),
                        what=self._what(req),
                        price=req.unit_price * req.quantity, member=member_pricing,
                        placed=bool(where), where=where or "",
                        first=self.local_date(req.first_run_at, tz))  # fmt: skip

    def _next(self, sub: SubscriptionView) -> dict[str, Any]:
        """When ``sub`` orders next (``scheduled``, ``first``: empty when not scheduled)."""
        at = sub.next_run_at
        first = self.local_date_time(at, sub.timezone) if at is not None else ""
        return {"scheduled": at is not None, "first": first}

    def subscribed(self, sub: SubscriptionView) -> str:
        return self.say(Msg.SUBSCRIBED, **self._next(sub))

    def _line(self, sub: SubscriptionView) -> str:
        at = sub.next_run_at
        nxt = self.local_date(at, sub.timezone) if at is not None else ""
        state = "paused" if sub.status is SubscriptionStatus.PAUSED else "next" if nxt else "none"
        return self.say(Msg.SUBSCRIPTION_LINE, schedule=self.schedule(sub.recurrence),
                        what=self._what(sub), state=state, next=nxt)  # fmt: skip

    def subscriptions(self, subs: Sequence[SubscriptionView]) -> str:
        if not subs:
            return self.NO_SUBSCRIPTIONS
        if len(subs) == 1:
            return self.say(Msg.SUBSCRIPTIONS_ONE, line=self._line(subs[0]))
        parts = [
            self.say(Msg.SUBSCRIPTIONS_NUMBERED, number=i, line=self._line(s))
            for i, s in enumerate(subs, 1)
        ]
        lines = self.say(Msg.LIST_SEMICOLON).join(parts)
        return self.say(Msg.SUBSCRIPTIONS_MANY, count=len(subs), lines=lines)

    def choose_subscription(self, subs: Sequence[SubscriptionView], action: str) -> str:
        parts = [
            self.say(
                Msg.SUBSCRIPTION_CHOICE,
                number=i,
                schedule=self.schedule(s.recurrence),
                **product(s.product),
            )
            for i, s in enumerate(subs, 1)
        ]
        options = self.say(Msg.LIST_COMMA).join(parts)
        return self.say(Msg.CHOOSE_SUBSCRIPTION, action=str(action), options=options)

    def choose_again(self, count: int) -> str:
        return self.say(Msg.SUBSCRIPTION_CHOOSE_AGAIN, count=count)

    def no_subscription_for(self, phrase: str) -> str:
        return self.say(Msg.NO_SUBSCRIPTION_FOR, phrase=phrase)

    def nothing_to(self, action: str) -> str:
        return self.say(Msg.NOTHING_TO, action=str(action))

    def confirm_cancel(self, sub: SubscriptionView) -> str:
        return self.say(
            Msg.SUBSCRIPTION_CONFIRM_CANCEL,
            schedule=self.schedule(sub.recurrence),
            what=self._what(sub),
        )

    def cancelled(self, sub: SubscriptionView) -> str:
        return self.say(Msg.SUBSCRIPTION_CANCELLED, **product(sub.product))

    def paused(self, sub: SubscriptionView) -> str:
        return self.say(Msg.SUBSCRIPTION_PAUSED, **product(sub.product))

    def resumed(self, sub: SubscriptionView) -> str:
        return self.say(
            Msg.SUBSCRIPTION_RESUMED,
            **product(sub.product),
            **self._next(sub),
        )

    def skipped(self, s: Skipped) -> str:
        sub, at = s.subscription, s.subscription.next_run_at
        nxt = self.local_date(at, sub.timezone) if at is not None else ""
        return self.say(Msg.SUBSCRIPTION_SKIPPED, **product(sub.product), known=bool(nxt), next=nxt,
                        date=self.local_date(s.period_at, sub.timezone))  # fmt: skip

    # -- notifications the runner left -----------------------------------------------------

    def _date(self, data: Mapping[str, Any], key: str, tz: str) -> str:
        """The day stored under ``key`` (an ISO time), or "" when it is missing or unreadable."""
        try:
            return self.local_date(datetime.fromisoformat(str(data[key])), tz)
        except (KeyError, ValueError, TypeError):
            return ""

    def _money(self, data: Mapping[str, Any], key: str) -> str:
        value = data.get(key)
        return self.say(Msg.WON, amount=value) if isinstance(value, int) else UNKNOWN

    def notification(self, n: NotificationView) -> str:
        """One notification as a sentence."""
        d = n.data
        date, last = self._date(d, "period", n.timezone), self._date(d, "last_period", n.timezone)
        product = str(d.get("product") or self.say(Msg.SOME_PRODUCT))
        substitute = str(d.get("substitute") or self.say(Msg.SOME_SUBSTITUTE))
        reason = str(d.get("reason") or "").strip()
        return self.say(NOTES.get(n.kind, Msg.NOTE_OTHER), product=product,
                        product_en=str(d.get("product_en") or product), substitute=substitute,
                        substitute_en=str(d.get("substitute_en") or substitute), dated=bool(date),
                        date=date, last_known=bool(last), last=last,
                        ordered=d.get("order_id") is not None, order=_shown(d.get("order_id")),
                        total=self._money(d, "total"), old_price=self._money(d, "old_price"),
                        new_price=self._money(d, "new_price"), pct=_shown(d.get("pct", UNKNOWN)),
                        missed=_shown(d.get("missed") or 0), count=_shown(d.get("count", 1)),
                        error=str(d.get("error")), reasoned=bool(reason),
                        reason=reason)  # fmt: skip

    def tell(self, notes: Sequence[NotificationView]) -> str:
        """The notifications, how many and each as a sentence."""
        said = self.say(Msg.SENTENCE_GAP).join(self.notification(n) for n in notes)
        return self.say(Msg.TELL, count=len(notes), notes=said)
