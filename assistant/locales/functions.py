"""Functions the catalogs call: Korean particles, amounts of money and numbers in words.

Fluent calls them with the message's arguments, e.g. ``{ PARTICLE($name, "을") }`` picks 을 or
를 for ``$name``. They return plain strings, so a catalog never needs code of its own.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from unicode_rbnf import RbnfEngine

PAIRS = {
    form: pair
    for pair in [
        ("을", "를"),
        ("은", "는"),
        ("이", "가"),
        ("과", "와"),
        ("이에요", "예요"),
        ("이랑", "랑"),
    ]
    for form in pair
}
"""A particle (either form) -> (after a final consonant, after a vowel)."""
DIGIT_FINALS = "013678"
"""Digits whose Korean reading ends in a consonant (영, 일, 삼, 육, 칠, 팔)."""


def final_consonant(word: str) -> int | None:
    """The final consonant index (1..27) of the last syllable, 0 for none, None if not Hangul.

    Digits count as read in Sino-Korean; a trailing closing bracket or space is skipped.
    """
    stripped = word.rstrip(" )]'\"")
    last = stripped[-1:]
    if "가" <= last <= "힣":
        return (ord(last) - 0xAC00) % 28
    if last.isdigit():
        return 8 if last in DIGIT_FINALS else 0  # 8 = ㄹ, any non-zero final
    return None


def particle(word: object, which: object) -> str:
    """The form of ``which`` (을/를, 은/는, 이/가, 과/와, 으로/로, 이에요/예요) fitting ``word``."""
    text, form = str(word), str(which)
    final = final_consonant(text)
    if form in ("으로", "로"):
        # ㄹ-final words take 로 like vowel-final ones (서울로, 집으로)
        return "으로" if final not in (None, 0, 8) else "로"
    with_final, without_final = PAIRS.get(form, (form, form))
    return with_final if final else without_final


def won(amount: object, lang: object = "ko") -> str:
    """An amount of money as written in ``lang``: 1234 -> '1,234원' / '1,234 won'."""
    value = int(str(amount))
    return f"{value:,} won" if str(lang) == "en" else f"{value:,}원"


@cache
def _rbnf(lang: str) -> RbnfEngine:
    from unicode_rbnf import RbnfEngine

    return RbnfEngine.for_language(lang)


def spell(number: object, lang: str, ruleset: object, below: object) -> str:
    """``number`` in words by the CLDR ``ruleset`` of ``lang`` (두, 스물한; two), or in digits
    from ``below`` on (``SPELL($count, ruleset: "spellout-cardinal-native-attributive",
    below: 100)``)."""
    value = int(str(number))
    if below is not None and value >= int(str(below)):
        return str(value)
    return str(_rbnf(lang).format_number(value, ruleset_names=[str(ruleset)]).text)
