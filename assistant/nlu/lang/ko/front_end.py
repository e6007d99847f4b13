"""Korean front end: Kiwi morphemes, then the key and slots.

Kiwi (kiwipiepy) reads an utterance into morphemes, each a :data:`~.mood.Token`: its form,
Kiwi's tag, the dictionary form (담다, 시키다) and its span in the text. They are kept as
plain tuples, not in a spaCy ``Doc``: every rule here reads those four fields and nothing
else of spaCy, whose import alone took ~0.5 s of a text session's start (issue 17: a line
typed 2 s after ``jangbogi text`` starts is answered within 0.3 s). The English front end
keeps spaCy for its lemmatizer. Particles, endings, fillers and auxiliaries are
dropped from the key; nominal runs that no template mentions become
``{product}``; numbers with counting words become ``{quantity}``.

Issue 14, what households say:

- Items joined by 랑/이랑/하고/와/과, a comma or 그리고 are a list ("우유 두 개랑 햇반도"):
  ``Slots.items`` has one :class:`Item` each (its own count and size), and the key folds
  them into one ``{product}``, so every template that takes a product takes a list.
- A number with a size unit (30구, 500ml, 100매, 30알), a measure (1리터, 10키로: never a
  count) or a counter with 짜리/묶음 (12개짜리, 6병 묶음) is the item's ``size``
  (:func:`assistant.nlu.sizes.normal_size`), never part of the product phrase.
- Markers the templates match: ``*please`` (a request without a verb of buying: 우유 주세요,
  우유 좀, 물티슈 3팩), ``*need`` (우유 떨어졌어, 물티슈 다 썼어, 휴지 사야겠다: the past and
  musing flags are cleared deliberately, :func:`~assistant.nlu.lang.ko.mood.needs`), ``*로``
  and ``*만`` (corrections: 두 개로 바꿔 줘, 하나만), ``{size}`` (a size without a product:
  1리터짜리로) and ``{ref}`` (아까 그거, 방금 거: ``Slots.reference``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from itertools import pairwise

from assistant.nlu.analysis import Analysis, Piece, clean, normal_form
from assistant.nlu.digits import NOT_A_COUNT
from assistant.nlu.grammar import Grammar, lookup
from assistant.nlu.lang.ko.around import plain_forms, respelt, spaced_counts
from assistant.nlu.lang.ko.clauses import delivery_clause, soften
from assistant.nlu.lang.ko.doubt import QUESTION_WORDS_KO, hesitant_ko, question_ko
from assistant.nlu.lang.ko.mood import (
    BUY_LEMMAS,
    HEARSAY,
    USED_UP,
    Token,
    bought_already,
    last_clause,
    needs,
    negated,
    past,
    reported,
)
from assistant.nlu.lang.ko.numbers import parse_number
from assistant.nlu.lang.ko.schedule import KOREAN_SCHEDULE
from assistant.nlu.schedule import find_schedule
from assistant.nlu.schema import Item, Slots
from assistant.nlu.sizes import normal_size

NOMINAL = frozenset({"NNG", "NNP", "NNB", "SL", "SN", "SH", "XR", "XSN", "NR", "XPN", "MM"})
NUMBERISH = frozenset({"NR", "MM", "NNG", "NNB", "NP"})
MEASURES = frozenset({"kg", "L"})
"""Counter units that measure: "1.5리터" names a pack size, not a count."""
SINO_NAMES = frozenset({"백", "천", "만", "억"})
"""Powers of ten that are also names (백 is a surname): Kiwi may tag them NNP."""
DECIMAL = re.compile(r"[0-9]+\.[0-9]+")
TIMES = frozenset({"x", "X"})
"""우유 x3, 3x: "times" next to a count."""
ODD_NUMBER = re.compile(rf"-?{NOT_A_COUNT.pattern}(?![0-9A-Za-z.,/])")
"""A decimal, fraction or exponent said where a count goes (0.5개, 1e9개, 1/2개)."""


class KiwiMorphemes:
    """Text -> its Kiwi morphemes (form, tag, lemma, span), product names kept whole."""

    def __init__(
        self, user_words: tuple[str, ...] = (), product_words: tuple[str, ...] = ()
    ) -> None:
        from kiwipiepy import Kiwi

        self.kiwi = Kiwi(load_default_dict=False, load_typo_dict=False, load_multi_dict=False)
        for word in user_words:
            self.kiwi.add_user_word(word, "NNG")
        for word in product_words:
            self.kiwi.add_user_word(word, "NNP")
        self.kiwi.add_user_word("건너뛰", "VV")
        self.kiwi.tokenize("")  # Kiwi initialises lazily: pay it now, not on the first turn

    def __call__(self, text: str) -> list[Token]:
        morphemes: list[Token] = []
        for tok in self.kiwi.tokenize(text):
            tag = tok.tag.split("-")[0]  # VV-R / VA-I: regular or irregular conjugation
            lemma = _lemma(tok.form, tag, getattr(tok, "lemma", tok.form))
            morphemes.append((tok.form, tag, lemma, (tok.start, tok.start + tok.len)))
        return morphemes


BUY_VERBS = frozenset({"시키다", "사다", "주문하다"})
"""Verbs of a request that may be said once per item ("우유도 시키고 요플레도 시켜 줘")."""


def _mend(toks: list[Token], text: str, product_words: frozenset[str]) -> list[Token]:
    """Morphemes Kiwi splits the wrong way in what households say, put right before the key
    is read: 하나 after a grocery read as 하+나 ("포카칩 하나 새우깡", "커피믹스 하나요": a count,
    then 요), a spaced 하고 read as a verb ("햇반 한 박스 하고 스팸": a list join), one verb of
    buying said per item ("우유도 시키고 요플레도 시켜 줘": a list of two), dialect and cute
    endings (부탁혀, 주세용) and 저 glued to a grocery (저지방: low-fat, not "I")."""
    known = product_words | ONE_LETTER_GROCERIES
    sized = MEASURED.search(text) is not None
    verbs = [t[2] for t in toks if t[1] == "VV"] + [
        "주문하다" for a, b in pairwise(toks) if a[0] == "주문" and b[2] == "하다"
    ]
    out: list[Token] = []
    i = 0
    while i < len(toks):
        form, tag, lemma, (start, end) = toks[i]
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        prev = out[-1] if out else None
        if tag == "Z_CODA":  # 주세용: the ᆼ of a cute ending
            i += 1
            continue
        word_end = _word_end(text, start)
        if (  # 려 샴푸: a one-syllable brand Kiwi reads as an ending (리+어), never a word start
            tag.startswith("E")
            and (i == 0 or toks[i - 1][3][1] < start)  # the first morpheme of its word
            and word_end - start == 1
        ):
            j = i
            while j < len(toks) and toks[j][3][1] <= word_end and toks[j][1].startswith(("E", "V")):
                j += 1
            if j < len(toks) and toks[j][1] in {"NNG", "NNP"}:
                out.append((text[start:word_end], "NNP", text[start:word_end], (start, word_end)))
                i = j
                continue
        if (  # 2080 치약 두 개: a number that names the grocery (its count comes after)
            tag == "SN"
            and nxt is not None
            and nxt[1] in {"NNG", "NNP"}
            and nxt[0] in product_words
            and nxt[3][0] == end + 1
            and i + 2 < len(toks)
            and toks[i + 2][1] in COUNT_TAGS
            and (prev is None or prev[1] not in COUNT_TAGS)
        ):
            out.append((form, "NNP", form, (start, end)))
            i += 1
            continue
        if (  # 코카콜라 캔 여섯 개: the can (캔) Kiwi reads as 캐+ㄴ
            tag == "VV"
            and nxt is not None
            and nxt[1] == "ETM"
            and text[start:word_end] in PACK_FORMS
            and (start == 0 or text[start - 1] == " ")
            and prev is not None
            and prev[1] in {"NNG", "NNP", "SL"}
        ):
            out.append((text[start:word_end], "NNG", text[start:word_end], (start, word_end)))
            i += 2
            continue
        if (  # 넉넉하게 (두 묶음으로), 싸게: how, not what
            tag == "VA"
            and lemma not in {"어떻다", "이렇다", "그렇다", "저렇다", "똑같다", "같다"}
            and nxt is not None
            and nxt[:2] == ("게", "EC")
            and not (i + 2 < len(toks) and toks[i + 2][1].startswith(("V", "E")))
        ):
            i += 2
            continue
        if _for_someone(toks, i, known):  # 할머니 드실 두유: who it is for, not the product
            run = _subject_start(toks, i)
            out = [t for t in out if t[3][0] < run]
            i += 2
            continue
        if (  # 서울우유 2.3리터 큰 거: the size said, not the product
            _sized_one(toks, i) and prev is not None and prev[1] in NOMINAL
        ):
            i += 2
            continue
        after_grocery = prev is not None and (prev[0] in known or prev[1] in {"NNB", "NNG"})
        if (  # 포카칩 하나, 커피믹스 하나요: Kiwi reads 하+나(요)
            form == "하"
            and nxt is not None
            and nxt[3][0] == end
            and text[start : end + 1] == "하나"
            and (
                (nxt[1].startswith("J") and nxt[0] == "나")
                or (nxt[1] == "EF" and nxt[0] in {"나", "나요"})  # 브로콜리도 하나
            )
            and prev is not None
            and (
                prev[0] in known
                or (prev[0] in {"도", "는", "은"} and len(out) > 1 and out[-2][0] in known)
            )
        ):
            out.append(("하나", "NR", "하나", (start, end + 1)))
            if nxt[0] == "나요":
                out.append(("요", "JX", "요", (end + 1, nxt[3][1])))
            i += 2
            continue
        if (  # 햇반 한 박스 하고 스팸: a spaced 하고 joins two items
            form == "하"
            and tag == "VV"
            and nxt is not None
            and nxt[0] == "고"
            and nxt[1] == "EC"
            and after_grocery
            and start > 0
            and (text[start - 1] == " " or (prev is not None and prev[1] == "NNB"))  # 한 통하고
            and i + 2 < len(toks)
            and toks[i + 2][0] in known
        ):
            out.append(("하고", "JC", "하고", (start, nxt[3][1])))
            i += 2
            continue
        if (  # 우유도 시키고 요플레도 시켜 줘: one request, two items
            lemma in BUY_VERBS
            and tag == "VV"
            and nxt is not None
            and nxt[0] == "고"
            and nxt[1] == "EC"
            and verbs.count(lemma) >= 2
            and prev is not None
            and (prev[0] in known or (prev[0] == "도" and len(out) > 1 and out[-2][0] in known))
            and i + 2 < len(toks)
            and toks[i + 2][0] in known
        ):
            if prev[0] == "도":
                out.pop()
            out.append(("하고", "JC", "하고", (start, nxt[3][1])))
            i += 2
            continue
        if (  # 게란 한 판: a misspelt grocery Kiwi reads as 게 + the particle 란
            tag == "JX"
            and form == "란"
            and prev is not None
            and prev[1] == "NNG"
            and len(prev[0]) == 1
            and prev[3][1] == start
            and nxt is not None
            and nxt[1] in {"MM", "NR", "SN"}
        ):
            out[-1] = (prev[0] + form, "NNG", prev[0] + form, (prev[3][0], end))
            i += 1
            continue
        if (  # 쌀 떨어지기 전에 (…시켜 놔라): when, not what
            tag == "VV"
            and i + 2 < len(toks)
            and toks[i + 1][:2] == ("기", "ETN")
            and toks[i + 2][0] == "전"
        ):
            i += 4 if i + 3 < len(toks) and toks[i + 3][0] == "에" else 3
            continue
        if (  # 조금 전에 한 주문: a moment ago (아까), the order made
            form == "조금" and nxt is not None and nxt[0] == "전"
        ):
            out.append(("아까", "MAG", "아까", (start, nxt[3][1])))
            i += 3 if i + 2 < len(toks) and toks[i + 2][0] == "에" else 2
            continue
        if (
            form == "하"
            and tag == "VV"
            and nxt is not None
            and nxt[:2] == ("ᆫ", "ETM")
            and i + 2 < len(toks)
            and toks[i + 2][0] == "주문"
            and prev is not None
            and prev[0] == "아까"
        ):
            i += 2
            continue
        if (  # 없던 걸로 해 줘, 없었던 일로 하자: as if it had never been (a cancel)
            lemma == "없다"
            and i + 2 < len(toks)
            and (toks[i + 1][0] == "던" or [t[0] for t in toks[i + 1 : i + 3]] == ["었", "던"])
        ):
            j = i + 2 if toks[i + 1][0] == "던" else i + 3
            if j < len(toks) and toks[j][0] in {"거", "것", "걸", "일"}:
                out.append(("*없던", "NNG", "*없던", (start, toks[j][3][1])))
                i = j + 1
                continue
        if (  # 1.7리터짜리 큰 병으로, 1.8키로짜리 통으로: the pack's form, the size said
            form in PACK_FORMS
            and tag.startswith("N")
            and sized
            and prev is not None
            and prev[1] in {"NNG", "NNP", "NNB", "XSN", "SL", "ETM"}  # never 두 팩 (a count)
            and (  # then 으로, or a size right after (큰 통 3리터로)
                (nxt is not None and nxt[0] in {"으로", "로"})
                or (nxt is not None and nxt[1] == "SN")
            )
        ):
            if prev[1] == "ETM" and len(out) >= 2 and out[-2][2] in {"크다", "작다"}:
                del out[-2:]  # 큰 병: the big one
            i += 2 if nxt is not None and nxt[0] in {"으로", "로"} else 1
            continue
        if (  # 같은 걸로 한 번 더: the same one (the last order), not a product named 같
            lemma in {"같다", "똑같다"}
            and nxt is not None
            and nxt[1] == "ETM"
            and i + 2 < len(toks)
            and toks[i + 2][0] in {"거", "것", "걸", "건"}
        ):
            out.append(("그거", "NP", "그거", (start, toks[i + 2][3][1])))
            i += 3
            continue
        if (  # 방금 한 거 똑같이: the order just made (한 = did)
            form == "하"
            and tag == "VV"
            and nxt is not None
            and nxt[:2] == ("ᆫ", "ETM")
            and i + 2 < len(toks)
            and toks[i + 2][0] in {"거", "것", "걸", "건"}
            and prev is not None
            and prev[0] in {"아까", "방금", "금방", "아까전"}
        ):
            i += 2
            continue
        if (  # 자동으로 주문되게 해 줘: have it ordered (every month)
            form == "자동" and nxt is not None and nxt[0] in {"으로", "로"}
        ):
            i += 2
            continue
        if (  # (한 묶음) 일주일에 한 번: Kiwi reads 일 (one) + 주일 after a count
            tag == "NR"
            and form in {"일", "이", "삼"}
            and nxt is not None
            and nxt[0] == "주일"
            and nxt[3][0] == end
        ):
            out.append((form + "주일", "NNG", form + "주일", (start, nxt[3][1])))
            i += 2
            continue
        if (  # 정기적으로, 주기적으로: regularly (정기), not a product 적
            form in {"정기", "주기"} and nxt is not None and nxt[:2] == ("적", "XSN")
        ):
            out.append(("정기", "NNG", "정기", (start, nxt[3][1])))
            i += 2
            continue
        if (  # 배달되게 해 줘: have it delivered (ordered)
            form in {"주문", "배달", "배송"}
            and i + 3 < len(toks)
            and [t[0] for t in toks[i + 1 : i + 4]] == ["되", "게", "하"]
        ):
            out.extend([toks[i], ("하", "XSV", "하다", toks[i + 3][3])])
            i += 4
            continue
        if form == "혀" and prev is not None and prev[0] == "부탁":  # 부탁혀: 부탁해
            out.append(("하", "XSV", "하다", (start, end)))
            i += 1
            continue
        if (  # 저지방으로: low-fat, not the pronoun 저
            form == "저"
            and nxt is not None
            and nxt[3][0] == end
            and any(w.startswith("저" + nxt[0]) for w in known)
        ):
            out.append(("저" + nxt[0], "NNG", "저" + nxt[0], (start, nxt[3][1])))
            i += 2
            continue
        out.append(toks[i])
        i += 1
    return out


COUNT_TAGS = frozenset({"MM", "NR", "SN"})


def _word_end(text: str, start: int) -> int:
    """Where the space-delimited word that holds ``start`` ends."""
    end = text.find(" ", start)
    return len(text) if end < 0 else end


def _counted_yo(toks: list[Token], grammar: Grammar) -> list[Token]:
    """A count said with 요 that Kiwi reads the wrong way: 두 판요 (one noun 판요) and 한
    묶음이요 (묶음 + the subject marker 이 + 요), put as the counter and the particle 이요."""
    out: list[Token] = []
    for i, (form, tag, _, (start, end)) in enumerate(toks):
        prev = toks[i - 1] if i else None
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        counted = prev is not None and prev[1] in COUNT_TAGS
        if (
            counted
            and tag.startswith("NN")
            and form.endswith("요")
            and form[:-1] in grammar.counters
        ):
            out.append((form[:-1], "NNB", form[:-1], (start, end - 1)))
            out.append(("요", "JX", "요", (end - 1, end)))
            continue
        if (
            tag == "JKS"
            and form == "이"
            and nxt is not None
            and nxt[0] == "요"
            and nxt[3][0] == end
            and prev is not None
            and prev[0] in grammar.counters
            and i >= 2
            and toks[i - 2][1] in COUNT_TAGS
        ):
            out.append(("이요", "JX", "이요", (start, nxt[3][1])))
            continue
        if out and out[-1][0] == "이요" and form == "요" and out[-1][3][1] == end:
            continue
        out.append(toks[i])
    return out


def _lemma(form: str, tag: str, kiwi_lemma: str) -> str:
    if tag == "XSV" and form.startswith("시키"):
        return "*시키다"  # 음소거 "시켜라" (a suffix) is not 시키다 "to order"
    if tag in {"XSV", "XSA"}:
        return "하다" if form in {"하", "해"} else form + "다"
    if tag.startswith("V"):
        lemma = kiwi_lemma if kiwi_lemma and kiwi_lemma != form else form
        return lemma if lemma.endswith("다") else lemma + "다"
    return form


SHOWN_OR_UNDONE = frozenset({"cancel_order", "receipt", "order_history"})
"""What a request said with a reason after it may also be (never a purchase: see around.py)."""
SENT = frozenset({("배달", "하다"), ("배송", "하다")})
CARRIED = frozenset({"가져가다", "찾아가다", "들고 가다", "가져오다", "들다", "챙기다"})
"""집에 가져갈게: what the speaker carries home themself."""
WITH_DELIVERY = frozenset({"order", "add_to_cart", "subscribe"})
"""Requests whose delivery may be said in a clause of its own."""
FAVOUR_ENDINGS = frozenset({"ᆯ래", "ᆯ래요", "을래", "을래요"})
"""줄래, 주실래요: will you (do it for me)."""
ACKNOWLEDGEMENTS = frozenset({"알다", "네", "예", "응", "넵", "그래", "그렇다", "좋다"})
"""Words of a clause before a yes that keep it a yes: "알겠어 주문해", "네 알겠습니다
주문해 주세요"."""


class KoreanFrontEnd:
    """Korean utterance -> :class:`Analysis`."""

    def __init__(self, grammar: Grammar, product_words: tuple[str, ...] = ()) -> None:
        self.grammar = grammar
        self.product_words = frozenset(product_words)
        self.morphemes = KiwiMorphemes(grammar.user_words, product_words)

    def analyse(self, text: str) -> Analysis:
        """The analysis of ``text``; a soft request said plainly first (clauses.py), and a
        delivery said in a clause of its own read apart from the request."""
        text = spaced_counts(respelt(normal_form(text)), self.grammar.counters)
        softer = soften(text, self.grammar.time_words)
        if softer is not None:  # only for a purchase of groceries (never a confirm, 주면 안 돼?)
            soft = self._analyse(softer)
            if (
                lookup(self.grammar, soft.key) in WITH_DELIVERY
                and soft.slots.items
                and self._known(soft.slots)
            ):
                text = softer
        first = self._request(text)
        if self._purchase(first):
            return first
        read: list[Analysis] = []  # each plain form's reading, for the second look below
        for form, heard in plain_forms(normal_form(text), self.grammar.counters):  # around.py
            said = self._request(form)
            if not heard and self._purchase(said, self._asked_for(form)):
                return said
            read.append(said)
        if lookup(self.grammar, first.key) is None:  # 아까 주문한 거 취소해 줄래요? 잘못 시켰어요
            for said in read:
                if lookup(self.grammar, said.key) in SHOWN_OR_UNDONE and not said.negated:
                    return said
        return first

    def _request(self, text: str) -> Analysis:
        plain = self._analyse(text)
        if plain.slots.delivery is not None and lookup(self.grammar, plain.key) in WITH_DELIVERY:
            return plain
        return self._with_delivery_clause(clean(text)) or plain

    def _purchase(self, said: Analysis, asked: bool = False) -> bool:
        """A purchase of catalog groceries in the speaker's own voice, said plainly (a question
        only when it asks the assistant to do it: 시켜 줄래?)."""
        return (
            lookup(self.grammar, said.key) in WITH_DELIVERY
            and bool(said.slots.items)
            and self._known(said.slots)
            and not (said.negated or said.past or said.reported or said.not_product)
            and (asked or not said.question)
        )

    def _asked_for(self, text: str) -> bool:
        """The request ends in a favour asked of the assistant (시켜 줄래?, 주문해 주실래요?),
        never a question of whether to buy (살까?) nor with a question word (뭐 시켜 줄래?)."""
        words = [t for t in self.morphemes(text) if not t[1].startswith(("S", "J"))]
        if any(t[0] in QUESTION_WORDS_KO for t in words):
            return False
        if words and words[-1][0] == "요":
            words = words[:-1]
        if len(words) < 2 or words[-1][0] not in FAVOUR_ENDINGS:
            return False
        before = words[-3] if words[-2][0] == "시" and len(words) >= 3 else words[-2]
        return before[2] == "주다"

    def _with_delivery_clause(self, text: str) -> Analysis | None:
        """ "휴지 하나 시켜 줘 망원역 보관함으로", "햇반 한 박스 매장에서 찾아갈게": the
        request without the delivery clause, with its delivery; only for a purchase of catalog
        groceries in the speaker's own voice, the delivery clause neither negated, past nor
        reported ("매장에서 안 찾아갈게", "매장에서 찾아왔어")."""
        said = delivery_clause(text)
        if said is None:
            return None
        tail = [t for t in self.morphemes(text) if t[3][0] >= said.start]
        words = [t for t in tail if not t[1].startswith("S")]
        asked = any(t[2] == "주다" for t in words)  # 보내 줄래?: a request, not 찾아가도 돼?
        if (
            negated(tail)
            or past(tail)
            or reported(tail)
            or (question_ko(text[said.start :], tail) and not asked)
        ):
            return None
        rest = self._analyse(said.rest)
        intent = lookup(self.grammar, rest.key)
        again = intent == "reorder" and rest.slots.reference  # 같은 걸로 한 번 더, 택배함으로
        if not again and (
            intent not in WITH_DELIVERY or not rest.slots.items or not self._known(rest.slots)
        ):
            return None
        if rest.negated or rest.past or rest.reported or rest.not_product or rest.hesitant:
            return None
        return replace(rest, slots=replace(rest.slots, delivery=said.kind))

    def _analyse(self, text: str) -> Analysis:
        raw, text = normal_form(text), clean(text)
        morphemes = self.morphemes(text)
        toks = _mend(_counted_yo(morphemes, self.grammar), text, self.product_words)
        schedule = find_schedule(text, KOREAN_SCHEDULE)
        clause = last_clause(toks)
        key, slots = self._clause_key(clause, text, schedule is not None)
        partial = False  # the last clause says something the whole utterance does not
        if clause is not toks:
            whole_key, whole_slots = self._clause_key(toks, text, schedule is not None)
            intent, whole_intent = lookup(self.grammar, key), lookup(self.grammar, whole_key)
            if (intent is None and whole_intent is not None) or (
                intent in {"set_delivery", "confirm"} and whole_intent in WITH_DELIVERY | {"change"}
            ):  # "우유 주문해서 매장에서 찾아갈게": the delivery of the order
                key, slots, clause = whole_key, whole_slots, toks
                intent = whole_intent
            partial = intent is not None and whole_intent != intent
            if partial and intent == "confirm":  # "알겠어 주문해": an acknowledgement first
                before = toks[: len(toks) - len(clause)]
                before_key, _ = self._clause_key(before, text, False)
                partial = not (
                    set(before_key) <= ACKNOWLEDGEMENTS
                    or lookup(self.grammar, before_key) == "confirm"
                )
        lists = self.grammar.shopping_lists
        if not any(k in lists for k in key) and any(
            t[0] in lists for t in toks
        ):  # "식료품 목록 열어서 우유 추가해 줘": the list is named in another clause
            key = ("장바구니", *key)
        if schedule is not None and "{schedule}" in key:
            slots = replace(slots, schedule=schedule)
        not_product = slots.product is not None and any(
            w in self.grammar.not_products for w in slots.product.split()
        )
        question = question_ko(raw, toks)
        is_past, is_reported = past(clause), reported(clause)
        named = self._named_before(key, slots, clause, toks, text, schedule is not None)
        if named is not None and not question:  # "커피믹스 다 떨어졌어 | 하나 사야겠다"
            key, slots, clause = named
            is_past = is_reported = False
        elif not question and (
            self._a_need(clause, slots, morphemes) or self._said_needed(key, slots, clause)
        ):  # 우유 떨어졌어, 휴지 사야겠다, 두부 하나 필요해, 우유 두 개 사야 돼
            key = (*_item_key(key), "*need")
            is_past = is_reported = False
        elif not question:
            counted = all(  # "우휴 두 개" (a typo), never "그룹 광고 백 개"
                i.unit is not None and " " not in (i.product or " ") for i in slots.items
            )
            key = _request_key(key, clause, self._known(slots), counted)
            if key == ("{quantity}",) and any(t[2] == "말다" for t in toks):
                key = ("{quantity}", "*로")  # 다섯 개 말고 세 개: the count it should be
            bare = tuple(k for k in key if k not in WAITS)
            if bare in {("{quantity}",), ("{quantity}", "주다")} and slots.unit is not None:
                key = ("{quantity}", "*로")  # (아) 세 통, 두 개 줘: the count it should be
            if key == ("{product}",) and len(slots.items) > 1 and self._known(slots):
                key = ("{product}", "*please")  # "우유 그리고 식빵": a list said alone
            if (
                key[-2:] in {("배달", "하다"), ("배송", "하다")}
                and "{delivery}" in key
                and set(key[:-2]) <= {"{product}", "{quantity}", "{delivery}"}
                and self._known(slots)
            ):  # "우유 집으로 배달해 줘" (groceries only: "중국 집 배달해" is a restaurant)
                key = (*key[:-2], "보내다")
            key = self._sent(key, slots, toks)
        key, slots = self._reference(key, slots, toks)
        key = _waited(key, self.grammar)
        if clause is not toks and not question and lookup(self.grammar, key) == "change":
            which = self._then_which(slots, clause, text)
            if which is not None:  # "물 두 묶음이요 | 삼다수로": which one, after the request
                return which
        if clause is not toks and lookup(self.grammar, key) in WITH_DELIVERY and slots.items:
            slots = self._and_more(slots, clause, toks, text)  # "식빵 하나 사 주고 | 우유도 두 개"
        if _errand(clause, self.grammar):  # 라면은 내가 나중에 편의점에서 살게
            is_reported = True
        if bought_already(toks):  # 우유 주문했고 매장에서 찾아갈게: ordered already
            is_past = True
        if slots.delivery == "home" and any(t[2] in CARRIED for t in clause):
            key = ()  # 집에 가져갈게: the speaker carries something home, no delivery
        if lookup(self.grammar, key) == "suggest" and (_ordered_thing(toks) or _past_inside(toks)):
            is_past = True  # "주문한 거 보여 줘", "뭐 주문했는지 알려 줘": the order history
        return Analysis(
            key, slots, negated(clause), is_past, is_reported, not_product,
            question=question,
            hesitant=partial or hesitant_ko(raw, text, toks, self.grammar.hesitations),
        )  # fmt: skip

    def _then_which(self, slots: Slots, clause: list[Token], text: str) -> Analysis | None:
        """A request of one grocery, then which one in a clause of its own ("물 두 묶음이요
        삼다수로", "우유 세 팩 주세요 서울우유 1리터로"): the request, with the brand (which
        picks the product) and the size said after it; never a correction ("아니 매일우유로")
        and never after anything but a purchase of one catalog grocery."""
        if any(t[0] in NO_WORDS - {"다"} for t in clause) or len(slots.items) > 1:
            return None
        if slots.product is None and slots.size is None:
            return None
        said = self._analyse(text[: clause[0][3][0]])
        asked = lookup(self.grammar, said.key) in WITH_DELIVERY and len(said.slots.items) == 1
        if not asked or said.negated or said.past or said.reported or said.not_product:
            return None
        if said.question or said.hesitant:
            return None
        item = said.slots.items[0]
        if slots.product is not None:
            item = replace(item, product=slots.product, size=slots.size or item.size)
        elif slots.size is not None:
            item = replace(item, size=slots.size)
        if slots.quantity is not None:
            item = replace(item, quantity=slots.quantity, unit=slots.unit)
        new = replace(said.slots, product=item.product, quantity=item.quantity, unit=item.unit,
                      size=item.size, items=(item,))  # fmt: skip
        if not self._known(new):
            return None
        return replace(said, slots=new)

    def _and_more(self, slots: Slots, clause: list[Token], toks: list[Token], text: str) -> Slots:
        """The items of a request said before ~고 come first: "식빵 하나 사 주고 우유도 두 개",
        "오이 한 봉지랑 당근 한 봉지 사 주고 브로콜리도 하나" (an item is never dropped)."""
        cut = len(toks) - len(clause)
        if cut < 2 or toks[cut - 1][:2] != ("고", "EC"):
            return slots
        said = self._analyse(text[: toks[cut - 1][3][1]])
        if lookup(self.grammar, said.key) not in WITH_DELIVERY or not said.slots.items:
            return slots
        if said.negated or said.past or said.reported or said.not_product or said.question:
            return slots
        lines = (*said.slots.items, *slots.items)
        first = lines[0]
        return replace(slots, product=first.product, quantity=first.quantity, unit=first.unit,
                       size=first.size, items=lines)  # fmt: skip

    def _sent(self, key: tuple[str, ...], slots: Slots, toks: list[Token]) -> tuple[str, ...]:
        """ "우유 두 개 보내 줘", "청송 사과 한 박스 배달해 줘": sending groceries the shop knows
        is ordering them; "방금 주문한 콩나물 한 번 더 보내 줘" orders the last one again.
        Never with someone to send them to ("엄마한테 사진 보내 줘")."""
        tail = 1 if key[-1:] == ("보내다",) else 2 if key[-2:] in SENT else 0
        if not tail or "{delivery}" in key or any(t[0] in {"한테", "에게", "께"} for t in toks):
            return key
        head = key[:-tail]
        if head and set(head) <= ITEM_SYMBOLS and self._known(slots):
            return (*head, "주문", "하다")
        again = any(k in {"더", "다시", "또", "똑같이"} for k in head)
        pointed = any(t[0] in REFERENCES or t[0] in BACK for t in toks)
        if again and (slots.reference or pointed or _ordered_thing(toks)):
            return (*head, "주문", "하다")
        return key

    def _a_need(self, clause: list[Token], slots: Slots, toks: list[Token]) -> bool:
        """A need said of groceries the shop knows (우유 떨어졌어): never of other things
        ("돈이 없네", "시간 다 썼어"). ``toks``: the whole utterance as Kiwi read it (what
        is said around the need: 애들 먹을 과자 사야지 is a musing)."""
        if not slots.items or not needs(clause, toks):
            return False
        if not self._known(slots):
            return False
        named = {w for i in slots.items for w in (i.product or "").split()}
        if any(
            t[1] in {"NNG", "NNP", "NP"}
            and t[0] not in named
            and t[0] not in BUY_LEMMAS
            and t[0] not in self.grammar.counters  # 계란 한 판 더 있어야겠다
            for t in clause
        ):
            return False  # 빵집에 크림빵밖에 없다: more is said than the product
        return not any(  # 엄마가 우유 다 먹었어: someone else's deed
            tag == "JKS" and i and clause[i - 1][0] not in named
            for i, (_, tag, _, _) in enumerate(clause)
        )

    def _glued_i(self, form: str) -> bool:
        """The 이 of 이랑 glued to a noun ("빵이"), not a word ending in 이 (오이)."""
        known = self.product_words | ONE_LETTER_GROCERIES
        return (
            len(form) >= 2 and form.endswith("이") and form not in known
            and (len(form) > 2 or form[:-1] in known)
        )  # fmt: skip

    def _named_before(
        self,
        key: tuple[str, ...],
        slots: Slots,
        clause: list[Token],
        toks: list[Token],
        text: str,
        has_schedule: bool,
    ) -> tuple[tuple[str, ...], Slots, list[Token]] | None:
        """A need whose grocery was named in the clause before ("커피믹스 다 떨어졌어 하나
        사야겠다", "고추장 다 떨어져서 하나 사야 돼"): (key, slots, the clause whose mood
        counts), or None. The last clause buys (사야겠다, 사야 돼) and names no product; the
        one before is a need of one catalog grocery (떨어졌어, 없네, 다 썼어, 안 남았어)."""
        picked = (
            slots.product is not None
            and len(slots.items) == 1
            and any(
                a[1] in NOMINAL and b[:2] in {("로", "JKB"), ("으로", "JKB")}
                for a, b in pairwise(clause)
            )
        )  # "커피믹스 떨어졌다 | 모카골드로 하나 사야지": the brand it is to be
        picked = picked or (  # 주방세제 다 썼네 | 자연퐁 하나 있어야겠다: the brand, counted
            slots.product is not None
            and len(slots.items) == 1
            and slots.quantity is not None
            and self._known(slots)
        )
        if clause is toks or (slots.product is not None and not picked) or negated(clause):
            return None
        must = any(t[0] in {"어야", "아야", "여야"} for t in clause)
        buys = needs(clause, toks) or (key[-2:] in {("사다", "되다"), ("사다", "하다")} and must)
        buys = buys or key == ("{quantity}", "필요", "하다")  # 참치캔 다 먹어서 | 세 개 필요해
        buys = (
            buys
            or (  # 커피믹스 떨어졌다 | 모카골드로 하나 사야지
                key[-1:] == ("사다",) and clause[-1][0] in {"어야지", "아야지", "여야지", "야지"}
            )
        )
        buys = (
            buys
            or (  # 물티슈가 없어 | 세 팩은 있어야겠다, 두 개는 있어야 되는데
                must and "{quantity}" in key and key[key.index("{quantity}") + 1 :][:1] == ("있다",)
            )
        )
        known = ITEM_SYMBOLS | {"사다", "되다", "하다", "또", "더", "*need", "필요", "새로", "있다"}
        if not buys or not set(key) <= known:
            return None
        before = toks[: len(toks) - len(clause)]
        said = [t for t in before if not t[1].startswith("S")]
        gone = any(t[2] in {"떨어지다", "바닥나다", "없다", "남다"} for t in said) or any(
            a[0] == "다" and b[2] in USED_UP for a, b in pairwise(said)
        )
        if not gone or any(t[1] in {"EF", "EC"} and t[0] in HEARSAY for t in said):
            return None
        _, named = self._clause_key(before, text, has_schedule)
        if len(named.items) != 1 or not self._known(named):
            return None
        item = named.items[0]
        if picked:
            if not self._known(slots):
                return None
            item = replace(slots.items[0], quantity=item.quantity, unit=item.unit)
        if slots.quantity is not None:
            item = replace(item, quantity=slots.quantity, unit=slots.unit)
        new = replace(named, product=item.product, quantity=item.quantity, unit=item.unit,
                      size=item.size, items=(item,))  # fmt: skip
        counted = ("{quantity}",) if item.quantity is not None else ()
        return ("{product}", *counted, "*need"), new, clause

    def _said_needed(self, key: tuple[str, ...], slots: Slots, clause: list[Token]) -> bool:
        """ "두부 하나 필요해", "우유 두 개 사야 돼": a need of groceries the shop knows, said
        with nothing else (never "도움이 필요해", "우유 사야 되는데")."""
        tail = key[-2:]
        if not slots.items or not set(key[:-2]) <= ITEM_SYMBOLS or not self._known(slots):
            return False
        if tail == ("필요", "하다"):  # with a count: "커피 필요해" wants a cup made, not an order
            return "{quantity}" in key and not negated(clause)
        must = any(t[0] in {"어야", "아야", "여야"} for t in clause)
        return tail in {("사다", "되다"), ("사다", "하다")} and must and not reported(clause)

    def _known(self, slots: Slots) -> bool:
        """Every item said is a word of the catalog."""
        known = self.product_words | ONE_LETTER_GROCERIES
        counters = self.grammar.counters
        for item in slots.items:  # "콜라 캔": a counter after the grocery is its pack
            words = [
                w for w in (item.product or "").split() if w not in counters and w not in FORMS
            ]
            if not words or words[-1] not in known:
                return False
        return True

    def _reference(
        self, key: tuple[str, ...], slots: Slots, toks: list[Token]
    ) -> tuple[tuple[str, ...], Slots]:
        """ "아까 그거", "방금 주문한 거", "그거 하나 더": the request points back instead of
        naming a product. ``{ref}`` joins the key only when the key means nothing without it."""
        pronoun = any(t[0] in REFERENCES and t[1] in {"NP", "NNG", "NNB"} for t in toks)
        usual = any(t[0] in USUAL for t in toks)  # "늘 사던 거": the usual, not the last order
        back = any(t[0] in {"아까", "방금", "금방", "아까전"} for t in toks) or (
            _ordered_thing(toks) and not usual
        )
        back = back or any(a[0] in {"조금", "좀"} and b[0] == "전" for a, b in pairwise(toks))
        one_more = "{quantity}" in key and "더" in key
        if slots.product is not None or not (pronoun or back or one_more):
            return key, slots
        slots = replace(slots, reference=True)
        said = lookup(self.grammar, key)
        if (pronoun or back) and (said is None or said == "deny"):
            pointed = ("{ref}", *key)  # 아까 거 취소: that order, not "no"
            if said is None or lookup(self.grammar, pointed) is not None:
                key = pointed
        return key, slots

    def _clause_key(
        self, toks: list[Token], text: str, has_schedule: bool
    ) -> tuple[tuple[str, ...], Slots]:
        pieces = self._pieces(toks, text, has_schedule)
        key, items, delivery = self._key(pieces, text)
        if "{schedule}" in key:  # wherever it was said, a schedule leads the key
            key = ["{schedule}", *(k for k in key if k != "{schedule}")]
        odd = next((o for _, o in items if o is not None), None)
        lines = tuple(i for i, _ in items)
        first = lines[0] if lines else Item(None)
        slots = Slots(
            first.product, first.quantity, first.unit, None, delivery, not_a_count=odd,
            size=first.size, items=tuple(i for i in lines if i.product is not None),
        )  # fmt: skip
        return tuple(key), slots

    # -- pieces: one symbol per kept morpheme ---------------------------------

    def _pieces(self, toks: list[Token], text: str,
                has_schedule: bool) -> list[Piece]:  # fmt: skip
        grammar = self.grammar
        out: list[Piece] = []
        i = 0
        while i < len(toks):
            form, tag, lemma, (start, end) = toks[i]
            if tag == "SN" and DECIMAL.fullmatch(form) and i + 1 < len(toks):
                size = _size_at(toks, i + 1, form, grammar)  # "1.5L": Kiwi keeps 1.5 whole
                if size is not None:
                    out.append(Piece("{size}", start, toks[size[1] - 1][3][1], size[0]))
                    i = size[1]
                    continue
            number = _number_at(toks, i, text)
            if number is not None:
                value, j = number
                nxt = toks[j] if j < len(toks) else None
                size = _size_at(toks, j, value, grammar) if nxt is not None else None
                if size is not None:  # "1리터", "30구", "12개짜리", "6병 묶음": a pack size
                    said, j = size
                    out.append(Piece("{size}", start, toks[j - 1][3][1], said))
                    i = j
                    continue
                if has_schedule and (nxt is None or nxt[0] in grammar.schedule_words):
                    out.append(Piece("{schedule}", start, nxt[3][1] if nxt else end))
                    i = j + 1
                    continue
                if nxt is not None and nxt[0] in grammar.counters:
                    out.append(
                        Piece("{quantity}", start, nxt[3][1], (value, grammar.counters[nxt[0]]))
                    )
                    i = j + 1
                    continue
                bare = tag in {"SN", "NR"} or form in TIMES  # a count without a counter
                if bare or (tag == "NNG" and form in {"하나", "둘", "셋", "넷"}):
                    out.append(Piece("{quantity}", start, toks[j - 1][3][1], (value, None)))
                    i = j
                    continue
            if _joins(toks, i, out):  # 우유"랑" 계란, 우유", " 계란, 우유 "그리고" 식빵
                out.append(Piece("&", start, end))
                i += 1
                continue
            if form == "이" and tag == "XSN" and i + 1 < len(toks) and toks[i + 1][0] == "랑":
                i += 1  # 우유"이"랑: the 이 of 이랑 that Kiwi glued to the noun
                continue
            i += 1
            if tag.startswith("J"):
                out.append(Piece("|", start, end))  # a particle ends a noun phrase
                continue
            if tag.startswith(("E", "SF", "SP", "SS", "SE", "SO", "SW")) or tag == "VCP":
                continue
            word = lemma if tag.startswith(("V", "XSV", "XSA")) else form
            if word == "*시키다" and out and _orders_with_suffix(out[-1], text, self.product_words):
                word = "시키다"  # "2박스 시켜 줘", "우유시켜줘": ordering, not 환기시켜 줘
            if (
                word in grammar.fillers
                or form in grammar.fillers
                or (word in grammar.auxiliaries and tag == "VX")
            ):
                continue
            if (
                has_schedule
                and not tag.startswith(("V", "X"))
                and (word in grammar.schedule_words or form in grammar.schedule_words)
            ):
                out.append(Piece("{schedule}", start, end))
                continue
            if not has_schedule and word in grammar.time_words:
                continue
            if word in grammar.delivery and word not in grammar.vocabulary:
                out.append(Piece("{delivery}", start, end, grammar.delivery[word]))
                continue
            if word in grammar.vocabulary:
                out.append(Piece(word, start, end))
                continue
            if tag == "NP" or form == "부탁":
                continue  # pronouns and "부탁해요" (please) carry no request of their own
            if tag == "MM" and form in {"그", "이", "저"}:
                continue  # "방금 그 주문": that, not a product
            if form in SINGLE_WORDS:  # "낱개로": one piece a pack, never a product
                out.append(Piece("{size}", start, end, SINGLE))
                continue
            if tag in NOMINAL or (tag == "VA" and _adnominal(toks, i)):
                if i < len(toks) and toks[i][0] == "랑" and self._glued_i(form):
                    end -= 1  # 빵이랑: Kiwi reads 빵이 as a name before 랑
                out.append(Piece("{product}", start, end))
                continue
            out.append(Piece(word, start, end))
        return _unjoined_lists(out, text, self.product_words | ONE_LETTER_GROCERIES)

    def _key(
        self, pieces: list[Piece], text: str
    ) -> tuple[list[str], list[tuple[Item, str | None]], str | None]:
        """Fold pieces into the key and the items said. An item is one run of nominal pieces
        with its count and size; items joined by 랑/하고/와/과/a comma/그리고 are a list
        ("우유 두 개랑 햇반"), folded into one ``{product}`` of the key. Without a join, when
        several runs are separated by particles, the one nearest the verb is the product
        ("홍콩반점에서 탕수육 주문해" -> 탕수육). Sizes are never part of the product."""
        key: list[str] = []
        boundary = False
        delivery = None
        each: tuple[int | str, str | None] | None = None
        groups: list[_Line] = [_Line()]
        listed = _listed(pieces)
        has_product = any(p.symbol == "{product}" for p in pieces)
        for n, p in enumerate(pieces):
            symbol = p.symbol
            line = groups[-1]
            if symbol == "|":
                boundary = True
                continue
            if symbol == "&":
                if n in listed:
                    groups.append(_Line())
                    boundary = False
                else:
                    boundary = True
                continue
            if symbol == "{size}":
                line.size = p.value
                line.sized = line.span is not None
                if has_product:
                    continue
            if symbol == "{quantity}":
                line.counts.append(p.value)
                if text[p.end : p.end + 1] == "씩":  # 하나씩: the count of every item
                    each = p.value
                if any(m > n for m in listed):
                    continue  # a count inside a list stays with its item, out of the key
            if symbol == "{delivery}":
                delivery = p.value
            if symbol == "{product}":
                if line.span is not None and key and key[-1] == "{product}" and not boundary:
                    if line.sized:  # "서울우유 2.3리터 큰 거": the size is cut out of the phrase
                        line.more.append([p.start, p.end])
                        line.sized = False
                    elif line.more:
                        line.more[-1][1] = p.end
                    else:
                        line.span[1] = p.end
                    continue
                line.span = [p.start, p.end]  # a new noun phrase replaces the earlier one
                line.more, line.sized = [], False
            boundary = False
            if key and key[-1] == symbol and symbol.startswith("{"):
                continue
            key.append(symbol)
        if each is not None:
            for g in groups:
                g.counts = g.counts or [each]
        known = self.product_words
        items = [g.item(text, known) for g in groups if g.span is not None]
        if not items:
            items = [g.item(text, known) for g in groups[-1:]]
        return key, items, delivery


@dataclass
class _Line:
    """One item while the key is folded: its product span, counts and size."""

    span: list[int] | None = None
    more: list[list[int]] = field(default_factory=list)
    """Parts of the product phrase after a size said inside it."""
    sized: bool = False
    """A size was said since the phrase's last part."""
    counts: list[tuple[int | str, str | None]] = field(default_factory=list)
    size: str | None = None

    def item(self, text: str, known: frozenset[str] = frozenset()) -> tuple[Item, str | None]:
        """The item, and what was said instead of a count when it is none (0.5, 1e9). The
        count is the last one said (a size came first: "1L 두 개"). ``known``: catalog words,
        whose last letter is never a particle (캠벨 포도, not 캠벨 포)."""
        parts = [self.span, *self.more] if self.span else []
        said = " ".join(text[a:b].strip() for a, b in parts)
        words = said.split()
        whole = bool(words) and words[-1] in known
        product = (said if whole else _strip_particle(said)) if parts else None
        if not self.counts:
            return Item(product, size=self.size), None
        value, unit = self.counts[-1]
        if isinstance(value, str):
            return Item(product, None, unit, self.size), value
        return Item(product, int(value), unit, self.size), None


def _for_someone(toks: list[Token], i: int, known: frozenset[str]) -> bool:
    """toks[i] is the verb of an adnominal clause before a grocery ("할머니 드실 두유", "애들
    먹을 바나나우유"): a verb + ᆯ/을, then a word of the catalog (never 거/것 or 때: "살 거야"
    is a plan, "살 때" a time)."""
    if toks[i][1] != "VV" or i + 2 >= len(toks):
        return False
    etm, noun = toks[i + 1], toks[i + 2]
    return etm[1] == "ETM" and etm[0] in {"ᆯ", "을"} and noun[0] in known


def _subject_start(toks: list[Token], i: int) -> int:
    """Where the subject of the adnominal verb at toks[i] starts ("할머니", "애들", "엄마가"):
    the nouns right before it, with 들 and a subject particle."""
    j = i - 1
    while j >= 0 and toks[j][1] in {"XSN", "JKS"} and toks[j][0] in {"들", "이", "가", "께서"}:
        j -= 1
    run = toks[i][3][0]
    while j >= 0 and toks[j][1] in {"NNG", "NNP", "NP"}:
        run = toks[j][3][0]
        j -= 1
    return run


def _sized_one(toks: list[Token], i: int) -> bool:
    """큰 거, 작은 걸로: "the big one" after a size describes the size, not the product."""
    if toks[i][1] != "VA" or toks[i][2] not in {"크다", "작다"} or i + 2 >= len(toks):
        return False
    return toks[i + 1][1] == "ETM" and toks[i + 2][0] in {"거", "것", "걸", "건"}


def _unjoined_lists(pieces: list[Piece], text: str, known: frozenset[str]) -> list[Piece]:
    """Lists said without a join: "포카칩 하나 새우깡 하나" (a product and its count, then
    another), "샴푸 비누 치약 하나씩" (products, one each), "카레랑 감자 당근 양파" (three or
    more after a list join). Each word must be a whole catalog word, and two words sharing
    their head (서울우유 흰우유: brand and name) are one product."""

    def word(p: Piece) -> str:
        return text[p.start : p.end]

    def grocery(n: int) -> bool:
        return 0 <= n < len(pieces) and pieces[n].symbol == "{product}" and word(pieces[n]) in known

    def one_name(a: Piece, b: Piece) -> bool:
        same_head = word(a)[-2:] == word(b)[-2:] or word(b) in FORMS  # 보리차 티백
        return same_head or text[a.end : b.start] != " "

    out: list[Piece] = []
    joined = any(p.symbol == "&" for p in pieces)
    n = 0
    while n < len(pieces):
        p = pieces[n]
        out.append(p)
        if (
            p.symbol == "{quantity}"
            and grocery(n - 1)
            and grocery(n + 1)
            and n + 2 < len(pieces)
            and pieces[n + 2].symbol == "{quantity}"
        ):
            out.append(Piece("&", p.end, p.end))
        elif grocery(n):
            m = n
            while grocery(m + 1) and not one_name(pieces[m], pieces[m + 1]):
                m += 1
            run = pieces[n : m + 1]
            if len(run) > 1:
                after = pieces[m + 1] if m + 1 < len(pieces) else None
                each = (
                    after is not None
                    and after.symbol == "{quantity}"
                    and text[after.end : after.end + 1] == "씩"
                )
                if each or (joined and len(run) > 2):
                    for q in run[1:]:
                        out.extend([Piece("&", q.start, q.start), q])
                else:
                    out.extend(run[1:])
                n = m
        n += 1
    return out


def _listed(pieces: list[Piece]) -> set[int]:
    """Indexes of the ``&`` pieces that join two items: a product (with its count or size)
    before, and a product, count or size after."""
    item_like = {"{product}", "{quantity}", "{size}"}
    joins: set[int] = set()
    for n, p in enumerate(pieces):
        if p.symbol != "&":
            continue
        before = next((q.symbol for q in reversed(pieces[:n]) if q.symbol != "|"), None)
        after = next((q.symbol for q in pieces[n + 1 :] if q.symbol != "|"), None)
        seen = any(q.symbol == "{product}" for q in pieces[:n])
        if before in item_like and after in item_like and seen:
            joins.add(n)
    return joins


PEOPLE = frozenset(
    {"엄마", "아빠", "친구", "동생", "언니", "오빠", "형", "누나", "남편", "아내", "와이프", "애들",
     "아이", "아들", "딸", "남친", "여친", "남자친구", "여자친구", "가족", "할머니", "할아버지"}
)  # fmt: skip
"""People: "엄마랑" goes with someone; it does not start a list of groceries."""
JOINS = frozenset({"랑", "이랑", "하고", "와", "과"})
"""Particles that join nouns into a list (우유랑 계란, 우유하고 계란, 우유와 계란)."""


def _joins(toks: list[Token], i: int, out: list[Piece]) -> bool:
    """Token i joins two items: a list particle (tagged JC, or JKB before another noun), a
    comma, or 그리고, right after a product, count or size."""
    form, tag, _, _ = toks[i]
    if not out or out[-1].symbol not in {"{product}", "{quantity}", "{size}"}:
        return False
    if i and toks[i - 1][0] in PEOPLE:
        return False  # 엄마랑 제주도에서: with someone, not a list of things
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    if nxt is None:
        return False
    nominal_next = nxt[1] in NOMINAL or nxt[1] == "NR"
    if form in JOINS and tag == "JC":
        return True
    if form in JOINS and tag == "JKB":
        return nominal_next
    if form == "," or (form == "그리고" and tag == "MAJ"):
        return nominal_next
    return False


def _size_at(
    toks: list[Token], j: int, value: int | str, grammar: Grammar
) -> tuple[str, int] | None:
    """A pack size at toks[j] after the number ``value``: a size unit (30구, 500ml, 100매,
    30알), a measure (1리터, 10키로: never a count), or any counter followed by 짜리 (12개짜리
    -> 12개입) or 묶음 (6병 묶음). Returns (the size written the catalog's way, next index)."""
    word = toks[j][0]
    after = toks[j + 1][0] if j + 1 < len(toks) else ""
    measure = grammar.counters.get(word) in MEASURES
    if word in grammar.size_units or measure:
        end = j + 2 if after == "짜리" else j + 1
        return normal_size(value, word) or f"{value}{word}", end
    if word in grammar.counters and after in {"짜리", "묶음", "들이"}:
        unit = "개입" if word == "개" else word
        return normal_size(value, unit) or f"{value}{unit}", j + 2
    return None


def _orders_with_suffix(before: Piece, text: str, product_words: frozenset[str]) -> bool:
    """A glued 시키다 orders after a count or a word of the catalog; after anything else it is
    a causative suffix (환기시켜, 상기시켜, 작동시켜)."""
    if before.symbol == "{quantity}":
        return True
    return before.symbol == "{product}" and text[before.start : before.end] in product_words


def _number_at(toks: list[Token], i: int, text: str) -> tuple[int | str, int] | None:
    """A number starting at token i: digits, or the longest run of number morphemes that spells
    one (Kiwi splits 이십오 into 이+십+오, 스물네 into 스물+네, 백한 into 백+한, 1만 into 1+만).
    Returns (value, next index); the value is the text as said when it is not a whole count
    (0.5개, 1e9개: Kiwi splits 1e9 into 1+e+9, which must not become "1e" and 9)."""
    form, tag, _, (start, _) = toks[i]
    if form in TIMES and i + 1 < len(toks) and toks[i + 1][1] == "SN":
        i, form, tag, _, (start, _) = i + 1, *toks[i + 1]  # 우유 x3
    negative = i > 0 and toks[i - 1][0] in {"-", "−", "마이너스"}
    sign = -1 if negative else 1
    if tag in {"SN", "W_SERIAL"}:  # Kiwi: 0.5 is SN, 1/2 a serial number
        odd = ODD_NUMBER.match(text, start - (start > 0 and text[start - 1] == "."))  # .5
        if odd is not None:
            j = next((k for k in range(i, len(toks)) if toks[k][3][0] >= odd.end()), len(toks))
            return ("-" if negative else "") + odd.group(), j
        if tag != "SN":
            return None
    # Kiwi may read the 백 of 백열다섯 as a name (NNP, like the surname) before a number
    named = tag == "NNP" and form in SINO_NAMES and i + 1 < len(toks) and toks[i + 1][1] == "NR"
    if tag != "SN" and tag not in NUMBERISH and not named:
        return None
    best: tuple[int | str, int] | None = None
    spelled = ""
    for j in range(i, min(len(toks), i + 12)):
        if toks[j][1] not in NUMBERISH and not (j == i and (tag == "SN" or named)):
            break
        spelled += toks[j][0]
        value = parse_number(spelled)
        if value is not None:
            best = (sign * value, j + 1)
    if best is not None and best[1] < len(toks) and toks[best[1]][0] in TIMES:
        best = (best[0], best[1] + 1)  # 3x
    return best


def _strip_particle(product: str | None) -> str | None:
    """ "햇반도" -> "햇반": a particle Kiwi left glued to an unknown word."""
    if product is None:
        return None
    for particle in ("을", "를", "은", "는", "도", "만", "좀"):
        if product.endswith(particle) and len(product) - len(particle) >= 2:
            return product[: -len(particle)].strip()
    return product


def _adnominal(toks: list[Token], i: int) -> bool:
    """흰(희다+ᆫ) 우유: an adjective inside a product name."""
    return i < len(toks) and toks[i][1] == "ETM"


PACK_FORMS = frozenset({"병", "통", "팩", "봉지", "박스", "캔", "용기", "포대", "상자"})
"""A pack's form said after its size (1.7리터짜리 큰 병으로): not part of the product."""
MEASURED = re.compile(r"[0-9.]+\s*(?:리터|키로|킬로|kg|KG|L|l|ml|ML|미리|밀리|그램|g)(?![A-Za-z])")
FORMS = frozenset({"티백", "스틱", "캡슐", "컵", "리필", "리필용", "대용량", "파우치"})
SINGLE_WORDS = frozenset({"낱개", "낱개짜리", "낱병", "한개짜리"})
SINGLE = "1개입"
"""The size of "낱개로 (세 개)": one piece a pack, the single item rather than a bundle of it."""
"""Words of a product's form said after its name (보리차 티백): one product, not two."""
ONE_LETTER_GROCERIES = frozenset(
    {"쌀", "빵", "김", "팥", "콩", "귤", "파", "무", "배", "굴", "꿀", "떡", "랩", "햄"}
)
"""Groceries of one letter, which the catalog's kept words (two letters or more) miss."""
BACK = frozenset({"아까", "방금", "금방", "아까전", "지난번", "저번", "같다", "같은"})
"""Words that point back at an order already made (방금 주문한 콩나물, 같은 걸로)."""
USUAL = frozenset({"늘", "평소", "항상", "매번", "맨날", "자주", "원래"})
"""Words of habit: "늘 사던 거" is the household's usual product, not the last order."""
REFERENCES = frozenset({"그거", "그것", "그걸", "그건", "저거", "저것", "저걸"})
"""Pronouns that point back at the last order or item ("아까 그거 취소해 줘")."""
ITEM_SYMBOLS = frozenset({"{product}", "{quantity}", "{size}"})


WAITS = frozenset({"잠깐", "잠깐만", "잠시", "잠시만"})
"""잠깐 (방금 그 주문 취소해 줄래?): a moment, said before what is meant."""


def _waited(key: tuple[str, ...], grammar: Grammar) -> tuple[str, ...]:
    """The key without a "wait" said before the request, when only that keeps it unknown."""
    if not any(k in WAITS for k in key) or lookup(grammar, key) is not None:
        return key
    rest = tuple(k for k in key if k not in WAITS)
    return rest if rest and lookup(grammar, rest) is not None else key


def _item_key(key: tuple[str, ...]) -> tuple[str, ...]:
    """The item symbols of a key, in order (for a need, whose verb says no action)."""
    return tuple(k for k in key if k in ITEM_SYMBOLS | {"{delivery}"})


def _request_key(
    key: tuple[str, ...], clause: list[Token], known: bool, counted: bool
) -> tuple[str, ...]:
    """Requests without a verb of buying: "우유 주세요", "우유 좀", "계란 2판이요", "물티슈 3팩",
    "두부 한 모 부탁해요" end the key with ``*please``; corrections "두 개로 (바꿔 줘)", "아니
    매일우유로", "1리터짜리로" put ``*로`` after the item; "하나만" is ``{quantity} *만``."""
    words = [t for t in clause if not t[1].startswith("S")]
    if not words:
        return key
    rest = [k for k in key if k not in ITEM_SYMBOLS and k not in {"{delivery}", "더"}]
    items = [k for k in key if k in ITEM_SYMBOLS]
    if (
        _to_form(words)
        and items
        and set(rest) <= CHANGE_VERBS | NO_WORDS
        and "{delivery}" not in key
    ):
        last = max(i for i, k in enumerate(key) if k in ITEM_SYMBOLS)
        return (*key[: last + 1], "*로", *key[last + 1 :])
    if key in {("{quantity}",), ("{quantity}", "하다")} and any(t[0] == "만" for t in words):
        return ("{quantity}", "*만")  # 하나만, 하나만 할게
    if not key or key[0] != "{product}" or len(rest) > 1:
        return key
    asked = rest in ([], ["주다"]) and any(t[2] == "주다" and t[1] in {"VV", "VX"} for t in words)
    please = rest in (["하다"], ["드리다"]) and any(t[0] == "부탁" for t in words)  # 부탁해요
    if rest and not (asked or please):
        return key
    marked = asked or please or any(t[0] in {"좀", "쫌"} for t in words)
    # a product with -요 alone ("서울우유요") answers "which one?"; with a count it asks
    if not (marked or "{quantity}" in key):
        return key
    if not (known or counted or (asked and "{quantity}" in key)):  # "밀크 하나 주세요"
        return key
    return (*(k for k in key if k not in rest and k != "더"), "*please")


def _to_form(words: list[Token]) -> bool:
    """An item followed by 로/으로 and nothing but a verb of changing: "두 개로 바꿔 줘"."""
    for i, (form, tag, _, _) in enumerate(words):
        if tag == "JKB" and form in {"로", "으로"} and i:
            before = words[i - 1]
            if before[1] not in NOMINAL and before[1] not in {"XSN", "NR"}:
                continue
            if before[0] in {"거", "것", "걸", "그거", "이거", "저거", "그것", "이것"}:
                return False  # "그걸로 할게요": that one, a choice, not a correction
            rest = words[i + 1 :]
            return all(
                t[1].startswith(("E", "VX", "J", "VCP"))
                or t[1] in {"NR", "MM", "SN", "NNB"}  # "낱개로 세 개": and the count
                or t[0] in PACK_FORMS
                or t[2] in CHANGE_VERBS
                or t[0] in CHANGE_VERBS | {"것", "거"}  # 할게: Kiwi reads 할 것이
                for t in rest
            )
    return False


CHANGE_VERBS = frozenset({"바꾸다", "하다", "변경", "수정", "주다", "해주다", "늘리다", "줄이다"})
NO_WORDS = frozenset({"아니", "아니다", "아니요", "아뇨", "아냐", "다"})


def _ordered_thing(toks: list[Token]) -> bool:
    """주문한 거, 산 거, 시킨 거: the thing ordered (a pointer back at an order)."""
    for n, (a, b, c) in enumerate(zip(toks, toks[1:], toks[2:], strict=False)):
        ordered = a[2] == "하다" and n and toks[n - 1][0] in {"주문", "구매", "구입", "결제"}
        bought = a[2] in {"사다", "시키다", "*시키다"} or bool(ordered)
        if (
            bought
            and b[1] == "ETM"
            and b[0] in {"ᆫ", "은", "던"}
            and c[0] in {"거", "것", "걸", "건"}
        ):
            return True
    return False


ERRAND_ENDS = frozenset({"ᆯ게", "을게", "ᆯ게요", "을게요", "ᆯ께", "ᆯ께요"})


def _errand(clause: list[Token], grammar: Grammar) -> bool:
    """The speaker will buy it themself, later or somewhere: "나중에 편의점에서 살게"."""
    words = [t for t in clause if not t[1].startswith("S")]
    if not words or words[-1][0] not in ERRAND_ENDS:
        return False
    later = any(t[0] in {"나중", "이따", "이따가", "내일", "주말", "퇴근"} for t in words)
    place = any(
        b[0] == "에서" and a[1] in {"NNG", "NNP"} and a[0] not in grammar.delivery
        for a, b in pairwise(words)
    )
    return later or place


def _past_inside(toks: list[Token]) -> bool:
    """A past tense inside the sentence: "뭐 주문했는지 (알려 줘)"."""
    return any(t[1] == "EP" and t[0] in {"었", "았", "였", "ᆻ"} for t in toks)
