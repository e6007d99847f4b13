"""The catalog format: the bundled file is valid and rich; malformed files name line and field."""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

import pytest

from assistant.config import bundled_catalog_path
from assistant.errors import CatalogFormatError, ErrorCode
from assistant.locales import say_for
from assistant.shop import catalog_file
from assistant.shop.catalog_file import COLUMNS, UNITS, parse_catalog

HEADER = ",".join(COLUMNS)
GOOD = "DAI-001,유제품,서울우유 흰우유,Seoul Milk,서울우유,1L,팩,우유|milk,2980,2780,4.7,1204,50"


def said(exc: CatalogFormatError, lang: str = "en") -> str:
    """What the user reads about ``exc`` in ``lang``."""
    return say_for(lang).error(exc)


def write(tmp_path: Path, *rows: str, header: str = HEADER) -> Path:
    path = tmp_path / "catalog.csv"
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return path


def test_a_good_row_parses(tmp_path: Path) -> None:
    (record,) = parse_catalog(write(tmp_path, GOOD))
    assert record.sku == "DAI-001"
    assert record.aliases == ("우유", "milk")
    assert (record.price, record.member_price, record.rating_tenths) == (2980, 2780, 47)


def bad(field: str, value: str) -> str:
    cells = GOOD.split(",")
    cells[COLUMNS.index(field)] = value
    return ",".join(cells)


@pytest.mark.parametrize(
    ("row", "field"),
    [
        (bad("sku", "dai1"), "sku"),
        (bad("sku", ""), "sku"),
        (bad("category", ""), "category"),
        (bad("name_ko", " "), "name_ko"),
        (bad("unit", "조각"), "unit"),
        (bad("size", "big"), "size"),
        (bad("aliases", "우유||milk"), "aliases"),
        (bad("price", '"2,980"'), "price"),
        (bad("price", "0"), "price"),
        (bad("price", "12.5"), "price"),
        (bad("member_price", "3200"), "member_price"),
        (bad("member_price", "-10"), "member_price"),
        (bad("rating", "4.65"), "rating"),
        (bad("rating", "5.5"), "rating"),
        (bad("rating_count", "many"), "rating_count"),
        (bad("stock", "-1"), "stock"),
        ("DAI-002,유제품,우유", "name_en"),
        (GOOD + ",extra", "(extra)"),
    ],
)
def test_a_bad_field_is_named_with_its_line(tmp_path: Path, row: str, field: str) -> None:
    other = GOOD.replace("DAI-001", "DAI-009").replace("흰우유", "저지방우유")
    path = write(tmp_path, other, row)
    with pytest.raises(CatalogFormatError) as info:
        parse_catalog(path)
    assert info.value.line == 3
    assert info.value.field == field
    assert said(info.value).startswith(f"{path}: line 3, field '{field}': ")
    assert said(info.value, "ko").startswith(f"{path} 3번째 줄 '{field}' 칸: ")


def test_duplicate_sku_names_both_lines(tmp_path: Path) -> None:
    other = GOOD.replace("흰우유", "저지방우유")
    with pytest.raises(CatalogFormatError) as info:
        parse_catalog(write(tmp_path, GOOD, other))
    assert (info.value.line, info.value.field) == (3, "sku")
    assert info.value.code is ErrorCode.CATALOG_DUPLICATE_SKU
    assert said(info.value).endswith("field 'sku': DAI-001 already used on line 2")
    assert said(info.value, "ko").endswith("DAI-001은 이미 2번째 줄에서 썼어요.")


@pytest.mark.parametrize(
    ("header", "problem"),
    [("sku,name", "missing category, name_ko, name_en, brand"),
     (HEADER.replace("price,member_price", "member_price,price"), "columns out of order")],
)  # fmt: skip
def test_bad_header(tmp_path: Path, header: str, problem: str) -> None:
    with pytest.raises(CatalogFormatError) as info:
        parse_catalog(write(tmp_path, GOOD, header=header))
    assert (info.value.line, info.value.field) == (1, "header")
    assert problem in said(info.value) and f"expected {HEADER}" in said(info.value)
    assert f"머리글은 {HEADER}여야 해요." in said(info.value, "ko")


def test_not_utf8_empty_and_missing_files(tmp_path: Path) -> None:
    latin = tmp_path / "latin1.csv"
    latin.write_bytes((HEADER + "\n" + GOOD).encode("utf-8")[:-20] + b"\xff\xfe\n")
    cases = [
        (latin, ErrorCode.CATALOG_NOT_UTF8, "line 2, field 'file': not UTF-8 text"),
        (empty := tmp_path / "empty.csv", ErrorCode.CATALOG_EMPTY_FILE, "the file is empty"),
        (write(tmp_path), ErrorCode.CATALOG_NO_PRODUCTS, "has a header but no products"),
        (tmp_path / "nope.csv", ErrorCode.CATALOG_NO_FILE, "line 0, field 'file': no such file"),
        (tmp_path, ErrorCode.CATALOG_IS_DIRECTORY, "is a directory"),
    ]
    empty.write_text("")
    for path, code, problem in cases:
        with pytest.raises(CatalogFormatError) as info:
            parse_catalog(path)
        assert info.value.code is code and info.value.problem is code
        assert problem in said(info.value) and said(info.value, "ko").startswith(str(path))


@pytest.mark.parametrize(
    ("row", "field", "problem"),
    [
        (bad("name_en", "Seoul\tMilk"), "name_en", "U+0009 (a tab), at character 6"),
        (bad("brand", "서울\u2028우유"), "brand", "U+2028 (line separator)"),
        (bad("category", "유\x0c제품"), "category", "U+000C"),
        (bad("rating", "4\u200b.7"), "rating", "U+200B (zero width space)"),
        (bad("name_ko", "서울우유 흰우유 " + "4111 1111 1111 1111"), "name_ko", "card number"),
        (bad("stock", "4111111111111111"), "stock", "card number"),
        (bad("name_ko", "우" * 5000), "name_ko", "at most 4,000"),
        ('DAI-002,유제품,"서울우유 흰우유', "(line)", "not valid CSV"),
        (bad("name_ko", '"서울우유\n흰우유"'), "(line)", "runs over a line break"),
        (bad("name_ko", '"서울"우유'), "(line)", "not valid CSV"),
    ],
)
def test_hostile_cells_are_named_with_their_line(
    tmp_path: Path, row: str, field: str, problem: str
) -> None:
    other = GOOD.replace("DAI-001", "DAI-009").replace("흰우유", "저지방우유")
    with pytest.raises(CatalogFormatError) as info:
        parse_catalog(write(tmp_path, other, row))
    assert (info.value.line, info.value.field) == (3, field)
    assert problem in said(info.value)
    assert "1111" not in str(info.value) + said(info.value) + said(info.value, "ko")


def test_a_huge_header_and_a_huge_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(CatalogFormatError) as info:
        parse_catalog(write(tmp_path, GOOD, header=HEADER + "x" * 5000))
    assert (info.value.code, info.value.line, info.value.field) == (
        ErrorCode.CATALOG_LINE_TOO_LONG, 1, "header",
    )  # fmt: skip
    assert f"1번째 줄 'header' 칸: 줄이 {len(HEADER) + 5000:,}자예요." in said(info.value, "ko")
    monkeypatch.setattr(catalog_file, "MAX_FILE_BYTES", 100)
    with pytest.raises(CatalogFormatError) as info:
        parse_catalog(write(tmp_path, GOOD))
    assert "field 'file': larger than 0 MB; is it a catalog?" in said(info.value)


# -- the bundled catalog ------------------------------------------------------------------


@pytest.fixture(scope="module")
def bundled() -> list[dict[str, str]]:
    with bundled_catalog_path().open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def test_bundled_catalog_is_valid_and_large_enough() -> None:
    records = parse_catalog(bundled_catalog_path())
    assert len(records) >= 300
    categories = Counter(r.category for r in records)
    assert len(categories) >= 12
    for needed in ["유제품", "계란", "과일", "채소", "정육", "수산", "생수/음료", "라면/면",
                   "쌀/곡물", "커피/차", "간식", "냉동식품", "생활용품"]:  # fmt: skip
        assert categories[needed] >= 5, needed
    assert {r.unit for r in records} <= UNITS
    assert any(r.member_price < r.price for r in records)
    assert any(r.stock == 0 for r in records), "some products must be out of stock"


@pytest.mark.parametrize(
    ("alias", "at_least"),
    [("우유", 3), ("계란", 2), ("달걀", 2), ("라면", 3), ("휴지", 2), ("화장지", 2), ("생수", 2)],
)
def test_common_nouns_have_several_products(alias: str, at_least: int) -> None:
    records = parse_catalog(bundled_catalog_path())
    assert sum(alias in r.aliases for r in records) >= at_least


def test_synonyms_go_together() -> None:
    for r in parse_catalog(bundled_catalog_path()):
        assert ("계란" in r.aliases) == ("달걀" in r.aliases), r.sku
        assert ("휴지" in r.aliases) == ("화장지" in r.aliases), r.sku
