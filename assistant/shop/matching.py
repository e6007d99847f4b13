"""Match a heard product phrase to catalog products with rapidfuzz.

Korean is compared on jamo (``unicodedata`` NFD), so one wrong vowel or
consonant costs a little instead of a whole syllable (달갈 -> 달걀, 우휴 -> 우유),
and spaces are ignored (서울 우유 = 서울우유). Every product is indexed under
several spoken forms: its name, its aliases, brand + alias, and its English
name. The jamo strings are computed once per catalog.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz, process

ACCEPT_SCORE = 72.0
"""Below this a phrase is "not in the catalog"."""
TIE_MARGIN = 4.0
"""Candidates within this many points of the best are an ambiguity to ask about."""
_STRIP = re.compile(r"[\s\-_/·.,()]+")


def to_key(text: str) -> str:
    """Comparison key: lower case, no spaces or punctuation, Hangul split into jamo."""
    return unicodedata.normalize("NFD", _STRIP.sub("", text.lower()))


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
    """Spoken alternatives."""
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


def spoken_forms(entry: CatalogEntry) -> set[str]:
    """Every way of saying this product that the matcher indexes."""
    forms = {entry.name_ko, entry.name_en, *entry.aliases}
    words = entry.name_ko.split()
    if len(words) > 1 and words[0] == entry.brand:
        forms.add(" ".join(words[1:]))
    for alias in entry.aliases:
        forms.add(f"{entry.brand} {alias}")
        if entry.brand.endswith(alias):
            # "서울우유" names the plain milk of the brand 서울우유, not its 딸기우유.
            forms.add(entry.brand)
    if entry.size:
        forms |= {f"{form} {entry.size}" for form in list(forms)}
    return {f for f in forms if f.strip()}


class ProductMatcher:
    """Ranked fuzzy matching of a phrase against a fixed set of products."""

    def __init__(self, entries: Iterable[CatalogEntry]) -> None:
        self._entries = {e.product_id: e for e in entries}
        self._keys: list[str] = []
        self._owners: list[int] = []
        self._forms: list[str] = []
        for entry in self._entries.values():
            for form in sorted(spoken_forms(entry)):
                key = to_key(form)
                if key:
                    self._keys.append(key)
                    self._owners.append(entry.product_id)
                    self._forms.append(form)

    def __len__(self) -> int:
        return len(self._entries)

    def rank(self, phrase: str, limit: int = 10) -> list[Candidate]:
        """Products for ``phrase``, best first, one candidate per product."""
        key = to_key(phrase)
        if not key:
            return []
        hits = process.extract(
            key, self._keys, scorer=fuzz.ratio, limit=max(limit * 8, 40), score_cutoff=50
        )
        best: dict[int, Candidate] = {}
        for _key, score, index in hits:
            owner = self._owners[index]
            if owner not in best or score > best[owner].score:
                best[owner] = Candidate(owner, float(score), self._forms[index])
        ranked = sorted(
            best.values(),
            key=lambda c: (
                -c.score,
                not self._entries[c.product_id].in_stock,
                -self._entries[c.product_id].rating_tenths,
                c.product_id,
            ),
        )
        return ranked[:limit]

    def match(self, phrase: str) -> list[Candidate]:
        """The acceptable candidates: one when clear, several when it is a real choice,
        none when the phrase is not in the catalog."""
        ranked = self.rank(phrase, limit=50)
        if not ranked or ranked[0].score < ACCEPT_SCORE:
            return []
        top = ranked[0].score
        return [c for c in ranked if c.score >= max(ACCEPT_SCORE, top - TIE_MARGIN)]
