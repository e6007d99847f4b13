"""What the shop shows of its orders, receipts and products: plain values, built from the
models (:mod:`assistant.shop.orders`, :mod:`assistant.shop.receipt`) or from rows read
without SQLAlchemy (:mod:`assistant.shop.reads`, for the light commands)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, tzinfo

from assistant.shop.pricing import ProductLine
from assistant.store.kinds import Channel, DeliveryKind, OrderStatus, OutOfStockPolicy, Role


def _iso(when: datetime | None, zone: tzinfo | None) -> str | None:
    """``when`` as ISO 8601 with its offset, in ``zone`` when given."""
    if when is None:
        return None
    return (when.astimezone(zone) if zone is not None else when).isoformat()


@dataclass(frozen=True)
class ProductView:
    """A product as offered to the user."""

    id: int
    """Database id."""
    sku: str
    """SKU."""
    name: str
    """Korean name with size."""
    name_en: str
    """English name."""
    brand: str
    """Brand."""
    unit: str
    """Counting word."""
    price: int
    """Regular price."""
    member_price: int
    """Member price."""
    rating_tenths: int
    """Star rating times ten."""
    rating_count: int
    """Number of ratings."""
    stock: int
    """Items in stock."""
    size: str = ""
    """Pack size as the catalog writes it (1L, 30구, 12개입)."""


@dataclass(frozen=True)
class LineView(ProductLine):
    """One line of a placed order (``product_id``: for ordering it again)."""

    unit_price: int
    """Price charged per item."""
    line_total: int
    """Quantity times unit price."""

    def to_json(self) -> dict[str, object]:
        """The line as ``orders list --json`` prints it (names as sold: no ``name_en``)."""
        return {k: v for k, v in vars(self).items() if k != "name_en"}


@dataclass(frozen=True)
class OrderView:
    """A placed order as the dialog and the CLI show it."""

    id: int
    """Order number."""
    status: OrderStatus
    """placed, cancelled, shipped or delivered."""
    channel: Channel
    """voice, text or auto."""
    member: str
    """Who ordered."""
    delivery: DeliveryKind
    """home, locker or store."""
    placed_at: datetime
    """When it was placed (UTC)."""
    lines: tuple[LineView, ...]
    """What was ordered."""
    subtotal: int
    """Sum of the lines."""
    member_savings: int
    """Saved by member prices."""
    delivery_fee: int
    """Delivery fee."""
    total: int
    """Charged."""
    payment_last4: str | None
    """Last four digits of the card, if any."""
    decided_by: str | None = None
    """The adult who approved or rejected a child's order."""
    decided_at: datetime | None = None
    """When that happened (UTC)."""

    def to_json(self, zone: tzinfo | None = None) -> dict[str, object]:
        """The order as ``orders list --json`` prints it; its times in ``zone`` when given
        (the household's: ISO 8601 with that offset)."""
        return {
            "id": self.id,
            "status": self.status.value,
            "channel": self.channel.value,
            "member": self.member,
            "delivery": self.delivery.value,
            "placed_at": _iso(self.placed_at, zone),
            "lines": [line.to_json() for line in self.lines],
            "subtotal": self.subtotal,
            "member_savings": self.member_savings,
            "delivery_fee": self.delivery_fee,
            "total": self.total,
            "payment_last4": self.payment_last4,
            "decided_by": self.decided_by,
            "decided_at": _iso(self.decided_at, zone),
        }


@dataclass(frozen=True)
class ReceiptLine(LineView):
    """One product on the receipt: the order's line and its regular price."""

    regular_unit_price: int
    """Regular price of one item (KRW); ``unit_price`` is the member price when it applied."""

    @property
    def regular_total(self) -> int:
        return self.regular_unit_price * self.quantity

    @property
    def saving(self) -> int:
        return self.regular_total - self.line_total


@dataclass(frozen=True)
class Receipt:
    """What an order cost and where it goes."""

    order_id: int
    """Order number."""
    status: OrderStatus
    """Current status."""
    channel: Channel
    """voice, text or auto."""
    member: str
    """Who ordered."""
    placed_at: datetime
    """When (aware UTC)."""
    local_time: datetime
    """The same moment in the household's time zone."""
    lines: tuple[ReceiptLine, ...]
    """What was bought."""
    member_savings: int
    """Saved by member prices."""
    subtotal: int
    """Sum of the lines as charged."""
    delivery: DeliveryKind
    """home, locker or store."""
    delivery_place: str | None
    """The address, locker or store label."""
    delivery_fee: int
    """Delivery fee."""
    total: int
    """Charged in total."""
    payment_label: str | None
    """The card's label (VISA ...)."""
    payment_last4: str | None
    """Last four digits of the card; the number itself is never stored."""
    decided_by: str | None = None
    """The adult who approved or rejected a child's order."""

    @property
    def regular_subtotal(self) -> int:
        return sum(line.regular_total for line in self.lines)

    def to_json(self) -> dict[str, object]:
        lines = [
            {"name": ln.name, "quantity": ln.quantity, "unit": ln.unit,
             "regular_unit_price": ln.regular_unit_price, "unit_price": ln.unit_price,
             "line_total": ln.line_total, "regular_total": ln.regular_total, "saving": ln.saving}
            for ln in self.lines
        ]  # fmt: skip
        return {
            "order_id": self.order_id,
            "status": self.status.value,
            "channel": self.channel.value,
            "member": self.member,
            "placed_at": _iso(self.placed_at, self.local_time.tzinfo),
            "local_time": self.local_time.isoformat(),
            "lines": lines,
            "regular_subtotal": self.regular_subtotal,
            "member_savings": self.member_savings,
            "subtotal": self.subtotal,
            "delivery": self.delivery.value,
            "delivery_place": self.delivery_place,
            "delivery_fee": self.delivery_fee,
            "total": self.total,
            "payment": {"label": self.payment_label, "last4": self.payment_last4},
            "decided_by": self.decided_by,
        }


@dataclass(frozen=True)
class CardView:
    """A registered card as the account shows it."""

    label: str
    """The card's label (VISA ...)."""
    last4: str
    """Its last four digits."""
    is_default: bool
    """The card orders are paid with."""


@dataclass(frozen=True)
class PlaceView:
    """A home address, parcel locker or pickup store as the account shows it."""

    kind: DeliveryKind
    """home, locker or store."""
    label: str
    """Its name."""


@dataclass(frozen=True)
class MemberView:
    """A member as the account shows it."""

    name: str
    """The member's name."""
    role: Role
    """owner, adult or child."""


@dataclass(frozen=True)
class HouseholdView:
    """A household's account and purchase rules, as ``household show`` prints them."""

    name: str
    """Household name."""
    timezone: str
    """Its time zone (IANA name): the zone its times are shown in."""
    membership_active: bool
    """A member household."""
    default_delivery: DeliveryKind
    """Where orders go unless told otherwise."""
    delivery_fee: int
    """Home delivery fee (KRW)."""
    free_delivery_threshold: int
    """Subtotal from which home delivery is free."""
    member_free_delivery: bool
    """Members never pay for home delivery."""
    confirm_timeout_s: int
    """A purchase question older than this is no longer answered by "yes"."""
    duplicate_window_s: int
    """The same order within this window is placed once."""
    pin_set: bool
    """A voice PIN is asked before spoken purchases."""
    pin_lock_minutes: int
    """How long spoken purchases stay locked after wrong PINs."""
    pin_locked_until: datetime | None
    """Spoken purchases are refused until then (aware UTC)."""
    reorder_price_rise_pct: int
    """A recurring order is held when the price rose more than this."""
    reorder_grace_minutes: int
    """After downtime, a missed recurring order is caught up this late."""
    reorder_out_of_stock: OutOfStockPolicy
    """skip or substitute."""
    cards: tuple[CardView, ...] = ()
    """Registered cards, in the order they were registered."""
    places: tuple[PlaceView, ...] = ()
    """Addresses, lockers and stores, in the order they were added."""
    members: tuple[MemberView, ...] = ()
    """The members, in the order they joined."""
