"""Prices, member pricing and delivery fees. Integer KRW only."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from assistant.store.kinds import DeliveryKind

if TYPE_CHECKING:
    from assistant.store.models import Household, Product

MAX_QUANTITY = 99
"""Most items of one product in one order line."""
DELIVERY_FEE = 3000
"""Default home delivery fee of a new household (each household has its own setting)."""
FREE_DELIVERY_THRESHOLD = 40000
"""Default subtotal (after member prices) from which home delivery is free."""


@dataclass(frozen=True)
class ProductLine:
    """A product and how many, in a quote, an order or a receipt, by both its names."""

    product_id: int
    """Database id."""
    sku: str
    """SKU."""
    name: str
    """Display name with size, e.g. ``서울우유 흰우유 1L`` (in an order: as it was sold)."""
    name_en: str
    """English name, e.g. ``Seoul Milk Fresh Milk`` (the catalog's now; it names sizes apart
    where it matters, e.g. ``... Family Size``, so English replies say no size)."""
    unit: str
    """Counting word."""
    quantity: int
    """Items."""


@dataclass(frozen=True)
class QuoteLine(ProductLine):
    """One priced line of an order-to-be."""

    regular_unit_price: int
    """Regular price of one item."""
    unit_price: int
    """Price charged for one item."""

    @property
    def line_total(self) -> int:
        return self.unit_price * self.quantity

    @property
    def regular_total(self) -> int:
        return self.regular_unit_price * self.quantity


@dataclass(frozen=True)
class Quote:
    """What an order would cost now."""

    lines: tuple[QuoteLine, ...]
    """Priced lines."""
    member_pricing: bool
    """Whether member prices were applied."""
    delivery: DeliveryKind
    """Where it goes."""
    delivery_fee: int
    """Fee in KRW."""
    membership_active: bool = False
    """The household is a member (member prices also need a registered card)."""
    member_total: int | None = None
    """What the total would be with member prices and member delivery, when those are not
    applied now (a non-member, or a member without a card); None when they are applied."""

    @property
    def potential_savings(self) -> int:
        """How much less the order would cost with membership and a registered card."""
        return 0 if self.member_total is None else max(self.total - self.member_total, 0)

    @property
    def subtotal(self) -> int:
        return sum(line.line_total for line in self.lines)

    @property
    def regular_subtotal(self) -> int:
        return sum(line.regular_total for line in self.lines)

    @property
    def member_savings(self) -> int:
        return self.regular_subtotal - self.subtotal

    @property
    def total(self) -> int:
        return self.subtotal + self.delivery_fee


def member_pricing_applies(household: Household) -> bool:
    """Member prices need an active membership and a registered default payment method."""
    return household.membership_active and any(pm.is_default for pm in household.payment_methods)


def unit_price(product: Product, member_pricing: bool) -> int:
    return product.member_price if member_pricing else product.price


def fee_for(
    delivery: DeliveryKind,
    subtotal: int,
    *,
    member: bool,
    fee: int,
    threshold: int,
    member_free: bool,
) -> int:
    """The delivery fee table: pickup is free; home delivery is free for members (when the
    household says so) and from the threshold; otherwise it costs ``fee``."""
    if delivery is not DeliveryKind.HOME:
        return 0
    if (member and member_free) or subtotal >= threshold:
        return 0
    return fee


def delivery_fee(
    household: Household, delivery: DeliveryKind, subtotal: int, *, member: bool | None = None
) -> int:
    """The household's fee for this delivery and subtotal (``member`` overrides its status)."""
    return fee_for(
        delivery,
        subtotal,
        member=household.membership_active if member is None else member,
        fee=household.delivery_fee,
        threshold=household.free_delivery_threshold,
        member_free=household.member_free_delivery,
    )


def _lines(items: list[tuple[Product, int]], member: bool) -> tuple[QuoteLine, ...]:
    return tuple(
        QuoteLine(
            product_id=p.id,
            sku=p.sku,
            name=p.display_name,
            name_en=p.name_en,
            unit=p.unit,
            quantity=q,
            regular_unit_price=p.price,
            unit_price=unit_price(p, member),
        )
        for p, q in items
    )


def quote_lines(
    household: Household, items: list[tuple[Product, int]], delivery: DeliveryKind
) -> Quote:
    member = member_pricing_applies(household)
    lines = _lines(items, member)
    subtotal = sum(line.line_total for line in lines)
    fee = delivery_fee(household, delivery, subtotal)
    member_total = None
    if not member:  # what a member with a card would pay: told, never charged
        member_subtotal = sum(line.line_total for line in _lines(items, True))
        member_total = member_subtotal + delivery_fee(
            household, delivery, member_subtotal, member=True
        )
    return Quote(lines, member, delivery, fee, household.membership_active, member_total)
