"""When a subscription repeats: pure functions of a schedule, a time zone and a time.

A :class:`Recurrence` names local calendar days (every N days, weeks on some weekdays, or
months on a day) and a local time of day. Each such day is turned into exactly one UTC
instant in the household's time zone, so clock changes cannot make a day fire twice:

- a time that does not exist (the hour skipped when DST starts) runs at the same
  offset as before the change, i.e. that much later on the wall clock;
- a time that exists twice (the hour repeated when DST ends) runs at the first one.

Every N days/weeks/months counts from ``anchor`` (the local day the subscription was
made), and nothing runs before it. A monthly day past the month's end (the 31st in
April) falls back to the month's last day.

The run days come from ``dateutil.rrule``, started at the counted day, week or month that
holds the day asked about (never walked from the anchor), a block of units at a time that
subscriptions of the same shape share; turning a day into its instant (the rule above) and
counting due periods without listing them (:func:`stretch`) are this module's own.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from typing import Any, Final, NamedTuple
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from dateutil.rrule import DAILY, MO, MONTHLY, WEEKLY, rrule

from assistant.errors import ErrorCode, ScheduleError
from assistant.nlu.schedule import WEEKDAYS
from assistant.nlu.schema import Schedule

DEFAULT_HOUR: Final = 9
"""When no time of day was said: 9 in the morning."""
FREQS: Final = ("daily", "weekly", "monthly")
MAX_INTERVAL: Final = {"daily": 365, "weekly": 52, "monthly": 12}
"""The longest gap a schedule may have (a year)."""


@dataclass(frozen=True)
class Recurrence:
    """A repeating local time: what ``Subscription.schedule`` stores (see :meth:`to_json`)."""

    freq: str
    """``daily``, ``weekly`` or ``monthly``."""
    anchor: date
    """The local day counting starts from (the first day that may run)."""
    interval: int = 1
    """Every ``interval`` days, weeks or months."""
    weekdays: tuple[str, ...] = ()
    """``mon`` .. ``sun`` for weekly schedules, in week order; () means the anchor's weekday."""
    day: int | None = None
    """Day of the month (1..31) for monthly schedules; None means the anchor's day."""
    hour: int = DEFAULT_HOUR
    """Local hour, 0..23."""
    minute: int = 0
    """Local minute, 0..59."""

    @classmethod
    def from_schedule(cls, schedule: Schedule, anchor: date, minute: int = 0) -> Recurrence:
        """The recurrence a parsed utterance asks for, counted from ``anchor``."""
        rec = cls(
            freq=schedule.freq,
            anchor=anchor,
            interval=schedule.interval,
            weekdays=tuple(schedule.weekdays),
            day=schedule.day,
            hour=DEFAULT_HOUR if schedule.hour is None else schedule.hour,
            minute=minute,
        )
        validate(rec)
        return rec

    @property
    def schedule(self) -> Schedule:
        """What was asked for, as the parser gives it (without the anchor and the minute)."""
        return Schedule(self.freq, self.interval, self.weekdays, self.day, self.hour)

    def to_json(self) -> dict[str, Any]:
        """The schedule's JSON, then ``minute`` and ``anchor`` (an ISO date)."""
        return {**self.schedule.to_json(), "minute": self.minute, "anchor": self.anchor.isoformat()}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Recurrence:
        """Read what :meth:`to_json` wrote; :class:`ScheduleError` if it is not a schedule."""
        try:
            rec = cls(
                freq=str(data["freq"]),
                anchor=date.fromisoformat(str(data["anchor"])),
                interval=int(data.get("interval", 1)),
                weekdays=tuple(str(d) for d in data.get("weekdays") or ()),
                day=None if data.get("day") is None else int(data["day"]),
                hour=int(data.get("hour", DEFAULT_HOUR)),
                minute=int(data.get("minute", 0)),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise ScheduleError(ErrorCode.SCHEDULE_UNREADABLE, data=repr(dict(data))) from exc
        validate(rec)
        return rec

    @property
    def days(self) -> tuple[int, ...]:
        """Weekly: the weekday numbers (Monday 0) it runs on."""
        if self.weekdays:
            return tuple(WEEKDAYS.index(d) for d in self.weekdays)
        return (self.anchor.weekday(),)

    @property
    def month_day(self) -> int:
        """Monthly: the day of the month asked for (before the short-month fallback)."""
        return self.day if self.day is not None else self.anchor.day


def validate(rec: Recurrence) -> None:
    """Raise :class:`ScheduleError` (with what is wrong) unless ``rec`` can be kept."""
    if rec.freq not in FREQS:
        raise ScheduleError(ErrorCode.SCHEDULE_FREQ, freq=rec.freq)
    limit = MAX_INTERVAL[rec.freq]
    if not 1 <= rec.interval <= limit:
        raise ScheduleError(ErrorCode.SCHEDULE_INTERVAL, interval=rec.interval, limit=limit)
    bad = [d for d in rec.weekdays if d not in WEEKDAYS]
    if bad:
        raise ScheduleError(ErrorCode.SCHEDULE_WEEKDAY, days=", ".join(bad))
    if rec.weekdays and rec.freq != "weekly":
        raise ScheduleError(ErrorCode.SCHEDULE_WEEKDAYS_NOT_WEEKLY)
    if rec.day is not None and (rec.freq != "monthly" or not 1 <= rec.day <= 31):
        raise ScheduleError(ErrorCode.SCHEDULE_MONTH_DAY, day=rec.day)
    if not (0 <= rec.hour <= 23 and 0 <= rec.minute <= 59):
        raise ScheduleError(ErrorCode.SCHEDULE_TIME, hour=rec.hour, minute2=f"{rec.minute:02d}")


def zone(name: str) -> ZoneInfo:
    """The time zone called ``name``; :class:`ScheduleError` if there is none."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ScheduleError(ErrorCode.SCHEDULE_ZONE, name=name) from exc


class _Shape(NamedTuple):
    """What the run days of a recurrence depend on besides where counting starts (a tuple:
    a cheap key of :func:`_block`)."""

    freq: str
    interval: int
    days: tuple[int, ...]
    """Weekly: the weekdays it runs on, in week order."""
    month_day: int
    """Monthly: the day asked for."""

    def rule(self, first: date) -> rrule:
        """The ``rrule`` of the run days counted from ``first`` (the start of a unit)."""
        start, every = datetime.combine(first, time()), self.interval
        if self.freq == "daily":
            return rrule(DAILY, start, every, cache=False)
        if self.freq == "weekly":
            return rrule(WEEKLY, start, every, wkst=MO, byweekday=self.days, cache=False)
        # the day asked for, or the month's last day when the month is shorter: the last of
        # the days from the 28th up to the one asked for that the month has
        want = tuple(range(min(self.month_day, 28), self.month_day + 1))
        return rrule(MONTHLY, start, every, bymonthday=want, bysetpos=-1, cache=False)


@dataclass(frozen=True)
class _Plan:
    """Where a recurrence's counting starts, and how its run days are found from any day."""

    shape: _Shape
    origin: date
    """The first counted unit's first day. Daily: the anchor; weekly: the Monday of the first
    week with a run day on or after the anchor; monthly: the 1st of the first month whose run
    day is on or after the anchor. Every ``interval`` units count from there."""
    unit: int
    """Days in one unit: 1 (daily), 7 (weekly), 0 (monthly: months)."""
    gap: int
    """The most days between two consecutive run days."""

    def start_of(self, units: int) -> date:
        """The first day of the unit ``units`` after the origin (past 9999: ValueError or
        OverflowError)."""
        if self.unit:
            return self.origin + timedelta(days=units * self.unit)
        year, month0 = divmod(_month_index(self.origin) + units, 12)
        return date(year, month0 + 1, 1)

    def counted(self, day: date) -> int:
        """How many units (days, weeks, months) ``day``'s own unit lies after the origin."""
        if self.unit:
            return (day - self.origin).days // self.unit
        return _month_index(day) - _month_index(self.origin)


def _month_index(day: date) -> int:
    return day.year * 12 + day.month - 1


def _plan(rec: Recurrence) -> _Plan:
    """How ``rec``'s run days are found (kept by its fields: hashing a tuple of them is
    cheaper than hashing the dataclass)."""
    return _plan_of(rec.freq, rec.anchor, rec.interval, rec.weekdays, rec.day)


@lru_cache(maxsize=4096)
def _plan_of(
    freq: str, anchor: date, interval: int, weekdays: tuple[str, ...], day: int | None
) -> _Plan:
    rec = Recurrence(freq, anchor, interval, weekdays, day)
    if rec.freq == "daily":
        return _Plan(_Shape("daily", rec.interval, (), 0), rec.anchor, 1, rec.interval)
    if rec.freq == "weekly":
        days = tuple(sorted(set(rec.days)))
        first = rec.anchor + timedelta(days=min((d - rec.anchor.weekday()) % 7 for d in days))
        monday = first - timedelta(days=first.weekday())
        return _Plan(_Shape("weekly", rec.interval, days, 0), monday, 7, 7 * rec.interval)
    month = rec.anchor.replace(day=1)
    if rec.anchor.day > min(rec.month_day, calendar.monthrange(month.year, month.month)[1]):
        month = (month + timedelta(days=31)).replace(day=1)
    return _Plan(_Shape("monthly", rec.interval, (), rec.month_day), month, 0, 31 * rec.interval)


BLOCK: Final = {"daily": 16, "weekly": 4, "monthly": 4}
"""Counted units whose run days are listed at once (and kept: :func:`_block`)."""


@lru_cache(maxsize=4096)
def _block(shape: _Shape, first: date) -> tuple[date, ...]:
    """The run days of the ``BLOCK`` counted units from ``first`` (a unit's start), fewer
    where the calendar ends (9999-12-31). Kept by shape and start, so that every
    subscription of the same shape (any anchor, any time of day) asking about the same days
    shares one ``rrule`` walk."""
    units = BLOCK[shape.freq] * shape.interval
    try:
        if shape.freq == "monthly":
            year, month0 = divmod(_month_index(first) + units, 12)
            until: date | None = date(year, month0 + 1, 1)
        else:
            until = first + timedelta(days=units * (7 if shape.freq == "weekly" else 1))
    except (OverflowError, ValueError):
        until = None
    found: list[date] = []
    try:
        for at in shape.rule(first):
            if until is not None and at.date() >= until:
                break
            found.append(at.date())
    except (OverflowError, ValueError):  # rrule past 9999-12-31
        pass
    return tuple(found)


def _aligned(count: int, interval: int) -> int:
    """The first multiple of ``interval`` that is >= ``count`` (and >= 0)."""
    count = max(count, 0)
    return -(-count // interval) * interval


def days_from(rec: Recurrence, start: date) -> Iterator[date]:
    """The local days ``rec`` runs on, from ``start`` (or the anchor, if later) onward,
    walked by ``rrule`` a block of units at a time from the first counted unit that can
    hold ``start`` (never from the anchor: a subscription years old costs what a new one
    does). The calendar ends with the year 9999."""
    start = max(start, rec.anchor)
    try:
        plan = _plan(rec)
    except (OverflowError, ValueError):  # the first counted unit is past 9999-12-31
        return
    units = _aligned(plan.counted(start), rec.interval)
    step = BLOCK[rec.freq] * rec.interval
    while True:
        try:
            first = plan.start_of(units)
        except (OverflowError, ValueError):  # past 9999-12-31
            return
        for day in _block(plan.shape, first):
            if day >= start:
                yield day
        units += step


def _runs(rec: Recurrence, tz: ZoneInfo, start: date) -> Iterator[tuple[date, datetime]]:
    """Each run day from ``start`` on with its one UTC instant: the time of day in ``tz``,
    the first of a repeated hour and the old offset in a skipped one (``fold=0``, see the
    module doc), until the calendar ends."""
    clock = time(rec.hour, rec.minute)
    for day in days_from(rec, start):
        try:
            yield day, datetime.combine(day, clock, tzinfo=tz).astimezone(UTC)  # fold=0
        except (OverflowError, ValueError):  # an instant past 9999-12-31 23:59 UTC
            return


def _local_day(at: datetime, tz: ZoneInfo, days: int) -> date:
    """``at``'s local day in ``tz``, moved by ``days`` and kept inside the calendar."""
    day = at.astimezone(tz).date()
    try:
        return day + timedelta(days=days)
    except OverflowError:
        return date.max if days > 0 else date.min


def _beyond_calendar(rec: Recurrence, after: datetime) -> ScheduleError:
    return ScheduleError(
        ErrorCode.SCHEDULE_BEYOND_CALENDAR, **schedule_fields(rec), after=f"{after:%Y-%m-%d}"
    )


def next_after(rec: Recurrence, tz: ZoneInfo, after: datetime) -> datetime:
    """The first occurrence strictly after ``after`` (aware); returned as aware UTC.
    :class:`ScheduleError` if it would fall past the end of the calendar (year 9999)."""
    if after.tzinfo is None:
        raise ValueError("naive datetime given to next_after")
    for _, at in _runs(rec, tz, _local_day(after, tz, -1)):
        if at > after:
            return at
    raise _beyond_calendar(rec, after)


def occurrences(
    rec: Recurrence, tz: ZoneInfo, start: datetime, end: datetime
) -> Iterator[datetime]:
    """The occurrences ``t`` with ``start <= t <= end`` (aware UTC), oldest first, one at a
    time (years of a daily schedule are never held in memory). The calendar ends with the
    year 9999: no occurrence comes after that."""
    if end < start:
        return
    for _, at in _runs(rec, tz, _local_day(start, tz, -1)):
        if at > end:
            return
        if at >= start:
            yield at


def between(rec: Recurrence, tz: ZoneInfo, start: datetime, end: datetime) -> list[datetime]:
    """The occurrences ``t`` with ``start <= t <= end`` (aware UTC), oldest first."""
    return list(occurrences(rec, tz, start, end))


@dataclass(frozen=True)
class Stretch:
    """The occurrences from one time to another, counted without listing them."""

    count: int
    """How many (at least one)."""
    first: datetime
    """The oldest."""
    last: datetime
    """The newest."""
    before_last: datetime | None
    """The one before the newest (None when there is only one)."""


def _index(plan: _Plan, day: date) -> int:
    """The place of run day ``day`` in the recurrence's sequence of run days."""
    units, days = plan.counted(day) // plan.shape.interval, plan.shape.days
    return units * len(days) + days.index(day.weekday()) if days else units


def stretch(rec: Recurrence, tz: ZoneInfo, start: datetime, end: datetime) -> Stretch | None:
    """What :func:`occurrences` gives from ``start`` to ``end``, in a time that does not grow
    with the count (a daemon two years late counts 730 days of a daily schedule this way);
    None if nothing."""
    first = next(((d, at) for d, at in _runs(rec, tz, _local_day(start, tz, -1)) if at >= start),
                 None)  # fmt: skip
    if first is None or first[1] > end:
        return None
    plan = _plan(rec)
    # the last two occurrences lie within two gaps (and a week for clock changes) of the end
    lo = max(first[0], _local_day(end, tz, -(2 * plan.gap + 7)))
    lasts: list[tuple[date, datetime]] = []
    for run in _runs(rec, tz, lo):
        if run[1] > end:
            break
        lasts = [*lasts[-1:], run]
    count = _index(plan, lasts[-1][0]) - _index(plan, first[0]) + 1
    before = lasts[0][1] if count > 1 else None
    return Stretch(count, first[1], lasts[-1][1], before)


# -- what the catalogs say it with (locales/<code>/schedule.ftl) -------------------------


def clock_fields(hour: int, minute: int) -> dict[str, Any]:
    """A local time of day as ``Msg.TIME_OF_DAY`` takes it (9 am, 오후 6시 30분)."""
    return {"hour": hour, "hour12": hour % 12 or 12, "half": "am" if hour < 12 else "pm",
            "minute": minute, "minute2": f"{minute:02d}"}  # fmt: skip


def schedule_fields(rec: Recurrence) -> dict[str, Any]:
    """``rec`` as ``Msg.SCHEDULE`` takes it (every Monday at 9 am, 매주 월요일 오전 9시)."""
    days = sorted(set(rec.days))
    kind = {(0, 1, 2, 3, 4): "weekdays", (5, 6): "weekend", tuple(range(7)): "all"}
    named = [WEEKDAYS[d] for d in days] + ["none"] * (7 - len(days))
    return {
        "freq": rec.freq, "interval": rec.interval, "days": kind.get(tuple(days), "list"),
        "day_count": len(days), **{f"day{i}": d for i, d in enumerate(named, 1)},
        "month_day": rec.month_day, "short": rec.month_day > 28,
        **clock_fields(rec.hour, rec.minute),
    }  # fmt: skip
