"""A first, rule-based Korean intent parser.

It understands the foundation conversations (order, cart, cancel, status,
yes/no) and refuses what it does not understand with ``none``. The
grammar-driven parser (``grammars/``, spaCy + Kiwi) replaces it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.nlu.numbers import NATIVE_PATTERN, SINO_PATTERN, parse_number
from assistant.nlu.schema import Intent, Slots

MAX_UTTERANCE = 300
"""Longer input is not a spoken command."""

COUNTERS = (
    "봉지 포대 묶음 송이 박스 상자 리터 킬로 세트 포기 마리 개 병 팩 판 캔 모 통 망 단 봉 구 kg L l"
).split()
UNIT_NORMAL = {"킬로": "kg", "리터": "L", "l": "L", "상자": "박스"}
_COUNTER_ALT = "|".join(sorted(COUNTERS, key=len, reverse=True))
QUANTITY_RE = re.compile(
    rf"(?:(?<![가-힣A-Za-z])(?P<kor>{NATIVE_PATTERN}|{SINO_PATTERN})|(?P<dig>-?[0-9]+))"
    rf"\s*(?P<unit>{_COUNTER_ALT})(?![A-Za-z])"
)
BARE_NUMBER_RE = re.compile(
    r"(?:^|\s)(?P<num>[0-9]+|하나|둘|셋|넷|다섯|여섯|일곱|여덟|아홉|열)(?=\s|$)"
)
CART = r"(?:장바구니|카트)"
NEGATION = re.compile(r"(?:지\s*(?:마|말|않)|안\s*(?:주문|시켜|시킬|살|사|담)|하지\s*마|말아)")
VERB_STEMS = (
    "주문", "시켜", "시키", "구매", "구입", "사줘", "사다", "사와", "살래", "살게", "사고",
    "사 줘", "담아", "담어", "담아줘", "넣어", "추가", "빼", "삭제", "지워", "제거", "취소",
    "보여", "주세요", "줘", "주라", "줄래", "주문해",
)  # fmt: skip
FILLERS = {"좀", "그", "저", "그거", "이거", "빨리", "지금", "얼른", "나", "내", "우리", "꼭"}
PARTICLES = ("이랑", "하고", "으로", "에서", "를", "을", "좀", "도", "만", "랑", "로", "에")

_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("stop", re.compile(r"^(?:그만|종료|끝|나가기|exit|quit|stop|bye)(?:\s*(?:해|할게|하자))?$")),
    ("help", re.compile(r"(?:도움말|도와줘|도움|뭐\s*할\s*수\s*있|사용법|^help$)")),
    (
        "confirm",
        re.compile(
            r"^(?:응|네|예|넵|넹|어|그래|좋아|맞아|그렇게\s*해|주문해|ㅇㅇ|yes|yeah|ok|okay)"
            r"(?:\s*(?:요|줘|주세요|해\s*줘|해|부탁해|주문해|할게|그렇게))*$"
        ),
    ),
    (
        "deny",
        re.compile(
            r"^(?:아니|아니요|아뇨|아니야|싫어|됐어|안\s*해|하지\s*마|no|nope)(?:\s*(?:요|야|해))?$"
        ),
    ),
    (
        "checkout",
        re.compile(rf"{CART}.*(?:주문|결제|계산|구매|사\s*줘)|(?:결제|계산)\s*(?:해|할게|하자)"),
    ),
    ("remove_from_cart", re.compile(r"(?:빼|삭제|지워|제거|없애)")),
    ("add_to_cart", re.compile(rf"(?:담아|담어|넣어|{CART}에?\s*추가|추가해)")),
    ("view_cart", re.compile(rf"{CART}")),
    ("cancel_order", re.compile(r"취소")),
    (
        "order_status",
        re.compile(r"(?:주문|배송|택배).*(?:상태|어디|언제|확인|조회|어떻게|왔|도착)|주문\s*내역"),
    ),
    (
        "order",
        re.compile(r"(?:주문|시켜|시킬|구매|구입|사\s*줘|사다\s*줘|사와|살래|살게|사고\s*싶)"),
    ),
    ("give", re.compile(r"(?:주세요|줘|주라|줄래)$")),
)


@dataclass(frozen=True)
class Quantity:
    """A quantity expression found in an utterance."""

    value: int
    """The number."""
    unit: str | None
    """Counting word, normalised (킬로 -> kg)."""
    span: tuple[int, int]
    """Where it was in the text."""


_NOT_TEXT = re.compile(r"[^\w\s.,?!~\-]")


def normalise(text: str) -> str:
    """Collapse spaces, drop emoji and symbols, trim end punctuation."""
    text = _NOT_TEXT.sub(" ", text)
    text = re.sub(r"\s+", " ", text).strip()
    return text.strip(" .?!~…,")


def find_quantity(text: str) -> Quantity | None:
    """The count of items asked for. In "서울우유 1L 두 개" the size comes first and the
    count last, so the last quantity expression wins."""
    found: Quantity | None = None
    for m in QUANTITY_RE.finditer(text):
        word = m.group("kor") or m.group("dig")
        value = parse_number(word)
        if value is None:
            continue
        unit = m.group("unit")
        if unit == "구":
            continue  # "30구" is a pack size (eggs), not a count of items
        found = Quantity(value, UNIT_NORMAL.get(unit, unit), m.span())
    if found is not None:
        return found
    bare = BARE_NUMBER_RE.search(text)
    if bare:
        value = parse_number(bare.group("num"))
        if value is not None:
            return Quantity(value, None, bare.span("num"))
    return None


def _strip_particle(token: str) -> str:
    for particle in PARTICLES:
        if token.endswith(particle) and len(token) - len(particle) >= 2:
            return token[: -len(particle)]
    return token


def product_phrase(text: str, quantity: Quantity | None) -> str | None:
    """The words naming a product: before the verb, without quantity, cart words and fillers."""
    if quantity is not None:
        text = text[: quantity.span[0]] + " " + text[quantity.span[1] :]
    text = re.sub(rf"{CART}(?:에서|에|의)?", " ", text)
    words: list[str] = []
    for token in text.split():
        cut = min((i for s in VERB_STEMS if (i := token.find(s)) >= 0), default=-1)
        if cut == 0:
            break
        if cut > 0:
            words.append(token[:cut])
            break
        words.append(token)
    words = [_strip_particle(w) for w in words if w not in FILLERS]
    words = [w for w in words if w and w not in FILLERS]
    return " ".join(words) or None


def parse(text: str, lang: str = "ko") -> Intent:
    """Intent and slots of one utterance."""
    norm = normalise(text)
    if not norm or len(norm) > MAX_UTTERANCE:
        return Intent(text, lang, "none", 0.0)
    lowered = norm.lower()
    for name, pattern in _RULES:
        if not pattern.search(lowered):
            continue
        if name in {"order", "give", "add_to_cart", "checkout"} and NEGATION.search(lowered):
            return Intent(text, lang, "none", 0.6)
        if name in {"confirm", "deny", "stop", "help", "view_cart", "order_status"}:
            return Intent(text, lang, name, 0.9)
        quantity = find_quantity(norm)
        product = product_phrase(norm, quantity)
        slots = Slots(
            product=product,
            quantity=quantity.value if quantity else None,
            unit=quantity.unit if quantity else None,
        )
        if name == "give":
            # "우유 두 개 주세요" is an order; "음악 틀어줘" is not: a bare "please give"
            # counts only with a quantity in front of it.
            if quantity is None or product is None:
                return Intent(text, lang, "none", 0.4)
            name = "order"
        if name == "order" and product is None:
            return Intent(text, lang, "none", 0.3)
        return Intent(text, lang, name, 0.8, slots)
    return Intent(text, lang, "none", 0.5)


_ORDINALS = {"첫": 1, "첫째": 1, "한": 1, "두": 2, "둘째": 2, "세": 3, "셋째": 3, "네": 4,
             "넷째": 4, "다섯": 5}  # fmt: skip
CHOICE_RE = re.compile(r"^(?P<n>[0-9]+|첫|첫째|한|두|둘째|세|셋째|네|넷째|다섯)\s*(?:번째|번|째)?")


def parse_choice(text: str) -> int | None:
    """ "2번", "두 번째 거", "첫째" -> 1-based choice; None if it is not an ordinal answer."""
    m = CHOICE_RE.match(normalise(text))
    if not m or m.end() == 0:
        return None
    rest = normalise(text)[m.end() :].strip()
    if m.group("n").isdigit():
        if rest and not re.match(r"^(?:번|번째)?\s*(?:거|걸로|것|꺼|요|으로|로)?", rest):
            return None
        return int(m.group("n"))
    if "번" not in normalise(text) and "째" not in m.group(0):
        return None
    return _ORDINALS.get(m.group("n"))
