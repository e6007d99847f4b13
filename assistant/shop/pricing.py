"""Prices, member pricing and delivery fees. Integer KRW only."""

from __future__ import annotations

from dataclasses import dataclass

from assistant.store.models import DeliveryKind, Household, Product

MAX_QUANTITY = 99
"""Most items of one product in one order line."""
DELIVERY_FEE = 3000
"""Home delivery fee for non-members below the free-delivery threshold."""
FREE_DELIVERY_THRESHOLD = 40000
"""Order total (after member prices) from which home delivery is free."""


@dataclass(frozen=True)
class QuoteLine:
    """One priced line of an order-to-be."""

    product_id: int
    """Database id."""
    sku: str
    """SKU."""
    name: str
    """Display name with size, e.g. ``서울우유 흰우유 1L``."""
    unit: str
    """Counting word."""
    quantity: int
    """Items."""
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


def delivery_fee(household: Household, delivery: DeliveryKind, subtotal: int) -> int:
    if delivery is not DeliveryKind.HOME:
        return 0
    if household.membership_active or subtotal >= FREE_DELIVERY_THRESHOLD:
        return 0
    return DELIVERY_FEE


def quote_lines(
    household: Household, items: list[tuple[Product, int]], delivery: DeliveryKind
) -> Quote:
    member = member_pricing_applies(household)
    lines = tuple(
        QuoteLine(
            product_id=p.id,
            sku=p.sku,
            name=p.display_name,
            unit=p.unit,
            quantity=q,
            regular_unit_price=p.price,
            unit_price=unit_price(p, member),
        )
        for p, q in items
    )
    subtotal = sum(line.line_total for line in lines)
    return Quote(lines, member, delivery, delivery_fee(household, delivery, subtotal))


def won(amount: int) -> str:
    """1234 -> '1,234원'."""
    return f"{amount:,}원"
