"""unicode-rbnf (CLDR's number spell-out rules) spells numbers as the hand-written code did.

Before the hand-written spelling in ``nlu/numbers.py`` and ``speech/korean_reading.py`` is
replaced, every number of their ranges is compared with CLDR's rulesets.
"""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st
from unicode_rbnf import RbnfEngine

from assistant.nlu.numbers import to_english, to_native, to_sino
from assistant.speech.korean_reading import MAX_SPELLED, sino_number

KO = RbnfEngine.for_language("ko")
EN = RbnfEngine.for_language("en")


def rbnf(engine: RbnfEngine, n: int, ruleset: str) -> str:
    return engine.format_number(n, ruleset_names=[ruleset]).text


def test_native_numbers_1_to_99() -> None:
    for n in range(1, 100):
        attributive = rbnf(KO, n, "spellout-cardinal-native-attributive")
        assert to_native(n, attributive=True) == attributive, n
        plain = rbnf(KO, n, "spellout-cardinal-native")
        # CLDR writes 열 하나 .. 열 아홉 apart; Korean spells a number as one word
        assert to_native(n) == plain.replace(" ", ""), n


def test_only_the_teens_differ_in_plain_native_numbers() -> None:
    spaced = [n for n in range(1, 100) if " " in rbnf(KO, n, "spellout-cardinal-native")]
    assert spaced == list(range(11, 20))


def test_sino_korean_numbers_1_to_9999() -> None:
    for n in range(1, 10_000):
        assert to_sino(n) == rbnf(KO, n, "spellout-cardinal-sinokorean"), n


def test_english_numbers_1_to_99() -> None:
    for n in range(1, 100):
        assert to_english(n) == rbnf(EN, n, "spellout-cardinal"), n


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
    assert sino_number(n) == rbnf(KO, n, "spellout-cardinal-sinokorean")


@given(st.integers(min_value=0, max_value=10**8 - 1).map(lambda n: n * 10_000 + n % 10_000))
def test_sino_korean_groups_of_four_digits(n: int) -> None:
    """Whole 만 groups and a group repeated below it: 만 만, 일억 만, 이만 이."""
    if n <= MAX_SPELLED:
        assert sino_number(n) == rbnf(KO, n, "spellout-cardinal-sinokorean")
