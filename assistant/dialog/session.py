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
from assistant.errors import ErrorCode, JangbogiError
from assistant.locales import Msg, say_for
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


class SessionSay:
    """The catalog of the session's language at each call: what a conversation's phrases
    speak through, so one :class:`Phrases` follows the language of the last utterance."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def __call__(self, msg: Msg | ErrorCode, /, **args: Any) -> str:
        return say_for(self._session.lang)(msg, **args)

    def error(self, exc: JangbogiError) -> str:
        return say_for(self._session.lang).error(exc)


@dataclass
class Flow:
    """What every flow is given: the shop, the conversation's state and its reply texts."""

    shop: ShopService
    session: Session
    r: Phrases

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


def general_replies(session: Session) -> Phrases:
    """The shopping texts in the session's language."""
    return Phrases(SessionSay(session))


def subscription_replies(session: Session) -> ReorderPhrases:
    """The subscription texts in the session's language."""
    return ReorderPhrases(SessionSay(session))
