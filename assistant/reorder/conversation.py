"""Subscriptions for one conversation: one transaction per call, frozen values out, and a
confirmation ticket between the question and the "yes".

A subscription commits money on every period, so it is created only from an accepted,
unexpired question of the same conversation, with the household PIN when there is one
(the same discipline as :class:`~assistant.shop.service.ShopService` for orders). The
rules themselves live in :mod:`assistant.reorder.service`.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from sqlalchemy.orm import Session, sessionmaker

from assistant.errors import ConfirmationError, ErrorCode, NotFoundError, PinRequiredError
from assistant.reorder.recurrence import Recurrence, next_after, zone
from assistant.reorder.service import (
    NotificationView,
    Skipped,
    SubscriptionView,
    cancel,
    check_new,
    create,
    list_subscriptions,
    mark_told,
    notifications,
    pause,
    require_adult,
    resume,
    skip_next,
    view,
)
from assistant.shop import controls
from assistant.shop.history import day_date, day_index
from assistant.shop.service import ProductView, load_member, product_view, verify_pin_apart
from assistant.store.db import transaction
from assistant.store.models import Member, Product


@dataclass(frozen=True)
class SubscribeRequest:
    """A subscription question the shop allows; a "yes" is answered with its token."""

    token: str
    """The confirmation ticket of this question."""
    product: ProductView
    """What would be delivered."""
    quantity: int
    """Items per delivery."""
    recurrence: Recurrence
    """When."""
    first_run_at: datetime
    """The first delivery's order time (aware UTC)."""
    unit_price: int
    """The unit price it would be made at (KRW)."""
    expires_at: datetime
    """A "yes" after this no longer counts."""
    needs_pin: bool
    """The household's PIN is needed after the "yes"."""


class SubscriptionService:
    """Subscriptions of one member's household, for one conversation."""

    def __init__(self, factory: sessionmaker[Session], member_id: int, household_id: int) -> None:
        self._factory = factory
        self.member_id = member_id
        self.household_id = household_id
        self._open: dict[str, SubscribeRequest] = {}
        """Questions asked in this conversation and not yet answered."""

    def _member(self, session: Session) -> Member:
        return load_member(session, self.member_id)

    def request(
        self, product_id: int, quantity: int, rec: Recurrence, now: datetime
    ) -> SubscribeRequest:
        """Check every rule and issue the ticket a "yes" to this question will use."""
        with transaction(self._factory) as session:
            member = self._member(session)
            household = member.household
            controls.ensure_not_locked(household, now)
            product = session.get(Product, product_id)
            if product is None:
                raise NotFoundError(ErrorCode.SUBSCRIPTION_PRODUCT_GONE)
            price = check_new(session, member, product, quantity, rec)
            first = next_after(rec, zone(household.timezone), now)
            expires = now + timedelta(seconds=household.confirm_timeout_s)
            req = SubscribeRequest(
                secrets.token_hex(16), product_view(product), quantity, rec, first, price,
                expires, controls.has_pin(household),
            )  # fmt: skip
        self._open[req.token] = req
        return req

    def anchor(self, now: datetime) -> date:
        """Today's local date in the household's time zone (where counting starts)."""
        with transaction(self._factory) as session:
            tz = self._member(session).household.timezone
        return day_date(day_index(now, tz))

    def confirm(self, token: str, now: datetime, pin: str | None = None) -> SubscriptionView:
        """Create the subscription of an accepted question (with the PIN when one is set)."""
        req = self._open.get(token)
        if req is None:
            raise ConfirmationError(ErrorCode.SUBSCRIBE_NOT_ASKED)
        if now > req.expires_at:
            self._open.pop(token, None)
            raise ConfirmationError(ErrorCode.SUBSCRIBE_EXPIRED)
        if req.needs_pin and pin is None:
            raise PinRequiredError(ErrorCode.SUBSCRIBE_PIN_REQUIRED)
        if pin is not None:
            self._verify_pin(pin, now)
        with transaction(self._factory) as session:
            member = self._member(session)
            product = session.get(Product, req.product.id)
            if product is None:
                raise NotFoundError(ErrorCode.SUBSCRIPTION_PRODUCT_GONE)
            sub = create(session, member, product, req.quantity, req.recurrence, now)
            result = view(session, sub)
        self._open.pop(token, None)
        return result

    def extend(self, token: str, now: datetime) -> datetime:
        """After the "yes": a fresh timeout for the PIN step; returns the new expiry."""
        req = self._open.get(token)
        if req is None:
            raise ConfirmationError(ErrorCode.SUBSCRIBE_NOT_ASKED)
        with transaction(self._factory) as session:
            timeout = timedelta(seconds=self._member(session).household.confirm_timeout_s)
        self._open[token] = replace(req, expires_at=now + timeout)
        return now + timeout

    def drop(self, token: str) -> None:
        self._open.pop(token, None)

    def _verify_pin(self, pin: str, now: datetime) -> None:
        verify_pin_apart(self._factory, self.member_id, pin, now)

    def subscriptions(self) -> list[SubscriptionView]:
        with transaction(self._factory) as session:
            return list_subscriptions(session, self.household_id)

    def pause(self, sub_id: int, now: datetime) -> SubscriptionView:
        with transaction(self._factory) as session:
            require_adult(self._member(session))
            return view(session, pause(session, self.household_id, sub_id, now))

    def resume(self, sub_id: int, now: datetime) -> SubscriptionView:
        with transaction(self._factory) as session:
            require_adult(self._member(session))
            return view(session, resume(session, self.household_id, sub_id, now))

    def cancel(self, sub_id: int, now: datetime) -> SubscriptionView:
        with transaction(self._factory) as session:
            require_adult(self._member(session))
            return view(session, cancel(session, self.household_id, sub_id, now))

    def skip(self, sub_id: int, now: datetime) -> Skipped:
        with transaction(self._factory) as session:
            require_adult(self._member(session))
            sub, period = skip_next(session, self.household_id, sub_id, now, worker="voice")
            return Skipped(view(session, sub), period)

    def take_notifications(self, now: datetime, limit: int = 3) -> list[NotificationView]:
        """The oldest unread notifications (at most ``limit``), marked told in the same
        transaction: each is told once."""
        with transaction(self._factory) as session:
            household = self._member(session).household
            found = notifications(session, household, limit=limit)
            mark_told(session, household.id, [n.id for n in found], now)
            return found
