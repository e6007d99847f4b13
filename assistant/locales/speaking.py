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


def named(name: str, name_en: str | None = None) -> dict[str, str]:
    """A product's names as the catalogs take them; order lines carry no English name yet
    (QuoteLine, LineView, ReceiptLine), so English says their Korean one."""
    return {"name": name, "name_en": name if name_en is None else name_en}


def product(p: ProductView) -> dict[str, str]:
    """A product's names and counting word."""
    return {**named(p.name, p.name_en), "unit": p.unit}


def nouns(pair: tuple[str, str]) -> dict[str, str]:
    """The household's Korean and English word for a product (``noun``, ``noun_en``)."""
    return {"noun": pair[0], "noun_en": pair[1]}


def placed_at(kind: DeliveryKind, label: str | None) -> dict[str, Any]:
    """Where an order goes, as ``place-phrase`` and ``where-phrase`` take it."""
    return {"kind": kind.value, "labelled": bool(label), "label": label or ""}
