"""Turn-taking: one conversation's state between utterances.

The dialog turns an utterance into a reply. It fills in what is missing,
asks which product when several match, and never spends money without an
explicit "yes" to a confirmation given in the same conversation, before the
confirmation expires. It holds no SQL: everything goes through
:class:`~assistant.shop.service.ShopService`.

This is the core: it parses, keeps the language and the open question, drops a question
that expired, lets the flow that asked a question answer it, and routes a new request
through the table of :mod:`assistant.dialog.routes`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from assistant.dialog.pending import (
    Pending,
    PendingChoice,
    PendingOffer,
    PendingPin,
    PendingSubChoice,
)
from assistant.dialog.phrases import Phrases
from assistant.dialog.routes import Flows, Handler, answer, handlers
from assistant.dialog.session import Session, general_replies
from assistant.dialog.turn import Turn, turn_state
from assistant.errors import DatabaseError, DatabaseLockedError, JangbogiError
from assistant.nlu.analysis import normal_form
from assistant.nlu.choice import normalise
from assistant.nlu.intents import IntentName
from assistant.nlu.packs import written_in
from assistant.nlu.parser import MAX_UTTERANCE
from assistant.nlu.pin import parse_pin
from assistant.nlu.schema import Intent
from assistant.reorder.conversation import SubscriptionService
from assistant.shop.advisor import Advisor
from assistant.shop.service import ShopService
from assistant.shop.vocabulary import load_parser
from assistant.store.models import Channel

CONFIRM_TIMEOUT = timedelta(seconds=90)
"""A confirmation question older than this is no longer answered by "yes"."""
SECRET = "****"
"""Shown instead of an utterance that was a PIN."""


@dataclass(frozen=True)
class Reply:
    """What the assistant answers to one utterance."""

    text: str
    """One line to print or speak."""
    intent: Intent
    """How the utterance was understood."""
    end: bool = False
    """The user ended the conversation."""
    secret: bool = False
    """The utterance was a PIN: never show, log or record it (``intent.text`` is masked)."""


@dataclass
class Dialog:
    """One conversation with one member."""

    shop: ShopService
    channel: Channel = Channel.TEXT
    parser: Callable[[str], Intent] = field(default_factory=lambda: load_parser().parse)
    timeout: timedelta = CONFIRM_TIMEOUT
    advisor: Advisor | None = None
    """Suggestions from the household's buying rhythm (built from ``shop`` when None)."""
    subs: SubscriptionService | None = None
    """The household's subscriptions (built from ``shop`` when None)."""
    _session: Session = field(init=False, repr=False)
    _r: Phrases = field(init=False, repr=False)
    """The reply texts in the language of the last utterance."""
    _flows: Flows = field(init=False, repr=False)
    _handlers: dict[IntentName, Handler] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        shop = self.shop
        advisor = self.advisor if self.advisor is not None else Advisor(shop)
        subs = self.subs
        if subs is None:
            subs = SubscriptionService(shop.factory, shop.member_id, shop.household_id)
        self.advisor, self.subs = advisor, subs
        self._session = Session(shop, subs, self.timeout)
        self._r = general_replies(self._session)
        self._flows = Flows.build(self._session, self._r, self.channel, advisor)
        self._handlers = handlers(self._flows, self._r)

    @property
    def pending(self) -> Pending | None:
        """The open question, if any."""
        return self._session.pending

    def pin_expected(self, text: str) -> str | None:
        """The PIN in ``text`` when one was asked for (even if the question timed out)."""
        return parse_pin(text) if isinstance(self.pending, PendingPin) else None

    @property
    def expecting_secret(self) -> bool:
        """The next utterance may be a PIN: do not show, log or record it."""
        return isinstance(self.pending, PendingPin)

    def forget(self) -> None:
        """Drop the open question and its ticket: the one it was asked of went away (a
        satellite's connection dropped), so no later "yes" can answer it."""
        self._session.drop()

    def handle(self, text: str, now: datetime) -> Reply:
        """Answer one utterance; errors become replies and change nothing."""
        session = self._session
        if not normalise(text):
            return Reply(self._r.EMPTY, Intent(text, "ko", "none", 0.0))
        if len(text) > MAX_UTTERANCE:
            return Reply(self._r.TOO_LONG, Intent(text, "ko", "none", 0.0))
        pin = self.pin_expected(text)
        if pin is not None:  # never parsed, shown or kept
            lang = session.lang
            said, _ = self._guarded(lambda: (self._flows.purchase.answer_pin(pin, now), False))
            return Reply(said, Intent(SECRET, lang, "none", 1.0), secret=True)
        intent = self.parser(text)
        if written_in(normal_form(text)):  # "1" keeps the language; a script changes it
            session.lang = intent.lang
        prefix = ""
        pending = session.pending
        if pending is not None and now > pending.expires_at:
            if not isinstance(pending, PendingOffer):  # an unanswered offer just lapses
                prefix = self._r.EXPIRED + " "
            session.drop()
        said, end = self._guarded(lambda: self._answer(intent, now))
        return Reply(prefix + said, intent, end)

    def turn(self, reply: Reply) -> Turn:
        """``reply`` (the one :meth:`handle` just gave) as a structured turn: what is now
        awaited, the options offered, the basket asked about. Never the utterance itself."""
        pending = self.pending
        shop = self.shop
        member_pricing = (
            shop.member_pricing() if isinstance(pending, PendingChoice | PendingSubChoice) else True
        )
        waiting, options, basket, item = turn_state(
            pending,
            lambda ids: {p.id: p.size for p in shop.products_by_id(ids)},
            member_pricing=member_pricing,
        )
        lang = self._session.lang  # the language the reply is in
        return Turn(reply.text, lang, reply.intent.name, reply.end, waiting, options, basket, item)

    def opening(self, now: datetime) -> str | None:
        """When a conversation starts or the assistant wakes: the unread notifications (each
        told once), then what is probably running out (at most once a day; a "yes" orders
        it as usual); None when there is nothing to say."""
        if self.pending is not None:
            return None
        told = self._flows.subscriptions.notifications(now)
        suggestion = self._flows.orders.opening(now)
        return " ".join(t for t in (told, suggestion) if t) or None

    def _guarded(self, step: Callable[[], tuple[str, bool]]) -> tuple[str, bool]:
        """Run one step; the shop's refusals and database trouble become replies."""
        try:
            return step()
        except DatabaseLockedError:
            return self._r.DATABASE_BUSY, False
        except DatabaseError:
            return self._r.DATABASE_UNAVAILABLE, False
        except JangbogiError as exc:
            return self._r.error(exc), False

    def _answer(self, intent: Intent, now: datetime) -> tuple[str, bool]:
        """The open question's answer, or else a new request (the question is dropped)."""
        session = self._session
        if intent.name == IntentName.STOP:
            session.drop()
            return self._r.BYE, True
        if session.pending is not None:
            said = answer(self._flows, session.pending, intent, now)
            if said is not None:
                return said, False
        session.drop()
        return self._request(intent, now), False

    def _request(self, intent: Intent, now: datetime) -> str:
        """A new request, by the handler of its intent."""
        if intent.slots.not_a_count is not None:  # "0.5개", "1e9개": refused as heard
            return self._r.not_a_count(intent.slots.not_a_count)
        try:
            handler = self._handlers.get(IntentName(intent.name))
        except ValueError:  # not an intent of this version
            handler = None
        if handler is None:
            return self._r.not_available(intent.name)
        return handler(intent, now)
