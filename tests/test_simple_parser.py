from __future__ import annotations

import pytest

from assistant.nlu.simple import parse, parse_choice


@pytest.mark.parametrize(
    ("text", "intent", "product", "quantity", "unit"),
    [
        ("우유 두 개 주문해 줘", "order", "우유", 2, "개"),
        ("서울우유 흰우유 1L 2개 주문해줘", "order", "서울우유 흰우유 1L", 2, "개"),
        ("우유를 좀 주문해줄래", "order", "우유", None, None),
        ("우유 하나 주세요", "order", "우유", 1, None),
        ("라면 스물네 개 시켜줘", "order", "라면", 24, "개"),
        ("쌀 1포대 주문", "order", "쌀", 1, "포대"),
        ("사과 2킬로 사줘", "order", "사과", 2, "kg"),
        ("계란 한 판 장바구니에 담아줘", "add_to_cart", "계란", 1, "판"),
        ("장바구니에 두부 두 모 넣어 줘", "add_to_cart", "두부", 2, "모"),
        ("장바구니에서 우유 빼줘", "remove_from_cart", "우유", None, None),
        ("장바구니 보여줘", "view_cart", None, None, None),
        ("장바구니 주문해 줘", "checkout", None, None, None),
        ("주문 상태 알려줘", "order_status", None, None, None),
        ("마지막 주문 취소해 줘", "cancel_order", "마지막", None, None),
        ("응", "confirm", None, None, None),
        ("네 주문해 주세요", "confirm", None, None, None),
        ("아니", "deny", None, None, None),
        ("그만", "stop", None, None, None),
        ("도움말", "help", None, None, None),
    ],
)
def test_foundation_utterances(
    text: str, intent: str, product: str | None, quantity: int | None, unit: str | None
) -> None:
    parsed = parse(text)
    assert parsed.name == intent
    assert (parsed.slots.product, parsed.slots.quantity, parsed.slots.unit) == (
        product,
        quantity,
        unit,
    )


@pytest.mark.parametrize(
    "text",
    ["배달음식 주문하지마", "우유 주문하지 마", "오늘 날씨 어때", "", "   ", "음악 틀어줘", "🥛🥛"],
)
def test_not_shopping_is_none(text: str) -> None:
    assert parse(text).name == "none"


def test_negative_quantity_is_kept_negative_for_the_shop_to_refuse() -> None:
    assert parse("우유 -3개 주문해줘").slots.quantity == -3


@pytest.mark.parametrize(
    ("text", "choice"),
    [("1번", 1), ("2번 거", 2), ("두 번째 거", 2), ("첫 번째", 1), ("3", 3), ("서울우유", None)],
)
def test_choice_answers(text: str, choice: int | None) -> None:
    assert parse_choice(text) == choice


def test_json_schema_has_every_slot() -> None:
    data = parse("우유 두 개 주문해 줘").to_json()
    assert set(data) == {"text", "lang", "intent", "confidence", "slots"}
    assert set(data["slots"]) == {"product", "quantity", "unit", "schedule", "delivery"}
    assert 0.0 <= data["confidence"] <= 1.0
