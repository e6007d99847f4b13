"""``jangbogi text``: the conversation, typed (on a terminal) or piped one line at a time."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator

from assistant.cli.common import Subparsers, engine, with_db


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
    from assistant.dialog.conversation import Dialog
    from assistant.doors.text import GREETING, interactive_lines, run_lines
    from assistant.shop.service import ShopService
    from assistant.shop.vocabulary import database_parser
    from assistant.store import db
    from assistant.store.models import utcnow

    factory = db.session_factory(engine(args))
    parser = database_parser(factory)  # the product words of this database's catalog
    parser.preload(background=True)  # Kiwi takes ~2 s: load it while the shop opens
    shop = ShopService(factory, args.member)
    dialog = Dialog(shop, parser=parser.parse)
    as_json = bool(getattr(args, "json", False))  # `start` falls back here without --json
    if sys.stdin.isatty() and not as_json:
        print(GREETING)
        suggestion = dialog.opening(utcnow())  # what is running out, once a day
        if suggestion:
            print(suggestion)
        run_lines(dialog, interactive_lines(secret=lambda: dialog.expecting_secret),
                  sys.stdout, utcnow)  # fmt: skip
    elif sys.stdin.isatty():
        run_lines(dialog, interactive_lines(secret=lambda: dialog.expecting_secret),
                  sys.stdout, utcnow, as_json=True)  # fmt: skip
    else:
        run_lines(dialog, _piped_lines(), sys.stdout, utcnow, as_json=as_json)
    return 0


def _piped_lines() -> Iterator[str]:
    """Lines of a pipe as each arrives (a program waits for each reply before the next)."""
    while True:
        line = sys.stdin.readline()
        if not line:
            return
        yield line
