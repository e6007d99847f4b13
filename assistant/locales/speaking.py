"""What the phrase classes share: sentences read like constants, and values as arguments."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NoReturn, Protocol, overload

from assistant.locales.messages import Msg
from assistant.locales.say import Speaks

if TYPE_CHECKING:
    from assistant.shop.service import ProductView
    from assistant.store.models import DeliveryKind


class Speaker(Protocol):
    """Anything that speaks through one language's catalog."""

    say: Speaks


class Said:
    """A sentence without arguments, read like the old module constants (``phrases.EMPTY``)."""

    def __init__(self, msg: Msg) -> None:
        self.msg = msg

    @overload
    def __get__(self, obj: None, owner: type | None = None) -> Said: ...
    @overload
    def __get__(self, obj: Speaker, owner: type | None = None) -> str: ...
    def __get__(self, obj: Speaker | None, owner: type | None = None) -> Said | str:
        return self if obj is None else obj.say(self.msg)

    def __set__(self, obj: Speaker, value: object) -> NoReturn:
        raise AttributeError(f"{self.msg.name} is a sentence of the catalog, not a setting")


class Line(Protocol):
    """A line of an order or a quote (QuoteLine, LineView, ReceiptLine) as a sentence names it."""

    @property
    def name(self) -> str: ...
    @property
    def name_en(self) -> str: ...
    @property
    def quantity(self) -> int: ...
    @property
    def unit(self) -> str: ...


def named(name: str, name_en: str) -> dict[str, str]:
    """A product's names as the catalogs take them: Korean with its size, and English."""
    return {"name": name, "name_en": name_en}


def line(ln: Line) -> dict[str, Any]:
    """A line's product names, quantity and counting word."""
    return {**named(ln.name, ln.name_en), "quantity": ln.quantity, "unit": ln.unit}


def product(p: ProductView) -> dict[str, str]:
    """A product's names and counting word."""
    return {**named(p.name, p.name_en), "unit": p.unit}


def nouns(pair: tuple[str, str]) -> dict[str, str]:
    """The household's Korean and English word for a product (``noun``, ``noun_en``)."""
    return {"noun": pair[0], "noun_en": pair[1]}


def placed_at(kind: DeliveryKind, label: str | None) -> dict[str, Any]:
    """Where an order goes, as ``place-phrase`` and ``where-phrase`` take it."""
    return {"kind": kind.value, "labelled": bool(label), "label": label or ""}
