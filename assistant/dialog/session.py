"""What one conversation keeps between utterances, shared by the flows: the open question,
the language of the last utterance and the reply texts in that language."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from types import ModuleType
from typing import Any

from assistant import replies, replies_en, replies_reorder, replies_reorder_en
from assistant.dialog.pending import Pending, PendingOrder, PendingPin, PendingSubscribe
from assistant.nlu.intents import IntentName
from assistant.nlu.schema import Intent
from assistant.reorder.conversation import SubscriptionService
from assistant.shop.service import ShopService

_INTERRUPTING = frozenset(name for name in IntentName if name.interrupts)


def interrupts(intent: Intent) -> bool:
    """The utterance starts something new even while a question is pending."""
    return intent.name in _INTERRUPTING


@dataclass
class Session:
    """One conversation's state: the open question (at most one) and the language."""

    shop: ShopService
    """Holds the tickets of order questions (dropped with them)."""
    subs: SubscriptionService
    """Holds the tickets of subscription questions (dropped with them)."""
    timeout: timedelta
    """How long a question waits for its answer."""
    pending: Pending | None = None
    """The open question."""
    lang: str = "ko"
    """The language of the last utterance that had words in it."""

    def until(self, now: datetime) -> datetime:
        """When a question asked ``now`` expires."""
        return now + self.timeout

    def drop(self) -> None:
        """Forget the open question, and the shop's or the subscriptions' ticket with it."""
        pending = self.pending
        if isinstance(pending, PendingSubscribe):
            self.subs.drop(pending.token)
        if isinstance(pending, PendingOrder | PendingPin) and pending.key:
            self.shop.drop(pending.key)
        self.pending = None


class Replies:
    """One kind of reply texts in the session's language: ``r.BYE``, ``r.confirm_order(...)``
    look the name up in that language's module at each call."""

    def __init__(self, session: Session, by_lang: dict[str, ModuleType]) -> None:
        self._session = session
        self._by_lang = by_lang

    @property
    def module(self) -> ModuleType:
        """The reply module of the language in use (Korean for any other)."""
        return self._by_lang.get(self._session.lang, self._by_lang["ko"])

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self.module, name)


def general_replies(session: Session) -> Replies:
    """The shopping texts (:mod:`assistant.replies`, :mod:`assistant.replies_en`)."""
    return Replies(session, {"ko": replies, "en": replies_en})


def subscription_replies(session: Session) -> Replies:
    """The subscription texts (:mod:`assistant.replies_reorder` and its English twin)."""
    return Replies(session, {"ko": replies_reorder, "en": replies_reorder_en})
