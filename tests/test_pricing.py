"""Pricing and delivery-fee tables, member prices, and no floating-point money in the shop."""

from __future__ import annotations

import ast
from datetime import UTC, datetime
from pathlib import Path

import pytest

from assistant.shop.pricing import fee_for, member_pricing_applies, quote_lines
from assistant.store.models import DeliveryKind, Household, PaymentMethod, Product

HOME, LOCKER, STORE = DeliveryKind.HOME, DeliveryKind.LOCKER, DeliveryKind.STORE
NOW = datetime(2026, 3, 2, tzinfo=UTC)


@pytest.mark.parametrize(
    ("delivery", "subtotal", "member", "member_free", "expected"),
    [
        (HOME, 10_000, False, True, 3000),  # non-member below the threshold pays
        (HOME, 39_999, False, True, 3000),
        (HOME, 40_000, False, True, 0),  # the threshold itself is free
        (HOME, 10_000, True, True, 0),  # members never pay for home delivery
        (HOME, 10_000, True, False, 3000),  # ... unless the household turned that off
        (HOME, 40_000, True, False, 0),
        (LOCKER, 1_000, False, True, 0),  # pickup points are always free
        (STORE, 1_000, False, True, 0),
        (LOCKER, 1_000, True, False, 0),
    ],
)
def test_delivery_fee_table(
    delivery: DeliveryKind, subtotal: int, member: bool, member_free: bool, expected: int
) -> None:
    fee = fee_for(delivery, subtotal, member=member, fee=3000, threshold=40_000,
                  member_free=member_free)  # fmt: skip
    assert fee == expected and isinstance(fee, int)


def test_fee_and_threshold_are_the_households_own() -> None:
    assert fee_for(HOME, 20_000, member=False, fee=4500, threshold=50_000, member_free=True) == 4500
    assert fee_for(HOME, 20_000, member=False, fee=4500, threshold=20_000, member_free=True) == 0
    assert fee_for(HOME, 20_000, member=False, fee=0, threshold=50_000, member_free=True) == 0


def household(member: bool, card: bool, **settings: int | bool) -> Household:
    h = Household(name="h", timezone="Asia/Seoul", membership_active=member,
                  default_delivery=HOME, created_at=NOW, delivery_fee=3000,
                  free_delivery_threshold=40_000, member_free_delivery=True)  # fmt: skip
    for key, value in settings.items():
        setattr(h, key, value)
    if card:
        h.payment_methods.append(
            PaymentMethod(
                token="tok_x", last4="4242", label="VISA", is_default=True, created_at=NOW
            )
        )
    return h


def milk(price: int = 2980, member_price: int = 2790) -> Product:
    return Product(id=1, sku="DAI-001", name_ko="서울우유 흰우유", size="1L", unit="팩",
                   price=price, member_price=member_price)  # fmt: skip


@pytest.mark.parametrize(
    ("member", "card", "delivery", "unit", "fee", "total", "potential"),
    [
        (True, True, HOME, 2790, 0, 5580, 0),  # member + card: member price, free delivery
        (True, False, HOME, 2980, 0, 5960, 380),  # member without card: regular price
        (False, True, HOME, 2980, 3000, 8960, 3380),  # non-member: price and fee
        (False, True, LOCKER, 2980, 0, 5960, 380),  # locker: no fee for anyone
        (False, False, STORE, 2980, 0, 5960, 380),
    ],
)
def test_quote_table(
    member: bool, card: bool, delivery: DeliveryKind, unit: int, fee: int, total: int,
    potential: int,
) -> None:  # fmt: skip
    h = household(member, card)
    q = quote_lines(h, [(milk(), 2)], delivery)
    assert member_pricing_applies(h) == (member and card) == q.member_pricing
    assert q.lines[0].unit_price == unit and q.lines[0].regular_unit_price == 2980
    assert (q.delivery_fee, q.total, q.potential_savings) == (fee, total, potential)
    assert q.member_savings == (2980 - unit) * 2
    assert all(isinstance(v, int) for v in (q.subtotal, q.total, q.delivery_fee,
                                            q.member_savings, q.potential_savings))  # fmt: skip


def test_free_delivery_threshold_counts_member_prices() -> None:
    """A member with free delivery turned off: 15 x 2,790 = 41,850 >= 40,000 is free."""
    h = household(True, True, member_free_delivery=False)
    assert quote_lines(h, [(milk(), 14)], HOME).delivery_fee == 3000  # 39,060
    assert quote_lines(h, [(milk(), 15)], HOME).delivery_fee == 0


SHOP = Path(__file__).resolve().parent.parent / "assistant" / "shop"
MONEY_MODULES = ("pricing.py", "orders.py", "purchase.py", "controls.py", "receipt.py",
                 "accounts.py", "cart.py", "service.py", "rules.py", "autobatch.py")  # fmt: skip


@pytest.mark.parametrize("name", MONEY_MODULES)
def test_no_floating_point_money(name: str) -> None:
    """No float literal, float() call or true division in the modules that handle money."""
    tree = ast.parse((SHOP / name).read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        assert not (isinstance(node, ast.Constant) and isinstance(node.value, float)), node.lineno
        assert not (isinstance(node, ast.Name) and node.id == "float"), node.lineno
        assert not (isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div)), node.lineno
