"""Korean numbers: native (하나, 두, 스물네), Sino-Korean (이십오, 천이백), and both with digits.

Spelling (int -> words) is CLDR's (unicode-rbnf). Reading (words -> int) is written here:
unicode-rbnf only formats, and households say more than one spelling: 백한 (101: a Sino
hundred and a native tail), 이만 삼천, 1만, 2천5백, 석 달, 스무 개.
"""

from __future__ import annotations

import re

from assistant.nlu.digits import parse_digits
from assistant.nlu.spellout import spell_out

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
SINO_BIG: tuple[tuple[str, int], ...] = (("억", 10**8), ("만", 10**4))
"""The powers that start a new group of four digits, largest first."""
_unit_alt = "|".join(sorted(NATIVE_UNITS, key=len, reverse=True))
_tens_alt = "|".join(sorted(NATIVE_TENS, key=len, reverse=True))
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


def parse_korean(word: str) -> int | None:
    """Korean cardinals past :func:`parse_sino`: groups of 만 and 억 (이만삼천, 십이만, 1만,
    삼억), digits before a power (2천, 2천5백, 3천500) and a native tail after a hundred or
    more (백한 = 101, 천스물세 = 1023, 만한 = 10001)."""
    for k in range(len(word) - 1, 0, -1):
        head, tail = word[:k], word[k:]
        if head[-1] in "백천만억":
            native = parse_native(tail)
            if native is not None:
                big = _korean_groups(head)
                return None if big is None else big + native
    return _korean_groups(word)


def _korean_groups(word: str) -> int | None:
    """억 and 만 groups, each below 만 (see :func:`_korean_group`)."""
    total, rest = 0, word
    for name, power in SINO_BIG:
        if name not in rest:
            continue
        left, rest = rest.split(name, 1)
        group = 1 if not left else _korean_group(left)
        if not group or name in rest:
            return None
        total += group * power
    if rest:
        group = _korean_group(rest)
        if group is None:
            return None
        total += group
    return total or None


def _korean_group(word: str) -> int | None:
    """0..9999 in Sino words, digits or both: 이천오백, 2500, 2천5백, 2천500."""
    if word.isascii() and word.isdigit():
        return int(word) if int(word) <= 9999 else None
    total, pending, last_power = 0, None, 10_000
    spelled = ""  # how the pending number was said
    for m in re.finditer(r"[0-9]+|.", word):
        part = m.group()
        if part in SINO_POWERS:
            power = SINO_POWERS[part]
            if power >= last_power or spelled == "일" or (pending or 1) > 9 or pending == 0:
                return None  # 십백, 일십 (Korean says 십), 12천, 0백
            total += (pending or 1) * power
            pending, spelled, last_power = None, "", power
            continue
        if pending is not None:
            return None  # two numbers in a row: 이삼, 2삼
        if part.isascii() and part.isdigit():
            pending, spelled = int(part), part
        elif part in SINO_DIGITS:
            pending, spelled = SINO_DIGITS[part], part
        else:
            return None
    if pending is not None:
        if pending >= last_power:
            return None  # 2천5000
        total += pending
    return total


def parse_number(word: str) -> int | None:
    """Digits (``1,200``), or native or Sino-Korean words (also past 9999, and 백한)."""
    word = word.strip()
    value = parse_digits(word)
    if value is not None:
        return value
    for parser in (parse_native, parse_sino, parse_korean):
        value = parser(word)
        if value is not None:
            return value
    return None


NATIVE = "spellout-cardinal-native"
"""CLDR's ruleset of native Korean numbers as counted: 하나, 둘, 스물넷."""
NATIVE_ATTRIBUTIVE = "spellout-cardinal-native-attributive"
"""CLDR's ruleset of native Korean numbers before a counter: 한, 두, 스무, 스물네."""
SINO_KOREAN = "spellout-cardinal-sinokorean"
"""CLDR's ruleset of Sino-Korean numbers: 이십오, 천이백, 만 이천."""


def to_native(n: int, *, attributive: bool = False) -> str:
    """1..99 as a native Korean number (``attributive``: the form before a counter)."""
    if not 1 <= n <= 99:
        raise ValueError("native Korean numbers are spelled here for 1..99")
    if attributive:
        return spell_out(n, "ko", NATIVE_ATTRIBUTIVE)
    # CLDR writes the counted teens apart (열 하나); a number is spelled as one word (열하나)
    return spell_out(n, "ko", NATIVE).replace(" ", "")


def to_sino(n: int) -> str:
    """1..9999 as a Sino-Korean number (이십오, 천이백)."""
    if not 1 <= n <= 9999:
        raise ValueError("Sino-Korean numbers are spelled here for 1..9999")
    return spell_out(n, "ko", SINO_KOREAN)


def sino_number(n: int) -> str:
    """Any whole number >= 0 in Sino-Korean words, groups of 만/억 apart (CLDR: 만 for 10000,
    not 일만, but 일억; 영 for 0): ``12000`` -> ``만 이천``."""
    return spell_out(n, "ko", SINO_KOREAN)
