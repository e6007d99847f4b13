from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.nlu.numbers import (
    parse_english,
    parse_native,
    parse_number,
    parse_sino,
    to_english,
    to_native,
    to_sino,
)


@given(st.integers(min_value=1, max_value=99))
def test_every_number_round_trips_through_all_spellings(n: int) -> None:
    assert parse_native(to_native(n)) == n
    assert parse_native(to_native(n, attributive=True)) == n
    assert parse_sino(to_sino(n)) == n
    assert parse_english(to_english(n)) == n
    assert parse_number(str(n)) == n


@pytest.mark.parametrize(
    ("word", "value"),
    [
        ("하나", 1), ("한", 1), ("두", 2), ("석", 3), ("넉", 4), ("열두", 12), ("스무", 20),
        ("스물네", 24), ("아흔아홉", 99), ("이십오", 25), ("백", 100), ("천이백", 1200),
        ("1,200", 1200), ("thirty-one", 31), ("twenty one", 21),
    ],
)  # fmt: skip
def test_known_spellings(word: str, value: int) -> None:
    assert parse_number(word) == value


@pytest.mark.parametrize("word", ["스무네", "이삼", "일십", "십백", "우유", "", "hundred"])
def test_non_numbers_are_rejected(word: str) -> None:
    assert parse_number(word) is None


def test_attributive_forms() -> None:
    assert to_native(20, attributive=True) == "스무"
    assert to_native(24, attributive=True) == "스물네"
    assert to_native(21) == "스물하나"
    assert to_sino(1200) == "천이백"


@settings(deadline=None, max_examples=99)  # the first example loads Kiwi (~2 s)
@given(st.integers(min_value=1, max_value=99))
def test_every_spelling_reaches_the_quantity_slot(n: int) -> None:
    from assistant.shop.vocabulary import load_parser

    parser = load_parser()
    for text, lang in [
        (f"우유 {to_native(n, attributive=True)} 개 주문해 줘", "ko"),
        (f"우유 {to_sino(n)} 개 주문해 줘", "ko"),
        (f"우유 {n}개 주문해 줘", "ko"),
        (f"order {to_english(n)} bottles of milk", "en"),
    ]:
        intent = parser.parse(text, lang)
        assert (intent.name, intent.slots.quantity) == ("order", n), text
