"""Recurring-order schedules: "매주 월요일마다", "격주 토요일 아침", "every other week at 9 am".

:func:`parse_schedule_ko` and :func:`parse_schedule_en` find a schedule expression anywhere
in an utterance (the rest of it is a product and a verb) and return it as a
:class:`~assistant.nlu.schema.Schedule`. They return ``None`` when

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
from itertools import pairwise
from typing import Final, NamedTuple

from assistant.nlu.numbers import (
    ENGLISH_TENS,
    ENGLISH_UNITS,
    NATIVE_TENS,
    NATIVE_UNITS,
    parse_english,
    parse_native,
    parse_sino,
)
from assistant.nlu.schema import Schedule

__all__ = ["WEEKDAYS", "parse_schedule_en", "parse_schedule_ko"]

WEEKDAYS: Final = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
"""Weekday names of :attr:`Schedule.weekdays`, in week order."""
_WORKDAYS: Final = WEEKDAYS[:5]
_WEEKEND: Final = WEEKDAYS[5:]


_Patterns = tuple[tuple[re.Pattern[str], int | None], ...]
"""Frequency patterns, each with its fixed interval (None: the ``n`` group or 1)."""


class _Unsupported(Exception):
    """A schedule was said that a :class:`Schedule` cannot hold (or a number is out of range)."""


class _Frequency(NamedTuple):
    interval: int
    """Every ``interval`` days/weeks/months (1 when not said)."""
    times: int
    """Times per period (주 2회: 2); more than 1 needs weekdays."""
    ends: tuple[int, ...]
    """Where the frequency words end (a day of the month may follow)."""


def _alt(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, longest first (so 열두 is tried before 열)."""
    return "|".join(sorted(words, key=len, reverse=True))


def _positive(n: int) -> int:
    if n < 1:
        raise _Unsupported
    return n


def _day_of_month(n: int) -> int:
    if not 1 <= n <= 31:
        raise _Unsupported
    return n


def _clock(hour: int, period: str | None) -> int | None:
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


# --------------------------------------------------------------------------------------------
# Korean
# --------------------------------------------------------------------------------------------

_KO_ABBR: Final = dict(zip("월화수목금토일", WEEKDAYS, strict=True))
_KO_PERIODS: Final = {
    "오전": "am", "아침": "am", "새벽": "am", "오후": "pm", "낮": "pm", "점심": "pm",
    "저녁": "pm", "밤": "night",
}  # fmt: skip
_KO_PERIOD_HOURS: Final = {"아침": 8, "점심": 12, "저녁": 18, "밤": 21, "자정": 0, "정오": 12}
_KO_DAY_WORDS: Final = {
    "하루": 1, "이틀": 2, "사흘": 3, "나흘": 4, "닷새": 5, "엿새": 6, "이레": 7, "여드레": 8,
    "아흐레": 9, "열흘": 10, "보름": 15,
}  # fmt: skip

# Numbers as heard: digits, native (두, 열 두) or Sino-Korean up to 99 (이, 십오, 이십 오).
# Vosk may put a space inside a number, so one optional space is allowed between parts.
_K_NATIVE = rf"(?:(?:{_alt(NATIVE_TENS)})(?:\s?(?:{_alt(NATIVE_UNITS)}))?|(?:{_alt(NATIVE_UNITS)}))"
_K_SINO = r"(?:(?:[이삼사오육칠팔구]\s?)?십(?:\s?[일이삼사오육칠팔구])?|[일이삼사오육칠팔구])"
_K_NUM = rf"(?:[0-9]{{1,3}}|{_K_SINO}|{_K_NATIVE})"
_K_NUM_TS = rf"(?:(?<![0-9])[0-9]{{1,3}}|(?<![가-힣])(?:{_K_SINO}|{_K_NATIVE}))"
"""A number that starts a word (so 이 in 우유가 이 is not a number)."""
_K_DAYNUM = rf"(?:[0-9]{{1,3}}|{_K_SINO})"
"""Day counts and days of the month are digits or Sino-Korean: 15일, 십오 일."""
_K_HOURNUM = rf"(?:[0-9]{{1,2}}|{_K_NATIVE})"
"""Hours are digits or native: 9시, 아홉 시."""
_K_COUNT = rf"(?P<count>{_K_NUM})\s*(?:번|회|차례)"
"""How many times per period: 한 번, 1회 (only once is representable without weekdays)."""
_K_PER = rf"(?:마다|간격|(?:에\s*)?{_K_COUNT})"
"""What makes a length of time a frequency: 3일마다, 3일 간격, 3일에 한 번, 주 1회."""
_K_PERIOD = _alt(_KO_PERIODS)
_K_HOUR_END = r"(?=$|[^가-힣]|에|쯤|마다|반|정각|경|까지|부터|로|으로|도|엔)"
_K_TIME_PHRASE = rf"(?:(?:{_K_PERIOD})\s*(?:에\s*)?)?(?:{_K_HOURNUM}\s*시\s*(?:반\s*)?)?"
_K_RUN = r"[월화수목금토일](?:[\s,·/]*[월화수목금토일])+"
"""Weekday abbreviations in a row: 월수금, 월 수 금, 화·목."""

_K_NOT_MONDAY = r"(?!\s*요일)(?![\s,·/]*[화수목금토](?:[^가-힣]|$|요일|마다))"
"""After 월: not 매 월요일, 매 월 수 금."""

_KO_MONTHLY: Final[_Patterns] = (
    # 매달, 매월, 매달마다, 매월 1회
    (
        re.compile(
            rf"(?<![가-힣])매\s*(?:달|월{_K_NOT_MONDAY})(?:\s*마다)?(?:\s*(?:에\s*)?{_K_COUNT})?"
        ),
        None,
    ),
    (re.compile(r"(?<![가-힣])다달이"), None),
    (re.compile(rf"(?<![가-힣])격\s*월{_K_NOT_MONDAY}(?:\s*(?:로|마다))?"), 2),
    # 달마다, 한 달에 한 번, 두 달마다, 3개월마다, 석 달에 한 번씩
    (re.compile(rf"(?:(?P<n>{_K_NUM_TS})\s*(?:달|개월)|(?<![가-힣])달)\s*{_K_PER}"), None),
    # 월 1회, 월에 한 번, 월마다
    (re.compile(rf"(?<![가-힣])월\s*{_K_PER}"), None),
)
_KO_DAY_AFTER: Final = re.compile(
    rf"(?:\s*씩)?\s*(?:마다|에는|에|,)?\s*(?P<d>{_K_DAYNUM})\s*일(?!\s*요일|주일|\s*간격|\s*동안)"
)
"""The day of the month right after a monthly word: 매달 15일, 한 달에 한 번 십오 일에."""
_KO_MORE_DAYS: Final = re.compile(
    rf"\s*(?:에|마다)?\s*(?:이랑|하고|과|와|랑|및|그리고|,)\s*{_K_DAYNUM}\s*일(?!\s*요일)"
)

_KO_WEEKLY: Final[_Patterns] = (
    # 매주, 매 주, 매주마다, 매주 1회, 매주말 (not 매 주문)
    (
        re.compile(rf"(?<![가-힣])매\s*주(?!문|세요)(?:\s*마다)?(?:\s*(?:에\s*)?{_K_COUNT})?"),
        None,
    ),
    (re.compile(r"(?<![가-힣])격\s*주"), 2),
    # 주마다, 주 1회, 일주일에 한 번, 2주마다, 두 주에 한 번, 이주일 간격
    (re.compile(rf"(?:(?P<n>{_K_NUM_TS})\s*주\s*(?:일)?|(?<![가-힣])주)\s*{_K_PER}"), None),
    # 매 월요일, 매 주말, 매 평일
    (re.compile(r"(?<![가-힣])매\s*(?=[월화수목금토일]\s*요일|주말|평일|주중)"), None),
)
_KO_WEEKDAY_MADA: Final = re.compile(
    rf"(?P<wd>[월화수목금토일]\s*요일|주말|평일|주중|(?<![가-힣]){_K_RUN})"
    rf"\s*(?:에는|에|엔)?\s*{_K_TIME_PHRASE}\s*마다"
)
"""월요일마다, 월요일 마다, 월수금마다, 주말마다, 월요일 아침 7시마다."""
_KO_WD_FULL: Final = re.compile(r"([월화수목금토일])\s*요일")
_KO_WD_RUN: Final = re.compile(
    rf"(?<![가-힣])({_K_RUN})(?=요일|마다|에|엔|이랑|랑|하고|과|와|[^가-힣]|$)"
)
_KO_WD_GROUP: Final = re.compile(r"주말|평일|주중")

_KO_DAILY: Final[_Patterns] = (
    # 매일, 매 일 (not 매 일요일, 매일우유 the brand), 매일 한 번
    (
        re.compile(
            r"(?<![가-힣])매\s*일(?!\s*요일|\s*유업|주|우유|두유)(?:\s*마다)?"
            rf"(?:\s*(?:에\s*)?{_K_COUNT})?"
        ),
        None,
    ),
    (re.compile(r"(?<![가-힣])날\s*마다"), None),
    (re.compile(r"(?<![가-힣])격\s*일(?!\s*요일)|(?<![가-힣])하루\s*걸러"), 2),
    # 하루에 한 번, 이틀마다, 사흘에 한 번씩, 열흘 간격
    (re.compile(rf"(?<![가-힣])(?P<n>{_alt(_KO_DAY_WORDS)})\s*{_K_PER}"), None),
    # 3일마다, 삼 일에 한 번, 십오일 간격
    (
        re.compile(rf"(?P<n>(?<![0-9])[0-9]{{1,3}}|(?<![가-힣]){_K_SINO})\s*일\s*{_K_PER}"),
        None,
    ),
    # 아침마다, 저녁 마다, 9시마다
    (
        re.compile(
            rf"(?:(?<![가-힣])(?:아침|점심|저녁|밤|새벽)|{_K_NUM_TS}\s*시(?:\s*반)?)"
            r"\s*(?:에\s*)?마다"
        ),
        None,
    ),
)

_KO_TWICE_A_DAY: Final = re.compile(r"아침\s*(?:이랑|하고|과|이나|,)?\s*저녁")
"""아침저녁으로: two times a day, which a :class:`Schedule` cannot hold."""
_KO_HOUR: Final = re.compile(
    rf"(?:(?P<p>{_K_PERIOD})\s*(?:에\s*)?)?"
    rf"(?P<h>(?<![0-9])[0-9]{{1,2}}|(?<![가-힣]){_K_NATIVE})\s*시{_K_HOUR_END}"
)
_KO_BARE_TIME: Final = re.compile(
    r"(?:아침|점심|저녁)(?=$|[^가-힣]|에|마다|때|엔|으로)"
    rf"|(?:(?<=[일말])|(?<=[일말]\s))밤(?!\s*{_K_NUM}\s*(?!시)[가-힣])"
    r"|(?<![가-힣])밤(?=\s*(?:에|마다))|자정|정오"
)
"""A time-of-day word without a clock time. 밤 is also a chestnut: only after 매일/요일/주말
(and not before a count, 밤 한 봉지) or before 에/마다. 아침 is not 아침햇살."""


def _ko_num(word: str) -> int | None:
    word = word.replace(" ", "")
    if word in _KO_DAY_WORDS:
        return _KO_DAY_WORDS[word]
    if word.isascii() and word.isdigit():
        return int(word)
    native = parse_native(word)
    return native if native is not None else parse_sino(word)


def _ko_int(word: str) -> int:
    n = _ko_num(word)
    if n is None:
        raise _Unsupported  # e.g. 스무 두: matched the pattern, but is not a number
    return n


def _count(m: re.Match[str], parse: Callable[[str], int]) -> int:
    """How many times per period the match says (1 when it says none)."""
    word = m.groupdict().get("count")
    return 1 if word is None else parse(word)


def _ko_weekdays(s: str) -> tuple[str, ...]:
    days: set[str] = set()
    for m in _KO_WD_FULL.finditer(s):
        days.add(_KO_ABBR[m.group(1)])
    for m in _KO_WD_RUN.finditer(s):
        run = [_KO_ABBR[ch] for ch in m.group(1) if ch in _KO_ABBR]
        order = [WEEKDAYS.index(d) for d in run]
        if all(a < b for a, b in pairwise(order)):
            days.update(run)  # 월수금; 일 일 (a Sino-Korean 1일) is no weekday run
    for m in _KO_WD_GROUP.finditer(s):
        days.update(_WEEKEND if m.group(0) == "주말" else _WORKDAYS)
    return tuple(d for d in WEEKDAYS if d in days)


def _frequency(s: str, patterns: _Patterns, parse: Callable[[str], int]) -> _Frequency | None:
    """What ``patterns`` say about ``s``, or None if none of them occurs."""
    matches = [(m, fixed) for rx, fixed in patterns for m in rx.finditer(s)]
    if not matches:
        return None
    matches.sort(key=lambda pair: pair[0].start())
    interval: int | None = None
    for m, fixed in matches:
        n = m.groupdict().get("n")
        interval = _positive(parse(n)) if n is not None else fixed
        if interval is not None:
            break
    count = max(_count(m, parse) for m, _ in matches)
    return _Frequency(interval or 1, count, tuple(m.end() for m, _ in matches))


def _ko_day_of_month(s: str, ends: tuple[int, ...]) -> int | None:
    """The day said right after a monthly word (매달 15일), if any."""
    for end in ends:
        d = _KO_DAY_AFTER.match(s, end)
        if d is not None:
            if _KO_MORE_DAYS.match(s, d.end()):
                raise _Unsupported  # 매달 1일이랑 15일
            return _day_of_month(_ko_int(d.group("d")))
    return None


def _ko_hour(s: str) -> int | None:
    for m in _KO_HOUR.finditer(s):
        n = _ko_num(m.group("h"))
        period = _KO_PERIODS.get(m.group("p") or "")
        hour = _clock(n, period) if n is not None else None
        if hour is not None:
            return hour
    bare = _KO_BARE_TIME.search(s)
    return _KO_PERIOD_HOURS[bare.group(0)] if bare else None


def parse_schedule_ko(text: str) -> Schedule | None:
    """The recurring schedule said in a Korean utterance, or None (see the module doc)."""
    s = " ".join(text.split())
    if _KO_TWICE_A_DAY.search(s):
        return None
    try:
        monthly = _frequency(s, _KO_MONTHLY, _ko_int)
        if monthly is not None:
            if monthly.times > 1:
                return None  # 한 달에 두 번
            day = _ko_day_of_month(s, monthly.ends)
            return Schedule("monthly", monthly.interval, (), day, _ko_hour(s))
        weekly = _frequency(s, _KO_WEEKLY, _ko_int)
        weekdays = _ko_weekdays(s)
        if weekly is None and any(
            _ko_weekdays(m.group("wd")) for m in _KO_WEEKDAY_MADA.finditer(s)
        ):
            weekly = _Frequency(1, 1, ())  # 월요일마다, 주말마다
        if weekly is not None:
            if weekly.times > 1 and not weekdays:
                return None  # 주 2회: which days?
            return Schedule("weekly", weekly.interval, weekdays, None, _ko_hour(s))
        daily = _frequency(s, _KO_DAILY, _ko_int)
        if daily is not None:
            if daily.times > 1:
                return None  # 하루에 두 번
            return Schedule("daily", daily.interval, (), None, _ko_hour(s))
    except _Unsupported:
        return None
    return None


# --------------------------------------------------------------------------------------------
# English
# --------------------------------------------------------------------------------------------

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
    rf"(?:(?:{_alt(ENGLISH_TENS[2:])})(?:\s(?:{_alt(ENGLISH_UNITS[1:10])}))?"
    rf"|(?:{_alt(ENGLISH_UNITS[1:])}))"
)
_E_NUM = rf"(?:[0-9]{{1,3}}|{_E_NUM_WORD})"
_E_ORD = rf"(?:[0-9]{{1,2}}(?:st|nd|rd|th)|{_alt(_EN_ORDINALS)})"
_E_EVERY_N = rf"\bevery\s(?P<n>other|{_E_ORD}|{_E_NUM})\s"
"""every other / every second / every 2nd / every two / every 2 ..."""
_E_COUNT = rf"\b(?P<count>once|twice|thrice|{_E_NUM}\stimes)\s(?:a|per|each|every)\s"
_E_NOT_DEALS = r"(?!\s(?:deals?|specials?|offers?|sales?|discounts?|coupons?)\b)"
_E_WD = _alt(_EN_WEEKDAYS)
_E_WD_ANY = rf"(?:{_E_WD}|weekday|weekend)"
_E_AMPM = r"(?P<ap>[ap])\.?\s?m\b\.?"
_E_OCLOCK = r"(?P<oc>o\s?'?\s?clock)\b"

_EN_MONTHLY: Final[_Patterns] = (
    (re.compile(rf"\bmonthly\b{_E_NOT_DEALS}"), None),
    (re.compile(r"\b(?:every|each)\smonth\b"), None),
    (re.compile(rf"{_E_EVERY_N}months?\b"), None),
    (re.compile(rf"{_E_COUNT}month\b"), None),
    (re.compile(r"\bquarterly\b"), 3),
)
_E_NOT_WEEK = rf"(?!\s(?:{_E_WD_ANY}|week|day|month|time)s?\b)"
_EN_DAYS_OF_MONTH: Final = (
    re.compile(rf"\b(?P<d>[0-9]{{1,2}})(?:st|nd|rd|th)\b{_E_NOT_WEEK}"),
    re.compile(rf"\bthe\s(?P<w>{_alt(_EN_ORDINALS)})\b{_E_NOT_WEEK}"),
    re.compile(r"\bday\s(?P<d>[0-9]{1,2})\b"),
)
_EN_WEEKLY: Final[_Patterns] = (
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
_EN_DAILY: Final[_Patterns] = (
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
        raise _Unsupported
    return n


def _en_weekdays(s: str) -> tuple[str, ...]:
    days: set[str] = set()
    for m in _EN_WEEKDAY.finditer(s):
        word = m.group(1)
        if word == "weekday":
            days.update(_WORKDAYS)
        elif word == "weekend":
            days.update(_WEEKEND)
        else:
            days.add(_EN_WEEKDAYS[word])
    return tuple(d for d in WEEKDAYS if d in days)


def _en_day_of_month(s: str) -> int | None:
    days: set[int] = set()
    for rx in _EN_DAYS_OF_MONTH:
        for m in rx.finditer(s):
            groups = m.groupdict()
            word = groups.get("w")
            days.add(_day_of_month(_EN_ORDINALS[word] if word else int(groups["d"])))
    if len(days) > 1:
        raise _Unsupported  # the 1st and the 15th
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
        hour = _clock(n, ap + "m" if ap else _EN_PERIODS.get(period or ""))
        if hour is not None:
            return hour
    noon = _EN_NOON.search(s)
    if noon:
        return 0 if noon.group("midnight") else 12
    return _EN_PERIOD_HOURS.get(period or "")


def parse_schedule_en(text: str) -> Schedule | None:
    """The recurring schedule said in an English utterance, or None (see the module doc)."""
    s = " ".join(text.lower().replace("-", " ").replace("\u2019", "'").split())
    if _EN_TWICE_A_DAY.search(s):
        return None
    try:
        monthly = _frequency(s, _EN_MONTHLY, _en_int)
        if monthly is not None:
            if monthly.times > 1:
                return None  # twice a month
            return Schedule("monthly", monthly.interval, (), _en_day_of_month(s), _en_hour(s))
        weekly = _frequency(s, _EN_WEEKLY, _en_int)
        if weekly is not None:
            weekdays = _en_weekdays(s)
            if weekly.times > 1 and not weekdays:
                return None  # twice a week: which days?
            return Schedule("weekly", weekly.interval, weekdays, None, _en_hour(s))
        daily = _frequency(s, _EN_DAILY, _en_int)
        if daily is not None:
            if daily.times > 1:
                return None  # twice a day
            return Schedule("daily", daily.interval, (), None, _en_hour(s))
    except _Unsupported:
        return None
    return None
