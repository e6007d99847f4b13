"""A spoken or typed four-digit PIN: "1234", "일 이 삼 사", "공일이삼", "하나 둘 셋 넷", "one two
three four", "천이백삼십사", "비밀번호는 1234야".

Every pack's PIN words are read together (:class:`~assistant.nlu.packs.PinWords`), so a PIN
may mix them ("제 pin은 one two 삼 사"). The result is only handed to the shop for checking;
it is never logged or echoed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from assistant.nlu.analysis import normal_form
from assistant.nlu.packs import DEFAULT_LANGS, packs

PIN_LENGTH = 4
_RECOGNISER_TOKEN = re.compile(r"[\[\(\{]([^\]\)\}]+)[\]\)\}]")


@dataclass(frozen=True)
class _Reader:
    """Every pack's PIN words joined."""

    digits: dict[str, str]
    """Digit word -> digit."""
    words: tuple[str, ...]
    """The digit words, longest first."""
    lead: re.Pattern[str]
    """What comes before the digits ("비밀번호는", "my pin is")."""
    tail: re.Pattern[str]
    """What comes after them ("이에요", "please")."""


def _group(parts: list[str]) -> str:
    return "(?:" + "|".join(parts) + ")"


@lru_cache(maxsize=8)
def _reader(langs: tuple[str, ...]) -> _Reader:
    words = [p.pin for p in packs(langs)]
    digits = {word: digit for w in words for word, digit in w.digits.items()}
    owners = [o for w in words for o in w.owners]
    names = [n for w in words for n in w.names]
    particles = [p for w in words for p in w.particles] + [":"]
    endings = [e for w in words for e in w.endings]
    owner = rf"(?:{_group(owners)}\s*)?" if owners else ""
    lead = rf"^{owner}{_group(names)}\s*{_group(particles)}?\s*" if names else "^"
    tail = rf"\s*{_group(endings)}?\s*$" if endings else r"\s*$"
    return _Reader(
        digits,
        tuple(sorted(digits, key=len, reverse=True)),
        re.compile(lead, re.IGNORECASE),
        re.compile(tail, re.IGNORECASE),
    )


def _digits(chunk: str, reader: _Reader) -> str | None:
    """Digits of one space-free chunk: ASCII digits, or a run of digit words."""
    if chunk.isascii() and chunk.isdigit():
        return chunk
    out = []
    rest = chunk.lower()
    while rest:
        word = next((w for w in reader.words if rest.startswith(w)), None)
        if word is None:
            return None
        out.append(reader.digits[word])
        rest = rest[len(word) :]
    return "".join(out)


def parse_pin(text: str, langs: tuple[str, ...] = DEFAULT_LANGS) -> str | None:
    """The four digits said in ``text``, or None when it is not (only) a PIN. Full-width
    (１２３４) and other scripts' digits are read as 0-9 (:func:`normal_form`)."""
    reader = _reader(langs)
    body = _RECOGNISER_TOKEN.sub(r" \1 ", normal_form(text)).strip().strip(" .!?~,")
    body = reader.tail.sub("", reader.lead.sub("", body)).strip()
    if not body:
        return None
    chunks = [c for c in re.split(r"[\s,\-.]+", body) if c]
    joined = "".join(chunks)
    if not joined.isdigit():
        for pack in packs(langs):
            whole = pack.pin_number(joined)  # "천이백삼십사" said as a number
            if whole is not None:
                return whole
    digits = []
    for chunk in chunks:
        found = _digits(chunk, reader)
        if found is None:
            return None
        digits.append(found)
    pin = "".join(digits)
    return pin if len(pin) == PIN_LENGTH else None
