"""Numbers in reply lines are rewritten the way a Korean speaker reads them."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from assistant.nlu.numbers import parse_sino, to_native
from assistant.speech.korean_reading import COUNTERS, Reading, sino_number, spoken_korean


@pytest.mark.parametrize(
    ("text", "spoken"),
    [
        ("5,160원", "오천백육십 원"),
        ("12,000원", "만 이천 원"),
        ("10,000원", "만 원"),
        ("110,000원", "십일만 원"),
        ("1,000원", "천 원"),
        ("990원", "구백구십 원"),
        ("회원가 5,580원입니다.", "회원가 오천오백팔십 원입니다."),
        ("합계 12,345,678원", "합계 천이백삼십사만 오천육백칠십팔 원"),
        ("99,999,999원", "구천구백구십구만 구천구백구십구 원"),
        ("100,000,000원", "일억 원"),
        ("123,456,789원", "일억 이천삼백사십오만 육천칠백팔십구 원"),
        ("5160원", "오천백육십 원"),
    ],
)
def test_prices_are_sino_korean_with_man_and_eok(text: str, spoken: str) -> None:
    assert spoken_korean(text) == spoken


@pytest.mark.parametrize(
    ("text", "spoken"),
    [
        ("2팩", "두 팩"),
        ("1판", "한 판"),
        ("24개", "스물네 개"),
        ("20개", "스무 개"),
        ("3병", "세 병"),
        ("4봉지", "네 봉지"),
        ("2봉", "두 봉"),
        ("1송이", "한 송이"),
        ("11박스", "열한 박스"),
        ("6캔", "여섯 캔"),
        ("1모", "한 모"),
        ("1포대", "한 포대"),
        ("2묶음", "두 묶음"),
        ("1통", "한 통"),
        ("3마리", "세 마리"),
        ("1망", "한 망"),
        ("2단", "두 단"),
        ("1포기", "한 포기"),
        ("3가지", "세 가지"),
        ("2 개", "두 개"),
        ("리뷰 1,204개", "리뷰 천이백사 개"),
        ("100개", "백 개"),
        ("서울우유 외 2개 상품", "서울우유 외 두 개 상품"),
    ],
)
def test_counts_before_native_counters(text: str, spoken: str) -> None:
    assert spoken_korean(text) == spoken


@pytest.mark.parametrize(
    ("text", "spoken"),
    [
        ("주문 번호 3번", "주문 번호 삼 번"),
        (
            "주문했어요. 주문 번호 12번, 합계 5,580원.",
            "주문했어요. 주문 번호 십이 번, 합계 오천오백팔십 원.",
        ),
        ("7번 주문을 취소했어요.", "칠 번 주문을 취소했어요."),
        ("1번부터 3번 중에서 골라 주세요.", "일 번부터 삼 번 중에서 골라 주세요."),
    ],
)
def test_order_and_choice_numbers(text: str, spoken: str) -> None:
    assert spoken_korean(text) == spoken


@pytest.mark.parametrize(
    ("text", "spoken"),
    [
        ("평점 4.6점", "평점 사 점 육 점"),
        ("평점 5.0점", "평점 오 점 영 점"),
        ("평점 4.6점, 리뷰 1,204개", "평점 사 점 육 점, 리뷰 천이백사 개"),
        ("5점", "오 점"),
    ],
)
def test_ratings(text: str, spoken: str) -> None:
    assert spoken_korean(text) == spoken


@pytest.mark.parametrize(
    ("text", "spoken"),
    [
        ("1L", "일 리터"),
        ("1.5L", "일 점 오 리터"),
        ("900ml", "구백 밀리리터"),
        ("500 mL", "오백 밀리리터"),
        ("2kg", "이 킬로그램"),
        ("300g", "삼백 그램"),
        ("30구", "삼십 구"),
        ("10% 할인", "십 퍼센트 할인"),
        ("2인분", "이 인분"),
        (
            "서울우유 흰우유 1L 2팩, 회원가 5,580원입니다. 주문할까요?",
            "서울우유 흰우유 일 리터 두 팩, 회원가 오천오백팔십 원입니다. 주문할까요?",
        ),
        ("특란 30구 1판", "특란 삼십 구 한 판"),
    ],
)
def test_sizes_and_units(text: str, spoken: str) -> None:
    assert spoken_korean(text) == spoken


@pytest.mark.parametrize(
    "text",
    [
        "",
        "장바구니가 비어 있어요.",
        "우유 두 개 주문해 줘",
        "2024년 5월",  # no counter: espeak-ng's own reading is kept
        "3개월",  # 개월 is not 개: 삼 개월, not 세 개월
        "2단계",
        "1번째",
        "2gb",  # "g" is a unit only on its own
        "1,20개",  # not a well-formed number
        "1,000,000,000,000원",  # beyond what is spelled out
        "hello 42 world",
    ],
)
def test_other_text_is_left_alone(text: str) -> None:
    assert spoken_korean(text) == text


@given(st.integers(min_value=1, max_value=99))
def test_native_count_property(n: int) -> None:
    assert spoken_korean(f"{n}개") == f"{to_native(n, attributive=True)} 개"


def test_every_native_counter_and_count() -> None:
    native = [c for c, (reading, _) in COUNTERS.items() if reading is Reading.NATIVE]
    for counter in native:
        for n in range(1, 100):
            assert spoken_korean(f"{n}{counter}") == f"{to_native(n, attributive=True)} {counter}"


def _parse_grouped_sino(words: str) -> int:
    """Inverse of :func:`sino_number` for tests: 억/만 groups of Sino-Korean words."""
    total = 0
    for group in words.split():
        for name, size in (("억", 10**8), ("만", 10**4)):
            if group.endswith(name):
                head = group[: -len(name)]
                value = parse_sino(head) if head else 1
                assert value is not None, group
                total += value * size
                break
        else:
            value = parse_sino(group)
            assert value is not None, group
            total += value
    return total


@given(st.integers(min_value=1, max_value=99_999_999))
def test_prices_round_trip(n: int) -> None:
    spoken = spoken_korean(f"{n:,}원")
    assert spoken.endswith(" 원")
    assert not any(ch.isdigit() for ch in spoken)
    assert _parse_grouped_sino(spoken.removesuffix(" 원")) == n


def test_sino_number_range() -> None:
    assert sino_number(0) == "영"
    with pytest.raises(ValueError):
        sino_number(-1)
    with pytest.raises(ValueError):
        sino_number(10**12)
