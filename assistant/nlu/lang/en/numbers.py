"""English numbers: "one" .. "ninety-nine", with hundreds and thousands ("a hundred and one").

Spelling (int -> words) is CLDR's (unicode-rbnf); reading (words -> int) is written here,
as unicode-rbnf only formats.
"""

from __future__ import annotations

from assistant.nlu.digits import parse_digits
from assistant.nlu.spellout import spell_out

ENGLISH_UNITS = [
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
    "eighteen", "nineteen",
]  # fmt: skip
ENGLISH_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty",
                "ninety"]  # fmt: skip
ENGLISH_SCALES: tuple[tuple[str, int, int], ...] = (("thousand", 1000, 999), ("hundred", 100, 99))
"""Scale word, its value, the largest count before it ("twelve hundred" is 1200)."""
ENGLISH_NUMBER_WORDS = frozenset(
    [*ENGLISH_UNITS, *ENGLISH_TENS[2:], "hundred", "thousand", "and", "a", "-"]
)
"""Words an English number phrase is made of ("a hundred and twenty-one")."""


def parse_english(words: str) -> int | None:
    """ "one" .. "ninety-nine" (also "twenty one"), and with hundreds and thousands: "a
    hundred", "one hundred and one", "two thousand five hundred" -> int."""
    parts = words.lower().replace("-", " ").split()
    total = 0
    for scale_word, scale, most in ENGLISH_SCALES:
        if scale_word not in parts:
            continue
        k = parts.index(scale_word)
        head, parts = parts[:k], parts[k + 1 :]
        if parts[:1] == ["and"] and len(parts) > 1:
            parts = parts[1:]
        count = 1 if head in (["a"], ["one"]) else parse_english(" ".join(head))
        if count is None or not 1 <= count <= most:
            return None  # "hundred" alone
        total += count * scale
    if not parts:
        return total or None
    rest = _english_below_100(parts)
    return None if rest is None else total + rest


def _english_below_100(parts: list[str]) -> int | None:
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
    """Digits (``1,200``) or English number words."""
    word = word.strip()
    value = parse_digits(word)
    return value if value is not None else parse_english(word)


def to_english(n: int) -> str:
    """1..99 in English words."""
    if not 1 <= n <= 99:
        raise ValueError("English numbers are spelled here for 1..99")
    return spell_out(n, "en", "spellout-cardinal")
