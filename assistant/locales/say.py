"""``say(Msg.X, **args)``: one language's catalog, loaded once through importlib.resources."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import cache
from typing import Any, Protocol

from assistant.config import bundled
from assistant.errors import ConfigError, ErrorCode, JangbogiError
from assistant.locales import functions
from assistant.locales.messages import Msg

LANGUAGES = ("ko", "en")
"""Languages with a catalog (``locales/<code>/``), the first is the default."""
LOCALE_TAGS = {"ko": "ko-KR", "en": "en-US"}
"""The CLDR locale of each language (plural rules, number formats)."""


class Speaks(Protocol):
    """Anything that says messages: one language's :class:`Say`, or a conversation's, which
    follows the language of its last utterance."""

    def __call__(self, msg: Msg | ErrorCode, /, **args: Any) -> str: ...

    def error(self, exc: JangbogiError) -> str: ...


class Say:
    """The sentences of one language: ``say(Msg.X, name=...) -> str``."""

    def __init__(self, lang: str) -> None:
        from fluent.runtime import FluentBundle

        from assistant.locales.lazy import LazyCatalog

        folder = bundled("locales", lang)
        files = sorted(folder.glob("*.ftl")) if folder.is_dir() else []
        if not files:
            raise ConfigError(f"no message catalog for language '{lang}' in {folder}")
        self.lang = lang
        """The language code (``ko``, ``en``)."""
        self._bundle = FluentBundle(
            [LOCALE_TAGS.get(lang, lang)],
            use_isolating=False,
            functions=self._functions(),  # type: ignore[arg-type]
        )
        self._catalog = LazyCatalog(files)  # each message parsed when first said

    def _functions(self) -> dict[str, Callable[..., str]]:
        lang = self.lang
        return {
            "PARTICLE": functions.particle,
            "WON": lambda amount: functions.won(amount, lang),
            "SPELL": lambda number, ruleset="spellout-cardinal", below=None: functions.spell(
                number, lang, ruleset, below
            ),
        }

    def has(self, msg: Msg | ErrorCode) -> bool:
        """Whether this catalog holds ``msg``."""
        return self._catalog.has(str(msg))

    def load_all(self) -> None:
        """Parse every message now (a malformed catalog file is a ConfigError)."""
        self._catalog.load_all(self._bundle)

    def __call__(self, msg: Msg | ErrorCode, /, **args: Any) -> str:
        """The sentence ``msg`` with ``args`` filled in; a broken message is a ConfigError."""
        self._catalog.load(str(msg), self._bundle)
        if not self._bundle.has_message(str(msg)):
            raise ConfigError(f"message '{msg!s}' is missing from the '{self.lang}' catalog")
        pattern = self._bundle.get_message(str(msg)).value
        if pattern is None:
            raise ConfigError(f"message '{msg!s}' of '{self.lang}' has no text")
        values = {k: _fluent_value(v) for k, v in args.items()}
        text, errors = self._bundle.format_pattern(pattern, values)
        if errors:
            raise ConfigError(f"message '{msg!s}' of '{self.lang}': {errors[0]}")
        return str(text)

    def error(self, exc: JangbogiError) -> str:
        """What to tell the user about ``exc``: its code's message, or its developer text."""
        if exc.code is None:  # a developer's text (configuration, audio, devices)
            return self(ErrorCode.GENERIC, text=str(exc))
        return self(exc.code, **exc.fields)


def _fluent_value(value: object) -> object:
    """Ints stay numbers for plural selectors, written without grouping (order 1234, not
    1,234; money goes through ``WON``); bools and everything else become text."""
    from fluent.runtime.types import fluent_number

    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int | float):
        return fluent_number(value, useGrouping=False)
    return str(value)


@cache
def say_for(lang: str) -> Say:
    """The (shared, immutable) catalog of ``lang``; unknown codes fall back to the default."""
    return Say(lang if lang in LANGUAGES else LANGUAGES[0])


def all_catalogs() -> Mapping[str, Say]:
    """Every language's catalog (tests and the catalog check)."""
    catalogs = {lang: say_for(lang) for lang in LANGUAGES}
    for say in catalogs.values():
        say.load_all()
    return catalogs
