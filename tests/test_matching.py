"""Product matching on the bundled catalog, with a table of misrecognised names."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from assistant.config import bundled_catalog_path
from assistant.shop.catalog_file import ProductRecord, parse_catalog
from assistant.shop.matching import (
    CatalogEntry,
    ProductMatcher,
    head_of,
    kinds_of,
    singular,
    to_key,
    vocabulary_of,
)
from assistant.shop.service import ShopService
from assistant.shop.sizes import count_fits, packs_for, pieces_per_pack, same_size, split_sizes
from tests.shop_helpers import execute, factory, rows, say, talker

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


# -- kinds: what a product IS ranks above products that only carry the word ----------------

SKUS = {r.sku: i for i, r in BY_ID.items()}
PLAIN_MILK = {"DAI-001", "DAI-002", "DAI-003", "DAI-004", "DAI-005", "DAI-006", "DAI-007",
              "DAI-024"}  # fmt: skip
SEOUL_MILK = {"DAI-001", "DAI-004", "DAI-006"}
COFFEE = {r.sku for r in RECORDS if "커피" in r.aliases}
STRAWBERRIES = {"FRU-008", "FRU-009"}
BANANAS = {"FRU-005", "FRU-006", "FRU-007"}


def skus(matcher: ProductMatcher, heard: str, size: str | None = None) -> list[str]:
    return [BY_ID[c.product_id].sku for c in matcher.match(heard, size)]


@pytest.mark.parametrize(
    ("heard", "wanted"),
    [("커피", COFFEE), ("coffee", COFFEE), ("some coffee", COFFEE), ("딸기", STRAWBERRIES),
     ("strawberries", STRAWBERRIES), ("strawberry", STRAWBERRIES), ("바나나", BANANAS),
     ("bananas", BANANAS), ("우유", PLAIN_MILK), ("milk", PLAIN_MILK), ("서울우유", SEOUL_MILK),
     ("신선한 딸기", STRAWBERRIES), ("fresh strawberries", STRAWBERRIES),
     ("딸기우유", {"DAI-010"}), ("strawberry milk", {"DAI-010"}), ("커피우유", {"DAI-011"}),
     ("coffee milk", {"DAI-011"}), ("바나나우유", {"DAI-008", "DAI-009"}),
     ("서울우유 버터", {"DAI-020"}), ("저지방 우유", {"DAI-004"})],
)  # fmt: skip
def test_a_noun_finds_what_is_that_noun(
    matcher: ProductMatcher, heard: str, wanted: set[str]
) -> None:
    """커피 is a coffee, not 커피우유 (a 우유); 우유 is a plain milk, not 바나나맛우유."""
    offered = skus(matcher, heard)
    assert offered and set(offered) <= wanted, (heard, offered)


@pytest.mark.parametrize(
    "heard", ["strawberry jam", "딸기잼", "딸기 잼", "banana chips", "oat milk", "almond milk"]
)
def test_a_head_the_catalog_does_not_sell_is_not_its_modifier(
    matcher: ProductMatcher, heard: str
) -> None:
    """딸기잼 is a 잼, not a 딸기; "almond milk" is no plain milk (almond names another kind)."""
    assert skus(matcher, heard) == []


def test_a_reversed_compound_is_another_kind(matcher: ProductMatcher) -> None:
    """ "milk chocolate" is a chocolate, never 초코에몽 (a chocolate milk)."""
    assert "DAI-012" not in skus(matcher, "milk chocolate")
    assert "DAI-011" not in skus(matcher, "milk coffee")
    assert skus(matcher, "chocolate milk") == ["DAI-012"]


def without(*gone: str) -> ProductMatcher:
    return ProductMatcher(
        CatalogEntry(i, r.name_ko, r.name_en, r.brand, r.aliases, r.size) for i, r in BY_ID.items()
        if r.sku not in gone
    )  # fmt: skip


def test_a_noun_inside_a_name_is_offered_only_when_nothing_is_that_noun() -> None:
    """Ranking below is not never: without strawberries, 딸기 offers what carries the word."""
    strawberryless = without(*STRAWBERRIES)
    offered = skus(strawberryless, "딸기")
    assert offered and all("딸기" in BY_ID[SKUS[s]].name_ko for s in offered)
    with_one_milk = without(*(PLAIN_MILK - {"DAI-024"}))
    assert skus(with_one_milk, "우유") == ["DAI-024"]  # 딸기우유 is a 우유, but less so
    assert skus(without("DAI-008", "DAI-009"), "바나나우유") == []  # not the bananas


def test_the_head_of_a_compound_is_its_last_part() -> None:
    vocabulary = vocabulary_of(["우유", "딸기", "milk", "생크림", "coffee", "coffee bean"])
    assert head_of("딸기우유", vocabulary) == "우유"
    assert head_of("동물성생크림", vocabulary) == "생크림"
    assert head_of("strawberry milk", vocabulary) == "milk"
    assert head_of("coffee beans", vocabulary) is None  # a coffee bean is no bean
    assert head_of("우유", vocabulary) is None
    assert kinds_of(["바나나맛우유", "banana milk"], vocabulary) == {
        to_key("바나나맛우유"),
        to_key("우유"),
        "bananamilk",
        "milk",
    }


# -- English names, partial and plural -------------------------------------------------------


@pytest.mark.parametrize(
    ("heard", "wanted"),
    [("Seoul milk", SEOUL_MILK), ("Maeil milk", {"DAI-002", "DAI-005"}),
     ("Shin ramyun", {"NOO-001", "NOO-009"}), ("toilet paper", {"HOU-001", "HOU-002", "HOU-003"}),
     ("Kleenex toilet paper", {"HOU-002"}), ("hetbahn", {"TOF-010"}),
     ("cooked rice", {"TOF-010", "TOF-011"}),
     ("eggs", {r.sku for r in RECORDS if "egg" in r.aliases}),
     ("apples", {r.sku for r in RECORDS if "apple" in r.aliases}),
     ("tomatoes", {"FRU-022", "FRU-023"})],
)  # fmt: skip
def test_english_names_match_in_part_and_in_the_plural(
    matcher: ProductMatcher, heard: str, wanted: set[str]
) -> None:
    offered = skus(matcher, heard)
    assert offered and set(offered) <= wanted, (heard, offered)


def test_singular() -> None:
    plurals = ["strawberries", "tomatoes", "peaches", "eggs", "glass", "bus"]
    assert [singular(w) for w in plurals] == [
        "strawberry",
        "tomato",
        "peach",
        "egg",
        "glass",
        "bus",
    ]


# -- sizes said in the phrase ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("heard", "size", "wanted"),
    [("서울우유 1리터", None, ["DAI-001"]), ("서울우유 1리터", "1L", ["DAI-001"]),
     ("서울우유 1L", None, ["DAI-001"]), ("서울우유", "1L", ["DAI-001"]),
     ("서울우유 1000ml", None, ["DAI-001"]), ("seoul milk 1 liter", None, ["DAI-001"]),
     ("삼다수 2L", None, ["BEV-001"]), ("삼다수 2리터짜리", None, ["BEV-001"]),
     ("휴지 30롤", None, ["HOU-001", "HOU-002"]), ("서울우유 흰우유 2.3L", None, ["DAI-006"])],
)  # fmt: skip
def test_a_size_said_narrows(
    matcher: ProductMatcher, heard: str, size: str | None, wanted: list[str]
) -> None:
    """Never 무염버터 450g for "서울우유 1리터"; 제주삼다수 2L (a 6병 pack) for "삼다수 2L"."""
    assert sorted(skus(matcher, heard, size)) == wanted


@pytest.mark.parametrize(
    ("heard", "size"), [("우유 5L", None), ("우유", "5L"), ("서울우유 450g", None)]
)
def test_a_size_nobody_has_keeps_the_right_kind(
    matcher: ProductMatcher, heard: str, size: str | None
) -> None:
    offered = skus(matcher, heard, size)
    assert offered and set(offered) <= PLAIN_MILK


# -- shop.sizes: sizes in a phrase, packs of pieces --------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "rest", "sizes"),
    [("서울우유 1리터", "서울우유", ("1L",)), ("서울우유흰우유1L", "서울우유흰우유", ("1L",)),
     ("삼다수 2L짜리", "삼다수", ("2L",)), ("휴지 30롤", "휴지", ("30롤",)),
     ("계란 30알", "계란", ("30구",)), ("햇반 12개짜리", "햇반", ("12개입",)),
     ("seoul milk 1 liter", "seoul milk", ("1L",)),
     ("Shin ramyun 5-pack", "Shin ramyun", ("5개입",)),
     ("우유 1.5 L", "우유", ("1.5L",)), ("롯데 아이시스8.0 500ml", "롯데 아이시스8.0", ("500ml",)),
     ("2080 치약", "2080 치약", ()), ("우리한우 1++ 등심", "우리한우 1++ 등심", ()),
     ("우유 2개", "우유 2개", ()), ("1 large egg", "1 large egg", ())],
)  # fmt: skip
def test_sizes_inside_a_phrase(phrase: str, rest: str, sizes: tuple[str, ...]) -> None:
    assert split_sizes(phrase) == (rest, sizes)


def test_sizes_compare_in_a_base_unit() -> None:
    assert same_size("1L", "1000ml") and same_size("1리터", "1L") and same_size("1kg", "1000g")
    assert same_size("12개짜리", "12개입") and same_size("30알", "30구")
    assert not same_size("1L", "900ml") and not same_size("", "1L") and not same_size("1L", "")


@dataclass(frozen=True)
class Pack:
    size: str
    unit: str


HETBAHN = Pack("12개입", "박스")
EGGS_30 = Pack("30구", "판")
TISSUE = Pack("30롤", "묶음")
MILK_1L = Pack("1L", "팩")


def test_pieces_per_pack() -> None:
    sizes = ["12개입", "30구", "30롤", "6병", "100매", "1L", "500g", "1개", ""]
    assert [pieces_per_pack(s) for s in sizes] == [12, 30, 30, 6, 100, None, None, None, None]


@pytest.mark.parametrize(
    ("unit", "product", "fits"),
    [("개", HETBAHN, False), ("박스", HETBAHN, True), (None, HETBAHN, True), ("box", HETBAHN, True),
     ("pieces", HETBAHN, False), ("개", EGGS_30, False), ("알", EGGS_30, False),
     ("판", EGGS_30, True), ("롤", TISSUE, False), ("개", TISSUE, True), ("개", MILK_1L, True),
     ("팩", MILK_1L, True)],
)  # fmt: skip
def test_a_count_of_pieces_does_not_fit_a_pack(unit: str | None, product: Pack, fits: bool) -> None:
    """ "햇반 3개" on a 12개입 box counts bowls, not boxes: the dialog asks instead of
    multiplying; "휴지 2개" counts bundles."""
    assert count_fits(unit, product) is fits


def test_packs_for_pieces() -> None:
    assert [packs_for(n, "12개입") for n in (1, 3, 12, 13, 24)] == [1, 1, 1, 2, 2]
    assert packs_for(3, "1L") == 3


# -- the shop on a real demo database ----------------------------------------------------------


def test_the_shop_finds_kinds_and_sizes(db_url: str) -> None:
    shop = ShopService(factory(db_url))

    def found(phrase: str, size: str | None = None) -> list[str]:
        return [p.sku for p in shop.find_products(phrase, size)]

    for phrase, size in [("서울우유 1리터", "1L"), ("서울우유 1리터", None), ("서울우유", "1L")]:
        assert found(phrase, size) == ["DAI-001"], (phrase, size)  # never 무염버터 450g
    assert found("삼다수", "2L") == ["BEV-001"] and found("hetbahn") == ["TOF-010"]
    assert set(found("커피")) <= COFFEE and set(found("coffee")) <= COFFEE
    assert "DAI-011" not in found("커피") and set(found("딸기")) == STRAWBERRIES
    assert found("우유 5L") and set(found("우유 5L")) <= PLAIN_MILK  # a size nobody has
    assert found("우유", "5L") == found("우유")


def test_substitutes_are_of_the_same_kind(db_url: str) -> None:
    execute(db_url, "update products set stock = 0 where sku in ('COF-001', 'COF-002')")
    shop = ShopService(factory(db_url))
    by_sku = {r.sku: r for r in RECORDS}
    ids = dict(rows(db_url, "select sku, id from products"))  # type: ignore[arg-type]
    coffee = shop.alternative(ids["COF-001"], 1)
    assert coffee is not None and "커피" in by_sku[coffee.sku].aliases  # a coffee, not a milk
    assert shop.alternative(ids["DAI-011"], 1) is None  # the only coffee milk: nothing else
    for record in RECORDS:  # any substitute is called something the wanted product is
        alt = shop.alternative(ids[record.sku], record.stock + 1)
        if alt is not None:
            shared = {a.lower() for a in record.aliases} & {
                a.lower() for a in by_sku[alt.sku].aliases
            }
            assert shared - {record.brand}, (record.sku, alt.sku)
            assert alt.stock > record.stock


def test_a_sold_out_coffee_mix_is_never_offered_as_a_milk(db_url: str) -> None:
    execute(db_url, "update products set stock = 0 where sku in ('COF-001', 'COF-002')")
    (reply,) = say(talker(db_url), "맥심 모카골드 커피믹스 주문해 줘")
    assert "품절" in reply and "대신" in reply and "우유" not in reply


def test_odd_catalogs_and_phrases_do_not_break_matching() -> None:
    odd = ProductMatcher(
        [CatalogEntry(1, "", "", "", ()), CatalogEntry(2, "우유", "milk", "", ("우유",))]
    )
    assert [c.product_id for c in odd.match("맛있는 우유")] == [2]
    assert odd.match("the") == odd.match("1L") == odd.match("") == odd.rank("x y z") == []


@pytest.mark.parametrize(
    ("heard", "sku"),
    [("파", "VEG-003"), ("밀크", "DAI-001"), ("우휴", "DAI-001"), ("게란", "EGG-001"),
     ("팥", "RIC-014"), ("무", "VEG-007")],
)  # fmt: skip
def test_a_short_word_is_matched_by_a_misspelling_of_its_own_length(
    matcher: ProductMatcher, heard: str, sku: str
) -> None:
    """우휴 is 우유 (one letter off), but 파 is not 팥 and 밀크 is not 밀키스 (a longer word)."""
    skus = [r.sku for r in found(matcher, heard)]
    assert sku in skus
    assert not {"RIC-014", "BEV-024"} & set(skus) - {sku}


def test_one_syllable_matches_only_itself(matcher: ProductMatcher) -> None:
    assert found(matcher, "팟") == []  # not 팥, not 파
    assert found(matcher, "밀") == []


@pytest.mark.parametrize(
    ("heard", "sku"),
    [
        ("주방세제 자연퐁", "HOU-011"),  # the kind said before the name
        ("세제 퍼실", "HOU-008"),
        ("과자 새우깡", "SNK-001"),
        ("햇반 박스", "TOF-010"),  # a counting word after the name
        ("진간장 큰 병", "SAU-001"),  # and a word of size
        ("buldak big cup", "NOO-010"),  # words of its English name
        ("tea bag", "COF-015"),  # a container word that is part of a name stays
        ("choco pies", "SNK-003"),  # pies: the plural of pie
        ("mayo", "SAU-007"),  # what households call it
        ("paper towels", "HOU-004"),
        ("chili paste", "SAU-003"),
        ("soybean paste", "SAU-005"),
        ("scallions", "VEG-003"),
        ("laundry soap", "HOU-007"),
        ("instant noodles", "NOO-001"),
        ("hetbahn", "TOF-010"),
        ("bananna", "FRU-005"),
        ("세우깡", "SNK-001"),  # ㅐ/ㅔ
        ("헷반", "TOF-010"),
        ("에호박", "VEG-012"),
        ("양베추", "VEG-006"),
    ],
)
def test_households_words_find_the_product(matcher: ProductMatcher, heard: str, sku: str) -> None:
    assert sku in skus(matcher, heard)


@pytest.mark.parametrize(
    ("heard", "choice"),
    [
        ("바나나우유 묶음", {"DAI-008", "DAI-009"}),  # the pack is asked, not guessed
        ("두뷰", {"TOF-001", "BEV-019"}),  # as close to 두부 as to 두유: a choice
        ("rice bag", {"RIC-001", "RIC-002"}),
    ],
)
def test_a_typo_between_products_is_a_choice(
    matcher: ProductMatcher, heard: str, choice: set[str]
) -> None:
    assert choice <= set(skus(matcher, heard))


def test_a_kind_before_a_word_of_another_kind_stays_apart(matcher: ProductMatcher) -> None:
    assert "DAI-012" not in skus(matcher, "milk chocolate")
    assert skus(matcher, "딸기 우유") == ["DAI-010"]


@pytest.mark.parametrize("heard", ["hot sauce", "sriracha", "cream cheese"])
def test_a_modifier_the_product_does_not_have_is_no_near_miss(
    matcher: ProductMatcher, heard: str
) -> None:
    """ "hot sauce" is close to "soy sauce" as a string; nothing of the soy sauce is hot."""
    assert skus(matcher, heard) == []


@pytest.mark.parametrize(
    ("heard", "wanted"),
    [
        # typos of one sound (쵸/초, 쌀/살): the product when it is one, a choice when two
        ("쵸코파이", ["SNK-003"]),
        ("쵸코에몽", ["DAI-012"]),
        ("삼겹쌀", ["MEA-006", "MEA-009"]),
        ("쵸코렛", ["SNK-010", "SNK-011"]),
        # a kind with the form it comes in, which the product's name does not say
        ("보리차 티백", ["COF-011"]),
        ("보리차티백", ["COF-011"]),
        ("녹차 티백", ["COF-010"]),
        ("barley tea bags", ["COF-011"]),
        ("보리 티백", ["COF-011"]),  # tea bags of barley are no bag of the grain
        # a variety before the kind, a purpose or a brand after the name
        ("캠벨 포도", ["FRU-013"]),
        ("멸치 국물용", ["SEA-010"]),
        ("섬유유연제 다우니", ["HOU-010"]),
        ("곰돌이 젤리 하리보", ["SNK-012"]),
        # what households call it
        ("랩", ["HOU-020"]),
        ("비닐랩", ["HOU-020"]),
        ("크린랩", ["HOU-020"]),
    ],
)
def test_typos_forms_and_words_after_the_name(
    matcher: ProductMatcher, heard: str, wanted: list[str]
) -> None:
    assert sorted(skus(matcher, heard)) == wanted


@pytest.mark.parametrize("heard", ["샴푸 티백", "녹차 가루"])
def test_a_form_the_product_is_not_sold_in_is_no_match(matcher: ProductMatcher, heard: str) -> None:
    assert skus(matcher, heard) == []


def test_a_plain_kind_is_not_narrowed_to_tea_bags(matcher: ProductMatcher) -> None:
    assert sorted(skus(matcher, "보리차")) == ["BEV-023", "COF-011"]
    assert skus(matcher, "보리") == ["RIC-010"]
