"""The catalog file format (documented in ``catalog/README.md``) and its validation.

Parsing is pure: a file becomes a list of :class:`ProductRecord` or a
:class:`~assistant.errors.CatalogFormatError` naming the line and the field.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.errors import CatalogFormatError
from assistant.shop.typed_text import text_problem, tidy

if TYPE_CHECKING:
    from _csv import Reader as _Reader

COLUMNS = (
    "sku",
    "category",
    "name_ko",
    "name_en",
    "brand",
    "size",
    "unit",
    "aliases",
    "price",
    "member_price",
    "rating",
    "rating_count",
    "stock",
)
UNITS = frozenset("개 병 팩 판 송이 봉지 박스 캔 모 포대 묶음 kg 통 마리 망 단 포기 봉".split())
SKU_RE = re.compile(r"^[A-Z]{2,4}-[0-9]{3,6}$")
RATING_RE = re.compile(r"^[0-5](\.[0-9])?$")
SIZE_RE = re.compile(r"^[0-9][0-9.]*[^\s,|]*$")
MAX_PRICE = 10_000_000
MAX_STOCK = 1_000_000
MAX_TEXT = 200
MAX_LINE = 4000
"""Longest line in characters: 13 fields of at most 200 characters, quotes and commas."""
MAX_FILE_BYTES = 64 * 1024 * 1024
"""Largest catalog file (the bundled one with 309 products is about 40 KB)."""


@dataclass(frozen=True)
class ProductRecord:
    """One validated catalog row."""

    sku: str
    """Stock-keeping unit, unique, e.g. ``DAI-001``."""
    category: str
    """Korean category name, e.g. ``유제품``."""
    name_ko: str
    """Korean name without the size, usually starting with the brand."""
    name_en: str
    """English name."""
    brand: str
    """Brand as people say it."""
    size: str
    """Pack size, e.g. ``1L``, ``30구``, ``2kg``."""
    unit: str
    """Counting word for one item, e.g. ``개``, ``판``, ``포대``."""
    aliases: tuple[str, ...]
    """Other words people use for it, Korean and English."""
    price: int
    """Regular price in KRW."""
    member_price: int
    """Member price in KRW (at most ``price``)."""
    rating_tenths: int
    """Star rating times ten (46 = 4.6 stars)."""
    rating_count: int
    """Number of ratings."""
    stock: int
    """Items in stock."""


def _text(value: str, field: str, path: str, line: int, *, required: bool = True) -> str:
    value = tidy(value)
    if required and not value:
        raise CatalogFormatError(path, line, field, "must not be empty")
    if len(value) > MAX_TEXT:
        raise CatalogFormatError(path, line, field, f"longer than {MAX_TEXT} characters")
    return value


def _int(value: str, field: str, path: str, line: int, low: int, high: int) -> int:
    value = value.strip()
    if not re.fullmatch(r"-?[0-9]+", value):
        raise CatalogFormatError(path, line, field, f"expected a whole number, got {value!r}")
    number = int(value)
    if not low <= number <= high:
        raise CatalogFormatError(path, line, field, f"{number} is outside {low}..{high}")
    return number


def parse_row(row: dict[str, str], path: str, line: int) -> ProductRecord:
    """Validate one CSV row (already split into columns)."""
    for field in COLUMNS:  # before any message could repeat a cell
        problem = text_problem(row[field])
        if problem is not None:
            raise CatalogFormatError(path, line, field, problem)
    sku = _text(row["sku"], "sku", path, line)
    if not SKU_RE.match(sku):
        raise CatalogFormatError(path, line, "sku", f"{sku!r} is not like DAI-001")
    unit = _text(row["unit"], "unit", path, line)
    if unit not in UNITS:
        raise CatalogFormatError(
            path, line, "unit", f"{unit!r} is not a counting word ({' '.join(sorted(UNITS))})"
        )
    size = _text(row["size"], "size", path, line)
    if not SIZE_RE.match(size):
        raise CatalogFormatError(path, line, "size", f"{size!r} is not like 1L, 30구 or 2kg")
    raw_aliases = _text(row["aliases"], "aliases", path, line, required=False)
    aliases = tuple(a.strip() for a in raw_aliases.split("|")) if raw_aliases else ()
    if any(not a for a in aliases):
        raise CatalogFormatError(path, line, "aliases", "empty alias between '|' separators")
    price = _int(row["price"], "price", path, line, 1, MAX_PRICE)
    member_price = _int(row["member_price"], "member_price", path, line, 1, MAX_PRICE)
    if member_price > price:
        raise CatalogFormatError(
            path, line, "member_price", f"{member_price} is higher than the price {price}"
        )
    rating = row["rating"].strip()
    if not RATING_RE.match(rating) or float(rating) > 5:
        raise CatalogFormatError(path, line, "rating", f"{rating!r} is not a rating 0.0..5.0")
    whole, _, tenth = rating.partition(".")
    return ProductRecord(
        sku=sku,
        category=_text(row["category"], "category", path, line),
        name_ko=_text(row["name_ko"], "name_ko", path, line),
        name_en=_text(row["name_en"], "name_en", path, line),
        brand=_text(row["brand"], "brand", path, line),
        size=size,
        unit=unit,
        aliases=aliases,
        price=price,
        member_price=member_price,
        rating_tenths=int(whole) * 10 + int(tenth or 0),
        rating_count=_int(row["rating_count"], "rating_count", path, line, 0, 100_000_000),
        stock=_int(row["stock"], "stock", path, line, 0, MAX_STOCK),
    )


def _read_text(path: Path) -> str:
    """The whole file as text, or a :class:`CatalogFormatError` saying why not."""
    name = str(path)
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise CatalogFormatError(
                name, 0, "file", f"larger than {MAX_FILE_BYTES // 2**20} MB; is it a catalog?"
            )
        return path.read_text(encoding="utf-8-sig")
    except FileNotFoundError as exc:
        raise CatalogFormatError(name, 0, "file", "no such file") from exc
    except IsADirectoryError as exc:
        raise CatalogFormatError(name, 0, "file", "is a directory") from exc
    except UnicodeDecodeError as exc:
        line = text_line_of_offset(path.read_bytes(), exc.start)
        raise CatalogFormatError(name, line, "file", "not UTF-8 text") from exc
    except OSError as exc:
        raise CatalogFormatError(name, 0, "file", exc.strerror or str(exc)) from exc


def _check_line_lengths(name: str, lines: list[str]) -> None:
    """Refuse a line longer than :data:`MAX_LINE`, naming it (and its field when unquoted)."""
    for number, text in enumerate(lines, start=1):
        if len(text) <= MAX_LINE:
            continue
        field = "header" if number == 1 else "(line)"
        if number > 1 and '"' not in text:
            long_cells = [i for i, cell in enumerate(text.split(",")) if len(cell) > MAX_TEXT]
            if long_cells and long_cells[0] < len(COLUMNS):
                field = COLUMNS[long_cells[0]]
        raise CatalogFormatError(
            name, number, field,
            f"the line is {len(text):,} characters long; a catalog line may hold at most "
            f"{MAX_LINE:,} (each field at most {MAX_TEXT})",
        )  # fmt: skip


def parse_catalog(path: Path) -> list[ProductRecord]:
    """Read and validate a whole catalog file; any problem rejects the file."""
    name = str(path)
    text = _read_text(path)
    if not text.strip():
        raise CatalogFormatError(name, 1, "header", "the file is empty")
    # Lines end at "\n" only, as an editor counts them: other breaks (U+2028, form feed)
    # stay inside their field and are refused there with the right line number.
    lines = text.replace("\r\n", "\n").removesuffix("\n").split("\n")
    _check_line_lengths(name, lines)
    return _parse_rows(name, _records(name, csv.reader(lines, strict=True)))


def _records(name: str, reader: _Reader) -> Iterator[tuple[int, list[str]]]:
    """(line number, cells) of each line; a quote may not run over the end of its line."""
    last = 0
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise CatalogFormatError(name, last + 1, "(line)", f"not valid CSV: {exc}") from exc
        if reader.line_num != last + 1:
            raise CatalogFormatError(
                name, last + 1, "(line)", "a quoted field runs over a line break; close the quote"
            )
        last = reader.line_num
        yield last, cells


def _parse_rows(name: str, records_in: Iterator[tuple[int, list[str]]]) -> list[ProductRecord]:
    _, header = next(records_in)
    header = [h.strip() for h in header]
    if tuple(header) != COLUMNS:
        missing = [c for c in COLUMNS if c not in header]
        detail = f"missing {', '.join(missing)}" if missing else "columns out of order or extra"
        raise CatalogFormatError(name, 1, "header", f"{detail}; expected {','.join(COLUMNS)}")
    records: list[ProductRecord] = []
    seen_sku: dict[str, int] = {}
    seen_name: dict[tuple[str, str], int] = {}
    for line, cells in records_in:
        if not cells or all(not c.strip() for c in cells):
            continue
        if len(cells) != len(COLUMNS):
            field = COLUMNS[len(cells)] if len(cells) < len(COLUMNS) else "(extra)"
            raise CatalogFormatError(
                name, line, field, f"expected {len(COLUMNS)} fields, found {len(cells)}"
            )
        record = parse_row(dict(zip(COLUMNS, cells, strict=True)), name, line)
        if record.sku in seen_sku:
            raise CatalogFormatError(
                name, line, "sku", f"{record.sku} already used on line {seen_sku[record.sku]}"
            )
        key = (record.name_ko, record.size)
        if key in seen_name:
            raise CatalogFormatError(
                name, line, "name_ko", f"same name and size as line {seen_name[key]}"
            )
        seen_sku[record.sku] = line
        seen_name[key] = line
        records.append(record)
    if not records:
        raise CatalogFormatError(name, 2, "sku", "the file has a header but no products")
    return records


def text_line_of_offset(data: bytes, offset: int) -> int:
    """1-based line number of a byte offset."""
    return data.count(b"\n", 0, offset) + 1
