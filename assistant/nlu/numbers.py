"""Numbers: digits, and every pack's number words.

Each language's number words live in its pack (``assistant.nlu.lang.<code>.numbers``:
spelled by CLDR's rules through unicode-rbnf, read by hand-written parsers), digits in
:mod:`assistant.nlu.digits`. :func:`parse_number` reads any of them; the other names are
the old import path of the packs' functions.
"""

from __future__ import annotations

from assistant.nlu.digits import DIGITS, NOT_A_COUNT, not_a_count, parse_digits
from assistant.nlu.lang.en.numbers import (
    ENGLISH_NUMBER_WORDS,
    ENGLISH_TENS,
    ENGLISH_UNITS,
    parse_english,
    to_english,
)
from assistant.nlu.lang.ko.numbers import (
    NATIVE_TENS,
    NATIVE_UNITS,
    parse_korean,
    parse_native,
    parse_sino,
    to_native,
    to_sino,
)
from assistant.nlu.packs import DEFAULT_LANGS, pack_for

__all__ = [
    "DIGITS",
    "ENGLISH_NUMBER_WORDS",
    "ENGLISH_TENS",
    "ENGLISH_UNITS",
    "NATIVE_TENS",
    "NATIVE_UNITS",
    "NOT_A_COUNT",
    "not_a_count",
    "parse_english",
    "parse_korean",
    "parse_native",
    "parse_number",
    "parse_sino",
    "to_english",
    "to_native",
    "to_sino",
]


def parse_number(word: str) -> int | None:
    """Digits (``1,200``) or the number words of any pack (스물네, 이만 삼천, 백한,
    "one hundred and one"), asked in :data:`~assistant.nlu.packs.DEFAULT_LANGS` order."""
    word = word.strip()
    value = parse_digits(word)
    if value is not None:
        return value
    for code in DEFAULT_LANGS:
        value = pack_for(code).parse_number(word)
        if value is not None:
            return value
    return None
