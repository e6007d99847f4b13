"""Numbers spelled out in words by CLDR's rules (unicode-rbnf), one engine per language."""

from __future__ import annotations

from functools import cache, lru_cache

from unicode_rbnf import RbnfEngine


@cache
def _engine(lang: str) -> RbnfEngine:
    return RbnfEngine.for_language(lang)


@lru_cache(maxsize=4096)
def spell_out(n: int, lang: str, ruleset: str) -> str:
    """``n`` in words by the CLDR ruleset ``ruleset`` of ``lang`` (24, "ko",
    "spellout-cardinal-native-attributive" -> 스물네)."""
    return _engine(lang).format_number(n, ruleset_names=[ruleset]).text
