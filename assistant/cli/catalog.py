"""``jangbogi catalog import|list|search``: the products on sale."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.cli.common import Subparsers, engine, group, session, with_db, with_json
from assistant.cli.output import print_json, say, won
from assistant.locales.messages import Msg

if TYPE_CHECKING:
    from assistant.store.models import Product


def add_parsers(sub: Subparsers) -> None:
    """Add ``catalog import``, ``catalog search`` and ``catalog list``."""
    cat_sub = group(sub, "catalog", help="the product catalog")
    imp = with_db(cat_sub.add_parser("import", help="import a catalog file (all or nothing)"))
    imp.add_argument("file", type=Path)
    imp.add_argument(
        "--replace", action="store_true", help="the file is the whole catalog: retire the rest"
    )
    imp.add_argument("--dry-run", action="store_true", help="say what would change; write nothing")
    imp.set_defaults(handler=cmd_catalog_import)
    search = with_db(cat_sub.add_parser("search", help="find products by spoken name"))
    search.add_argument("query")
    with_json(search)
    search.set_defaults(handler=cmd_catalog_search)
    lst = with_db(cat_sub.add_parser("list", help="list products"))
    lst.add_argument("--category")
    with_json(lst)
    lst.set_defaults(handler=cmd_catalog_list)


def cmd_catalog_import(args: argparse.Namespace) -> int:
    """Add and update the file's products (``--replace``: retire the rest), all or nothing."""
    from assistant.shop.catalog import import_records
    from assistant.shop.catalog_file import parse_catalog
    from assistant.store import db

    records = parse_catalog(args.file)  # validate before touching any database
    made = engine(args, create=not args.dry_run)
    with db.transaction(db.session_factory(made)) as s:
        summary = import_records(s, records, replace=args.replace, write=not args.dry_run)
    speak = say()
    dry = bool(args.dry_run)
    print(speak(
        Msg.CLI_CATALOG_SUMMARY, dry=dry, count=len(records), file=str(args.file),
        added=summary.added, updated=summary.updated, unchanged=summary.unchanged,
        deactivated=summary.deactivated,
    ))  # fmt: skip
    n = len(summary.missing)
    if n and args.replace:
        print(speak(Msg.CLI_CATALOG_RETIRED, count=n, dry=dry))
        for sku, name in summary.missing:
            print(f"  {sku}\t{name}")
    elif n:
        print(speak(Msg.CLI_CATALOG_KEPT, count=n))
    return 0


def product_json(p: Product) -> dict[str, object]:
    """A product as ``--json`` prints it."""
    return {
        "sku": p.sku, "category": p.category, "name_ko": p.name_ko, "name_en": p.name_en,
        "brand": p.brand, "size": p.size, "unit": p.unit, "aliases": p.alias_list,
        "price": p.price, "member_price": p.member_price, "rating": p.rating_tenths / 10,
        "rating_count": p.rating_count, "stock": p.stock,
    }  # fmt: skip


def product_line(p: Product) -> str:
    """A product as one tab-separated line: SKU, category, name and size, prices, stock; the
    words and the name in the run's language (the category is the catalog's, in Korean)."""
    speak = say()
    name = p.name_en if speak.lang == "en" and p.name_en else p.name_ko
    prices = speak(Msg.CATALOG_LINE_PRICES, price=won(p.price), member_price=won(p.member_price))
    stock = speak(Msg.CATALOG_LINE_STOCK, stock=p.stock)
    return f"{p.sku}\t{p.category}\t{name} {p.size}\t{prices}\t{stock}"


def cmd_catalog_list(args: argparse.Namespace) -> int:
    """The products on sale (``--category``: of one category)."""
    from assistant.shop.catalog import list_products

    with session(args) as s:
        for p in list_products(s, args.category):
            if args.json:
                print_json(product_json(p))
            else:
                print(product_line(p))
    return 0


def cmd_catalog_search(args: argparse.Namespace) -> int:
    """Up to 10 products that match a spoken name well enough, best first."""
    from assistant.shop.catalog import catalog_entry, list_products
    from assistant.shop.matching import Candidate, ProductMatcher

    with session(args) as s:
        products = {p.id: p for p in list_products(s)}
        sku = args.query.strip().upper()
        by_sku = [p for p in products.values() if p.sku.upper() == sku]
        if by_sku:  # a SKU, as `subscriptions add --product` takes it, in any case
            ranked = [Candidate(by_sku[0].id, 100.0, by_sku[0].sku)]
        else:
            matcher = ProductMatcher(catalog_entry(p) for p in products.values())
            ranked = [c for c in matcher.rank(args.query, limit=10) if c.score >= 60]
        if not ranked:
            print(say()(Msg.CATALOG_NOT_FOUND, query=args.query), file=sys.stderr)
            return 1
        for c in ranked:
            p = products[c.product_id]
            if args.json:
                print_json({**product_json(p), "score": round(c.score, 1), "matched": c.matched})
            else:
                print(f"{c.score:5.1f}\t{product_line(p)}")
    return 0
