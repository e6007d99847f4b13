"""Numbers are spelled by unicode-rbnf (CLDR's spell-out rules) exactly as the hand-written
code it replaced did: the old spellers are kept here as the oracle, and every number of
their ranges (the big ones by property tests) is compared."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st
from unicode_rbnf import RbnfEngine

from assistant.nlu.numbers import to_english, to_native, to_sino
from assistant.speech.korean_reading import MAX_SPELLED, sino_decimal, sino_number

KO = RbnfEngine.for_language("ko")

# -- the hand-written spellers that were replaced (the oracle) --------------------------------

_NATIVE_PLAIN = ["", "하나", "둘", "셋", "넷", "다섯", "여섯", "일곱", "여덟", "아홉"]
_NATIVE_ATTR = ["", "한", "두", "세", "네", "다섯", "여섯", "일곱", "여덟", "아홉"]
_TENS_WORDS = ["", "열", "스물", "서른", "마흔", "쉰", "예순", "일흔", "여든", "아흔"]
_SINO = ["", "일", "이", "삼", "사", "오", "육", "칠", "팔", "구"]
_EN_UNITS = [
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
    "eighteen", "nineteen",
]  # fmt: skip
_EN_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty",
            "ninety"]  # fmt: skip


def old_native(n: int, attributive: bool = False) -> str:
    tens, unit = divmod(n, 10)
    if n == 20 and attributive:
        return "스무"
    units = _NATIVE_ATTR if attributive else _NATIVE_PLAIN
    return _TENS_WORDS[tens] + units[unit]


def old_sino(n: int) -> str:
    out = []
    for power, word in ((1000, "천"), (100, "백"), (10, "십")):
        digit, n = divmod(n, power)
        if digit:
            out.append(("" if digit == 1 else _SINO[digit]) + word)
    if n:
        out.append(_SINO[n])
    return "".join(out)


def old_english(n: int) -> str:
    if n < 20:
        return _EN_UNITS[n]
    tens, unit = divmod(n, 10)
    return _EN_TENS[tens] + (f"-{_EN_UNITS[unit]}" if unit else "")


def old_sino_number(n: int) -> str:
    if n == 0:
        return "영"
    parts: list[str] = []
    for size, name in ((10**8, "억"), (10**4, "만"), (1, "")):
        group, n = divmod(n, size)
        if group:
            parts.append(name if (group == 1 and name == "만") else old_sino(group) + name)
    return " ".join(parts)


def rbnf(engine: RbnfEngine, n: int, ruleset: str) -> str:
    return engine.format_number(n, ruleset_names=[ruleset]).text


def test_native_numbers_1_to_99() -> None:
    for n in range(1, 100):
        assert to_native(n, attributive=True) == old_native(n, attributive=True), n
        assert to_native(n) == old_native(n), n


def test_the_one_adjustment_cldr_spaces_the_counted_teens() -> None:
    """CLDR writes 열 하나 .. 열 아홉 apart (and only those); :func:`to_native` joins them."""
    spaced = [n for n in range(1, 100) if " " in rbnf(KO, n, "spellout-cardinal-native")]
    assert spaced == list(range(11, 20))
    assert rbnf(KO, 12, "spellout-cardinal-native") == "열 둘"
    assert to_native(12) == "열둘"
    assert to_native(12, attributive=True) == "열두"


def test_sino_korean_numbers_1_to_9999() -> None:
    for n in range(1, 10_000):
        assert to_sino(n) == old_sino(n), n


def test_english_numbers_1_to_99() -> None:
    for n in range(1, 100):
        assert to_english(n) == old_english(n), n


@settings(max_examples=1000)
@given(st.integers(min_value=0, max_value=MAX_SPELLED))
@example(0)
@example(10_000)
@example(10_001)
@example(100_000_000)
@example(100_010_000)
@example(110_000_000)
@example(MAX_SPELLED)
def test_sino_korean_numbers_with_man_and_eok(n: int) -> None:
    assert sino_number(n) == old_sino_number(n)


@given(st.integers(min_value=0, max_value=10**8 - 1).map(lambda n: n * 10_000 + n % 10_000))
def test_sino_korean_groups_of_four_digits(n: int) -> None:
    """Whole 만 groups and a group repeated below it: 만 만, 일억 만, 이만 이."""
    if n <= MAX_SPELLED:
        assert sino_number(n) == old_sino_number(n)


@given(st.integers(min_value=0, max_value=10**6), st.text("0123456789", min_size=1, max_size=4))
def test_decimals_read_their_fraction_digit_by_digit(integer: int, fraction: str) -> None:
    digits = "".join(_SINO[int(d)] or "영" for d in fraction)
    assert sino_decimal(integer, fraction) == f"{old_sino_number(integer)} 점 {digits}"
