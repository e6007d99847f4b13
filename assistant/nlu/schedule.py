"""Recurring-order schedules: "매주 월요일마다", "격주 토요일 아침", "every other week at 9 am".

Each language pack says how its words name a frequency, weekdays, a day of the month and
an hour (:class:`ScheduleWords`, in ``assistant/nlu/lang/<code>/schedule.py``);
:func:`find_schedule` is the one reading of them. A schedule expression is found anywhere
in an utterance (the rest of it is a product and a verb) and returned as a
:class:`~assistant.nlu.schema.Schedule`, or ``None`` when

* no frequency is said: a time of day alone ("내일 아침에", "tomorrow at 9") or a single
  weekday ("월요일에") is a one-off, not a schedule;
* a frequency is said that a :class:`Schedule` cannot hold: "하루에 두 번", "twice a week"
  without weekdays, "아침저녁으로", two days of the month ("매달 1일이랑 15일");
* a number is out of range: "매달 32일", "0일마다", "on the 0th of every month".

When several frequency words occur, monthly wins over weekly and weekly over daily
("매달 15일마다" is the 15th of every month, not every 15 days).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Final, NamedTuple

from assistant.nlu.packs import pack_for
from assistant.nlu.schema import Schedule

__all__ = [
    "WEEKDAYS",
    "ScheduleWords",
    "find_schedule",
    "parse_schedule",
]

WEEKDAYS: Final = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
"""Weekday names of :attr:`Schedule.weekdays`, in week order."""
WORKDAYS: Final = WEEKDAYS[:5]
WEEKEND: Final = WEEKDAYS[5:]


Patterns = tuple[tuple[re.Pattern[str], int | None], ...]
"""Frequency patterns, each with its fixed interval (None: the ``n`` group or 1)."""


class Unsupported(Exception):
    """A schedule was said that a :class:`Schedule` cannot hold (or a number is out of range)."""


class Frequency(NamedTuple):
    """What the frequency words of one period (month, week, day) say."""

    interval: int
    """Every ``interval`` days/weeks/months (1 when not said)."""
    times: int
    """Times per period (주 2회: 2); more than 1 needs weekdays."""
    ends: tuple[int, ...]
    """Where the frequency words end (a day of the month may follow)."""


@dataclass(frozen=True)
class ScheduleWords:
    """How one language says a schedule (its pack's part of :func:`find_schedule`): its
    frequency patterns and the readers of its words."""

    monthly: Patterns
    """Monthly frequency phrases ("매달", "every other month")."""
    weekly: Patterns
    """Weekly frequency phrases ("격주", "every monday")."""
    daily: Patterns
    """Daily frequency phrases ("매일", "every 3 days")."""
    twice_a_day: re.Pattern[str]
    """Two times of day named together ("아침저녁으로"): more than a schedule holds."""
    prepare: Callable[[str], str]
    """The utterance as the patterns expect it (spaces collapsed, case folded ...)."""
    number: Callable[[str], int]
    """A count or interval as matched (두, 2nd, twice); :class:`Unsupported` if none."""
    weekdays: Callable[[str], tuple[str, ...]]
    """The weekdays named, in week order."""
    day_of_month: Callable[[str, tuple[int, ...]], int | None]
    """The one day of the month said (``ends``: where monthly words end)."""
    hour: Callable[[str], int | None]
    """The hour of the day said (0-23)."""
    weekly_by_weekday: Callable[[str], bool] = lambda _s: False
    """A weekday said as a repetition without a weekly word ("월요일마다")."""


def alt(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, longest first (so 열두 is tried before 열)."""
    return "|".join(sorted(words, key=len, reverse=True))


def positive(n: int) -> int:
    """``n`` if it is 1 or more (an interval), else :class:`Unsupported`."""
    if n < 1:
        raise Unsupported
    return n


def day_of_month(n: int) -> int:
    """``n`` if it is a day of the month (1..31), else :class:`Unsupported`."""
    if not 1 <= n <= 31:
        raise Unsupported
    return n


def clock(hour: int, period: str | None) -> int | None:
    """``hour`` as said, read in ``period`` (am, pm, night or None) -> 0..23, or None."""
    if period is None:
        return hour % 24 if 0 <= hour <= 24 else None
    if period == "am":
        return hour % 12 if 0 <= hour <= 12 else None
    if period == "pm":
        if 1 <= hour <= 11:
            return hour + 12
        return hour if 12 <= hour <= 23 else None
    # night: 밤 9시 / 9 at night is 21, 밤 12시 is midnight, 밤 2시 is 2 in the morning
    if 6 <= hour <= 11:
        return hour + 12
    return hour % 12 if 0 <= hour <= 12 else (hour if hour <= 23 else None)


def _count(m: re.Match[str], parse: Callable[[str], int]) -> int:
    """How many times per period the match says (1 when it says none)."""
    word = m.groupdict().get("count")
    return 1 if word is None else parse(word)


def frequency(s: str, patterns: Patterns, parse: Callable[[str], int]) -> Frequency | None:
    """What ``patterns`` say about ``s``, or None if none of them occurs."""
    matches = [(m, fixed) for rx, fixed in patterns for m in rx.finditer(s)]
    if not matches:
        return None
    matches.sort(key=lambda pair: pair[0].start())
    interval: int | None = None
    for m, fixed in matches:
        n = m.groupdict().get("n")
        interval = positive(parse(n)) if n is not None else fixed
        if interval is not None:
            break
    count = max(_count(m, parse) for m, _ in matches)
    return Frequency(interval or 1, count, tuple(m.end() for m, _ in matches))


def find_schedule(text: str, words: ScheduleWords) -> Schedule | None:
    """The recurring schedule said in ``text`` in the language of ``words``, or None (see the
    module doc)."""
    s = words.prepare(text)
    if words.twice_a_day.search(s):
        return None
    try:
        monthly = frequency(s, words.monthly, words.number)
        if monthly is not None:
            if monthly.times > 1:
                return None  # 한 달에 두 번, twice a month
            day = words.day_of_month(s, monthly.ends)
            return Schedule("monthly", monthly.interval, (), day, words.hour(s))
        weekly = frequency(s, words.weekly, words.number)
        if weekly is None and words.weekly_by_weekday(s):
            weekly = Frequency(1, 1, ())  # 월요일마다, 주말마다
        if weekly is not None:
            weekdays = words.weekdays(s)
            if weekly.times > 1 and not weekdays:
                return None  # 주 2회, twice a week: which days?
            return Schedule("weekly", weekly.interval, weekdays, None, words.hour(s))
        daily = frequency(s, words.daily, words.number)
        if daily is not None:
            if daily.times > 1:
                return None  # 하루에 두 번, twice a day
            return Schedule("daily", daily.interval, (), None, words.hour(s))
    except Unsupported:
        return None
    return None


def parse_schedule(text: str, lang: str) -> Schedule | None:
    """The recurring schedule said in ``text``, read by the pack of ``lang``."""
    return pack_for(lang).parse_schedule(text)
