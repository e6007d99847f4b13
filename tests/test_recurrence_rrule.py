"""dateutil.rrule against the hand-written arithmetic it replaced (tests/recurrence_old.py):
the same local days, the same UTC instants across DST changes in the household's zone, the
same every-N-weeks/months anchor and month-end fallback, the same end of the calendar."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from itertools import islice
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.errors import ScheduleError
from assistant.nlu.schedule import WEEKDAYS
from assistant.reorder import recurrence as new
from assistant.reorder.recurrence import MAX_INTERVAL, Recurrence
from tests import recurrence_old as old

ZONES = [
    "Asia/Seoul", "America/New_York", "Europe/Berlin", "UTC", "Australia/Lord_Howe",
    "America/Sao_Paulo", "Pacific/Apia", "Asia/Kathmandu", "America/St_Johns", "Africa/Casablanca",
]  # fmt: skip
"""With and without DST, half-hour and 30-minute shifts, a skipped day (Apia, 2011-12-30)."""


@st.composite
def recurrences(draw: st.DrawFn, years: tuple[int, int] = (1990, 2110)) -> Recurrence:
    freq = draw(st.sampled_from(["daily", "weekly", "monthly"]))
    small = st.integers(1, 4)
    interval = draw(st.one_of(small, st.integers(1, MAX_INTERVAL[freq])))
    weekdays: tuple[str, ...] = ()
    if freq == "weekly":
        chosen = draw(st.sets(st.sampled_from(WEEKDAYS), max_size=7))
        weekdays = tuple(d for d in WEEKDAYS if d in chosen)
    day = None
    if freq == "monthly":
        day = draw(st.one_of(st.none(), st.integers(28, 31), st.integers(1, 31)))
    anchor = draw(st.dates(date(years[0], 1, 1), date(years[1], 12, 31)))
    hour = draw(st.one_of(st.sampled_from([0, 1, 2, 3, 23]), st.integers(0, 23)))
    minute = draw(st.sampled_from([0, 0, 30, 59, 15]))
    rec = Recurrence(freq, anchor, interval, weekdays, day, hour, minute)
    new.validate(rec)
    return rec


def moments(anchor: date, span_days: int) -> st.SearchStrategy[datetime]:
    """Aware instants from a year before ``anchor`` to ``span_days`` after it."""
    lo = max(datetime.combine(anchor, datetime.min.time()) - timedelta(days=366), datetime(1, 2, 1))
    hi = min(lo + timedelta(days=366 + span_days), datetime(9999, 12, 30))
    return st.datetimes(lo, hi).map(lambda t: t.replace(tzinfo=UTC))


def _next(module: object, rec: Recurrence, tz: ZoneInfo, after: datetime) -> datetime | str:
    try:
        return module.next_after(rec, tz, after)  # type: ignore[attr-defined,no-any-return]
    except (ScheduleError, old.BeyondCalendar):
        return "beyond the calendar"


@settings(max_examples=600, deadline=None)
@given(st.data(), recurrences(), st.sampled_from(ZONES))
def test_next_after_and_the_days_are_the_old_ones(
    data: st.DataObject, rec: Recurrence, zone: str
) -> None:
    tz = ZoneInfo(zone)
    after = data.draw(moments(rec.anchor, 366 * 30))
    assert _next(new, rec, tz, after) == _next(old, rec, tz, after)
    start = after.date()
    assert list(islice(new.days_from(rec, start), 40)) == list(
        islice(old.days_from(rec, start), 40)
    )


@settings(max_examples=400, deadline=None)
@given(st.data(), recurrences(), st.sampled_from(ZONES), st.integers(0, 3000))
def test_occurrences_in_a_span_are_the_old_ones(
    data: st.DataObject, rec: Recurrence, zone: str, days: int
) -> None:
    """Listed one by one, and counted without listing them (settle's catch-up: ``stretch``)."""
    tz = ZoneInfo(zone)
    start = data.draw(moments(rec.anchor, 366 * 10))
    end = start + timedelta(days=days, seconds=data.draw(st.integers(-86400, 86400)))
    runs = list(old.occurrences(rec, tz, start, end))
    assert list(new.occurrences(rec, tz, start, end)) == runs
    before = runs[-2] if len(runs) > 1 else None
    expected = new.Stretch(len(runs), runs[0], runs[-1], before) if runs else None
    assert new.stretch(rec, tz, start, end) == expected


@settings(max_examples=200, deadline=None)
@given(st.data(), recurrences(years=(9990, 9999)), st.sampled_from(ZONES))
def test_the_end_of_the_calendar_is_where_it_was(
    data: st.DataObject, rec: Recurrence, zone: str
) -> None:
    tz = ZoneInfo(zone)
    after = data.draw(st.datetimes(datetime(9989, 1, 1), datetime(9999, 12, 31, 23))).replace(
        tzinfo=UTC
    )
    assert _next(new, rec, tz, after) == _next(old, rec, tz, after)
    end = datetime(9999, 12, 31, 23, 59, tzinfo=UTC)
    assert list(new.occurrences(rec, tz, after, end)) == list(old.occurrences(rec, tz, after, end))


@pytest.mark.parametrize("zone", ["America/New_York", "Europe/Berlin"])
def test_every_dst_change_of_a_decade_keeps_one_run_a_day(zone: str) -> None:
    """A daily 02:30 (inside both the skipped and the repeated hour) over ten years."""
    tz = ZoneInfo(zone)
    rec = Recurrence("daily", date(2020, 1, 1), hour=2, minute=30)
    start, end = datetime(2020, 1, 1, tzinfo=UTC), datetime(2030, 1, 1, tzinfo=UTC)
    runs = list(new.occurrences(rec, tz, start, end))
    assert runs == list(old.occurrences(rec, tz, start, end))
    local_days = [t.astimezone(tz).date() for t in runs]
    assert (
        len(local_days) == len(set(local_days)) == (date(2029, 12, 31) - date(2020, 1, 1)).days + 1
    )
