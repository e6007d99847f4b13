"""TEMPORARY STAND-IN for the real ``assistant/shop/signin.py`` (issue 16, sign-in slice).

It has exactly the agreed interface so that the web door runs and its tests pass until the
real module is merged; the merge replaces this whole file. Passwords are kept as salted
scrypt hashes in a JSON file beside the SQLite database (no migration); there is no lockout.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from assistant.errors import ShopError
from assistant.shop.accounts import find_household
from assistant.store.db import sqlite_path, transaction
from assistant.store.models import Household, Member


class SignInError(ShopError):
    """A wrong member name or password (one error for both)."""


@dataclass(frozen=True)
class SignedIn:
    """Who is signed in."""

    member_id: int
    """The member's id."""
    household_id: int
    """Their household's id."""
    household: str
    """Their household's name."""
    name: str
    """The member's name."""
    role: str
    """owner, adult or child."""


def _store(factory: sessionmaker[Session]) -> Path:
    path = sqlite_path(str(factory.kw["bind"].url))
    if path is None:
        raise ShopError("the stand-in sign-in works on SQLite only")
    return path.with_name(path.name + ".standin-passwords.json")


def _hash(password: str, salt: str) -> str:
    return hashlib.scrypt(password.encode(), salt=salt.encode(), n=2**14, r=8, p=1).hex()


def _member(s: Session, name: str, household: str | None) -> Member | None:
    h = find_household(s, household)
    return s.scalars(select(Member).where(Member.household_id == h.id, Member.name == name)).first()


def _signed(m: Member, h: Household) -> SignedIn:
    return SignedIn(m.id, h.id, h.name, m.name, m.role.value)


def set_password(
    factory: sessionmaker[Session], member_name: str, password: str, *, household: str | None = None
) -> None:
    with transaction(factory) as s:
        m = _member(s, member_name, household)
        if m is None:
            raise SignInError("no such member")
        member_id = m.id
    path = _store(factory)
    data = json.loads(path.read_text()) if path.exists() else {}
    salt = secrets.token_hex(8)
    data[str(member_id)] = [salt, _hash(password, salt)]
    path.write_text(json.dumps(data))


def sign_in(
    factory: sessionmaker[Session],
    member_name: str,
    password: str,
    now: datetime,
    *,
    household: str | None = None,
) -> SignedIn:
    del now
    with transaction(factory) as s:
        m = _member(s, member_name, household)
        if m is None:
            raise SignInError("wrong name or password")
        found = _signed(m, m.household)
    path = _store(factory)
    data = json.loads(path.read_text()) if path.exists() else {}
    salt, digest = data.get(str(found.member_id), ["", ""])
    if not salt or not hmac.compare_digest(_hash(password, salt), digest):
        raise SignInError("wrong name or password")
    return found


def signed_in(factory: sessionmaker[Session], member_id: int) -> SignedIn | None:
    with transaction(factory) as s:
        m = s.get(Member, member_id)
        return _signed(m, m.household) if m is not None else None
