"""Korean and English numbers: native (하나, 두, 스물네), Sino-Korean (이십오), digits.

Pure functions in both directions, so tests can round-trip every number.
"""

from __future__ import annotations

import re

NATIVE_UNITS: dict[str, int] = {
    "하나": 1, "한": 1, "둘": 2, "두": 2, "셋": 3, "세": 3, "석": 3, "서": 3,
    "넷": 4, "네": 4, "넉": 4, "너": 4, "다섯": 5, "여섯": 6, "일곱": 7, "여덟": 8,
    "아홉": 9,
}  # fmt: skip
NATIVE_TENS: dict[str, int] = {
    "열": 10, "스물": 20, "스무": 20, "서른": 30, "마흔": 40, "쉰": 50, "예순": 60,
    "일흔": 70, "여든": 80, "아흔": 90,
}  # fmt: skip
SINO_DIGITS: dict[str, int] = {
    "일": 1, "이": 2, "삼": 3, "사": 4, "오": 5, "육": 6, "륙": 6, "칠": 7, "팔": 8, "구": 9,
}  # fmt: skip
SINO_POWERS: dict[str, int] = {"십": 10, "백": 100, "천": 1000}
ENGLISH_UNITS = [
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
    "eighteen", "nineteen",
]  # fmt: skip
ENGLISH_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty",
                "ninety"]  # fmt: skip

_NATIVE_PLAIN = ["", "하나", "둘", "셋", "넷", "다섯", "여섯", "일곱", "여덟", "아홉"]
_NATIVE_ATTR = ["", "한", "두", "세", "네", "다섯", "여섯", "일곱", "여덟", "아홉"]
_TENS_WORDS = ["", "열", "스물", "서른", "마흔", "쉰", "예순", "일흔", "여든", "아흔"]
_SINO = ["", "일", "이", "삼", "사", "오", "육", "칠", "팔", "구"]

_unit_alt = "|".join(sorted(NATIVE_UNITS, key=len, reverse=True))
_tens_alt = "|".join(sorted(NATIVE_TENS, key=len, reverse=True))
NATIVE_PATTERN = f"(?:(?:{_tens_alt})(?:{_unit_alt})?|(?:{_unit_alt}))"
SINO_PATTERN = "(?:[일이삼사오육칠팔구십백천]+)"
_NATIVE_RE = re.compile(f"^(?P<tens>{_tens_alt})?(?P<unit>{_unit_alt})?$")


def parse_native(word: str) -> int | None:
    """하나/한 .. 아흔아홉 -> 1..99; None if ``word`` is not a native number."""
    m = _NATIVE_RE.match(word)
    if not m or not (m.group("tens") or m.group("unit")):
        return None
    tens = NATIVE_TENS.get(m.group("tens") or "", 0)
    unit = NATIVE_UNITS.get(m.group("unit") or "", 0)
    if m.group("tens") == "스무" and unit:
        return None  # 스무 is only 20 on its own: 스물네, not 스무네
    return tens + unit


def parse_sino(word: str) -> int | None:
    """일 .. 구천구백구십구 -> int; None if ``word`` is not a Sino-Korean number."""
    if not word or any(ch not in SINO_DIGITS and ch not in SINO_POWERS for ch in word):
        return None
    total = 0
    pending: int | None = None
    last_power = 10_000
    for ch in word:
        if ch in SINO_DIGITS:
            if pending is not None:
                return None  # two digits in a row: 이삼
            pending = SINO_DIGITS[ch]
        else:
            power = SINO_POWERS[ch]
            if power >= last_power:
                return None  # 십백, 백백
            if pending == 1:
                return None  # Korean says 십, 백, 천 rather than 일십
            total += (pending or 1) * power
            pending = None
            last_power = power
    return total + (pending or 0)


def parse_english(words: str) -> int | None:
    """ "one" .. "ninety-nine" (also "twenty one") -> int."""
    parts = words.lower().replace("-", " ").split()
    if not parts:
        return None
    if len(parts) == 1 and parts[0] in ENGLISH_UNITS:
        return ENGLISH_UNITS.index(parts[0]) or None
    if parts[0] in ENGLISH_TENS[2:]:
        tens = ENGLISH_TENS.index(parts[0]) * 10
        if len(parts) == 1:
            return tens
        if len(parts) == 2 and parts[1] in ENGLISH_UNITS[1:10]:
            return tens + ENGLISH_UNITS.index(parts[1])
    return None


def parse_number(word: str) -> int | None:
    """Digits (``1,200``), native, Sino-Korean or English number words."""
    word = word.strip()
    if re.fullmatch(r"-?(?:[0-9]{1,3}(,[0-9]{3})+|[0-9]+)", word):
        return int(word.replace(",", ""))
    for parser in (parse_native, parse_sino, parse_english):
        value = parser(word)
        if value is not None:
            return value
    return None


def to_native(n: int, *, attributive: bool = False) -> str:
    """1..99 as a native Korean number (``attributive``: the form before a counter)."""
    if not 1 <= n <= 99:
        raise ValueError("native Korean numbers are spelled here for 1..99")
    tens, unit = divmod(n, 10)
    if n == 20 and attributive:
        return "스무"
    units = _NATIVE_ATTR if attributive else _NATIVE_PLAIN
    return _TENS_WORDS[tens] + units[unit]


def to_sino(n: int) -> str:
    """1..9999 as a Sino-Korean number (이십오, 천이백)."""
    if not 1 <= n <= 9999:
        raise ValueError("Sino-Korean numbers are spelled here for 1..9999")
    out = []
    for power, word in ((1000, "천"), (100, "백"), (10, "십")):
        digit, n = divmod(n, power)
        if digit:
            out.append(("" if digit == 1 else _SINO[digit]) + word)
    if n:
        out.append(_SINO[n])
    return "".join(out)


def to_english(n: int) -> str:
    """1..99 in English words."""
    if not 1 <= n <= 99:
        raise ValueError("English numbers are spelled here for 1..99")
    if n < 20:
        return ENGLISH_UNITS[n]
    tens, unit = divmod(n, 10)
    return ENGLISH_TENS[tens] + (f"-{ENGLISH_UNITS[unit]}" if unit else "")
