"""The closest product that can be bought instead of one that is out of stock."""

from __future__ import annotations

from rapidfuzz import fuzz
from sqlalchemy import select
from sqlalchemy.orm import Session

from assistant.shop.matching import to_key
from assistant.store.models import Product

ALIAS_BONUS = 15
"""Added to the name similarity when the two products share a spoken alias (우유, 라면)."""
BRAND_BONUS = 5
"""Added when the brand is the same."""


def similarity(a: Product, b: Product) -> float:
    """How alike two products are for someone who wanted ``a`` (0..120)."""
    score = fuzz.ratio(to_key(a.name_ko), to_key(b.name_ko))
    if set(a.alias_list) & set(b.alias_list):
        score += ALIAS_BONUS
    if a.brand == b.brand:
        score += BRAND_BONUS
    return score


def closest_in_stock(session: Session, product: Product, quantity: int) -> Product | None:
    """The most similar product of the same category with at least ``quantity`` in stock."""
    candidates = session.scalars(
        select(Product).where(
            Product.active.is_(True),
            Product.category == product.category,
            Product.stock >= quantity,
            Product.id != product.id,
        )
    )
    ranked = sorted(
        candidates,
        key=lambda p: (-similarity(product, p), -p.rating_tenths, -p.rating_count, p.id),
    )
    return ranked[0] if ranked else None
