"""The schedule and time-of-day messages of the catalogs (locales/*/schedule.ftl) say what the
hand-written describe_ko/describe_en and time_ko/time_en said, byte for byte."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.locales import Msg, say_for
from assistant.nlu.schedule import WEEKDAYS
from assistant.reorder.recurrence import MAX_INTERVAL, Recurrence, clock_fields, schedule_fields
from tests import schedule_words_old as old


@st.composite
def recurrences(draw: st.DrawFn) -> Recurrence:
    freq = draw(st.sampled_from(["daily", "weekly", "monthly"]))
    interval = draw(st.one_of(st.integers(1, 4), st.integers(1, MAX_INTERVAL[freq])))
    weekdays: tuple[str, ...] = ()
    if freq == "weekly":
        chosen = draw(st.sets(st.sampled_from(WEEKDAYS), max_size=7))
        weekdays = tuple(d for d in WEEKDAYS if d in chosen)
    day = draw(st.one_of(st.none(), st.integers(1, 31))) if freq == "monthly" else None
    anchor = draw(st.dates(date(2000, 1, 1), date(2100, 12, 31)))
    return Recurrence(freq, anchor, interval, weekdays, day, draw(st.integers(0, 23)),
                      draw(st.sampled_from([0, 5, 30, 59])))  # fmt: skip


@settings(max_examples=1500, deadline=None)
@given(recurrences())
def test_the_catalogs_describe_a_schedule_as_the_old_functions_did(rec: Recurrence) -> None:
    assert say_for("ko")(Msg.SCHEDULE, **schedule_fields(rec)) == old.describe_ko(rec)
    assert say_for("en")(Msg.SCHEDULE, **schedule_fields(rec)) == old.describe_en(rec)


def test_every_weekday_set_and_month_day() -> None:
    """All 128 sets of weekdays at intervals 1, 2, 3 and every day of the month."""
    for mask in range(128):
        days = tuple(d for i, d in enumerate(WEEKDAYS) if mask >> i & 1)
        for interval in (1, 2, 3):
            rec = Recurrence("weekly", date(2026, 12, 2), interval, days, hour=18, minute=30)
            assert say_for("ko")(Msg.SCHEDULE, **schedule_fields(rec)) == old.describe_ko(rec)
            assert say_for("en")(Msg.SCHEDULE, **schedule_fields(rec)) == old.describe_en(rec)
    for day in range(1, 32):
        for interval in (1, 2, 12):
            rec = Recurrence("monthly", date(2026, 12, 2), interval, day=day, hour=0)
            assert say_for("ko")(Msg.SCHEDULE, **schedule_fields(rec)) == old.describe_ko(rec)
            assert say_for("en")(Msg.SCHEDULE, **schedule_fields(rec)) == old.describe_en(rec)


@pytest.mark.parametrize("hour", range(24))
def test_every_time_of_day(hour: int) -> None:
    for minute in range(60):
        assert say_for("ko")(Msg.TIME_OF_DAY, **clock_fields(hour, minute)) == old.time_ko(
            hour, minute
        )
        assert say_for("en")(Msg.TIME_OF_DAY, **clock_fields(hour, minute)) == old.time_en(
            hour, minute
        )


def test_some_sentences_as_written() -> None:
    rec = Recurrence("weekly", date(2026, 12, 2), 2, ("tue", "thu"), hour=18, minute=30)
    assert say_for("ko")(Msg.SCHEDULE, **schedule_fields(rec)) == "격주 화·목요일 오후 6시 30분"
    assert say_for("en")(Msg.SCHEDULE, **schedule_fields(rec)) == (
        "every other week on Tuesday and Thursday at 6:30 pm"
    )
    rec = Recurrence("monthly", date(2026, 12, 2), 2, day=31)
    assert say_for("ko")(Msg.SCHEDULE, **schedule_fields(rec)) == (
        "2개월마다 31일(짧은 달은 말일) 오전 9시"
    )
    assert say_for("en")(Msg.SCHEDULE, **schedule_fields(rec)) == (
        "on the 31st (the last day in shorter months) of every 2 months at 9 am"
    )
