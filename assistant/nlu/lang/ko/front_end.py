"""Korean front end: Kiwi morphemes inside a spaCy ``Doc``, then the key and slots.

Kiwi (kiwipiepy) is registered as a spaCy tokenizer, so a Korean ``Doc`` has
one token per morpheme with ``tag_`` = Kiwi's tag and ``lemma_`` = the
dictionary form (담다, 시키다). Particles, endings, fillers and auxiliaries are
dropped from the key; nominal runs that no template mentions become
``{product}``; numbers with counting words become ``{quantity}``.
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc
from spacy.vocab import Vocab

from assistant.nlu.analysis import Analysis, Piece, clean, normal_form
from assistant.nlu.digits import NOT_A_COUNT
from assistant.nlu.grammar import Grammar, lookup
from assistant.nlu.lang.ko.doubt import hesitant_ko, question_ko
from assistant.nlu.lang.ko.mood import Token, last_clause, negated, past, reported
from assistant.nlu.lang.ko.numbers import parse_number
from assistant.nlu.lang.ko.schedule import KOREAN_SCHEDULE
from assistant.nlu.schedule import find_schedule
from assistant.nlu.schema import Slots

NOMINAL = frozenset({"NNG", "NNP", "NNB", "SL", "SN", "SH", "XR", "XSN", "NR", "XPN", "MM"})
NUMBERISH = frozenset({"NR", "MM", "NNG", "NNB", "NP"})
MEASURES = frozenset({"kg", "L"})
"""Counter units that measure: "1.5리터" names a pack size, not a count."""
SINO_NAMES = frozenset({"백", "천", "만", "억"})
"""Powers of ten that are also names (백 is a surname): Kiwi may tag them NNP."""
TIMES = frozenset({"x", "X"})
"""우유 x3, 3x: "times" next to a count."""
ODD_NUMBER = re.compile(rf"-?{NOT_A_COUNT.pattern}(?![0-9A-Za-z.,/])")
"""A decimal, fraction or exponent said where a count goes (0.5개, 1e9개, 1/2개)."""


class KiwiTokenizer:
    """A spaCy tokenizer: text -> Doc of Kiwi morphemes with tags and lemmas."""

    def __init__(
        self, vocab: Vocab, user_words: tuple[str, ...] = (), product_words: tuple[str, ...] = ()
    ) -> None:
        from kiwipiepy import Kiwi

        self.vocab = vocab
        self.kiwi = Kiwi(load_default_dict=False, load_typo_dict=False, load_multi_dict=False)
        for word in user_words:
            self.kiwi.add_user_word(word, "NNG")
        for word in product_words:
            self.kiwi.add_user_word(word, "NNP")
        self.kiwi.add_user_word("건너뛰", "VV")
        self.kiwi.tokenize("")  # Kiwi initialises lazily: pay it now, not on the first turn

    def __call__(self, text: str) -> Doc:
        tokens = self.kiwi.tokenize(text)
        words, spaces, tags, lemmas = [], [], [], []
        for i, tok in enumerate(tokens):
            end = tok.start + tok.len
            nxt = tokens[i + 1].start if i + 1 < len(tokens) else len(text)
            words.append(tok.form)
            spaces.append(nxt > end)
            tag = tok.tag.split("-")[0]  # VV-R / VA-I: regular or irregular conjugation
            tags.append(tag)
            lemmas.append(_lemma(tok.form, tag, getattr(tok, "lemma", tok.form)))
        doc = Doc(self.vocab, words=words, spaces=spaces, tags=tags, lemmas=lemmas)
        for token, tok in zip(doc, tokens, strict=True):
            token._.set("kiwi_span", (tok.start, tok.start + tok.len))
        return doc


def _lemma(form: str, tag: str, kiwi_lemma: str) -> str:
    if tag == "XSV" and form.startswith("시키"):
        return "*시키다"  # 음소거 "시켜라" (a suffix) is not 시키다 "to order"
    if tag in {"XSV", "XSA"}:
        return "하다" if form in {"하", "해"} else form + "다"
    if tag.startswith("V"):
        lemma = kiwi_lemma if kiwi_lemma and kiwi_lemma != form else form
        return lemma if lemma.endswith("다") else lemma + "다"
    return form


def build_pipeline(grammar: Grammar, product_words: tuple[str, ...] = ()) -> Language:
    """A blank Korean spaCy pipeline whose tokenizer is Kiwi (product names kept whole)."""
    import spacy
    from spacy.tokens import Token

    if not Token.has_extension("kiwi_span"):
        Token.set_extension("kiwi_span", default=(0, 0))
    nlp = spacy.blank("xx")
    nlp.tokenizer = KiwiTokenizer(nlp.vocab, grammar.user_words, product_words)
    return nlp


ACKNOWLEDGEMENTS = frozenset({"알다", "네", "예", "응", "넵", "그래", "그렇다", "좋다"})
"""Words of a clause before a yes that keep it a yes: "알겠어 주문해", "네 알겠습니다
주문해 주세요"."""


class KoreanFrontEnd:
    """Korean utterance -> :class:`Analysis`."""

    def __init__(self, grammar: Grammar, product_words: tuple[str, ...] = ()) -> None:
        self.grammar = grammar
        self.product_words = frozenset(product_words)
        self.nlp = build_pipeline(grammar, product_words)

    def analyse(self, text: str) -> Analysis:
        raw, text = normal_form(text), clean(text)
        doc = self.nlp(text)
        toks = [(t.text, t.tag_, t.lemma_, t._.kiwi_span) for t in doc]
        schedule = find_schedule(text, KOREAN_SCHEDULE)
        clause = last_clause(toks)
        key, slots = self._clause_key(clause, text, schedule is not None)
        partial = False  # the last clause says something the whole utterance does not
        if clause is not toks:
            whole_key, whole_slots = self._clause_key(toks, text, schedule is not None)
            intent, whole_intent = lookup(self.grammar, key), lookup(self.grammar, whole_key)
            if intent is None and whole_intent is not None:
                key, slots, clause = whole_key, whole_slots, toks
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
        return Analysis(
            key, slots, negated(clause), past(clause), reported(clause), not_product,
            question=question_ko(raw, toks),
            hesitant=partial or hesitant_ko(raw, text, toks, self.grammar.hesitations),
        )  # fmt: skip

    def _clause_key(
        self, toks: list[Token], text: str, has_schedule: bool
    ) -> tuple[tuple[str, ...], Slots]:
        pieces = self._pieces(toks, text, has_schedule)
        quantity, unit, odd = self._quantity(pieces)
        key, product, delivery = self._key(pieces, text)
        if "{schedule}" in key:  # wherever it was said, a schedule leads the key
            key = ["{schedule}", *(k for k in key if k != "{schedule}")]
        product = _strip_particle(product)
        return tuple(key), Slots(product, quantity, unit, None, delivery, not_a_count=odd)

    # -- pieces: one symbol per kept morpheme ---------------------------------

    def _pieces(self, toks: list[Token], text: str,
                has_schedule: bool) -> list[Piece]:  # fmt: skip
        grammar = self.grammar
        out: list[Piece] = []
        i = 0
        while i < len(toks):
            form, tag, lemma, (start, end) = toks[i]
            number = _number_at(toks, i, text)
            if number is not None:
                value, j = number
                nxt = toks[j] if j < len(toks) else None
                measure = nxt is not None and grammar.counters.get(nxt[0]) in MEASURES
                if isinstance(value, str) and nxt is not None and measure:
                    out.append(Piece("{size}", start, nxt[3][1]))  # "1.5리터": a pack size
                    i = j + 1
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
                if nxt is not None and nxt[0] in grammar.size_units:
                    out.append(Piece("{size}", start, nxt[3][1]))
                    i = j + 1
                    continue
                bare = tag in {"SN", "NR"} or form in TIMES  # a count without a counter
                if bare or (tag == "NNG" and form in {"하나", "둘", "셋", "넷"}):
                    out.append(Piece("{quantity}", start, toks[j - 1][3][1], (value, None)))
                    i = j
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
            if tag in NOMINAL or (tag == "VA" and _adnominal(toks, i)):
                out.append(Piece("{product}", start, end))
                continue
            out.append(Piece(word, start, end))
        return out

    @staticmethod
    def _quantity(pieces: list[Piece]) -> tuple[int | None, str | None, str | None]:
        """The count asked for: the last quantity expression (sizes come before counts), and
        what was said instead of a count when it is none (0.5, 1e9)."""
        found = [p for p in pieces if p.symbol == "{quantity}"]
        for p in found[:-1]:
            p.symbol = "{size}"  # "1L 두 개": the first is part of the name
        if not found:
            return None, None, None
        value, unit = found[-1].value
        if isinstance(value, str):
            return None, unit, value
        return int(value), unit, None

    def _key(self, pieces: list[Piece], text: str) -> tuple[list[str], str | None, str | None]:
        """Fold pieces into the key. A product is one run of nominal pieces (sizes included);
        when several runs are separated by particles, the one nearest the verb is the product
        ("홍콩반점에서 탕수육 주문해" -> 탕수육)."""
        key: list[str] = []
        span: list[int] | None = None
        boundary = False
        delivery = None
        for p in pieces:
            symbol = p.symbol
            if symbol == "|":
                boundary = True
                continue
            if symbol == "{size}":
                if not (key and key[-1] == "{product}" and not boundary):
                    boundary = False
                    continue
                symbol = "{product}"
            if symbol == "{delivery}":
                delivery = p.value
            if symbol == "{product}":
                if key and key[-1] == "{product}" and span is not None:
                    if boundary:
                        span = [p.start, p.end]  # a new noun phrase replaces the earlier one
                    else:
                        span[1] = p.end
                    boundary = False
                    continue
                span = [p.start, p.end]
            boundary = False
            if key and key[-1] == symbol and symbol.startswith("{"):
                continue
            key.append(symbol)
        product = text[span[0] : span[1]].strip() if span else None
        return key, product, delivery


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
