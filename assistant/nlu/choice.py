"""Answers to "which one?": ordinals ("2번", "두 번째 거", "the second one") and text clean-up."""

from __future__ import annotations

import re

from assistant.nlu.analysis import clean

_ORDINALS = {
    "첫": 1, "첫째": 1, "한": 1, "두": 2, "둘째": 2, "세": 3, "셋째": 3, "네": 4, "넷째": 4,
    "다섯": 5, "다섯째": 5,
}  # fmt: skip
_EN_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "one": 1, "two": 2,
                "three": 3, "four": 4, "five": 5}  # fmt: skip
_KO = re.compile(
    r"^(?P<n>[0-9]+|첫째|둘째|셋째|넷째|다섯째|첫|한|두|세|네|다섯)\s*(?P<suffix>번째|번|째)?"
    r"\s*(?:거|걸로|것|꺼|요|으로|로|이요|거요|걸로요|주세요|줘|할게요|할게)?\s*$"
)
_EN = re.compile(
    r"^(?:the\s+|number\s+|no\.?\s*)?(?P<n>[0-9]+|first|second|third|fourth|fifth|one|two|three|four|five)"
    r"(?:\s+one)?(?:\s+please)?$"
)


def normalise(text: str) -> str:
    """Collapse spaces, drop emoji and symbols, trim end punctuation."""
    return clean(text).strip(" .?!~…,")


def parse_choice(text: str) -> int | None:
    """ "2번", "두 번째 거", "첫째", "3", "the second one" -> 1-based choice; None otherwise."""
    norm = normalise(text).lower()
    m = _KO.match(norm)
    if m:
        n = m.group("n")
        if n.isdigit():
            return int(n)
        if m.group("suffix"):
            return _ORDINALS.get(n)
        return None
    m = _EN.match(norm)
    if m:
        n = m.group("n")
        return int(n) if n.isdigit() else _EN_ORDINALS[n]
    return None
