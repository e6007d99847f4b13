"""Comparing pack sizes: a size said (written the catalog's way by the parser, "1L", "10kg",
"30구") against the catalog's ``size`` column ("1000ml", "10kg", "30구")."""

from __future__ import annotations

import re
from dataclasses import dataclass

BASE: dict[str, tuple[str, int]] = {
    "l": ("ml", 1000), "ℓ": ("ml", 1000), "ml": ("ml", 1), "kg": ("g", 1000), "g": ("g", 1),
}  # fmt: skip
"""Units compared in a smaller one: 1L is 1000ml, 1kg is 1000g; other units (구, 개입, 롤,
매, 병 ...) are compared as written."""
_SIZE = re.compile(r"^\s*([0-9]+(?:[.,][0-9]+)?)\s*([^\s0-9.,]+)\s*$")


@dataclass(frozen=True)
class Size:
    """A size as an amount of one base unit (ml, g, 구 ...)."""

    amount: float
    unit: str


def parse_size(text: str) -> Size | None:
    """ "1.5L", "900ml", "30구", "1,000ml" as an amount of a base unit; None for anything else
    ("size", "")."""
    match = _SIZE.match(text)
    if match is None:
        return None
    amount = float(match.group(1).replace(",", ""))
    unit = match.group(2)
    if unit.lower() in BASE:
        unit, factor = BASE[unit.lower()]
        amount *= factor
    return Size(amount, unit)


def same_size(said: str, catalog: str) -> bool:
    """Whether a size said names the catalog's size (1L = 1000ml)."""
    a, b = parse_size(said), parse_size(catalog)
    return a is not None and a == b
