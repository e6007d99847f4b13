"""Catalog import (all-or-nothing), listing and search against the database."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from assistant.shop.catalog_file import ProductRecord, parse_catalog
from assistant.shop.matching import CatalogEntry
from assistant.store.models import Product


@dataclass(frozen=True)
class ImportSummary:
    """What an import changed (or, for a dry run, would change)."""

    added: int
    """Products that were new."""
    updated: int
    """Products whose data changed."""
    unchanged: int
    """Products already identical."""
    missing: tuple[tuple[str, str], ...]
    """(SKU, name and size) of the products on sale that the file does not list."""
    replaced: bool
    """Whether the missing products were retired (kept for old orders, no longer sold)."""

    @property
    def deactivated(self) -> int:
        """Products retired by this import."""
        return len(self.missing) if self.replaced else 0


def _values(record: ProductRecord) -> dict[str, object]:
    return {
        "category": record.category,
        "name_ko": record.name_ko,
        "name_en": record.name_en,
        "brand": record.brand,
        "size": record.size,
        "unit": record.unit,
        "aliases": "|".join(record.aliases),
        "price": record.price,
        "member_price": record.member_price,
        "rating_tenths": record.rating_tenths,
        "rating_count": record.rating_count,
        "stock": record.stock,
        "active": True,
    }


def import_records(
    session: Session,
    records: list[ProductRecord],
    *,
    replace: bool = False,
    write: bool = True,
    add_only: bool = False,
) -> ImportSummary:
    """Add the file's new products and update the known ones (inside the caller's transaction).

    Products on sale that the file does not list are retired only with ``replace``; they
    are never deleted, because past orders refer to them. ``write=False`` changes nothing
    and says what the import would do. ``add_only``: the known products keep their live
    state (stock the orders took, a price or a retirement set since) and count as unchanged;
    ``demo init`` run again must not undo the shop's day, a new ``catalog import`` may.
    """
    existing = {p.sku: p for p in session.scalars(select(Product))}
    added = updated = unchanged = 0
    for record in records:
        values = _values(record)
        product = existing.pop(record.sku, None)
        if product is None:
            added += 1
            if write:
                session.add(Product(sku=record.sku, **values))
        elif add_only:
            unchanged += 1
        elif any(getattr(product, key) != value for key, value in values.items()):
            updated += 1
            if write:
                for key, value in values.items():
                    setattr(product, key, value)
        else:
            unchanged += 1
    missing = sorted((p for p in existing.values() if p.active and not add_only),
                     key=lambda p: p.sku)  # fmt: skip
    if replace and write:
        for product in missing:
            product.active = False
    session.flush()
    shown = tuple((p.sku, f"{p.name_ko} {p.size}") for p in missing)
    return ImportSummary(added, updated, unchanged, shown, replace)


def import_file(
    session: Session, path: Path, *, replace: bool = False, add_only: bool = False
) -> ImportSummary:
    """Validate the whole file first, then write it; a bad file changes nothing
    (``add_only``: see :func:`import_records`)."""
    return import_records(session, parse_catalog(path), replace=replace, add_only=add_only)


def catalog_entry(p: Product) -> CatalogEntry:
    """What the matcher needs to know about a product."""
    return CatalogEntry(
        p.id, p.name_ko, p.name_en, p.brand, tuple(p.alias_list), p.size, p.stock > 0,
        p.rating_tenths,
    )  # fmt: skip


def list_products(session: Session, category: str | None = None) -> list[Product]:
    stmt = select(Product).where(Product.active.is_(True))
    if category:
        stmt = stmt.where(Product.category == category)
    return list(session.scalars(stmt.order_by(Product.category, Product.sku)))
