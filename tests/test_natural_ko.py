"""What Korean households actually say (issue 14): several items in one request, sizes that
are sizes, requests without a verb of buying, needs, corrections, pointers back at the last
order, receipts, emptying the cart, the order history, and the chatter that must stay `none`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from assistant.nlu.schema import SPENDING_INTENTS, Intent, Item
from assistant.shop.vocabulary import load_parser

PARSER = load_parser()
GOLDEN = Path(__file__).resolve().parent / "golden" / "ko"


def parse(text: str) -> Intent:
    return PARSER.parse(text, "ko")


def items(text: str) -> list[tuple[str | None, int | None, str | None, str | None]]:
    return [(i.product, i.quantity, i.unit, i.size) for i in parse(text).slots.items]


# -- the golden sentences' extra slots (tests/test_golden.py checks the single-item ones) ----


def _extra_cases() -> list[Any]:
    cases = []
    for path in sorted(GOLDEN.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for entry in data["sentences"]:
            slots = entry.get("slots") or {}
            if any(k in slots for k in ("items", "size", "reference")):
                cases.append(pytest.param(data["intent"], entry, id=str(entry["text"])))
    return cases


@pytest.mark.parametrize(("intent", "entry"), _extra_cases())
def test_golden_items_sizes_and_references(intent: str, entry: dict[str, Any]) -> None:
    parsed = parse(str(entry["text"]))
    assert parsed.name == intent
    want = entry["slots"]
    assert parsed.slots.size == want.get("size")
    assert parsed.slots.reference == want.get("reference", False)
    if "items" in want:
        expected = [
            Item(i["product"], i.get("quantity"), i.get("unit"), i.get("size"))
            for i in want["items"]
        ]
        assert list(parsed.slots.items) == expected


# -- several items ----------------------------------------------------------------------------

MILK = ("우유", None, None, None)
EGGS = ("계란", None, None, None)
RICE = ("햇반", None, None, None)


@pytest.mark.parametrize(
    ("text", "intent", "expected"),
    [
        ("우유랑 계란 사 줘", "order", [MILK, EGGS]),
        ("우유이랑 계란 주문해 줘", "order", [MILK, EGGS]),
        ("우유와 계란과 두부 주문해 줘", "order", [MILK, EGGS, ("두부", None, None, None)]),
        ("우유 하나하고 계란 한 판", "order", [("우유", 1, None, None), ("계란", 1, "판", None)]),
        ("우유 두 개랑 햇반도 시켜 줘", "order", [("우유", 2, "개", None), RICE]),
        ("서울우유 1리터 두 개랑 계란 30구 한 판 주문해 줘", "order",
         [("서울우유", 2, "개", "1L"), ("계란", 1, "판", "30구")]),
        ("우유랑 계란 장바구니에 담아", "add_to_cart", [MILK, EGGS]),
        ("장바구니에 두부랑 콩나물 넣어 줘", "add_to_cart",
         [("두부", None, None, None), ("콩나물", None, None, None)]),
        ("딸기우유 주문해 줘", "order", [("딸기우유", None, None, None)]),
    ],
)  # fmt: skip
def test_several_items_in_one_request(text: str, intent: str, expected: list[Any]) -> None:
    parsed = parse(text)
    assert parsed.name == intent
    assert items(text) == expected
    first = parsed.slots.items[0]
    assert (parsed.slots.product, parsed.slots.quantity, parsed.slots.unit, parsed.slots.size) == (
        first.product, first.quantity, first.unit, first.size
    )  # fmt: skip


# -- sizes ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "product", "quantity", "size"),
    [
        ("서울우유 1리터 세 개 주문해 줘", "서울우유", 3, "1L"),
        ("서울우유 1L 두 개 주문해 줘", "서울우유", 2, "1L"),
        ("우유 1000ml 주문해 줘", "우유", None, "1000ml"),
        ("쌀 10키로 한 포대 사 줘", "쌀", 1, "10kg"),
        ("쌀 10kg 주문해 줘", "쌀", None, "10kg"),
        ("삼겹살 600그램 주문해 줘", "삼겹살", None, "600g"),
        ("삼겹살 500g 두 팩 주문해 줘", "삼겹살", 2, "500g"),
        ("계란 30구 주문해 줘", "계란", None, "30구"),
        ("계란 30알 주문해 줘", "계란", None, "30구"),
        ("휴지 30롤 주문해 줘", "휴지", None, "30롤"),
        ("물티슈 100매 주문해 줘", "물티슈", None, "100매"),
        ("라면 5개입 주문해 줘", "라면", None, "5개입"),
        ("햇반 12개짜리 주문해 줘", "햇반", None, "12개입"),
        ("우유 2리터짜리 주문해 줘", "우유", None, "2L"),
        ("생수 6병 묶음 주문해 줘", "생수", None, "6병"),
        ("생수 500미리 주문해 줘", "생수", None, "500ml"),
        ("우유 1.5L 두 개 주문해 줘", "우유", 2, "1.5L"),
    ],
)
def test_a_size_is_a_size(text: str, product: str, quantity: int | None, size: str) -> None:
    parsed = parse(text)
    assert parsed.name == "order"
    assert (parsed.slots.product, parsed.slots.quantity, parsed.slots.size) == (
        product,
        quantity,
        size,
    )


def test_a_monthly_bag_of_rice_is_one_bag_of_ten_kilos() -> None:
    parsed = parse("매달 쌀 10kg 보내 줘")
    assert parsed.name == "subscribe"
    assert parsed.slots.schedule is not None and parsed.slots.schedule.freq == "monthly"
    assert (parsed.slots.product, parsed.slots.quantity, parsed.slots.size) == ("쌀", None, "10kg")


# -- requests without a verb, needs, and what stays none ------------------------------------


@pytest.mark.parametrize(
    ("text", "product", "quantity"),
    [
        ("우유 주세요", "우유", None),
        ("우유 하나 주세요", "우유", 1),
        ("우유 좀", "우유", None),
        ("계란 2판이요", "계란", 2),
        ("물티슈 3팩", "물티슈", 3),
        ("생수 한박스", "생수", 1),
        ("우휴 두개", "우휴", 2),
        ("우유만 두 개", "우유", 2),
        ("두부 한 모 부탁해요", "두부", 1),
        ("라면 한 봉지요", "라면", 1),
        ("물티슈 다 썼어", "물티슈", None),
        ("우유 떨어졌어", "우유", None),
        ("휴지 사야겠다", "휴지", None),
        ("우유가 없네", "우유", None),
        ("세제 거의 다 떨어졌어", "세제", None),
        ("쌀 다 먹었어", "쌀", None),
        ("휴지 다 떨어져 가", "휴지", None),
        ("우유 주문해야겠다", "우유", None),
    ],
)
def test_requests_without_a_verb_and_needs_are_orders(
    text: str, product: str, quantity: int | None
) -> None:
    parsed = parse(text)
    assert parsed.name == "order"
    assert (parsed.slots.product, parsed.slots.quantity) == (product, quantity)


NEVER_BUY = """
어제 우유 샀어
엄마가 우유 사 왔어
내일 마트 가서 우유 사야지
내일 마트 가서 우유 사야겠다
우유 사러 갈 거야
우유 사 올게
퇴근하고 우유 사 갈게
우유 안 사도 돼
우유는 필요 없어
우유 샀었나?
우유 비싸다
요즘 계란 값 올랐네
우유 안 떨어졌어
우유 떨어졌어?
우유 다 떨어졌대
엄마가 우유 다 먹었어
돈이 없네
시간 다 썼어
배터리 다 떨어졌어
휴지도 떨어졌네
냉장고에 김치도 없네
빵집에 크림빵밖에 없다
그룹 광고 백 개
농담 해 줘
기회 좀 줘
엄마랑 아빠
친구 두 명
사과 한 개 먹었어
우유 두 개?
우유
서울우유 1L
방금 주문한 거 영수증
우유랑 계란 샀어
엄마랑 마트 갔어
우유랑 빵 사러 갈 거야
내가 뭐 주문했지?
옷 사야겠다
여자친구가 없어
""".strip().splitlines()
"""Reports and the past, the speaker's own errands, negations, questions, price remarks,
needs of things that are not groceries, chatter."""


@pytest.mark.parametrize("text", NEVER_BUY)
def test_reports_plans_negations_and_remarks_never_buy(text: str) -> None:
    assert parse(text).name not in SPENDING_INTENTS


# -- corrections and delivery -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "product", "quantity", "size"),
    [
        ("두 개로 바꿔 줘", None, 2, None),
        ("세 개로 해 줘", None, 3, None),
        ("아니 매일우유로", "매일우유", None, None),
        ("1리터짜리로", None, None, "1L"),
        ("아니 두 개", None, 2, None),
        ("하나만", None, 1, None),
    ],
)
def test_corrections_change_the_open_question(
    text: str, product: str | None, quantity: int | None, size: str | None
) -> None:
    parsed = parse(text)
    assert parsed.name == "change"
    assert (parsed.slots.product, parsed.slots.quantity, parsed.slots.size) == (
        product,
        quantity,
        size,
    )


def test_a_correction_inside_a_subscription_stays_a_subscription() -> None:
    assert parse("달걀 30구 한 판을 매주 목요일 아침마다 자동 주문으로 해 줘").name == "subscribe"


@pytest.mark.parametrize(
    ("text", "intent", "delivery"),
    [
        ("우유 사물함으로 보내 줘", "order", "locker"),
        ("우유 주문해서 매장에서 찾아갈게", "order", "store"),
        ("배추 두 포기 주문하고 매장에서 찾을게", "order", "store"),
        ("앞으로 사물함으로 보내 줘", "set_delivery", "locker"),
    ],
)
def test_the_delivery_inside_a_request(text: str, intent: str, delivery: str) -> None:
    parsed = parse(text)
    assert (parsed.name, parsed.slots.delivery) == (intent, delivery)


# -- references and the new intents -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("아까 그거 취소해 줘", "cancel_order"),
        ("방금 주문한 거 취소", "cancel_order"),
        ("그거 취소해", "cancel_order"),
        ("방금 주문한 거 어디쯤 왔어", "order_status"),
        ("하나 더 시켜 줘", "reorder"),
        ("그거 하나 더", "reorder"),
        ("방금 주문한 거 영수증", "receipt"),
    ],
)
def test_references_point_back(text: str, intent: str) -> None:
    parsed = parse(text)
    assert parsed.name == intent
    assert parsed.slots.reference is True
    assert parsed.slots.product is None


def test_a_named_product_is_no_reference() -> None:
    parsed = parse("우유 주문 취소해 줘")
    assert parsed.name == "cancel_order"
    assert (parsed.slots.product, parsed.slots.reference) == ("우유", False)


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("영수증 보여 줘", "receipt"),
        ("영수증 줘", "receipt"),
        ("장바구니 비워 줘", "clear_cart"),
        ("장바구니 다 지워", "clear_cart"),
        ("카트 싹 비워", "clear_cart"),
        ("내가 뭐 주문했지?", "order_history"),
        ("최근에 뭐 샀어?", "order_history"),
        ("주문 내역 보여 줘", "order_history"),
        ("주문 상태 알려줘", "order_status"),
        ("뭐 사야 돼?", "suggest"),
        ("장바구니에서 우유 빼줘", "remove_from_cart"),
    ],
)
def test_receipt_clear_cart_and_history(text: str, intent: str) -> None:
    assert parse(text).name == intent


def test_two_weekdays_of_a_subscription() -> None:
    parsed = parse("화요일하고 금요일마다 우유 보내 줘")
    assert parsed.name == "subscribe"
    assert parsed.slots.schedule is not None
    assert (parsed.slots.schedule.freq, parsed.slots.schedule.weekdays) == (
        "weekly",
        ("tue", "fri"),
    )
    assert parsed.slots.product == "우유"


# -- round 2: delivery clauses, soft requests, needs (nlu/lang/ko/clauses.py, mood.py) ---------


@pytest.mark.parametrize(
    ("text", "product", "quantity", "delivery"),
    [
        ("햇반 한 박스 매장에서 찾아갈게", "햇반", 1, "store"),
        ("휴지 하나 시켜 줘 망원역 보관함으로", "휴지", 1, "locker"),
        ("새우깡 세 봉지 무인 택배함으로 보내 줄래?", "새우깡", 3, "locker"),
        ("세제 하나 주문해 줘 마트에서 픽업할게", "세제", 1, "store"),
        ("초코파이 한 상자 매장 픽업이요", "초코파이", 1, "store"),
        ("만두 두 봉지 주문해 줘 망원점에서 찾을게", "만두", 2, "store"),
        ("물티슈 두 팩 망원역 택배함으로 주문해 줘", "물티슈", 2, "locker"),
        ("햇반 두 박스 주문해 놔 직접 가서 받아 올게", "햇반", 2, "store"),
        ("키친타월 하나 매장 수령으로 해 줘", "키친타월", 1, "store"),
        ("우유 두 개 시켜 줘 집으로", "우유", 2, "home"),
        ("삼다수 한 박스 가게에서 가져갈게", "삼다수", 1, "store"),
    ],
)
def test_a_delivery_said_in_a_clause_of_its_own(
    text: str, product: str, quantity: int, delivery: str
) -> None:
    parsed = parse(text)
    assert parsed.name == "order"
    assert (parsed.slots.product, parsed.slots.quantity, parsed.slots.delivery) == (
        product,
        quantity,
        delivery,
    )


@pytest.mark.parametrize(
    ("text", "product", "quantity"),
    [
        ("두부 두 모 주문해 주시겠어요?", "두부", 2),
        ("빼빼로 다섯 개 사 주면 안 돼?", "빼빼로", 5),
        ("두부 한 모만 시켜 주면 좋겠구먼", "두부", 1),
        ("쌀 떨어지기 전에 10키로짜리 한 포대 시켜 놔라", "쌀", 1),
        ("우유 두 개랑 계란 한 판 빨리 시켜 줘 내일 아침에 필요해", "우유", 2),
        ("세제가 없네 사야겠어", "세제", None),
        ("계란 한 판 더 있어야겠다", "계란", 1),
        ("휴지 좀 사야 할 것 같아", "휴지", None),
        ("참치캔 다 먹어서 세 개 필요해", "참치캔", 3),
        ("아 맞다 우유 사야 되는데", "우유", None),
        ("바나나 사야지", "바나나", None),
    ],
)
def test_soft_requests_and_needs_are_orders(text: str, product: str, quantity: int | None) -> None:
    parsed = parse(text)
    assert parsed.name == "order"
    assert (parsed.slots.product, parsed.slots.quantity) == (product, quantity)


def test_a_request_and_why_keeps_both_items() -> None:
    assert items("우유 두 개랑 계란 한 판 빨리 시켜 줘 내일 아침에 필요해") == [
        ("우유", 2, "개", None),
        ("계란", 1, "판", None),
    ]


def test_the_last_order_and_an_automatic_order() -> None:
    cancel = parse("조금 전에 한 주문 취소")
    assert (cancel.name, cancel.slots.reference) == ("cancel_order", True)
    monthly = parse("한 달마다 치약 두 개 자동으로 주문되게 해 줘")
    assert monthly.name == "subscribe"
    assert monthly.slots.schedule is not None and monthly.slots.schedule.freq == "monthly"


NEVER_BUY_ROUND_2 = """
우유 두 개 사물함에 있어
우유 두 개 매장에서 찾아갔어
우유 두 개 매장에서 안 찾아갈게
우유 두 개 매장에서 찾아가도 돼?
우유 한 개 매장에서 찾아갈까?
엄마가 매장에서 우유 찾아갈 거야
옷 하나 매장에서 찾아갈게
우유 택배함에 넣어 놨어
우유 두 개 망원역 사물함에 넣어 뒀대
우유 사 주면 안 돼
우유 안 사도 돼
우유 사지 마
엄마 빼빼로 사 주면 안 돼?
친구가 우유 사 주면 좋겠대
우유 시켜 줘 엄마가 필요해
퇴근길에 우유 사 갈게
나중에 편의점에서 살게
우유 사 가야지
우유 사러 가야지
이따 우유 사야지
편의점에서 우유 사야지
너도 우유 사야지
우유 사야 되는데
우유 사야 돼?
돈이 없네 사야겠어
아이 숙제 시켜야지
시간이 더 있어야겠다
돈 좀 있어야 할 것 같아
우유 자동 주문 됐어?
우유 그만 사 주면 좋겠어
치킨 시켜야지
""".strip().splitlines()
"""A delivery clause negated, past, asked about or of things the shop does not sell; plans,
prohibitions, someone else's wishes, needs of things that are not groceries."""


@pytest.mark.parametrize("text", NEVER_BUY_ROUND_2)
def test_round_2_chatter_never_buys(text: str) -> None:
    assert parse(text).name not in SPENDING_INTENTS


def test_a_soft_question_is_never_a_yes() -> None:
    assert parse("그냥 주문해 주면 안 돼?").name != "confirm"


def test_two_items_each_with_its_own_verb_are_one_list() -> None:
    assert items("우유도 시키고 요플레도 시켜 줘") == [
        ("우유", None, None, None),
        ("요플레", None, None, None),
    ]
    assert parse("우유 사고 빵도 샀어").name not in SPENDING_INTENTS


# -- ko2b: who it is for, lists without a join, colloquial endings, "큰 거" ----------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("할머니 드실 두유 한 박스 주문해 줘", [("두유", 1, "박스", None)]),
        ("엄마 드실 커피믹스 하나 시켜 줘", [("커피믹스", 1, None, None)]),
        ("애들 먹을 바나나우유 세 개 주문해줘", [("바나나우유", 3, "개", None)]),
        ("할머니 드실 베지밀 한 박스요", [("베지밀", 1, "박스", None)]),
        ("흰 우유 하나 주문해 줘", [("흰 우유", 1, None, None)]),
        ("샴푸 비누 치약 하나씩 주문해 줘",
         [("샴푸", 1, None, None), ("비누", 1, None, None), ("치약", 1, None, None)]),
        ("설탕 소금 하나씩 사 줘", [("설탕", 1, None, None), ("소금", 1, None, None)]),
        ("카레랑 감자 당근 양파 주문해 줘",
         [("카레", None, None, None), ("감자", None, None, None), ("당근", None, None, None),
          ("양파", None, None, None)]),
        ("포카칩 하나 새우깡 하나", [("포카칩", 1, None, None), ("새우깡", 1, None, None)]),
        ("햇반 한 박스 하고 스팸 세 개 주문", [("햇반", 1, "박스", None), ("스팸", 3, "개", None)]),
        ("우유도 시키고 요플레도 시켜 줘", [MILK, ("요플레", None, None, None)]),
        ("라면 두 묶음이랑 계란 한 판 이랑 파 한 단 시켜 줘",
         [("라면", 2, "묶음", None), ("계란", 1, "판", None), ("파", 1, "단", None)]),
        ("서울우유 흰우유 1리터 하나 주문해 줘", [("서울우유 흰우유", 1, None, "1L")]),
        ("서울우유 흰우유랑 계란 주문해 줘", [("서울우유 흰우유", None, None, None), EGGS]),
        ("게란 한 판 주세여", [("게란", 1, "판", None)]),
        ("두부 하나랑 콩나물 하나요", [("두부", 1, None, None), ("콩나물", 1, None, None)]),
        ("콜라 캔 여섯 개요", [("콜라 캔", 6, "개", None)]),
        ("커피믹스 하나요", [("커피믹스", 1, None, None)]),
        ("닭가슴살 하나요", [("닭가슴살", 1, None, None)]),
        ("메로나 하나 주세용", [("메로나", 1, None, None)]),
        ("귤 한 상자 부탁혀", [("귤", 1, "박스", None)]),
        ("서울우유 2.3리터 큰 거 하나 주문해 줘", [("서울우유", 1, None, "2.3L")]),
    ],
)  # fmt: skip
def test_what_households_say_around_the_product(text: str, expected: list[Any]) -> None:
    assert parse(text).name == "order"
    assert items(text) == expected


def test_low_fat_is_a_correction_not_the_pronoun_저() -> None:
    parsed = parse("아니 저지방으로")
    assert (parsed.name, parsed.slots.product) == ("change", "저지방")


@pytest.mark.parametrize(
    "text",
    ["엄마 드실 우유 샀어", "친구가 먹을 우유 샀대", "할머니 드실 두유 사야 할까?",
     "애들 먹을 과자 사야지", "엄마 먹을 거 사 왔어", "우유도 사고 빵도 샀어",
     "포카칩 하나 새우깡 하나 먹었어", "커피믹스 하나요?", "배달도 하나요", "공부 하나요",
     "샴푸 비누 치약 다 있어", "우유 하고 싶어", "밥 하고 올게"],
)  # fmt: skip
def test_around_the_product_still_never_buys(text: str) -> None:
    assert parse(text).name not in SPENDING_INTENTS


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("쌀 떨어지기 전에 10키로짜리 한 포대 시켜 놔라", "order"),
        ("조금 전에 한 주문 취소", "cancel_order"),
        ("한 달마다 치약 두 개 자동으로 주문되게 해 줘", "subscribe"),
    ],
)
def test_when_and_how_said_around_the_request(text: str, intent: str) -> None:
    assert parse(text).name == intent


@pytest.mark.parametrize(
    "text", ["우유 떨어지기 전에 알려 줘", "우유 떨어지기 전에 사야지", "조금 전에 우유 샀어"]
)
def test_when_said_around_a_remark_never_buys(text: str) -> None:
    assert parse(text).name not in SPENDING_INTENTS


def test_the_big_one_alone_is_no_answer() -> None:
    """ "큰 거" is dropped only after a product or size: "아니 큰 걸로" is never a bare no."""
    assert parse("아니 큰 걸로").name == "none"
    assert items("서울우유 큰 걸로 하나 주문해 줘") == [("서울우유", 1, None, None)]


# -- issue 14, held-out round: what households say around a request --------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # polite and cute endings
        ("고추참치 다섯 캔 주문 부탁드려요", [("고추참치", 5, "캔", None)]),
        ("두부 두 모 부탁드립니다", [("두부", 2, "모", None)]),
        ("스팸 3캔 주문 부탁해", [("스팸", 3, "캔", None)]),
        ("두부 한 모 주문해 주시겠어요?", [("두부", 1, "모", None)]),
        ("신라면 두묶음요", [("신라면", 2, "묶음", None)]),
        ("물티슈 3팩이용", [("물티슈", 3, "팩", None)]),
        ("햇반 세박스요", [("햇반", 3, "박스", None)]),
        # what it is for, who it is for, why: said before the request
        ("애들 간식으로 꼬북칩 하나 사줘", [("꼬북칩", 1, None, None)]),
        ("저녁 반찬으로 두부 두 모 시켜 줘", [("두부", 2, "모", None)]),
        ("아침에 먹게 식빵 하나 사 줘", [("식빵", 1, None, None)]),
        ("손님 오시니까 콜라 두 병 시켜 줘", [("콜라", 2, "병", None)]),
        ("주말에 캠핑 가는데 삼겹살 두 팩 주문해 줘", [("삼겹살", 2, "팩", None)]),
        # why, said after it
        ("우유 두 개 사 줘 내일 손님 오거든", [("우유", 2, "개", None)]),
        ("계란 한 판 시켜 줘 애들이 좋아하니까", [("계란", 1, "판", None)]),
        # needs said softly or over two clauses
        ("햇반이 하나도 없네", [("햇반", None, None, None)]),
        ("우유 얼마 안 남았네", [("우유", None, None, None)]),
        ("휴지 다 떨어져서 사야 돼", [("휴지", None, None, None)]),
        ("세제 다 써서 하나 사야겠어", [("세제", 1, None, None)]),
        # a dialect join
        ("우유하구 계란 사 줘", [("우유", None, None, None), ("계란", None, None, None)]),
    ],
)  # fmt: skip
def test_said_around_a_request_is_still_the_request(text: str, expected: list[Any]) -> None:
    assert parse(text).name == "order"
    assert items(text) == expected


@pytest.mark.parametrize(
    ("text", "delivery"),
    [
        ("스팸 세 캔 주문해서 보관함에 넣어 줘", "locker"),
        ("스팸 세 캔 시키고 사물함으로 보내 줘", "locker"),
        ("햇반 한 박스 사서 택배함에 넣어 줘", "locker"),
        ("스팸 세 캔 픽업으로", "store"),
        ("두부 두 모 픽업할게요", "store"),
    ],
)
def test_a_delivery_after_the_buying(text: str, delivery: str) -> None:
    parsed = parse(text)
    assert (parsed.name, parsed.slots.delivery) == ("order", delivery)


@pytest.mark.parametrize(
    "text",
    [
        "집에 가져갈게", "우유 집에 가져갈게", "우유 주문했고 매장에서 찾아갈게",
        "스팸 샀고 보관함에 넣어 뒀어", "스팸 세 캔 주문해서 보관함에 넣어 놨어",
        "애들 간식으로 꼬북칩 샀어", "손님 오시니까 콜라 사 와야겠다", "아빠한테 우유 부탁해",
        "엄마가 우유 사 오라고 했대", "우유 사야 한다고 하더라", "우유 사 줘 아니 됐어",
        "햇반 하나도 안 없어", "우유 얼마 안 남았어?", "저녁 반찬으로 뭐 사지?",
    ],
)  # fmt: skip
def test_said_around_a_remark_is_still_a_remark(text: str) -> None:
    assert parse(text).name not in SPENDING_INTENTS


@pytest.mark.parametrize("text", ["택배함에 넣어 놨어", "사물함으로 보냈어", "집에 가져갈게"])
def test_a_delivery_remark_changes_no_default(text: str) -> None:
    assert parse(text).name == "none"


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("우유 두 개 보내 줘", "order"),
        ("청송 사과 5키로 한 박스 배달해 줘", "order"),
        ("방금 주문한 콩나물 한 번 더 보내 줘", "reorder"),
        ("그거 하나 더 보내 줘", "reorder"),
        ("같은 걸로 한 번 더", "reorder"),
        ("똑같이 하나 더 시켜 줘", "reorder"),
        ("방금 한 거 똑같이 다시 주문해 줘", "reorder"),
        ("그 주문 없던 걸로 해 줘", "cancel_order"),
        ("없었던 걸로 하자", "cancel_order"),
        ("아까 거 취소", "cancel_order"),
        ("아까 주문 물러 줘", "cancel_order"),
        ("잠깐 방금 그 주문 취소해 줄래?", "cancel_order"),
        ("얼마 나왔는지 영수증 띄워 줘", "receipt"),
        ("영수증 발급해 줘", "receipt"),
        ("영수증 어딨어? 좀 보여 줘", "receipt"),
        ("여태 주문한 거 보여 줘", "order_history"),
        ("지난주에 뭐 시켰는지 알려 줘", "order_history"),
        ("요즘 뭐 시켰지?", "order_history"),
    ],
)
def test_sending_pointing_back_cancelling_and_showing(text: str, intent: str) -> None:
    assert parse(text).name == intent


@pytest.mark.parametrize(
    "text", ["엄마한테 우유 보내 줘", "사진 보내 줘", "우유 보냈어", "없다고 해", "취소"]
)
def test_sending_and_cancelling_words_alone_do_not_order(text: str) -> None:
    assert parse(text).name not in SPENDING_INTENTS | {"cancel_order"}


@pytest.mark.parametrize(
    ("text", "delivery"),
    [
        ("같은 걸로 한 번 더, 이번엔 택배함으로", "locker"),
        ("똑같이 하나 더 시켜 줘 이번엔 매장 픽업으로", "store"),
        ("방금 한 거 똑같이 다시 주문하고 이번엔 매장에서 찾을게", "store"),
    ],
)
def test_the_last_order_again_somewhere_else(text: str, delivery: str) -> None:
    parsed = parse(text)
    assert (parsed.name, parsed.slots.delivery) == ("reorder", delivery)


@pytest.mark.parametrize(
    ("text", "quantity", "delivery"),
    [
        ("세 통", 3, None),
        ("아 세 통", 3, None),
        ("아 잠깐만 두 개 줘", 2, None),
        ("넉넉하게 두 묶음으로", 2, None),
        ("아니 두 팩, 그리고 택배함으로", 2, "locker"),
        ("두 묶음으로 바꾸고 매장에서 찾아갈게", 2, "store"),
    ],
)
def test_a_count_said_at_the_question_corrects_it(
    text: str, quantity: int, delivery: str | None
) -> None:
    parsed = parse(text)
    assert (parsed.name, parsed.slots.quantity, parsed.slots.delivery) == (
        "change", quantity, delivery
    )  # fmt: skip


def test_a_bare_no_in_banmal() -> None:
    assert parse("아냐").name == "deny"
    assert parse("아냐 고래밥으로 해 줘").name == "change"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("락스 두 통 사 줘 화장실 청소해야 돼", [("락스", 2, "통", None)]),
        ("홍합 한 망 시켜 줘 짬뽕 해 먹게", [("홍합", 1, "망", None)]),
        ("참외 한봉지요 할머니 드릴 거", [("참외", 1, "봉지", None)]),
        ("찹쌀 좀 사야겠어 약밥 하려고", [("찹쌀", None, None, None)]),
        ("참기름이 똑 떨어졌네 김밥 싸야 되는데", [("참기름", None, None, None)]),
        ("고춧가루 떨어져서 김치를 못 담그겠어", [("고춧가루", None, None, None)]),
        ("새송이 한 봉지요 느타리도 하나",
         [("새송이", 1, "봉지", None), ("느타리", 1, None, None)]),
        ("양배추 한 통하고 당근 한 봉지 사 줘",
         [("양배추", 1, "통", None), ("당근", 1, "봉지", None)]),
        ("부침두부 두 모하고 콩나물 한 봉지 사 줘",
         [("부침두부", 2, "모", None), ("콩나물", 1, "봉지", None)]),
        ("콩나물 한봉지 두부 한모", [("콩나물", 1, "봉지", None), ("두부", 1, "모", None)]),
        ("녹차랑 보리차 티백 하나씩 주문해 주세요",
         [("녹차", 1, None, None), ("보리차 티백", 1, None, None)]),
        ("배 한 박스 주문해 줘", [("배", 1, "박스", None)]),
    ],
)  # fmt: skip
def test_a_reason_after_the_request_and_lists_said_loosely(text: str, expected: list[Any]) -> None:
    assert parse(text).name == "order"
    assert items(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "우유 사 줘 엄마가 그러더라", "우유 시켜 줘 근데 안 사도 돼",
        "우유 떨어졌어 근데 안 사도 돼", "우유 시켜 줘 엄마가 필요해", "배 아파",
        "애들 먹을 우유가 없네 두 개는 있어야 되는데",
    ],
)  # fmt: skip
def test_what_follows_a_request_can_take_it_back(text: str) -> None:
    """Never an order (or never one with the count cut away: "두 개는 있어야")."""
    parsed = parse(text)
    assert parsed.name not in SPENDING_INTENTS or parsed.slots.quantity == 2


def test_a_cancel_with_its_reason_after_it() -> None:
    assert parse("아까 주문한 거 취소 좀 해 줄래요? 잘못 시켰어요").name == "cancel_order"
    assert parse("아까 스팸 주문 취소해 주세요 집에 아직 있대").name == "cancel_order"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("쓰레기봉투 다 썼다 한 묶음 사야지", [("쓰레기봉투", 1, "묶음", None)]),
        ("각티슈 떨어졌는데 한 묶음 사자", [("각티슈", 1, "묶음", None)]),
        ("아 맛술 없다 사야겠네", [("맛술", None, None, None)]),
        ("쌀 떨어져 간다 10키로짜리 하나 사야겠어", [("쌀", 1, None, "10kg")]),
        ("오이가 다 떨어졌어 두 개 사야겠어", [("오이", 2, "개", None)]),
        ("키친타월이 한 롤도 안 남았어", [("키친타월", None, None, None)]),
    ],
)
def test_a_need_then_the_buying_of_it(text: str, expected: list[Any]) -> None:
    assert parse(text).name == "order"
    assert items(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "우유 떨어졌어 라면도 사야지",
        "우유 다 떨어졌어 내일 마트 가서 사야지",
        "키친타월 안 남았어?",
        "우유 다 떨어졌대 사야겠다",
        "휴지 없대 두 개 사야 돼",
    ],
)
def test_a_need_with_an_errand_or_another_thing_is_no_order(text: str) -> None:  # fmt: skip
    assert parse(text).name not in SPENDING_INTENTS


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("우리 집 주문 기록 보여 줄래?", "order_history"),
        ("지난주에 뭐 시켰는지 기억이 안 나네 알려 줘", "order_history"),
        ("나 최근에 뭐 샀었는지 목록 좀", "order_history"),
        ("지난 주문들 다 보여 줘", "order_history"),
        ("영수증 화면에 좀 보여 줘요", "receipt"),
        ("결제 내역 영수증으로 볼 수 있을까?", "receipt"),
        ("우리 집으로 보내 줘", "set_delivery"),
    ],
)
def test_the_history_and_receipts_as_households_ask(text: str, intent: str) -> None:
    assert parse(text).name == intent


@pytest.mark.parametrize(
    ("text", "freq", "weekdays"),
    [
        ("신라면 한 묶음 일주일에 한 번 자동으로 주문해 줘", "weekly", ()),
        ("두부 두 모 일주일에 한 번씩 시켜 줘", "weekly", ()),
        ("우유 월수금 배달되게 해 줘", "weekly", ("mon", "wed", "fri")),
        ("계란 한 판 화목토 배달해 줘", "weekly", ("tue", "thu", "sat")),
    ],
)
def test_schedules_as_households_say_them(text: str, freq: str, weekdays: tuple[str, ...]) -> None:
    parsed = parse(text)
    assert parsed.name == "subscribe"
    assert parsed.slots.schedule is not None
    assert (parsed.slots.schedule.freq, parsed.slots.schedule.weekdays) == (freq, weekdays)


def test_regularly_is_a_subscription_still_to_schedule() -> None:
    assert parse("우유 정기적으로 주문해 줘").name == "subscribe"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("진간장 1.7리터짜리 큰 병으로 하나 시켜 줘", [("진간장", 1, None, "1.7L")]),
        ("김치 1.8키로짜리 통으로 하나 주문해 줘", [("김치", 1, None, "1.8kg")]),
        ("빨래 세제 큰 통 3리터로 하나 사 줘", [("빨래 세제", 1, None, "3L")]),
        ("서울우유 1리터 두 팩으로 바꿔 줘", [("서울우유", 2, "팩", "1L")]),
        ("아파트 무인 보관함으로 칠성사이다 캔 열 개 보내 줘", [("칠성사이다 캔", 10, "개", None)]),
    ],
)
def test_a_pack_form_after_its_size_and_a_place_said_first(text: str, expected: list[Any]) -> None:
    assert parse(text).name in {"order", "change"}
    assert items(text) == expected


def test_the_same_one_again_to_the_locker() -> None:
    parsed = parse("똑같은 거 한 번 더 택배함으로 보내 줘")
    assert (parsed.name, parsed.slots.delivery) == ("reorder", "locker")
    assert parse("사물함으로 보내 줘").name == "set_delivery"


# -- round 3: corrections to single pieces, which one after the request, the last order again --


@pytest.mark.parametrize(
    ("text", "quantity", "size"),
    [
        ("아니 그냥 낱개로 세 개", 3, "1개입"),
        ("낱개로 두 개", 2, "1개입"),
        ("아니 낱개로 바꿔 줘", None, "1개입"),
        ("아니 1리터짜리로 두 개", 2, "1L"),
        ("아니다 20키로짜리로 해 줘", None, "20kg"),
    ],
)
def test_a_correction_to_single_pieces_or_a_size_with_its_count(
    text: str, quantity: int | None, size: str
) -> None:
    parsed = parse(text)
    assert parsed.name == "change"
    assert (parsed.slots.product, parsed.slots.quantity, parsed.slots.size) == (
        None,
        quantity,
        size,
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("물 두 묶음이요 삼다수로", [("삼다수", 2, "묶음", None)]),
        ("우유 세 팩 주세용 서울우유 1리터로", [("서울우유", 3, "팩", "1L")]),
        ("라면 한 봉지 주세요 신라면으로", [("신라면", 1, "봉지", None)]),
        ("휴지 두 개요 30롤짜리로", [("휴지", 2, "개", "30롤")]),
        ("계란 한 판 주문해 줘 30구로", [("계란", 1, "판", "30구")]),
    ],
)
def test_which_one_said_after_the_request(text: str, expected: list[Any]) -> None:
    assert parse(text).name == "order"
    assert items(text) == expected


@pytest.mark.parametrize(
    "text", ["물 두 묶음 샀어 삼다수로", "우유 두 개 주문하지 마 서울우유로", "아니 매일우유로"]
)
def test_which_one_after_no_request_is_no_order(text: str) -> None:
    assert parse(text).name not in SPENDING_INTENTS


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("방금 주문한 거 하나 더 시켜 줘", "reorder"),
        ("방금 거 똑같이 한 번 더 해 줘", "reorder"),
        ("아까 시킨 거 두 개 더 주문해 줘", "reorder"),
        ("아까 산 거 똑같이 다시 해 줘", "reorder"),
        ("그동안 주문한 거 목록 좀 읽어 줘", "order_history"),
        ("여태 산 거 목록 보여 줘", "order_history"),
        ("지금까지 주문한 거 리스트 좀 알려 줘", "order_history"),
    ],
)
def test_the_last_order_again_and_the_list_of_orders(text: str, intent: str) -> None:
    parsed = parse(text)
    assert parsed.name == intent
    if intent == "reorder":
        assert parsed.slots.reference


@pytest.mark.parametrize("text", ["방금 주문한 거 하나 더 시켰어", "아까 거 똑같이 한 번 더 했어"])
def test_the_last_order_again_said_as_done_is_no_order(text: str) -> None:
    assert parse(text).name == "none"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("식빵 하나 사 주고 우유도 두 개", [("식빵", 1, None, None), ("우유", 2, "개", None)]),
        (
            "오이 한 봉지랑 당근 한 봉지 사 주고 브로콜리도 하나",
            [("오이", 1, "봉지", None), ("당근", 1, "봉지", None), ("브로콜리", 1, None, None)],
        ),
        ("라면 한 봉지 시키고 계란도 한 판", [("라면", 1, "봉지", None), ("계란", 1, "판", None)]),
        (
            "캠벨 포도 한 팩 그리고 방울토마토 한 팩 시켜 주세요",
            [("캠벨 포도", 1, "팩", None), ("방울토마토", 1, "팩", None)],
        ),
        (
            "두부 하나 주문하고 콩나물도 한 봉지 주문해 줘",
            [("두부", 1, None, None), ("콩나물", 1, "봉지", None)],
        ),
    ],
)
def test_an_item_after_a_verb_clause_is_never_dropped(text: str, expected: list[Any]) -> None:
    assert parse(text).name == "order"
    assert items(text) == expected


@pytest.mark.parametrize(
    "text", ["우유 두 개 샀고 계란도 한 판", "식빵 하나 사 주고 우유도 두 개 샀어"]
)
def test_items_after_a_bought_clause_are_no_order(text: str) -> None:
    assert parse(text).name not in SPENDING_INTENTS


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("스팸 세캔만", [("스팸", 3, "캔", None)]),
        ("참치 두캔만요", [("참치", 2, "캔", None)]),
        ("햇반 한박스만", [("햇반", 1, "박스", None)]),
    ],
)
def test_a_count_glued_to_its_counter_before_man(text: str, expected: list[Any]) -> None:
    assert parse(text).name == "order"
    assert items(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("치약 다 썼다 새로 사야겠네", [("치약", None, None, None)]),
        ("물티슈가 없어 세 팩은 있어야겠다", [("물티슈", 3, "팩", None)]),
        ("애들 먹을 우유가 없네 두 개는 있어야 되는데", [("우유", 2, "개", None)]),
        ("커피믹스 떨어졌다 모카골드로 하나 사야지", [("모카골드", 1, None, None)]),
        ("세제 다 썼네 피죤으로 두 통 사야겠다", [("피죤", 2, "통", None)]),
        ("라면 떨어졌어 신라면으로 한 봉지 사야 돼", [("신라면", 1, "봉지", None)]),
        ("아 랩 다 썼다", [("랩", None, None, None)]),
        ("주방세제 다 썼네 자연퐁 하나 있어야겠다", [("자연퐁", 1, None, None)]),
        ("세제 다 썼네 피죤 두 통 사야겠다", [("피죤", 2, "통", None)]),
    ],
)
def test_a_need_then_the_buying_in_a_second_clause(text: str, expected: list[Any]) -> None:
    assert parse(text).name == "order"
    assert items(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "커피믹스 떨어졌대 모카골드로 하나 사야지",
        "커피믹스 떨어졌다 마트 가서 하나 사야지",
        "치약이 있어 새로 사야겠네",
        "우유는 있어 두 개는 있어야겠다",
        "돈이 없어 세 개는 있어야겠다",
        "주방세제 다 썼대 자연퐁 하나 있어야겠다",
        "돈 다 썼네 자연퐁 하나 있어야겠다",
        "주방세제 다 썼네 자연퐁 하나 있었어",
    ],
)
def test_a_second_clause_without_a_need_before_it_is_no_order(text: str) -> None:
    assert parse(text).name not in SPENDING_INTENTS


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("계란 두판요", [("계란", 2, "판", None)]),
        ("신라면 한 묶음이요", [("신라면", 1, "묶음", None)]),
        ("생수 한 묶음이요", [("생수", 1, "묶음", None)]),
        ("라면 세봉지요", [("라면", 3, "봉지", None)]),
        ("햇반 한 박스요", [("햇반", 1, "박스", None)]),
        ("계란 한판 주삼", [("계란", 1, "판", None)]),
        ("게란 한판 주셈", [("게란", 1, "판", None)]),
        ("칠성사이다 캔 여섯 개, 코카콜라 캔 여섯 개 주문해 줘",
         [("칠성사이다 캔", 6, "개", None), ("코카콜라 캔", 6, "개", None)]),
        ("려 샴푸 하나랑 2080 치약 두 개 주문해 줘",
         [("려 샴푸", 1, None, None), ("2080 치약", 2, "개", None)]),
        ("애들 간식으로 홈런볼 두 봉지, 고래밥 두 봉지, 칸쵸 두 개 시켜 줄래?",
         [("홈런볼", 2, "봉지", None), ("고래밥", 2, "봉지", None), ("칸쵸", 2, "개", None)]),
        ("애들 먹게 돌 바나나 한 송이 주문해 줄래?", [("돌 바나나", 1, "송이", None)]),
        ("흰 우유 하나 주문해 줘", [("흰 우유", 1, None, None)]),
    ],
)  # fmt: skip
def test_counts_with_yo_slang_endings_and_names_kiwi_misreads(
    text: str, expected: list[Any]
) -> None:
    assert parse(text).name == "order"
    assert items(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "계란 두판요?",
        "계란 두판 샀어요",
        "엄마가 계란 두 판이요",
        "애들 간식으로 홈런볼 두 봉지 시킬까?",
        "애들 간식으로 홈런볼 두 봉지 시켜 줬어?",
        "애들 간식으로 홈런볼 뭐 시켜 줄래?",
        "엄마 애들 간식으로 홈런볼 두 봉지 사 줄래?",
        "엄마 애들 간식으로 홈런볼 두 봉지 사 줘",
        "계란 한판 안 주셈",
    ],
)
def test_twins_of_counts_with_yo_and_favours_never_buy(text: str) -> None:
    assert parse(text).name not in SPENDING_INTENTS


@pytest.mark.parametrize(
    "text",
    [
        "신라면 두 묶음 시켜 줘 퇴근길에 매장 들러서 찾아갈게",
        "신라면 두 묶음 시켜 줘 이따 마트 들러서 가져갈게",
        "햇반 한 박스 시켜 줘 퇴근하고 매장 들러서 픽업할게",
    ],
)
def test_a_store_pickup_on_the_way_after_the_request(text: str) -> None:
    intent = parse(text)
    assert intent.name == "order"
    assert intent.slots.delivery == "store"


def test_a_store_visit_negated_is_no_order() -> None:
    assert parse("신라면 두 묶음 시켜 줘 퇴근길에 매장 안 들러").name not in SPENDING_INTENTS
