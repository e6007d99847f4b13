"""The hand-written recurrence arithmetic that ``dateutil.rrule`` replaced, frozen as it was
(assistant/reorder/recurrence.py at f30b24f): the oracle of tests/test_recurrence_rrule.py."""

from __future__ import annotations

import calendar
from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from assistant.reorder.recurrence import Recurrence


class BeyondCalendar(Exception):
    """next_after past 9999-12-31 (the real one raises ScheduleError with a sentence)."""


def instant(rec: Recurrence, tz: ZoneInfo, day: date) -> datetime:
    local = datetime.combine(day, time(rec.hour, rec.minute), tzinfo=tz)  # fold=0
    return local.astimezone(UTC)


def _month_index(day: date) -> int:
    return day.year * 12 + day.month - 1


def _month_day(rec: Recurrence, month: date) -> int:
    return min(rec.month_day, calendar.monthrange(month.year, month.month)[1])


def _aligned(count: int, interval: int) -> int:
    count = max(count, 0)
    return -(-count // interval) * interval


def days_from(rec: Recurrence, start: date) -> Iterator[date]:
    start = max(start, rec.anchor)
    if rec.freq == "daily":
        k = _aligned((start - rec.anchor).days, rec.interval)
        while True:
            yield rec.anchor + timedelta(days=k)
            k += rec.interval
    elif rec.freq == "weekly":
        ahead = min((d - rec.anchor.weekday()) % 7 for d in rec.days)
        first = rec.anchor + timedelta(days=ahead)
        first_monday = first - timedelta(days=first.weekday())
        monday = start - timedelta(days=start.weekday())
        week = _aligned((monday - first_monday).days // 7, rec.interval)
        offsets = sorted(rec.days)
        while True:
            monday = first_monday + timedelta(weeks=week)
            for offset in offsets:
                day = monday + timedelta(days=offset)
                if day >= start:
                    yield day
            week += rec.interval
    else:
        base = _month_index(rec.anchor) + (rec.anchor.day > _month_day(rec, rec.anchor))
        month = base + _aligned(_month_index(start) - base, rec.interval)
        while True:
            year, month0 = divmod(month, 12)
            day = date(year, month0 + 1, _month_day(rec, date(year, month0 + 1, 1)))
            if day >= start:
                yield day
            month += rec.interval


def next_after(rec: Recurrence, tz: ZoneInfo, after: datetime) -> datetime:
    try:
        start = after.astimezone(tz).date() - timedelta(days=1)
        for day in days_from(rec, start):
            at = instant(rec, tz, day)
            if at > after:
                return at
    except (OverflowError, ValueError) as exc:
        raise BeyondCalendar from exc
    raise AssertionError("unreachable")


def occurrences(
    rec: Recurrence, tz: ZoneInfo, start: datetime, end: datetime
) -> Iterator[datetime]:
    if end < start:
        return
    days = days_from(rec, start.astimezone(tz).date() - timedelta(days=1))
    while True:
        try:
            at = instant(rec, tz, next(days))
        except (OverflowError, ValueError):
            return
        if at > end:
            return
        if at >= start:
            yield at
