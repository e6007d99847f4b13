"""The ``jangbogi`` argument tree: every command runs a handler, and ``--help`` stays light."""

from __future__ import annotations

import argparse
import subprocess
import sys
from collections.abc import Iterator

from assistant.cli import build_parser
from tests.conftest import ROOT

HEAVY = ("sqlalchemy", "vosk", "kiwipiepy", "spacy", "fluent", "assistant.store", "assistant.nlu")
"""Libraries and packages that only a running command may load."""


def commands(
    parser: argparse.ArgumentParser, path: tuple[str, ...] = ()
) -> Iterator[tuple[tuple[str, ...], list[argparse.ArgumentParser]]]:
    """Each runnable command's words and the parsers from the top down to it."""
    subs = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    if not subs:
        yield path, [parser]
    for action in subs:
        for name, child in action.choices.items():
            for words, chain in commands(child, (*path, name)):
                yield words, [parser, *chain]


def test_every_command_has_a_handler() -> None:
    found = dict(commands(build_parser()))
    assert len(found) >= 44
    missing = [" ".join(w) for w, chain in found.items()
               if not any(callable(p.get_default("handler")) for p in chain)]  # fmt: skip
    assert missing == []


def test_parsing_a_command_picks_its_handler() -> None:
    args = build_parser().parse_args(["household", "payment", "list"])
    assert args.handler.__name__ == "cmd_household_payment"
    assert build_parser().parse_args(["approvals", "reject", "3"]).handler.__name__ == (
        "cmd_approvals_decide"
    )


def test_help_loads_no_database_speech_or_language_library() -> None:
    probe = (
        "import sys\nfrom assistant.cli import main\n"
        "try:\n    main(['catalog', 'list', '--help'])\nexcept SystemExit:\n    pass\n"
        f"print(sorted(m for m in sys.modules if m.startswith({HEAVY!r})))"
    )
    proc = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          cwd=ROOT, timeout=60, check=True)  # fmt: skip
    assert proc.stdout.splitlines()[-1] == "[]"
    assert proc.stdout.startswith("usage: jangbogi catalog list")
