"""English: a spaCy front end with lookup lemmas, number words, schedules, choice and PIN words."""

from __future__ import annotations

import re

from assistant.nlu.grammar import Grammar
from assistant.nlu.lang.en import answers, numbers
from assistant.nlu.lang.en.schedule import ENGLISH_SCHEDULE
from assistant.nlu.pack import Pack, Words
from assistant.nlu.packs import FrontEnd, LangPack


def _front_end(grammar: Grammar, product_words: tuple[str, ...]) -> FrontEnd:
    """A blank spaCy English pipeline (product words are not needed: spaces split)."""
    from assistant.nlu.lang.en.front_end import EnglishFrontEnd

    return EnglishFrontEnd(grammar)


PACK: LangPack = Pack(
    code="en",
    script=re.compile(r"[A-Za-z]"),  # Latin letters
    make_front_end=_front_end,
    words=Words(numbers.parse_number, ENGLISH_SCHEDULE, answers.CHOICE_WORDS, answers.PIN_WORDS),
)
"""Numbers: 1,200, twenty-one, a hundred and one; schedules: every other week, on mondays at
9 am, the 15th of every month; choices: the second one, number 2; PIN: said digit by digit."""
