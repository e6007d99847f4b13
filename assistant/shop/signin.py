"""Members sign in to the household's web page with a password of their own.

The web page (``assistant/doors/web/``) calls :func:`sign_in` with what was typed, keeps the
member's id, and re-reads the member with :func:`signed_in` on every request. The owner
sets a password with ``jangbogi member password NAME`` (:func:`set_password`).

- The password is never stored, logged or shown: only a salted scrypt hash (the voice
  PIN's parameters) and its salt are kept. It is compared as typed, after Unicode NFC
  normalisation (the same Korean typed by two keyboards is the same password), and must be
  :data:`PASSWORD_MIN` to :data:`PASSWORD_MAX` characters without control characters.
- It is the member's, not the household's voice PIN: the PIN (4 digits) is too short to be
  a password, and a password never answers the PIN question of a spoken purchase.
- One refusal, ``ErrorCode.SIGN_IN_FAILED`` (:class:`SignInError`), for a name that does
  not exist, a member without a password and a wrong password, each after the same work
  (one hash), so that names cannot be probed by the answer or its time. A name held by
  members of several households signs in only with ``household``.
- :data:`SIGN_IN_ATTEMPTS` wrong passwords since the last right one lock signing in as that
  member for :data:`SIGN_IN_LOCK_MINUTES` (:class:`SignInLockedError`, which does tell that
  the member exists); while locked every password, the right one too, is refused and not
  counted. A right password clears the count; setting a password lifts a lock.
- The password is hashed outside any lock (scrypt is slow on purpose), then judged and
  counted under the member's row lock (SQLite: the database's write lock) against the
  password as it is then, as the voice PIN is (``shop.service.verify_pin_apart``): racing
  requests from any number of processes get at most ``SIGN_IN_ATTEMPTS - 1`` "wrong"
  answers, then "locked" (docs/security.md).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import unicodedata
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from assistant.errors import AccountError, ErrorCode, SignInError, SignInLockedError
from assistant.shop.accounts import find_household, find_in_household
from assistant.shop.controls import local_time
from assistant.shop.household import find_member
from assistant.store.db import transaction, write_lock
from assistant.store.models import Household, Member, utcnow

PASSWORD_MIN = 8
"""Fewest characters of a password."""
PASSWORD_MAX = 200
"""Most characters of a password (a longer one is refused, and at sign-in never hashed)."""
SIGN_IN_ATTEMPTS = 5
"""The wrong password (since the last right one) that locks signing in as the member."""
SIGN_IN_LOCK_MINUTES = 15
"""How long signing in as a member stays locked."""
HASH_TRIES = 3
"""Times a password is hashed again when the member's password changed while it was hashed."""
_SCRYPT = {"n": 2**14, "r": 8, "p": 1, "dklen": 32}
_NO_SALT = secrets.token_hex(16)
"""The salt of the hash computed for a name that cannot sign in (the same work as a real one)."""
_REFUSED_CATEGORIES = ("Cc", "Cs")
"""Control characters and lone surrogates: never typed on purpose, refused in a new password."""


@dataclass(frozen=True)
class SignedIn:
    """A member who signed in, as stored now."""

    member_id: int
    """The member's id (what a web session keeps)."""
    household_id: int
    """The member's household."""
    household: str
    """The household's name."""
    name: str
    """The member's name."""
    role: str
    """``owner``, ``adult`` or ``child`` (:class:`assistant.store.models.Role` values)."""
    password_set_at: datetime | None = None
    """When the member's password was last set (aware UTC): a web session made before it
    is stale (the password was changed since)."""


@dataclass(frozen=True)
class _Seen:
    """A member's password as read before hashing what was typed."""

    member_id: int
    salt: str
    digest: str


# -- the password itself -------------------------------------------------------------------


def check_password(password: str) -> str:
    """``password`` normalised (NFC), or :class:`AccountError` (``PASSWORD_FORMAT``) when it
    may not be a password; the error never holds the password."""
    text = unicodedata.normalize("NFC", password)
    refused = any(unicodedata.category(c) in _REFUSED_CATEGORIES for c in text)
    if refused or not PASSWORD_MIN <= len(text) <= PASSWORD_MAX:
        raise AccountError(ErrorCode.PASSWORD_FORMAT, least=PASSWORD_MIN, most=PASSWORD_MAX)
    return text


def password_digest(password: str, salt_hex: str) -> str | None:
    """scrypt of the (NFC) password with this salt, as hex; None for one longer than
    :data:`PASSWORD_MAX` (never anyone's password, and not worth the work)."""
    text = unicodedata.normalize("NFC", password)
    if len(text) > PASSWORD_MAX:
        return None
    data = text.encode("utf-8", "surrogatepass")
    return hashlib.scrypt(data, salt=bytes.fromhex(salt_hex), **_SCRYPT).hex()


def has_password(member: Member) -> bool:
    return member.password_hash is not None and member.password_salt is not None


def _unlock(member: Member) -> None:
    member.failed_sign_ins = 0
    member.sign_in_locked_until = None


# -- the owner's side: set and clear -------------------------------------------------------


def _named(session: Session, member_name: str, household: str | None) -> Member:
    """The member called ``member_name`` (of ``household``, else of any household), or
    :class:`NotFoundError` saying which name is unknown or ambiguous."""
    if household is None:
        return find_member(session, member_name)
    return find_in_household(session, find_household(session, household), member_name)


def set_password(
    factory: sessionmaker[Session],
    member_name: str,
    password: str,
    *,
    household: str | None = None,
    now: datetime | None = None,
) -> None:
    """Give the member a new password (hashed with a fresh salt) and lift any lock.

    ``household``: the member's household (default: the member of that name in any
    household; several is :class:`NotFoundError`). ``now``: when (default: the clock)."""
    text = check_password(password)
    salt = secrets.token_hex(16)
    digest = password_digest(text, salt)  # outside the transaction: scrypt is slow
    with transaction(factory, write=True) as session:
        member = _named(session, member_name, household)
        member.password_salt, member.password_hash = salt, digest
        member.password_set_at = now or utcnow()
        _unlock(member)


def clear_password(
    factory: sessionmaker[Session], member_name: str, *, household: str | None = None
) -> None:
    """Forget the member's password: the member can no longer sign in, and
    :func:`signed_in` no longer returns them (their web sessions end)."""
    with transaction(factory, write=True) as session:
        member = _named(session, member_name, household)
        member.password_salt = member.password_hash = member.password_set_at = None
        _unlock(member)


# -- signing in ------------------------------------------------------------------------------


def _view(member: Member) -> SignedIn:
    return SignedIn(
        member_id=member.id, household_id=member.household_id, household=member.household.name,
        name=member.name, role=member.role.value, password_set_at=member.password_set_at,
    )  # fmt: skip


def _locked(member: Member, until: datetime) -> SignInLockedError:
    at = local_time(member.household, until)
    return SignInLockedError(ErrorCode.SIGN_IN_LOCKED, until=until, until_local=f"{at:%H:%M}",
                             minutes=SIGN_IN_LOCK_MINUTES)  # fmt: skip


def lock_refusal(member: Member, now: datetime) -> SignInLockedError | None:
    """The refusal while signing in as the member is locked, else None."""
    until = member.sign_in_locked_until
    return _locked(member, until) if until is not None and now < until else None


def judge(member: Member, digest: str | None, now: datetime) -> SignInError | None:
    """Judge a password hashed with the member's current salt, and count it: None when it
    is right, else the refusal to raise.

    The caller holds the member's lock (:func:`lock_member`) and commits before raising: the
    count is the point. While locked every password is refused and not counted; a right one
    clears the count; the :data:`SIGN_IN_ATTEMPTS`-th wrong one since then locks."""
    locked = lock_refusal(member, now)
    if locked is not None:
        return locked
    if digest is not None and hmac.compare_digest(digest, member.password_hash or ""):
        _unlock(member)
        return None
    member.failed_sign_ins += 1
    if member.failed_sign_ins < SIGN_IN_ATTEMPTS:
        return SignInError(ErrorCode.SIGN_IN_FAILED)
    member.failed_sign_ins = 0
    member.sign_in_locked_until = now + timedelta(minutes=SIGN_IN_LOCK_MINUTES)
    return _locked(member, member.sign_in_locked_until)


def lock_member(session: Session, member_id: int) -> Member | None:
    """The member, locked until the end of the caller's transaction and re-read (None when
    removed): PostgreSQL ``SELECT ... FOR UPDATE``, SQLite the database's write lock."""
    write_lock(session)
    return session.scalars(
        select(Member)
        .where(Member.id == member_id)
        .with_for_update()
        .execution_options(populate_existing=True)
    ).first()


def _candidate(session: Session, member_name: str, household: str | None) -> Member | None:
    """The one member who may be meant, or None (no such name, or several households')."""
    stmt = select(Member).where(Member.name == member_name)
    if household is not None:
        stmt = stmt.join(Member.household).where(Household.name == household)
    found = list(session.scalars(stmt.limit(2)))
    return found[0] if len(found) == 1 else None


def _before_hashing(
    factory: sessionmaker[Session], member_name: str, household: str | None, now: datetime
) -> _Seen | None:
    """The member's salt and hash to judge against (None: nobody to sign in as); a lock
    is refused here already, without hashing."""
    with transaction(factory) as session:
        member = _candidate(session, member_name, household)
        if member is None or not has_password(member):
            return None
        locked = lock_refusal(member, now)
        if locked is not None:
            raise locked
        return _Seen(member.id, member.password_salt or "", member.password_hash or "")


def _judged(
    factory: sessionmaker[Session], seen: _Seen, digest: str | None, now: datetime
) -> SignedIn | None:
    """Judge and count under the member's lock: the member signed in, or None when the
    password changed while it was hashed (hash again); raises the refusal after the commit."""
    with transaction(factory, write=True) as session:
        member = lock_member(session, seen.member_id)
        if member is None:
            raise SignInError(ErrorCode.SIGN_IN_FAILED)  # removed meanwhile: nothing to count
        if (member.password_salt, member.password_hash) != (seen.salt, seen.digest):
            return None
        refusal = judge(member, digest, now)
        if refusal is None:
            return _view(member)
    raise refusal


def sign_in(
    factory: sessionmaker[Session],
    member_name: str,
    password: str,
    now: datetime,
    *,
    household: str | None = None,
) -> SignedIn:
    """The member called ``member_name`` (of ``household`` when given), if ``password`` is
    theirs; ``now``: aware UTC.

    Raises :class:`SignInError` (``SIGN_IN_FAILED``) for an unknown name, a member without a
    password or a wrong password alike, and :class:`SignInLockedError` (``SIGN_IN_LOCKED``,
    ``until``, ``until_local``) after too many wrong ones. A busy SQLite database is
    :class:`DatabaseLockedError`; the attempt was then neither judged nor counted."""
    for _ in range(HASH_TRIES):
        seen = _before_hashing(factory, member_name, household, now)
        if seen is None:
            password_digest(password, _NO_SALT)  # the same work as for a member
            raise SignInError(ErrorCode.SIGN_IN_FAILED)
        found = _judged(factory, seen, password_digest(password, seen.salt), now)
        if found is not None:
            return found
    raise SignInError(ErrorCode.SIGN_IN_FAILED)  # the password changed again and again


def signed_in(factory: sessionmaker[Session], member_id: int) -> SignedIn | None:
    """The member as stored now, or None when removed or without a password any more (a web
    session of theirs ends). A sign-in lock does not end a session."""
    with transaction(factory) as session:
        member = session.get(Member, member_id)
        if member is None or not has_password(member):
            return None
        return _view(member)
