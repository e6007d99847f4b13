"""English schedule phrases: every other week, on mondays at 9 am, the 15th of every month.

The words of ``ENGLISH_SCHEDULE``; :func:`assistant.nlu.schedule.find_schedule` reads them.
"""

from __future__ import annotations

import re
from typing import Final

from assistant.nlu.lang.en.numbers import ENGLISH_TENS, ENGLISH_UNITS, parse_english
from assistant.nlu.schedule import (
    WEEKDAYS,
    WEEKEND,
    WORKDAYS,
    Patterns,
    ScheduleWords,
    Unsupported,
    alt,
    clock,
    day_of_month,
)

_EN_WEEKDAYS: Final = dict(
    zip(
        ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"),
        WEEKDAYS,
        strict=True,
    )
)
_EN_ORDINAL_UNITS: Final = (
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
    "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth"
).split()
_EN_ORDINALS: Final = {
    **{word: i for i, word in enumerate(_EN_ORDINAL_UNITS, start=1)},
    "twentieth": 20,
    "thirtieth": 30,
    **{f"twenty {w}": 20 + i for i, w in enumerate(_EN_ORDINAL_UNITS[:9], start=1)},
    **{f"thirty {w}": 30 + i for i, w in enumerate(_EN_ORDINAL_UNITS[:9], start=1)},
}
_EN_PERIODS: Final = {"morning": "am", "afternoon": "pm", "evening": "pm", "night": "night"}
_EN_PERIOD_HOURS: Final = {"morning": 8, "evening": 18, "night": 21}

_E_NUM_WORD = (
    rf"(?:(?:{alt(ENGLISH_TENS[2:])})(?:\s(?:{alt(ENGLISH_UNITS[1:10])}))?"
    rf"|(?:{alt(ENGLISH_UNITS[1:])}))"
)
_E_NUM = rf"(?:[0-9]{{1,3}}|{_E_NUM_WORD})"
_E_ORD = rf"(?:[0-9]{{1,2}}(?:st|nd|rd|th)|{alt(_EN_ORDINALS)})"
_E_EVERY_N = rf"\bevery\s(?P<n>other|{_E_ORD}|{_E_NUM})\s"
"""every other / every second / every 2nd / every two / every 2 ..."""
_E_COUNT = rf"\b(?P<count>once|twice|thrice|{_E_NUM}\stimes)\s(?:a|per|each|every)\s"
_E_NOT_DEALS = r"(?!\s(?:deals?|specials?|offers?|sales?|discounts?|coupons?)\b)"
_E_WD = alt(_EN_WEEKDAYS)
_E_WD_ANY = rf"(?:{_E_WD}|weekday|weekend)"
_E_AMPM = r"(?P<ap>[ap])\.?\s?m\b\.?"
_E_OCLOCK = r"(?P<oc>o\s?'?\s?clock)\b"

_EN_MONTHLY: Final[Patterns] = (
    (re.compile(rf"\bmonthly\b{_E_NOT_DEALS}"), None),
    (re.compile(r"\b(?:every|each)\smonth\b"), None),
    (re.compile(rf"{_E_EVERY_N}months?\b"), None),
    (re.compile(rf"{_E_COUNT}month\b"), None),
    (re.compile(r"\bquarterly\b"), 3),
)
_E_NOT_WEEK = rf"(?!\s(?:{_E_WD_ANY}|week|day|month|time)s?\b)"
_EN_DAYS_OF_MONTH: Final = (
    re.compile(rf"\b(?P<d>[0-9]{{1,2}})(?:st|nd|rd|th)\b{_E_NOT_WEEK}"),
    re.compile(rf"\bthe\s(?P<w>{alt(_EN_ORDINALS)})\b{_E_NOT_WEEK}"),
    re.compile(r"\bday\s(?P<d>[0-9]{1,2})\b"),
)
_EN_WEEKLY: Final[Patterns] = (
    (re.compile(rf"(?<!\bbi\s)\bweekly\b{_E_NOT_DEALS}"), None),
    (re.compile(r"\b(?:every|each)\sweek\b"), None),
    (re.compile(rf"{_E_EVERY_N}weeks?\b"), None),
    (re.compile(rf"{_E_COUNT}week\b"), None),
    (re.compile(r"\bbi\s?weekly\b|\bfortnightly\b|\b(?:every|each)\sfortnight\b"), 2),
    # every monday, every other monday, every weekday, each weekend
    (re.compile(rf"\b(?:every|each)\s(?:(?P<n>other|{_E_ORD}|{_E_NUM})\s)?{_E_WD_ANY}s?\b"), None),
    # on mondays, weekends, monday mornings
    (re.compile(rf"\b{_E_WD_ANY}s\b"), None),
    (re.compile(rf"\b(?:{_E_WD})\s(?:mornings|afternoons|evenings|nights)\b"), None),
)
_EN_WEEKDAY: Final = re.compile(rf"\b({_E_WD_ANY})s?\b")
_EN_DAILY: Final[Patterns] = (
    (re.compile(rf"\bdaily\b{_E_NOT_DEALS}"), None),
    (re.compile(r"\beveryday\b|\b(?:every|each)\s(?:single\s)?day\b|\bnightly\b"), None),
    (re.compile(rf"{_E_EVERY_N}days?\b"), None),
    (re.compile(rf"{_E_COUNT}day\b"), None),
    (re.compile(r"\b(?:every|each)\s(?:morning|afternoon|evening|night|noon)\b"), None),
)
_EN_NOT_A_TIME = (
    r"(?!\s?(?:%|percent|dollars?|bucks|won|cents?|kg|kilos?|grams?|g\b|lbs?|pounds?|items?"
    r"|pieces?|packs?|bottles?|cartons?|cans?|boxes?|bags?))"
)
_EN_HOURS: Final = (
    re.compile(
        rf"\bat\s(?P<h>[0-9]{{1,2}}|{_E_NUM_WORD})(?:[:.][0-9]{{2}})?"
        rf"(?:\s?(?:{_E_AMPM}|{_E_OCLOCK}))?\b{_EN_NOT_A_TIME}"
    ),
    re.compile(
        rf"\b(?P<h>[0-9]{{1,2}}|{_E_NUM_WORD})(?:[:.][0-9]{{2}})?\s?(?:{_E_AMPM}|{_E_OCLOCK})"
    ),
)
_EN_NOON: Final = re.compile(r"\b(?:noon|midday|lunchtime|(?P<midnight>midnight))\b")
_EN_TWICE_A_DAY: Final = re.compile(r"\bmornings?\s(?:and|&)\s(?:in\s)?(?:the\s)?evenings?\b")
_EN_PERIOD: Final = re.compile(r"\b(morning|afternoon|evening|night)(?:s|ly)?\b")


def _en_int(word: str) -> int:
    """once, twice, 3 times, other, 2nd, second, two, 2 -> int."""
    word = word.removesuffix(" times")
    fixed = {"once": 1, "twice": 2, "thrice": 3, "other": 2}.get(word)
    if fixed is not None:
        return fixed
    if word in _EN_ORDINALS:
        return _EN_ORDINALS[word]
    digits = word.rstrip("stndrh")
    if digits.isascii() and digits.isdigit():
        return int(digits)
    n = parse_english(word)
    if n is None:
        raise Unsupported
    return n


def _en_weekdays(s: str) -> tuple[str, ...]:
    days: set[str] = set()
    for m in _EN_WEEKDAY.finditer(s):
        word = m.group(1)
        if word == "weekday":
            days.update(WORKDAYS)
        elif word == "weekend":
            days.update(WEEKEND)
        else:
            days.add(_EN_WEEKDAYS[word])
    return tuple(d for d in WEEKDAYS if d in days)


def _en_day_of_month(s: str) -> int | None:
    days: set[int] = set()
    for rx in _EN_DAYS_OF_MONTH:
        for m in rx.finditer(s):
            groups = m.groupdict()
            word = groups.get("w")
            days.add(day_of_month(_EN_ORDINALS[word] if word else int(groups["d"])))
    if len(days) > 1:
        raise Unsupported  # the 1st and the 15th
    return days.pop() if days else None


def _en_hour(s: str) -> int | None:
    period_match = _EN_PERIOD.search(s)
    period = period_match.group(1) if period_match else None
    matches = sorted((m for rx in _EN_HOURS for m in rx.finditer(s)), key=lambda m: m.start())
    for m in matches:
        n = parse_english(m.group("h")) if not m.group("h").isdigit() else int(m.group("h"))
        if n is None:
            continue
        ap = m.group("ap")
        hour = clock(n, ap + "m" if ap else _EN_PERIODS.get(period or ""))
        if hour is not None:
            return hour
    noon = _EN_NOON.search(s)
    if noon:
        return 0 if noon.group("midnight") else 12
    return _EN_PERIOD_HOURS.get(period or "")


def _en_prepare(text: str) -> str:
    """Lower case, hyphens and spaces as single spaces, typographic apostrophes plain."""
    return " ".join(text.lower().replace("-", " ").replace("\u2019", "'").split())


ENGLISH_SCHEDULE: Final = ScheduleWords(
    monthly=_EN_MONTHLY,
    weekly=_EN_WEEKLY,
    daily=_EN_DAILY,
    twice_a_day=_EN_TWICE_A_DAY,  # mornings and evenings
    prepare=_en_prepare,
    number=_en_int,  # once, twice, 3 times, other, 2nd, second, two, 2
    weekdays=_en_weekdays,  # monday(s), weekdays, weekends
    day_of_month=lambda s, _ends: _en_day_of_month(s),  # the 15th, day 15
    hour=_en_hour,  # at 9, 9 am, 7 o'clock, noon, in the evening
    # English always says a weekly word ("every monday", "on mondays"): no weekly_by_weekday
)
"""How English says a schedule."""
