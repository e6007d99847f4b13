"""Text as households and their keyboards send it: NFD-decomposed Hangul (macOS, some IMEs),
full-width digits and Latin, zero-width characters, compatibility forms (①, ㎏) are understood
like their ordinary forms, in the parser, the choice answers and the PIN."""

from __future__ import annotations

import sqlite3
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from assistant.nlu.analysis import clean, normal_form
from assistant.nlu.choice import parse_choice
from assistant.nlu.pin import parse_pin
from assistant.shop.vocabulary import load_parser
from tests.conftest import run_jangbogi
from tests.test_golden import CASES

Talk = Callable[..., list[str]]
ZWSP, ZWNJ, ZWJ, BOM, WORD_JOINER, SOFT_HYPHEN = (
    "\u200b", "\u200c", "\u200d", "\ufeff", "\u2060", "\u00ad"
)  # fmt: skip


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def full_width(text: str) -> str:
    """ASCII letters, digits and signs as their full-width forms, spaces as ideographic ones."""
    return "".join(
        "\u3000" if ch == " " else chr(ord(ch) + 0xFEE0) if "!" <= ch <= "~" else ch for ch in text
    )


def zero_width(text: str) -> str:
    """An invisible character after every other character."""
    marks = (ZWSP, ZWNJ, ZWJ, WORD_JOINER, SOFT_HYPHEN)
    return BOM + "".join(ch + marks[i % len(marks)] for i, ch in enumerate(text))


def orders_in(db_url: str) -> list[tuple[object, ...]]:
    con = sqlite3.connect(db_url.removeprefix("sqlite:///"))
    try:
        return con.execute(
            "select o.id, l.quantity, p.sku from orders o join order_lines l on l.order_id = o.id"
            " join products p on p.id = l.product_id order by o.id"
        ).fetchall()
    finally:
        con.close()


# -- the normal form -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "reads"),
    [
        (nfd("우유 두 개 주문해 줘"), "우유 두 개 주문해 줘"),
        ("우유 ２개", "우유 2개"),
        ("ｏｒｄｅｒ ｍｉｌｋ", "order milk"),
        (f"우{ZWSP}유 두{ZWNJ}개{BOM}", "우유 두개"),
        ("우유\u3164두 개", "우유 두 개"),  # a Hangul filler shows as a blank
        ("①번", "1번"),
        ("쌀 10㎏", "쌀 10kg"),
        ("우유 ٣개", "우유 3개"),  # any script's digits
        ("ㅋㅋ 우유", "ㅋㅋ 우유"),  # compatibility jamo stay as typed (NFKC would split them)
        ("ㅇㅇ", "ㅇㅇ"),
        ("[2] 개 (십) {만} [일]", "[2] 개 (십) {만} [일]"),  # Vosk's tokens, for clean()
        ("plain ascii 123", "plain ascii 123"),
    ],
)
def test_the_normal_form(typed: str, reads: str) -> None:
    assert normal_form(typed) == reads


@given(st.text(max_size=40))
def test_the_normal_form_is_stable(text: str) -> None:
    once = normal_form(text)
    assert normal_form(once) == once
    assert clean(clean(text)) == clean(text)


@given(st.text(alphabet=st.characters(min_codepoint=0xAC00, max_codepoint=0xD7A3), max_size=20))
def test_nfd_hangul_is_composed_again(text: str) -> None:
    assert normal_form(nfd(text)) == text
    assert normal_form(zero_width(text)) == text


def test_every_golden_sentence_means_the_same_in_nfd_full_width_and_with_zero_width_marks() -> None:
    parser = load_parser()
    for lang, _, entry in CASES:
        text = str(entry["text"])
        want = parser.parse(text, lang)
        for variant in (nfd(text), full_width(text), zero_width(text)):
            got = parser.parse(variant)  # the language is detected from the variant too
            assert (got.lang, got.name, got.slots) == (lang, want.name, want.slots), variant


def test_choices_and_pins_in_full_width_or_other_digits() -> None:
    assert parse_choice("２번") == 2
    assert parse_choice("두 번째 거") == 2
    assert parse_choice(nfd("세 번째")) == 3
    assert parse_choice("①") == 1
    assert parse_pin("１２３４") == "1234"
    assert parse_pin(f"1{ZWSP}2{ZWSP}3{ZWSP}4") == "1234"
    assert parse_pin("비밀번호는 ４３２１이야") == "4321"
    assert parse_pin("١٢٣٤") == "1234"
    assert parse_pin("１２３") is None and parse_pin("፩፪፫፬") is None  # Ethiopic: not decimal


# -- the real command and the database -------------------------------------------------------


def test_a_whole_purchase_typed_in_nfd_and_full_width_orders_like_the_plain_one(
    talk: Talk, db_url: str
) -> None:
    plain = ["우유 두 개 주문해 줘", "1번", "응"]
    odd = [nfd(plain[0]), "１번", nfd("응")]
    replies = talk(*odd)
    assert replies[0].startswith("우유는 8가지가 있어요") and "장보기만" not in replies[0]
    assert "서울우유 흰우유 1L 2팩" in replies[1] and replies[1].endswith("주문할까요?")
    assert replies[2].startswith("주문했어요. 주문 번호 1번")
    assert orders_in(db_url) == [(1, 2, "DAI-001")]
    again = talk(*plain[:2])[1]  # the plain spelling is the very same order
    assert again.startswith("방금 같은 주문을 받았어요(주문 번호 1번")
    assert len(orders_in(db_url)) == 1


def test_zero_width_marks_and_full_width_english(talk: Talk, db_url: str) -> None:
    replies = talk(zero_width("서울우유 흰우유 1L 세 개 주문해 줘"), "네")
    assert "서울우유 흰우유 1L 3팩" in replies[0] and replies[1].startswith("주문했어요")
    english = talk(*(full_width(line) for line in ("order two milks", "number 4", "yes")))
    assert english[0].startswith("There are ") and english[0].endswith("Which number?")
    assert "4: Maeil Original Milk" in english[0]  # English replies use English names
    assert english[1].endswith("Shall I order?") and english[2].startswith("Ordered.")
    assert orders_in(db_url) == [(1, 3, "DAI-001"), (2, 2, "DAI-002")]


def test_a_full_width_pin_is_the_pin(db_url: str, tmp_path: Path) -> None:
    assert run_jangbogi("household", "pin", "set", "--db", db_url, stdin="1234\n").code == 0
    result = run_jangbogi(
        "text", "--db", db_url, stdin="서울우유 흰우유 1L 1개 주문해줘\n응\n１２３４\n"
    )
    assert result.code == 0, result.err
    assert result.lines[1] == "비밀번호 네 자리를 말씀해 주세요."
    assert result.lines[2].startswith("주문했어요") and "1234" not in result.out
    assert orders_in(db_url) == [(1, 1, "DAI-001")]
    con = sqlite3.connect(db_url.removeprefix("sqlite:///"))
    try:
        assert con.execute("select failed_pin_attempts from households").fetchall() == [(0,)]
    finally:
        con.close()
