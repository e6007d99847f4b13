"""The shop's sentences as catalog messages: the cart's and orders' refusals are codes, order
statuses and the e-receipt are messages, and English replies about orders, quotes and
receipts name each product by the catalog's English name."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import select

from assistant.cli.approvals import receipt_text
from assistant.errors import ErrorCode, OutOfStockError
from assistant.locales import LANGUAGES, Msg, say_for
from assistant.shop.receipt import Receipt, ReceiptLine
from assistant.shop.service import ShopService
from assistant.store.models import Channel, DeliveryKind, OrderStatus, Product
from tests.shop_helpers import at, execute, factory, say, talker

HANGUL = re.compile("[가-힣]")
MILK_EN = "Seoul Milk Fresh Milk"
NAMES = {"name": "서울우유 흰우유 1L", "name_en": MILK_EN}

SAMPLES: dict[Msg | ErrorCode, dict[str, Any]] = {
    ErrorCode.QUANTITY_RANGE: {"most": 99, "said": 10000},
    ErrorCode.PRODUCT_NOT_SOLD: {},
    ErrorCode.PRODUCT_NO_LONGER_SOLD: {},
    ErrorCode.OUT_OF_STOCK: {**NAMES, "left": 0, "unit": "팩"},
    ErrorCode.CART_LINE_LIMIT: {"most": 99, "unit": "팩"},
    ErrorCode.NOT_IN_CART: {},
    ErrorCode.ORDER_NOT_CANCELLABLE: {"order_id": 3, "status": "shipped"},
    ErrorCode.NO_SUCH_ORDER: {"order_id": 99},
    ErrorCode.ORDER_CANNOT_ADVANCE: {"order_id": 2, "status": "cancelled"},
    ErrorCode.ORDER_ALREADY_AT: {"order_id": 1, "target": "shipped"},
    ErrorCode.ORDER_CANNOT_BECOME: {"order_id": 1, "status": "delivered", "target": "shipped"},
    Msg.ORDER_STATUS: {"status": "pending_approval"},
    Msg.DELIVERY_KIND: {"kind": "locker"},
    Msg.RECEIPT_TITLE: {"id": 1, "status": "placed"},
    Msg.RECEIPT_PLACED: {"time": "2026-03-02 09:00", "zone": "KST", "member": "demo",
                         "channel": "voice"},
    Msg.RECEIPT_LINE: {**NAMES, "quantity": 2, "unit": "팩", "price": 2790, "regular": 2980,
                       "discounted": True, "total": 5580},
    Msg.RECEIPT_REGULAR_SUBTOTAL: {"amount": 5960},
    Msg.RECEIPT_MEMBER_SAVINGS: {"amount": 380},
    Msg.RECEIPT_SUBTOTAL: {"amount": 5580},
    Msg.RECEIPT_DELIVERY: {"kind": "store", "labelled": True, "label": "망원점", "fee": 0},
    Msg.RECEIPT_TOTAL: {"amount": 5580},
    Msg.RECEIPT_CARD: {"labelled": False, "label": "", "last4": "4242"},
    Msg.RECEIPT_DECIDED: {"status": "rejected", "by": "엄마"},
}  # fmt: skip


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("msg", list(SAMPLES), ids=str)
def test_each_shop_message_renders_in_each_language(lang: str, msg: Msg | ErrorCode) -> None:
    text = say_for(lang)(msg, **SAMPLES[msg])
    assert text.strip() and "{" not in text and "$" not in text
    if "name_en" in SAMPLES[msg]:
        assert (MILK_EN in text) is (lang == "en") and ("흰우유" in text) is (lang == "ko")


def test_korean_refusals_read_as_the_shop_wrote_them() -> None:
    ko = say_for("ko")
    coffee = {"name": "서울우유 커피우유 300ml", "name_en": "Seoul Milk Coffee Milk", "unit": "개"}
    assert (
        ko(ErrorCode.OUT_OF_STOCK, **coffee, left=0) == "서울우유 커피우유 300ml은(는) 품절이에요."
    )
    assert ko(ErrorCode.OUT_OF_STOCK, **coffee, left=2) == (
        "서울우유 커피우유 300ml은(는) 2개만 남았어요."
    )
    assert ko(ErrorCode.QUANTITY_RANGE, most=99, said=10000) == (
        "수량은 1에서 99 사이로 말씀해 주세요 (들은 수량: 10000)."
    )
    assert ko(ErrorCode.ORDER_NOT_CANCELLABLE, order_id=1, status="rejected") == (
        "1번 주문은 이미 승인 거절 상태라 취소할 수 없어요."
    )
    assert ko(ErrorCode.ORDER_CANNOT_ADVANCE, order_id=2, status="cancelled") == (
        "order 2 is cancelled (취소); only placed or shipped orders move along"
    )
    assert ko(ErrorCode.NO_ADDRESS, kind="locker") == (
        "등록된 사물함 주소가 없어요. 'jangbogi household address add --kind locker ...'로 "
        "등록해 주세요."
    )
    en = say_for("en")
    assert en(ErrorCode.OUT_OF_STOCK, **coffee, left=2) == (
        "Sorry, only 2 of Seoul Milk Coffee Milk left."
    )


def _receipt(status: OrderStatus = OrderStatus.REJECTED) -> Receipt:
    when = datetime(2026, 3, 2, 0, 5, tzinfo=UTC)
    return Receipt(
        order_id=7, status=status, channel=Channel.VOICE, member="민지", placed_at=when,
        local_time=when, lines=(
            ReceiptLine(product_id=1, sku="DAI-001", **NAMES, unit="팩", quantity=2,
                        unit_price=2790, line_total=5580, regular_unit_price=2980),
            ReceiptLine(product_id=2, sku="SNK-001", name="새우깡 90g", name_en="Shrimp Crackers",
                        unit="봉지", quantity=1, unit_price=1500, line_total=1500,
                        regular_unit_price=1500),
        ),
        member_savings=380, subtotal=7080, delivery=DeliveryKind.LOCKER, delivery_place=None,
        delivery_fee=3000, total=10080, payment_label=None, payment_last4="4242",
        decided_by="엄마",
    )  # fmt: skip


def test_the_korean_receipt_is_the_one_the_shop_printed() -> None:
    assert receipt_text(_receipt(), say_for("ko")) == [
        "장보기 전자 영수증 — 주문 7번 (승인 거절)",
        "주문 시각 2026-03-02 00:05 (UTC), 민지, 음성 주문",
        "  서울우유 흰우유 1L 2팩 × 정가 2,980원 → 회원가 2,790원 = 5,580원",
        "  새우깡 90g 1봉지 × 1,500원 = 1,500원",
        "정가 합계 7,460원",
        "회원 할인 -380원",
        "상품 합계 7,080원",
        "배송: 사물함, 배송비 3,000원",
        "결제 금액 10,080원",
        "결제 카드 카드 ****4242",
        "거절: 엄마",
    ]


def test_the_english_receipt_names_products_in_english() -> None:
    lines = receipt_text(_receipt(OrderStatus.PLACED), say_for("en"))
    assert lines[0] == "Jangbogi e-receipt — order 7 (received)"
    assert lines[2] == f"  2 × {MILK_EN} at 2,790 won (regular 2,980 won) = 5,580 won"
    assert lines[3] == "  1 × Shrimp Crackers at 1,500 won = 1,500 won"
    assert lines[-1] == "Approved by 엄마"  # members are named as the household wrote them
    assert not any(HANGUL.search(line) for line in lines[2:-1])


def test_an_english_stock_refusal_names_the_product(db_url: str) -> None:
    execute(db_url, "update products set stock = 0 where sku = 'DAI-001'")
    shop = ShopService(factory(db_url))
    with factory(db_url)() as s:
        milk = s.scalars(select(Product.id).where(Product.sku == "DAI-001")).one()
    with pytest.raises(OutOfStockError) as sold_out:
        shop.request_order([(milk, 1)], at())
    assert say_for("en").error(sold_out.value) == f"Sorry, {MILK_EN} is sold out."
    assert say_for("ko").error(sold_out.value) == "서울우유 흰우유 1L은(는) 품절이에요."


def test_english_order_replies_name_products_in_english(db_url: str) -> None:
    d = talker(db_url)
    _, confirm, placed, status = say(
        d, "order two bottles of milk", "1", "yes", "what's the status of my order"
    )
    assert "Shall I order?" in confirm and placed.startswith("Ordered.")
    with factory(db_url)() as s:
        (name_en,) = s.execute(
            select(Product.name_en).where(Product.name_en.in_(re.findall(r"2 × ([^,]+),", confirm)))
        ).one()
    for reply in (confirm, placed, status):
        assert f"2 × {name_en}" in reply and not HANGUL.search(reply), reply
    receipt = ShopService(factory(db_url)).receipt(1)
    assert receipt.lines[0].name_en == name_en
