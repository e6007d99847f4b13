"""The rules of typed text fields: card numbers in any disguise, invisible characters."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from assistant.shop.typed_text import (
    CARD_DIGITS_MIN,
    CARD_NUMBER,
    card_number_spans,
    has_card_number,
    hidden_character,
    redact_card_numbers,
    text_problem,
    tidy,
)

SEPARATORS = [" ", "  ", ".", "-", "_", " - ", "\u2013", "\u00a0", "\u3000", "\u200b", "\u00ad"]
WORDS = st.text(alphabet=st.sampled_from("우유계란집동호층역앞abcXYZ,/#()"), max_size=12)


@st.composite
def card_numbers(draw: st.DrawFn) -> str:
    """13-19 digits (Luhn-valid or not) written with separators people use between them."""
    digits = draw(st.text(alphabet="0123456789", min_size=13, max_size=19))
    out = []
    for i, digit in enumerate(digits):
        if i and draw(st.integers(0, 3)) == 0:
            out.append(draw(st.sampled_from(SEPARATORS)))
        out.append(digit)
    return "".join(out)


@st.composite
def without_card_numbers(draw: st.DrawFn) -> str:
    """Words and numbers of at most 12 digits, never joined into a longer run."""
    parts = draw(st.lists(st.tuples(WORDS, st.text(alphabet="0123456789", max_size=12))))
    return "가".join(word + number for word, number in parts)


@given(prefix=WORDS, number=card_numbers(), suffix=WORDS)
def test_a_card_number_is_found_wherever_it_hides(prefix: str, number: str, suffix: str) -> None:
    text = f"{prefix} {number} {suffix}"
    assert has_card_number(text)
    problem = text_problem(text)
    assert problem == CARD_NUMBER and problem.kind == "card-number" and not problem.fields
    shown = redact_card_numbers(text)
    digits = "".join(ch for ch in number if ch.isdecimal())
    assert digits not in "".join(ch for ch in shown if ch.isdecimal())
    assert number.strip() not in shown


@given(text=without_card_numbers())
def test_shorter_numbers_are_left_alone(text: str) -> None:
    assert not has_card_number(text)
    assert redact_card_numbers(text) == text


@given(number=card_numbers())
def test_the_refusal_never_repeats_the_number(number: str) -> None:
    assert text_problem(f"tok_{number}") == CARD_NUMBER  # a fixed value: nothing of the input


@pytest.mark.parametrize(
    "text",
    [
        "4242424242424242",
        "tok_4242424242424242",
        "4242.4242.4242.4242",
        "4242 4242 4242 4242",
        "4242-4242-4242-4241",  # not Luhn-valid: refused all the same
        "３７８２ ８２２４６３ １０００５",  # full-width Amex
        "4242\u200b4242\u200b4242\u200b4242",
        "card 6011 0009 9013 9424 exp 12/27",
        "4242424242424242424242",  # longer than 19: can hide one
        "1234567890123",  # 13 digits
    ],
)
def test_card_numbers(text: str) -> None:
    assert has_card_number(text)
    assert "[card number hidden]" in redact_card_numbers(text)


@pytest.mark.parametrize(
    "text",
    [
        "tok_demo_visa_4242",
        "010-1234-5678",
        "서울시 마포구 월드컵로 123-45, 101동 1502호",
        "우편번호 04001, 010-1234-5678",
        "123456789012",  # 12 digits
        "2024/12/31 10:30",
        "VISA",
    ],
)
def test_not_card_numbers(text: str) -> None:
    assert not has_card_number(text)
    assert text_problem(text) is None


def test_spans_cover_the_digits_only() -> None:
    text = "카드 4242 4242 4242 4242 번"
    ((start, end),) = card_number_spans(text)
    assert text[start:end] == "4242 4242 4242 4242"
    assert redact_card_numbers(text) == "카드 [card number hidden] 번"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("우\u200b유", "U+200B"),
        ("우\u200c유", "U+200C"),
        ("우\u200d유", "U+200D"),
        ("우\u2060유", "U+2060"),
        ("우\ufeff유", "U+FEFF"),
        ("우\u00ad유", "U+00AD"),
        ("우\x00유", "U+0000"),
        ("우\t유", "U+0009"),
        ("우\u2028유", "U+2028"),
        ("우\u202e유", "U+202E"),
        ("\u3164", "U+3164"),
        ("우\udcff유", "U+DCFF"),  # a byte that was not UTF-8 on the command line
    ],
)
def test_invisible_and_control_characters(text: str, code: str) -> None:
    found = hidden_character(text)
    assert found is not None and found[1] == code
    problem = text_problem(text)
    assert problem is not None and problem.kind == "hidden-character"
    assert problem.fields["codepoint"] == code and problem.fields["position"] == found[0] + 1


@pytest.mark.parametrize(
    ("text", "char"),
    [("우\t유", "tab"), ("우\n유", "line-break"), ("우\x00유", "nul"), ("우\udcff유", "not-utf8"),
     ("우\x07유", "control"), ("우\u200b유", "zero width space")],
)  # fmt: skip
def test_a_hidden_character_is_told_by_a_key_or_its_unicode_name(text: str, char: str) -> None:
    problem = text_problem(text)
    assert problem is not None and problem.fields == {
        "codepoint": f"U+{ord(text[1]):04X}", "char": char, "position": 2,
    }  # fmt: skip


@given(st.text(alphabet=st.characters(categories=["L", "N", "P", "S", "Zs", "M"]), max_size=40))
def test_visible_text_has_no_hidden_character(text: str) -> None:
    if not any(ch in "\u115f\u1160\u3164\uffa0" for ch in text):
        assert hidden_character(text) is None


def test_tidy_composes_hangul() -> None:
    decomposed = unicodedata.normalize("NFD", "  서울우유 ")
    assert decomposed != "서울우유" and tidy(decomposed) == "서울우유"
    assert CARD_DIGITS_MIN == 13
