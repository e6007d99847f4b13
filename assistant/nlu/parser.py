"""The intent parser: language detection, a front end per language, template look-up, safety gates.

    parser = load_parser()
    intent = parser.parse("우유 두 개 주문해 줘")      # Intent(name="order", slots=...)

Safety first: a money-spending intent (:data:`SPENDING_INTENTS`) is only
returned for a request in the speaker's own voice: never for a negated
("주문하지 마"), past ("주문했어"), reported ("친구가 주문했대") utterance, and
never when the object is something that is not a grocery (a taxi, a song).
A ``confirm`` is only returned for an unambiguous yes: never for a question ("응?",
"그럴까", "sure?"), a hesitation ("음 네", "잠깐만", "uh") or a fragment ("좋긴 한데")
(:mod:`assistant.nlu.doubt`).
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache
from typing import Protocol

from assistant.nlu.analysis import Analysis, normal_form
from assistant.nlu.grammar import LanguagePack, load_pack, lookup
from assistant.nlu.intents import IntentName
from assistant.nlu.schema import SPENDING_INTENTS, Intent, Slots

LANGS = ("ko", "en")
MAX_UTTERANCE = 300
_HANGUL = re.compile(r"[가-힣ㄱ-ㅎ]")
_LATIN = re.compile(r"[A-Za-z]")


class FrontEnd(Protocol):
    pack: LanguagePack

    def analyse(self, text: str) -> Analysis: ...


def detect_language(text: str) -> str:
    """``ko`` when the text has Hangul, ``en`` when it is Latin letters only."""
    if _HANGUL.search(text):
        return "ko"
    return "en" if _LATIN.search(text) else "ko"


class IntentParser:
    """Parses utterances with the language packs in ``grammars/``."""

    def __init__(
        self, langs: tuple[str, ...] = LANGS, product_words: tuple[str, ...] | None = None
    ) -> None:
        self.langs = langs
        self._product_words = product_words
        self._front: dict[str, FrontEnd] = {}
        self._lock = threading.Lock()

    def front_end(self, lang: str) -> FrontEnd:
        """The (lazily built) front end of ``lang``."""
        with self._lock:
            if lang not in self._front:
                pack = load_pack(lang)
                if lang == "ko":
                    from assistant.nlu.korean import KoreanFrontEnd

                    if self._product_words is None:
                        self._product_words = catalog_words()
                    self._front[lang] = KoreanFrontEnd(pack, self._product_words)
                else:
                    from assistant.nlu.english import EnglishFrontEnd

                    self._front[lang] = EnglishFrontEnd(pack)
            return self._front[lang]

    def preload(
        self, *, background: bool = False, langs: tuple[str, ...] | None = None
    ) -> threading.Thread | None:
        """Build the front ends of ``langs`` (default: all) now (Kiwi takes ~2 s),
        optionally in a background thread; any other one is built when first needed."""

        def load() -> None:
            for lang in langs or self.langs:
                self.front_end(lang)

        if not background:
            load()
            return None
        thread = threading.Thread(target=load, name="nlu-preload", daemon=True)
        thread.start()
        return thread

    def parse(self, text: str, lang: str | None = None) -> Intent:
        """Intent and slots of one utterance (``lang`` None: detected per utterance)."""
        lang = lang or detect_language(normal_form(text))  # NFD or full-width text too
        if not text.strip() or len(text) > MAX_UTTERANCE:
            return Intent(text, lang, "none", 0.0)
        analysis = self.front_end(lang).analyse(text)
        if not analysis.key:
            return Intent(text, lang, "none", 0.0)
        name = lookup(self.front_end(lang).pack, analysis.key)
        if name is None:
            return Intent(text, lang, "none", 0.5)
        if analysis.not_product:
            return Intent(text, lang, "none", 0.7)
        if name in SPENDING_INTENTS and (analysis.negated or analysis.past or analysis.reported):
            return Intent(text, lang, "none", 0.7)
        if name == "confirm" and (
            analysis.question or analysis.hesitant or analysis.past or analysis.negated
        ):  # "응?", "음 네", "sure?", "했어", "그렇지 않아": not a yes
            return Intent(text, lang, "none", 0.6)
        if name == "suggest" and (analysis.negated or analysis.past):
            return Intent(text, lang, "none", 0.7)  # "어제 뭐 샀더라" asks about the past
        slots = analysis.slots
        kept = IntentName(name).traits.slots
        if kept in ("none", "delivery"):
            slots = Slots(delivery=slots.delivery) if kept == "delivery" else Slots()
        elif kept != "schedule":
            counted = slots.product is not None and kept == "item"
            quantity, unit = (slots.quantity, slots.unit) if counted else (None, None)
            odd = slots.not_a_count if counted else None  # "0.5개": refused, never rounded
            slots = Slots(slots.product, quantity, unit, None, slots.delivery, odd)
        return Intent(text, lang, name, 0.9, slots)


def catalog_words() -> tuple[str, ...]:
    """Korean product words of the bundled catalog, so Kiwi keeps names such as 삼다수 whole.

    Products never come from the grammar files; the catalog is the runtime list.
    """
    from assistant.config import bundled_catalog_path
    from assistant.errors import JangbogiError
    from assistant.shop.catalog_file import parse_catalog

    try:
        records = parse_catalog(bundled_catalog_path())
    except JangbogiError:
        return ()
    words: set[str] = set()
    for r in records:
        for phrase in (r.brand, *r.aliases, *r.name_ko.split()):
            if _HANGUL.search(phrase) and " " not in phrase and len(phrase) >= 2:
                words.add(phrase)
    return tuple(sorted(words))


@lru_cache(maxsize=1)
def load_parser() -> IntentParser:
    """The process-wide parser (language packs are loaded on first use)."""
    return IntentParser()
