"""English front end: spaCy's tokenizer and lookup lemmas, then the key and slots."""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.language import Language

from assistant.nlu.analysis import Analysis, Piece, clean, normal_form
from assistant.nlu.digits import DIGITS, NOT_A_COUNT
from assistant.nlu.grammar import Grammar, lookup
from assistant.nlu.lang.en.doubt import hesitant_en, question_en, words_en
from assistant.nlu.lang.en.numbers import ENGLISH_NUMBER_WORDS, parse_english, parse_number
from assistant.nlu.lang.en.schedule import ENGLISH_SCHEDULE
from assistant.nlu.schedule import find_schedule
from assistant.nlu.schema import Slots

SPECIAL_QUANTITIES = (
    (("half", "a", "dozen"), 6),
    (("a", "couple", "of"), 2),
    (("a", "couple"), 2),
    (("a", "dozen"), 12),
    (("one", "dozen"), 12),
    (("a", "few"), 3),
)
SCHEDULE_TRIGGERS = frozenset(
    "every each daily weekly monthly biweekly fortnightly nightly quarterly once twice".split()
)
PAST_FORMS = frozenset("ordered bought purchased got added placed subscribed reordered".split())
PRESENT_VERBS = frozenset("order buy get purchase reorder add place put cancel".split())
DAYS = re.compile(r"^(mon|tues|wednes|thurs|fri|satur|sun)days?$|^weekdays?$|^weekends?$")
TIMES = frozenset({"x", "×"})
"""milk x3, 3x milk, 3 x milk: "times" next to a count."""
MEASURES = frozenset({"kg", "L"})
"""Counter units that measure: "2.5 kg rice" names a pack size, not a count."""


def build_pipeline() -> Language:
    """A blank English spaCy pipeline with lookup lemmas (spacy-lookups-data)."""
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.initialize()
    return nlp


class EnglishFrontEnd:
    """English utterance -> :class:`Analysis`."""

    def __init__(self, grammar: Grammar) -> None:
        self.grammar = grammar
        self.nlp = build_pipeline()

    def analyse(self, text: str) -> Analysis:
        raw, text = normal_form(text), clean(text).lower()
        words = words_en(text)
        # judged on the whole answer: "hmm, yes" is not a yes
        question = question_en(raw, words)
        hesitant = hesitant_en(raw, words, self.grammar.hesitations)
        if words and all(w in self.grammar.hesitations for w in words):
            # "what?", "wait, what": no request at all
            return Analysis((), Slots(), question=question, hesitant=hesitant)
        _head, comma, tail = text.rpartition(",")
        analysis = None
        if comma and tail.strip():
            # "I'm traveling, pause my deliveries": the last clause carries the request
            last = self._analyse(tail.strip())
            if lookup(self.grammar, last.key) is not None:
                analysis = last
        analysis = analysis or self._analyse(text)
        return replace(analysis, question=question, hesitant=hesitant)

    def _analyse(self, text: str) -> Analysis:
        doc = self.nlp(text)
        toks = [(t.text, t.lemma_.lower(), t.idx, t.idx + len(t.text)) for t in doc]
        schedule = find_schedule(text, ENGLISH_SCHEDULE)
        marked = _schedule_tokens(toks, self.grammar) if schedule is not None else set()
        negated = any(lemma in {"not", "never"} for _, lemma, _, _ in toks)
        past = _past(toks)
        pieces = self._pieces(toks, marked)
        key, product, quantity, unit, delivery = self._fold(pieces, text)
        if "{schedule}" in key:  # wherever it was said, a schedule leads the key
            key = ["{schedule}", *(k for k in key if k != "{schedule}")]
        count, odd = (None, quantity) if isinstance(quantity, str) else (quantity, None)
        when = schedule if "{schedule}" in key else None
        slots = Slots(product, count, unit, when, delivery, not_a_count=odd)
        not_product = product is not None and any(
            w in self.grammar.not_products for w in re.split(r"\s+", product)
        )
        return Analysis(tuple(key), slots, negated, past, False, not_product)

    def _pieces(self, toks: list[tuple[str, str, int, int]], marked: set[int]) -> list[Piece]:
        grammar = self.grammar
        out: list[Piece] = []
        i = 0
        while i < len(toks):
            form, lemma, start, end = toks[i]
            if i in marked:
                out.append(Piece("{schedule}", start, end))
                i += 1
                continue
            quantity = _quantity_at(toks, i, grammar)
            if quantity is not None:
                value, unit, j = quantity
                out.append(Piece("{quantity}", start, toks[j - 1][3], (value, unit)))
                i = j
                continue
            i += 1
            if not re.search(r"\w", form):
                continue
            if form in grammar.boundaries:
                out.append(Piece("|", start, end))
                continue
            if lemma in grammar.fillers or form in grammar.fillers or lemma in {"a", "an"}:
                continue
            if not marked and lemma in grammar.time_words:
                continue
            if lemma in grammar.vocabulary or form in grammar.vocabulary:
                out.append(Piece(lemma if lemma in grammar.vocabulary else form, start, end))
                continue
            if form in grammar.delivery or lemma in grammar.delivery:
                kind = grammar.delivery.get(form) or grammar.delivery[lemma]
                out.append(Piece("{delivery}", start, end, kind))
                continue
            out.append(Piece("{product}", start, end))
        return out

    @staticmethod
    def _fold(
        pieces: list[Piece], text: str
    ) -> tuple[list[str], str | None, int | str | None, str | None, str | None]:
        """Noun runs become ``{product}``; a run after a preposition ("from dominos") is dropped.
        Two separate runs stay two symbols, so "remind me to order water" matches nothing."""
        key: list[str] = []
        runs: list[list[int]] = []
        after_boundary = False
        quantity = unit = delivery = None
        for p in pieces:
            if p.symbol == "|":
                after_boundary = bool(runs)
                continue
            if p.symbol == "{product}":
                if key and key[-1] == "{product}" and not after_boundary:
                    runs[-1][1] = p.end
                    continue
                if after_boundary:
                    continue
                runs.append([p.start, p.end])
                key.append("{product}")
                continue
            after_boundary = False
            if p.symbol == "{quantity}":
                quantity, unit = p.value
            if p.symbol == "{delivery}":
                delivery = p.value
            if key and key[-1] == p.symbol and p.symbol.startswith("{"):
                continue
            key.append(p.symbol)
        product = text[runs[-1][0] : runs[-1][1]].strip() if runs else None
        return key, product, quantity, unit, delivery


def _past(toks: list[tuple[str, str, int, int]]) -> bool:
    """The request's own verb is in the past ("I ordered pizza"); a past verb after a present
    one ("buy what I bought last week") only describes the object."""
    for form, lemma, _, _ in toks:
        if form in PAST_FORMS:
            return True
        if form == lemma and lemma in PRESENT_VERBS:
            return False
    return False


def _quantity_at(
    toks: list[tuple[str, str, int, int]], i: int, grammar: Grammar
) -> tuple[int | str, str | None, int] | None:
    """A number (word, digits, "a couple of", "half a dozen", "a hundred", x3) and an optional
    unit + "of"; the number is the text as said when it is not a whole count (0.5, 1e9)."""
    forms = [t[0] for t in toks]
    value: int | str | None = None
    j = i
    for words, number in SPECIAL_QUANTITIES:
        if tuple(forms[i : i + len(words)]) == words:
            value, j = number, i + len(words)
            break
    article = forms[i] in {"a", "an"} and i + 1 < len(toks)
    if value is None and article and toks[i + 1][1] in grammar.counters:  # "a bottle of milk"
        value, j = 1, i + 1
    if value is None:
        found = _number(forms, i)
        if found is None:
            return None
        value, j = found
    if isinstance(value, str):  # not a count; "2.5 kg rice" names a pack size
        after = toks[j][1] if j < len(toks) else ""
        if after in grammar.size_units or grammar.counters.get(after) in MEASURES:
            return None
    unit = None
    if j < len(toks) and toks[j][1] in grammar.counters:
        unit = grammar.counters[toks[j][1]]
        j += 1
    elif j < len(toks) and toks[j][0] in {"dozen"} and isinstance(value, int):
        value *= 12
        j += 1
    if j < len(toks) and toks[j][0] == "of":
        j += 1
    return value, unit, j


def _number(forms: list[str], i: int) -> tuple[int | str, int] | None:
    """The number at token i and the index after it: digits (1,000, -5), a decimal, fraction
    or exponent as said, "x3"/"3x"/"3 x", "minus 5", or the longest run of number words
    ("one hundred and one", "twenty - one")."""
    form = forms[i]
    times = re.fullmatch(r"[x×]([0-9]+)|([0-9]+)[x×]", form)
    if times:
        return int(times.group(1) or times.group(2)), i + 1
    if form in TIMES and i + 1 < len(forms) and forms[i + 1].isdigit():
        return int(forms[i + 1]), i + 2  # "milk x 3"
    if form == "minus" and i + 1 < len(forms):
        after = _number(forms, i + 1)
        if after is not None and isinstance(after[0], int):
            return -after[0], after[1]
    if DIGITS.fullmatch(form) or NOT_A_COUNT.fullmatch(form):
        j = i + 1 + (i + 1 < len(forms) and forms[i + 1] in TIMES)  # "3 x milk"
        value = parse_number(form)
        return (form if value is None else value), j
    if form in {"a", "an"}:
        if i + 1 < len(forms) and forms[i + 1] in {"hundred", "thousand"}:
            return _words(forms, i)
        return None
    return _words(forms, i)


def _words(forms: list[str], i: int) -> tuple[int, int] | None:
    end = i
    while end < len(forms) and end - i < 10 and forms[end] in ENGLISH_NUMBER_WORDS:
        end += 1
    for stop in range(end, i, -1):
        value = parse_english(" ".join(forms[i:stop]).replace(" - ", "-"))
        if value is not None:
            return value, stop
    return None


def _schedule_tokens(toks: list[tuple[str, str, int, int]], grammar: Grammar) -> set[int]:
    """Indexes of the tokens that make up the schedule phrase."""
    words = grammar.schedule_words
    marked: set[int] = set()
    for i, (form, _, _, _) in enumerate(toks):
        if form in SCHEDULE_TRIGGERS or DAYS.match(form):
            marked.add(i)
    changed = True
    while changed:
        changed = False
        for i, (form, lemma, _, _) in enumerate(toks):
            if i in marked:
                continue
            near = (i - 1) in marked or (i + 1) in marked
            schedulish = (
                form in words or lemma in words or DAYS.match(form) is not None
                or form.isdigit() or re.fullmatch(r"\d+(st|nd|rd|th)", form) is not None
                or parse_english(form) is not None
            )  # fmt: skip
            if near and schedulish:
                marked.add(i)
                changed = True
    return marked
