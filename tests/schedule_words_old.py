"""The hand-written schedule words that locales/*/schedule.ftl replaced, frozen as they were
(assistant/reorder/recurrence.py at e9feaa2): the oracle of tests/test_schedule_words.py."""

from __future__ import annotations

from typing import Final

from assistant.nlu.schedule import WEEKDAYS
from assistant.reorder.recurrence import Recurrence

_KO_DAYS: Final = dict(zip(WEEKDAYS, "월화수목금토일", strict=True))
_EN_DAYS: Final = dict(
    zip(WEEKDAYS, "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split(), strict=True)
)


def time_ko(hour: int, minute: int) -> str:
    """오전 9시, 오후 6시 30분, 밤 12시 (midnight), 낮 12시 (noon)."""
    if hour == 0:
        words = "밤 12시"
    elif hour == 12:
        words = "낮 12시"
    else:
        words = f"{'오전' if hour < 12 else '오후'} {hour % 12}시"
    return f"{words} {minute}분" if minute else words


def time_en(hour: int, minute: int) -> str:
    """9 am, 6:30 pm, midnight, noon."""
    if minute == 0 and hour in (0, 12):
        return "midnight" if hour == 0 else "noon"
    clock = str(hour % 12 or 12) + (f":{minute:02d}" if minute else "")
    return f"{clock} {'am' if hour < 12 else 'pm'}"


def _weekdays_ko(days: tuple[int, ...]) -> str:
    ordered = sorted(set(days))
    if ordered == [0, 1, 2, 3, 4]:
        return "평일"
    if ordered == [5, 6]:
        return "주말"
    return "·".join(_KO_DAYS[WEEKDAYS[d]] for d in ordered) + "요일"


def describe_ko(rec: Recurrence) -> str:
    """매일 오전 9시, 3일마다 오전 9시, 매주 월요일 오전 9시, 격주 화·목요일 오후 6시 30분,
    매달 15일 오전 9시, 2개월마다 31일(짧은 달은 말일) 오전 9시."""
    at = time_ko(rec.hour, rec.minute)
    if rec.freq == "daily":
        every = "매일" if rec.interval == 1 else f"{rec.interval}일마다"
        return f"{every} {at}"
    if rec.freq == "weekly":
        every = {1: "매주", 2: "격주"}.get(rec.interval, f"{rec.interval}주마다")
        days = sorted(set(rec.days))
        if days == list(range(7)):
            return f"{every} 매일 {at}"
        return f"{every} {_weekdays_ko(rec.days)} {at}"
    every = "매달" if rec.interval == 1 else f"{rec.interval}개월마다"
    day = f"{rec.month_day}일" + ("(짧은 달은 말일)" if rec.month_day > 28 else "")
    return f"{every} {day} {at}"


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _weekdays_en(days: tuple[int, ...]) -> str:
    ordered = sorted(set(days))
    if ordered == [0, 1, 2, 3, 4]:
        return "weekdays"
    if ordered == [5, 6]:
        return "weekends"
    names = [_EN_DAYS[WEEKDAYS[d]] for d in ordered]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def describe_en(rec: Recurrence) -> str:
    """every day at 9 am, every 3 days at 9 am, every Monday at 9 am, every 2 weeks on
    Tuesday and Thursday at 6:30 pm, on the 15th of every month at 9 am."""
    at = time_en(rec.hour, rec.minute)
    if rec.freq == "daily":
        every = "every day" if rec.interval == 1 else f"every {rec.interval} days"
        return f"{every} at {at}"
    days = _weekdays_en(rec.days)
    if rec.freq == "weekly":
        if rec.interval == 1:
            return f"every {days.removesuffix('s') if days.endswith('s') else days} at {at}"
        every = "every other week" if rec.interval == 2 else f"every {rec.interval} weeks"
        return f"{every} on {days} at {at}"
    every = "every month" if rec.interval == 1 else f"every {rec.interval} months"
    short = " (the last day in shorter months)" if rec.month_day > 28 else ""
    return f"on the {_ordinal(rec.month_day)}{short} of {every} at {at}"
