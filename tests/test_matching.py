"""Product matching on the bundled catalog, with a table of misrecognised names."""

from __future__ import annotations

import pytest

from assistant.config import bundled_catalog_path
from assistant.shop.catalog_file import ProductRecord, parse_catalog
from assistant.shop.matching import CatalogEntry, ProductMatcher, to_key

RECORDS = parse_catalog(bundled_catalog_path())
BY_ID = dict(enumerate(RECORDS))


@pytest.fixture(scope="module")
def matcher() -> ProductMatcher:
    return ProductMatcher(
        CatalogEntry(i, r.name_ko, r.name_en, r.brand, r.aliases, r.size, r.stock > 0,
                     r.rating_tenths)
        for i, r in BY_ID.items()
    )  # fmt: skip


def found(matcher: ProductMatcher, heard: str) -> list[ProductRecord]:
    return [BY_ID[c.product_id] for c in matcher.match(heard)]


# (what the recogniser heard, a word every offered product must carry as an alias)
MISHEARD = [
    ("달갈", "달걀"),  # ㅕ heard as ㅏ
    ("게란", "계란"),  # ㅖ heard as ㅔ
    ("우휴", "우유"),  # ㅇ heard as ㅎ
    ("우유", "우유"),
    ("계란", "계란"),
    ("신나면", "신라면"),  # ㄹ heard as ㄴ
    ("신 라 면", "신라면"),  # spacing
    ("삼겹쌀", "삼겹살"),  # 살 heard as 쌀
    ("바나나", "바나나"),
    ("빠나나", "바나나"),
    ("제주 삼다수", "삼다수"),
    ("생수", "생수"),
    ("양퍄", "양파"),
    ("휴지", "휴지"),
    ("화장지", "화장지"),
    ("휴쥐", "휴지"),
    ("세재", "세제"),  # ㅔ/ㅐ merge in speech
    ("뚜부", "두부"),  # tense ㄸ
    ("라면", "라면"),
    ("라멘", "라면"),
    ("ramen", "라면"),
    ("milk", "우유"),
]


@pytest.mark.parametrize(("heard", "alias"), MISHEARD)
def test_misheard_names_find_the_right_products(
    matcher: ProductMatcher, heard: str, alias: str
) -> None:
    offered = found(matcher, heard)
    assert offered, f"{heard!r} found nothing"
    for record in offered:
        assert alias in record.aliases or alias in record.name_ko, (heard, record.name_ko)


@pytest.mark.parametrize(
    ("heard", "sku_name"),
    [("서울우유 흰우유 1L", "서울우유 흰우유"), ("서울 우유 흰 우유 1L", "서울우유 흰우유"),
     ("서울우유흰우유1L", "서울우유 흰우유")],
)  # fmt: skip
def test_a_full_name_with_size_is_one_product(
    matcher: ProductMatcher, heard: str, sku_name: str
) -> None:
    (only,) = found(matcher, heard)
    assert only.name_ko == sku_name and only.size == "1L"


@pytest.mark.parametrize("alias", ["우유", "계란", "라면", "휴지"])
def test_a_common_noun_offers_every_such_product(matcher: ProductMatcher, alias: str) -> None:
    offered = {r.sku for r in found(matcher, alias)}
    expected = {r.sku for r in RECORDS if alias in r.aliases}
    assert offered == expected


def test_flavoured_milk_is_not_plain_milk(matcher: ProductMatcher) -> None:
    assert all("우유" in r.aliases for r in found(matcher, "우유"))
    assert any("딸기" in r.name_ko for r in found(matcher, "딸기우유"))


@pytest.mark.parametrize("heard", ["외계인 고기", "자동차", "티비", "", "   ", "ㅋㅋㅋ", "x"])
def test_not_in_the_catalog(matcher: ProductMatcher, heard: str) -> None:
    assert found(matcher, heard) == []


def test_ranking_is_best_first(matcher: ProductMatcher) -> None:
    ranked = matcher.rank("달갈")
    assert [c.score for c in ranked] == sorted((c.score for c in ranked), reverse=True)


def test_jamo_key() -> None:
    assert to_key("서울 우유") == to_key("서울우유")
    assert len(to_key("달걀")) == 6
