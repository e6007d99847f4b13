"""Purchase controls: confirmations, the voice PIN and its lockout, the card, approval,
today's spending, and the household's lock.

The purchase rules that use them are one list, :data:`assistant.shop.rules.RULES`,
checked by the shop whatever the door the order came through; the dialog only asks the
questions. Callers own the transaction; ``now`` is always passed in (aware UTC). A rule
that is checked and then written on is checked under :func:`lock_household`, so it holds
with many sessions and processes at once (docs/security.md).

The PIN is never stored, logged or shown: only a salted scrypt hash is kept.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from assistant.errors import (
    AccountError,
    ConfigError,
    ConfirmationError,
    ErrorCode,
    PaymentRequiredError,
    PinLockedError,
    WrongPinError,
)
from assistant.store.db import write_lock
from assistant.store.models import (
    DeliveryKind,
    Household,
    Member,
    Order,
    OrderStatus,
    PaymentMethod,
    Role,
)

PIN_ATTEMPTS = 3
"""Wrong PINs since the last right one (from any session of the household) that lock
spoken purchases."""
PIN_RE = re.compile(r"^[0-9]{4}$")
_SCRYPT = {"n": 2**14, "r": 8, "p": 1, "dklen": 32}
COUNTED = (OrderStatus.PLACED, OrderStatus.SHIPPED, OrderStatus.DELIVERED,
           OrderStatus.PENDING_APPROVAL)  # fmt: skip
"""Order statuses that count towards a spending limit (not cancelled or rejected)."""


# -- the PIN -------------------------------------------------------------------


def check_pin_format(pin: str) -> None:
    if not PIN_RE.match(pin):
        raise AccountError(ErrorCode.PIN_FORMAT)


def hash_pin(pin: str, salt: bytes) -> str:
    """scrypt of the PIN with this salt, as hex."""
    return hashlib.scrypt(pin.encode("ascii"), salt=salt, **_SCRYPT).hex()


def set_pin(household: Household, pin: str) -> None:
    """Store a new PIN (hashed with a fresh salt) and clear any lock."""
    check_pin_format(pin)
    salt = secrets.token_bytes(16)
    household.pin_salt = salt.hex()
    household.pin_hash = hash_pin(pin, salt)
    household.failed_pin_attempts = 0
    household.pin_locked_until = None


def clear_pin(household: Household) -> None:
    household.pin_hash = None
    household.pin_salt = None
    household.failed_pin_attempts = 0
    household.pin_locked_until = None


def has_pin(household: Household) -> bool:
    return household.pin_hash is not None and household.pin_salt is not None


def local_time(household: Household, when: datetime) -> datetime:
    try:
        zone = ZoneInfo(household.timezone)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ConfigError(ErrorCode.UNKNOWN_TIME_ZONE, zone=household.timezone) from exc
    return when.astimezone(zone)


def ensure_not_locked(household: Household, now: datetime) -> None:
    """Refuse spoken purchases while the PIN lock lasts."""
    until = household.pin_locked_until
    if until is not None and now < until:
        at = local_time(household, until)
        raise PinLockedError(
            ErrorCode.PIN_LOCKED, until=until, until_local=f"{at:%H:%M}", attempts=PIN_ATTEMPTS
        )


def lock_household(session: Session, household_id: int) -> Household:
    """The household, locked until the end of the caller's transaction, as committed now.

    Every money rule of a household (the PIN count, the per-day limit, the duplicate guard,
    a decision on a child's order, the same subscription twice) is checked and written
    under this lock, so two sessions or processes take turns: on PostgreSQL a row lock
    (``SELECT ... FOR UPDATE``), on SQLite the database's write lock
    (:func:`assistant.store.db.write_lock`). Call it before reading anything the rule
    depends on; the household's attributes are re-read, not taken from the session.
    """
    write_lock(session)
    return session.scalars(
        select(Household)
        .where(Household.id == household_id)
        .with_for_update()
        .execution_options(populate_existing=True)
    ).one()


def pin_digest(pin: str, salt_hex: str) -> str | None:
    """The hash :func:`count_pin` compares, or None when ``pin`` is not 4 digits.

    scrypt takes tens of milliseconds on purpose: compute it before taking the lock, so
    that sessions queue only for the count, not for each other's hashing."""
    if PIN_RE.match(pin) is None:
        return None
    return hash_pin(pin, bytes.fromhex(salt_hex))


def count_pin(household: Household, digest: str | None, now: datetime) -> None:
    """Judge a PIN already hashed with the household's current salt, and count it.

    The caller holds the household's lock (:func:`lock_household`) and commits even when
    this raises: the count is the point. While locked, every PIN (the right one too) is
    refused and not counted. A right one clears the count; the
    :data:`PIN_ATTEMPTS`-th wrong one since then, from whichever session, locks.
    """
    ensure_not_locked(household, now)
    if not has_pin(household):
        return
    if digest is not None and hmac.compare_digest(digest, household.pin_hash or ""):
        household.failed_pin_attempts = 0
        household.pin_locked_until = None
        return
    household.failed_pin_attempts += 1
    if household.failed_pin_attempts >= PIN_ATTEMPTS:
        household.failed_pin_attempts = 0
        household.pin_locked_until = now + timedelta(minutes=household.pin_lock_minutes)
        ensure_not_locked(household, now)
    left = PIN_ATTEMPTS - household.failed_pin_attempts
    raise WrongPinError(ErrorCode.WRONG_PIN, attempts_left=left, minutes=household.pin_lock_minutes)


def verify_pin(household: Household, pin: str, now: datetime) -> None:
    """Check a spoken PIN; counts wrong ones and locks after :data:`PIN_ATTEMPTS`.

    Hashes under whatever lock the caller holds: for a PIN check with other sessions
    about, :func:`assistant.shop.service.verify_pin_apart` (hash first, then lock and
    count). The caller must commit even when this raises: the count is the point.
    """
    ensure_not_locked(household, now)
    if not has_pin(household):
        return
    count_pin(household, pin_digest(pin, household.pin_salt or ""), now)


# -- payment, approval ---------------------------------------------------------


def default_payment(household: Household) -> PaymentMethod | None:
    return next((pm for pm in household.payment_methods if pm.is_default), None)


def require_payment(household: Household) -> PaymentMethod:
    payment = default_payment(household)
    if payment is None:
        raise PaymentRequiredError(ErrorCode.PAYMENT_REQUIRED)
    return payment


def needs_approval(member: Member) -> bool:
    """A child's order waits for an adult."""
    return member.role is Role.CHILD


def can_approve(member: Member) -> bool:
    return member.role in (Role.OWNER, Role.ADULT)


# -- spending limits -----------------------------------------------------------


def day_bounds(household: Household, now: datetime) -> tuple[datetime, datetime]:
    """The household-local calendar day around ``now``, as aware UTC bounds."""
    local = local_time(household, now)
    start = local.replace(hour=0, minute=0, second=0, microsecond=0)
    end = (start + timedelta(days=1)).replace(hour=0, minute=0, second=0, microsecond=0)
    return start.astimezone(now.tzinfo), end.astimezone(now.tzinfo)


def spent_today(session: Session, member: Member, now: datetime) -> int:
    """The member's orders today (household-local day), not cancelled or rejected, in KRW."""
    start, end = day_bounds(member.household, now)
    total = session.scalar(
        select(func.coalesce(func.sum(Order.total), 0)).where(
            Order.member_id == member.id,
            Order.status.in_(COUNTED),
            Order.placed_at >= start,
            Order.placed_at < end,
        )
    )
    return int(total or 0)


# -- confirmations -------------------------------------------------------------


@dataclass(frozen=True)
class Ticket:
    """A purchase question asked in one conversation; the only way to a spoken order."""

    token: str
    """Random; also the order's idempotency key."""
    member_id: int
    """Who was asked."""
    wanted: tuple[tuple[int, int], ...]
    """(product id, quantity) pairs exactly as quoted."""
    delivery: DeliveryKind
    """Where it goes, as quoted."""
    total: int
    """The total quoted in the question (KRW)."""
    checkout: bool
    """Order the cart (which must still hold ``wanted``)."""
    needs_pin: bool
    """The household's PIN must be given before placing."""
    expires_at: datetime
    """After this the question no longer counts."""
    accepted: bool = False
    """An explicit yes was given."""
    repeats: int | None = None
    """The earlier order this question knowingly asks for again ("하나 더", "one more"): the
    duplicate guard lets a duplicate of exactly that order through (after the yes)."""


class Confirmations:
    """The purchase questions of one conversation (one per :class:`ShopService`).

    A ticket is issued when the question is asked, accepted on an explicit yes,
    and used up when the order is placed; an expired or unknown one never places.
    """

    def __init__(self) -> None:
        self._open: dict[str, Ticket] = {}

    def issue(
        self,
        member_id: int,
        wanted: Sequence[tuple[int, int]],
        delivery: DeliveryKind,
        total: int,
        *,
        checkout: bool,
        needs_pin: bool,
        expires_at: datetime,
        repeats: int | None = None,
    ) -> Ticket:
        ticket = Ticket(
            secrets.token_hex(16), member_id, tuple(wanted), delivery, total, checkout,
            needs_pin, expires_at, repeats=repeats,
        )  # fmt: skip
        self._open[ticket.token] = ticket
        return ticket

    def get(self, token: str, now: datetime) -> Ticket:
        """The open ticket, or :class:`ConfirmationError` when unknown, used or expired."""
        ticket = self._open.get(token)
        if ticket is None:
            raise ConfirmationError(ErrorCode.CONFIRMATION_UNKNOWN)
        if now > ticket.expires_at:
            del self._open[token]
            raise ConfirmationError(ErrorCode.CONFIRMATION_EXPIRED)
        return ticket

    def accept(self, token: str, now: datetime, timeout: timedelta) -> Ticket:
        """Record the explicit yes; the PIN step gets a fresh ``timeout``."""
        ticket = replace(self.get(token, now), accepted=True, expires_at=now + timeout)
        self._open[token] = ticket
        return ticket

    def drop(self, token: str) -> None:
        self._open.pop(token, None)
