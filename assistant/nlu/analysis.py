"""What a language front end hands to the parser: the key to look up, slots, and mood flags."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from assistant.nlu.schema import Slots

VOSK_NUMBER = re.compile(r"\[(\d+)\]")
VOSK_WORD = re.compile(r"[\[({]([가-힣]+)[\])}]")
NOT_TEXT = re.compile(r"[^\w\s.,?!~\-:']")


def clean(text: str) -> str:
    """Undo the recogniser's number tokens (``[24]``, ``(십)``, ``[일]``); drop emoji, symbols."""
    text = VOSK_NUMBER.sub(r"\1", text)
    text = VOSK_WORD.sub(r"\1", text)
    text = NOT_TEXT.sub(" ", text)
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
