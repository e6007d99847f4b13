"""Pack sizes: a size said (written the catalog's way by the parser, "1L", "10kg", "30구", or
still inside the product phrase, "서울우유 1리터") against the catalog's ``size`` column
("1000ml", "10kg", "30구"), and what a count means for a pack of several pieces.

The parser's unit table (:mod:`assistant.nlu.sizes`) is not imported (shop and nlu are
independent rooms); :data:`UNIT_WORDS` reads the same words, so a phrase that reaches the shop
with its size still in it ("삼다수 2리터") is understood the same way.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Protocol

BASE: dict[str, tuple[str, int]] = {
    "l": ("ml", 1000), "ℓ": ("ml", 1000), "ml": ("ml", 1), "kg": ("g", 1000), "g": ("g", 1),
}  # fmt: skip
"""Units compared in a smaller one: 1L is 1000ml, 1kg is 1000g; other units (구, 개입, 롤,
매, 병 ...) are compared as written."""

UNIT_WORDS: dict[str, str] = {
    # volume
    "l": "L", "ℓ": "L", "리터": "L", "liter": "L", "liters": "L", "litre": "L", "litres": "L",
    "ml": "ml", "㎖": "ml", "밀리": "ml", "미리": "ml", "밀리리터": "ml", "미리리터": "ml",
    "cc": "ml", "milliliter": "ml", "milliliters": "ml", "millilitre": "ml",
    # weight
    "kg": "kg", "㎏": "kg", "킬로": "kg", "키로": "kg", "킬로그램": "kg", "키로그램": "kg",
    "kilo": "kg", "kilos": "kg", "kilogram": "kg", "kilograms": "kg",
    "g": "g", "그램": "g", "gram": "g", "grams": "g",
    # pieces inside one pack
    "구": "구", "알": "구", "개입": "개입", "입": "개입", "개짜리": "개입", "pack": "개입",
    "롤": "롤", "roll": "롤", "rolls": "롤", "매": "매", "장": "매", "sheet": "매",
    "sheets": "매", "병": "병", "봉": "봉", "팩": "팩", "마리": "마리", "인분": "인분",
    "servings": "인분", "serving": "인분", "cm": "cm",
}  # fmt: skip
"""A unit word as said (lower case) -> the catalog's unit."""

_NUMBER = r"(?<![0-9A-Za-z.,])([0-9]+(?:[.,][0-9]+)?)"
_ASCII_UNITS = sorted((u for u in UNIT_WORDS if u.isascii()), key=len, reverse=True)
_OTHER_UNITS = sorted((u for u in UNIT_WORDS if not u.isascii()), key=len, reverse=True)
_IN_PHRASE = re.compile(
    _NUMBER + r"[\s-]*(?:"
    + r"(?P<ascii>" + "|".join(map(re.escape, _ASCII_UNITS)) + r")(?![A-Za-z])"
    + r"|(?P<other>" + "|".join(map(re.escape, _OTHER_UNITS)) + r"))"
    + r"(?:짜리|들이)?",
    re.IGNORECASE,
)  # fmt: skip
"""A size inside a phrase: "1리터", "1.5 L", "30롤", "12개짜리", "2 liters", "5-pack"."""
_SIZE = re.compile(r"^\s*([0-9]+(?:[.,][0-9]+)?)\s*([^\s0-9.,]+)\s*$")


@dataclass(frozen=True)
class Size:
    """A size as an amount of one base unit (ml, g, 구 ...)."""

    amount: float
    unit: str


def parse_size(text: str) -> Size | None:
    """ "1.5L", "900ml", "30구", "1,000ml", "1리터", "12개짜리" as an amount of a base unit;
    None for anything else ("size", "")."""
    match = _SIZE.match(text)
    if match is None:
        return None
    amount = float(match.group(1).replace(",", ""))
    said = match.group(2).lower()
    unit = UNIT_WORDS.get(said) or UNIT_WORDS.get(said.removesuffix("짜리")) or said
    if unit.lower() in BASE:
        unit, factor = BASE[unit.lower()]
        amount *= factor
    return Size(amount, unit)


def same_size(said: str, catalog: str) -> bool:
    """Whether a size said names the catalog's size (1L = 1000ml)."""
    a, b = parse_size(said), parse_size(catalog)
    return a is not None and a == b


def split_sizes(phrase: str) -> tuple[str, tuple[str, ...]]:
    """The phrase without the sizes said in it, and those sizes written the catalog's way:
    "서울우유 1리터" -> ("서울우유", ("1L",)); "삼다수 2L짜리" -> ("삼다수", ("2L",))."""
    sizes: list[str] = []

    def take(match: re.Match[str]) -> str:
        unit = UNIT_WORDS[(match.group("ascii") or match.group("other")).lower()]
        amount = float(match.group(1).replace(",", ""))
        number = f"{amount:g}" if amount != int(amount) else str(int(amount))
        sizes.append(f"{number}{unit}")
        return " "

    rest = _IN_PHRASE.sub(take, phrase)
    return " ".join(rest.split()), tuple(sizes)


# -- counts on packs of several pieces ("햇반 3개" on a 12-pack) -------------------------

PIECE_WORDS: dict[str, frozenset[str]] = {
    "개입": frozenset({"개", "개입", "입", "piece", "pieces", "pc", "pcs"}),
    "구": frozenset({"개", "구", "알", "egg", "eggs"}),
    "병": frozenset({"개", "병", "bottle", "bottles"}),
    "팩": frozenset({"개", "팩", "carton", "cartons"}),
    "롤": frozenset({"롤", "roll", "rolls"}),
    "매": frozenset({"매", "장", "sheet", "sheets"}),
    "봉": frozenset({"봉", "봉지"}),
    "마리": frozenset({"마리"}),
}
"""For each pack size unit, the counting words that count its pieces rather than packs: 개 on
a 12개입 box is one bowl of the twelve, 롤 on a 30롤 bundle one roll; 개 on a 30롤 bundle is
the bundle (what people say)."""


class Packed(Protocol):
    """What :func:`count_fits` needs to know of a product (``ProductView`` has both)."""

    @property
    def size(self) -> str:
        """Pack size as the catalog writes it ("12개입")."""
        ...

    @property
    def unit(self) -> str:
        """The counting word of one pack ("박스")."""
        ...


def pieces_per_pack(size: str) -> int | None:
    """How many pieces one pack holds ("12개입" -> 12, "30구" -> 30, "30롤" -> 30, "6병" -> 6);
    None for a size that is an amount (1L, 500g) or not a count of pieces."""
    parsed = parse_size(size)
    if parsed is None or parsed.unit not in PIECE_WORDS or parsed.amount != int(parsed.amount):
        return None
    return int(parsed.amount)


def count_fits(unit_said: str | None, product: Packed) -> bool:
    """Whether a count said with ``unit_said`` counts this product's packs. False when the
    product is a pack of several pieces and the word counts the pieces ("햇반 3개" on CJ 햇반
    12개입, "계란 30개" on a 30구 tray, "휴지 30롤"): ask ("12개입 1박스로 할까요?", with
    :func:`packs_for`) instead of multiplying. A count without a word, or with the pack's own
    word ("햇반 2박스", "계란 한 판"), fits."""
    if unit_said is None:
        return True
    said = unit_said.strip().lower()
    if not said or said == product.unit.lower():
        return True
    parsed = parse_size(product.size)
    pieces = pieces_per_pack(product.size)
    if parsed is None or pieces is None or pieces <= 1:
        return True
    return said not in PIECE_WORDS[parsed.unit]


def packs_for(pieces: int, size: str) -> int:
    """The packs that hold ``pieces`` pieces, rounded up (3 bowls of a 12개입 box -> 1,
    24 -> 2); ``pieces`` itself when the size is not a count of pieces."""
    per_pack = pieces_per_pack(size)
    if not per_pack:
        return pieces
    return max(1, math.ceil(pieces / per_pack))
