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
    """What an import changed."""

    added: int
    """Products that were new."""
    updated: int
    """Products whose data changed."""
    unchanged: int
    """Products already identical."""
    deactivated: int
    """Products no longer in the file (kept for old orders, no longer sold)."""


def _apply(product: Product, record: ProductRecord) -> bool:
    values = {
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
    changed = False
    for key, value in values.items():
        if getattr(product, key) != value:
            setattr(product, key, value)
            changed = True
    return changed


def import_records(session: Session, records: list[ProductRecord]) -> ImportSummary:
    """Make the catalog in the database equal to ``records`` (inside the caller's transaction)."""
    existing = {p.sku: p for p in session.scalars(select(Product))}
    added = updated = unchanged = 0
    for record in records:
        product = existing.pop(record.sku, None)
        if product is None:
            product = Product(sku=record.sku, aliases="", active=True)
            _apply(product, record)
            session.add(product)
            added += 1
        elif _apply(product, record):
            updated += 1
        else:
            unchanged += 1
    deactivated = 0
    for product in existing.values():
        if product.active:
            product.active = False
            deactivated += 1
    session.flush()
    return ImportSummary(added, updated, unchanged, deactivated)


def import_file(session: Session, path: Path) -> ImportSummary:
    """Validate the whole file first, then write it; a bad file changes nothing."""
    return import_records(session, parse_catalog(path))


def catalog_entry(p: Product) -> CatalogEntry:
    """What the matcher needs to know about a product."""
    return CatalogEntry(
        p.id, p.name_ko, p.name_en, p.brand, tuple(p.alias_list), p.size, p.stock > 0,
        p.rating_tenths,
    )  # fmt: skip


def spoken_phrases(session: Session) -> list[str]:
    """Every name, brand and alias of the products on sale (for the recogniser's grammar)."""
    return [w for p in list_products(session) for w in (p.name_ko, p.brand, *p.alias_list)]


def list_products(session: Session, category: str | None = None) -> list[Product]:
    stmt = select(Product).where(Product.active.is_(True))
    if category:
        stmt = stmt.where(Product.category == category)
    return list(session.scalars(stmt.order_by(Product.category, Product.sku)))
