"""A household's purchase history out of the orders table, and the insights report.

The learning itself is pure (:mod:`assistant.shop.insights`, :mod:`assistant.shop.basket`);
this module only turns order lines into :class:`~assistant.shop.insights.Purchase` values
(day = the household's local date as an ordinal; cancelled orders do not count) and puts
the results into plain dataclasses for ``jangbogi insights``. Callers own the session.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import select
from sqlalchemy.orm import Session

from assistant.errors import ConfigError, ErrorCode
from assistant.shop.insights import (
    DEFAULT_POLICY,
    DEFAULT_SETTINGS,
    InsightSettings,
    Purchase,
    SubscribePolicy,
    is_due,
    learn,
    steady,
    usual,
)
from assistant.store.models import (
    Household,
    Order,
    OrderLine,
    OrderStatus,
    Product,
    Subscription,
    SubscriptionStatus,
)


@dataclass(frozen=True)
class PurchaseHistory:
    """A household's purchases as the pure insight functions take them."""

    purchases: tuple[Purchase, ...]
    """Every product line of its orders that were not cancelled, oldest first."""
    today: int
    """Today's day index in the household's time zone."""
    subscribed: frozenset[int]
    """Products it already has an active or paused subscription for."""


def zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ConfigError(ErrorCode.UNKNOWN_TIME_ZONE, zone=name) from exc


def day_index(moment: datetime, timezone: str) -> int:
    """The local calendar day of an aware ``moment`` in ``timezone``, as a day number."""
    return moment.astimezone(zone(timezone)).date().toordinal()


def day_date(day: int) -> date:
    return date.fromordinal(day)


def purchases(session: Session, household: Household) -> list[Purchase]:
    """Every product line of the household's orders that were not cancelled, oldest first."""
    rows = session.execute(
        select(OrderLine.product_id, OrderLine.quantity, Order.placed_at)
        .join(Order, OrderLine.order_id == Order.id)
        .where(Order.household_id == household.id, Order.status != OrderStatus.CANCELLED)
        .order_by(Order.placed_at, Order.id, OrderLine.id)
    )
    return [
        Purchase(product_id, day_index(placed_at, household.timezone), quantity)
        for product_id, quantity, placed_at in rows
    ]


def subscribed_products(session: Session, household_id: int) -> set[int]:
    """Products the household already has an active or paused subscription for."""
    return set(
        session.scalars(
            select(Subscription.product_id).where(
                Subscription.household_id == household_id,
                Subscription.status != SubscriptionStatus.CANCELLED,
            )
        )
    )


def common_noun(product: Product) -> str:
    """What people call the product in general: its first alias (우유, 계란), else its name."""
    aliases = product.alias_list
    return aliases[0] if aliases else product.name_ko


def english_noun(product: Product) -> str:
    """The first English alias (milk, eggs), else the English name."""
    return next((a for a in product.alias_list if a.isascii()), product.name_en)


@dataclass(frozen=True)
class ProductInsight:
    """One product in ``jangbogi insights``."""

    sku: str
    name: str
    count: int
    """Days on which it was bought."""
    interval_days: float | None
    """Typical days between purchases."""
    spread: float | None
    """Relative spread of the recent intervals."""
    quantity: int
    """Usual quantity."""
    last: date
    """Latest purchase (household's local date)."""
    next_due: date | None
    """Predicted next purchase."""
    confidence: float
    due_now: bool
    """Probably running out today."""
    steady: bool
    """Regular enough to suggest a subscription."""
    subscribed: bool

    def to_json(self) -> dict[str, object]:
        return {
            "sku": self.sku, "name": self.name, "count": self.count,
            "interval_days": self.interval_days, "spread": self.spread,
            "quantity": self.quantity, "last": self.last.isoformat(),
            "next_due": self.next_due.isoformat() if self.next_due else None,
            "confidence": self.confidence, "due_now": self.due_now, "steady": self.steady,
            "subscribed": self.subscribed,
        }  # fmt: skip


@dataclass(frozen=True)
class HouseholdInsights:
    """What ``jangbogi insights`` shows for one household."""

    household: str
    today: date
    orders: int
    """Orders that count (not cancelled)."""
    products: tuple[ProductInsight, ...]
    """Most bought first."""
    usuals: tuple[tuple[str, str, str], ...]
    """(common noun, SKU, name) of the usual product per noun."""

    def to_json(self) -> dict[str, object]:
        return {
            "household": self.household,
            "today": self.today.isoformat(),
            "orders": self.orders,
            "products": [p.to_json() for p in self.products],
            "usual": {noun: {"sku": sku, "name": name} for noun, sku, name in self.usuals},
        }


def household_insights(
    session: Session,
    household: Household,
    today: int,
    settings: InsightSettings = DEFAULT_SETTINGS,
    policy: SubscribePolicy = DEFAULT_POLICY,
) -> HouseholdInsights:
    """The rhythm of every product the household bought, and its usual product per noun."""
    bought = purchases(session, household)
    rhythms = learn(bought, settings)
    products = {p.id: p for p in session.scalars(select(Product))}
    subscribed = subscribed_products(session, household.id)
    rows = []
    for r in sorted(rhythms.values(), key=lambda r: (-r.count, -r.last_day, r.product)):
        p = products[r.product]
        nxt = r.next_day
        rows.append(ProductInsight(
            p.sku, p.display_name, r.count,
            round(r.interval, 1) if r.interval is not None else None,
            round(r.spread, 2) if r.spread is not None else None,
            r.quantity, day_date(r.last_day),
            day_date(round(nxt)) if nxt is not None else None,
            r.confidence, is_due(r, today, settings), steady(r, policy), r.product in subscribed,
        ))  # fmt: skip
    usuals: dict[str, tuple[str, str, str]] = {}
    for r in rhythms.values():
        noun = common_noun(products[r.product])
        if noun in usuals:
            continue
        same = [p.id for p in products.values() if noun in p.alias_list or p.id == r.product]
        best = usual(same, bought, settings)
        if best is not None:
            usuals[noun] = (noun, products[best].sku, products[best].display_name)
    orders = session.scalars(
        select(Order.id).where(
            Order.household_id == household.id, Order.status != OrderStatus.CANCELLED
        )
    ).all()
    return HouseholdInsights(
        household.name, day_date(today), len(orders), tuple(rows),
        tuple(sorted(usuals.values())),
    )  # fmt: skip
