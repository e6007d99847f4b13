"""Recurring-order schedules in Korean and English utterances."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from assistant.nlu.numbers import to_english, to_native, to_sino
from assistant.nlu.schedule import parse_schedule
from assistant.nlu.schema import Schedule

WORKDAYS = ("mon", "tue", "wed", "thu", "fri")


def daily(interval: int = 1, hour: int | None = None) -> Schedule:
    return Schedule("daily", interval, (), None, hour)


def weekly(*days: str, interval: int = 1, hour: int | None = None) -> Schedule:
    return Schedule("weekly", interval, days, None, hour)


def monthly(day: int | None = None, interval: int = 1, hour: int | None = None) -> Schedule:
    return Schedule("monthly", interval, (), day, hour)


KOREAN = [
    # daily
    ("매일 우유 한 팩 주문해 줘", daily()),
    ("날마다 사과 주문", daily()),
    ("날 마다 사과 주문", daily()),
    ("하루에 한 번 물 배달해 줘", daily()),
    ("하루에 한번씩 두유", daily()),
    ("3일마다 바나나 주문해 줘", daily(3)),
    ("3일에 한 번 바나나", daily(3)),
    ("이틀마다 식빵 주문", daily(2)),
    ("사흘마다 상추", daily(3)),
    ("이틀에 한 번씩 우유", daily(2)),
    ("삼일마다 계란", daily(3)),
    ("십오 일마다 쌀", daily(15)),
    ("격일로 우유", daily(2)),
    ("보름마다 휴지", daily(15)),
    # weekly with weekdays
    ("매주 월요일마다 달걀 한 판 자동 주문해 줘", weekly("mon")),
    ("매 주 월요일 마다 달걀 한 판", weekly("mon")),
    ("월요일마다 우유 두 개", weekly("mon")),
    ("월요일 마다 우유", weekly("mon")),
    ("매주 월요일이랑 목요일 두부 주문해 줘", weekly("mon", "thu")),
    ("목요일하고 월요일마다 두부", weekly("mon", "thu")),
    ("월수금마다 빵 주문해 줘", weekly("mon", "wed", "fri")),
    ("월 수 금 마다 빵", weekly("mon", "wed", "fri")),
    ("주말마다 맥주 여섯 캔", weekly("sat", "sun")),
    ("매주말 맥주", weekly("sat", "sun")),
    ("평일마다 우유", weekly(*WORKDAYS)),
    ("매 일요일 꽃 주문", weekly("sun")),
    ("일주일에 두 번 월요일이랑 목요일에 우유", weekly("mon", "thu")),
    # weekly without weekdays, and intervals
    ("매주 휴지 주문해 줘", weekly()),
    ("일주일에 한 번 생수", weekly()),
    ("일주일에 한번씩 생수", weekly()),
    ("주 1회 생수 배달", weekly()),
    ("일주일마다 생수", weekly()),
    ("격주로 쌀 주문해 줘", weekly(interval=2)),
    ("격주 토요일 쌀", weekly("sat", interval=2)),
    ("2주마다 세제", weekly(interval=2)),
    ("이 주마다 세제", weekly(interval=2)),
    ("두 주마다 세제", weekly(interval=2)),
    ("3주에 한 번 세제", weekly(interval=3)),
    ("이주일에 한 번 세제", weekly(interval=2)),
    # monthly
    ("매달 15일에 쌀 주문해 줘", monthly(15)),
    ("매월 1일 휴지", monthly(1)),
    ("매달 15일마다 쌀", monthly(15)),
    ("매월 십오일 쌀", monthly(15)),
    ("매월 일일 쌀", monthly(1)),
    ("달마다 쌀 주문", monthly()),
    ("한 달에 한 번 쌀", monthly()),
    ("한달에 한번씩 15일에 쌀", monthly(15)),
    ("매달 쌀 주문해 줘", monthly()),
    ("두 달마다 치약", monthly(interval=2)),
    ("3개월마다 치약", monthly(interval=3)),
    ("석 달에 한 번 치약", monthly(interval=3)),
    ("격월로 치약", monthly(interval=2)),
    # time of day
    ("매일 아침 우유", daily(hour=8)),
    ("아침마다 우유", daily(hour=8)),
    ("매일 점심에 도시락", daily(hour=12)),
    ("매일 저녁 두부", daily(hour=18)),
    ("매일 밤 우유", daily(hour=21)),
    ("매일 오전 9시 우유", daily(hour=9)),
    ("매일 오전 12시 우유", daily(hour=0)),
    ("매일 오후 3시에 우유", daily(hour=15)),
    ("매일 오후 12시 우유", daily(hour=12)),
    ("매일 7시 우유", daily(hour=7)),
    ("매일 오전 아홉 시에 우유", daily(hour=9)),
    ("매일 아침 7시 우유", daily(hour=7)),
    ("매일 열두 시 우유", daily(hour=12)),
    ("매주 금요일 저녁 7시 맥주", weekly("fri", hour=19)),
    ("월요일 아침마다 우유", weekly("mon", hour=8)),
    ("2주마다 토요일 오후 두 시 쌀", weekly("sat", interval=2, hour=14)),
    ("매달 1일 오전 10시 휴지", monthly(1, hour=10)),
]

ENGLISH = [
    ("order milk every day", daily()),
    ("daily eggs please", daily()),
    ("everyday bananas", daily()),
    ("once a day water", daily()),
    ("every morning", daily(hour=8)),
    ("milk every evening", daily(hour=18)),
    ("every night", daily(hour=21)),
    ("every 3 days", daily(3)),
    ("every other day", daily(2)),
    ("every Monday", weekly("mon")),
    ("eggs every Monday and Thursday", weekly("mon", "thu")),
    ("every Monday, Wednesday and Friday", weekly("mon", "wed", "fri")),
    ("bread on Mondays", weekly("mon")),
    ("every weekday", weekly(*WORKDAYS)),
    ("beer every weekend", weekly("sat", "sun")),
    ("weekly", weekly()),
    ("every week", weekly()),
    ("once a week", weekly()),
    ("every two weeks", weekly(interval=2)),
    ("every 2 weeks", weekly(interval=2)),
    ("biweekly", weekly(interval=2)),
    ("bi-weekly rice", weekly(interval=2)),
    ("every other week", weekly(interval=2)),
    ("every other Monday", weekly("mon", interval=2)),
    ("weekly on Sundays", weekly("sun")),
    ("once a month", monthly()),
    ("monthly", monthly()),
    ("every month", monthly()),
    ("on the 1st of every month", monthly(1)),
    ("on the 15th of each month", monthly(15)),
    ("every month on the 3rd", monthly(3)),
    ("on the first of every month", monthly(1)),
    ("every two months", monthly(interval=2)),
    ("every day at 9 am", daily(hour=9)),
    ("every day at 7pm", daily(hour=19)),
    ("every day at 9", daily(hour=9)),
    ("every day at 9 p.m.", daily(hour=21)),
    ("every day at nine a m", daily(hour=9)),
    ("every day at 12 am", daily(hour=0)),
    ("every Friday at 7 in the evening", weekly("fri", hour=19)),
    ("every Monday morning", weekly("mon", hour=8)),
    ("every day at noon", daily(hour=12)),
]

NOT_SCHEDULES_KO = [
    "우유 두 개 주문해 줘",
    "내일 아침에 우유 주문해 줘",
    "월요일에 뭐 해?",
    "오후 3시에 배달해 줘",
    "다음 주 월요일에 우유",
    "장바구니 보여 줘",
    "매일우유 두 개 주문해 줘",  # the brand, not "every day"
    "매 주문마다 포인트 적립돼?",
    "두 시간마다",  # every two hours: not representable
    "",
]
UNSUPPORTED_KO = [
    "매달 0일 쌀",
    "매달 32일 쌀",
    "매월 삼십이일 쌀",
    "0일마다 우유",
    "하루에 두 번 우유",  # twice a day: not representable
    "주 2회 우유",  # twice a week, but which days?
    "매달 1일이랑 15일에 쌀",  # two days of the month
    "매일 아침저녁으로 약",  # twice a day
]
NOT_SCHEDULES_EN = [
    "order milk",
    "tomorrow at 9",
    "add two eggs",
    "show me the daily deals",
    "deliver on Monday",
    "",
]
UNSUPPORTED_EN = [
    "twice a week",
    "twice a day",
    "every 0 days",
    "on the 32nd of every month",
    "on the 1st and the 15th of every month",
    "every day, morning and evening",
]


@pytest.mark.parametrize(("text", "expected"), KOREAN)
def test_korean(text: str, expected: Schedule) -> None:
    assert parse_schedule(text, "ko") == expected


@pytest.mark.parametrize(("text", "expected"), ENGLISH)
def test_english(text: str, expected: Schedule) -> None:
    assert parse_schedule(text, "en") == expected


@pytest.mark.parametrize("text", NOT_SCHEDULES_KO + UNSUPPORTED_KO)
def test_korean_without_a_schedule(text: str) -> None:
    assert parse_schedule(text, "ko") is None


@pytest.mark.parametrize("text", NOT_SCHEDULES_EN + UNSUPPORTED_EN)
def test_english_without_a_schedule(text: str) -> None:
    assert parse_schedule(text, "en") is None


def test_tables_are_large_enough() -> None:
    assert len(KOREAN) >= 35
    assert len(ENGLISH) >= 20


@given(st.integers(min_value=2, max_value=30))
def test_every_n_days_and_day_of_month(n: int) -> None:
    assert parse_schedule(f"{n}일마다", "ko") == daily(n)
    assert parse_schedule(f"{to_sino(n)}일마다", "ko") == daily(n)
    assert parse_schedule(f"매달 {n}일", "ko") == monthly(n)
    assert parse_schedule(f"매달 {to_sino(n)}일 우유", "ko") == monthly(n)
    assert parse_schedule(f"every {to_english(n)} days", "en") == daily(n)
    assert parse_schedule(f"every {n} days", "en") == daily(n)


@given(st.integers(min_value=2, max_value=12))
def test_every_n_weeks_and_months(n: int) -> None:
    assert parse_schedule(f"{to_native(n, attributive=True)} 주마다", "ko") == weekly(interval=n)
    assert parse_schedule(f"{n}개월마다", "ko") == monthly(interval=n)
    assert parse_schedule(f"every {to_english(n)} weeks", "en") == weekly(interval=n)
    assert parse_schedule(f"every {n} months", "en") == monthly(interval=n)


@given(st.integers(min_value=1, max_value=11))
def test_korean_clock_hours(n: int) -> None:
    assert parse_schedule(f"매일 오전 {to_native(n, attributive=True)} 시", "ko") == daily(hour=n)
    assert parse_schedule(f"매일 오후 {n}시", "ko") == daily(hour=n + 12)


def test_schedule_inside_a_longer_sentence_round_trips_to_json() -> None:
    schedule = parse_schedule("음 그 매주 월요일이랑 목요일 아침에 달걀 한 판 자동 주문해 줘", "ko")
    assert schedule is not None
    assert schedule.to_json() == {
        "freq": "weekly",
        "interval": 1,
        "weekdays": ["mon", "thu"],
        "day": None,
        "hour": 8,
    }
