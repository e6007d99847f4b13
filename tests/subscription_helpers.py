"""Helpers for the subscription tests: a plain '달걀 30구' product, notifications as the
runner writes them, and row counts."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from assistant.store import db
from assistant.store.models import Notification
from tests.shop_helpers import execute, rows

EGGS = "풀무원 무항생제 특란 30구"
"""EGG-001, a tray (판): 11,980 won, 10,980 for members."""


def only_plain_eggs(url: str) -> None:
    """Add '달걀 30구' (sold by the tray) and take the other egg products off sale, so '달걀'
    means exactly one product."""
    execute(url, "update products set active = 0 where category = '계란'")
    execute(
        url,
        "insert into products (sku, category, name_ko, name_en, brand, size, unit, aliases, "
        "price, member_price, rating_tenths, rating_count, stock, active) values ('EGG-900', "
        "'계란', '달걀', 'Eggs', '장보기', '30구', '판', 'eggs', 9000, 8500, 45, 10, 50, 1)",
    )


def subscriptions(url: str) -> list[tuple[Any, ...]]:
    """(id, product sku, quantity, status, next_run_at) of every subscription."""
    return rows(
        url,
        "select s.id, p.sku, s.quantity, s.status, s.next_run_at from subscriptions s "
        "join products p on p.id = s.product_id order by s.id",
    )


def runs(url: str) -> list[tuple[Any, ...]]:
    """(subscription id, period_at, status, worker) of every run."""
    return rows(
        url,
        "select subscription_id, period_at, status, worker from subscription_runs order by id",
    )


def notify(url: str, kind: str, data: dict[str, Any], at: datetime, household_id: int = 1) -> int:
    """A notification as the runner writes it; returns its id."""
    with db.transaction(db.session_factory(db.open_engine(url))) as session:
        note = Notification(household_id=household_id, kind=kind, data=data, created_at=at)
        session.add(note)
        session.flush()
        return note.id
