"""Quantities as households say and type them: the right number (백한 = 101, 1만, "a hundred and
one", x3), or, for what is not a count (0.5, 1/2, 1e9), a clear refusal with what was heard.
Never a different number, and never digits eaten into the product name ("우유 1e" x 9)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.nlu.numbers import (
    not_a_count,
    parse_english,
    parse_number,
    to_english,
    to_native,
    to_sino,
)
from assistant.shop.vocabulary import load_parser

Talk = Callable[..., list[str]]
MILK = "서울우유 흰우유 1L"
NOT_A_COUNT = "수량은 1에서 99 사이의 개수로 말씀해 주세요"


def spell_sino(n: int) -> str:
    """1 .. 9,999,999,999 in Sino-Korean words with 만 and 억 (십이만삼천사백 ...)."""
    out = []
    for name, power in (("억", 10**8), ("만", 10**4)):
        group, n = divmod(n, power)
        if group:
            out.append(to_sino(group) + name)
    if n:
        out.append(to_sino(n))
    return "".join(out)


def spell_english(n: int) -> str:
    """1 .. 999,999 in English words ("one hundred and one", "twelve thousand ...")."""
    thousands, rest = divmod(n, 1000)
    hundreds, below = divmod(rest, 100)
    words = []
    if thousands:
        words.append(f"{spell_english(thousands)} thousand")
    if hundreds:
        words.append(f"{to_english(hundreds)} hundred")
    if below:
        words.append(("and " if words else "") + to_english(below))
    return " ".join(words)


def quantity_of(text: str, lang: str | None = None) -> tuple[object, ...]:
    intent = load_parser().parse(text, lang)
    s = intent.slots
    return intent.name, s.product, s.quantity, s.not_a_count


# -- the number readers -----------------------------------------------------------------------


@given(st.integers(min_value=1, max_value=9_999_999_999))
def test_big_sino_korean_numbers_round_trip(n: int) -> None:
    assert parse_number(spell_sino(n)) == n


@given(st.integers(min_value=1, max_value=99), st.integers(min_value=1, max_value=99))
def test_a_native_tail_after_hundreds(hundreds: int, tail: int) -> None:
    """백한 (101), 삼백스물네 (324), 구천구백아흔아홉 (9999): how counts past 100 are said."""
    head = to_sino(hundreds * 100)
    for spelled in (to_native(tail, attributive=True), to_native(tail)):
        assert parse_number(head + spelled) == hundreds * 100 + tail


@given(st.integers(min_value=1, max_value=9), st.integers(min_value=0, max_value=999))
def test_digits_with_korean_powers(thousands: int, rest: int) -> None:
    assert parse_number(f"{thousands}천{rest or ''}") == thousands * 1000 + rest
    assert parse_number(f"{thousands}만") == thousands * 10_000
    assert parse_number(f"{thousands}만{rest or ''}") == thousands * 10_000 + rest


@given(st.integers(min_value=1, max_value=999_999))
def test_english_numbers_past_ninety_nine_round_trip(n: int) -> None:
    assert parse_english(spell_english(n)) == n


@given(st.integers(min_value=0, max_value=10**6), st.integers(min_value=1, max_value=999))
def test_decimals_fractions_and_exponents_are_not_counts(whole: int, part: int) -> None:
    for said in (f"{whole}.{part}", f".{part}", f"{whole}/{part}", f"{part}e{whole % 20}",
                 f"-{whole}.{part}"):  # fmt: skip
        assert not_a_count(said) and parse_number(said) is None
    assert not not_a_count(str(whole)) and parse_number(f"{whole:,}") == whole


@pytest.mark.parametrize("word", ["일십", "십백", "이삼", "2천5000", "12천", "만억", "hundred"])
def test_malformed_numbers_stay_unread(word: str) -> None:
    assert parse_number(word) is None


# -- the quantity slot ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("우유 백한 개 주문해 줘", ("order", "우유", 101, None)),
        ("우유 백 한 개 주문해 줘", ("order", "우유", 101, None)),
        ("우유 백한개 주문해줘", ("order", "우유", 101, None)),
        ("우유 백열다섯 개 주문해 줘", ("order", "우유", 115, None)),  # Kiwi: 백 as a name
        ("우유 1e9개 주문해 줘", ("order", "우유", None, "1e9")),
        ("우유 0.5개 주문해 줘", ("order", "우유", None, "0.5")),
        ("우유 .5개 주문해 줘", ("order", "우유", None, ".5")),
        ("우유 1/2개 주문해 줘", ("order", "우유", None, "1/2")),
        ("우유 -5개 주문해 줘", ("order", "우유", -5, None)),
        ("우유 2 개 주문해 줘", ("order", "우유", 2, None)),
        ("우유 두개 주문해 줘", ("order", "우유", 2, None)),
        ("우유 열 두 개 주문해 줘", ("order", "우유", 12, None)),
        ("우유 1,000개 주문해 줘", ("order", "우유", 1000, None)),
        ("우유 1만 개 주문해 줘", ("order", "우유", 10_000, None)),
        ("우유 x3 주문해 줘", ("order", "우유", 3, None)),
        ("우유 3x 주문해 줘", ("order", "우유", 3, None)),
        ("우유 [2] 개 주문해 줘", ("order", "우유", 2, None)),  # Vosk's digits
        ("우유 (백) [일] 개 주문해 줘", ("order", "우유", 101, None)),
        ("우유 1.5L 두 개 주문해 줘", ("order", "우유", 2, None)),  # a size stays a size
        ("우유 1.5리터 주문해 줘", ("order", "우유", None, None)),  # (Item.size: test_natural_ko)
        ("쌀 2.5킬로 주문해 줘", ("order", "쌀", None, None)),
        ("order -5 milk", ("order", "milk", -5, None)),
        ("order minus 5 milk", ("order", "milk", -5, None)),
        ("order 1e9 milk", ("order", "milk", None, "1e9")),
        ("order 0.5 milk", ("order", "milk", None, "0.5")),
        ("order milk x3", ("order", "milk", 3, None)),
        ("order 3x milk", ("order", "milk", 3, None)),
        ("order 3 x milk", ("order", "milk", 3, None)),
        ("order 1,000 milk", ("order", "milk", 1000, None)),
        ("order a hundred and one bottles of milk", ("order", "milk", 101, None)),
        ("order a bottle of milk", ("order", "milk", 1, None)),
        ("order 2.5 kg rice", ("order", "rice", None, None)),  # size 2.5kg (issue 14)
    ],
)
def test_the_quantity_slot(text: str, expected: tuple[object, ...]) -> None:
    assert quantity_of(text) == expected


KNOWN_MISREAD = (
    1061, 2001, 2002, 2003, 2010, 2011, 2012, 2013, 2014, 2016, 2017, 2018, 2019, 2931, 2934,
    3061, 3101, 3102, 3104, 3106, 3109, 3801, 4002, 4004, 5015, 5019,
    9001, 9002, 9003, 9004, 9005, 9017,
)  # fmt: skip
"""Counts whose Sino-Korean words Kiwi splits into a name and a number (e.g. 삼천백이 ->
"우유 삼천" + 102): a known gap of the number reader (issue 14), listed so this test is not
a coin toss in CI; ``test_known_misread_counts`` keeps them visible. The list is every such
count from 100 to 9999 (found by trying them all: 32 of 9,900, 2026-12-02)."""


def count_said(n: int) -> list[tuple[str, str]]:
    """``n`` milks ordered as people say it: Sino-Korean words, hundreds in Sino-Korean and
    the rest in native words, digits, and English words."""
    hundreds, tail = divmod(n, 100)
    spoken = to_sino(hundreds * 100) + (to_native(tail, attributive=True) if tail else "")
    return [
        (f"우유 {to_sino(n)} 개 주문해 줘", "ko"),
        (f"우유 {spoken} 개 주문해 줘", "ko"),
        (f"우유 {n:,}개 주문해 줘", "ko"),
        (f"order {spell_english(n)} bottles of milk", "en"),
    ]


@settings(deadline=None, max_examples=60)
@given(st.integers(min_value=100, max_value=9999).filter(lambda n: n not in KNOWN_MISREAD))
def test_every_count_past_ninety_nine_reaches_the_slot(n: int) -> None:
    for text, lang in count_said(n):
        assert quantity_of(text, lang) == ("order", "우유" if lang == "ko" else "milk", n, None)


@settings(deadline=None, max_examples=40)
@given(st.integers(min_value=0, max_value=99), st.integers(min_value=1, max_value=99))
def test_a_decimal_count_never_leaks_into_the_product(whole: int, part: int) -> None:
    said = f"{whole}.{part}"
    assert quantity_of(f"우유 {said}개 주문해 줘") == ("order", "우유", None, said)
    assert quantity_of(f"order {said} milks") == ("order", "milks", None, said)


# -- the real command and the database -------------------------------------------------------


def placed(db_url: str) -> list[tuple[object, ...]]:
    con = sqlite3.connect(db_url.removeprefix("sqlite:///"))
    try:
        return con.execute(
            "select l.quantity, p.sku from order_lines l join products p on p.id = l.product_id"
        ).fetchall()
    finally:
        con.close()


@pytest.mark.parametrize(
    ("said", "reply"),
    [
        (f"{MILK} 백한 개 주문해 줘", "수량은 1에서 99 사이로 말씀해 주세요 (들은 수량: 101)."),
        (f"{MILK} 1e9개 주문해 줘", f"{NOT_A_COUNT} (들은 수량: 1e9)."),
        (f"{MILK} 0.5개 주문해 줘", f"{NOT_A_COUNT} (들은 수량: 0.5)."),
        (f"{MILK} 1/2개 장바구니에 담아 줘", f"{NOT_A_COUNT} (들은 수량: 1/2)."),
        (f"{MILK} 1만 개 주문해 줘", "수량은 1에서 99 사이로 말씀해 주세요 (들은 수량: 10000)."),
        ("order -5 milk", "Please say a quantity from 1 to 99."),
        ("order 1e9 bottles of milk", "Please say a whole number from 1 to 99 (I heard 1e9)."),
    ],
)  # fmt: skip
def test_a_quantity_that_cannot_be_ordered_is_refused_as_heard(
    talk: Talk, db_url: str, said: str, reply: str
) -> None:
    assert talk(said) == [reply]
    assert placed(db_url) == []


def test_the_spellings_of_other_households_order_what_they_say(talk: Talk, db_url: str) -> None:
    answers = talk(
        f"{MILK} 열 두 개 주문해 줘", "응",
        f"{MILK} 2 개 주문해 줘", "응",
        f"{MILK} x3 시켜 줘", "응",
        f"{MILK} 스물 한 개 주문해 줘", "응",
    )  # fmt: skip
    assert [a.split(",")[0] for a in answers[::2]] == [
        f"{MILK} 12팩",
        f"{MILK} 2팩",
        f"{MILK} 3팩",
        f"{MILK} 21팩",
    ]
    assert all(a.startswith("주문했어요") for a in answers[1::2]), answers
    assert placed(db_url) == [(12, "DAI-001"), (2, "DAI-001"), (3, "DAI-001"), (21, "DAI-001")]


@pytest.mark.xfail(reason="known gap: Kiwi reads part of these numbers as a name", strict=True)
@pytest.mark.parametrize("n", KNOWN_MISREAD)
def test_known_misread_counts(n: int) -> None:
    for text, lang in count_said(n):
        assert quantity_of(text, lang) == ("order", "우유" if lang == "ko" else "milk", n, None)
