"""When an answer is not a clear yes: questions, hesitations and fragments.

A "yes" to a money question has to be unambiguous. The front ends mark an utterance as a
*question* ("응?", "그럴까?", "맞나", "얼마라고", "sure?", "are you sure") or as *hesitant*
(a hesitation or filler such as "음", "잠깐만", "어 그게", "uh", "well…", or a fragment that
trails off: "좋긴 한데", "yes but", "네..."), and the parser never reads such an utterance as
``confirm`` (:meth:`assistant.nlu.parser.IntentParser.parse`). A "no" stays a no, with or
without a question mark: a no never spends money.

Each pack marks its own (``assistant/nlu/lang/<code>/doubt.py``): Korean reads the
last ending, English the word order and the last word.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

QUESTION_MARK = re.compile(r"[?？¿]")
"""A question mark anywhere: "응?", "네? 뭐라고요?", "ok?"."""
TRAILING_OFF = re.compile(r"…|⋯|\.\.|‥")
"""An ellipsis: the answer trails off ("네...", "어…")."""
WORD_EDGES = ".,!?？~-:'\"“”‘’"


def words_of(text: str) -> list[str]:
    """The words of ``text``, punctuation at their edges stripped."""
    return [w.strip(WORD_EDGES) for w in text.split() if w.strip(WORD_EDGES)]


def hesitation_word(words: Iterable[str], hesitations: frozenset[str]) -> bool:
    """One of ``words`` (or it without a polite 요) is a hesitation."""
    return any(w in hesitations or w.rstrip("요") in hesitations for w in words)
