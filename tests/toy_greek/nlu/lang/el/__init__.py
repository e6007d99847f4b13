"""Greek, a toy pack: "θέλω γάλα" orders milk, "ναι" confirms, "βοήθεια" asks for help.

The front end splits at spaces: a word of the grammar stays, any other run of words is the
product. Numbers are two words, a schedule is "κάθε μέρα", a PIN is said digit by digit.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from assistant.nlu.analysis import Analysis
from assistant.nlu.doubt import QUESTION_MARK, words_of
from assistant.nlu.grammar import GRAMMARS_DIR, Grammar, load_grammar
from assistant.nlu.packs import FrontEnd, LangPack, PinWords
from assistant.nlu.schema import Schedule, Slots

GREEK = re.compile("[α-ωά-ώ]")
"""Greek letters."""
NUMBERS = {"ένα": 1, "δύο": 2}


class GreekFrontEnd:
    """Words of the grammar stay; any other run of words is the product."""

    def __init__(self, grammar: Grammar) -> None:
        self.grammar = grammar

    def analyse(self, text: str) -> Analysis:
        key: list[str] = []
        product: list[str] = []
        for word in words_of(text.lower().replace(";", " ")):  # ; is the Greek ?
            if word in self.grammar.fillers:
                continue
            if word in self.grammar.vocabulary:
                key.append(word)
            else:
                product.append(word)
                if not key or key[-1] != "{product}":
                    key.append("{product}")
        question = QUESTION_MARK.search(text) is not None or text.rstrip().endswith(";")
        return Analysis(tuple(key), Slots(" ".join(product) or None), question=question)


class GreekPack:
    """The toy Greek pack (its grammar in ``root/el/``)."""

    code = "el"
    pin = PinWords(digits={"ένα": "1", "δύο": "2"}, names=("πιν",))

    def __init__(self, root: Path = GRAMMARS_DIR) -> None:
        self.root = root

    def detects(self, text: str) -> bool:
        return GREEK.search(text.lower()) is not None

    def grammar(self) -> Grammar:
        return load_grammar(self.code, self.root)

    def front_end(self, grammar: Grammar, product_words: tuple[str, ...]) -> FrontEnd:
        return GreekFrontEnd(grammar)

    def kept_words(self, words: Iterable[str]) -> tuple[str, ...]:
        return ()

    def parse_number(self, word: str) -> int | None:
        return int(word) if word.isdigit() else NUMBERS.get(word)

    def parse_schedule(self, text: str) -> Schedule | None:
        return Schedule("daily") if "κάθε μέρα" in text else None

    def parse_choice(self, text: str) -> int | None:
        return {"πρώτο": 1, "δεύτερο": 2}.get(text.strip().lower())

    def pin_number(self, text: str) -> str | None:
        return None


PACK: LangPack = GreekPack()
