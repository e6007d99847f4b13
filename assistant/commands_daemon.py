"""``jangbogi daemon``: the recurring-order daemon, or one ``--run-due`` pass."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable
from typing import Any

from sqlalchemy import Engine, event

from assistant.config import resolve_db_url
from assistant.errors import ConfigError
from assistant.store import db
from assistant.store.models import utcnow

LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s %(message)s"


def _logging() -> None:
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

    @event.listens_for(engine, "connect")
    def _custom_plans(dbapi_conn: Any, _record: Any) -> None:
        with dbapi_conn.cursor() as cursor:
            cursor.execute("SET plan_cache_mode = force_custom_plan")
        dbapi_conn.commit()

    engine.dispose()  # the connection open_engine used was made before the listener


def cmd_daemon(args: argparse.Namespace) -> int:
    from assistant.reorder.daemon import ReorderDaemon
    from assistant.reorder.runner import run_due

    if args.now is not None and not args.run_due:
        raise ConfigError("--now only goes with --run-due (the daemon follows the clock)")
    engine = db.open_engine(resolve_db_url(args.db))
    plan_each_time(engine)
    factory = db.session_factory(engine)
    _logging()
    if args.run_due:
        report = run_due(factory, args.now or utcnow(), batch=args.batch)
        if args.json:
            from assistant.cli import print_json

            print_json(report.to_json())
        else:
            counts = ", ".join(f"{k} {v}" for k, v in sorted(report.counts.items())) or "nothing"
            print(f"{report.subscriptions} subscriptions due: {counts}")
        return 0
    ReorderDaemon(factory, batch=args.batch, sync_seconds=args.sync_seconds).serve()
    return 0


HANDLERS: dict[tuple[str, str | None], Callable[[argparse.Namespace], int]] = {
    ("daemon", None): cmd_daemon,
}
