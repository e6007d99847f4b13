"""The catalog file format (documented in ``catalog/README.md``) and its validation.

Parsing is pure: a file becomes a list of :class:`ProductRecord` or a
:class:`~assistant.errors.CatalogFormatError` naming the line and the field, with an
``ErrorCode`` for the problem (its messages: ``locales/*/errors-account.ftl``).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.errors import CatalogFormatError, ErrorCode
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
TEXT_PROBLEMS = {
    "card-number": ErrorCode.CATALOG_CARD_NUMBER,
    "hidden-character": ErrorCode.CATALOG_HIDDEN_CHARACTER,
}
"""The refusal of each kind of :class:`~assistant.shop.typed_text.TextProblem` in a cell."""


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
        raise CatalogFormatError(path, line, field, ErrorCode.CATALOG_EMPTY_FIELD)
    if len(value) > MAX_TEXT:
        raise CatalogFormatError(path, line, field, ErrorCode.CATALOG_TEXT_TOO_LONG, most=MAX_TEXT)
    return value


def _int(value: str, field: str, path: str, line: int, low: int, high: int) -> int:
    value = value.strip()
    if not re.fullmatch(r"-?[0-9]+", value):
        raise CatalogFormatError(path, line, field, ErrorCode.CATALOG_NOT_A_NUMBER, value=value)
    number = int(value)
    if not low <= number <= high:
        raise CatalogFormatError(path, line, field, ErrorCode.CATALOG_NUMBER_RANGE,
                                 number=number, low=low, high=high)  # fmt: skip
    return number


def parse_row(row: dict[str, str], path: str, line: int) -> ProductRecord:
    """Validate one CSV row (already split into columns)."""
    for field in COLUMNS:  # before any message could repeat a cell
        problem = text_problem(row[field])
        if problem is not None:
            raise CatalogFormatError(path, line, field, TEXT_PROBLEMS[problem.kind],
                                     **problem.fields)  # fmt: skip
    sku = _text(row["sku"], "sku", path, line)
    if not SKU_RE.match(sku):
        raise CatalogFormatError(path, line, "sku", ErrorCode.CATALOG_BAD_SKU, value=sku)
    unit = _text(row["unit"], "unit", path, line)
    if unit not in UNITS:
        raise CatalogFormatError(path, line, "unit", ErrorCode.CATALOG_BAD_UNIT, value=unit,
                                 units=" ".join(sorted(UNITS)))  # fmt: skip
    size = _text(row["size"], "size", path, line)
    if not SIZE_RE.match(size):
        raise CatalogFormatError(path, line, "size", ErrorCode.CATALOG_BAD_SIZE, value=size)
    raw_aliases = _text(row["aliases"], "aliases", path, line, required=False)
    aliases = tuple(a.strip() for a in raw_aliases.split("|")) if raw_aliases else ()
    if any(not a for a in aliases):
        raise CatalogFormatError(path, line, "aliases", ErrorCode.CATALOG_EMPTY_ALIAS)
    price = _int(row["price"], "price", path, line, 1, MAX_PRICE)
    member_price = _int(row["member_price"], "member_price", path, line, 1, MAX_PRICE)
    if member_price > price:
        raise CatalogFormatError(path, line, "member_price", ErrorCode.CATALOG_MEMBER_PRICE,
                                 member_price=member_price, price=price)  # fmt: skip
    rating = row["rating"].strip()
    if not RATING_RE.match(rating) or float(rating) > 5:
        raise CatalogFormatError(path, line, "rating", ErrorCode.CATALOG_BAD_RATING, value=rating)
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
            raise CatalogFormatError(name, 0, "file", ErrorCode.CATALOG_FILE_TOO_LARGE,
                                     megabytes=MAX_FILE_BYTES // 2**20)  # fmt: skip
        return path.read_text(encoding="utf-8-sig")
    except FileNotFoundError as exc:
        raise CatalogFormatError(name, 0, "file", ErrorCode.CATALOG_NO_FILE) from exc
    except IsADirectoryError as exc:
        raise CatalogFormatError(name, 0, "file", ErrorCode.CATALOG_IS_DIRECTORY) from exc
    except UnicodeDecodeError as exc:
        line = text_line_of_offset(path.read_bytes(), exc.start)
        raise CatalogFormatError(name, line, "file", ErrorCode.CATALOG_NOT_UTF8) from exc
    except OSError as exc:  # the system's own words for why (permission denied, ...)
        raise CatalogFormatError(name, 0, "file", ErrorCode.CATALOG_UNREADABLE,
                                 reason=exc.strerror or str(exc)) from exc  # fmt: skip


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
        raise CatalogFormatError(name, number, field, ErrorCode.CATALOG_LINE_TOO_LONG,
                                 length=len(text), most=MAX_LINE, most_field=MAX_TEXT)  # fmt: skip


def parse_catalog(path: Path) -> list[ProductRecord]:
    """Read and validate a whole catalog file; any problem rejects the file."""
    name = str(path)
    text = _read_text(path)
    if not text.strip():
        raise CatalogFormatError(name, 1, "header", ErrorCode.CATALOG_EMPTY_FILE)
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
            raise CatalogFormatError(name, last + 1, "(line)", ErrorCode.CATALOG_NOT_CSV,
                                     reason=str(exc)) from exc  # fmt: skip
        if reader.line_num != last + 1:
            raise CatalogFormatError(name, last + 1, "(line)", ErrorCode.CATALOG_OPEN_QUOTE)
        last = reader.line_num
        yield last, cells


def _parse_rows(name: str, records_in: Iterator[tuple[int, list[str]]]) -> list[ProductRecord]:
    _, header = next(records_in)
    header = [h.strip() for h in header]
    if tuple(header) != COLUMNS:
        missing = [c for c in COLUMNS if c not in header]
        expected = ",".join(COLUMNS)
        if missing:
            raise CatalogFormatError(name, 1, "header", ErrorCode.CATALOG_MISSING_COLUMNS,
                                     missing=", ".join(missing), expected=expected)  # fmt: skip
        raise CatalogFormatError(name, 1, "header", ErrorCode.CATALOG_COLUMN_ORDER,
                                 expected=expected)  # fmt: skip
    records: list[ProductRecord] = []
    seen_sku: dict[str, int] = {}
    seen_name: dict[tuple[str, str], int] = {}
    for line, cells in records_in:
        if not cells or all(not c.strip() for c in cells):
            continue
        if len(cells) != len(COLUMNS):
            field = COLUMNS[len(cells)] if len(cells) < len(COLUMNS) else "(extra)"
            raise CatalogFormatError(name, line, field, ErrorCode.CATALOG_FIELD_COUNT,
                                     expected=len(COLUMNS), found=len(cells))  # fmt: skip
        record = parse_row(dict(zip(COLUMNS, cells, strict=True)), name, line)
        if record.sku in seen_sku:
            raise CatalogFormatError(name, line, "sku", ErrorCode.CATALOG_DUPLICATE_SKU,
                                     sku=record.sku, first_line=seen_sku[record.sku])  # fmt: skip
        key = (record.name_ko, record.size)
        if key in seen_name:
            raise CatalogFormatError(name, line, "name_ko", ErrorCode.CATALOG_DUPLICATE_NAME,
                                     first_line=seen_name[key])  # fmt: skip
        seen_sku[record.sku] = line
        seen_name[key] = line
        records.append(record)
    if not records:
        raise CatalogFormatError(name, 2, "sku", ErrorCode.CATALOG_NO_PRODUCTS)
    return records


def text_line_of_offset(data: bytes, offset: int) -> int:
    """1-based line number of a byte offset."""
    return data.count(b"\n", 0, offset) + 1
