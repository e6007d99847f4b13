"""Households and members: look-ups and the demo household."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from assistant.errors import ErrorCode, NotFoundError
from assistant.store.models import (
    Address,
    DeliveryKind,
    Household,
    Member,
    PaymentMethod,
    Role,
)

DEMO_HOUSEHOLD = "데모 가족"
DEMO_MEMBER = "demo"


DEMO_PLACES = (
    (DeliveryKind.HOME, "집", "서울특별시 마포구 장보기로 1, 101동 1001호"),
    (DeliveryKind.LOCKER, "망원역 무인 택배함", "서울특별시 마포구 망원역 2번 출구 앞 보관함"),
    (DeliveryKind.STORE, "장보기마트 망원점", "서울특별시 마포구 망원로 10, 1층 픽업 데스크"),
)
"""The demo household's home, parcel locker and pickup store."""


def find_member(session: Session, name: str | None = None) -> Member:
    """The member called ``name``, or the owner of the first household when no name is given."""
    if name is not None:
        members = list(session.scalars(select(Member).where(Member.name == name)))
        if not members:
            raise NotFoundError(ErrorCode.NO_SUCH_MEMBER, name=name)
        if len(members) > 1:
            raise NotFoundError(ErrorCode.MEMBER_AMBIGUOUS, name=name)
        return members[0]
    member = session.scalars(
        select(Member).where(Member.role == Role.OWNER).order_by(Member.id).limit(1)
    ).first()
    if member is None:
        raise NotFoundError(ErrorCode.NO_HOUSEHOLD)
    return member


def ensure_demo_household(session: Session, now: datetime) -> tuple[Household, bool]:
    """The demo household with owner ``demo``, a card, membership, home, locker and a store.

    Returns the household and whether anything was created. Idempotent.
    """
    household = session.scalars(select(Household).where(Household.name == DEMO_HOUSEHOLD)).first()
    created = household is None
    if household is None:
        household = Household(
            name=DEMO_HOUSEHOLD,
            timezone="Asia/Seoul",
            membership_active=True,
            membership_since=now,
            default_delivery=DeliveryKind.HOME,
            created_at=now,
        )
        session.add(household)
        session.flush()
    if not any(m.name == DEMO_MEMBER for m in household.members):
        session.add(Member(household=household, name=DEMO_MEMBER, role=Role.OWNER, created_at=now))
        created = True
    if not household.payment_methods:
        session.add(
            PaymentMethod(
                household=household,
                token="tok_demo_visa_4242",
                last4="4242",
                label="VISA",
                is_default=True,
                created_at=now,
            )
        )
        created = True
    kinds = {a.kind for a in household.addresses}
    for kind, label, detail in DEMO_PLACES:
        if kind not in kinds:
            session.add(
                Address(household=household, kind=kind, label=label, detail=detail, is_default=True)
            )
            created = True
    session.flush()
    return household, created
