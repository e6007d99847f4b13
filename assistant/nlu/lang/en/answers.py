"""English short answers: which one ("the second one", "number 2") and PIN words ("oh one")."""

from __future__ import annotations

import re

from assistant.nlu.choice import ChoiceWords
from assistant.nlu.packs import PinWords

CHOICE_WORDS = ChoiceWords(
    pattern=re.compile(
        r"^(?:the\s+|number\s+|no\.?\s*)?"
        r"(?P<n>[0-9]+|first|second|third|fourth|fifth|one|two|three|four|five)"
        r"(?:\s+one)?(?:\s+please)?$"
    ),
    ordinals={"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "one": 1, "two": 2,
              "three": 3, "four": 4, "five": 5},
)  # fmt: skip
""" "the second one", "number 2", "3" (normalised, lower case) -> 1-based choice."""

PIN_WORDS = PinWords(
    digits={
        "zero": "0", "oh": "0", "o": "0", "one": "1", "two": "2", "three": "3", "four": "4",
        "five": "5", "six": "6", "seven": "7", "eight": "8", "nine": "9",
    },
    names=(r"pin(?:\s*code)?", r"voice\s*code", "code", r"my\s+pin\s+is", r"it\s*'?s",
           r"it\s+is", r"the\s+pin\s+is"),
    endings=("please",),
)  # fmt: skip
"""my pin is one two three four please."""
