"""A language pack described by data: what one language's understanding is made of.

``assistant/nlu/lang/<code>/__init__.py`` declares ``PACK = Pack(...)`` from its own parts
(front end, number words, schedule phrases, choice and PIN words); :class:`Pack` does what
the core asks of any pack (:class:`~assistant.nlu.packs.LangPack`) with them, so the reading
is written once for every language.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from assistant.nlu.choice import ChoiceWords, normalise
from assistant.nlu.grammar import Grammar, load_grammar
from assistant.nlu.packs import FrontEnd, PinWords
from assistant.nlu.schedule import ScheduleWords, find_schedule
from assistant.nlu.schema import Schedule

MakeFrontEnd = Callable[[Grammar, tuple[str, ...]], FrontEnd]
"""A new front end for the grammar, keeping the product words whole (may take seconds)."""


def no_pin_number(text: str) -> str | None:
    """None: a PIN in this language is said digit by digit."""
    return None


@dataclass(frozen=True)
class Words:
    """One language's words for numbers, schedules, choices and PINs."""

    number: Callable[[str], int | None]
    """A whole number in digits or number words, or None."""
    schedule: ScheduleWords
    """The schedule phrases :func:`~assistant.nlu.schedule.find_schedule` reads."""
    choice: ChoiceWords
    """How a choice is named ("2번", "the second one")."""
    pin: PinWords
    """How a PIN is said."""
    pin_number: Callable[[str], str | None] = no_pin_number
    """A PIN said as one number ("천이백삼십사"), or None."""


@dataclass(frozen=True)
class Pack:
    """One language pack: a :class:`~assistant.nlu.packs.LangPack` made of its parts."""

    code: str
    """The language code (``ko``)."""
    script: re.Pattern[str]
    """A letter of the language's script: a text with one is in this language."""
    make_front_end: MakeFrontEnd
    """Its front end (imported only when built: Kiwi for Korean, spaCy for English)."""
    words: Words
    """Its words for numbers, schedules, choices and PINs."""
    keeps_words: bool = False
    """Its tokenizer may split a word written without spaces (Kiwi), so catalog words of
    two letters or more in the script are kept whole (삼다수, 햇반)."""

    @property
    def pin(self) -> PinWords:
        """How this language says a PIN."""
        return self.words.pin

    def detects(self, text: str) -> bool:
        """Any letter of the script."""
        return self.script.search(text) is not None

    def grammar(self) -> Grammar:
        """``assistant/grammars/<code>/``."""
        return load_grammar(self.code)

    def front_end(self, grammar: Grammar, product_words: tuple[str, ...]) -> FrontEnd:
        """A new front end keeping ``product_words`` whole."""
        return self.make_front_end(grammar, product_words)

    def kept_words(self, words: Iterable[str]) -> tuple[str, ...]:
        """The script's words of two letters or more without a space, when
        :attr:`keeps_words`; else none (words split at spaces stay whole already)."""
        if not self.keeps_words:
            return ()
        return tuple(sorted({w for w in words if self.detects(w) and " " not in w and len(w) >= 2}))

    def parse_number(self, word: str) -> int | None:
        """Digits or this language's number words."""
        return self.words.number(word)

    def parse_schedule(self, text: str) -> Schedule | None:
        """The recurring schedule said in ``text``."""
        return find_schedule(text, self.words.schedule)

    def parse_choice(self, text: str) -> int | None:
        """The 1-based choice ``text`` names."""
        return self.words.choice.parse(normalise(text).lower())

    def pin_number(self, text: str) -> str | None:
        """A PIN said as one number."""
        return self.words.pin_number(text)
