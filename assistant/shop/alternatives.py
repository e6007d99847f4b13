"""The closest product that can be bought instead of one that is out of stock — of the same
kind only: a coffee mix for a coffee mix, never a milk for a coffee."""

from __future__ import annotations

from rapidfuzz import fuzz
from sqlalchemy import select
from sqlalchemy.orm import Session

from assistant.shop.matching import surface, to_key
from assistant.shop.sizes import same_size
from assistant.store.models import Product

ALIAS_BONUS = 15
"""Added to the name similarity for each spoken name the two products share (우유, 흰우유)."""
BRAND_BONUS = 5
"""Added when the brand is the same."""
SIZE_BONUS = 5
"""Added when the pack size is the same."""


def kinds(product: Product) -> set[str]:
    """What the product is called (its aliases, the brand left out: a brand is no kind)."""
    brand = surface(product.brand)
    return {surface(a) for a in product.alias_list} - {brand, ""}


def same_kind(a: Product, b: Product) -> bool:
    """Whether ``b`` is called something ``a`` is called: the same kind of product."""
    return bool(kinds(a) & kinds(b))


def similarity(a: Product, b: Product) -> float:
    """How alike two products are for someone who wanted ``a`` (0..100 + bonuses)."""
    score = fuzz.ratio(to_key(a.name_ko), to_key(b.name_ko))
    score += ALIAS_BONUS * len(kinds(a) & kinds(b))
    if a.brand == b.brand:
        score += BRAND_BONUS
    if a.size and same_size(a.size, b.size):
        score += SIZE_BONUS
    return score


def closest_in_stock(session: Session, product: Product, quantity: int) -> Product | None:
    """The most similar product of the same kind (:func:`same_kind`) with at least
    ``quantity`` in stock; None when no product of that kind has."""
    candidates = session.scalars(
        select(Product).where(
            Product.active.is_(True),
            Product.stock >= quantity,
            Product.id != product.id,
        )
    )
    ranked = sorted(
        (p for p in candidates if same_kind(product, p)),
        key=lambda p: (-similarity(product, p), -p.rating_tenths, -p.rating_count, p.id),
    )
    return ranked[0] if ranked else None
