"""Korean: a Kiwi front end, native and Sino-Korean numbers, schedules, choice and PIN words."""

from __future__ import annotations

import re

from assistant.nlu.grammar import Grammar
from assistant.nlu.lang.ko import answers, numbers
from assistant.nlu.lang.ko.schedule import KOREAN_SCHEDULE
from assistant.nlu.pack import Pack, Words
from assistant.nlu.packs import FrontEnd, LangPack


def _front_end(grammar: Grammar, product_words: tuple[str, ...]) -> FrontEnd:
    """Kiwi (~1 s to build), with the product words as proper nouns."""
    from assistant.nlu.lang.ko.front_end import KoreanFrontEnd

    return KoreanFrontEnd(grammar, product_words)


PACK: LangPack = Pack(
    code="ko",
    script=re.compile(r"[가-힣ㄱ-ㅎ]"),  # Hangul syllables and compatibility consonants (ㅋㅋ)
    make_front_end=_front_end,
    words=Words(
        number=numbers.parse_number,  # 1,200, 스물네, 이만 삼천, 백한
        schedule=KOREAN_SCHEDULE,  # 매주 월요일 아침 9시, 격주, 한 달에 한 번 15일
        choice=answers.CHOICE_WORDS,  # 2번, 두 번째 거, 첫째
        pin=answers.PIN_WORDS,
        pin_number=answers.pin_number,  # 천이백삼십사 -> 1234
    ),
    keeps_words=True,
)
"""The Korean pack; Kiwi keeps catalog words without a space whole (삼다수, 햇반)."""
