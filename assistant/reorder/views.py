"""What people see of subscriptions and notifications: plain values, built from the models
(:mod:`assistant.reorder.service`) or from rows read without SQLAlchemy
(:mod:`assistant.reorder.reads`, for the light commands). Their JSON gives every time as
ISO 8601 with the offset of the household's time zone."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from assistant.reorder.recurrence import Recurrence
from assistant.shop.views import ProductView
from assistant.store.kinds import RunStatus, SubscriptionStatus


def _iso(when: datetime | None, timezone: str) -> str | None:
    """``when`` as ISO 8601 with the offset of ``timezone`` (UTC when that is no zone)."""
    if when is None:
        return None
    try:
        return when.astimezone(ZoneInfo(timezone)).isoformat()
    except (ZoneInfoNotFoundError, ValueError):
        return when.isoformat()


@dataclass(frozen=True)
class SubscriptionView:
    """A subscription as people see it."""

    id: int
    """Database id (what the CLI takes)."""
    product: ProductView
    """The product delivered."""
    quantity: int
    """Items per delivery."""
    recurrence: Recurrence
    """When it repeats."""
    timezone: str
    """The household's time zone the schedule is read in."""
    status: SubscriptionStatus
    """active, paused or cancelled."""
    next_run_at: datetime | None
    """The next period (aware UTC); None once cancelled."""
    price_at_creation: int
    """The unit price agreed to when it was made (KRW)."""
    member: str
    """Who made it."""
    last_run: RunStatus | None = None
    """What became of the latest recorded period; None before the first."""
    last_run_at: datetime | None = None
    """That period's time (aware UTC)."""

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id, "sku": self.product.sku, "product": self.product.name,
            "product_en": self.product.name_en, "quantity": self.quantity,
            "unit": self.product.unit, "schedule": self.recurrence.to_json(),
            "timezone": self.timezone, "status": self.status.value,
            "next_run_at": _iso(self.next_run_at, self.timezone),
            "price_at_creation": self.price_at_creation, "member": self.member,
            "last_run": self.last_run.value if self.last_run else None,
            "last_run_at": _iso(self.last_run_at, self.timezone),
        }  # fmt: skip


@dataclass(frozen=True)
class Skipped:
    """The result of skipping the next period."""

    subscription: SubscriptionView
    """The subscription, with its new next run."""
    period_at: datetime
    """The period that will not be delivered (aware UTC)."""


@dataclass(frozen=True)
class NotificationView:
    """One notification the runner left for the household."""

    id: int
    """Database id."""
    kind: str
    """placed, caught_up, held, out_of_stock, substituted, missed or failed."""
    data: Mapping[str, Any]
    """What the sentence needs (see :class:`assistant.dialog.phrases_reorder.ReorderPhrases`)."""
    timezone: str
    """The household's time zone, for the times in the sentence."""
    created_at: datetime
    """When it was written (aware UTC)."""
    told_at: datetime | None
    """When it was told; None: not yet."""
    subscription_id: int | None = None
    """The subscription it is about."""

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id, "kind": self.kind, "data": dict(self.data),
            "subscription_id": self.subscription_id,
            "created_at": _iso(self.created_at, self.timezone),
            "told_at": _iso(self.told_at, self.timezone),
        }  # fmt: skip
