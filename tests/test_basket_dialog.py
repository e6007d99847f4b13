"""Several items in one request, packs, corrections and interruptions (issue 14, the dialog).

The parser is being taught these sentences in parallel, so most tests give the dialog the
:class:`Intent` the schema promises (``Slots.items`` and friends) for their utterance and let
today's parser read the rest ("1번", "응", "우유 두 개 주문해 줘").
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import timedelta

import pytest

from assistant.dialog.conversation import Dialog
from assistant.dialog.pending import PendingChoice, PendingOrder
from assistant.errors import JangbogiError
from assistant.nlu.schema import Intent, Item, Slots
from assistant.shop.service import ShopService
from assistant.shop.vocabulary import load_parser
from tests.shop_helpers import MILK, T0, factory, orders, rows

Parse = Callable[[str], Intent]


@pytest.fixture(scope="module")
def real_parse() -> Iterator[Parse]:
    yield load_parser().parse


def order(
    text: str, *items: Item, lang: str = "ko", name: str = "order", **slots: object
) -> Intent:
    """What the parser is to make of ``text``: a request of ``items``."""
    first = items[0] if items else Item(None)
    return Intent(
        text, lang, name, 0.9,
        Slots(product=first.product, quantity=first.quantity, unit=first.unit, size=first.size,
              items=items, **slots),  # type: ignore[arg-type]
    )  # fmt: skip


def change(text: str, lang: str = "ko", **slots: object) -> Intent:
    return Intent(text, lang, "change", 0.9, Slots(**slots))  # type: ignore[arg-type]


class Talk:
    """A conversation on the test database; ``known`` utterances get the given intent."""

    def __init__(self, url: str, parse: Parse, *known: Intent) -> None:
        self.known = {i.text: i for i in known}
        self.parse = parse
        self.dialog = Dialog(ShopService(factory(url)), parser=self._parse)
        self.clock = T0

    def _parse(self, text: str) -> Intent:
        return self.known.get(text) or self.parse(text)

    def __call__(self, *lines: str) -> list[str]:
        said = []
        for line in lines:
            self.clock += timedelta(seconds=1)
            said.append(self.dialog.handle(line, self.clock).text)
        return said


def line_rows(url: str) -> list[tuple[object, ...]]:
    return rows(
        url,
        "select l.order_id, p.sku, l.quantity from order_lines l "
        "join products p on p.id = l.product_id order by l.order_id, l.id",
    )


def cart_rows(url: str) -> list[tuple[object, ...]]:
    return rows(
        url,
        "select p.sku, c.quantity from cart_lines c join products p on p.id = c.product_id "
        "order by c.id",
    )


MILK_AND_EGGS = order("우유랑 계란 한 판 주문해 줘", Item("우유"), Item("계란", 1, "판"))


# -- several items: one basket, "which one?" item by item, one question ------------------


def test_two_items_are_chosen_in_turn_and_confirmed_together(
    db_url: str, real_parse: Parse
) -> None:
    talk = Talk(db_url, real_parse, MILK_AND_EGGS)
    (milk,) = talk(MILK_AND_EGGS.text)
    assert milk.startswith("우유는 어떤 걸로 할까요? 1번 서울우유 흰우유 1L")
    pending = talk.dialog.pending
    assert isinstance(pending, PendingChoice) and pending.basket is not None
    assert (pending.basket.index, pending.basket.of, pending.phrase) == (1, 2, "우유")
    (eggs,) = talk("1번")
    assert eggs.startswith("계란은 어떤 걸로 할까요?") and "30구" in eggs
    pending = talk.dialog.pending
    assert isinstance(pending, PendingChoice) and pending.basket is not None
    assert pending.basket.index == 2 and [ln.product.sku for ln in pending.basket.lines] == [
        "DAI-001"
    ]
    question, placed = talk("풀무원", "응")
    assert question == (
        "서울우유 흰우유 1L 1팩, 풀무원 무항생제 특란 30구 1판, 모두 회원가 13,770원입니다. "
        "주문할까요?"
    )
    assert placed.startswith("주문했어요")
    assert line_rows(db_url) == [(1, "DAI-001", 1), (1, "EGG-001", 1)]


def test_an_item_with_one_product_needs_no_question(db_url: str, real_parse: Parse) -> None:
    milk = Item("서울우유 흰우유", 2, "개", "1L")
    request = order("서울우유 흰우유 1L 두 개하고 햇반 한 박스", milk, Item("햇반", 1, "박스"))
    (question,) = Talk(db_url, real_parse, request)(request.text)
    assert question == (
        f"{MILK} 2팩, CJ 햇반 12개입 1박스, 모두 회원가 18,480원입니다. 주문할까요?"
    )


def test_an_item_not_sold_is_said_and_the_others_go_on(db_url: str, real_parse: Parse) -> None:
    request = order("우유하고 용가리 통닭 주문해 줘", Item("서울우유 흰우유", size="1L"),
                    Item("용가리 통닭"))  # fmt: skip
    talk = Talk(db_url, real_parse, request)
    (question,) = talk(request.text)
    assert question.startswith("'용가리 통닭'은 저희 상품 목록에 없어요. ")
    assert question.endswith(f"{MILK} 1팩, 회원가 2,790원입니다. 주문할까요?")
    talk("응")
    assert line_rows(db_url) == [(1, "DAI-001", 1)]


def test_nothing_sold_at_all_is_only_said(db_url: str, real_parse: Parse) -> None:
    request = order("용가리 통닭이랑 외계인 고기", Item("용가리 통닭"), Item("외계인 고기"))
    talk = Talk(db_url, real_parse, request)
    (said,) = talk(request.text)
    assert said == (
        "'용가리 통닭'은 저희 상품 목록에 없어요. '외계인 고기'는 저희 상품 목록에 없어요."
    )
    assert talk.dialog.pending is None


def test_the_cart_takes_several_items_in_one_reply(db_url: str, real_parse: Parse) -> None:
    request = order("우유랑 계란 담아 줘", Item("우유"), Item("계란", 2), name="add_to_cart")
    talk = Talk(db_url, real_parse, request)
    milk, eggs, added = talk(request.text, "1번", "풀무원 무항생제 특란")
    assert milk.startswith("우유는 어떤 걸로") and eggs.startswith("계란은 어떤 걸로")
    assert added == (
        f"{MILK} 1팩, 풀무원 무항생제 특란 30구 2판을 장바구니에 담았어요. "
        "지금 장바구니에 2가지 상품이 있어요."
    )
    assert cart_rows(db_url) == [("DAI-001", 1), ("EGG-001", 2)]


def test_several_items_in_english(db_url: str, real_parse: Parse) -> None:
    request = order("milk and a tray of eggs", Item("milk"), Item("eggs", 1, "판"), lang="en")
    talk = Talk(db_url, real_parse, request)
    milk, eggs, question = talk(request.text, "1", "Pulmuone")
    assert milk.startswith("Which milk would you like? 1: Seoul Milk Fresh Milk ")
    assert eggs.startswith("Which eggs would you like?")
    assert question == (
        "1 × Seoul Milk Fresh Milk, 1 × Pulmuone Antibiotic Free Extra Large Eggs, "
        "13,770 won at the member price in all. Shall I order?"
    )


# -- sizes and packs --------------------------------------------------------------------


def test_a_count_of_pieces_on_a_pack_asks_for_the_pack(db_url: str, real_parse: Parse) -> None:
    talk = Talk(db_url, real_parse)
    question, placed = talk("햇반 3개 주문해 줘", "응")
    assert question == (
        "햇반은 12개입 1박스 단위예요. CJ 햇반 12개입 1박스, 회원가 12,900원입니다. 주문할까요?"
    )
    assert placed.startswith("주문했어요")
    assert line_rows(db_url) == [(1, "TOF-010", 1)]


def test_a_count_in_the_products_own_unit_is_taken_as_is(db_url: str, real_parse: Parse) -> None:
    boxes = order("햇반 3박스 주문해 줘", Item("햇반", 3, "박스"))
    bare = order("햇반 2", Item("햇반", 2))
    talk = Talk(db_url, real_parse, boxes, bare)
    three, two = talk(boxes.text, bare.text)
    assert three.startswith("CJ 햇반 12개입 3박스,") and "단위예요" not in three
    assert two.startswith("CJ 햇반 12개입 2박스,")


def test_a_count_of_the_pack_named_counts_packs(db_url: str, real_parse: Parse) -> None:
    """ "햇반 12개입 두 개": the household named the pack, so 두 개 is two of them."""
    request = order("햇반 12개입 두 개 주문해 줘", Item("햇반", 2, "개", "12개입"))
    (question,) = Talk(db_url, real_parse, request)(request.text)
    assert question.startswith("CJ 햇반 12개입 2박스,") and "단위예요" not in question


def test_a_size_said_narrows_the_choice(db_url: str, real_parse: Parse) -> None:
    request = order("서울우유 2.3리터 하나", Item("서울우유 흰우유", 1, "개", "2.3L"))
    (question,) = Talk(db_url, real_parse, request)(request.text)
    assert question.startswith("서울우유 흰우유 2.3L 1팩,")


# -- corrections while the order question is open ---------------------------------------


def test_a_quantity_correction_asks_again_with_a_new_ticket(db_url: str, real_parse: Parse) -> None:
    two = change("두 개로 바꿔 줘", quantity=2, unit="개")
    talk = Talk(db_url, real_parse, two)
    (first,) = talk(f"{MILK} 1개 주문해 줘")
    old = talk.dialog.pending
    (again,) = talk(two.text)
    assert first.startswith(f"{MILK} 1팩,")
    assert again == f"{MILK} 2팩, 회원가 5,580원입니다. 주문할까요?"
    pending = talk.dialog.pending
    assert isinstance(pending, PendingOrder) and isinstance(old, PendingOrder)
    assert pending.wanted == ((1, 2),) and pending.key != old.key
    with pytest.raises(JangbogiError):  # the first question's ticket is gone
        talk.dialog.shop.accept(old.key, talk.clock)
    assert talk("응")[0].startswith("주문했어요")
    assert line_rows(db_url) == [(1, "DAI-001", 2)]


def test_a_bare_count_of_any_intent_corrects_the_quantity(db_url: str, real_parse: Parse) -> None:
    bare = Intent("세 개로", "ko", "none", 0.5, Slots(quantity=3, unit="개"))
    talk = Talk(db_url, real_parse, bare)
    _, again = talk(f"{MILK} 1개 주문해 줘", bare.text)
    assert again.startswith(f"{MILK} 3팩,")


def test_a_product_correction_swaps_the_line(db_url: str, real_parse: Parse) -> None:
    other = change("아니 매일우유 오리지널로", product="매일우유 오리지널")
    talk = Talk(db_url, real_parse, other)
    _, again, _ = talk(f"{MILK} 2개 주문해 줘", other.text, "응")
    assert again == "매일우유 오리지널 900ml 2팩, 회원가 5,160원입니다. 주문할까요?"
    assert line_rows(db_url) == [(1, "DAI-002", 2)]


def test_a_product_correction_with_several_matches_asks_which(
    db_url: str, real_parse: Parse
) -> None:
    other = change("아니 계란으로", product="계란")
    talk = Talk(db_url, real_parse, other)
    _, which, again = talk(f"{MILK} 2개 주문해 줘", other.text, "풀무원 무항생제 특란")
    assert which.startswith("계란은 ") and "몇 번" in which
    assert again.startswith("풀무원 무항생제 특란 30구 2판,")


def test_a_size_correction_changes_the_size(db_url: str, real_parse: Parse) -> None:
    bigger = change("2.3리터짜리로", size="2.3L")
    talk = Talk(db_url, real_parse, bigger)
    _, again = talk(f"{MILK} 1개 주문해 줘", bigger.text)
    assert again.startswith("서울우유 흰우유 2.3L 1팩,")


@pytest.mark.parametrize(
    ("first", "correction", "expected"),
    [
        (
            "이천쌀 10키로짜리 한 포대 주문 넣어 줘",
            "아니다 20키로짜리로 해 줘",
            "철원 오대쌀 20kg 1포대,",
        ),
        (
            "단지우유 네 개 묶음으로 하나 시켜 줘",
            "아니 그냥 낱개로 세 개",
            "빙그레 바나나맛우유 240ml 3개,",
        ),
        ("바나나우유 4개입 두 묶음 주문해 줘", "낱개로 바꿔 줘", "빙그레 바나나맛우유 240ml 2개,"),
    ],
)
def test_a_size_or_single_pieces_the_line_has_not_picks_the_product_that_has(
    db_url: str, real_parse: Parse, first: str, correction: str, expected: str
) -> None:
    talk = Talk(db_url, real_parse)
    _, again = talk(first, correction)
    assert again.startswith(expected)


@pytest.mark.parametrize(
    ("first", "correction"),
    [
        (f"{MILK} 1개 주문해 줘", "아니 5리터짜리로"),
        ("햇반 한 박스 주문해 줘", "아니 낱개로 세 개"),
    ],
)
def test_a_size_nothing_comes_in_is_said_never_asked_again_unchanged(
    db_url: str, real_parse: Parse, first: str, correction: str
) -> None:
    talk = Talk(db_url, real_parse)
    asked, again = talk(first, correction)
    assert again.startswith(("5L짜리 상품이 없어서 바꾸지 못했어요.", "낱개로 파는 상품이 없어서"))
    assert asked.split(", 회원가")[0] in again and again.endswith("주문할까요?")


def test_a_delivery_correction_keeps_the_lines(db_url: str, real_parse: Parse) -> None:
    there = change("택배함으로 바꿔 줘", delivery="locker")
    talk = Talk(db_url, real_parse, there)
    _, again, _ = talk(f"{MILK} 2개 주문해 줘", there.text, "응")
    assert again.startswith(f"{MILK} 2팩,") and "사물함" in again
    assert orders(db_url)[0][4] == "locker"


def test_a_correction_of_several_lines_names_its_line(db_url: str, real_parse: Parse) -> None:
    milk, eggs_item = Item("서울우유 흰우유", 1, None, "1L"), Item("풀무원 무항생제 특란", 1, "판")
    both = order("서울우유 흰우유 1L하고 풀무원 특란 한 판", milk, eggs_item)
    bare = change("두 개로", quantity=2)
    eggs = change("계란은 두 판으로", product="계란", quantity=2, unit="판")
    talk = Talk(db_url, real_parse, both, bare, eggs)
    first, which, again, _ = talk(both.text, bare.text, eggs.text, "응")
    assert first.startswith(f"{MILK} 1팩, 풀무원 무항생제 특란 30구 1판,")
    assert which.startswith("어느 상품을 바꿀지 말씀해 주세요(")
    assert again.startswith(f"{MILK} 1팩, 풀무원 무항생제 특란 30구 2판,")
    assert line_rows(db_url) == [(1, "DAI-001", 1), (1, "EGG-001", 2)]


def test_make_it_two_in_english(db_url: str, real_parse: Parse) -> None:
    one = order("order one Seoul Milk Fresh Milk", Item("Seoul Milk Fresh Milk", 1, None, "1L"),
                lang="en")  # fmt: skip
    two = change("make it two", lang="en", quantity=2)
    talk = Talk(db_url, real_parse, one, two)
    _, again = talk(one.text, two.text)
    assert again == "2 × Seoul Milk Fresh Milk, 5,580 won at the member price. Shall I order?"


# -- a new request, or a place, while "which one?" is open ------------------------------


def test_a_new_request_replaces_the_choice(db_url: str, real_parse: Parse) -> None:
    talk = Talk(db_url, real_parse)
    _, eggs = talk("우유 두 개 주문해 줘", "햇반 한 박스 주문해 줘")
    assert eggs.startswith("CJ 햇반 12개입 1박스,") and "중에서" not in eggs


def test_naming_an_option_as_a_request_answers_the_choice(db_url: str, real_parse: Parse) -> None:
    named = order("서울우유 흰우유 1리터요", Item("서울우유 흰우유", size="1L"))
    talk = Talk(db_url, real_parse, named)
    _, question = talk("우유 두 개 주문해 줘", named.text)
    assert question.startswith(f"{MILK} 2팩,")  # the quantity asked first is kept


def test_a_place_said_during_the_choice_is_for_this_order(db_url: str, real_parse: Parse) -> None:
    talk = Talk(db_url, real_parse)
    _, noted, question, _ = talk("우유 두 개 주문해 줘", "택배함으로 받을래", "1번", "응")
    assert noted.startswith("이번 주문은 사물함(망원역 무인 택배함)으로 받을게요. 우유는 ")
    assert "몇 번" in noted
    assert "사물함(망원역 무인 택배함)으로 받아요" in question
    assert orders(db_url)[0][4] == "locker"
    assert rows(db_url, "select default_delivery from households") == [("home",)]


def test_the_default_changes_only_when_asked(db_url: str, real_parse: Parse) -> None:
    talk = Talk(db_url, real_parse)
    _, noted = talk("우유 두 개 주문해 줘", "앞으로 사물함으로 보내 줘")
    assert noted.startswith("앞으로 사물함(망원역 무인 택배함)으로 받을게요.") and "몇 번" in noted
    assert rows(db_url, "select default_delivery from households") == [("locker",)]


# -- needs: the usual product first, then the question ----------------------------------


def test_a_need_offers_the_usual_product_first(db_url: str, real_parse: Parse) -> None:
    need = order("우유 떨어졌어", Item("우유"))
    talk = Talk(db_url, real_parse, need)
    talk("매일우유 오리지널 1개 주문해 줘", "응")
    talk.clock += timedelta(days=3)
    usual, question = talk(need.text, "응")
    assert usual.startswith("우유는 ") and "늘 사시던 1번 매일우유 오리지널" in usual
    assert question.startswith("매일우유 오리지널 900ml 1팩,") and question.endswith("주문할까요?")


def test_another_product_during_the_choice_looks_again(db_url: str, real_parse: Parse) -> None:
    other = change("아니 햇반으로", product="햇반")
    talk = Talk(db_url, real_parse, other)
    _, question = talk("우유 두 개 주문해 줘", other.text)
    # "두 개" of a 12-pack: the pack is explained and asked about, never 2 boxes silently
    assert question.startswith("햇반은 12개입 1박스 단위예요. CJ 햇반 12개입 1박스,")


def test_a_verbless_name_answers_a_cart_choice(db_url: str, real_parse: Parse) -> None:
    named = order("서울우유 흰우유 1L요", Item("서울우유 흰우유", size="1L"))
    talk = Talk(db_url, real_parse, named)
    _, added = talk("우유 두 개 장바구니에 담아 줘", named.text)
    assert added.startswith(f"{MILK} 2팩을 장바구니에 담았어요.")
    assert cart_rows(db_url) == [("DAI-001", 2)]


def test_a_line_out_of_stock_is_offered_the_closest_product(db_url: str, real_parse: Parse) -> None:
    request = order("서울우유 흰우유 1L하고 커피우유", Item("서울우유 흰우유", size="1L"),
                    Item("서울우유 커피우유"))  # fmt: skip
    (question,) = Talk(db_url, real_parse, request)(request.text)
    assert question.startswith("서울우유 커피우유 300ml은(는) ")
    assert f"{MILK} 1팩, " in question and question.endswith("주문할까요?")
    assert "커피우유 300ml 1개" not in question


def test_a_correction_to_a_product_not_sold_keeps_the_question(
    db_url: str, real_parse: Parse
) -> None:
    other = change("아니 용가리 통닭으로", product="용가리 통닭")
    talk = Talk(db_url, real_parse, other)
    _, kept, placed = talk(f"{MILK} 2개 주문해 줘", other.text, "응")
    assert kept.startswith("'용가리 통닭'은 저희 상품 목록에 없어요. ")
    assert f"{MILK} 2팩, 회원가 5,580원" in kept and kept.endswith("주문할까요?")
    assert placed.startswith("주문했어요")
    assert line_rows(db_url) == [(1, "DAI-001", 2)]


def test_a_reorder_question_can_be_corrected_too(db_url: str, real_parse: Parse) -> None:
    three = change("세 개로 해 줘", quantity=3, unit="개")
    talk = Talk(db_url, real_parse, three)
    talk(f"{MILK} 1개 주문해 줘", "응")
    talk.clock += timedelta(days=2)
    again, corrected, _ = talk("지난번이랑 똑같이 주문해 줘", three.text, "응")
    assert again.startswith("지난 1번 주문과 같이")
    assert corrected == f"{MILK} 3팩, 회원가 8,370원입니다. 주문할까요?"
    assert line_rows(db_url) == [(1, "DAI-001", 1), (2, "DAI-001", 3)]


def test_a_name_said_whole_beats_a_longer_name(db_url: str, real_parse: Parse) -> None:
    milk = order("milk please", Item("milk"), lang="en")
    talk = Talk(db_url, real_parse, milk)
    _, question = talk(milk.text, "Seoul Milk Fresh Milk")
    assert question.startswith("1 × Seoul Milk Fresh Milk, 2,790 won")


def test_an_item_added_with_do_joins_the_open_order(db_url: str, real_parse: Parse) -> None:
    eggs = order("풀무원 특란 한 판도 주문해 줘", Item("풀무원 무항생제 특란", 1, "판"))
    talk = Talk(db_url, real_parse, eggs)
    _, both, _ = talk(f"{MILK} 2개 주문해 줘", eggs.text, "응")
    assert both.startswith(f"{MILK} 2팩, 풀무원 무항생제 특란 30구 1판, 모두 회원가")
    assert line_rows(db_url) == [(1, "DAI-001", 2), (1, "EGG-001", 1)]


def test_another_request_without_do_replaces_the_open_order(db_url: str, real_parse: Parse) -> None:
    talk = Talk(db_url, real_parse)
    _, rice = talk(f"{MILK} 2개 주문해 줘", "햇반 한 박스 주문해 줘")
    assert rice.startswith("CJ 햇반 12개입 1박스, 회원가")


def test_the_structured_turn_says_which_item_and_the_basket(db_url: str, real_parse: Parse) -> None:
    from assistant.dialog import turn

    talk = Talk(db_url, real_parse, MILK_AND_EGGS)
    talk(MILK_AND_EGGS.text)
    waiting, options, basket, item = turn.turn_state(talk.dialog.pending)
    assert (waiting, basket, item) == ("choice", None, turn.Item(1, 2, "우유"))
    assert options[0].sku == "DAI-001"
    talk("1번")
    assert turn.turn_state(talk.dialog.pending)[3] == turn.Item(2, 2, "계란")
    talk("풀무원")
    waiting, _, basket, item = turn.turn_state(talk.dialog.pending)
    assert waiting == "order" and item is None and basket is not None
    assert [(ln.sku, ln.quantity) for ln in basket.lines] == [("DAI-001", 1), ("EGG-001", 1)]
    assert basket.total == 13770


def test_a_number_in_the_name_of_an_option_is_no_quantity(db_url: str, real_parse: Parse) -> None:
    paste = order("toothpaste please", Item("toothpaste"), lang="en")
    named = order("2080 Toothpaste Original", Item("toothpaste original", 2080), lang="en")
    talk = Talk(db_url, real_parse, paste, named)
    ask, question = talk(paste.text, named.text)
    assert ask.startswith("There are 2 kinds of toothpaste")
    assert question.startswith("1 × 2080 Toothpaste Original, ")
