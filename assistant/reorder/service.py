"""Subscriptions and notifications as people handle them: create, list, pause, resume, skip,
cancel, and the notifications the runner left for the household.

The functions take the caller's :class:`Session` (the CLI owns its transaction; the dialog
goes through :class:`assistant.reorder.conversation.SubscriptionService`). Refusals raise
:class:`~assistant.errors.SubscriptionError`, :class:`~assistant.errors.NotFoundError` or
:class:`~assistant.errors.ScheduleError` with a Korean message before anything is written.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from assistant.errors import (
    ErrorCode,
    NotAllowedError,
    NotFoundError,
    SubscriptionError,
)
from assistant.reorder.recurrence import Recurrence, next_after, validate, zone
from assistant.reorder.views import NotificationView as NotificationView
from assistant.reorder.views import Skipped as Skipped
from assistant.reorder.views import SubscriptionView as SubscriptionView
from assistant.shop import controls
from assistant.shop.catalog import catalog_entry
from assistant.shop.matching import ProductMatcher
from assistant.shop.orders import check_quantity
from assistant.shop.pricing import member_pricing_applies, unit_price
from assistant.shop.service import product_view
from assistant.store.db import write_lock
from assistant.store.models import (
    Household,
    Member,
    Notification,
    Product,
    RunStatus,
    Subscription,
    SubscriptionRun,
    SubscriptionStatus,
)

LIVE = (SubscriptionStatus.ACTIVE, SubscriptionStatus.PAUSED)
"""Subscriptions that still exist for the household (not cancelled)."""


# -- lookups ---------------------------------------------------------------------------


def find_product(session: Session, text: str) -> Product:
    """The active product with SKU ``text``, else the one its name clearly means."""
    wanted = text.strip()
    by_sku = session.scalars(select(Product).where(Product.sku == wanted.upper())).first()
    if by_sku is not None:
        if not by_sku.active:
            raise SubscriptionError(ErrorCode.SUBSCRIPTION_SKU_NOT_SOLD, sku=by_sku.sku)
        return by_sku
    products = {p.id: p for p in session.scalars(select(Product).where(Product.active))}
    found = ProductMatcher(catalog_entry(p) for p in products.values()).match(wanted)
    if not found:
        raise NotFoundError(ErrorCode.SUBSCRIPTION_NO_MATCH, wanted=wanted)
    if len(found) > 1:
        names = ", ".join(f"{products[c.product_id].sku} {products[c.product_id].display_name}"
                          for c in found[:5])  # fmt: skip
        raise SubscriptionError(ErrorCode.SUBSCRIPTION_AMBIGUOUS, wanted=wanted, names=names)
    return products[found[0].product_id]


def get_subscription(session: Session, household_id: int, sub_id: int) -> Subscription:
    """The household's subscription ``sub_id``, locked for the rest of the transaction
    (SQLite: the write lock, taken before it is read)."""
    write_lock(session)
    sub = session.scalars(
        select(Subscription).where(Subscription.id == sub_id).with_for_update()
        .execution_options(populate_existing=True)
    ).first()  # fmt: skip
    if sub is None or sub.household_id != household_id:
        raise NotFoundError(ErrorCode.SUBSCRIPTION_NOT_FOUND, id=sub_id)
    return sub


def view(session: Session, sub: Subscription) -> SubscriptionView:
    last = session.scalars(
        select(SubscriptionRun).where(SubscriptionRun.subscription_id == sub.id)
        .order_by(SubscriptionRun.period_at.desc()).limit(1)
    ).first()  # fmt: skip
    return SubscriptionView(
        sub.id, product_view(sub.product), sub.quantity, Recurrence.from_json(sub.schedule),
        sub.timezone, sub.status, sub.next_run_at, sub.price_at_creation, sub.member.name,
        last.status if last else None, last.last_period if last else None,
    )  # fmt: skip


def list_subscriptions(
    session: Session, household_id: int, *, include_cancelled: bool = False
) -> list[SubscriptionView]:
    """The household's subscriptions, oldest first (cancelled ones only when asked)."""
    stmt = select(Subscription).where(Subscription.household_id == household_id)
    if not include_cancelled:
        stmt = stmt.where(Subscription.status.in_(LIVE))
    return [view(session, s) for s in session.scalars(stmt.order_by(Subscription.id))]


# -- changes ---------------------------------------------------------------------------


def _same_schedule(a: Recurrence, b: Recurrence) -> bool:
    return replace(a, anchor=b.anchor) == b


def require_adult(member: Member) -> None:
    """Only an adult makes or changes (on the web page) a household's subscriptions: they
    order with its money on every period."""
    if not controls.can_approve(member):
        raise NotAllowedError(ErrorCode.SUBSCRIPTION_ADULTS_ONLY)


def check_new(
    session: Session, member: Member, product: Product, quantity: int, rec: Recurrence
) -> int:
    """Every rule for a new subscription; returns the unit price it would be made at."""
    require_adult(member)
    if not product.active:
        raise SubscriptionError(ErrorCode.SUBSCRIPTION_NOT_SOLD, **_names(product))
    check_quantity(quantity)
    validate(rec)
    household = member.household
    zone(household.timezone)
    controls.require_payment(household)
    existing = session.scalars(
        select(Subscription).where(
            Subscription.household_id == household.id, Subscription.product_id == product.id,
            Subscription.status.in_(LIVE),
        )
    )  # fmt: skip
    for other in existing:
        if _same_schedule(Recurrence.from_json(other.schedule), rec):
            paused = other.status is SubscriptionStatus.PAUSED
            raise SubscriptionError(
                ErrorCode.SUBSCRIPTION_DUPLICATE, **_names(product), id=other.id, paused=paused
            )
    return unit_price(product, member_pricing_applies(household))


def create(
    session: Session, member: Member, product: Product, quantity: int, rec: Recurrence,
    now: datetime,
) -> Subscription:  # fmt: skip
    """A new active subscription whose first period is the first occurrence after ``now``.

    Checked and written under the household's lock: the same subscription asked for from
    two sessions at once is made once."""
    controls.lock_household(session, member.household_id)
    price = check_new(session, member, product, quantity, rec)
    household = member.household
    sub = Subscription(
        household_id=household.id, member_id=member.id, product_id=product.id,
        quantity=quantity, schedule=rec.to_json(), timezone=household.timezone,
        status=SubscriptionStatus.ACTIVE, price_at_creation=price,
        next_run_at=next_after(rec, zone(household.timezone), now), created_at=now,
        updated_at=now,
    )  # fmt: skip
    session.add(sub)
    session.flush()
    return sub


def _state_error(sub: Subscription, action: str) -> SubscriptionError:
    """``action`` (pause, resume, cancel, skip) is not possible in ``sub``'s state."""
    return SubscriptionError(
        ErrorCode.SUBSCRIPTION_STATE, id=sub.id, state=sub.status.value, action=action
    )


def _names(product: Product) -> dict[str, str]:
    """A product as an error's fields name it (Korean and English)."""
    return {"name": product.display_name, "name_en": product.name_en}


def _next_open(session: Session, sub: Subscription, after: datetime) -> datetime:
    """The first occurrence after ``after`` that has no run recorded yet (a period skipped
    before a pause stays skipped after the resume; a span of missed ones is passed over)."""
    rec, tz = Recurrence.from_json(sub.schedule), zone(sub.timezone)
    runs = session.scalars(select(SubscriptionRun).where(
        SubscriptionRun.subscription_id == sub.id,
        func.coalesce(SubscriptionRun.period_until, SubscriptionRun.period_at) > after,
    )).all()  # fmt: skip
    at = next_after(rec, tz, after)
    while run := next((r for r in runs if r.period_at <= at <= r.last_period), None):
        at = next_after(rec, tz, run.last_period)
    return at


def pause(session: Session, household_id: int, sub_id: int, now: datetime) -> Subscription:
    sub = get_subscription(session, household_id, sub_id)
    if sub.status is not SubscriptionStatus.ACTIVE:
        raise _state_error(sub, "pause")
    sub.status, sub.updated_at = SubscriptionStatus.PAUSED, now
    session.flush()
    return sub


def resume(session: Session, household_id: int, sub_id: int, now: datetime) -> Subscription:
    """Active again from the next occurrence after ``now`` (paused periods are not made up)."""
    sub = get_subscription(session, household_id, sub_id)
    if sub.status is not SubscriptionStatus.PAUSED:
        raise _state_error(sub, "resume")
    sub.next_run_at = _next_open(session, sub, now)
    sub.status, sub.updated_at = SubscriptionStatus.ACTIVE, now
    session.flush()
    return sub


def cancel(session: Session, household_id: int, sub_id: int, now: datetime) -> Subscription:
    sub = get_subscription(session, household_id, sub_id)
    if sub.status is SubscriptionStatus.CANCELLED:
        raise _state_error(sub, "cancel")
    sub.status, sub.next_run_at, sub.updated_at = SubscriptionStatus.CANCELLED, None, now
    session.flush()
    return sub


def skip_next(
    session: Session, household_id: int, sub_id: int, now: datetime, *, worker: str,
    reason: str = "건너뛰기 요청",
) -> tuple[Subscription, datetime]:  # fmt: skip
    """Record the next period as skipped and move on to the one after it.

    The run row and the new ``next_run_at`` are written in the caller's transaction; the
    unique (subscription, period) key makes a second record of the same period impossible
    (the runner's, or another skip's), and then nothing changes.
    """
    sub = get_subscription(session, household_id, sub_id)
    if sub.status is not SubscriptionStatus.ACTIVE or sub.next_run_at is None:
        raise _state_error(sub, "skip")
    period = sub.next_run_at
    taken = session.scalars(
        select(SubscriptionRun.id).where(SubscriptionRun.subscription_id == sub.id,
                                         SubscriptionRun.period_at == period)
    ).first()  # fmt: skip
    if taken is not None:
        raise SubscriptionError(ErrorCode.SUBSCRIPTION_PERIOD_TAKEN, id=sub.id)
    try:
        with session.begin_nested():
            session.add(SubscriptionRun(
                subscription_id=sub.id, household_id=household_id, period_at=period,
                status=RunStatus.SKIPPED, reason=reason, worker=worker, recorded_at=now,
            ))  # fmt: skip
    except IntegrityError as exc:  # the runner recorded it a moment ago
        raise SubscriptionError(ErrorCode.SUBSCRIPTION_PERIOD_TAKEN, id=sub.id) from exc
    sub.next_run_at = _next_open(session, sub, period)
    sub.updated_at = now
    session.flush()
    return sub, period


# -- notifications ------------------------------------------------------------------------


def notifications(
    session: Session, household: Household, *, unread_only: bool = True, limit: int | None = None
) -> list[NotificationView]:
    """The household's notifications, oldest first."""
    stmt = select(Notification).where(Notification.household_id == household.id)
    if unread_only:
        stmt = stmt.where(Notification.told_at.is_(None))
    stmt = stmt.order_by(Notification.created_at, Notification.id)
    if limit is not None:
        stmt = stmt.limit(limit)
    return [
        NotificationView(n.id, n.kind, dict(n.data or {}), household.timezone, n.created_at,
                         n.told_at, n.subscription_id)
        for n in session.scalars(stmt)
    ]  # fmt: skip


def mark_told(session: Session, household_id: int, ids: Sequence[int], now: datetime) -> int:
    """Mark these notifications told (only the household's unread ones); returns how many."""
    count = 0
    for n in session.scalars(
        select(Notification).where(Notification.id.in_(ids),
                                   Notification.household_id == household_id,
                                   Notification.told_at.is_(None))
    ):  # fmt: skip
        n.told_at = now
        count += 1
    session.flush()
    return count
