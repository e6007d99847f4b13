"""English: a spaCy front end with lookup lemmas, number words, schedules, choice and PIN words."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from assistant.nlu.grammar import Grammar
from assistant.nlu.lang.en import answers, numbers
from assistant.nlu.lang.en.schedule import ENGLISH_SCHEDULE
from assistant.nlu.pack import Pack, Words
from assistant.nlu.packs import FrontEnd, LangPack

GROCERY_WORD = re.compile(r"[a-z][a-z' -]+")
"""An English catalog word: an alias in lower case ("milk", "toilet paper"), not a brand
("CJ")."""
NAME_WORD = re.compile(r"[A-Z][a-z]{3,}")
"""A word of a product's English name as written ("Hetbahn", "Fresh"): the front end keeps
the ones that are not ordinary English words."""


def _front_end(grammar: Grammar, product_words: tuple[str, ...]) -> FrontEnd:
    """A blank spaCy English pipeline; the catalog's English words tell a grocery ("milk
    please") from anything else said with a please ("traffic please")."""
    from assistant.nlu.spacy_cli import defer_spacy_cli

    defer_spacy_cli()  # spaCy's command line is never run here
    from assistant.nlu.lang.en.front_end import EnglishFrontEnd

    return EnglishFrontEnd(grammar, product_words)


@dataclass(frozen=True)
class EnglishPack(Pack):
    """The English pack keeps the catalog's English aliases (spaces split words already: they
    are not for the tokenizer but for telling a request without a verb from chatter)."""

    def kept_words(self, words: Iterable[str]) -> tuple[str, ...]:
        return tuple(
            sorted(
                {
                    w
                    for w in words
                    if (GROCERY_WORD.fullmatch(w) and len(w) >= 3) or NAME_WORD.fullmatch(w)
                }
            )
        )


PACK: LangPack = EnglishPack(
    code="en",
    script=re.compile(r"[A-Za-z]"),  # Latin letters
    make_front_end=_front_end,
    words=Words(numbers.parse_number, ENGLISH_SCHEDULE, answers.CHOICE_WORDS, answers.PIN_WORDS),
)
"""Numbers: 1,200, twenty-one, a hundred and one; schedules: every other week, on mondays at
9 am, the 15th of every month; choices: the second one, number 2; PIN: said digit by digit."""
