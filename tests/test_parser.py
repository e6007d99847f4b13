"""The grammar-driven parser: foundation utterances, safety gates, schema, choices, language."""

from __future__ import annotations

import json

import pytest

from assistant.nlu.choice import parse_choice
from assistant.nlu.parser import detect_language
from assistant.nlu.schema import INTENTS, SPENDING_INTENTS
from assistant.shop.vocabulary import load_parser
from tests.conftest import run_jangbogi

PARSER = load_parser()


@pytest.mark.parametrize(
    ("text", "intent", "product", "quantity", "unit"),
    [
        ("우유 두 개 주문해 줘", "order", "우유", 2, "개"),
        ("서울우유 흰우유 1L 2개 주문해줘", "order", "서울우유 흰우유", 2, "개"),
        ("우유를 좀 주문해줄래", "order", "우유", None, None),
        ("우유 하나 주문할게요", "order", "우유", 1, None),
        ("라면 스물네 개 시켜줘", "order", "라면", 24, "개"),
        ("쌀 1포대 주문", "order", "쌀", 1, "포대"),
        ("사과 2킬로 사줘", "order", "사과", None, None),
        ("달걀 30구 한 판 시켜줘", "order", "달걀", 1, "판"),
        ("우유 [2] 개 주문 해 줘", "order", "우유", 2, "개"),
        ("계란 한 판 장바구니에 담아줘", "add_to_cart", "계란", 1, "판"),
        ("장바구니에 두부 두 모 넣어 줘", "add_to_cart", "두부", 2, "모"),
        ("장바구니에서 우유 빼줘", "remove_from_cart", "우유", None, None),
        ("장바구니 보여줘", "view_cart", None, None, None),
        ("장바구니 주문해 줘", "checkout", None, None, None),
        ("주문 상태 알려줘", "order_status", None, None, None),
        ("마지막 주문 취소해 줘", "cancel_order", None, None, None),
        ("응", "confirm", None, None, None),
        ("아니", "deny", None, None, None),
        ("그만", "stop", None, None, None),
        ("도움말", "help", None, None, None),
        ("order two bottles of milk", "order", "milk", 2, "bottle"),
        ("add a dozen eggs to my cart", "add_to_cart", "eggs", 12, None),
    ],
)
def test_foundation_utterances(
    text: str, intent: str, product: str | None, quantity: int | None, unit: str | None
) -> None:
    parsed = PARSER.parse(text)
    assert parsed.name == intent
    assert (parsed.slots.product, parsed.slots.quantity, parsed.slots.unit) == (
        product,
        quantity,
        unit,
    )


@pytest.mark.parametrize(
    "text",
    [
        "티비 음소거 시켜라", "세탁기 작동시켜줘", "로봇청소기 청소 시켜줘", "배달음식 주문하지마",
        "우유는 주문하지 말아줘", "친구가 피자 주문했대", "엄마가 어제 우유 샀어", "우유 주문했어",
        "내일 생수 주문하는 일정 알람 맞춰줘", "우유 살까 말까", "택시 불러줘", "노래 틀어줘",
        "오늘 날씨 어때", "don't order milk", "I ordered pizza yesterday", "order me a taxi",
        "remind me to order water tomorrow", "sort these names in order", "buy me some time",
    ],
)  # fmt: skip
def test_never_buy_by_accident(text: str) -> None:
    assert PARSER.parse(text).name not in SPENDING_INTENTS


def test_schedule_for_subscriptions() -> None:
    intent = PARSER.parse("매주 월요일마다 달걀 한 판 자동 주문해 줘")
    assert intent.name == "subscribe"
    assert intent.slots.schedule is not None
    assert intent.slots.schedule.weekdays == ("mon",)
    assert (intent.slots.product, intent.slots.quantity, intent.slots.unit) == ("달걀", 1, "판")


def test_language_is_detected_per_utterance() -> None:
    assert detect_language("우유 주문해 줘") == "ko"
    assert detect_language("order milk") == "en"
    assert PARSER.parse("order milk").lang == "en"
    assert PARSER.parse("우유 주문해 줘").lang == "ko"


def test_parse_command_prints_the_schema() -> None:
    result = run_jangbogi("parse", "--json", "우유 두 개 주문해 줘", "order milk")
    assert result.code == 0, result.err
    first, second = (json.loads(line) for line in result.lines)
    assert set(first) == {"text", "lang", "intent", "confidence", "slots"}
    assert set(first["slots"]) == {
        "product", "quantity", "unit", "size", "items", "reference", "schedule", "delivery",
        "not_a_count",
    }  # fmt: skip
    assert first["intent"] in INTENTS and first["intent"] == "order"
    assert 0.0 <= first["confidence"] <= 1.0
    assert second["lang"] == "en"


def test_parse_command_reads_stdin_and_forced_language() -> None:
    result = run_jangbogi("parse", "--json", "--lang", "ko", stdin="장바구니 보여줘\n응\n")
    assert [json.loads(line)["intent"] for line in result.lines] == ["view_cart", "confirm"]


@pytest.mark.parametrize(
    ("text", "choice"),
    [("1번", 1), ("2번 거", 2), ("두 번째 거", 2), ("첫 번째", 1), ("3", 3), ("서울우유", None),
     ("the second one", 2), ("한 개", None)],
)  # fmt: skip
def test_choice_answers(text: str, choice: int | None) -> None:
    assert parse_choice(text) == choice


def test_bad_input_is_none() -> None:
    for text in ["", "   ", "🥛🥛", "우유 " * 200]:
        assert PARSER.parse(text).name == "none"
