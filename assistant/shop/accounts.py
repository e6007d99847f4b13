"""Household accounts: members, cards, addresses and pickup points, membership, settings.

Callers own the transaction. Bad input raises :class:`AccountError` (with an ``ErrorCode``
and its fields: ``locales/*/errors-account.ftl``) and changes nothing.
A card is kept as a processor token and its last four digits, never the number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from assistant.errors import (
    AccountError,
    DeliveryError,
    ErrorCode,
    NotAllowedError,
    NotFoundError,
)
from assistant.shop.controls import can_approve, has_pin, local_time
from assistant.shop.typed_text import text_problem, tidy
from assistant.shop.views import CardView, HouseholdView, MemberView, PlaceView
from assistant.store.models import (
    Address,
    Cart,
    DeliveryKind,
    Household,
    Member,
    Order,
    PaymentMethod,
    Role,
    Subscription,
)

TOKEN_RE = re.compile(r"^[A-Za-z0-9_:.\-]{6,128}$")
LAST4_RE = re.compile(r"^[0-9]{4}$")
MAX_LABEL = 50
"""Longest card label (the column's width)."""
MAX_MONEY = 10_000_000
"""Largest fee, threshold or limit accepted (KRW)."""


TYPED_PROBLEMS = {
    "card-number": ErrorCode.TYPED_CARD_NUMBER,
    "hidden-character": ErrorCode.TYPED_HIDDEN_CHARACTER,
}
"""The refusal of each kind of :class:`~assistant.shop.typed_text.TextProblem`."""
MAX_NAME = 100
"""Longest household, owner, member and address label."""
MAX_DETAIL = 300
"""Longest address detail."""


def typed(value: str, what: str) -> str:
    """``value`` tidied, or :class:`AccountError` when it may not be stored (a card number,
    an invisible or control character); the error names ``what`` (a field's key in the
    catalogs, e.g. ``member-name``, or a command-line option) and never the value."""
    value = tidy(value)
    problem = text_problem(value)
    if problem is not None:
        raise AccountError(TYPED_PROBLEMS[problem.kind], what=what, **problem.fields)
    return value


def find_household(session: Session, name: str | None = None) -> Household:
    """The household called ``name``, or the first one."""
    stmt = select(Household).order_by(Household.id)
    if name is not None:
        stmt = stmt.where(Household.name == name)
    household = session.scalars(stmt.limit(1)).first()
    if household is None:
        if name:
            raise NotFoundError(ErrorCode.HOUSEHOLD_NOT_FOUND, name=name)
        raise NotFoundError(ErrorCode.NO_HOUSEHOLD)
    return household


def create_household(
    session: Session, name: str, owner: str, now: datetime, timezone: str = "Asia/Seoul"
) -> Household:
    """A new household (not a member yet, no card) with its owner."""
    name, owner = typed(name, "household-name"), typed(owner, "owner-name")
    timezone = typed(timezone, "time-zone")
    if not name or not owner or len(name) > MAX_NAME or len(owner) > MAX_NAME:
        raise AccountError(ErrorCode.HOUSEHOLD_NAMES, most=MAX_NAME)
    if session.scalars(select(Household).where(Household.name == name)).first() is not None:
        raise AccountError(ErrorCode.HOUSEHOLD_EXISTS, name=name)
    household = Household(name=name, timezone=timezone, membership_active=False,
                          default_delivery=DeliveryKind.HOME, created_at=now)  # fmt: skip
    local_time(household, now)  # an unknown zone is refused before anything is written
    session.add(household)
    session.add(Member(household=household, name=owner, role=Role.OWNER, created_at=now))
    session.flush()
    return household


# -- members -------------------------------------------------------------------


def find_in_household(session: Session, household: Household, name: str) -> Member:
    member = session.scalars(
        select(Member).where(Member.household_id == household.id, Member.name == name)
    ).first()
    if member is None:
        raise NotFoundError(ErrorCode.MEMBER_NOT_FOUND, name=name, household=household.name)
    return member


def member_or_owner(
    session: Session, household: Household, name: str | None, option: str
) -> Member:
    """The member called ``name``, or the household's first owner when no name is given
    (``option`` is the command-line flag that names someone else)."""
    if name is not None:
        return find_in_household(session, household, name)
    owner = session.scalars(
        select(Member).where(Member.household_id == household.id, Member.role == Role.OWNER)
        .order_by(Member.id)
    ).first()  # fmt: skip
    if owner is None:
        raise NotFoundError(ErrorCode.NO_OWNER, household=household.name, option=option)
    return owner


def check_limit(value: int | None, which: str) -> int | None:
    """``value`` when it may be a spending limit (``which``: per-order or per-day)."""
    if value is not None and not 0 < value <= MAX_MONEY:
        raise AccountError(ErrorCode.LIMIT_RANGE, which=which, most=MAX_MONEY)
    return value


def add_member(
    session: Session,
    household: Household,
    name: str,
    role: Role,
    now: datetime,
    *,
    per_order_limit: int | None = None,
    per_day_limit: int | None = None,
) -> Member:
    name = typed(name, "member-name")
    if not name or len(name) > MAX_NAME:
        raise AccountError(ErrorCode.MEMBER_NAME, most=MAX_NAME)
    if any(m.name == name for m in household.members):
        raise AccountError(ErrorCode.MEMBER_EXISTS, household=household.name, name=name)
    member = Member(
        household=household, name=name, role=role, created_at=now,
        per_order_limit=check_limit(per_order_limit, "per-order"),
        per_day_limit=check_limit(per_day_limit, "per-day"),
    )  # fmt: skip
    session.add(member)
    session.flush()
    return member


def set_limits(member: Member, per_order: int | None, per_day: int | None) -> None:
    """Set both spending limits of a member (None: no limit)."""
    member.per_order_limit = check_limit(per_order, "per-order")
    member.per_day_limit = check_limit(per_day, "per-day")


def remove_member(session: Session, household: Household, name: str) -> None:
    member = find_in_household(session, household, name)
    owners = [m for m in household.members if m.role is Role.OWNER]
    if member.role is Role.OWNER and len(owners) == 1:
        raise AccountError(ErrorCode.ONLY_OWNER, name=name, household=household.name)
    for model in (Order, Subscription):
        if session.scalars(select(model.id).where(model.member_id == member.id)).first():
            raise AccountError(ErrorCode.MEMBER_HAS_HISTORY, name=name)
    cart = session.scalars(select(Cart).where(Cart.member_id == member.id)).first()
    if cart is not None:
        session.delete(cart)
    session.delete(member)
    session.flush()


# -- cards ---------------------------------------------------------------------


def add_payment(
    session: Session,
    household: Household,
    token: str,
    last4: str,
    now: datetime,
    *,
    label: str = "card",
    make_default: bool = False,
) -> PaymentMethod:
    """Register a card by its processor token and last four digits (never the number).

    The token, the last four and the label are all checked for a card number first, so
    that a number typed into the wrong option is refused without being repeated."""
    token = typed(token, "--token")
    last4 = typed(last4, "--last4")
    label = typed(label, "--label") or "card"
    if not TOKEN_RE.match(token):
        raise AccountError(ErrorCode.CARD_TOKEN_FORMAT)
    if not LAST4_RE.match(last4):
        raise AccountError(ErrorCode.CARD_LAST4_FORMAT)
    if len(label) > MAX_LABEL:
        raise AccountError(ErrorCode.CARD_LABEL_LENGTH, most=MAX_LABEL)
    if session.scalars(select(PaymentMethod).where(PaymentMethod.token == token)).first():
        raise AccountError(ErrorCode.CARD_TOKEN_TAKEN)
    first = not household.payment_methods
    if make_default and not first:
        for pm in household.payment_methods:
            pm.is_default = False
    payment = PaymentMethod(household=household, token=token, last4=last4, label=label,
                            is_default=first or make_default, created_at=now)  # fmt: skip
    session.add(payment)
    session.flush()
    return payment


def remove_payment(session: Session, household: Household, payment_id: int) -> None:
    """Forget a card; past orders keep its last four digits. Another card becomes default."""
    payment = next((pm for pm in household.payment_methods if pm.id == payment_id), None)
    if payment is None:
        raise NotFoundError(ErrorCode.CARD_NOT_FOUND, payment_id=payment_id,
                            household=household.name)  # fmt: skip
    session.execute(
        update(Order).where(Order.payment_method_id == payment.id).values(payment_method_id=None)
    )
    was_default = payment.is_default
    household.payment_methods.remove(payment)
    session.delete(payment)
    if was_default and household.payment_methods:
        household.payment_methods[0].is_default = True
    session.flush()


def set_default_payment(household: Household, payment_id: int) -> None:
    """Make the household's card ``payment_id`` its default (the others are not)."""
    if not any(pm.id == payment_id for pm in household.payment_methods):
        raise NotFoundError(ErrorCode.CARD_NOT_FOUND, payment_id=payment_id,
                            household=household.name)  # fmt: skip
    for pm in household.payment_methods:
        pm.is_default = pm.id == payment_id


# -- addresses, lockers, stores ------------------------------------------------


def add_address(
    session: Session,
    household: Household,
    kind: DeliveryKind,
    label: str,
    detail: str,
    *,
    make_default: bool = False,
) -> Address:
    label, detail = typed(label, "--label"), typed(detail, "--detail")
    if not label or len(label) > MAX_NAME or len(detail) > MAX_DETAIL:
        raise AccountError(ErrorCode.ADDRESS_FORMAT, most_label=MAX_NAME, most_detail=MAX_DETAIL)
    same_kind = [a for a in household.addresses if a.kind is kind]
    if make_default:
        for a in same_kind:
            a.is_default = False
    address = Address(household=household, kind=kind, label=label, detail=detail,
                      is_default=make_default or not same_kind)  # fmt: skip
    session.add(address)
    session.flush()
    return address


def remove_address(session: Session, household: Household, address_id: int) -> None:
    address = next((a for a in household.addresses if a.id == address_id), None)
    if address is None:
        raise NotFoundError(ErrorCode.ADDRESS_NOT_FOUND, address_id=address_id,
                            household=household.name)  # fmt: skip
    session.execute(update(Order).where(Order.address_id == address.id).values(address_id=None))
    household.addresses.remove(address)
    session.delete(address)
    rest = [a for a in household.addresses if a.kind is address.kind]
    if address.is_default and rest:
        rest[0].is_default = True
    session.flush()


def set_default_address(household: Household, address_id: int) -> None:
    """Make the household's place ``address_id`` the default one of its kind."""
    address = next((a for a in household.addresses if a.id == address_id), None)
    if address is None:
        raise NotFoundError(ErrorCode.ADDRESS_NOT_FOUND, address_id=address_id,
                            household=household.name)  # fmt: skip
    for a in household.addresses:
        if a.kind is address.kind:
            a.is_default = a is address


def set_default_delivery(household: Household, kind: DeliveryKind) -> None:
    """Where orders go unless told otherwise; there must be an address of that kind."""
    if not any(a.kind is kind for a in household.addresses):
        raise DeliveryError(ErrorCode.NO_ADDRESS, kind=kind.value)
    household.default_delivery = kind


# -- membership and settings ---------------------------------------------------


def join_membership(member: Member, now: datetime) -> bool:
    """Make the household a member; returns False when it already was."""
    if not can_approve(member):
        raise NotAllowedError(ErrorCode.JOIN_ADULTS_ONLY)
    return set_membership(member.household, True, now)


def set_membership(household: Household, active: bool, now: datetime) -> bool:
    """Turn membership on or off; returns whether anything changed."""
    if household.membership_active == active:
        return False
    household.membership_active = active
    household.membership_since = now if active else None
    return True


SETTINGS = {
    "delivery_fee": (0, MAX_MONEY),
    "free_delivery_threshold": (0, MAX_MONEY),
    "confirm_timeout_s": (10, 600),
    "duplicate_window_s": (0, 3600),
    "pin_lock_minutes": (1, 24 * 60),
    "reorder_grace_minutes": (0, 7 * 24 * 60),
    "reorder_price_rise_pct": (0, 1000),
}
"""Integer settings of a household and the values each accepts."""


def update_settings(household: Household, **values: int | bool | None) -> None:
    """Change the given settings; every value is checked before any is written."""
    checked: dict[str, int | bool] = {}
    for name, value in values.items():
        if value is None:
            continue
        if name == "member_free_delivery":
            checked[name] = bool(value)
            continue
        low, high = SETTINGS[name]
        if isinstance(value, bool) or not low <= value <= high:
            raise AccountError(ErrorCode.SETTING_RANGE, name=name, low=low, high=high)
        checked[name] = value
    for name, value in checked.items():
        setattr(household, name, value)


@dataclass(frozen=True)
class AccountView:
    """What a household's account looks like now."""

    household: str
    """Household name."""
    membership_active: bool
    """A member household."""
    membership_since: datetime | None
    """Since when (UTC)."""
    payment_last4: str | None
    """Last four digits of the default card, None without one."""
    default_delivery: DeliveryKind
    """Where orders go unless told otherwise."""
    places: tuple[tuple[DeliveryKind, str], ...]
    """(kind, label) of every registered address, locker and store."""
    delivery_fee: int
    """Home delivery fee."""
    free_delivery_threshold: int
    """Subtotal from which home delivery is free."""
    member_free_delivery: bool
    """Members never pay for home delivery."""
    pin_set: bool
    """A voice PIN is asked before spoken purchases."""

    @property
    def member_pricing(self) -> bool:
        return self.membership_active and self.payment_last4 is not None

    def place(self, kind: DeliveryKind) -> str | None:
        return next((label for k, label in self.places if k is kind), None)


def account_view(household: Household) -> AccountView:
    default = next((pm for pm in household.payment_methods if pm.is_default), None)
    addresses = sorted(household.addresses, key=lambda a: (not a.is_default, a.id))
    return AccountView(
        household=household.name,
        membership_active=household.membership_active,
        membership_since=household.membership_since,
        payment_last4=default.last4 if default else None,
        default_delivery=household.default_delivery,
        places=tuple((a.kind, a.label) for a in addresses),
        delivery_fee=household.delivery_fee,
        free_delivery_threshold=household.free_delivery_threshold,
        member_free_delivery=household.member_free_delivery,
        pin_set=has_pin(household),
    )


def household_view(household: Household) -> HouseholdView:
    """The household's account and purchase rules (``household show``), its cards, places and
    members in the order they were added."""
    h = household
    return HouseholdView(
        name=h.name, timezone=h.timezone, membership_active=h.membership_active,
        default_delivery=h.default_delivery, delivery_fee=h.delivery_fee,
        free_delivery_threshold=h.free_delivery_threshold,
        member_free_delivery=h.member_free_delivery, confirm_timeout_s=h.confirm_timeout_s,
        duplicate_window_s=h.duplicate_window_s, pin_set=has_pin(h),
        pin_lock_minutes=h.pin_lock_minutes, pin_locked_until=h.pin_locked_until,
        reorder_price_rise_pct=h.reorder_price_rise_pct,
        reorder_grace_minutes=h.reorder_grace_minutes,
        reorder_out_of_stock=h.reorder_out_of_stock,
        cards=tuple(CardView(pm.label, pm.last4, pm.is_default)
                    for pm in sorted(h.payment_methods, key=lambda pm: pm.id)),
        places=tuple(PlaceView(a.kind, a.label) for a in sorted(h.addresses, key=lambda a: a.id)),
        members=tuple(MemberView(m.name, m.role) for m in sorted(h.members, key=lambda m: m.id)),
    )  # fmt: skip
