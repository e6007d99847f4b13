"""``jangbogi parse``: how utterances are understood (intent and slots), without a database."""

from __future__ import annotations

import argparse
import json
import sys

from assistant.cli.common import Subparsers, with_json
from assistant.cli.output import print_json


def add_parsers(sub: Subparsers) -> None:
    """Add ``parse``."""
    parse = sub.add_parser("parse", help="print the intent of utterances")
    parse.add_argument("utterances", nargs="*")
    parse.add_argument(
        "--lang", choices=["ko", "en"], default=None, help="default: detected per utterance"
    )
    with_json(parse)
    parse.set_defaults(handler=cmd_parse)


def cmd_parse(args: argparse.Namespace) -> int:
    """One line per utterance (the arguments, else stdin): intent and slots."""
    from assistant.shop.vocabulary import load_parser

    parser = load_parser()
    lines = args.utterances or (line.rstrip("\n") for line in sys.stdin)
    for line in lines:
        intent = parser.parse(line, args.lang)
        if args.json:
            print_json(intent.to_json())
        else:
            print(f"{intent.name}\t{json.dumps(intent.slots.to_json(), ensure_ascii=False)}")
    return 0
