"""The ``jangbogi`` command: argument parsing and wiring, nothing more."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from assistant.cli_account import add_account_parsers, add_orders_advance
from assistant.cli_daemon import add_daemon_parser
from assistant.cli_reorder import add_reorder_parsers
from assistant.errors import JangbogiError
from assistant.shop.typed_text import redact_card_numbers

DEBUG_ENV = "JANGBOGI_DEBUG"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="jangbogi", description="장보기 — offline voice shopping assistant"
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def with_db(p: argparse.ArgumentParser) -> argparse.ArgumentParser:
        p.add_argument("--db", metavar="URL", help="database URL or SQLite file (env JANGBOGI_DB)")
        return p

    text = with_db(sub.add_parser("text", help="talk to the assistant by typing"))
    text.add_argument("--member", metavar="NAME", help="who is speaking (default: the owner)")

    demo = sub.add_parser("demo", help="demo household")
    demo_sub = demo.add_subparsers(dest="action", required=True, metavar="ACTION")
    with_db(demo_sub.add_parser("init", help="create the demo household and import the catalog"))

    db = sub.add_parser("db", help="database schema")
    db_sub = db.add_subparsers(dest="action", required=True, metavar="ACTION")
    with_db(db_sub.add_parser("upgrade", help="create or upgrade the schema"))

    catalog = sub.add_parser("catalog", help="the product catalog")
    cat_sub = catalog.add_subparsers(dest="action", required=True, metavar="ACTION")
    imp = with_db(cat_sub.add_parser("import", help="import a catalog file (all or nothing)"))
    imp.add_argument("file", type=Path)
    imp.add_argument(
        "--replace", action="store_true", help="the file is the whole catalog: retire the rest"
    )
    imp.add_argument("--dry-run", action="store_true", help="say what would change; write nothing")
    search = with_db(cat_sub.add_parser("search", help="find products by spoken name"))
    search.add_argument("query")
    search.add_argument("--json", action="store_true")
    lst = with_db(cat_sub.add_parser("list", help="list products"))
    lst.add_argument("--category")
    lst.add_argument("--json", action="store_true")

    orders = sub.add_parser("orders", help="placed orders")
    ord_sub = orders.add_subparsers(dest="action", required=True, metavar="ACTION")
    olist = with_db(ord_sub.add_parser("list", help="list orders"))
    olist.add_argument("--json", action="store_true")
    add_orders_advance(ord_sub, with_db)
    add_account_parsers(sub, with_db)
    add_reorder_parsers(sub, with_db)
    add_daemon_parser(sub, with_db)

    insights = with_db(sub.add_parser(
        "insights", help="per household: products, buying intervals and next-due dates"
    ))  # fmt: skip
    insights.add_argument("--today", metavar="YYYY-MM-DD", help="as if today were this date")
    insights.add_argument("--json", action="store_true")

    listen = with_db(sub.add_parser("listen", help="the voice conversation"))
    listen.add_argument("--input", type=Path, metavar="FILE.wav",
                        help="a recording that stands in for the microphone")  # fmt: skip
    listen.add_argument("--device", metavar="PROFILE", help="a profile in devices/")
    listen.add_argument("--wake-word", metavar="WORD", help="instead of the profile's")
    listen.add_argument("--save-audio", type=Path, metavar="DIR",
                        help="keep what the recogniser heard as WAV files")  # fmt: skip
    listen.add_argument("--no-wake", action="store_true",
                        help="treat the audio as if the wake word had just been heard")  # fmt: skip
    listen.add_argument("--member", metavar="NAME")
    listen.add_argument("--model", metavar="PATH", help="a Vosk model directory")
    listen.add_argument("--no-grammar", action="store_true", help="open-vocabulary recognition")
    listen.add_argument("--no-tts", action="store_true", help="print replies instead of speaking")
    listen.add_argument("--json", action="store_true")

    start = with_db(sub.add_parser("start", help="voice if a microphone exists, else text"))
    start.add_argument("--member", metavar="NAME")

    devices = sub.add_parser("devices", help="audio devices and the profile that matches each")
    devices.add_argument("--json", action="store_true")

    grammar = sub.add_parser("grammar", help="the speech recogniser's grammar")
    gr_sub = grammar.add_subparsers(dest="action", required=True, metavar="ACTION")
    build = with_db(gr_sub.add_parser("build", help="compile it from grammars/ and the catalog"))
    build.add_argument("--lang", choices=["ko"], default="ko")
    build.add_argument("--model", metavar="PATH", help="a Vosk model directory")
    build.add_argument("--out", type=Path, metavar="FILE", help="where to write it")
    build.add_argument("--report", action="store_true", help="list split and missing words")

    transcribe = sub.add_parser("transcribe", help="recognise speech in a WAV file")
    transcribe.add_argument("file", type=Path, metavar="FILE.wav")
    transcribe.add_argument("--model", metavar="PATH", help="a Vosk model directory")
    transcribe.add_argument(
        "--no-grammar", action="store_true", help="open vocabulary instead of the shop grammar"
    )
    transcribe.add_argument("--json", action="store_true")

    parse = sub.add_parser("parse", help="print the intent of utterances")
    parse.add_argument("utterances", nargs="*")
    parse.add_argument(
        "--lang", choices=["ko", "en"], default=None, help="default: detected per utterance"
    )
    parse.add_argument("--json", action="store_true")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        from assistant import commands

        return commands.dispatch(args)
    except JangbogiError as exc:  # a name looked up can hold what was typed: hide card numbers
        print(f"jangbogi: {redact_card_numbers(str(exc))}", file=sys.stderr)
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


def print_json(value: object) -> None:
    print(json.dumps(value, ensure_ascii=False))


if __name__ == "__main__":
    sys.exit(main())
