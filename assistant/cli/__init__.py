"""The ``jangbogi`` command: one module per command group, each adding its parsers and
attaching its handler (``set_defaults(handler=...)``); ``main`` runs the handler.

=================================================  ============================
command                                            module
=================================================  ============================
``text``                                           :mod:`.conversation`
``demo init``, ``db upgrade``                      :mod:`.database`
``catalog import|list|search``                     :mod:`.catalog`
``orders list|advance``                            :mod:`.orders`
``member ...``, ``household ...``                  :mod:`.account`
``member password``                                :mod:`.passwords`
``approvals ...``, ``receipt``                     :mod:`.approvals`
``subscriptions ...``, ``notifications``           :mod:`.subscriptions`
``daemon``                                         :mod:`.daemon`
``insights``                                       :mod:`.insights`
``listen``, ``start``, ``devices``, ``grammar``,   :mod:`.voice`
``transcribe``
``serve``, ``hub`` (the Wyoming door)              :mod:`.wyoming`
``web`` (the household's web page)                 :mod:`.web`
``parse``                                          :mod:`.parse`
``doctor``                                         :mod:`.doctor`
=================================================  ============================

Shared options and opening the database are in :mod:`.common`, printing in :mod:`.output`.
A handler imports what it needs when it runs, so ``jangbogi --help`` loads no database,
speech or language library.

Which language a command's error speaks: Korean, the assistant's default language (the first
of ``locales.LANGUAGES``, that of the catalog's product names and of the households it is
made for), unless ``JANGBOGI_LANG`` names another language with a catalog
(``JANGBOGI_LANG=en``: English; an unknown code falls back to Korean). The terminal's locale
(``LANG``, ``LC_*``) is not consulted, so a command says the same on every machine, CI's
included. A conversation (``jangbogi text``, ``listen``) answers each utterance, its
refusals too, in the language it was spoken in.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence

from assistant.cli import (
    account,
    approvals,
    catalog,
    conversation,
    daemon,
    database,
    doctor,
    insights,
    orders,
    parse,
    subscriptions,
    voice,
    web,
    wyoming,
)
from assistant.errors import JangbogiError
from assistant.shop.typed_text import redact_card_numbers

__all__ = ["DEBUG_ENV", "LANG_ENV", "build_parser", "main"]

DEBUG_ENV = "JANGBOGI_DEBUG"
"""Set to let an unexpected error's traceback through."""
LANG_ENV = "JANGBOGI_LANG"
"""The language of the command's error messages (default: Korean); see the module doc."""

GROUPS = (
    conversation, database, catalog, orders, account, approvals, subscriptions, daemon,
    insights, voice, wyoming, web, parse, doctor,
)  # fmt: skip
"""The command groups, in the order ``jangbogi --help`` lists their commands."""


def build_parser() -> argparse.ArgumentParser:
    """The whole ``jangbogi`` argument tree; every command carries its ``handler``."""
    parser = argparse.ArgumentParser(
        prog="jangbogi", description="장보기 — offline voice shopping assistant"
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for group in GROUPS:
        group.add_parsers(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; a :class:`JangbogiError` becomes one line on stderr and its exit code."""
    args = build_parser().parse_args(argv)
    handler: Callable[[argparse.Namespace], int] = args.handler
    try:
        return handler(args)
    except JangbogiError as exc:  # a name looked up can hold what was typed: hide card numbers
        from assistant.locales import LANGUAGES, say_for

        say = say_for(os.environ.get(LANG_ENV) or LANGUAGES[0])
        print(f"jangbogi: {redact_card_numbers(say.error(exc))}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # no traceback reaches a user
        if os.environ.get(DEBUG_ENV):
            raise
        print(
            f"jangbogi: unexpected error: {type(exc).__name__}: {redact_card_numbers(str(exc))} "
            f"(set {DEBUG_ENV}=1 for details)",
            file=sys.stderr,
        )
        return 70
