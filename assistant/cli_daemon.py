"""Arguments of ``jangbogi daemon`` (what it does is in :mod:`assistant.commands_daemon`)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import UTC, datetime

WithDb = Callable[[argparse.ArgumentParser], argparse.ArgumentParser]

EARLIEST_NOW = datetime(2000, 1, 1, tzinfo=UTC)
"""``--now`` may not be earlier than this (no subscription is older)."""
LATEST_NOW = datetime(2100, 1, 1, tzinfo=UTC)
"""``--now`` must be earlier than this: a later instant is a typo, and counting a daily
subscription's periods up to it (or up to year 9999) would take long or overflow."""


def _instant(text: str) -> datetime:
    """An ISO time from 2000 up to (not including) 2100; without a zone it is UTC."""
    try:
        when = datetime.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(
            f"not an ISO time: {text!r} (e.g. 2026-11-30T09:00+09:00)"
        ) from exc
    when = when if when.tzinfo is not None else when.replace(tzinfo=UTC)
    if not EARLIEST_NOW <= when < LATEST_NOW:  # compared before any conversion can overflow
        raise argparse.ArgumentTypeError(
            f"{text!r} is outside the years {EARLIEST_NOW.year}-{LATEST_NOW.year - 1} "
            "that --now accepts"
        )
    return when.astimezone(UTC)


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from exc
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1: {value}")
    return value


def add_daemon_parser(sub: argparse._SubParsersAction, with_db: WithDb) -> None:  # type: ignore[type-arg]
    daemon = with_db(
        sub.add_parser(
            "daemon",
            help="place recurring orders when they are due (runs until SIGTERM)",
            description="Places every subscription's order at its time, exactly once. "
            "With --run-due, places everything due up to --now and exits (for cron).",
        )
    )
    daemon.add_argument(
        "--run-due", action="store_true", help="place what is due up to --now, then exit"
    )
    daemon.add_argument(
        "--now",
        type=_instant,
        metavar="ISO_TIME",
        help="with --run-due: the instant (default: now)",
    )
    daemon.add_argument("--batch", type=_positive, default=100, help="orders per transaction")
    daemon.add_argument(
        "--sync-seconds",
        type=_positive,
        default=30,
        help="how often the table is re-read for new subscriptions",
    )
    daemon.add_argument("--json", action="store_true", help="with --run-due: print a JSON summary")
