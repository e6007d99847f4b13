"""Which language a page speaks: the session's choice, else the browser's Accept-Language."""

from __future__ import annotations

from assistant.locales import LANGUAGES


def from_accept_language(header: str | None) -> str:
    """The best of our languages for an ``Accept-Language`` header (default: the first)."""
    best, best_q = LANGUAGES[0], 0.0
    for part in (header or "").split(","):
        tag, _, params = part.strip().partition(";")
        code = tag.strip().lower().split("-")[0]
        q = _quality(params)
        if code in LANGUAGES and q > best_q:
            best, best_q = code, q
    return best


def _quality(params: str) -> float:
    for param in params.split(";"):
        key, _, value = param.strip().partition("=")
        if key.strip() == "q":
            try:
                return max(0.0, min(1.0, float(value)))
            except ValueError:
                return 0.0
    return 1.0


def choose(session_lang: object, query_lang: str | None, header: str | None) -> str:
    """``?lang=`` (a switch link) wins, then the session's, then the browser's."""
    for lang in (query_lang, session_lang):
        if isinstance(lang, str) and lang in LANGUAGES:
            return lang
    return from_accept_language(header)
