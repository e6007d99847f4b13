"""The fixed intent set and the output schema other tools depend on.

``jangbogi parse --json`` prints :meth:`Intent.to_json`; the voice loop and the
dialog consume :class:`Intent` directly.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from assistant.nlu.intents import IntentName

INTENTS = tuple(IntentName)
"""Every intent (:class:`~assistant.nlu.intents.IntentName`)."""
SPENDING_INTENTS = frozenset(i for i in IntentName if i.spends_money)
"""Intents that lead to money being spent; never produced by chatter."""


@dataclass(frozen=True)
class Schedule:
    """When a recurring order repeats."""

    freq: str
    """``daily``, ``weekly`` or ``monthly``."""
    interval: int = 1
    """Every ``interval`` days/weeks/months."""
    weekdays: tuple[str, ...] = ()
    """``mon`` .. ``sun`` for weekly schedules."""
    day: int | None = None
    """Day of the month for monthly schedules."""
    hour: int | None = None
    """Hour of the day (0-23), if said."""

    def to_json(self) -> dict[str, Any]:
        return {
            "freq": self.freq,
            "interval": self.interval,
            "weekdays": list(self.weekdays),
            "day": self.day,
            "hour": self.hour,
        }


@dataclass(frozen=True)
class Item:
    """One line of a request: "우유 1리터 두 개" -> product 우유, quantity 2, unit 개, size 1L."""

    product: str | None
    """The product phrase as heard, without its size (catalog matching happens in the shop)."""
    quantity: int | None = None
    """How many (never a size: "쌀 10kg" has no quantity)."""
    unit: str | None = None
    """Counting word as said (개, 판, 박스, pack ...)."""
    size: str | None = None
    """The pack size said, normalised: ``1L``, ``500ml``, ``10kg``, ``500g``, ``30구``,
    ``12개입``, ``30롤``, ``100매`` (see :func:`assistant.nlu.sizes.normal_size`)."""

    def to_json(self) -> dict[str, Any]:
        return {
            "product": self.product,
            "quantity": self.quantity,
            "unit": self.unit,
            "size": self.size,
        }


@dataclass(frozen=True)
class Slots:
    """What an utterance names besides its intent; absent slots are None."""

    product: str | None = None
    """The product phrase as heard (catalog matching happens in the shop)."""
    quantity: int | None = None
    """How many."""
    unit: str | None = None
    """Counting word or unit as said (개, 판, kg ...)."""
    schedule: Schedule | None = None
    """For subscriptions."""
    delivery: str | None = None
    """``home``, ``locker`` or ``store``."""
    not_a_count: str | None = None
    """A quantity said that is not a whole count ("0.5", "1/2", "1e9"), as said: refused,
    never rounded or read in part (``quantity`` is then None)."""
    size: str | None = None
    """The first item's pack size, normalised (see :attr:`Item.size`)."""
    items: tuple[Item, ...] = ()
    """Every line of the request, in the order said ("우유랑 계란 한 판"): empty when no
    product was named; the first item is also ``product``/``quantity``/``unit``/``size``."""
    reference: bool = False
    """The request points back at the last order or item ("아까 그거", "방금 주문한 거",
    "the last one", "that") instead of naming a product."""

    def to_json(self) -> dict[str, Any]:
        return {
            "product": self.product,
            "quantity": self.quantity,
            "unit": self.unit,
            "size": self.size,
            "items": [i.to_json() for i in self.items],
            "reference": self.reference,
            "schedule": self.schedule.to_json() if self.schedule else None,
            "delivery": self.delivery,
            "not_a_count": self.not_a_count,
        }

    @property
    def lines(self) -> tuple[Item, ...]:
        """The items of the request; a request with a product but no list is one item."""
        if self.items:
            return self.items
        if self.product is None:
            return ()
        return (Item(self.product, self.quantity, self.unit, self.size),)


@dataclass(frozen=True)
class Intent:
    """What one utterance asks for."""

    text: str
    """The utterance as given."""
    lang: str
    """The language pack's code (``ko``, ``en``)."""
    name: str
    """One of :data:`INTENTS`."""
    confidence: float
    """0.0 .. 1.0."""
    slots: Slots = field(default_factory=Slots)
    """Slot values."""

    def to_json(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "lang": self.lang,
            "intent": self.name,
            "confidence": round(self.confidence, 3),
            "slots": self.slots.to_json(),
        }
