"""``jangbogi daemon``: the recurring-order daemon, or one ``--run-due`` pass (for cron)."""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from assistant.cli.common import Subparsers, with_db
from assistant.cli.output import print_json, say
from assistant.locales.messages import Msg

if TYPE_CHECKING:
    from sqlalchemy import Engine

LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s %(message)s"
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
    """A whole number of at least 1."""
    try:
        value = int(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from exc
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1: {value}")
    return value


def add_parsers(sub: Subparsers) -> None:
    """Add ``daemon``."""
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
    daemon.set_defaults(handler=cmd_daemon)


def _logging() -> None:
    import logging

    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    logger = logging.getLogger("jangbogi")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logging.getLogger("apscheduler").setLevel(logging.WARNING)


def plan_each_time(engine: Engine) -> None:
    """PostgreSQL: plan every statement with the tables' current size.

    The daemon keeps its connections for days while orders and run rows grow from
    nothing. A plan cached while a table was small (psycopg prepares repeated statements;
    the server caches its foreign-key checks) keeps scanning the whole table later, until
    the table is analysed again; with autovacuum off, never. Measured: the batch's
    idempotency-key look-up went from an index probe to a scan of every order.
    """
    if engine.dialect.name != "postgresql":
        return
    from sqlalchemy import event

    @event.listens_for(engine, "connect")
    def _custom_plans(dbapi_conn: Any, _record: Any) -> None:
        with dbapi_conn.cursor() as cursor:
            cursor.execute("SET plan_cache_mode = force_custom_plan")
        dbapi_conn.commit()

    engine.dispose()  # the connection open_engine used was made before the listener


def cmd_daemon(args: argparse.Namespace) -> int:
    """Serve until SIGTERM, or (``--run-due``) place what is due up to ``--now`` and exit."""
    from assistant.config import resolve_db_url
    from assistant.errors import ConfigError
    from assistant.reorder.daemon import ReorderDaemon
    from assistant.reorder.runner import run_due
    from assistant.store import db
    from assistant.store.models import utcnow

    if args.now is not None and not args.run_due:
        raise ConfigError("--now only goes with --run-due (the daemon follows the clock)")
    engine = db.open_engine(resolve_db_url(args.db))
    plan_each_time(engine)
    factory = db.session_factory(engine)
    _logging()
    if args.run_due:
        report = run_due(factory, args.now or utcnow(), batch=args.batch)
        if args.json:
            print_json(report.to_json())
        else:
            speak = say()
            counts = ", ".join(
                speak(Msg.CLI_RUN_OUTCOME, status=k, count=v)
                for k, v in sorted(report.counts.items())
            )
            print(speak(Msg.CLI_RUNS_DUE, count=report.subscriptions,
                        outcomes=counts or speak(Msg.CLI_RUNS_NOTHING)))  # fmt: skip
        return 0
    ReorderDaemon(factory, batch=args.batch, sync_seconds=args.sync_seconds).serve()
    return 0
