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

import threading
from collections.abc import Callable, Iterable
from dataclasses import replace

from assistant.nlu.analysis import normal_form
from assistant.nlu.grammar import lookup
from assistant.nlu.intents import IntentName
from assistant.nlu.packs import DEFAULT_LANGS, FrontEnd, detect_language, pack_for
from assistant.nlu.schema import SPENDING_INTENTS, Intent, Slots

__all__ = [
    "MAX_UTTERANCE",
    "FrontEnd",
    "IntentParser",
    "detect_language",
]

MAX_UTTERANCE = 300

ProductWords = Iterable[str] | Callable[[], Iterable[str]]
"""Product words, or a function that reads them when the first front end is built."""


class IntentParser:
    """Parses utterances with the language packs of ``langs`` (``assistant/nlu/lang/<code>/``).

    ``product_words`` are the live catalog's words (like hassil's ``slot_lists``, but for
    the tokenizer): each pack keeps the ones it needs whole (Kiwi would cut 삼다수 or 햇반
    apart). None by default: products are then whatever the grammar leaves over. A
    function is called once, when the first front end is built (the background preload).
    """

    def __init__(
        self, langs: tuple[str, ...] = DEFAULT_LANGS, product_words: ProductWords = ()
    ) -> None:
        self.langs = langs
        self._words_source = product_words
        self._words: tuple[str, ...] | None = None
        self._front: dict[str, FrontEnd] = {}
        self._lock = threading.Lock()
        """Guards the product words."""
        self._building = threading.Lock()
        """One front end is built at a time: two threads importing spaCy at once can see it
        half initialised (a Korean and an English one, in a preload and a first line)."""

    @property
    def product_words(self) -> tuple[str, ...]:
        """The product words the front ends were (or will be) given."""
        with self._lock:
            return self._product_words()

    def _product_words(self) -> tuple[str, ...]:
        if self._words is None:
            source = self._words_source
            self._words = tuple(source() if callable(source) else source)
        return self._words

    def front_end(self, lang: str) -> FrontEnd:
        """The (lazily built) front end of ``lang``; while another thread builds one, waits
        for it."""
        front = self._front.get(lang)
        if front is not None:
            return front
        with self._building:
            if lang not in self._front:
                pack = pack_for(lang)
                words = pack.kept_words(self.product_words)
                self._front[lang] = pack.front_end(pack.grammar(), words)
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
        lang = lang or detect_language(normal_form(text), self.langs)  # NFD, full-width too
        if not text.strip() or len(text) > MAX_UTTERANCE:
            return Intent(text, lang, "none", 0.0)
        analysis = self.front_end(lang).analyse(text)
        if not analysis.key:
            return Intent(text, lang, "none", 0.0)
        name = lookup(self.front_end(lang).grammar, analysis.key)
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
        if name == "set_delivery" and analysis.past:
            return Intent(text, lang, "none", 0.7)  # "택배함에 넣어 놨어": a remark, no change
        if name == "suggest" and analysis.negated:
            return Intent(text, lang, "none", 0.7)
        if name == "suggest" and analysis.past:  # "뭐 주문했지?", "최근에 뭐 샀어?"
            name = IntentName.ORDER_HISTORY.value  # asks about the past: what was ordered
        slots = analysis.slots
        kept = IntentName(name).traits.slots
        if kept in ("none", "delivery"):
            slots = Slots(delivery=slots.delivery) if kept == "delivery" else Slots()
        elif kept != "schedule":
            # a count without a product: a correction ("두 개로"), one more of the last ("하나 더")
            counted = kept == "item" and (
                slots.product is not None or name == "change" or slots.reference
            )
            quantity, unit = (slots.quantity, slots.unit) if counted else (None, None)
            odd = slots.not_a_count if counted else None  # "0.5개": refused, never rounded
            items = slots.items if counted else tuple(replace(i, quantity=None, unit=None)
                                                      for i in slots.items)  # fmt: skip
            slots = replace(slots, quantity=quantity, unit=unit, schedule=None,
                            not_a_count=odd, items=items)  # fmt: skip
        return Intent(text, lang, name, 0.9, slots)
