"""Korean short answers: which one ("2번", "두 번째 거", "첫째") and PIN words ("공일이삼")."""

from __future__ import annotations

import re

from assistant.nlu.choice import ChoiceWords
from assistant.nlu.lang.ko.numbers import parse_sino
from assistant.nlu.packs import PinWords

CHOICE_WORDS = ChoiceWords(
    pattern=re.compile(
        r"^(?P<n>[0-9]+|첫째|둘째|셋째|넷째|다섯째|첫|한|두|세|네|다섯)\s*(?P<suffix>번째|번|째)?"
        r"\s*(?:거|걸로|것|꺼|요|으로|로|이요|거요|걸로요|주세요|줘|할게요|할게)?\s*$"
    ),
    ordinals={"첫": 1, "첫째": 1, "한": 1, "두": 2, "둘째": 2, "세": 3, "셋째": 3, "네": 4,
              "넷째": 4, "다섯": 5, "다섯째": 5},
    word_needs_suffix=True,
)  # fmt: skip
""" "2번", "두 번째 거", "첫째", "3" (normalised, lower case) -> 1-based choice; a word alone
("두") is no choice."""

PIN_WORDS = PinWords(
    digits={
        "공": "0", "영": "0", "빵": "0", "일": "1", "이": "2", "삼": "3", "사": "4", "오": "5",
        "육": "6", "륙": "6", "칠": "7", "팔": "8", "구": "9",
        "하나": "1", "둘": "2", "셋": "3", "넷": "4", "다섯": "5", "여섯": "6", "일곱": "7",
        "여덟": "8", "아홉": "9",
    },
    owners=("제", "내", "우리"),
    names=(r"비밀\s*번호", "비번", r"핀\s*번호", "핀"),
    particles=("는", "은", "가", "이"),
    endings=("이에요", "예요", "에요", "입니다", "이야", "야", "요", "번"),
)  # fmt: skip
"""비밀번호는 공일이삼이에요, 제 비번 하나 둘 셋 넷."""


def pin_number(joined: str) -> str | None:
    """A PIN said as one Sino-Korean number ("천이백삼십사" -> "1234"), or None."""
    whole = parse_sino(joined)
    if whole is not None and 1000 <= whole <= 9999 and any(p in joined for p in "천백십"):
        return str(whole)
    return None
