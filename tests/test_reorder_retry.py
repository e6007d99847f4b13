"""A busy database is waited for, never blamed on a subscription."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.exc import OperationalError

from assistant.errors import DatabaseError
from assistant.reorder import runner
from assistant.store import db
from assistant.store.models import Notification, Subscription, SubscriptionStatus
from tests.reorder_helpers import FIRST_RUN, runs, subscribe


def busy_for(times: int, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Make the runner's next ``times`` batches fail as SQLite does when it is locked."""
    calls: list[int] = []
    real: Callable[..., Any] = runner._batch

    def flaky(*args: Any) -> Any:
        calls.append(1)
        if len(calls) <= times:
            raise OperationalError("UPDATE ...", {}, Exception("database is locked"))
        return real(*args)

    monkeypatch.setattr(runner, "_batch", flaky)
    monkeypatch.setattr(runner.time, "sleep", lambda _s: None)
    return calls


def test_lock_waits_are_retried_and_every_period_is_placed(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    factory = db.session_factory(db.open_engine(db_url))
    ids = [subscribe(factory), subscribe(factory, sku="DAI-001")]
    calls = busy_for(runner.TRANSIENT_RETRIES, monkeypatch)
    report = runner.run_due(factory, FIRST_RUN, batch=1)
    assert len(calls) > runner.TRANSIENT_RETRIES
    assert report.counts == {"placed": 2}
    assert sorted((r[0], r[2]) for r in runs(factory)) == [(i, "placed") for i in ids]


def test_a_database_that_stays_locked_is_an_error_not_a_failed_subscription(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    factory = db.session_factory(db.open_engine(db_url))
    sub_id = subscribe(factory)
    busy_for(100, monkeypatch)
    with pytest.raises(DatabaseError, match="locked"):
        runner.run_due(factory, FIRST_RUN)
    assert runs(factory) == []
    with db.transaction(factory) as s:  # untouched: due as before, nobody told it failed
        sub = s.get(Subscription, sub_id)
        assert sub is not None and sub.status is SubscriptionStatus.ACTIVE
        assert sub.next_run_at == FIRST_RUN
        assert list(s.scalars(select(Notification))) == []
