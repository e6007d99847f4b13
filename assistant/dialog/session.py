"""What one conversation keeps between utterances, shared by the flows: the open question,
the language of the last utterance and the reply texts in that language."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from assistant.dialog.pending import Pending, PendingOrder, PendingPin, PendingSubscribe
from assistant.dialog.phrases import Phrases
from assistant.dialog.phrases_reorder import ReorderPhrases
from assistant.locales import Say, say_for
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
            self.subs.drop(pending.request.token)
        if isinstance(pending, PendingOrder | PendingPin) and pending.key:
            self.shop.drop(pending.key)
        self.pending = None


class Replies:
    """The reply texts in the session's language: ``r.BYE``, ``r.confirm_order(...)`` come
    from that language's message catalog (:mod:`assistant.locales`) at each call."""

    def __init__(self, session: Session, make: Callable[[Say], object]) -> None:
        self._session = session
        self._make = make
        self._by_lang: dict[str, object] = {}

    @property
    def current(self) -> object:
        """The phrases of the language in use (the default language for any other)."""
        lang = self._session.lang
        if lang not in self._by_lang:
            self._by_lang[lang] = self._make(say_for(lang))
        return self._by_lang[lang]

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self.current, name)


@dataclass
class Flow:
    """What every flow is given: the shop, the conversation's state and its reply texts."""

    shop: ShopService
    session: Session
    r: Replies

    def yes_or_no(
        self, intent: Intent, yes: Callable[[], str], no: str, again: Callable[[], object]
    ) -> str | None:
        """The answer to a question only an explicit "yes" accepts: ``yes()`` (the question
        closed first, its ticket kept for ``yes``), ``no`` (the question dropped with its
        ticket), None when the utterance starts something new, else the question ``again()``
        after "please answer yes or no"."""
        if intent.name == IntentName.CONFIRM:
            self.session.pending = None
            return yes()
        if intent.name == IntentName.DENY:
            self.session.drop()
            return no
        if interrupts(intent):
            return None
        return f"{self.r.ASK_YES_NO} {again()}"


def general_replies(session: Session) -> Replies:
    """The shopping texts (:class:`assistant.dialog.phrases.Phrases`)."""
    return Replies(session, Phrases)


def subscription_replies(session: Session) -> Replies:
    """The subscription texts (:class:`assistant.dialog.phrases_reorder.ReorderPhrases`)."""
    return Replies(session, ReorderPhrases)
