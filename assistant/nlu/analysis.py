"""What a language front end hands to the parser: the key to look up, slots, and mood flags."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from assistant.nlu.schema import Slots

VOSK_NUMBER = re.compile(r"\[(\d+)\]")
VOSK_WORD = re.compile(r"[\[({]([가-힣]+)[\])}]")
NOT_TEXT = re.compile(r"[^\w\s.,?!~\-:'/]")
LONE_SLASH = re.compile(r"(?<![0-9])/|/(?![0-9])")
"""A slash that is not inside a fraction (1/2 stays: it is not a count, not 1 and 2)."""
COMPAT_JAMO = re.compile("[\u3131-\u318e]")
"""Hangul compatibility jamo (ㅋ, ㅇㅇ): kept as typed; NFKC would make them conjoining jamo."""
FILLERS = re.compile("[\u115f\u1160\u3164\uffa0]")
"""Hangul fillers: letters by category, but they show as a blank."""
_DIGIT = re.compile(r"\d")


def normal_form(text: str) -> str:
    """The text as it reads: Unicode NFKC (full-width digits and Latin, ①, ㎏, Hangul typed
    or sent as NFD jamo composed into syllables), every decimal digit as 0-9, the invisible
    characters removed (zero-width spaces and joiners, BOM, direction marks, soft
    hyphens), Hangul fillers as spaces. Idempotent; Vosk's tokens (``[2]``, ``(십)``) pass
    unchanged."""
    if text.isascii():
        return text
    text = FILLERS.sub(" ", "".join(ch for ch in text if unicodedata.category(ch) != "Cf"))
    if COMPAT_JAMO.search(text):  # NFKC each other character, then compose the whole
        text = "".join(ch if COMPAT_JAMO.match(ch) else unicodedata.normalize("NFKC", ch)
                       for ch in text)  # fmt: skip
        text = unicodedata.normalize("NFC", text)
    else:
        text = unicodedata.normalize("NFKC", text)
    return _DIGIT.sub(lambda m: str(unicodedata.decimal(m.group())), text)


def clean(text: str) -> str:
    """:func:`normal_form`, then undo the recogniser's number tokens (``[24]``, ``(십)``,
    ``[일]``); drop emoji, symbols."""
    text = normal_form(text)
    text = VOSK_NUMBER.sub(r"\1", text)
    text = VOSK_WORD.sub(r"\1", text)
    text = LONE_SLASH.sub(" ", NOT_TEXT.sub(" ", text.replace("\u2044", "/")))
    return re.sub(r"\s+", " ", text).strip()


@dataclass
class Piece:
    """One kept token of an utterance while a front end builds the key (mutable while folding)."""

    symbol: str
    """A lemma, a slot symbol (``{product}`` ...), or ``|`` for a phrase boundary."""
    start: int
    """Start offset in the cleaned text."""
    end: int
    """End offset in the cleaned text."""
    value: Any = None
    """Slot value: (number, unit) for a quantity, the kind for a delivery."""


@dataclass(frozen=True)
class Analysis:
    """One utterance as a language front end sees it."""

    key: tuple[str, ...]
    """Content lemmas and slot symbols, the thing templates are matched against."""
    slots: Slots
    """Slot values found."""
    negated: bool = False
    """"주문하지 마", "don't order": never a purchase."""
    past: bool = False
    """"주문했어", "I ordered": talks about the past, not a request."""
    reported: bool = False
    """Someone else's action or a reported fact ("친구가 주문했대", "he wants to buy")."""
    not_product: bool = False
    """The object is something that is never a grocery (a taxi, a song, an alarm)."""
    question: bool = False
    """A question, not an answer: a "?", an interrogative ending (그럴까, 맞나), "are you sure"."""
    hesitant: bool = False
    """A hesitation, a filler or a fragment ("음", "잠깐만", "어 그게", "좋긴 한데", "uh")."""
