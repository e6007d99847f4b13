"""Korean schedule phrases: 매주 월요일마다, 격주 토요일 아침, 한 달에 한 번 15일, 사흘마다.

The words of ``KOREAN_SCHEDULE``; :func:`assistant.nlu.schedule.find_schedule` reads them.
"""

from __future__ import annotations

import re
from itertools import pairwise
from typing import Final

from assistant.nlu.lang.ko.numbers import NATIVE_TENS, NATIVE_UNITS, parse_native, parse_sino
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
_K_NATIVE = rf"(?:(?:{alt(NATIVE_TENS)})(?:\s?(?:{alt(NATIVE_UNITS)}))?|(?:{alt(NATIVE_UNITS)}))"
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
_K_PERIOD = alt(_KO_PERIODS)
_K_HOUR_END = r"(?=$|[^가-힣]|에|쯤|마다|반|정각|경|까지|부터|로|으로|도|엔)"
_K_TIME_PHRASE = rf"(?:(?:{_K_PERIOD})\s*(?:에\s*)?)?(?:{_K_HOURNUM}\s*시\s*(?:반\s*)?)?"
_K_RUN = r"[월화수목금토일](?:[\s,·/]*[월화수목금토일])+"
"""Weekday abbreviations in a row: 월수금, 월 수 금, 화·목."""

_K_NOT_MONDAY = r"(?!\s*요일)(?![\s,·/]*[화수목금토](?:[^가-힣]|$|요일|마다))"
"""After 월: not 매 월요일, 매 월 수 금."""

_KO_MONTHLY: Final[Patterns] = (
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

_KO_WEEKLY: Final[Patterns] = (
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

_KO_DAILY: Final[Patterns] = (
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
    (re.compile(rf"(?<![가-힣])(?P<n>{alt(_KO_DAY_WORDS)})\s*{_K_PER}"), None),
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
        raise Unsupported  # e.g. 스무 두: matched the pattern, but is not a number
    return n


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
        days.update(WEEKEND if m.group(0) == "주말" else WORKDAYS)
    return tuple(d for d in WEEKDAYS if d in days)


def _ko_day_of_month(s: str, ends: tuple[int, ...]) -> int | None:
    """The day said right after a monthly word (매달 15일), if any."""
    for end in ends:
        d = _KO_DAY_AFTER.match(s, end)
        if d is not None:
            if _KO_MORE_DAYS.match(s, d.end()):
                raise Unsupported  # 매달 1일이랑 15일
            return day_of_month(_ko_int(d.group("d")))
    return None


def _ko_hour(s: str) -> int | None:
    for m in _KO_HOUR.finditer(s):
        n = _ko_num(m.group("h"))
        period = _KO_PERIODS.get(m.group("p") or "")
        hour = clock(n, period) if n is not None else None
        if hour is not None:
            return hour
    bare = _KO_BARE_TIME.search(s)
    return _KO_PERIOD_HOURS[bare.group(0)] if bare else None


def _ko_prepare(text: str) -> str:
    """Spaces collapsed."""
    return " ".join(text.split())


_KO_WD_THREE: Final = re.compile(r"(?<![가-힣])([월화수목금토일]{3,})(?=\s|$|에|엔|로|으로)")
"""월수금 (배달되게 해 줘): three weekdays or more in a row recur without 마다."""


def _ko_weekly_by_weekday(s: str) -> bool:
    """월요일마다, 주말마다, 월수금마다, 월수금 (three days or more in a row)."""
    if any(len(_ko_weekdays(m.group(1))) >= 3 for m in _KO_WD_THREE.finditer(s)):
        return True
    return any(_ko_weekdays(m.group("wd")) for m in _KO_WEEKDAY_MADA.finditer(s))


KOREAN_SCHEDULE: Final = ScheduleWords(
    monthly=_KO_MONTHLY,
    weekly=_KO_WEEKLY,
    daily=_KO_DAILY,
    twice_a_day=_KO_TWICE_A_DAY,  # 아침저녁으로
    prepare=_ko_prepare,
    number=_ko_int,  # 두, 이, 15, 사흘
    weekdays=_ko_weekdays,  # 월요일, 월수금, 주말, 평일
    day_of_month=_ko_day_of_month,  # 매달 15일
    hour=_ko_hour,  # 아침 7시, 밤 9시, 저녁
    weekly_by_weekday=_ko_weekly_by_weekday,
)
"""How Korean says a schedule."""
