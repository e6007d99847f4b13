"""When an English answer is not a clear yes: "sure?", "are you sure", "uh", "yes but"."""

from __future__ import annotations

import re

from assistant.nlu.doubt import QUESTION_MARK, TRAILING_OFF, hesitation_word, words_of

QUESTION_STARTS_EN = frozenset(
    "are is am was were did does really huh what why how when where who which pardon "
    "sorry eh you u".split()
)
"""An answer starting with one of these is a question: "are you sure", "you sure", "really"."""
ASKING_AUX_EN = frozenset("do can could will would should shall".split())
SUBJECTS_EN = frozenset("you u i we they".split())
"""'do you …', 'can we …': a question (but "do it" is an answer)."""
OPEN_END_EN = frozenset("and so or because if but".split())
"""A last word that leaves the answer open: "yes and", "ok so"."""


def question_en(raw: str, words: list[str]) -> bool:
    """A question mark, or a question's word order ("are you sure", "do you mean it")."""
    if QUESTION_MARK.search(raw):
        return True
    if not words:
        return False
    if words[0] in QUESTION_STARTS_EN:
        return True
    return words[0] in ASKING_AUX_EN and len(words) > 1 and words[1] in SUBJECTS_EN


def hesitant_en(raw: str, words: list[str], hesitations: frozenset[str]) -> bool:
    """A hesitation or filler word, an ellipsis, or an answer left open ("yes and")."""
    if TRAILING_OFF.search(raw) or hesitation_word(words, hesitations):
        return True
    return bool(words) and words[-1] in OPEN_END_EN


def words_en(text: str) -> list[str]:
    """Lower-case words of an English answer, punctuation stripped ("hmm," -> "hmm")."""
    return [w.lower() for w in words_of(re.sub(r"[,\-]", " ", text))]
