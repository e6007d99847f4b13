"""Match a heard product phrase to catalog products with rapidfuzz, knowing kinds.

Korean is compared on jamo (``unicodedata`` NFD), so one wrong vowel or
consonant costs a little instead of a whole syllable (달갈 -> 달걀, 우휴 -> 우유),
and spaces are ignored (서울 우유 = 서울우유). English words are compared in the singular
(strawberries = strawberry).

**Kinds.** What a product *is* is what its aliases call it (the catalog's curated spoken
names: 우유, 커피, milk). The head of a compound is its last part: 딸기우유 is a 우유 and
not a 딸기, "coffee milk" is a milk, 캔커피 is a 커피 (a part is a head when some product
is called by it). So a phrase relates to a product in one of three ways, best first:

- *called*: the product is called that (an alias, its name, brand + alias): 우유 -> 흰우유;
- *a kind of*: the phrase is the head of one of its aliases: 우유 -> 딸기우유, 커피 -> 캔커피;
- *a word of*: the phrase only appears in its name or inside a compound: 딸기 -> 딸기우유,
  Maeil -> Maeil Bio Plain Yogurt.

Each step down costs points (:data:`KIND_PENALTY`, :data:`WORD_PENALTY`), more than the
:data:`TIE_MARGIN`, so "딸기" offers the strawberries, and 딸기우유 only when the catalog has
no strawberries. The phrase's own head is its last word ("Seoul milk" is a milk of Seoul);
the words before it must describe the product (brand, name words), each one that does not
costing points (:data:`MODIFIER_WEIGHT`), and much more when it names another kind the
product is not ("almond milk" is no 흰우유: :data:`OTHER_KIND_PENALTY`). A phrase that says
more after a product's name is not that product (딸기잼 is a 잼, "strawberry jam" is close to
"strawberry milk" as a string but its head is no milk). Sizes said in the phrase ("서울우유
1리터") are taken out and narrow the match (:mod:`assistant.shop.sizes`).

Substitutes for a sold-out product use the same notion of kind
(:mod:`assistant.shop.alternatives`).

The index (spoken forms, words and their relation to each product) is built once per catalog.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from enum import IntEnum
from functools import lru_cache

from rapidfuzz import fuzz, process

from assistant.shop.sizes import same_size, split_sizes

ACCEPT_SCORE = 72.0
"""Below this a phrase is "not in the catalog"."""
TIE_MARGIN = 4.0
"""Candidates within this many points of the best are an ambiguity to ask about."""
KIND_PENALTY = 8.0
"""Points off when the phrase is only the head of what the product is called (우유 ->
딸기우유): ranks below the products called that."""
WORD_PENALTY = 15.0
"""Points off when the phrase is only a word of the product's name (딸기 -> 딸기우유)."""
MODIFIER_WEIGHT = 0.3
"""Points off per point a word before the head falls short of the product's closest word."""
OTHER_KIND_PENALTY = 30.0
"""Points off for a word before the head that names another kind the product is not."""
TRAILING_PENALTY = 15.0
"""Points off per word after the word taken as the head (the head is the last word): with
the word's own modifier points, a word after the head that does not describe the product
leaves no acceptable match ("strawberry jam" is no strawberry)."""
HEAD_SPAN = 3
"""The head may be up to this many words ("toilet paper", "low fat milk")."""
NEAR_EXACT = 95.0
"""A whole phrase this close to what a product is called is that product: its words are
not looked at one by one."""
STOP_WORDS = frozenset({"a", "an", "the", "some", "of", "please", "any", "me", "my", "our", "좀"})
"""Words that never name a product ("some coffee", "커피 좀")."""

CONTAINERS = frozenset(
    "묶음 팩 봉지 봉 박스 상자 통 병 캔 개 판 포대 망 단 세트 box bag pack packet carton bottle "
    "can jar tub tube case tray sack 티백 teabag".split()
)
"""Counting and container words said after a product's name ("바나나우유 묶음", "rice bag"),
and the form a tea comes in ("보리차 티백": the barley tea is sold in bags though its name does
not say so): a phrase that names nothing is scored without its last one."""
BAGGED = frozenset({"티백", "teabag"})
"""Words of a tea in bags ("보리차 티백", "barley tea bags"): the products sold by the piece
(a size in 개입) are what is meant, not a bottled tea or the grain."""
SIZE_WORDS = frozenset("큰 작은 대용량 소용량 큰거 작은거 big small large little huge".split())
"""Words of size said with a name ("진간장 큰 병"): the size said, if any, tells the pack."""
IE_STEMS = (
    "pi",
    "cooki",
    "browni",
    "veggi",
    "smoothi",
    "hoagi",
    "rooki",
    "movi",
    "calori",
    "zombi",
    "selfi",
    "goali",
    "birdi",
    "kelpi",
    "lassi",
    "sundi",
)
"""Stems of English nouns ending in -ie (pie, cookie): their plural only drops the s."""
PARTICLES = frozenset("을 를 이 가 은 는 도 만 요 랑 와 과 로 의".split())
"""A syllable after a product's name that does not change what is meant (우유를, 우유요)."""
_STRIP = re.compile(r"[\s\-_/·.,()]+")
_WORD_SPLIT = re.compile(r"[\s\-_/·,()]+")
_HANGUL = re.compile(r"[가-힣]")
_DIGIT = re.compile(r"[0-9]")


@lru_cache(maxsize=65536)
def to_key(text: str) -> str:
    """Comparison key: lower case, no spaces or punctuation, Hangul split into jamo."""
    return unicodedata.normalize("NFD", _STRIP.sub("", text.lower()))


@lru_cache(maxsize=65536)
def singular(word: str) -> str:
    """An English word in the singular (strawberries -> strawberry, tomatoes -> tomato,
    peaches -> peach, eggs -> egg); other words unchanged."""
    w = word.lower()
    if not w.isascii() or not w.isalpha() or len(w) <= 3:
        return w
    if w.endswith("ies"):
        # pies, cookies, brownies, veggies: nouns in -ie; berries, candies: in -y
        return w[:-1] if len(w) <= 4 or w[:-2].endswith(IE_STEMS) else w[:-3] + "y"
    if w.endswith(("oes", "ches", "shes", "xes", "sses")):
        return w[:-2]
    if w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


@lru_cache(maxsize=65536)
def words_of(text: str) -> tuple[str, ...]:
    """The words of a phrase, lower case, English ones in the singular."""
    return tuple(singular(w) for w in _WORD_SPLIT.split(text.lower()) if w.strip("."))


@lru_cache(maxsize=65536)
def phrase_key(text: str) -> str:
    """Comparison key of a phrase with its English words in the singular."""
    return to_key(" ".join(words_of(text)))


class Relation(IntEnum):
    """How a phrase relates to a product, best first."""

    CALLED = 0
    """The product is called that (an alias, its name)."""
    KIND = 1
    """The phrase is the head of something the product is called (우유 -> 딸기우유)."""
    WORD = 2
    """The phrase is only a word of its name (딸기 -> 딸기우유)."""


PENALTY = {Relation.CALLED: 0.0, Relation.KIND: KIND_PENALTY, Relation.WORD: WORD_PENALTY}


@dataclass(frozen=True)
class CatalogEntry:
    """What the matcher needs to know about one product."""

    product_id: int
    """Database id."""
    name_ko: str
    """Korean name without size."""
    name_en: str
    """English name."""
    brand: str
    """Brand."""
    aliases: tuple[str, ...]
    """Spoken alternatives: what the product is called, i.e. its kinds (우유, milk)."""
    size: str = ""
    """Pack size (1L, 30구), so that "달걀 30구" prefers the 30-pack."""
    in_stock: bool = True
    """Whether it can be ordered now."""
    rating_tenths: int = 0
    """Star rating times ten, for ordering equally good matches."""


@dataclass(frozen=True)
class Candidate:
    """A product that may be what was said."""

    product_id: int
    """Database id."""
    score: float
    """0..100, higher is closer."""
    matched: str
    """The spoken form that matched best."""


SHORT_WORD = 2
"""A Korean word of at most this many syllables is matched by a misspelling of the same
length only (우휴 is 우유, but 밀크 is not 밀키스), and one syllable only by itself (파 is
not 팥)."""
_HANGUL = re.compile("[가-힣]")


def _short_and_grown(phrase: str, candidate: Candidate) -> bool:
    """A short Korean phrase that only matched a longer (or shorter) form of another word."""
    said = "".join(_HANGUL.findall(phrase))
    if not said or len(said) > SHORT_WORD or len(said) != len(re.sub(r"\s", "", phrase)):
        return False
    forms = {"".join(_HANGUL.findall(w)) for w in candidate.matched.split()}
    if said in forms:
        return False
    return len(said) == 1 or all(len(f) != len(said) for f in forms if f)


@lru_cache(maxsize=131072)
def _split(text: str) -> tuple[str, tuple[str, ...]]:
    return split_sizes(text) if _DIGIT.search(text) else (text, ())


def _without_sizes(text: str) -> str:
    return _split(text)[0]


def spoken_forms(entry: CatalogEntry) -> set[str]:
    """Every way of saying this product as a whole (what it is *called*)."""
    name_ko = _without_sizes(entry.name_ko)
    name_en = name_ko if entry.name_en == entry.name_ko else _without_sizes(entry.name_en)
    forms = {name_ko, name_en, *entry.aliases}
    words = name_ko.split()
    if len(words) > 1 and words[0] == entry.brand:
        forms.add(" ".join(words[1:]))
    for alias in entry.aliases:
        forms.add(f"{entry.brand} {alias}")
        if entry.brand.endswith(alias):
            # "서울우유" names the plain milk of the brand 서울우유, not its 딸기우유.
            forms.add(entry.brand)
    if entry.size and not _split(entry.size)[1]:
        # a size the phrase cannot take apart ("애호박 1개") is said with the name
        forms |= {f"{form} {entry.size}" for form in list(forms)}
    return {f for f in forms if f.strip()}


def product_sizes(entry: CatalogEntry) -> tuple[str, ...]:
    """The sizes a product can be asked by: its pack size and any size in its names
    ("제주삼다수 2L" is a 6병 pack of 2L bottles)."""
    inside = _split(entry.name_ko)[1] + _split(entry.name_en)[1]
    return tuple(dict.fromkeys(s for s in (entry.size, *inside) if s))


def surface(text: str) -> str:
    """A phrase as the vocabulary writes it: lower case, English words in the singular, one
    space between words."""
    return " ".join(words_of(text))


def vocabulary_of(aliases: Iterable[str]) -> set[str]:
    """The kinds products are called (:func:`surface` forms of aliases; Korean ones also
    without spaces)."""
    vocabulary = {surface(a) for a in aliases}
    vocabulary |= {v.replace(" ", "") for v in vocabulary if _HANGUL.search(v)}
    vocabulary.discard("")
    return vocabulary


def head_of(phrase: str, vocabulary: set[str]) -> str | None:
    """The head of a compound: its longest last part that is itself a kind some product is
    called (``vocabulary``, :func:`vocabulary_of`): 딸기우유 -> 우유, "strawberry milk" ->
    milk, 동물성생크림 -> 생크림; None when it has no such part."""
    words = words_of(phrase)
    for i in range(1, len(words)):
        tail = " ".join(words[i:])
        if tail in vocabulary:
            return tail
    if words and not words[-1].isascii():
        last = words[-1]
        for i in range(1, len(last)):
            if last[i:] in vocabulary:
                return last[i:]
    return None


def kinds_of(aliases: Iterable[str], vocabulary: set[str]) -> set[str]:
    """Keys of every kind the aliases name, heads included (딸기우유 -> {딸기우유, 우유})."""
    kinds: set[str] = set()
    for alias in aliases:
        part: str | None = alias
        while part and phrase_key(part) not in kinds:
            kinds.add(phrase_key(part))
            part = head_of(part, vocabulary)
    return kinds


class ProductMatcher:
    """Ranked fuzzy matching of a phrase against a fixed set of products."""

    def __init__(self, entries: Iterable[CatalogEntry]) -> None:
        self._entries = {e.product_id: e for e in entries}
        self._sizes = {pid: product_sizes(e) for pid, e in self._entries.items()}
        # whole spoken forms (what each product is called)
        self._keys: list[str] = []
        self._owners: list[int] = []
        self._forms: list[str] = []
        forms = {pid: sorted(spoken_forms(e)) for pid, e in self._entries.items()}
        for pid, said in forms.items():
            for form in said:
                key = phrase_key(form)
                if key:
                    self._keys.append(key)
                    self._owners.append(pid)
                    self._forms.append(form)
        self._vocabulary = vocabulary_of(a for e in self._entries.values() for a in e.aliases)
        self._vocabulary_keys = {to_key(v) for v in self._vocabulary}
        # words and kinds: key -> {product: best relation}
        self._index: dict[str, dict[int, Relation]] = {}
        self._words: dict[int, tuple[str, ...]] = {}
        for pid, entry in self._entries.items():
            self._index_entry(entry, forms[pid])
        self._index_keys = list(self._index)
        self._kind_keys = sorted(
            k for k, owners in self._index.items() if k in self._vocabulary_keys
            or any(r is Relation.KIND for r in owners.values())
        )  # fmt: skip

    def _relate(self, key: str, product_id: int, relation: Relation) -> None:
        owners = self._index.get(key)
        if owners is None:
            if key:
                self._index[key] = {product_id: relation}
        elif relation < owners.get(product_id, Relation.WORD):
            owners[product_id] = relation
        else:
            owners.setdefault(product_id, relation)

    def _index_entry(self, entry: CatalogEntry, forms: list[str]) -> None:
        pid = entry.product_id
        for form in forms:
            self._relate(phrase_key(form), pid, Relation.CALLED)
        for kind in kinds_of(entry.aliases, self._vocabulary):
            self._relate(kind, pid, Relation.KIND)
        words: set[str] = set()
        texts = {_without_sizes(entry.name_ko), _without_sizes(entry.name_en), entry.brand}
        for text in (*texts, *entry.aliases):
            for word in words_of(text):
                if word.isdigit() or (word.isascii() and len(word) < 2):
                    continue
                words.add(word)
                if not word.isascii() and _HANGUL.search(word):
                    words |= self._parts(word)
        keys = {to_key(w) for w in words}
        for key in keys:
            self._relate(key, pid, Relation.WORD)
        self._words[pid] = tuple(keys | {phrase_key(f) for f in (*forms, *entry.aliases)})

    def _parts(self, word: str) -> set[str]:
        """The kinds inside a Korean compound word, and what is before its head:
        딸기우유 -> {딸기, 우유}, 저지방우유 -> {저지방, 우유}."""
        parts = {
            word[i:j]
            for i in range(len(word))
            for j in range(i + 2, len(word) + (1 if i else 0))
            if word[i:j] in self._vocabulary
        }
        head = head_of(word, self._vocabulary)
        if head:
            parts |= {head, word[: -len(head)]}
        return parts

    def __len__(self) -> int:
        return len(self._entries)

    def _compound_of(self, query: str, key: str) -> bool:
        """Whether ``query`` is ``key`` + a kind (바나나우유 = 바나나 + 우유): then ``key`` is
        only its modifier, however close the strings are."""
        return (
            len(query) > len(key)
            and query.startswith(key)
            and query[len(key) :] in (self._vocabulary_keys)
        )

    @staticmethod
    def _said_more(query: str, key: str) -> bool:
        """Whether ``query`` is ``key`` followed by more than a particle or a letter ("딸기잼"
        after 딸기, "strawberryjam" after strawberry; not "우유를"): then the phrase's head is
        not ``key`` (the head is the last word)."""
        if len(query) <= len(key) or not query.startswith(key):
            return False
        rest = unicodedata.normalize("NFC", query[len(key) :])
        return not (rest in PARTICLES or (len(rest) == 1 and rest.isascii()))

    @staticmethod
    def _head_agrees(last: str, key: str) -> bool:
        """Whether a phrase whose last word is ``last`` ends like ``key``: "strawberry jam" is
        close to "strawberry milk" as a string, but its head is no milk."""
        return not last or fuzz.ratio(last, key[-len(last) :]) >= ACCEPT_SCORE

    def _whole(self, key: str, words: list[str], best: dict[int, Candidate]) -> None:
        """Scores of the whole phrase (its ``words`` without stop words) against what each
        product is called; a near miss whose words name another kind costs
        :data:`OTHER_KIND_PENALTY` ("oat milk" is not "low fat milk")."""
        last = to_key(words[-1]) if len(words) > 1 else ""
        kinds = [w for w in words[:-1] if to_key(w) in self._vocabulary_keys]
        hits = process.extract(
            key, self._keys, scorer=fuzz.ratio, limit=400, score_cutoff=ACCEPT_SCORE - 10
        )
        for form_key, score, index in hits:
            if self._compound_of(key, form_key) or self._said_more(key, form_key):
                continue
            if not self._head_agrees(last, form_key):
                continue
            owner = self._owners[index]
            if score < 100.0:
                score -= sum(OTHER_KIND_PENALTY for w in kinds if self._described(owner, w) < 90)
                # "hot sauce" is close to "soy sauce" as a string, but nothing of the product
                # is hot: a modifier the product does not have costs its points here too
                score -= sum(
                    MODIFIER_WEIGHT * (100.0 - self._described(owner, w))
                    for w in words[:-1]
                    if w not in kinds and self._described(owner, w) < 90
                )
            if owner not in best or score > best[owner].score:
                best[owner] = Candidate(owner, float(score), self._forms[index])

    def _described(self, pid: int, word: str) -> float:
        """How well a modifier describes a product: its closest word (50 when none is)."""
        key = to_key(word)
        return max(50.0, max((fuzz.ratio(key, w) for w in self._words[pid]), default=0.0))

    def _is_kind_of(self, pid: int, word: str) -> bool:
        """Whether the product is called ``word`` or is a kind of it."""
        relation = self._index.get(to_key(word), {}).get(pid)
        return relation is not None and relation is not Relation.WORD

    def _modifier_points(self, pid: int, word: str) -> float:
        """Points off for a word before the head: how far it is from the product's words, or
        :data:`OTHER_KIND_PENALTY` when it names another kind the product is not ("almond
        milk" is no plain milk, "커피 우유" no 흰우유)."""
        described = self._described(pid, word)
        if described < 90.0 and to_key(word) in self._vocabulary_keys:
            return OTHER_KIND_PENALTY
        return MODIFIER_WEIGHT * (100.0 - described)

    def _heads(self, words: list[str], best: dict[int, Candidate]) -> None:
        """Scores with the last word(s) as the head and the words before as modifiers (the
        word before the last when the last names nothing); only candidates that can still be
        among the best are scored."""
        n = len(words)
        top = max((c.score for c in best.values()), default=0.0)
        named = False
        for end in range(n, max(0, n - 2), -1):
            if end < n and (top >= ACCEPT_SCORE or named):
                break  # the last word names something: it is the head
            trailing = TRAILING_PENALTY * (n - end)
            for start in range(max(0, end - HEAD_SPAN), end):
                head = " ".join(words[start:end])
                key = to_key(head)
                # a head of several words is a kind ("toilet paper", "low fat milk")
                keys = self._index_keys if start == end - 1 else self._kind_keys
                hits = process.extract(
                    key, keys, scorer=fuzz.ratio, limit=30, score_cutoff=ACCEPT_SCORE
                )
                scores: dict[int, float] = {}
                relations: dict[int, Relation] = {}
                for word_key, score, _i in hits:
                    if self._compound_of(key, word_key) or self._said_more(key, word_key):
                        continue
                    if start < end - 1 and not self._head_agrees(to_key(words[end - 1]), word_key):
                        continue
                    for pid, relation in self._index[word_key].items():
                        value = score - PENALTY[relation] - trailing
                        if value > scores.get(pid, 0.0):
                            scores[pid] = value
                            relations[pid] = relation
                named = named or bool(scores)
                modifiers = words[:start] + words[end:]
                inner = [w for w in words[start : end - 1] if to_key(w) in self._vocabulary_keys]
                a_kind = key in self._vocabulary_keys
                for pid, value in sorted(scores.items(), key=lambda item: -item[1]):
                    if value < max(ACCEPT_SCORE, top - TIE_MARGIN):
                        break
                    for word in modifiers:
                        value -= self._modifier_points(pid, word)
                        if (
                            a_kind
                            and relations[pid] is Relation.WORD
                            and self._is_kind_of(pid, word)
                        ):
                            # "milk chocolate" is no 초코에몽 (a chocolate milk): the product
                            # is what the modifier names, the head only a word of its name
                            # and itself the kind of other products (but "주방세제 자연퐁" is
                            # the dish soap called 자연퐁, "buldak big cup" the big buldak)
                            value -= OTHER_KIND_PENALTY
                    for word in inner:  # "oat milk" near "low fat milk": oat is another kind
                        if self._described(pid, word) < 90.0:
                            value -= OTHER_KIND_PENALTY
                    for word in words[start : end - 1]:  # "hot sauce" near "soy sauce"
                        described = self._described(pid, word)
                        if word not in inner and described < 90.0:
                            value -= MODIFIER_WEIGHT * (100.0 - described)
                    if pid not in best or value > best[pid].score:
                        best[pid] = Candidate(pid, value, head)
                        top = max(top, value)

    def _scores(self, phrase: str) -> dict[int, Candidate]:
        best = self._scores_of(phrase)
        words = phrase.split()
        if any(c.score >= ACCEPT_SCORE for c in best.values()) or not words:
            return best
        if len(words) < 2 and not (len(words[0]) > 2 and words[0].endswith("티백")):
            return best
        # "바나나우유 묶음", "the 20kg rice bag", "진간장 큰 병": a counting word after a name,
        # a word of size, that says nothing without them ("tea bag" names the tea bags)
        if len(words[-1]) > 2 and words[-1].endswith("티백"):
            words = [*words[:-1], words[-1][:-2], "티백"]  # 보리차티백
        while len(words) > 1 and singular(words[-1]) in CONTAINERS:
            words = words[:-1]
        words = [w for w in words if w.lower() not in SIZE_WORDS] or words
        rest = " ".join(words)
        return self._scores_of(rest) if rest != phrase else best

    def _scores_of(self, phrase: str) -> dict[int, Candidate]:
        key = phrase_key(phrase)
        if not key:
            return {}
        best: dict[int, Candidate] = {}
        words = [w for w in words_of(phrase) if w not in STOP_WORDS]
        self._whole(key, words or [phrase], best)
        if any(c.score >= NEAR_EXACT for c in best.values()):
            return best  # the phrase is (all but) exactly what some product is called
        if words:
            self._heads(words, best)
        return best

    def _ranked(self, best: dict[int, Candidate], sizes: tuple[str, ...] = ()) -> list[Candidate]:
        """Best first; among equal scores the products of a size said, in stock, best rated."""
        return sorted(
            best.values(),
            key=lambda c: (
                -round(c.score, 6),
                bool(sizes) and not any(self.has_size(c.product_id, s) for s in sizes),
                not self._entries[c.product_id].in_stock,
                -self._entries[c.product_id].rating_tenths,
                c.product_id,
            ),
        )

    def rank(self, phrase: str, limit: int = 10) -> list[Candidate]:
        """Products for ``phrase``, best first, one candidate per product (a size said in
        the phrase puts the products of that size first among equals)."""
        rest, sizes = split_sizes(phrase)
        return self._ranked(self._scores(rest or phrase), sizes)[:limit]

    @staticmethod
    def _bagged(phrase: str) -> bool:
        """Whether the phrase asks for tea bags ("보리차 티백", "barley tea bags")."""
        words = words_of(phrase)
        return bool(words) and (
            words[-1] in BAGGED or words[-2:] == ("tea", "bag") or words[-1].endswith("티백")
        )

    def _in_pieces(self, product_id: int) -> bool:
        """Whether the product is sold as a count of pieces (a size in 개입)."""
        return self._entries[product_id].size.endswith("개입")

    def has_size(self, product_id: int, size: str) -> bool:
        """Whether the product can be asked for by ``size`` (its pack or a size in its name)."""
        return any(same_size(size, own) for own in self._sizes.get(product_id, ()))

    def match(self, phrase: str, size: str | None = None) -> list[Candidate]:
        """The acceptable candidates: one when clear, several when it is a real choice,
        none when the phrase is not in the catalog. A size said (``size``, or inside the
        phrase: "서울우유 1리터") keeps the candidates of that size when any has it."""
        rest, said = split_sizes(phrase)
        sizes = (*said, size) if size else said
        ranked = [c for c in self._ranked(self._scores(rest or phrase))
                  if not _short_and_grown(rest or phrase, c)]  # fmt: skip
        if self._bagged(phrase):
            # a tea in bags is one of the products sold by the piece ("샴푸 티백" is none)
            ranked = [c for c in ranked if self._in_pieces(c.product_id)]
        if not ranked or ranked[0].score < ACCEPT_SCORE:
            return []
        top = ranked[0].score
        found = [c for c in ranked if c.score >= max(ACCEPT_SCORE, top - TIE_MARGIN)]
        if sizes:
            sized = [c for c in found if any(self.has_size(c.product_id, s) for s in sizes)]
            found = sized or found
        return found
