"""How long the light commands take as whole processes, from process start to exit.

    .venv/bin/python bench/cli_startup.py                          # this checkout
    .venv/bin/python bench/cli_startup.py --repo ../main --repo .  # before and after, one run

Each ``--repo`` is a checkout of Jangbogi, run with ``PYTHONPATH=<repo>`` by ``--python``
(default: this interpreter), so two revisions are timed in the same run, taking turns. Per
checkout, a fresh demo database in a temporary directory (``demo init``, then one order
placed in a text conversation and one subscription, so the lists are not empty); every
command is run once first so its ``.pyc`` files exist (``PYTHONDONTWRITEBYTECODE`` is
removed from the environment), then ``--runs`` times (default 5). Prints a markdown table
of the medians in seconds, one column per checkout; ``--json`` prints every time instead.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
COMMANDS: list[list[str]] = [
    ["--help"],
    ["orders", "list"],
    ["orders", "list", "--json"],
    ["receipt", "1"],
    ["receipt", "1", "--json"],
    ["approvals", "list"],
    ["subscriptions", "list"],
    ["subscriptions", "list", "--all", "--json"],
    ["notifications", "--all"],
    ["notifications", "--all", "--json"],
    ["household", "show"],
    ["household", "show", "--json"],
]
"""The commands timed (``--db`` is added to all but ``--help``)."""


def _env(repo: Path) -> dict[str, str]:
    env = {
        k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "JANGBOGI_DB")
    }
    env["PYTHONPATH"] = str(repo)
    return env


def _run(python: str, repo: Path, args: list[str], stdin: str = "") -> float:
    """Seconds from start to exit of ``jangbogi ARGS`` (it must succeed)."""
    start = time.perf_counter()
    proc = subprocess.run(
        [python, "-m", "assistant.cli", *args], input=stdin, capture_output=True, text=True,
        env=_env(repo), cwd=repo, check=False,
    )  # fmt: skip
    took = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"{repo}: jangbogi {' '.join(args)} failed: {proc.stderr.strip()}")
    return took


def _demo(python: str, repo: Path, folder: Path) -> str:
    """A fresh demo database with one order and one subscription; its URL."""
    url = f"sqlite:///{folder / 'shop.db'}"
    _run(python, repo, ["demo", "init", "--db", url])
    _run(python, repo, ["text", "--db", url], stdin="서울우유 흰우유 1L 2개 주문해줘\n응\n")
    _run(python, repo, ["subscriptions", "add", "--product", "DAI-001", "--every", "week",
                        "--on", "mon", "--db", url])  # fmt: skip
    return url


def _args(command: list[str], url: str) -> list[str]:
    return command if command == ["--help"] else [*command, "--db", url]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--repo", action="append", type=Path, metavar="CHECKOUT",
                    help="a checkout to time (repeatable; default: this one)")  # fmt: skip
    ap.add_argument("--python", default=sys.executable, help="the interpreter (with the deps)")
    ap.add_argument("--runs", type=int, default=5, help="timed runs per command (median)")
    ap.add_argument("--json", action="store_true", help="print every time as JSON")
    args = ap.parse_args(argv)
    repos = [r.resolve() for r in (args.repo or [HERE.parent])]
    times: dict[tuple[str, str], list[float]] = {}
    with tempfile.TemporaryDirectory(prefix="jangbogi-bench-") as tmp:
        urls = {}
        for n, repo in enumerate(repos):
            folder = Path(tmp) / str(n)
            folder.mkdir()
            urls[repo] = _demo(args.python, repo, folder)
            for command in COMMANDS:  # warm up: .pyc files written, the disk cache filled
                _run(args.python, repo, _args(command, urls[repo]))
        for _ in range(args.runs):
            for command in COMMANDS:
                for repo in repos:  # the checkouts take turns: the same load for each
                    took = _run(args.python, repo, _args(command, urls[repo]))
                    times.setdefault((" ".join(command), str(repo)), []).append(took)
    if args.json:
        print(json.dumps({f"{c} @ {r}": t for (c, r), t in times.items()}))
        return 0
    print("| command | " + " | ".join(str(r) for r in repos) + " |")
    print("|---|" + "---:|" * len(repos))
    for command in COMMANDS:
        name = " ".join(command)
        cells = [f"{statistics.median(times[(name, str(r))]):.3f} s" for r in repos]
        print(f"| `jangbogi {name}` | " + " | ".join(cells) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
