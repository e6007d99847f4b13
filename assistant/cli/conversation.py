"""``jangbogi text``: the conversation, typed (on a terminal) or piped one line at a time."""

from __future__ import annotations

import argparse
import sys
import threading
from collections.abc import Callable, Iterator
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
    from assistant.cli import language
    from assistant.doors.text import GREETING, interactive_lines
    from assistant.doors.text_start import Loading, first_line

    print(GREETING, flush=True)
    answered = threading.Event()
    loading = Loading(lambda: _open(args), _warmer(language.current(), answered))
    line, opened = first_line(loading, lambda loaded: _opening(loaded[0]), sys.stdout)
    if line is None:
        return 0
    dialog, _ = loading.value()
    from assistant.doors.text import run_lines
    from assistant.store.models import utcnow

    try:
        reply = dialog.handle(line, utcnow())
    finally:
        answered.set()
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


def _warmer(first: str, answered: threading.Event) -> Callable[[tuple[Dialog, IntentParser]], None]:
    """What the load builds once the dialog is open: the reply catalog, then the front end,
    of the user's language ``first`` (the reply catalog before the front end, so a first
    line's answer never reads a catalog while this thread does), and the product matcher;
    the other languages only once the first line was ``answered``, so that their load
    (spaCy for English, ~0.5 s of CPU) never shares the processor with the first turn."""

    def warm(loaded: tuple[Dialog, IntentParser]) -> None:
        from assistant.locales import say_for

        dialog, parser = loaded
        for i, lang in enumerate(sorted(parser.langs, key=lambda code: code != first)):
            if i == 1:
                answered.wait()
            say_for(lang)
            parser.front_end(lang)
            if i == 0:
                dialog.shop.matcher()  # the catalog's index (~0.06 s), else built by a first turn

    return warm


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
