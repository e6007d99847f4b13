"""SQLAlchemy 2 typed models for households, catalog, carts, orders and subscriptions.

Money is always an integer number of KRW. Times are stored as naive UTC and
returned as aware UTC datetimes (:class:`UTCDateTime`), so SQLite and
PostgreSQL behave the same.
"""

from __future__ import annotations

import enum
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    DateTime,
    Dialect,
    Enum,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
    text,
    true,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from assistant.store import kinds

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


# the stored kinds live in assistant.store.kinds (no SQLAlchemy there): the same classes
Role = kinds.Role
DeliveryKind = kinds.DeliveryKind
OrderStatus = kinds.OrderStatus
Channel = kinds.Channel
SubscriptionStatus = kinds.SubscriptionStatus
RunStatus = kinds.RunStatus
OutOfStockPolicy = kinds.OutOfStockPolicy
utcnow = kinds.utcnow


class UTCDateTime(TypeDecorator[datetime]):
    """Aware UTC datetimes, stored as naive UTC on every backend."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


def _enum(cls: type[enum.Enum], name: str) -> Enum:
    return Enum(
        cls,
        name=name,
        native_enum=False,
        create_constraint=True,
        length=16,
        values_callable=lambda members: [m.value for m in members],
    )


class Household(Base):
    __tablename__ = "households"
    __table_args__ = (
        CheckConstraint(
            "delivery_fee >= 0 AND free_delivery_threshold >= 0", name="delivery_money"
        ),
        CheckConstraint(
            "confirm_timeout_s > 0 AND duplicate_window_s >= 0 AND pin_lock_minutes > 0",
            name="control_times",
        ),
        CheckConstraint(
            "reorder_grace_minutes >= 0 AND reorder_price_rise_pct >= 0", name="reorder_guards"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    timezone: Mapped[str] = mapped_column(String(64), default="Asia/Seoul")
    membership_active: Mapped[bool] = mapped_column(Boolean, default=False)
    membership_since: Mapped[datetime | None] = mapped_column(UTCDateTime)
    default_delivery: Mapped[DeliveryKind] = mapped_column(
        _enum(DeliveryKind, "delivery_kind"), default=DeliveryKind.HOME
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # purchase rules, per household (assistant/shop/accounts.py); money in integer KRW
    delivery_fee: Mapped[int] = mapped_column(Integer, default=3000, server_default="3000")
    """Home delivery fee when neither membership nor the threshold makes it free."""
    free_delivery_threshold: Mapped[int] = mapped_column(
        Integer, default=40000, server_default="40000"
    )
    """Order subtotal from which home delivery is free for everyone."""
    member_free_delivery: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())
    """Members never pay the home delivery fee."""
    confirm_timeout_s: Mapped[int] = mapped_column(Integer, default=90, server_default="90")
    """A purchase question older than this is no longer answered by "yes"."""
    duplicate_window_s: Mapped[int] = mapped_column(Integer, default=120, server_default="120")
    """The same order from a conversation within this window is placed once."""
    pin_hash: Mapped[str | None] = mapped_column(String(128))
    """scrypt hash of the voice PIN (hex); None: no PIN asked."""
    pin_salt: Mapped[str | None] = mapped_column(String(64))
    """Random salt of the PIN hash (hex)."""
    pin_lock_minutes: Mapped[int] = mapped_column(Integer, default=15, server_default="15")
    """How long spoken purchases stay locked after three wrong PINs."""
    failed_pin_attempts: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    """Wrong PINs in a row since the last right one or lock."""
    pin_locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    """Spoken purchases are refused until then."""
    # recurring orders (assistant/reorder/)
    reorder_grace_minutes: Mapped[int] = mapped_column(Integer, default=720, server_default="720")
    """After downtime, one catch-up order is placed only if the latest missed time is
    at most this old; otherwise the period is recorded as missed and the household told."""
    reorder_price_rise_pct: Mapped[int] = mapped_column(Integer, default=20, server_default="20")
    """A run is held (and the household told) when the unit price rose by more than this
    percentage since the subscription was made."""
    reorder_out_of_stock: Mapped[OutOfStockPolicy] = mapped_column(
        _enum(OutOfStockPolicy, "out_of_stock_policy"),
        default=OutOfStockPolicy.SKIP,
        server_default="skip",
    )
    """Skip the run, or order the closest product in stock instead."""

    members: Mapped[list[Member]] = relationship(back_populates="household")
    payment_methods: Mapped[list[PaymentMethod]] = relationship(back_populates="household")
    addresses: Mapped[list[Address]] = relationship(back_populates="household")


class Member(Base):
    __tablename__ = "members"
    __table_args__ = (
        UniqueConstraint("household_id", "name", name="uq_members_household_name"),
        CheckConstraint(
            "(per_order_limit IS NULL OR per_order_limit > 0) "
            "AND (per_day_limit IS NULL OR per_day_limit > 0)",
            name="limits_positive",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    household_id: Mapped[int] = mapped_column(ForeignKey("households.id"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    role: Mapped[Role] = mapped_column(_enum(Role, "member_role"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    per_order_limit: Mapped[int | None] = mapped_column(Integer)
    """Most one order of this member may cost (KRW, with delivery); None: no limit."""
    per_day_limit: Mapped[int | None] = mapped_column(Integer)
    """Most this member's orders may cost per household-local day; None: no limit."""
    # signing in to the household's web page (assistant/shop/signin.py)
    password_hash: Mapped[str | None] = mapped_column(String(128))
    """scrypt hash of the member's web password (hex); None: the member cannot sign in."""
    password_salt: Mapped[str | None] = mapped_column(String(64))
    """Random salt of the password hash (hex)."""
    password_set_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    """When the password was last set (a web session older than this is stale)."""
    failed_sign_ins: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    """Wrong passwords since the last right one or lock."""
    sign_in_locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    """Signing in as this member is refused until then."""

    household: Mapped[Household] = relationship(back_populates="members")


class PaymentMethod(Base):
    """A registered card: a processor token and the last four digits, never the number."""

    __tablename__ = "payment_methods"
    __table_args__ = (CheckConstraint("length(last4) = 4", name="last4_len"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    household_id: Mapped[int] = mapped_column(ForeignKey("households.id"), index=True)
    token: Mapped[str] = mapped_column(String(128), unique=True)
    last4: Mapped[str] = mapped_column(String(4))
    label: Mapped[str] = mapped_column(String(50), default="card")
    is_default: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)

    household: Mapped[Household] = relationship(back_populates="payment_methods")


class Address(Base):
    """A home address, a parcel locker or a pickup store of a household."""

    __tablename__ = "addresses"

    id: Mapped[int] = mapped_column(primary_key=True)
    household_id: Mapped[int] = mapped_column(ForeignKey("households.id"), index=True)
    kind: Mapped[DeliveryKind] = mapped_column(_enum(DeliveryKind, "address_kind"))
    label: Mapped[str] = mapped_column(String(100))
    detail: Mapped[str] = mapped_column(String(300))
    is_default: Mapped[bool] = mapped_column(Boolean, default=False)

    household: Mapped[Household] = relationship(back_populates="addresses")


class Product(Base):
    __tablename__ = "products"
    __table_args__ = (
        CheckConstraint("price > 0", name="price_positive"),
        CheckConstraint("member_price > 0 AND member_price <= price", name="member_price_range"),
        CheckConstraint("stock >= 0", name="stock_nonnegative"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    sku: Mapped[str] = mapped_column(String(32), unique=True)
    category: Mapped[str] = mapped_column(String(50), index=True)
    name_ko: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200))
    brand: Mapped[str] = mapped_column(String(100))
    size: Mapped[str] = mapped_column(String(50))
    unit: Mapped[str] = mapped_column(String(16))
    aliases: Mapped[str] = mapped_column(Text, default="")
    price: Mapped[int] = mapped_column(Integer)
    member_price: Mapped[int] = mapped_column(Integer)
    rating_tenths: Mapped[int] = mapped_column(Integer, default=0)
    rating_count: Mapped[int] = mapped_column(Integer, default=0)
    stock: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    @property
    def display_name(self) -> str:
        return f"{self.name_ko} {self.size}"

    @property
    def alias_list(self) -> list[str]:
        return [a for a in self.aliases.split("|") if a]


class Cart(Base):
    __tablename__ = "carts"

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"), unique=True)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)

    lines: Mapped[list[CartLine]] = relationship(
        back_populates="cart", cascade="all, delete-orphan", order_by="CartLine.id"
    )


class CartLine(Base):
    __tablename__ = "cart_lines"
    __table_args__ = (
        UniqueConstraint("cart_id", "product_id", name="uq_cart_lines_cart_product"),
        CheckConstraint("quantity > 0", name="quantity_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    cart_id: Mapped[int] = mapped_column(ForeignKey("carts.id"), index=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"))
    quantity: Mapped[int] = mapped_column(Integer)

    cart: Mapped[Cart] = relationship(back_populates="lines")
    product: Mapped[Product] = relationship()


class Order(Base):
    __tablename__ = "orders"
    __table_args__ = (CheckConstraint("total >= 0", name="total_nonnegative"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    household_id: Mapped[int] = mapped_column(ForeignKey("households.id"), index=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"), index=True)
    status: Mapped[OrderStatus] = mapped_column(_enum(OrderStatus, "order_status"))
    channel: Mapped[Channel] = mapped_column(_enum(Channel, "order_channel"))
    idempotency_key: Mapped[str] = mapped_column(String(128), unique=True)
    delivery: Mapped[DeliveryKind] = mapped_column(_enum(DeliveryKind, "order_delivery"))
    address_id: Mapped[int | None] = mapped_column(ForeignKey("addresses.id"))
    payment_method_id: Mapped[int | None] = mapped_column(ForeignKey("payment_methods.id"))
    payment_last4: Mapped[str | None] = mapped_column(String(4))
    subtotal: Mapped[int] = mapped_column(Integer)
    member_savings: Mapped[int] = mapped_column(Integer, default=0)
    delivery_fee: Mapped[int] = mapped_column(Integer, default=0)
    total: Mapped[int] = mapped_column(Integer)
    placed_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("members.id"))
    """The adult who approved or rejected a child's order."""
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    """When it was approved or rejected."""

    lines: Mapped[list[OrderLine]] = relationship(
        back_populates="order", cascade="all, delete-orphan", order_by="OrderLine.id"
    )
    member: Mapped[Member] = relationship(foreign_keys=[member_id])
    decided_by: Mapped[Member | None] = relationship(foreign_keys=[decided_by_id])


class OrderLine(Base):
    """One product in an order, with the names and prices as they were when placed."""

    __tablename__ = "order_lines"
    __table_args__ = (CheckConstraint("quantity > 0", name="quantity_positive"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"), index=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"))
    sku: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(String(260))
    unit: Mapped[str] = mapped_column(String(16))
    quantity: Mapped[int] = mapped_column(Integer)
    regular_unit_price: Mapped[int] = mapped_column(Integer)
    unit_price: Mapped[int] = mapped_column(Integer)
    line_total: Mapped[int] = mapped_column(Integer)

    order: Mapped[Order] = relationship(back_populates="lines")
    product: Mapped[Product] = relationship(viewonly=True)
    """The product now (its English name for English replies; the names above are as sold)."""


class Subscription(Base):
    """A recurring order; ``schedule`` is a :class:`assistant.reorder.recurrence.Recurrence`
    as JSON (freq, interval, weekdays, day, hour, minute, anchor)."""

    __tablename__ = "subscriptions"
    __table_args__ = (
        CheckConstraint("quantity > 0", name="quantity_positive"),
        Index("ix_subscriptions_due", "status", "next_run_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    household_id: Mapped[int] = mapped_column(ForeignKey("households.id"), index=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"))
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"))
    quantity: Mapped[int] = mapped_column(Integer)
    schedule: Mapped[dict[str, Any]] = mapped_column(JSON)
    timezone: Mapped[str] = mapped_column(String(64), default="Asia/Seoul")
    status: Mapped[SubscriptionStatus] = mapped_column(
        _enum(SubscriptionStatus, "subscription_status"), default=SubscriptionStatus.ACTIVE
    )
    price_at_creation: Mapped[int] = mapped_column(Integer)
    """The unit price the household agreed to (the price-rise guard compares with it)."""
    next_run_at: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)
    """The earliest period not yet run (UTC); None once cancelled."""
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    member: Mapped[Member] = relationship()
    product: Mapped[Product] = relationship()


class SubscriptionRun(Base):
    """One scheduled period of a subscription and what became of it; at most one per period.

    The periods missed while the box was off are one row (a span: ``period_at`` to
    ``period_until``, ``periods`` of them), not one row each: two years off make one row per
    subscription, not 730."""

    __tablename__ = "subscription_runs"
    __table_args__ = (
        UniqueConstraint("subscription_id", "period_at", name="uq_subscription_runs_period"),
        CheckConstraint(
            "(periods = 1 AND period_until IS NULL) OR "
            "(periods > 1 AND period_until > period_at AND status = 'missed')",
            name="span",
        ),
        Index(
            "ix_subscription_runs_span",
            "subscription_id",
            "period_until",
            sqlite_where=text("period_until IS NOT NULL"),
            postgresql_where=text("period_until IS NOT NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    subscription_id: Mapped[int] = mapped_column(ForeignKey("subscriptions.id"))
    household_id: Mapped[int] = mapped_column(ForeignKey("households.id"), index=True)
    period_at: Mapped[datetime] = mapped_column(UTCDateTime)
    """The scheduled time of the period (UTC): with the subscription, the period key. For a
    span of missed periods, the first of them."""
    period_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    """A span of missed periods: the last of them (UTC). None: the row is one period."""
    periods: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    """How many periods the row stands for (more than one only for a span of missed ones)."""
    status: Mapped[RunStatus] = mapped_column(_enum(RunStatus, "run_status"))
    order_id: Mapped[int | None] = mapped_column(ForeignKey("orders.id"))
    """The order placed for this period (status placed)."""
    reason: Mapped[str | None] = mapped_column(String(400))
    """Why it was not placed, or what was substituted."""
    worker: Mapped[str | None] = mapped_column(String(64))
    """Which daemon (host:pid) recorded it, or ``cli`` / ``voice`` for a skip."""
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime)

    @property
    def last_period(self) -> datetime:
        """The last period the row stands for (``period_at`` unless it is a span)."""
        return self.period_until or self.period_at


class Notification(Base):
    """Something the household should hear at the start of the next conversation."""

    __tablename__ = "notifications"

    id: Mapped[int] = mapped_column(primary_key=True)
    household_id: Mapped[int] = mapped_column(ForeignKey("households.id"), index=True)
    subscription_id: Mapped[int | None] = mapped_column(ForeignKey("subscriptions.id"))
    kind: Mapped[str] = mapped_column(String(32))
    """placed, held, out_of_stock, substituted, missed, failed."""
    data: Mapped[dict[str, Any]] = mapped_column(JSON)
    """What the sentence needs (product name, prices, dates ...), rendered per language."""
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    told_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    """When it was told in a conversation; None: not yet."""
