"""The reorder daemon: APScheduler wakes it when the earliest subscription is due.

The subscriptions table is the source of truth. The scheduler holds no job per
subscription and no job store of its own (APScheduler documents that a shared job store
runs jobs twice or misses them): it holds two memory-only jobs,

- ``wake``: a date job at the earliest ``next_run_at`` of an active subscription,
  rebuilt from the table after every run;
- ``sync``: an interval job that rebuilds ``wake`` (new, resumed or changed subscriptions,
  a clock that jumped) and runs whatever is due.

Both call :func:`assistant.reorder.runner.run_due`, one at a time (one worker thread),
the same code as ``jangbogi daemon --run-due``. Idle memory does not depend on how many
subscriptions there are. SIGTERM or SIGINT: the batch being placed is finished and
committed, then the daemon exits.
"""

from __future__ import annotations

import logging
import signal
import threading
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from types import FrameType
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from assistant.errors import JangbogiError
from assistant.reorder.runner import DEFAULT_BATCH, run_due, worker_name
from assistant.store.db import translate_errors
from assistant.store.models import Subscription, SubscriptionStatus, utcnow

log = logging.getLogger("jangbogi.reorder")

SYNC_SECONDS = 30
"""How often the daemon re-reads the table (new subscriptions start within this)."""


def earliest_due(factory: sessionmaker[Session]) -> datetime | None:
    """The earliest ``next_run_at`` of an active subscription, or None."""
    with translate_errors(), factory() as session:
        return session.scalar(
            select(func.min(Subscription.next_run_at)).where(
                Subscription.status == SubscriptionStatus.ACTIVE
            )
        )


class ReorderDaemon:
    """One daemon process: a scheduler around :func:`run_due`."""

    def __init__(
        self,
        factory: sessionmaker[Session],
        *,
        batch: int = DEFAULT_BATCH,
        sync_seconds: float = SYNC_SECONDS,
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        from apscheduler.executors.pool import ThreadPoolExecutor
        from apscheduler.schedulers.background import BackgroundScheduler

        self._factory = factory
        self._batch = batch
        self._sync_seconds = sync_seconds
        self._clock = clock
        self._stopping = threading.Event()
        self.worker = worker_name()
        self.scheduler = BackgroundScheduler(
            timezone=UTC,
            executors={"default": ThreadPoolExecutor(1)},  # runs never overlap
            job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": None},
        )

    def tick(self) -> None:
        """Run everything due now, then set the wake-up for the next due time."""
        try:
            report = run_due(
                self._factory, self._clock(), batch=self._batch, worker=self.worker,
                stop=self._stopping.is_set,
            )  # fmt: skip
            if report.subscriptions:
                log.info("run done %s", report.to_json())
            due = earliest_due(self._factory)
            if due is not None and due <= self._clock() and not report.subscriptions:
                # due but claimed by another daemon right now: look again in a moment
                due = self._clock() + timedelta(seconds=1)
            self._schedule_wake(due)
        except JangbogiError as exc:  # the database is away: the sync job tries again
            log.error("run failed: %s", exc)

    def _schedule_wake(self, due: datetime | None) -> None:
        if due is None or self._stopping.is_set():
            return
        # the scheduler follows the real clock; the daemon's clock may be a test's
        when = datetime.now(UTC) + max(due - self._clock(), timedelta(0))
        self.scheduler.add_job(self.tick, "date", run_date=when, id="wake", replace_existing=True)

    def start(self) -> None:
        """Start the scheduler (runs what is due right away)."""
        first = datetime.now(UTC) + timedelta(milliseconds=10)
        self.scheduler.add_job(
            self.tick, "interval", seconds=self._sync_seconds, id="sync", next_run_time=first
        )
        self.scheduler.start()
        log.info("daemon %s started (sync every %ss)", self.worker, self._sync_seconds)

    def stop(self) -> None:
        """Finish the batch in flight, then stop the scheduler."""
        self._stopping.set()
        self.scheduler.shutdown(wait=True)
        log.info("daemon %s stopped", self.worker)

    def serve(self) -> None:
        """Start, wait for SIGTERM/SIGINT, stop cleanly."""
        done = threading.Event()

        def _on_signal(signum: int, _frame: FrameType | None) -> None:
            log.info("signal %s: finishing the batch in flight", signal.Signals(signum).name)
            done.set()

        previous: dict[int, Any] = {
            sig: signal.signal(sig, _on_signal) for sig in (signal.SIGTERM, signal.SIGINT)
        }
        try:
            self.start()
            while not done.wait(3600):
                pass
        finally:
            self.stop()
            for sig, handler in previous.items():
                signal.signal(sig, handler)
