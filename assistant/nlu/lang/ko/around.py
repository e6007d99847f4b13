"""What Korean households say around a request, put plainly before the key is read (issue 14).

:func:`plain_forms` gives the utterance said more plainly, in the order to try; the caller
(front_end.py) keeps one only when what is left is a purchase of catalog groceries in the
speaker's own voice (never negated, past, reported, a question or hesitant), so a rewrite can
never turn a remark into an order:

- polite endings: "고추참치 다섯 캔 주문 부탁드려요" / "… 부탁드립니다" -> "… 주문해 주세요";
  a count said with a cute or slurred 요 ("물티슈 3팩이용", "신라면 두묶음요");
- what the request is for, said before it: "애들 간식으로 …", "아침에 먹게 …", "손님
  오시니까 …" (a purpose noun with -(으)로, or a clause ending in -게/-니까/-는데/-려고);
- a reason said after it: "우유 사 줘 내일 손님 오거든" (-거든, -니까, -잖아, -어서);
- needs said over two clauses or with a softer word: "햇반이 하나도 없네", "우유 얼마 안
  남았네", "휴지 다 떨어져서 사야 돼".
"""

from __future__ import annotations

import re
from collections.abc import Iterable

NATIVE = r"(?:한|두|세|네|다섯|여섯|일곱|여덟|아홉|열|열한|열두|스무)"
COUNT = rf"(?:[0-9]+|{NATIVE})"

POLITE = re.compile(
    r"\s*(?P<buy>주문|구매|구입|배달|배송)?\s*부탁\s*(?:드려요|드립니다|드릴게요|드릴께요|드려|"
    r"해요|합니다|할게요|할께요|해|드리겠습니다|드릴게)\s*(?P<end>[.!~]*)$"
)
"""(주문) 부탁드려요 / 부탁드립니다 / 부탁해요: please (order it)."""
SLURRED_YO = re.compile(rf"(?P<count>{COUNT}\s*[가-힣]{{1,3}}?)(?:이용|이여|용)(?=[.!~]*$)")
"""3팩이용, 두 개용: the 이요 of a count said cutely."""
SLANG_PLEASE = re.compile(r"(?<=\s)(?:주셈|주삼|주셈요|줘잉|줘용|주쇼|줘라잉)(?P<end>[.!~]*)$")
"""계란 한 판 주셈, 주삼, 줘잉: slang and dialect for 주세요."""
PURPOSE_NOUNS = frozenset(
    {"간식", "아침", "점심", "저녁", "야식", "반찬", "안주", "술안주", "선물", "도시락",
     "디저트", "후식", "캠핑", "소풍", "파티", "제사", "집들이", "국거리", "찌개", "비상식량",
     "아침밥", "점심밥", "저녁밥", "아침거리", "간식거리", "요리", "생일", "손님상", "밑반찬"}
)  # fmt: skip
"""Nouns of what a grocery is for ("애들 간식으로", "저녁 반찬으로")."""
PURPOSE = re.compile(
    r"^(?P<chunk>(?:\S+\s+){0,2}?(?P<noun>[가-힣]+?)(?P<use>용으로|용|으로|로)\s+)"
)
"""애들 간식으로, 저녁 반찬으로, 캠핑용으로: what it is for."""
PURPOSE_CLAUSE = re.compile(
    r"^(?P<chunk>(?:\S+\s+){0,3}?\S*(?:게|도록|니까|니깐|는데|길래|려고|려구|으니|오니)\s+)"
)
"""아침에 먹게, 손님 오시니까, 주말에 캠핑 가는데: why the request is made, said first."""
REQUEST_END = re.compile(
    r"(?:줘|주세요|줘요|주라|줄래|줄래요|놔|놔라|놔요|시켜|주문해|사자|시키자|부탁해|부탁해요|"
    r"요|이요|세요|야겠어|야겠다|야겠네|야\s*돼|야\s*해|[,.!~])[,.!~?？]*$"
)
"""Where a request (or a need said as one) can end before why it is made."""
NEED_END = re.compile(
    r"(?:떨어졌네|떨어졌어|떨어졌다|없네|없어|없다|썼어|썼다|썼네|먹었어|먹었다)[,.!~]*$"
)
"""A need said as a remark (우유 떨어졌네), before what it is for (김밥 싸야 되는데)."""
HEARSAY_SAID = re.compile(r"그러|그랬|더라|말했|했대|랬|댔|[대래]요?[.!~]*$")
"""A reason that reports what someone said: the request may be theirs (엄마가 그러더라)."""
REASON_WORDS = 7
"""Words of a reason said after the request, at most."""
NEED_WORDS = 3
"""A need said as a remark before its reason is short: 참기름이 똑 떨어졌네 (김밥 싸야 되는데)."""
ADDRESSED = frozenset(
    {"선배", "후배", "엄마", "아빠", "여보", "자기", "언니", "오빠", "형", "누나", "선생님",
     "부장님", "팀장님", "얘", "야", "자기야", "여보야", "당신"}
)  # fmt: skip
"""People spoken to: what is said around them is said to them, never cut away."""
BUYING_WORDS = re.compile(
    rf"(?:^|\s)(?:사|시키|시켜|주문|담아|넣어|빼|취소)|필요|[0-9]|\?|？|도\s"
    rf"|(?:^|\s)(?:{NATIVE}\s|하나|둘|셋|넷)"
)
"""A reason that buys, counts or adds something is no reason: it is kept."""
NOT_PLAIN = re.compile(r"(?:^|\s)(?:안|못)\s|말고|지\s*마|지\s*말|[다라]고|아니|취소")
"""A purpose or reason that negates, reports or takes back: never cut away."""
NONE_LEFT_SAID = re.compile(rf"\s(?:하나도|{NATIVE}\s*[가-힣]{{1,2}}도)\s+안\s*남았")
"""키친타월이 한 롤도 안 남았어: not one left (다 떨어졌어)."""
NONE_LEFT = re.compile(
    r"\s(?:하나도|한\s*개도|하나두|1개도|한\s*톨도|한\s*봉지도)\s+(?=없|안\s*남)"
)
"""햇반이 하나도 없네: "not even one" (no count)."""
LITTLE_LEFT = re.compile(
    r"\s(?:얼마|별로|거의|조금밖에|쪼금밖에|몇\s*개밖에|하나밖에|한\s*개밖에)\s+안\s*남았"
    r"(?P<end>네요|네|어요|어|다|는데)?"
)
"""우유 얼마 안 남았네: running low (다 떨어져 가네)."""
RAN_OUT_SO = re.compile(
    r"(?P<gone>떨어져|떨어졌|다\s*써|다\s*썼|다\s*먹어|다\s*먹었|바닥나)(?:서|으니까|으니|는데)\s+"
)
"""휴지 다 떨어져서 사야 돼: the need, then the buying (two sentences)."""
GONE_AS_SAID = {
    "떨어져": "떨어졌어",
    "떨어졌": "떨어졌어",
    "다 써": "다 썼어",
    "다 썼": "다 썼어",
    "다 먹어": "다 먹었어",
    "다 먹었": "다 먹었어",
    "바닥나": "바닥났어",
}
NEED_THEN_BUY = re.compile(
    r"^(?:(?:아|아이고|헐|어)\s+)?(?P<what>[가-힣A-Za-z]+?)(?P<particle>이|가)?\s+"
    r"(?:(?:다|거의|똑|벌써|또)\s+)?"
    r"(?P<gone>(?:떨어졌|떨어져\s*간|떨어져\s*가|없|썼|다\s*먹었|먹었|바닥났)[가-힣]*)[,.!~]*\s+"
    r"(?P<count>(?:\S+\s+){0,2}?)(?P<buy>사야|사자|시켜야|시키자|주문해야)[가-힣]*(?:\s*(?:돼|해|겠어|겠다))?"
    r"[.!~]*$"
)
"""쓰레기봉투 다 썼다 | 한 묶음 사야지, 각티슈 떨어졌는데 한 묶음 사자, 맛술 없다 사야겠네: the
need, then the buying of it (a count or size only)."""
COUNT_WORDS = re.compile(rf"^(?:[0-9]\S*|{NATIVE}|하나|둘|셋|넷|좀|더|\S*짜리|\S*[0-9]\S*)$")
DIALECT_JOIN = re.compile(r"(?<=[가-힣])하구(?=\s)")
"""우유하구 계란: 하고."""


OUR_HOME = re.compile(r"(?<![가-힣])(?:우리|저희)\s*집(?!\s*(?:으로|로|에|앞|까지))")
"""우리 집 (주문 기록): the household, not the home delivery (우리 집으로 보내 줘)."""
FORGOT = re.compile(r"\s*기억(?:이|도)?\s*안\s*나(?:네|는데|서|니까|요|네요)?(?=\s|$)")
"""(뭐 시켰는지) 기억이 안 나네: a remark on the speaker's memory, not a negation."""


def respelt(text: str) -> str:
    """Spellings of speech written the usual way (우유하구 -> 우유하고), and words that say
    nothing to the shop (우리 집 주문 기록 -> 우리 주문 기록; 기억이 안 나네)."""
    text = FORGOT.sub("", OUR_HOME.sub("우리", text))
    text = SLANG_PLEASE.sub(lambda m: "주세요" + m.group("end"), text)
    return DIALECT_JOIN.sub("하고", text)


def polite(text: str) -> str:
    """Polite and cute endings said plainly: 주문 부탁드려요 -> 주문해 주세요, 3팩이용 ->
    3팩이요; never a favour asked of someone named (아빠한테 우유 부탁해)."""
    if re.search(r"[가-힣](?:한테|에게|께)\s", text):
        return DIALECT_JOIN.sub("하고", text)
    found = POLITE.search(text)
    if found is not None and found.start() > 0:
        verb = found.group("buy")
        said = f" {verb}해 주세요" if verb else " 주세요"
        text = text[: found.start()] + said + found.group("end")
    text = SLURRED_YO.sub(lambda m: m.group("count") + "이요", text)
    return DIALECT_JOIN.sub("하고", text)


def spaced_counts(text: str, counters: Iterable[str]) -> str:
    """A native number glued to its counter spaced out: 두묶음요 -> 두 묶음요."""
    words = sorted((c for c in counters if re.fullmatch(r"[가-힣]+", c)), key=len, reverse=True)
    if not words:
        return text
    counter = "|".join(words)
    glued = re.compile(rf"(?<=\s)(?P<n>{NATIVE})(?P<c>{counter})(?=요|이요|만|씩|\s|$)")
    return glued.sub(lambda m: f"{m.group('n')} {m.group('c')}", text)


def needs_said(text: str) -> str:
    """Needs said softly, said the way the parser reads a need: 하나도 없네 -> 없네, 얼마 안
    남았네 -> 다 떨어져 가네, 떨어져서 사야 돼 -> 떨어졌어 사야 돼."""
    text = NONE_LEFT_SAID.sub(" 다 떨어졌", text)
    text = NONE_LEFT.sub(" ", text)
    text = LITTLE_LEFT.sub(lambda m: " 다 떨어져 가" + (m.group("end") or "네"), text)
    return RAN_OUT_SO.sub(
        lambda m: GONE_AS_SAID.get(re.sub(r"\s+", " ", m.group("gone")), m.group("gone")) + " ",
        text,
    )


def need_then_buy(text: str) -> str | None:
    """A need and the buying of it said as one request: "쓰레기봉투 다 썼다 한 묶음 사야지" ->
    "쓰레기봉투 한 묶음 사야겠어"; None when the buying names anything but a count or size."""
    found = NEED_THEN_BUY.match(text)
    if found is None:
        return None
    if re.search(r"(?:대|래|대요|래요|다고|라고|더라|던데)$", found.group("gone")):
        return None  # 우유 다 떨어졌대: someone else says so
    what = found.group("what")
    if found.group("particle") and len(what) < 2:
        what += found.group("particle")  # 오이: a grocery ending in 이, not 오 + 이
    count = found.group("count").split()
    after_number = [n > 0 and COUNT_WORDS.match(count[n - 1]) for n in range(len(count))]
    if not all(COUNT_WORDS.match(w) or after_number[n] for n, w in enumerate(count)):
        return None  # only a count and its counter (한 묶음), a size (10키로짜리) or 좀
    return " ".join([what, *count, "사야겠어"])


def _addressed(words: Iterable[str]) -> bool:
    """A word names someone spoken to (선배, 엄마야, 부장님)."""
    return any(w.rstrip("아야님") in ADDRESSED or w in ADDRESSED for w in words)


def trimmed(text: str) -> list[tuple[str, bool]]:
    """The request without what surrounds it (purpose or reason before, reason after), most
    trimmed first, each with whether what was cut reports someone else's words (never for a
    purchase then); empty when nothing surrounds it."""
    out: list[tuple[str, bool]] = []
    rest = text
    words = text.split()
    addressed = _addressed(words)
    for k in range(len(words) - 1, max(0, len(words) - 1 - REASON_WORDS), -1):
        ask, why = " ".join(words[:k]), " ".join(words[k:])
        need = NEED_END.search(ask) is not None and k <= NEED_WORDS
        if not (REQUEST_END.search(ask) or need) or BUYING_WORDS.search(why):
            continue
        if addressed:
            break  # 선배 … 계란이 없어 어 선배: said to someone in the room
        if NOT_PLAIN.search(why.replace("못 ", "") if need else why):
            continue
        out.append((ask, HEARSAY_SAID.search(why) is not None))
    if out:
        rest = out[0][0]
    for pattern in (PURPOSE, PURPOSE_CLAUSE):
        found = pattern.match(rest)
        if found is None or NOT_PLAIN.search(found.group("chunk")):
            continue
        chunk = found.group("chunk").split()
        if _addressed(chunk):
            continue  # 엄마 애들 간식으로 …: said to someone in the room
        if HEARSAY_SAID.search(found.group("chunk").strip()):
            continue
        named = found.groupdict()
        if "noun" in named and not (
            named["use"].startswith("용") or named["noun"] in PURPOSE_NOUNS
        ):
            continue
        cut = rest[found.end() :].strip()
        if cut:
            out.insert(0, (cut, bool(out) and out[0][1]))
            rest = cut
    return out


LIST_AFTER_YO = re.compile(r"(?<=\S)(?:이요|요)\s+(?P<next>\S+?)도(?=\s)")
"""새송이 한 봉지요 느타리도 하나: one item, then another (a list)."""


def plain_forms(text: str, counters: Iterable[str]) -> list[tuple[str, bool]]:
    """The utterance said more plainly, the forms to try in order (without ``text`` itself),
    each with whether what was cut reports someone else's words."""
    first = needs_said(spaced_counts(polite(text), counters))
    listed = LIST_AFTER_YO.sub(lambda m: "랑 " + m.group("next"), first)
    bought = need_then_buy(first)
    forms = [(first, False), (listed, False), *([(bought, False)] if bought else [])]
    forms += trimmed(first)
    seen: list[tuple[str, bool]] = []
    for form, heard in forms:
        form = re.sub(r"\s+", " ", form).strip()
        if form and form != text.strip() and all(form != f for f, _ in seen):
            seen.append((form, heard))
    return seen
