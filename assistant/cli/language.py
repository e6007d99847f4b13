"""Which language a command prints its sentences and errors in.

In order: the ``--lang`` option (before or after the command), else ``JANGBOGI_LANG``, else
the terminal's locale as POSIX orders it (``LC_ALL``, then ``LC_MESSAGES``, then ``LANG``;
GNU's ``LANGUAGE`` list comes first when that locale is set and is not ``C``/``POSIX``), else
the default: Korean, the first of ``locales.LANGUAGES``. ``en_US.UTF-8`` is English,
``ko_KR.UTF-8`` Korean; ``C``, ``POSIX``, an unset locale or a language without a catalog
(``fr_FR``) is the default. Only this module decides; :func:`assistant.cli.output.say` and
the error line of ``main`` ask :func:`current`.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

__all__ = ["LANGUAGES", "LANG_ENV", "choose", "current", "use"]

LANGUAGES = ("ko", "en")
"""The languages with a catalog (``assistant.locales.LANGUAGES``; kept here so that
choosing one loads no catalog), the first is the default."""
LANG_ENV = "JANGBOGI_LANG"
"""Names the commands' language when ``--lang`` does not."""
_LOCALE_VARS = ("LC_ALL", "LC_MESSAGES", "LANG")
"""POSIX: the first of these that is set and not empty is the messages' locale."""

_chosen: str | None = None


def _known(code: str) -> str | None:
    """``en``, ``en_US.UTF-8``, ``ko-KR`` -> the language with a catalog, or None."""
    lang = code.strip().split(".")[0].split("@")[0].replace("-", "_").split("_")[0].lower()
    return lang if lang in LANGUAGES else None


def from_locale(environ: Mapping[str, str]) -> str | None:
    """The language of the locale variables in ``environ``, or None (C, POSIX, unset,
    a language without a catalog)."""
    locale = next((environ[v] for v in _LOCALE_VARS if environ.get(v)), "")
    if locale in ("", "C", "POSIX") or locale.startswith(("C.", "POSIX.")):
        return None  # GNU gettext too ignores LANGUAGE under the C locale
    for entry in environ.get("LANGUAGE", "").split(":"):
        if entry and (lang := _known(entry)):
            return lang
    return _known(locale)


def choose(option: str | None, environ: Mapping[str, str]) -> str:
    """The language for ``--lang`` ``option`` (None when not given) and ``environ``."""
    for candidate in (option, environ.get(LANG_ENV)):
        if candidate and (lang := _known(candidate)):
            return lang
    return from_locale(environ) or LANGUAGES[0]


def use(option: str | None) -> str:
    """Fix the language of this run (``main`` calls it once it has read ``--lang``)."""
    global _chosen
    _chosen = choose(option, os.environ)
    return _chosen


def current() -> str:
    """The language of this run: that of :func:`use`, else what the environment says."""
    return _chosen if _chosen is not None else choose(None, os.environ)
