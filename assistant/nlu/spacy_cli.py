"""Import spaCy without its command line.

``import spacy`` runs ``from .cli.info import info`` (only to export ``spacy.info``), which
imports every spaCy command and their libraries (typer, weasel, requests, httpx, jinja2):
about a third of spaCy's import time, for a command line the assistant never runs. Before a
front end first imports spaCy, :func:`defer_spacy_cli` imports it with a stand-in for ``spacy.cli``
and ``spacy.cli.info`` in ``sys.modules``; the first use of anything in them imports the
real modules then (``spacy.info()`` and ``spacy.cli.download`` still work).
"""

from __future__ import annotations

import sys
from types import ModuleType
from typing import Any

__all__ = ["defer_spacy_cli"]

_NAMES = ("spacy.cli.info", "spacy.cli")


def defer_spacy_cli() -> None:
    """Import spaCy now, without its command line (nothing when spaCy is imported already)."""
    if "spacy" in sys.modules or "spacy.cli" in sys.modules:
        return
    cli = _Deferred("spacy.cli")
    cli.__path__ = []  # a package: ``spacy.cli.info`` is looked up in sys.modules
    info = _Deferred("spacy.cli.info")
    info.info = _real_info  # type: ignore[attr-defined]
    cli.info = info  # type: ignore[attr-defined]
    sys.modules["spacy.cli"] = cli
    sys.modules["spacy.cli.info"] = info
    try:
        import spacy
    except BaseException:
        for name in _NAMES:
            sys.modules.pop(name, None)
        raise
    if "cli" not in vars(spacy):  # ``spacy.cli.X`` works as after a plain import
        spacy.cli = cli  # type: ignore[attr-defined]


def _real(name: str) -> ModuleType:
    """The real module ``name`` (the stand-ins dropped first)."""
    import importlib

    for stub in _NAMES:
        if isinstance(sys.modules.get(stub), _Deferred):
            del sys.modules[stub]
    return importlib.import_module(name)


def _real_info(*args: Any, **kwargs: Any) -> Any:
    """``spacy.info``: the real one."""
    return _real("spacy.cli.info").info(*args, **kwargs)


class _Deferred(ModuleType):
    """A stand-in module: any attribute it does not have comes from the real module."""

    def __getattr__(self, attr: str) -> Any:
        if attr.startswith("__"):
            raise AttributeError(attr)
        return getattr(_real(self.__name__), attr)
