"""Subscriptions and notifications for the light commands (``subscriptions list``,
``notifications``): the same views :mod:`assistant.reorder.service` gives, built from plain
SQL rows of a :class:`~assistant.store.lite.Reader`, without SQLAlchemy."""

from __future__ import annotations

from assistant.reorder.recurrence import Recurrence
from assistant.reorder.views import NotificationView, SubscriptionView
from assistant.shop.views import ProductView
from assistant.store.kinds import RunStatus, SubscriptionStatus
from assistant.store.lite import Reader, json_value, utc, utc_or_none

_SUBSCRIPTIONS = """
SELECT s.id, s.quantity, s.schedule, s.timezone, s.status, s.next_run_at,
       s.price_at_creation, m.name,
       p.id, p.sku, p.name_ko, p.size, p.name_en, p.brand, p.unit, p.price, p.member_price,
       p.rating_tenths, p.rating_count, p.stock
FROM subscriptions s
JOIN members m ON m.id = s.member_id
JOIN products p ON p.id = s.product_id
WHERE s.household_id = ?
"""
_LAST_RUNS = """
SELECT r.subscription_id, r.status, r.period_at, r.period_until
FROM subscription_runs r
WHERE r.household_id = ? ORDER BY r.subscription_id, r.period_at
"""


def list_subscriptions(
    r: Reader, household_id: int, *, include_cancelled: bool = False
) -> list[SubscriptionView]:
    """The household's subscriptions, oldest first, cancelled ones only when asked (as
    ``service.list_subscriptions``)."""
    sql = _SUBSCRIPTIONS
    params: list[object] = [household_id]
    if not include_cancelled:
        sql += " AND s.status IN (?, ?)"
        params += [SubscriptionStatus.ACTIVE.value, SubscriptionStatus.PAUSED.value]
    last: dict[int, tuple[RunStatus, object]] = {}
    for sub_id, status, period_at, period_until in r.rows(_LAST_RUNS, household_id):
        last[int(sub_id)] = (RunStatus(status), period_until or period_at)  # latest wins
    views = []
    for row in r.rows(sql + " ORDER BY s.id", *params):
        (sid, quantity, schedule, tz, status, next_run, price_at, member,
         pid, sku, name_ko, size, name_en, brand, unit, price, member_price,
         tenths, count, stock) = row  # fmt: skip
        product = ProductView(
            int(pid), str(sku), f"{name_ko} {size}", str(name_en), str(brand), str(unit),
            int(price), int(member_price), int(tenths), int(count), int(stock), str(size),
        )  # fmt: skip
        run = last.get(int(sid))
        views.append(SubscriptionView(
            int(sid), product, int(quantity), Recurrence.from_json(json_value(schedule)),
            str(tz), SubscriptionStatus(status), utc_or_none(next_run), int(price_at),
            str(member), run[0] if run else None, utc(run[1]) if run else None,
        ))  # fmt: skip
    return views


def notifications(
    r: Reader, household_id: int, timezone: str, *, unread_only: bool = True
) -> list[NotificationView]:
    """The household's notifications, oldest first (as ``service.notifications``)."""
    sql = (
        "SELECT id, kind, data, created_at, told_at, subscription_id FROM notifications "
        "WHERE household_id = ?"
    )
    if unread_only:
        sql += " AND told_at IS NULL"
    return [
        NotificationView(int(nid), str(kind), dict(json_value(data) or {}), timezone,
                         utc(created), utc_or_none(told), sub_id)
        for nid, kind, data, created, told, sub_id in r.rows(sql + " ORDER BY created_at, id",
                                                             household_id)
    ]  # fmt: skip
