"""Reorder errors carry a code and fields (locales/*/errors-reorder.ftl): the Korean catalog says
what the old raise sites said, byte for byte, and English says each type's sentence as before."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from assistant.errors import (
    ConfirmationError,
    ErrorCode,
    JangbogiError,
    NotAllowedError,
    NotFoundError,
    PeriodTakenError,
    PinRequiredError,
    ScheduleError,
    SubscriptionError,
)
from assistant.locales import say_for
from assistant.reorder.recurrence import Recurrence, next_after, validate, zone

SCHEDULE_EN = "Sorry, I can't keep that schedule. Try 'every Monday' or 'every 3 days'."
CASES: list[tuple[JangbogiError, str]] = [
    (ScheduleError(ErrorCode.SCHEDULE_UNREADABLE, data=repr({"freq": "weekly"})),
     "저장된 일정을 읽을 수 없어요: {'freq': 'weekly'}"),
    (ScheduleError(ErrorCode.SCHEDULE_ZONE, name="Mars/Base"), "알 수 없는 시간대예요: Mars/Base"),
    (NotFoundError(ErrorCode.SUBSCRIPTION_PRODUCT_GONE), "그 상품이 없어요."),
    (ConfirmationError(ErrorCode.SUBSCRIBE_NOT_ASKED),
     "확인받은 정기 배송 요청이 없어요. 다시 말씀해 주세요."),
    (ConfirmationError(ErrorCode.SUBSCRIBE_EXPIRED), "확인 시간이 지났어요. 다시 말씀해 주세요."),
    (PinRequiredError(ErrorCode.SUBSCRIBE_PIN_REQUIRED),
     "정기 배송을 시작하려면 비밀번호 네 자리가 필요해요."),
    (SubscriptionError(ErrorCode.SUBSCRIPTION_SKU_NOT_SOLD, sku="DAI-001"),
     "DAI-001는 더 이상 팔지 않는 상품이에요."),
    (NotFoundError(ErrorCode.SUBSCRIPTION_NO_MATCH, wanted="우유"), "'우유'에 맞는 상품이 없어요."),
    (SubscriptionError(ErrorCode.SUBSCRIPTION_AMBIGUOUS, wanted="우유", names="A 1, B 2"),
     "'우유'에 맞는 상품이 여럿이에요 (A 1, B 2). SKU로 정해 주세요."),
    (NotFoundError(ErrorCode.SUBSCRIPTION_NOT_FOUND, id=1234), "1234번 정기 배송이 없어요."),
    (NotAllowedError(ErrorCode.SUBSCRIPTION_ADULTS_ONLY),
     "정기 배송은 어른만 신청하거나 바꿀 수 있어요."),
    (SubscriptionError(ErrorCode.SUBSCRIPTION_NOT_SOLD, name="우유 1L", name_en="milk"),
     "우유 1L은(는) 더 이상 팔지 않는 상품이에요."),
    (SubscriptionError(ErrorCode.SUBSCRIPTION_DUPLICATE, name="우유 1L", name_en="milk", id=3,
                       paused=False), "같은 일정의 우유 1L 정기 배송이 이미 있어요: 3번."),
    (SubscriptionError(ErrorCode.SUBSCRIPTION_DUPLICATE, name="우유 1L", name_en="milk", id=3,
                       paused=True),
     "같은 일정의 우유 1L 정기 배송이 이미 있어요: 3번 (멈춰 있어요: 'resume'으로 다시 시작할 수 "
     "있어요)."),
    (SubscriptionError(ErrorCode.SUBSCRIPTION_STATE, id=7, state="paused", action="resume"),
     "7번 정기 배송은 멈춰 있어서 다시 시작할 수 없어요."),
    (SubscriptionError(ErrorCode.SUBSCRIPTION_STATE, id=7, state="active", action="pause"),
     "7번 정기 배송은 진행 중이라 멈출 수 없어요."),
    (SubscriptionError(ErrorCode.SUBSCRIPTION_STATE, id=7, state="cancelled", action="skip"),
     "7번 정기 배송은 해지돼서 건너뛸 수 없어요."),
    (SubscriptionError(ErrorCode.SUBSCRIPTION_STATE, id=7, state="cancelled", action="cancel"),
     "7번 정기 배송은 해지돼서 해지할 수 없어요."),
    (SubscriptionError(ErrorCode.SUBSCRIPTION_PERIOD_TAKEN, id=5),
     "5번 정기 배송의 이번 회차는 이미 처리됐어요."),
    (PeriodTakenError(ErrorCode.PERIOD_TAKEN, id=5, first="2026-11-30T00:00Z"),
     "subscription 5: periods from 2026-11-30T00:00Z were already recorded as missed"),
]  # fmt: skip


@pytest.mark.parametrize(("exc", "korean"), CASES)
def test_korean_says_what_the_raise_said(exc: JangbogiError, korean: str) -> None:
    assert exc.code is not None
    assert say_for("ko").error(exc) == korean
    assert say_for("en").error(exc)  # every code has an English sentence


@pytest.mark.parametrize(
    ("rec", "korean"),
    [
        (Recurrence("yearly", date(2026, 1, 1)),
         "반복 주기는 매일, 매주, 매달 중 하나여야 해요 (받은 값: yearly)."),
        (Recurrence("weekly", date(2026, 1, 1), interval=53),
         "반복 간격은 1에서 52 사이여야 해요 (받은 값: 53)."),
        (Recurrence("weekly", date(2026, 1, 1), weekdays=("mon", "xyz", "abc")),
         "요일을 알 수 없어요: xyz, abc (mon..sun)."),
        (Recurrence("daily", date(2026, 1, 1), weekdays=("mon",)),
         "요일은 매주 반복하는 일정에만 정할 수 있어요."),
        (Recurrence("monthly", date(2026, 1, 1), day=32),
         "날짜는 매달 반복하는 일정에 1에서 31 사이로 정해 주세요 (32)."),
        (Recurrence("daily", date(2026, 1, 1), hour=24, minute=5),
         "시각이 올바르지 않아요: 24:05."),
    ],
)  # fmt: skip
def test_a_schedule_that_cannot_be_kept(rec: Recurrence, korean: str) -> None:
    with pytest.raises(ScheduleError) as caught:
        validate(rec)
    assert say_for("ko").error(caught.value) == korean
    assert say_for("en").error(caught.value) == SCHEDULE_EN


def test_past_the_calendar_names_the_schedule() -> None:
    rec = Recurrence("weekly", date(9999, 12, 1), weekdays=("mon",), hour=18, minute=30)
    with pytest.raises(ScheduleError) as caught:
        next_after(rec, zone("Asia/Seoul"), datetime(9999, 12, 30, tzinfo=UTC))
    assert say_for("ko").error(caught.value) == (
        "일정의 다음 날짜가 달력 끝(9999년)을 넘어요: 매주 월요일 오후 6시 30분, 9999-12-30 이후."
    )
    assert say_for("en").error(caught.value) == SCHEDULE_EN
    with pytest.raises(ScheduleError) as caught:
        zone("Mars/Base")
    assert caught.value.code is ErrorCode.SCHEDULE_ZONE


def test_english_of_a_subscription_refusal_names_the_english_product() -> None:
    exc = SubscriptionError(ErrorCode.SUBSCRIPTION_NOT_SOLD, name="우유 1L", name_en="milk")
    assert say_for("en").error(exc) == "Sorry, that didn't work: milk is no longer sold."
