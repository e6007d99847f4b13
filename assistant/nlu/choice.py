"""Answers to "which one?": ordinals ("2번", "두 번째 거", "the second one") and text clean-up.

Each pack reads its own words (:meth:`~assistant.nlu.packs.LangPack.parse_choice`); an
answer may be in any language the assistant understands, whatever the conversation's.
"""

from __future__ import annotations

from assistant.nlu.analysis import clean
from assistant.nlu.packs import DEFAULT_LANGS, packs


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
