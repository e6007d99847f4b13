"""Korean clauses said around a request, read off the text before the key is built.

- :func:`soften`: requests said as soft questions or wishes become plain requests, and
  what is said around them goes ("두부 두 모 주문해 주시겠어요?" -> "... 주문해 주세요",
  "빼빼로 사 주면 안 돼?" -> "빼빼로 사 줘", "두부 시켜 주면 좋겠구먼" -> "두부 시켜 줘",
  "우유 시켜 줘 내일 아침에
  필요해" -> "우유 시켜 줘", "우유도 시키고 요플레도 시켜 줘" -> "우유랑 요플레도 시켜 줘").
- :func:`delivery_clause`: a delivery said as a clause or noun phrase of its own ("햇반 한
  박스 매장에서 찾아갈게", "휴지 하나 시켜 줘 망원역 보관함으로", "초코파이 한 상자 매장
  픽업이요", "햇반 두 박스 주문해 놔 직접 가서 받아 올게"): the kind (home, locker, store)
  and the utterance without it. The caller keeps it only when what is left is a purchase
  of catalog groceries in the speaker's own voice, and only when the delivery clause itself
  is not negated, past or reported (front_end.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

WISH = re.compile(r"\s*주(?:시)?면\s*(?:좋겠|고맙겠|감사하겠)[가-힣]*[.!~]*$")
"""시켜 주면 좋겠구먼, 사 주시면 고맙겠어요: a wish said to the assistant."""
MAY_I = re.compile(
    r"\s*주(?:시)?면\s*안\s*(?:(?:돼|되나|되니|돼요|되나요|되겠니|되겠어|될까|될까요|됩니까)\s*[?？]"
    r"|(?:될까|될까요|되나요|되겠니|되겠어요|되겠습니까)[.~]*$)"
)
"""사 주면 안 돼?, 시켜 주면 안 될까: asking a favour (never "사 주면 안 돼", a prohibition)."""
WOULD_YOU = re.compile(r"\s*주(?:시)?겠(?:어요|어|습니까|니|나요)\s*[?？]?[.~]*$")
"""주문해 주시겠어요?: a polite request, not the speaker's own "I should"."""
WHY = re.compile(
    r"^(?P<ask>.*(?:줘|주세요|줘요|주라|줄래|놔|놔라|놔요))\s+(?P<why>[^?？]*?)\s*"
    r"필요(?:해|하거든|하니까|해서|하단 말이야)(?:요)?[.!~]*$"
)
"""우유 시켜 줘 내일 아침에 필요해: the request, then why (a time only)."""
BUY_AND = re.compile(
    r"(?<=\S)(?:도|를|을)?\s+(?:시키고|사고|주문하고|주문해\s*주고)\s+(?=\S)(?!싶|있|나|난|와|왔|오|가|갔|올|갈)"
)
"""우유도 시키고 요플레도 시켜 줘: two items bought with one verb each, one list."""
TIME_PARTICLES = ("까지는", "까지", "에는", "에", "은", "는")


def soften(text: str, time_words: Iterable[str]) -> str | None:
    """The text with a soft request said plainly, or None when there is none."""
    out = text
    out = WISH.sub(" 줘", out)
    out = MAY_I.sub(" 줘", out)
    out = WOULD_YOU.sub(" 주세요", out)
    out = BUY_AND.sub("랑 ", out)
    why = WHY.match(out)
    if why is not None and _times_only(why.group("why"), frozenset(time_words)):
        out = why.group("ask")
    out = re.sub(r"\s+", " ", out).strip()
    return out if out != text.strip() else None


def _times_only(words: str, times: frozenset[str]) -> bool:
    for word in words.split():
        for particle in TIME_PARTICLES:
            if word.endswith(particle) and word[: -len(particle)] in times:
                word = word[: -len(particle)]
                break
        if word not in times and word not in {"좀", "꼭", "당장", "빨리"}:
            return False
    return True


@dataclass(frozen=True)
class DeliveryClause:
    """A delivery said apart from the request: its kind, where it was said, and the rest."""

    kind: str
    start: int
    """Where the delivery clause starts in the text (its mood is read from here on)."""
    rest: str
    """The utterance without it."""


PLACE = r"(?:[가-힣A-Za-z0-9]*(?:역|동|아파트|단지|센터|빌라|오피스텔)\s*)?"
LOCKER = re.compile(
    PLACE + r"(?:무인\s*)?(?:택배\s*)?(?:택배함|보관함|사물함|무인함|락커|라커)"
    r"(?:으로|로|에다가|에다|에)?(?=\s|$|[?？.!])"
)
STORE_PLACE = r"(?:[가-힣]{1,6}점|매장|마트|가게|지점|점포)"
STORE = re.compile(
    STORE_PLACE + r"(?:에서|으로|로|에)?\s*(?:직접\s*)?(?:(?:가서|들러서|들려서|들렀다가|들러)\s*)?"
    r"(?=픽업|수령|찾|가져\s*(?:가|갈)|가지러|받아\s*(?:오|가|올|갈))"
)
"""매장에서 찾아갈게, 마트에서 픽업할게, 망원점에서 찾을게, 매장 픽업이요, 매장 수령으로, 매장
들러서 찾아갈게."""
PICKUP = re.compile(r"(?:픽업|방문\s*수령|매장\s*수령)(?:으로|로)?(?=\s|$|[?？.!]|이요|요|할|해)")
"""(스팸 세 캔) 픽업으로, 방문 수령으로: picked up at the store."""
MYSELF = re.compile(r"직접\s*(?:가서\s*)?(?=받으러|받아\s*(?:오|가|올|갈)|찾으러|찾아|가지러|가져)")
"""직접 가서 받아 올게: picked up at the store."""
HOME = re.compile(r"(?:집|자택|현관|집\s*앞|문\s*앞)(?:으로|로|에다가|에다|에)(?=\s|$|[?？.!])")
"""(우유 시켜 줘) 집으로: the home delivery, said after the request."""
TAIL = re.compile(r"^(?:보내|넣어|넣|갖다|배달|배송|부탁|해\s*줘|해\s*주|요\b|이요\b|[?？.!]|$)")
"""A locker or home clause's own verb: (택배함으로) 보내 줄래, 넣어 줘, 배달해 줘."""
BUYING = re.compile(
    r"^(?:으로\s*|로\s*)?(?:주문|시켜|시키|사\s*줘|사\s*주|구매|구입|담아|넣어\s*줘)"
)
"""What follows a delivery phrase and is the request itself ("택배함으로 주문해 줘")."""
BUY_THEN = re.compile(
    r"(?P<verb>주문|구매|구입)\s*(?:해서|하고|해다가)$|(?P<order>시키고|시켜서|시켜다가)$|(?P<buy>사서|사고|사다가)$"
)
"""스팸 세 캔 주문해서 (보관함에 넣어 줘), 시키고 (사물함으로 보내 줘): the buying of a request
whose own verb comes with the delivery."""
THIS_TIME = re.compile(r"[,\s]*(?:이번엔|이번에는|이번에|이번|대신)\s*$")
"""(같은 걸로 한 번 더,) 이번엔 (택배함으로): this time, said before the delivery."""
TAIL_WORDS = 4
"""A delivery clause's own words after its place (보내 줄래, 수령으로 해 줘, 찾아갈게)."""


WHEN_WORDS = frozenset(
    {"퇴근길에", "퇴근길", "퇴근하고", "퇴근하면서", "퇴근", "후에", "출근길에", "하굣길에",
     "이따", "이따가", "나중에", "내일", "오늘", "저녁에", "오후에", "아침에", "주말에", "길에",
     "가는", "오는", "집에", "가면서", "오면서", "장", "보러", "가서", "가다가", "오다가"}
)  # fmt: skip
"""When or on the way (퇴근길에, 이따가 집에 가는 길에): said before a store pickup."""
REQUEST_ENDS = re.compile(r"(?:줘|주세요|줘요|줄래|줄래요|시켜|주문해|해)[,.!~]*$")


def _without_when(head: str) -> str:
    """The request without when the speaker goes by the store: "신라면 시켜 줘 퇴근길에" ->
    "신라면 시켜 줘" (only words of when and the way, only after a request)."""
    words = head.split()
    k = len(words)
    while k > 1 and words[k - 1] in WHEN_WORDS and len(words) - k < TAIL_WORDS:
        k -= 1
    ask = " ".join(words[:k])
    return ask if k < len(words) and REQUEST_ENDS.search(ask) else head


def _asked(head: str) -> str:
    """The head of a request said as asked: "스팸 주문해서" -> "스팸 주문해 줘" (the delivery
    clause's own verb, 넣어 줘, asks for it; its mood is checked by the caller)."""
    found = BUY_THEN.search(head)
    if found is None:
        return head
    if found.group("verb"):
        said = found.group("verb") + "해 줘"
    else:
        said = "시켜 줘" if found.group("order") else "사 줘"
    return head[: found.start()] + said


def delivery_clause(text: str) -> DeliveryClause | None:
    """The first delivery said as a phrase or clause of its own, or None."""
    for kind, pattern in (
        ("locker", LOCKER),
        ("store", STORE),
        ("store", MYSELF),
        ("store", PICKUP),
        ("home", HOME),
    ):
        found = pattern.search(text)
        if found is None:
            continue
        start = found.start()
        if start and not text[start - 1].isspace():
            continue  # inside a word
        head, tail = text[:start].strip(), text[found.end() :].strip()
        head = THIS_TIME.sub("", head).strip()  # 한 번 더, 이번엔 택배함으로
        if kind == "store":
            head = _without_when(head)  # 시켜 줘 | 퇴근길에 매장 들러서 찾아갈게
        if not head:  # "사물함으로 보내 줘": the default place, no order of its own
            if len(tail.split()) < 2 or TAIL.match(tail) or BUYING.match(tail):
                return None
            return DeliveryClause(kind, start, tail)  # 보관함으로 | 사이다 열 개 보내 줘
        asked = _asked(head)
        own_verb = kind == "store" or TAIL.match(tail)
        if asked != head and len(tail.split()) <= TAIL_WORDS and own_verb:
            return DeliveryClause(kind, start, asked)  # 주문해서 | 보관함에 넣어 줘
        if BUYING.match(tail):
            rest = head + " " + re.sub(r"^(?:으로|로)\s*", "", tail)
        elif len(tail.split()) <= TAIL_WORDS and (kind == "store" or TAIL.match(tail)):
            rest = head  # the clause's own verb goes with it: 보내 줄래, 픽업이요, 찾아갈게
        else:
            return None
        return DeliveryClause(kind, start, rest.strip())
    return None
