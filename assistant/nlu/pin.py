"""A spoken or typed four-digit PIN: "1234", "일 이 삼 사", "공일이삼", "하나 둘 셋 넷", "one two
three four", "천이백삼십사", "비밀번호는 1234야".

The result is only handed to the shop for checking; it is never logged or echoed.
"""

from __future__ import annotations

import re

from assistant.nlu.analysis import normal_form
from assistant.nlu.numbers import parse_sino

PIN_LENGTH = 4
DIGIT_WORDS: dict[str, str] = {
    "공": "0", "영": "0", "빵": "0", "일": "1", "이": "2", "삼": "3", "사": "4", "오": "5",
    "육": "6", "륙": "6", "칠": "7", "팔": "8", "구": "9",
    "하나": "1", "둘": "2", "셋": "3", "넷": "4", "다섯": "5", "여섯": "6", "일곱": "7",
    "여덟": "8", "아홉": "9",
    "zero": "0", "oh": "0", "o": "0", "one": "1", "two": "2", "three": "3", "four": "4",
    "five": "5", "six": "6", "seven": "7", "eight": "8", "nine": "9",
}  # fmt: skip
_LEAD = re.compile(
    r"^(?:(?:제|내|우리)\s*)?(?:비밀\s*번호|비번|핀\s*번호|핀|pin(?:\s*code)?|voice\s*code|code|"
    r"my\s+pin\s+is|it\s*'?s|it\s+is|the\s+pin\s+is)\s*(?:는|은|가|이|:)?\s*",
    re.IGNORECASE,
)
_TAIL = re.compile(r"\s*(?:이에요|예요|에요|입니다|이야|야|요|please|번)?\s*$", re.IGNORECASE)
_RECOGNISER_TOKEN = re.compile(r"[\[\(\{]([^\]\)\}]+)[\]\)\}]")
_WORDS = sorted(DIGIT_WORDS, key=len, reverse=True)


def _digits(chunk: str) -> str | None:
    """Digits of one space-free chunk: ASCII digits, or a run of digit words."""
    if chunk.isascii() and chunk.isdigit():
        return chunk
    out = []
    rest = chunk.lower()
    while rest:
        word = next((w for w in _WORDS if rest.startswith(w)), None)
        if word is None:
            return None
        out.append(DIGIT_WORDS[word])
        rest = rest[len(word) :]
    return "".join(out)


def parse_pin(text: str) -> str | None:
    """The four digits said in ``text``, or None when it is not (only) a PIN. Full-width
    (１２３４) and other scripts' digits are read as 0-9 (:func:`normal_form`)."""
    body = _RECOGNISER_TOKEN.sub(r" \1 ", normal_form(text)).strip().strip(" .!?~,")
    body = _TAIL.sub("", _LEAD.sub("", body)).strip()
    if not body:
        return None
    chunks = [c for c in re.split(r"[\s,\-.]+", body) if c]
    joined = "".join(chunks)
    whole = parse_sino(joined) if not joined.isdigit() else None
    if (
        whole is not None and 1000 <= whole <= 9999 and any(p in joined for p in ("천", "백", "십"))
    ):  # "천이백삼십사" said as a number
        return str(whole)
    digits = []
    for chunk in chunks:
        found = _digits(chunk)
        if found is None:
            return None
        digits.append(found)
    pin = "".join(digits)
    return pin if len(pin) == PIN_LENGTH else None
