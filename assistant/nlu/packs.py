"""Language packs: everything language-specific in understanding, found by language code.

A pack is the package ``assistant/nlu/lang/<code>/``; it exposes ``PACK``, an object of the
:class:`LangPack` protocol (its front end, number words, schedule phrases, choice words,
PIN words). Its grammar files are ``assistant/grammars/<code>/`` and its messages
``assistant/locales/<code>/``. The core (parser, choice, PIN) never asks which language
it is; it asks the packs in :data:`DEFAULT_LANGS` order::

    pack = pack_for("ko")
    pack.parse_schedule("매주 월요일 아침 9시")   # Schedule("weekly", 1, ("mon",), None, 9)
"""

from __future__ import annotations

import importlib
import threading
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Protocol

from assistant.errors import ConfigError
from assistant.nlu.analysis import Analysis
from assistant.nlu.grammar import Grammar
from assistant.nlu.schema import Schedule

DEFAULT_LANGS: tuple[str, ...] = ("ko", "en")
"""The packs the assistant understands, in the order they are asked: a text is in the first
language whose script it uses (Korean before English, so "CJ 햇반" is Korean), and in the
first of all when it uses none."""


class FrontEnd(Protocol):
    """One language's analysis of an utterance: tokens -> key, slots and mood flags."""

    grammar: Grammar
    """The grammar the key is looked up in."""

    def analyse(self, text: str) -> Analysis:
        """The key, slots and flags of one utterance."""
        ...


@dataclass(frozen=True)
class PinWords:
    """How one language says a PIN; :func:`assistant.nlu.pin.parse_pin` joins every pack's."""

    digits: Mapping[str, str]
    """Digit word -> digit ("공" -> "0", "oh" -> "0")."""
    owners: tuple[str, ...] = ()
    """Regex parts said before the PIN's name ("제", "내")."""
    names: tuple[str, ...] = ()
    """Regex parts naming the PIN ("비밀\\s*번호", "pin(?:\\s*code)?"), tried in order."""
    particles: tuple[str, ...] = ()
    """Regex parts after the name ("는", "은")."""
    endings: tuple[str, ...] = ()
    """Regex parts closing the answer ("이에요", "please")."""


class LangPack(Protocol):
    """What the core needs from one language."""

    @property
    def code(self) -> str:
        """The language code (``ko``), as in :attr:`assistant.nlu.schema.Intent.lang`."""
        ...

    @property
    def pin(self) -> PinWords:
        """How this language says a PIN."""
        ...

    def detects(self, text: str) -> bool:
        """Whether ``text`` (normalised) is written in this language's script."""
        ...

    def grammar(self) -> Grammar:
        """This language's grammar (``assistant/grammars/<code>/``)."""
        ...

    def front_end(self, grammar: Grammar, product_words: tuple[str, ...]) -> FrontEnd:
        """A new front end (may take seconds: Kiwi, spaCy) keeping ``product_words`` whole."""
        ...

    def kept_words(self, words: Iterable[str]) -> tuple[str, ...]:
        """The catalog words this language's tokenizer keeps whole (sorted, unique)."""
        ...

    def parse_number(self, word: str) -> int | None:
        """A whole number in digits or this language's number words, or None."""
        ...

    def parse_schedule(self, text: str) -> Schedule | None:
        """The recurring schedule said in ``text``, or None (:mod:`assistant.nlu.schedule`)."""
        ...

    def parse_choice(self, text: str) -> int | None:
        """The 1-based choice an answer names in this language ("2번", "the second one"), or
        None."""
        ...

    def pin_number(self, text: str) -> str | None:
        """A four-digit PIN said as one number ("천이백삼십사"; ``text`` without spaces), or
        None."""
        ...


_PACKS: dict[str, LangPack] = {}
_LOCK = threading.Lock()


def pack_for(code: str) -> LangPack:
    """The pack of language ``code``: ``assistant.nlu.lang.<code>``'s ``PACK`` (imported once);
    an unknown code is a :class:`~assistant.errors.ConfigError`."""
    pack = _PACKS.get(code)
    if pack is not None:
        return pack
    with _LOCK:
        if code not in _PACKS:
            if not code.isidentifier():
                raise ConfigError(f"no language pack {code!r}")
            try:
                module = importlib.import_module(f"assistant.nlu.lang.{code}")
            except ModuleNotFoundError as exc:
                raise ConfigError(f"no language pack {code!r}") from exc
            found = getattr(module, "PACK", None)
            if found is None:
                raise ConfigError(f"assistant.nlu.lang.{code} has no PACK")
            _PACKS[code] = found
        return _PACKS[code]


def register_pack(pack: LangPack) -> None:
    """Make ``pack`` the pack of ``pack.code`` (a pack that lives outside the package, as in
    the tests)."""
    with _LOCK:
        _PACKS[pack.code] = pack


def packs(langs: Iterable[str] = DEFAULT_LANGS) -> tuple[LangPack, ...]:
    """The packs of ``langs``, in that order."""
    return tuple(pack_for(code) for code in langs)


def written_in(text: str, langs: tuple[str, ...] = DEFAULT_LANGS) -> bool:
    """Whether ``text`` (normalised) uses the script of one of ``langs`` (digits and symbols
    alone do not: "1" keeps the language of the conversation)."""
    return any(pack_for(code).detects(text) for code in langs)


def detect_language(text: str, langs: tuple[str, ...] = DEFAULT_LANGS) -> str:
    """The first of ``langs`` whose script ``text`` uses, else the first of ``langs``."""
    for code in langs:
        if pack_for(code).detects(text):
            return code
    return langs[0]
