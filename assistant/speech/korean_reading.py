"""Rewrite a Korean reply line so that espeak-ng reads its numbers the Korean way.

espeak-ng's Korean voice reads bare digits poorly ("2팩" is not "두 팩", "5,160원"
stumbles on the comma). :func:`spoken_korean` spells every number that is
followed by a known counter or unit:

- native counters (개, 팩, 판, ...) take native attributive numbers for 1..99:
  ``2팩`` -> ``두 팩``, ``24개`` -> ``스물네 개``; from 100 on the Sino-Korean
  number is used (``리뷰 1,204개`` -> ``리뷰 천이백사 개``);
- Sino counters and units (원, 번, 점, 구, L, ml, kg, ...) take Sino-Korean
  numbers with 만/억 groups: ``12,000원`` -> ``만 이천 원``,
  ``평점 4.6점`` -> ``평점 사 점 육 점``, ``900ml`` -> ``구백 밀리리터``.

Everything else is left exactly as it was. Pure functions, no I/O.
"""

from __future__ import annotations

import re
from enum import Enum

from assistant.nlu.lang.ko.numbers import sino_number as spelled_sino
from assistant.nlu.lang.ko.numbers import to_native


class Reading(Enum):
    """Which number system a counter takes."""

    NATIVE = "native"
    """하나, 둘, ... as attributives (한 개, 두 팩) for 1..99; Sino-Korean beyond."""
    SINO = "sino"
    """일, 이, 삼, ... (삼 번, 오천 원, 이 킬로그램)."""


_NATIVE_COUNTERS = ("개 병 팩 판 송이 봉지 봉 박스 캔 모 포대 묶음 통 마리 망 단 포기 가지").split()
_SINO_UNITS: dict[str, str] = {
    "원": "원", "번": "번", "점": "점", "구": "구", "인분": "인분", "%": "퍼센트",
    "L": "리터", "l": "리터", "ml": "밀리리터", "mL": "밀리리터",
    "kg": "킬로그램", "g": "그램",
}  # fmt: skip

COUNTERS: dict[str, tuple[Reading, str]] = {
    **{word: (Reading.NATIVE, word) for word in _NATIVE_COUNTERS},
    **{surface: (Reading.SINO, spoken) for surface, spoken in _SINO_UNITS.items()},
}
"""Written counter or unit -> (number system, how it is spoken)."""

LOOKALIKES = ("번째", "개월", "단계", "단지", "판매", "통화", "구매", "모델")
"""Words that begin like a counter but are not one (``2단계`` is not ``두 단계``): left as is."""

MAX_SPELLED = 10**12 - 1
"""The largest integer spelled out (9999억 ...); larger numbers are left as digits."""

_counter_alt = "|".join(
    re.escape(c) for c in sorted((*COUNTERS, *LOOKALIKES), key=len, reverse=True)
)
_NUMBER_WITH_COUNTER = re.compile(
    r"(?<![\d.,])"  # not the tail of a longer number
    r"(?P<int>\d{1,3}(?:,\d{3})+|\d+)(?:\.(?P<frac>\d+))?"
    rf" ?(?P<counter>{_counter_alt})"
    r"(?![A-Za-z])"  # "2g" is a unit, "2gb" is not
)


def sino_number(n: int) -> str:
    """0..999,999,999,999 in Sino-Korean words, groups of 만/억 separated by spaces.

    ``5160`` -> ``오천백육십``, ``12000`` -> ``만 이천``,
    ``123456789`` -> ``일억 이천삼백사십오만 육천칠백팔십구``.
    """
    if not 0 <= n <= MAX_SPELLED:
        raise ValueError(f"Sino-Korean numbers are spelled here for 0..{MAX_SPELLED}")
    return spelled_sino(n)  # CLDR: 만 (not 일만) but 일억, 영 for 0


def sino_decimal(integer: int, fraction: str) -> str:
    """A decimal number: ``4``, ``"6"`` -> ``사 점 육``; fraction digits one by one."""
    digits = "".join(spelled_sino(int(d)) for d in fraction)
    return f"{sino_number(integer)} 점 {digits}"


def spoken_count(integer: int, fraction: str | None, reading: Reading) -> str:
    """The number before a counter, in the number system the counter takes."""
    if fraction is not None:
        return sino_decimal(integer, fraction)
    if reading is Reading.NATIVE and 1 <= integer <= 99:
        return to_native(integer, attributive=True)
    return sino_number(integer)


def _replace(match: re.Match[str]) -> str:
    integer = int(match.group("int").replace(",", ""))
    counter = COUNTERS.get(match.group("counter"))
    if counter is None or integer > MAX_SPELLED:
        return match.group(0)
    reading, spoken_counter = counter
    return f"{spoken_count(integer, match.group('frac'), reading)} {spoken_counter}"


def spoken_korean(text: str) -> str:
    """``text`` with every number before a known counter or unit spelled out in Korean.

    >>> spoken_korean("서울우유 1L 2팩, 회원가 5,580원입니다.")
    '서울우유 일 리터 두 팩, 회원가 오천오백팔십 원입니다.'
    """
    return _NUMBER_WITH_COUNTER.sub(_replace, text)
