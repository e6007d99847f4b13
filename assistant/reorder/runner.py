"""Place everything due up to an instant, in batches, whoever else is doing the same.

:func:`run_due` is the only way orders are placed for subscriptions: the long-running
daemon calls it when a subscription's time comes, and ``jangbogi daemon --run-due --now``
calls it once. Each batch is one transaction: it claims up to ``batch`` due subscriptions,
settles them (:func:`assistant.reorder.settle.settle_batch`: each as
:func:`~assistant.reorder.settle.settle` would, the plain orders placed together) and
commits. A crash before the commit leaves nothing behind; the next run claims the same
subscriptions again.

Claiming: on PostgreSQL with ``SELECT ... FOR UPDATE SKIP LOCKED``, so several daemons
share the work and never wait for each other's rows; on SQLite the batch takes the
database's write lock with its first statement, so daemons take turns. Correctness never
depends on the claim: the unique (subscription, period) row and the order's idempotency
key refuse a second placement for the same period.
"""

from __future__ import annotations

import logging
import os
import socket
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session, selectinload, sessionmaker

from assistant.errors import JangbogiError
from assistant.locales.say import say_for
from assistant.reorder.settle import Outcome, following, notify, settle_batch
from assistant.store.db import translate_errors
from assistant.store.models import (
    Household,
    Member,
    Subscription,
    SubscriptionStatus,
)

log = logging.getLogger("jangbogi.reorder")

DEFAULT_BATCH = 100
"""Subscriptions claimed and committed together."""
TRANSIENT_RETRIES = 5
"""A batch that hits a lock timeout or a deadlock is tried again this many times."""


def worker_name() -> str:
    """This process as it appears in the run rows: host:pid."""
    return f"{socket.gethostname()}:{os.getpid()}"[:64]


@dataclass
class Report:
    """What one :func:`run_due` call did."""

    counts: Counter[str] = field(default_factory=Counter)
    """Periods by status (placed, held, skipped, missed, failed); a span of missed periods
    counts each of them."""
    subscriptions: int = 0
    """Subscriptions settled."""

    def add(self, outcome: Outcome) -> None:
        self.counts[outcome.status.value] += outcome.periods

    def to_json(self) -> dict[str, int]:
        return {"subscriptions": self.subscriptions, **dict(sorted(self.counts.items()))}


def claim(session: Session, now: datetime, size: int) -> list[Subscription]:
    """Lock and return up to ``size`` active subscriptions due by ``now``, oldest first
    (ties in index order: by id on SQLite, about insertion order on PostgreSQL)."""
    dialect = session.get_bind().dialect.name
    if dialect == "sqlite":  # take the write lock first: daemons take turns, never collide
        session.execute(text("UPDATE subscriptions SET id = id WHERE 0 = 1"))
    stmt = (
        select(Subscription)
        .where(
            Subscription.status == SubscriptionStatus.ACTIVE,
            Subscription.next_run_at <= now,
        )
        # next_run_at alone: the due index then gives the order and the scan stops at
        # ``size`` rows; with ", id" PostgreSQL sorted every due row on each claim
        .order_by(Subscription.next_run_at)
        .limit(size)
        .options(
            selectinload(Subscription.product),
            selectinload(Subscription.member)
            .selectinload(Member.household)
            .selectinload(Household.payment_methods),
        )
    )
    if dialect == "postgresql":
        stmt = stmt.with_for_update(skip_locked=True, of=Subscription)
    return list(session.scalars(stmt))


def _batch(
    factory: sessionmaker[Session], now: datetime, size: int, worker: str, claimed: list[int]
) -> tuple[int, list[Outcome]]:
    with factory() as session, session.begin():
        claimed.clear()
        subs = claim(session, now, size)
        claimed.extend(sub.id for sub in subs)
        return len(subs), settle_batch(session, subs, now, worker)


def _transient(exc: Exception) -> bool:
    """A lock timeout, a busy SQLite file, a deadlock or a serialization failure."""
    if isinstance(exc, OperationalError):
        return True
    code = getattr(getattr(exc, "orig", None), "sqlstate", None)
    return code in {"40001", "40P01", "55P03"}


def _reason(exc: Exception) -> str:
    """What went wrong as a failed notification keeps it: a coded error as the Korean catalog
    says it (the text the error carried before it had a code), anything else as its text."""
    if isinstance(exc, JangbogiError) and exc.code is not None:
        return say_for("ko").error(exc)
    return str(exc)


def _quarantine(factory: sessionmaker[Session], now: datetime, exc: Exception, sub_id: int) -> int:
    """Move subscription ``sub_id`` past ``now`` after it failed on its own.

    Nothing is ordered for it; the household is told. Returns its id (0 if it is no longer
    due: another daemon settled it meanwhile).
    """
    with translate_errors(), factory() as session, session.begin():
        sub = session.scalars(
            select(Subscription)
            .where(
                Subscription.id == sub_id,
                Subscription.status == SubscriptionStatus.ACTIVE,
                Subscription.next_run_at <= now,
            )
            .with_for_update(skip_locked=True)
        ).first()
        if sub is None:
            return 0
        try:
            sub.next_run_at = following(sub, now)
        except JangbogiError:  # the stored schedule itself is broken: stop it
            sub.status = SubscriptionStatus.PAUSED
        sub.updated_at = now
        notify(session, sub, "failed", now, now, reason=_reason(exc)[:300])
        return sub.id


def run_due(
    factory: sessionmaker[Session],
    now: datetime,
    *,
    batch: int = DEFAULT_BATCH,
    worker: str | None = None,
    stop: Callable[[], bool] = lambda: False,
) -> Report:
    """Settle every subscription due by ``now`` (aware UTC); log one line per run row (a
    span of missed periods is one line).

    ``stop`` is asked between batches (the daemon's SIGTERM): a batch that has started
    is finished and committed, so no order is ever half-placed or lost.
    """
    worker = worker or worker_name()
    report = Report()
    size, failures, single = batch, 0, 0
    ids: list[int] = []
    while not stop():
        try:
            claimed, outcomes = _batch(factory, now, size, worker, ids)
        except (DBAPIError, JangbogiError) as exc:
            if _transient(exc):  # busy, not broken: never quarantine for it
                if failures >= TRANSIENT_RETRIES:
                    with translate_errors():
                        raise
                failures += 1
                log.warning("batch retried after %s", type(exc).__name__)
                time.sleep(0.05 * failures)
                continue
            if size > 1:  # find the one that fails: go on one at a time for a batch
                size, single = 1, batch
                continue
            if not ids:  # it failed before claiming anything: not one subscription's fault
                with translate_errors():
                    raise
            if _quarantine(factory, now, exc, ids[0]):  # 0: another daemon settled it
                log.error("failed subscription=%s error=%r", ids[0], _reason(exc)[:300])
                report.counts["failed"] += 1
            continue
        failures = 0
        if claimed == 0:
            break
        if single:  # back to whole batches once the one-at-a-time stretch is done
            single -= 1
            size = batch if single == 0 else 1
        report.subscriptions += claimed
        for outcome in outcomes:
            log.info(outcome.log_line())
            report.add(outcome)
    return report
