"""How many notifications a household has not read: the menu of every page shows it."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from assistant.store.db import transaction
from assistant.store.models import Notification


def unread_count(factory: sessionmaker[Session], household_id: int) -> int:
    """The household's notifications not yet read (nor told by voice)."""
    with transaction(factory) as s:
        stmt = select(func.count(Notification.id)).where(
            Notification.household_id == household_id, Notification.told_at.is_(None)
        )
        return int(s.scalar(stmt) or 0)
