"""What the household's buying rhythm suggests, for one conversation.

The dialog asks the :class:`Advisor`; the advisor reads the purchase history through
:class:`~assistant.shop.service.ShopService` and applies the pure functions of
:mod:`assistant.shop.insights` and :mod:`assistant.shop.basket`. It never orders anything:
every suggestion goes back to the dialog, which asks the usual confirmation.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import TypeVar

from assistant.nlu.schema import Schedule
from assistant.shop.basket import DEFAULT_BASKET, BasketSettings, predict_basket
from assistant.shop.history import day_date
from assistant.shop.insights import (
    DEFAULT_POLICY,
    DEFAULT_SETTINGS,
    Due,
    InsightSettings,
    Rhythm,
    SubscribePolicy,
    due,
    learn,
    next_up,
    steady,
    usual,
)
from assistant.shop.service import ProductView, ShopService

USUAL_BASKET = replace(DEFAULT_BASKET, min_count=2)
""""늘 사던 걸로": the predicted basket, only products bought more than once."""
T = TypeVar("T")
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


@dataclass(frozen=True)
class Mentioned:
    """A product the assistant brings up itself, by what people call it in general ("우유
    사신 지 8일 됐어요")."""

    product: ProductView
    """The product (on sale; in stock for a :class:`DueItem`)."""
    nouns: tuple[str, str]
    """What people call it in general, Korean and English (우유, milk)."""


@dataclass(frozen=True)
class DueItem(Mentioned):
    """A product that is probably running out."""

    due: Due
    """How long since it was bought and how often it usually is."""


@dataclass(frozen=True)
class Usual:
    """The household's usual product among several, with its usual quantity."""

    product: ProductView
    """The product."""
    quantity: int
    """How many it usually buys at once."""


@dataclass(frozen=True)
class ComingUp(Mentioned):
    """The product expected to run out next."""

    days: int
    """In about this many days."""


@dataclass(frozen=True)
class SubscriptionOffer(Mentioned):
    """A product bought on a steady rhythm: offer to deliver it on a schedule."""

    rhythm: Rhythm
    """Its rhythm."""
    schedule: Schedule
    """The schedule that matches the rhythm."""


def schedule_for(rhythm: Rhythm, dates: Sequence[date]) -> Schedule:
    """The subscription schedule closest to a rhythm: weekly for about 7 (or 14) days, on the
    weekday the product is usually bought; monthly for about 30, on its usual day of the
    month; else every N days. ``dates``: the purchase dates, oldest first."""
    interval = rhythm.interval or 1.0
    recent = list(dates[-6:])
    if interval <= 1.5:
        return Schedule("daily", 1)
    if 6 <= interval <= 8 or 13 <= interval <= 15:
        weekday = _most_common([WEEKDAYS[d.weekday()] for d in recent])
        return Schedule("weekly", 1 if interval <= 8 else 2, (weekday,) if weekday else ())
    if 27 <= interval <= 33:
        return Schedule("monthly", 1, day=_most_common([d.day for d in recent]))
    return Schedule("daily", round(interval))


def _most_common(values: list[T]) -> T | None:
    """The most frequent value; a tie goes to the latest."""
    if not values:
        return None
    return max(reversed(values), key=values.count)


@dataclass
class Advisor:
    """Suggestions from the buying rhythm of the shop's household."""

    shop: ShopService
    settings: InsightSettings = DEFAULT_SETTINGS
    policy: SubscribePolicy = DEFAULT_POLICY
    basket: BasketSettings = USUAL_BASKET
    max_suggestions: int = 3
    """At most this many products are suggested at once."""
    declined: set[int] = field(default_factory=set)
    """Products whose subscription offer was declined in this conversation."""
    opened_on: int | None = None
    """The day the opening suggestion was last made (once a day)."""

    def usual_among(self, options: Sequence[ProductView], now: datetime) -> Usual | None:
        """The household's usual product among ``options``; None if it bought none of them."""
        history = self.shop.purchase_history(now)
        best = usual([p.id for p in options], history.purchases, self.settings)
        if best is None:
            return None
        rhythm = learn((p for p in history.purchases if p.product == best), self.settings)[best]
        product = next(p for p in options if p.id == best)
        return Usual(product, rhythm.quantity)

    def running_out(self, now: datetime) -> list[DueItem]:
        """Products probably running out today that can be ordered, most overdue first."""
        history = self.shop.purchase_history(now)
        found = due(learn(history.purchases, self.settings).values(), history.today,
                    self.settings)  # fmt: skip
        ids = [d.rhythm.product for d in found]
        views = {p.id: p for p in self.shop.products_by_id(ids)}
        nouns = self.shop.nouns(ids)
        items = [
            DueItem(views[d.rhythm.product], nouns[d.rhythm.product], due=d)
            for d in found
            if d.rhythm.product in views and views[d.rhythm.product].stock >= d.rhythm.quantity
        ]
        return items[: self.max_suggestions]

    def coming_up(self, now: datetime) -> ComingUp | None:
        """The product expected to run out next; None without a trusted rhythm."""
        history = self.shop.purchase_history(now)
        rhythm = next_up(learn(history.purchases, self.settings).values(), history.today,
                         self.settings)  # fmt: skip
        if rhythm is None or rhythm.next_day is None:
            return None
        views = self.shop.products_by_id([rhythm.product])
        if not views:
            return None
        days = max(1, round(rhythm.next_day - history.today))
        return ComingUp(views[0], self.shop.nouns([rhythm.product])[rhythm.product], days=days)

    def usual_basket(self, now: datetime) -> list[Usual]:
        """The household's usual order (the predicted next basket, products bought more than
        once), with usual quantities; empty when there is no such pattern yet."""
        history = self.shop.purchase_history(now)
        scored = predict_basket(history.purchases, history.today, self.basket)
        views = {p.id: p for p in self.shop.products_by_id([s.product for s in scored])}
        return [
            Usual(views[s.product], s.rhythm.quantity)
            for s in scored
            if s.product in views and views[s.product].stock >= s.rhythm.quantity
        ]

    def subscription_offer(
        self, product_ids: Sequence[int], now: datetime
    ) -> SubscriptionOffer | None:
        """The first of ``product_ids`` bought on a steady rhythm that has no subscription yet
        and was not declined in this conversation."""
        history = self.shop.purchase_history(now)
        rhythms = learn(history.purchases, self.settings)
        for pid in product_ids:
            rhythm = rhythms.get(pid)
            if rhythm is None or pid in history.subscribed or pid in self.declined:
                continue
            if steady(rhythm, self.policy):
                views = self.shop.products_by_id([pid])
                if views:
                    days = sorted({p.day for p in history.purchases if p.product == pid})
                    schedule = schedule_for(rhythm, [day_date(d) for d in days])
                    nouns = self.shop.nouns([pid])[pid]
                    return SubscriptionOffer(views[0], nouns, rhythm=rhythm, schedule=schedule)
        return None

    def opening(self, now: datetime) -> list[DueItem]:
        """What is running out, at most once a day (for the start of a conversation)."""
        today = self.shop.purchase_history(now).today
        if self.opened_on == today:
            return []
        self.opened_on = today
        return self.running_out(now)
