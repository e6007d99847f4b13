"""The household's account: the membership (and joining it), the default delivery, and an
adult's approval of a child's order (with the PIN)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from assistant.dialog.pending import PendingJoin, PendingPin
from assistant.dialog.session import Flow
from assistant.nlu.schema import Intent
from assistant.store.models import DeliveryKind

_JOIN_WORDS = re.compile(r"가입|신청|등록|되고 싶|join|sign|become|register", re.I)
_REJECT_WORDS = re.compile(r"거절|반려|거부|불허|reject|decline|deny|refuse", re.I)
_ORDER_NUMBER = re.compile(r"(\d+)\s*(?:번|$)|(?:order|number)\s*(\d+)", re.I)
DEFAULT_WORDS = re.compile(r"앞으로|기본|항상|매번|늘|from now on|always|default|usually", re.I)
""""앞으로 사물함으로 받을게": the household's default delivery is meant, not one order's."""


@dataclass
class AccountFlow(Flow):
    """Membership, delivery and approvals."""

    def membership(self, intent: Intent, now: datetime) -> str:
        """What the membership gives, or "가입할까요?" when asked to join."""
        account = self.shop.account()
        if _JOIN_WORDS.search(intent.text) and not account.membership_active:
            self.session.pending = PendingJoin(expires_at=self.session.until(now))
            return self.r.ask_join(account)
        return self.r.membership_info(account)

    def answer_join(self, pending: PendingJoin, intent: Intent, now: datetime) -> str | None:
        """The answer to "가입할까요?"; None when the utterance starts something new."""

        def join() -> str:
            self.shop.join_membership(now)
            return self.r.joined(self.shop.account())

        return self.yes_or_no(
            intent, join, self.r.NOT_JOINED, lambda: self.r.ask_join(self.shop.account())
        )

    def set_delivery(self, intent: Intent, now: datetime) -> str:
        """ "앞으로 사물함으로 받을게": the household's default delivery. Reached as a new
        request only: with a question open, :meth:`delivery_while_asked` answers first."""
        if intent.slots.delivery is None:
            return self.r.ASK_DELIVERY
        kind = DeliveryKind(intent.slots.delivery)
        self.shop.set_default_delivery(kind)
        return self.r.delivery_set(kind, self.shop.account().place(kind))

    def delivery_while_asked(self, intent: Intent, now: datetime) -> str | None:
        """A delivery said while a question is open that its own flow did not take (issue 14):
        the household's default changes only when the words ask for it ("앞으로 …"; None:
        the question is dropped and :meth:`set_delivery` runs); otherwise nothing changes
        and the question stays open."""
        if intent.slots.delivery is None or DEFAULT_WORDS.search(intent.text):
            return None
        return self.r.delivery_not_default(DeliveryKind(intent.slots.delivery))

    def approval(self, intent: Intent, now: datetime) -> str:
        """Approve (or reject) a child's order waiting for an adult: the PIN decides."""
        waiting = self.shop.pending_approvals()
        if not waiting:
            return self.r.NO_APPROVALS
        self.shop.check_decider(now)
        number = _ORDER_NUMBER.search(intent.text)
        wanted_id = int(number.group(1) or number.group(2)) if number else None
        order = next((o for o in waiting if o.id == wanted_id), waiting[0])
        reject = bool(_REJECT_WORDS.search(intent.text))

        def decide(pin: str, at: datetime) -> str:
            decided = self.shop.decide(order.id, approve=not reject, pin=pin, now=at)
            return self.r.decided(decided)

        self.session.pending = PendingPin(
            "reject" if reject else "approve", decide, expires_at=self.session.until(now)
        )
        return self.r.ask_approval(order, reject)
