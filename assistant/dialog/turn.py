"""The structured turn: what one reply means for a machine (``jangbogi text --json``).

A door that is a program (the task driver, the household page, the Wyoming handler) reads
what the assistant now waits for, the options it offered and the basket it asks about from
here instead of parsing sentences. :func:`turn_state` computes that from the open question;
whoever adds or changes a :data:`~assistant.dialog.pending.Pending` type keeps
:data:`WAITING_FOR` (and :func:`turn_state`) right (``tests/test_text_json.py`` checks that
every type has a row).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any, Literal

from assistant.dialog.pending import (
    Pending,
    PendingCancel,
    PendingChoice,
    PendingClearCart,
    PendingJoin,
    PendingOffer,
    PendingOrder,
    PendingPin,
    PendingSchedule,
    PendingSubCancel,
    PendingSubChoice,
    PendingSubscribe,
)
from assistant.shop.pricing import ProductLine
from assistant.shop.service import ProductView

WaitingFor = Literal[
    "choice", "order", "checkout", "cancel", "pin", "subscription", "schedule",
    "subscription_choice", "subscription_cancel", "join", "offer", "clear_cart",
]  # fmt: skip
"""What the assistant waits for after a reply (None: nothing)."""

WAITING_FOR: dict[type, WaitingFor] = {
    PendingChoice: "choice",
    PendingOrder: "order",  # "checkout" when the question orders the cart
    PendingCancel: "cancel",
    PendingPin: "pin",
    PendingSubscribe: "subscription",
    PendingSchedule: "schedule",
    PendingSubChoice: "subscription_choice",
    PendingSubCancel: "subscription_cancel",
    PendingJoin: "join",
    PendingOffer: "offer",
    PendingClearCart: "clear_cart",  # "장바구니 비워 줘" asked first (nothing is spent)
}
"""Each open-question type and what a turn says is awaited."""

Sizes = Callable[[Sequence[int]], Mapping[int, str]]
"""Product ids -> their pack sizes (the catalog's; a line carries no size of its own)."""


@dataclass(frozen=True)
class Option:
    """One product offered in a choice, by the number it was read out with."""

    number: int
    sku: str
    name: str
    """The Korean name as said (with the size)."""
    name_en: str
    size: str
    price: int
    """What one costs now (the member price when it applies)."""

    def to_json(self) -> dict[str, Any]:
        return dict(vars(self))


@dataclass(frozen=True)
class BasketLine:
    """One line of the basket a question asks about."""

    sku: str
    name: str
    name_en: str
    quantity: int
    unit: str
    size: str
    said: int | None = None
    """The count said in pieces when the line is the packs that hold it ("햇반 3개" on a
    12-pack: 3, and ``quantity`` is 1): the question explains the pack."""

    def to_json(self) -> dict[str, Any]:
        return dict(vars(self))


@dataclass(frozen=True)
class Basket:
    """What a yes would order, subscribe to or cancel."""

    lines: tuple[BasketLine, ...]
    total: int
    """KRW: the order's total with delivery; a subscription's price per delivery."""
    delivery: str | None
    """home, locker or store; None when the question names none."""

    def to_json(self) -> dict[str, Any]:
        return {
            "lines": [line.to_json() for line in self.lines],
            "total": self.total,
            "delivery": self.delivery,
        }


@dataclass(frozen=True)
class Item:
    """Which line of a multi-item request a choice is for (1-based)."""

    index: int
    of: int
    phrase: str

    def to_json(self) -> dict[str, Any]:
        return dict(vars(self))


State = tuple[WaitingFor | None, tuple[Option, ...], Basket | None, Item | None]
"""waiting_for, options, basket, item."""


@dataclass(frozen=True)
class Turn:
    """One reply, and what it leaves open."""

    reply: str
    lang: str
    intent: str
    """The intent the utterance was understood as (``none`` for a PIN)."""
    end: bool
    waiting_for: WaitingFor | None = None
    options: tuple[Option, ...] = ()
    basket: Basket | None = None
    item: Item | None = None

    def to_json(self) -> dict[str, Any]:
        """The object ``jangbogi text --json`` prints (the utterance itself is never in it)."""
        return {
            "reply": self.reply,
            "lang": self.lang,
            "intent": self.intent,
            "end": self.end,
            "waiting_for": self.waiting_for,
            "options": [o.to_json() for o in self.options],
            "basket": self.basket.to_json() if self.basket is not None else None,
            "item": self.item.to_json() if self.item is not None else None,
        }


def turn_state(
    pending: Pending | None, sizes: Sizes | None = None, *, member_pricing: bool = True
) -> State:
    """What ``pending`` waits for, the options it offers, its basket and which item of a
    multi-item request it is about. ``sizes`` looks up the pack size of basket lines (left
    empty without it); ``member_pricing``: an option's price is the member price."""
    if pending is None:
        return None, (), None, None
    waiting: WaitingFor | None = WAITING_FOR.get(type(pending))
    options: tuple[Option, ...] = ()
    basket: Basket | None = None
    match pending:
        case PendingChoice():
            options = tuple(
                _option(n, p, member_pricing) for n, p in enumerate(pending.options, start=1)
            )
        case PendingOrder():
            waiting = "checkout" if pending.checkout else "order"
            q = pending.quote
            said = {ln.product.id: ln.said for ln in pending.basket.lines} if pending.basket else {}
            lines = tuple(
                replace(line, said=said.get(src.product_id))
                for line, src in zip(_lines(q.lines, sizes), q.lines, strict=True)
            )
            basket = Basket(lines, q.total, str(q.delivery))
        case PendingCancel():
            o = pending.order
            basket = Basket(_lines(o.lines, sizes), o.total, str(o.delivery))
        case PendingSubscribe():
            req = pending.request
            line = _product_line(req.product, req.quantity)
            basket = Basket((line,), req.unit_price * req.quantity, None)
        case PendingSubChoice():
            options = tuple(
                _option(n, s.product, member_pricing)
                for n, s in enumerate(pending.options, start=1)
            )
        case PendingSubCancel():
            s = pending.subscription
            line = _product_line(s.product, s.quantity)
            basket = Basket((line,), s.price_at_creation * s.quantity, None)
        case _:
            pass
    return waiting, options, basket, _item(pending)


def _option(number: int, p: ProductView, member_pricing: bool) -> Option:
    price = p.member_price if member_pricing else p.price
    return Option(number, p.sku, p.name, p.name_en, p.size, price)


def _product_line(p: ProductView, quantity: int) -> BasketLine:
    return BasketLine(p.sku, p.name, p.name_en, quantity, p.unit, p.size)


def _lines(lines: Sequence[ProductLine], sizes: Sizes | None) -> tuple[BasketLine, ...]:
    found = sizes([ln.product_id for ln in lines]) if sizes is not None and lines else {}
    return tuple(
        BasketLine(ln.sku, ln.name, ln.name_en, ln.quantity, ln.unit, found.get(ln.product_id, ""))
        for ln in lines
    )


def _item(pending: Pending) -> Item | None:
    """Which item of a multi-item request a choice is about: ``basket.current``, item
    ``basket.index`` of ``basket.of`` (:class:`~assistant.dialog.pending.Basket`), said as
    the question's ``phrase``; None for one item or a choice without a basket."""
    if not isinstance(pending, PendingChoice) or pending.basket is None:
        return None
    basket = pending.basket
    if basket.current is None or basket.of < 2:
        return None
    return Item(basket.index, basket.of, pending.phrase or basket.current.product or "")
