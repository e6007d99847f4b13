"""English: a spaCy front end with lookup lemmas, number words, schedules, choice and PIN words."""

from __future__ import annotations

import re
from collections.abc import Iterable

from assistant.nlu.choice import normalise
from assistant.nlu.grammar import Grammar, load_grammar
from assistant.nlu.lang.en import answers, numbers
from assistant.nlu.lang.en.schedule import ENGLISH_SCHEDULE
from assistant.nlu.packs import FrontEnd, LangPack, PinWords
from assistant.nlu.schedule import find_schedule
from assistant.nlu.schema import Schedule

LATIN = re.compile(r"[A-Za-z]")
"""Latin letters."""


class EnglishPack:
    """The English language pack."""

    code = "en"
    pin: PinWords = answers.PIN_WORDS

    def detects(self, text: str) -> bool:
        """Any Latin letter."""
        return LATIN.search(text) is not None

    def grammar(self) -> Grammar:
        """``assistant/grammars/en/``."""
        return load_grammar(self.code)

    def front_end(self, grammar: Grammar, product_words: tuple[str, ...]) -> FrontEnd:
        """A blank spaCy English pipeline (product words are not needed: spaces split)."""
        from assistant.nlu.lang.en.front_end import EnglishFrontEnd

        return EnglishFrontEnd(grammar)

    def kept_words(self, words: Iterable[str]) -> tuple[str, ...]:
        """None: English words are split at spaces, so names stay whole already."""
        return ()

    def parse_number(self, word: str) -> int | None:
        """Digits or number words: 1,200, twenty-one, a hundred and one."""
        return numbers.parse_number(word)

    def parse_schedule(self, text: str) -> Schedule | None:
        """every other week, on mondays at 9 am, the 15th of every month."""
        return find_schedule(text, ENGLISH_SCHEDULE)

    def parse_choice(self, text: str) -> int | None:
        """the second one, number 2."""
        return answers.parse_choice(normalise(text).lower())

    def pin_number(self, text: str) -> str | None:
        """None: an English PIN is said digit by digit."""
        return None


PACK: LangPack = EnglishPack()
