"""Who is signed in: the one place the web door calls :mod:`assistant.shop.signin`."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session, sessionmaker

from assistant.shop import signin
from assistant.shop.signin import SignedIn

__all__ = ["SignedIn", "check_password", "current"]


def check_password(
    factory: sessionmaker[Session], name: str, password: str, household: str | None, now: datetime
) -> SignedIn:
    """The member, when the password is theirs; else the shop's refusal (a JangbogiError:
    wrong name or password, or locked for a while)."""
    return signin.sign_in(factory, name, password, now, household=household)


def current(factory: sessionmaker[Session], member_id: int) -> SignedIn | None:
    """The member of a session, or None when they are gone."""
    return signin.signed_in(factory, member_id)
