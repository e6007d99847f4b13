"""Recurrence: which local days run, DST never doubles or drops a day, words for people."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from assistant.errors import ScheduleError
from assistant.locales import Msg, say_for
from assistant.nlu.schema import Schedule
from assistant.reorder.recurrence import Recurrence, between, next_after, schedule_fields, validate

SEOUL = ZoneInfo("Asia/Seoul")
NEW_YORK = ZoneInfo("America/New_York")


def describe_ko(rec: Recurrence) -> str:
    return say_for("ko")(Msg.SCHEDULE, **schedule_fields(rec))


def describe_en(rec: Recurrence) -> str:
    return say_for("en")(Msg.SCHEDULE, **schedule_fields(rec))


def local_days(rec: Recurrence, tz: ZoneInfo, start: date, end: date) -> list[date]:
    lo = datetime.combine(start, datetime.min.time(), tzinfo=tz)
    hi = datetime.combine(end, datetime.max.time(), tzinfo=tz)
    return [t.astimezone(tz).date() for t in between(rec, tz, lo, hi)]


def test_weekly_monday_at_nine_in_seoul() -> None:
    rec = Recurrence("weekly", date(2026, 11, 29), weekdays=("mon",))
    first = next_after(rec, SEOUL, datetime(2026, 11, 29, 3, tzinfo=UTC))
    assert first == datetime(2026, 11, 30, 0, tzinfo=UTC)  # 09:00 KST
    assert next_after(rec, SEOUL, first) == first + timedelta(weeks=1)
    assert describe_ko(rec) == "매주 월요일 오전 9시"
    assert describe_en(rec) == "every Monday at 9 am"


def test_every_other_week_counts_from_the_first_week_that_runs() -> None:
    rec = Recurrence("weekly", date(2026, 11, 29), interval=2, weekdays=("tue", "thu"))
    days = local_days(rec, SEOUL, date(2026, 11, 29), date(2026, 12, 31))
    assert days == [date(2026, 12, d) for d in (1, 3, 15, 17, 29, 31)]
    assert describe_ko(rec) == "격주 화·목요일 오전 9시"


def test_every_n_days_and_nothing_before_the_anchor() -> None:
    rec = Recurrence("daily", date(2026, 3, 10), interval=3, hour=7, minute=30)
    days = local_days(rec, SEOUL, date(2026, 3, 1), date(2026, 3, 20))
    assert days == [date(2026, 3, d) for d in (10, 13, 16, 19)]
    assert describe_ko(rec) == "3일마다 오전 7시 30분"
    assert describe_en(rec) == "every 3 days at 7:30 am"


def test_the_31st_falls_back_to_the_last_day_of_shorter_months() -> None:
    rec = Recurrence("monthly", date(2026, 1, 5), day=31)
    days = local_days(rec, SEOUL, date(2026, 1, 1), date(2026, 7, 1))
    assert days == [date(2026, 1, 31), date(2026, 2, 28), date(2026, 3, 31),
                    date(2026, 4, 30), date(2026, 5, 31), date(2026, 6, 30)]  # fmt: skip
    leap = local_days(rec, SEOUL, date(2028, 2, 1), date(2028, 3, 1))
    assert leap == [date(2028, 2, 29)]
    assert describe_ko(rec) == "매달 31일(짧은 달은 말일) 오전 9시"


def test_every_two_months_starts_with_the_first_month_on_or_after_the_anchor() -> None:
    rec = Recurrence("monthly", date(2026, 1, 20), interval=2, day=15)
    days = local_days(rec, SEOUL, date(2026, 1, 1), date(2026, 8, 1))
    assert days == [date(2026, 2, 15), date(2026, 4, 15), date(2026, 6, 15)]


def test_dst_spring_forward_runs_once_on_the_skipped_hour() -> None:
    rec = Recurrence("daily", date(2026, 3, 1), hour=2, minute=30)  # 02:30 does not exist 3/8
    runs = between(
        rec, NEW_YORK, datetime(2026, 3, 7, tzinfo=UTC), datetime(2026, 3, 10, tzinfo=UTC)
    )
    local = [t.astimezone(NEW_YORK) for t in runs]
    assert [t.date() for t in local] == [date(2026, 3, 7), date(2026, 3, 8), date(2026, 3, 9)]
    assert local[1].hour == 3  # the skipped hour runs an hour later on the wall clock


def test_dst_fall_back_runs_once_on_the_repeated_hour() -> None:
    rec = Recurrence("daily", date(2026, 10, 1), hour=1, minute=30)  # 01:30 twice on 11/1
    runs = between(
        rec, NEW_YORK, datetime(2026, 10, 31, tzinfo=UTC), datetime(2026, 11, 3, tzinfo=UTC)
    )
    assert len(runs) == 3
    assert runs[1] == datetime(2026, 11, 1, 5, 30, tzinfo=UTC)  # the first 01:30 (EDT)
    # walking with next_after visits the same instants, never the second 01:30
    walked, t = [], datetime(2026, 10, 31, tzinfo=UTC)
    for _ in range(3):
        t = next_after(rec, NEW_YORK, t)
        walked.append(t)
    assert walked == runs


def test_next_after_is_strictly_after_and_between_is_inclusive() -> None:
    rec = Recurrence("daily", date(2026, 1, 1))
    at_nine = datetime(2026, 1, 2, 0, tzinfo=UTC)
    assert next_after(rec, SEOUL, at_nine) == at_nine + timedelta(days=1)
    assert between(rec, SEOUL, at_nine, at_nine) == [at_nine]
    assert between(rec, SEOUL, at_nine, at_nine - timedelta(seconds=1)) == []


def test_from_schedule_and_json_round_trip() -> None:
    schedule = Schedule("weekly", 1, ("mon", "wed", "fri"), None, None)
    rec = Recurrence.from_schedule(schedule, date(2026, 11, 29))
    assert rec.hour == 9
    assert Recurrence.from_json(rec.to_json()) == rec
    assert describe_ko(rec) == "매주 월·수·금요일 오전 9시"
    assert describe_en(rec) == "every Monday, Wednesday and Friday at 9 am"


@pytest.mark.parametrize(
    "rec",
    [
        Recurrence("hourly", date(2026, 1, 1)),
        Recurrence("daily", date(2026, 1, 1), interval=0),
        Recurrence("weekly", date(2026, 1, 1), weekdays=("funday",)),
        Recurrence("daily", date(2026, 1, 1), weekdays=("mon",)),
        Recurrence("monthly", date(2026, 1, 1), day=32),
        Recurrence("daily", date(2026, 1, 1), hour=24),
        Recurrence("daily", date(2026, 1, 1), minute=60),
    ],
)
def test_schedules_that_cannot_be_kept_are_refused(rec: Recurrence) -> None:
    with pytest.raises(ScheduleError):
        validate(rec)


def test_broken_stored_json_is_a_schedule_error() -> None:
    with pytest.raises(ScheduleError):
        Recurrence.from_json({"freq": "weekly"})
    with pytest.raises(ScheduleError):
        Recurrence.from_json({"freq": "weekly", "anchor": "not a date"})
