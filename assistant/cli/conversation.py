"""``jangbogi text``: the conversation, typed (on a terminal) or piped one line at a time."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING

from assistant.cli.common import Subparsers, engine, with_db

if TYPE_CHECKING:
    from assistant.dialog.conversation import Dialog
    from assistant.nlu.parser import IntentParser


def add_parsers(sub: Subparsers) -> None:
    """Add ``text``."""
    text = with_db(sub.add_parser("text", help="talk to the assistant by typing"))
    text.add_argument("--member", metavar="NAME", help="who is speaking (default: the owner)")
    text.add_argument(
        "--json", action="store_true",
        help="one JSON object per reply: the reply, what is awaited, options, basket",
    )  # fmt: skip
    text.set_defaults(handler=cmd_text)


def cmd_text(args: argparse.Namespace) -> int:
    """Talk until '그만' or the end of input: a greeting and prompt on a terminal, else plain;
    with ``--json`` only the replies, one JSON object per line."""
    as_json = bool(getattr(args, "json", False))  # `start` falls back here without --json
    if sys.stdin.isatty() and not as_json:
        return _terminal(args)
    from assistant.doors.text import interactive_lines, run_lines
    from assistant.store.models import utcnow

    dialog, _ = _open(args, preload=True)
    lines = (
        interactive_lines(secret=lambda: dialog.expecting_secret)
        if sys.stdin.isatty()
        else _piped_lines()
    )
    run_lines(dialog, lines, sys.stdout, utcnow, as_json=as_json)
    return 0


def _terminal(args: argparse.Namespace) -> int:
    """A person at a terminal: the greeting and prompt at once (nothing heavy is imported
    yet), the database, dialog and language front ends loaded behind them
    (:mod:`assistant.doors.text_start`). The once-a-day suggestion is printed as soon as the
    database is open, above the prompt; when the first line was sent before that, it follows
    the first answer if that answer asks nothing (as in the voice loop)."""
    from assistant.doors.text import GREETING, interactive_lines
    from assistant.doors.text_start import Loading, first_line

    print(GREETING, flush=True)
    loading = Loading(lambda: _open(args), _warm)
    line, opened = first_line(loading, lambda loaded: _opening(loaded[0]), sys.stdout)
    if line is None:
        return 0
    dialog, _ = loading.value()
    from assistant.doors.text import run_lines
    from assistant.store.models import utcnow

    reply = dialog.handle(line, utcnow())
    print(reply.text.replace("\n", " "), flush=True)
    if reply.end:
        return 0
    if not opened and dialog.pending is None:
        suggestion = _opening(dialog)
        if suggestion:
            print(suggestion, flush=True)
    run_lines(dialog, interactive_lines(secret=lambda: dialog.expecting_secret),
              sys.stdout, utcnow)  # fmt: skip
    return 0


def _open(args: argparse.Namespace, *, preload: bool = False) -> tuple[Dialog, IntentParser]:
    """The conversation with the database of ``--db`` and a parser knowing its catalog's
    product words (its front ends are built on first use, or by :func:`_warm`; ``preload``:
    in a background thread started at once, while the shop opens)."""
    from assistant.dialog.conversation import Dialog
    from assistant.shop.service import ShopService
    from assistant.shop.vocabulary import database_parser
    from assistant.store import db

    factory = db.session_factory(engine(args))
    parser = database_parser(factory)  # the product words of this database's catalog
    if preload:
        parser.preload(background=True)  # Kiwi takes ~1 s: load it while the shop opens
    shop = ShopService(factory, args.member)
    return Dialog(shop, parser=parser.parse), parser


def _warm(loaded: tuple[Dialog, IntentParser]) -> None:
    """Build what a first turn needs, language by language, Korean (the default) first: the
    reply catalog (before the front end, so a first line's answer never reads a catalog while
    this thread does), then the front end (Kiwi ~1 s, spaCy)."""
    from assistant.locales import say_for

    _, parser = loaded
    for lang in parser.langs:
        say_for(lang)
        parser.front_end(lang)


def _opening(dialog: Dialog) -> str | None:
    """What is running out (once a day) and the unread notifications, or None."""
    from assistant.store.models import utcnow

    return dialog.opening(utcnow())


def _piped_lines() -> Iterator[str]:
    """Lines of a pipe as each arrives (a program waits for each reply before the next)."""
    while True:
        line = sys.stdin.readline()
        if not line:
            return
        yield line
