"""What a stored text field that a person types may hold: no card number, nothing invisible.

One set of rules for every free-text field that ends up in the database — member and
household names, card labels and tokens, addresses, lockers and stores, and the catalog's
names and aliases. Callers turn the :class:`TextProblem` of :func:`text_problem` into their
own coded error (an account error, a catalog error naming the line); a problem never holds
the number it found.

A *card number* here is any run of 13 or more digits, counting digits kept apart only by
separators people put into card numbers (spaces, dots, dashes, underscores, and invisible
characters), Luhn-valid or not: "4242 4242 4242 4242", "tok_4242424242424242",
"4242.4242.4242.4242". A longer run is refused too, since it can hide one. Numbers kept
apart by anything else (a letter, a comma, a slash) are separate numbers.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Literal

DIGIT = re.compile(r"\d")
"""Any decimal digit (full-width and other scripts' too, like str.isdecimal)."""
CARD_DIGITS_MIN = 13
"""The shortest card number in use (some Visa and Maestro numbers); the longest has 19."""
SEPARATORS = frozenset("._-\u00b7\u2022\u2027\u2212\u30fb\uff0d\uff0e\uff3f\uff65")
"""Besides spaces and dashes of any kind: the dots and lines written between digit groups."""
HIDDEN_LETTERS = frozenset("\u115f\u1160\u3164\uffa0")
"""Hangul fillers: letters that show as nothing (a name made of them looks empty)."""
HIDDEN_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})
"""Control and format characters (NUL, zero-width space, soft hyphen, BOM, direction
marks), lone surrogates (bytes that were not UTF-8) and line/paragraph separators."""
CONTROL_NAMES = {"\0": "nul", "\t": "tab", "\n": "line-break", "\r": "line-break"}
"""Control characters have no Unicode name; these are the ones people meet (the catalogs
say them in words: ``char`` of ``error-typed-hidden-character``)."""


@dataclass(frozen=True)
class TextProblem:
    """Why a typed text may not be stored: what it is, never the text (nor a number in it)."""

    kind: Literal["card-number", "hidden-character"]
    """A possible card number, or an invisible or control character."""
    fields: dict[str, str | int] = field(default_factory=dict)
    """For a hidden character: ``codepoint`` (U+200B), ``char`` (its lower-case Unicode
    name, or nul, tab, line-break, not-utf8, control) and ``position`` (1-based)."""


CARD_NUMBER = TextProblem("card-number")
"""The refusal of a possible card number: the same for every text, so it repeats nothing."""


def _is_separator(ch: str) -> bool:
    if ch.isspace() or ch in SEPARATORS:
        return True
    category = unicodedata.category(ch)
    return category == "Pd" or category == "Cf"


def card_number_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every digit run that could be a card number, in order."""
    spans: list[tuple[int, int]] = []
    if len(DIGIT.findall(text)) < CARD_DIGITS_MIN:  # the usual case, answered in C
        return spans
    start = end = -1
    digits = 0
    for i, ch in enumerate(text):
        if ch.isdecimal():
            if digits == 0:
                start = i
            digits += 1
            end = i + 1
        elif digits and _is_separator(ch):
            continue
        else:
            if digits >= CARD_DIGITS_MIN:
                spans.append((start, end))
            digits = 0
    if digits >= CARD_DIGITS_MIN:
        spans.append((start, end))
    return spans


def has_card_number(text: str) -> bool:
    """Whether ``text`` holds a digit run that could be a card number."""
    return bool(card_number_spans(text))


def redact_card_numbers(text: str, mark: str = "[card number hidden]") -> str:
    """``text`` with every possible card number replaced by ``mark`` (for messages, displays)."""
    out: list[str] = []
    last = 0
    for start, end in card_number_spans(text):
        out += [text[last:start], mark]
        last = end
    return "".join([*out, text[last:]])


def hidden_character(text: str) -> tuple[int, str, str] | None:
    """The first character that cannot be seen or stored as typed: (index, its code point
    as U+XXXX, what it is: see :attr:`TextProblem.fields`)."""
    if text.isprintable() and not HIDDEN_LETTERS.intersection(text):
        return None  # isprintable() is False for every hidden category (and for spaces but " ")
    for i, ch in enumerate(text):
        if ch in HIDDEN_LETTERS or unicodedata.category(ch) in HIDDEN_CATEGORIES:
            return i, f"U+{ord(ch):04X}", _describe(ch)
    return None


def _describe(ch: str) -> str:
    if ch in CONTROL_NAMES:
        return CONTROL_NAMES[ch]
    if unicodedata.category(ch) == "Cs":
        return "not-utf8"
    return unicodedata.name(ch, "control").lower()


def text_problem(text: str) -> TextProblem | None:
    """Why ``text`` may not be stored; None when it may."""
    if has_card_number(text):
        return CARD_NUMBER
    hidden = hidden_character(text)
    if hidden is not None:
        index, codepoint, char = hidden
        fields: dict[str, str | int] = {"codepoint": codepoint, "char": char, "position": index + 1}
        return TextProblem("hidden-character", fields)
    return None


def tidy(text: str) -> str:
    """Leading and trailing spaces dropped, and Hangul composed (NFC), so that the same
    name typed on two keyboards is stored as the same text."""
    return unicodedata.normalize("NFC", text.strip())
