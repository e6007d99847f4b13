"""Korean: a Kiwi front end, native and Sino-Korean numbers, schedules, choice and PIN words."""

from __future__ import annotations

import re
from collections.abc import Iterable

from assistant.nlu.choice import normalise
from assistant.nlu.grammar import Grammar, load_grammar
from assistant.nlu.lang.ko import answers, numbers
from assistant.nlu.lang.ko.schedule import KOREAN_SCHEDULE
from assistant.nlu.packs import FrontEnd, LangPack, PinWords
from assistant.nlu.schedule import find_schedule
from assistant.nlu.schema import Schedule

HANGUL = re.compile(r"[가-힣ㄱ-ㅎ]")
"""Hangul syllables and compatibility consonants (ㅋㅋ, ㅇㅇ)."""


class KoreanPack:
    """The Korean language pack."""

    code = "ko"
    pin: PinWords = answers.PIN_WORDS

    def detects(self, text: str) -> bool:
        """Any Hangul."""
        return HANGUL.search(text) is not None

    def grammar(self) -> Grammar:
        """``assistant/grammars/ko/``."""
        return load_grammar(self.code)

    def front_end(self, grammar: Grammar, product_words: tuple[str, ...]) -> FrontEnd:
        """Kiwi inside spaCy (~2 s to build), with the product words as proper nouns."""
        from assistant.nlu.lang.ko.front_end import KoreanFrontEnd

        return KoreanFrontEnd(grammar, product_words)

    def kept_words(self, words: Iterable[str]) -> tuple[str, ...]:
        """Korean words of two syllables or more without a space (삼다수, 햇반): Kiwi keeps
        them whole."""
        return tuple(
            sorted({w for w in words if HANGUL.search(w) and " " not in w and len(w) >= 2})
        )

    def parse_number(self, word: str) -> int | None:
        """Digits, native or Sino-Korean words: 1,200, 스물네, 이만 삼천, 백한."""
        return numbers.parse_number(word)

    def parse_schedule(self, text: str) -> Schedule | None:
        """매주 월요일 아침 9시, 격주, 한 달에 한 번 15일."""
        return find_schedule(text, KOREAN_SCHEDULE)

    def parse_choice(self, text: str) -> int | None:
        """2번, 두 번째 거, 첫째."""
        return answers.parse_choice(normalise(text).lower())

    def pin_number(self, text: str) -> str | None:
        """천이백삼십사 -> 1234."""
        return answers.pin_number(text)


PACK: LangPack = KoreanPack()
