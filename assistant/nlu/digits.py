"""Numbers in digits, the same in every language: whole counts and what is not a count."""

from __future__ import annotations

import re

DIGITS = re.compile(r"-?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)")
"""A whole number in digits, thousands separated by commas or not."""
NOT_A_COUNT = re.compile(
    r"[-+]?(?:[0-9]+(?:\.[0-9]+)?[eE][-+]?[0-9]+|[0-9]*\.[0-9]+|[0-9]+/[0-9]+)"
)
"""A number in digits that is not a whole count: a decimal, a fraction or an exponent."""


def parse_digits(word: str) -> int | None:
    """``1,200`` -> 1200; None unless ``word`` is a whole number in digits."""
    return int(word.replace(",", "")) if DIGITS.fullmatch(word) else None


def not_a_count(word: str) -> bool:
    """A number in digits that is not a whole count of items (0.5, .5, 1/2, 1e9, -2.5)."""
    return NOT_A_COUNT.fullmatch(word.strip()) is not None
