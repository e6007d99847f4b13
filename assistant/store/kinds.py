"""The kinds of things the database stores (roles, statuses, channels ...): plain enums, with no
SQLAlchemy, so that the light read path (:mod:`assistant.store.lite`) and the views built
from it share them with the models (:mod:`assistant.store.models` re-exports them)."""

from __future__ import annotations

import enum
from datetime import UTC, datetime


class Role(enum.StrEnum):
    OWNER = "owner"
    ADULT = "adult"
    CHILD = "child"


class DeliveryKind(enum.StrEnum):
    HOME = "home"
    LOCKER = "locker"
    STORE = "store"


class OrderStatus(enum.StrEnum):
    PLACED = "placed"
    CANCELLED = "cancelled"
    SHIPPED = "shipped"
    DELIVERED = "delivered"
    PENDING_APPROVAL = "pending_approval"
    """A child's order, waiting for an adult (nothing is charged or shipped yet)."""
    REJECTED = "rejected"
    """A child's order an adult turned down."""


class Channel(enum.StrEnum):
    VOICE = "voice"
    TEXT = "text"
    AUTO = "auto"


class SubscriptionStatus(enum.StrEnum):
    ACTIVE = "active"
    PAUSED = "paused"
    CANCELLED = "cancelled"


class RunStatus(enum.StrEnum):
    """What became of one scheduled period of a subscription."""

    PLACED = "placed"
    """The order was placed (the run points at it)."""
    HELD = "held"
    """Not ordered: the price rose more than the household allows."""
    SKIPPED = "skipped"
    """Not ordered: asked to skip it, or out of stock."""
    MISSED = "missed"
    """Not ordered: the box was off and the time is past the grace window (or an older
    period while one catch-up order was placed for the latest)."""
    FAILED = "failed"
    """Not ordered: a purchase rule refused it (no card, limit, no address ...)."""


class OutOfStockPolicy(enum.StrEnum):
    """What a subscription run does when its product is out of stock."""

    SKIP = "skip"
    SUBSTITUTE = "substitute"


def utcnow() -> datetime:
    """The current time as an aware UTC datetime (for entry points only)."""
    return datetime.now(UTC)
