"""Answers to "which one?": ordinals ("2번", "두 번째 거", "the second one") and text clean-up.

Each pack reads its own words (:meth:`~assistant.nlu.packs.LangPack.parse_choice`); an
answer may be in any language the assistant understands, whatever the conversation's.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from assistant.nlu.analysis import clean
from assistant.nlu.packs import DEFAULT_LANGS, packs


@dataclass(frozen=True)
class ChoiceWords:
    """How one language names a choice: a pattern whose group ``n`` is digits or an ordinal
    word, and what each word means."""

    pattern: re.Pattern[str]
    """The whole answer (normalised, lower case); group ``n``, optional group ``suffix``."""
    ordinals: Mapping[str, int]
    """Ordinal word -> 1-based choice ("second" -> 2, "둘째" -> 2)."""
    word_needs_suffix: bool = False
    """A word counts only with the pattern's ``suffix`` ("두 번째" is a choice, "두" is not)."""

    def parse(self, answer: str) -> int | None:
        """The 1-based choice ``answer`` names, or None."""
        m = self.pattern.match(answer)
        if m is None:
            return None
        n = m.group("n")
        if n.isdigit():
            return int(n)
        if self.word_needs_suffix and not m.group("suffix"):
            return None
        return self.ordinals.get(n)


def normalise(text: str) -> str:
    """Collapse spaces, drop emoji and symbols, trim end punctuation."""
    return clean(text).strip(" .?!~…,")


def parse_choice(text: str, langs: tuple[str, ...] = DEFAULT_LANGS) -> int | None:
    """ "2번", "두 번째 거", "첫째", "3", "the second one" -> 1-based choice; None otherwise
    (the packs of ``langs`` asked in order)."""
    for pack in packs(langs):
        choice = pack.parse_choice(text)
        if choice is not None:
            return choice
    return None
