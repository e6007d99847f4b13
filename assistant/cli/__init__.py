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

Which language a command prints its sentences and errors in (:mod:`.language` decides):
``--lang ko|en``, given before the command (``jangbogi --lang en orders list``) or after it
(``jangbogi orders list --lang en``), else ``JANGBOGI_LANG``, else the terminal's locale
(``LC_ALL``, ``LC_MESSAGES``, ``LANG``, as POSIX orders them, and GNU's ``LANGUAGE``:
``en_US.UTF-8`` is English), else Korean, the assistant's default language (that of the
catalog's product names and of the households it is made for); ``C``, ``POSIX`` and a
language without a catalog are the default too. ``parse --lang`` and ``grammar build --lang``
keep their own meaning (the utterance's, the grammar's language): there only ``--lang``
before the command names the commands' language. ``--help`` is English. A conversation
(``jangbogi text``, ``listen``) answers each utterance, its refusals too, in the language it
was spoken in.
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
    language,
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
LANG_ENV = language.LANG_ENV
"""Names the language of the commands' sentences and errors; see the module doc."""

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
    _add_lang(parser)
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for group in GROUPS:
        group.add_parsers(sub)
    return parser


def _add_lang(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """Add the commands' ``--lang`` (as ``ui_lang``) to ``parser``."""
    parser.add_argument(
        "--lang", dest="ui_lang", choices=language.LANGUAGES, default=None,
        help="the language of sentences and errors, before or after the command "
        f"(default: ${language.LANG_ENV}, else the locale, else ko)",
    )  # fmt: skip
    return parser


def _has_lang(parser: argparse.ArgumentParser) -> bool:
    """Whether ``parser``, or a subcommand of it, has a ``--lang`` of its own."""
    for action in parser._actions:
        if "--lang" in action.option_strings:
            return True
        if isinstance(action, argparse._SubParsersAction) and any(
            _has_lang(p) for p in action.choices.values()
        ):
            return True
    return False


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """The command line, with ``--lang`` accepted after the command as well as before it
    (there the last one wins), unless the command has a ``--lang`` of its own, as ``parse``
    has."""
    parser = build_parser()
    words = list(sys.argv[1:] if argv is None else argv)
    at = 0
    while at < len(words) and words[at].startswith("-"):  # the options before the command
        at += 2 if words[at] == "--lang" else 1
    commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    late: str | None = None  # the last --lang after the command wins over one before it
    if at < len(words) and not _has_lang(commands.choices.get(words[at], parser)):
        head, tail = words[: at + 1], words[at + 1 :]
        while tail and tail[0] != "--":
            word = tail.pop(0)
            if word == "--lang" and tail and tail[0] != "--":
                late = tail.pop(0)
            elif word.startswith("--lang="):
                late = word.removeprefix("--lang=")
            else:
                head.append(word)
        words = head + tail
    args = parser.parse_args(words)
    if late is not None:
        if late not in language.LANGUAGES:
            parser.error(f"argument --lang: invalid choice: {late!r} "
                         f"(choose from {', '.join(map(repr, language.LANGUAGES))})")  # fmt: skip
        args.ui_lang = late
    return args


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; a :class:`JangbogiError` becomes one line on stderr and its exit code."""
    args = parse_args(argv)
    language.use(args.ui_lang)
    handler: Callable[[argparse.Namespace], int] = args.handler
    try:
        return handler(args)
    except JangbogiError as exc:  # a name looked up can hold what was typed: hide card numbers
        from assistant.locales import say_for

        say = say_for(language.current())
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
