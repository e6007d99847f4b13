"""Korean mood from Kiwi morphemes: negated, past, reported or musing, and the main clause."""

from __future__ import annotations

Token = tuple[str, str, str, tuple[int, int]]
"""(form, Kiwi tag, lemma, span)."""

CONTENT_START = frozenset({"NNG", "NNP", "MAG", "MM", "SN"})
HEARSAY = frozenset(
    {"대", "래", "ᆫ대", "는대", "대요", "래요", "ᆫ대요", "는대요", "다고", "ᆫ다고", "냬"}
)
MUSING_ENDINGS = frozenset(
    {"어야지", "아야지", "야지", "지", "ᆯ까", "을까", "ᆯ까요", "을까요", "ᆯ려구", "ᆯ려고", "려고",
     "려구", "으려고", "ᆫ다", "는다", "ᆸ니다", "습니다", "는데", "ᆫ데", "은데", "ᆯ까봐", "ᆫ대"}
)  # fmt: skip
ADDRESSEES = frozenset(
    {"엄마", "아빠", "여보", "자기", "손님", "언니", "오빠", "형", "누나", "선생님"}
)
PAST = frozenset({"었", "았", "였", "ᆻ", "었었", "았었"})
SELF = frozenset({"나", "저", "우리", "저희", "내", "제"})


def past(toks: list[Token]) -> bool:
    """The final predicate is in the past tense (주문했어), not a past modifier (주문했던 거)."""
    for i, (form, tag, _, _) in enumerate(toks):
        if tag == "EP" and form in PAST:
            rest = [t[1] for t in toks[i + 1 :] if not t[1].startswith("S")]
            final = rest and all(t.startswith(("EP", "EF", "EC", "VX", "J")) for t in rest)
            if final and (any(t == "EF" for t in rest) or rest[-1] == "EC"):
                return True
    return False


def negated(toks: list[Token]) -> bool:
    """A negation: -지 마, -지 않다, 안, 못."""
    for i, (form, tag, lemma, _) in enumerate(toks):
        prev = toks[i - 1] if i else None
        if lemma in {"말다", "않다"} and prev is not None and prev[0] in {"지", "진"}:
            return True
        if tag == "MAG" and form in {"안", "못"}:
            return True
    return False


def reported(toks: list[Token]) -> bool:
    """Hearsay endings, a subject other than the speaker (친구가 ... 주문했대), someone else
    addressed (엄마, 사 주실래요), or a musing that ends in -는데 (사고 싶은데)."""
    if toks and toks[0][0] in ADDRESSEES:
        return True
    if musing(toks):
        return True
    for i, (form, tag, _, _) in enumerate(toks):
        if tag == "EF" and form in HEARSAY:
            return True
        if tag == "JKS" and i and toks[i - 1][1] in {"NNG", "NNP"} and toks[i - 1][0] not in SELF:
            return True
    return False


def musing(toks: list[Token]) -> bool:
    """The speaker thinks aloud or promises someone else, rather than asking the assistant:
    사야지, 살까, 살 거야, 살려구, 산다, 시켜야겠다, 사 줄게 (to a person), 싶은데."""
    words = [t for t in toks if not t[1].startswith("S")]
    if not words:
        return False
    form, tag, _, _ = words[-1]
    if tag in {"EF", "EC"} and form in MUSING_ENDINGS:
        return True
    if any(t[1] == "EP" and t[0] == "겠" for t in words):
        return True  # 시켜야겠다: "I should order"
    for a, b, c in zip(words, words[1:], words[2:], strict=False):
        if a[:2] == ("ᆯ", "ETM") and b[0] in {"거", "것"} and c[1] == "VCP":
            return True  # 살 거야: a plan, not a request
    if len(words) >= 3 and words[-2][0] == "주" and form in {"ᆯ게", "을게", "ᆯ게요"}:
        return words[-3][0] in {"어", "아"} and any(t[2] == "사다" for t in words)
    return False


EXCLAIMS = frozenset({"네", "네요", "군", "구나", "군요"})
"""Sentence endings Kiwi may read as connective before another clause ("세제가 없네 | 사야겠어")."""


def last_clause(toks: list[Token]) -> list[Token]:
    """The main clause: what follows the last sentence or clause ending that starts new content
    ("홍콩반점에 전화해서 | 탕수육 주문해")."""
    cut = 0
    for i in range(len(toks) - 1):
        form, tag, _, _ = toks[i]
        nxt = toks[i + 1][1]
        sentence_end = tag == "EF" and not nxt.startswith(("E", "S", "J"))
        connective = (
            tag == "EC"
            and form not in {"지", "진", "어", "아", "고", "게"}
            and not nxt.startswith(("V", "E", "X"))
        )
        and_then = tag == "EC" and form in {"어", "아", "고"} and nxt in CONTENT_START
        exclaimed = tag == "EC" and form in EXCLAIMS and nxt.startswith(("V", "N", "M"))
        if sentence_end or connective or and_then or exclaimed:
            cut = i + 1
    return toks[cut:]


USED_UP = frozenset({"쓰다", "먹다", "마시다"})
"""다 썼어, 다 먹었어, 다 마셨어: the household has used a product up."""
GOING = frozenset({"가다", "오다", "들르다", "나가다"})
"""사러 가, 가서 사, 사 올게: the speaker goes to buy it themself (a plan, not a request)."""
PLAN_TIMES = frozenset(
    {"내일", "이따", "이따가", "나중", "나중에", "주말", "모레", "퇴근", "마트", "시장", "퇴근길",
     "편의점", "슈퍼", "길", "가게", "다음"}
)  # fmt: skip
"""A time or place of the speaker's own errand: "내일 마트 가서 우유 사야지"."""
BUY_LEMMAS = frozenset({"사다", "시키다", "*시키다", "주문", "구매", "구입"})


def needs(toks: list[Token], whole: list[Token] | None = None) -> bool:
    """A need said to the assistant, which is a request: 우유 떨어졌어, 세제 거의 다 떨어졌어,
    물티슈 다 썼어, 쌀 다 먹었어, 우유가 없네, 휴지 사야겠다. Grammatically these are past
    tenses or musings, so the caller clears those flags deliberately; never for a negation
    (안 떨어졌어), hearsay (떨어졌대), an errand of the speaker's own (사러 갈 거야, 내일 마트
    가서 사야겠다) or someone else's deed (엄마가 다 먹었어: a subject that is not the product,
    checked by the caller). ``whole``: the whole utterance, when ``toks`` is its last clause
    (the errand may be said before: "내일 마트 가서 | 우유 사야겠다")."""
    words = _without_hedge([t for t in toks if not t[1].startswith("S")])
    around = [t for t in (whole or toks) if not t[1].startswith("S")]
    if not words or negated(toks):
        return False
    if any(t[1] == "EF" and t[0] in HEARSAY for t in words):
        return False
    lemmas = [t[2] for t in words]
    if any(t[0] in PLAN_TIMES for t in around) or any(
        t[2] in GOING and t[1] == "VV" for t in around
    ):
        return False
    if "필요" in lemmas:
        return False  # "필요 없어": not needed
    if any(t[0] == "도" and t[1] == "JX" for t in words):
        return False  # "휴지도 떨어졌네", "김치도 없네": a remark in a string of complaints
    verbs = [  # 사야 돼: the 되다 after -어야 is the "must", not a verb of its own
        t
        for n, t in enumerate(words)
        if t[1] in {"VV", "VA", "XSV"}
        and not (t[2] in {"되다", "하다"} and n and words[n - 1][0] in MUST)
    ]
    if len(verbs) != 1:
        return False
    verb = verbs[0]
    at = words.index(verb)
    rest = words[at + 1 :]
    if not all(t[1].startswith(("E", "VX")) or t[2] in {"되다", "하다"} for t in rest):
        return False
    if verb[2] in {"떨어지다", "바닥나다"}:
        return True  # 우유 떨어졌어, 다 떨어져 가, 섬유유연제가 바닥났어
    if verb[2] in USED_UP:
        going = any(t[2] == "가다" and t[1] == "VX" for t in rest)  # 다 써 가네
        return at > 0 and words[at - 1][0] == "다" and (going or any(t[1] == "EP" for t in rest))
    if verb[2] == "없다":
        return bool(rest) and rest[-1][0] in {"네", "어", "어요", "네요"} and "밖에" not in lemmas
    forms = [t[0] for t in rest]
    must = any(f in MUST for f in forms)
    if verb[2] == "있다":  # 계란 한 판 더 있어야겠다: "we should have more"
        return verb[1] == "VV" and must and "겠" in forms
    # 사야겠다, 시켜야겠어, 주문해야겠다, 사야 할 것 같아, 사야지: "I should buy", said to the
    # assistant (never 사 가야지, 사 올게: the speaker's own errand)
    buy = verb[2] in BUY_LEMMAS or (at > 0 and words[at - 1][0] in BUY_LEMMAS)
    if not buy or any(t[1] == "VX" and t[2] in GOING for t in rest):
        return False
    if forms and forms[-1] in {"어야지", "아야지", "여야지", "야지"}:
        # 바나나 사야지, said alone (never 치킨 시켜야지: a takeaway planned; nor 애들 먹을
        # 과자 사야지, 우유 떨어지기 전에 사야지: a musing around it)
        alone = not any(t[1] in {"VV", "VA", "ETM", "ETN"} and t[3] != verb[3] for t in around)
        return verb[2] == "사다" and alone
    if forms and forms[-1] in {"는데", "ᆫ데", "은데"} and not reminded(around):
        return False  # 우유 사야 되는데 (…): a musing, unless remembered (아 맞다)
    said_must = "겠" in forms or any(t[2] in {"하다", "되다"} for t in rest)
    return must and said_must


MUST = frozenset({"어야", "아야", "여야"})
HEDGE = (("ᆯ", "ETM"), ("것", "NNB"), ("같", "VA"))


def _without_hedge(words: list[Token]) -> list[Token]:
    """The words without a closing "ᆯ 것 같다" (사야 할 것 같아: a hedge on "must buy")."""
    for n in range(len(words) - 2):
        if all(words[n + k][:2] == HEDGE[k] for k in range(3)):
            rest = words[n + 3 :]
            if all(t[1].startswith("E") for t in rest):
                return words[:n]
    return words


def reminded(words: list[Token]) -> bool:
    """The speaker has just remembered: "아 맞다", "참", "아 참" before the need."""
    return any(t[2] == "맞다" and t[1] == "VV" for t in words[:3]) or any(
        t[0] in {"참", "아참"} and t[1] in {"IC", "MAG"} for t in words[:2]
    )


def bought_already(toks: list[Token]) -> bool:
    """A buying said in the past and joined to what follows (주문했고 매장에서 찾아갈게, 샀는데
    집에 가져갈게), with no request of its own after it: the order is made, nothing is asked."""
    words = [t for t in toks if not t[1].startswith("S")]
    for n, (_, _, lemma, _) in enumerate(words[:-1]):
        buy = lemma in BUY_LEMMAS or (
            lemma == "하다" and n > 0 and words[n - 1][0] in {"주문", "구매", "구입", "결제"}
        )
        if not buy or words[n + 1][1] != "EP" or words[n + 1][0] not in PAST:
            continue
        after = words[n + 2 :]
        if not after or after[0][1] != "EC":
            continue
        later = after[1:]
        if not any(t[2] in BUY_LEMMAS or t[2] == "주다" or t[0] == "주문" for t in later):
            return True
    return False
