"""The foundation conversations, driven through `jangbogi text` with piped stdin."""

from __future__ import annotations

import json
import re
from collections.abc import Callable

from tests.conftest import Runner

Talk = Callable[..., list[str]]


def orders(jangbogi: Runner, db_url: str) -> list[dict[str, object]]:
    result = jangbogi("orders", "list", "--json", "--db", db_url)
    assert result.code == 0, result.err
    return [json.loads(line) for line in result.lines]


def test_order_with_choice_and_confirmation(talk: Talk, jangbogi: Runner, db_url: str) -> None:
    ask, confirm, placed = talk("우유 두 개 주문해 줘", "1번", "응")
    assert "가지가 있어요" in ask and "몇 번" in ask
    first_choice = re.search(r"1번 (.+?) [0-9,]+원", ask)
    assert first_choice is not None
    assert first_choice.group(1) in confirm
    assert "주문할까요?" in confirm and "회원가" in confirm
    assert "주문했어요" in placed
    (order,) = orders(jangbogi, db_url)
    assert order["status"] == "placed" and order["channel"] == "text"
    (line,) = order["lines"]  # type: ignore[misc]
    assert line["quantity"] == 2
    assert line["name"] == first_choice.group(1)
    assert order["total"] == line["line_total"] == 2 * line["unit_price"]
    total = f"{order['total']:,}원"
    assert total in confirm and total in placed


def test_a_brand_offers_only_its_products(talk: Talk) -> None:
    (ask,) = talk("서울우유 2개 주문해줘")
    assert "몇 번" in ask
    offered = re.findall(r"\d번 (.+?) [0-9,]+원", ask)
    assert len(offered) >= 2
    assert all(name.startswith("서울우유") for name in offered)


def test_full_name_names_one_product_and_no_places_nothing(
    talk: Talk, jangbogi: Runner, db_url: str
) -> None:
    confirm, answer = talk("서울우유 흰우유 1L 2개 주문해줘", "아니")
    assert confirm.startswith("서울우유") and "2" in confirm and "주문할까요?" in confirm
    assert "주문하지 않았어요" in answer
    assert orders(jangbogi, db_url) == []


def test_choose_by_name(talk: Talk, jangbogi: Runner, db_url: str) -> None:
    ask, confirm, placed = talk("계란 한 판 주문해줘", "풀무원", "네")
    assert "몇 번" in ask
    assert "풀무원" in confirm and "주문할까요?" in confirm
    assert "주문했어요" in placed
    (order,) = orders(jangbogi, db_url)
    assert "풀무원" in order["lines"][0]["name"]  # type: ignore[index]


def test_unclear_answer_is_not_a_yes(talk: Talk, jangbogi: Runner, db_url: str) -> None:
    replies = talk("서울우유 흰우유 1L 1개 주문해줘", "글쎄", "음 모르겠어", "아니")
    assert "'응' 또는 '아니'" in replies[1] and "'응' 또는 '아니'" in replies[2]
    assert orders(jangbogi, db_url) == []


def test_cart_add_view_remove_and_order(talk: Talk, jangbogi: Runner, db_url: str) -> None:
    replies = talk(
        "서울우유 흰우유 1L 두 개 장바구니에 담아줘",
        "신라면 한 묶음 장바구니에 넣어 줘",
        "장바구니 보여줘",
        "장바구니에서 신라면 빼줘",
        "장바구니 보여줘",
        "장바구니 주문해 줘",
        "응",
        "장바구니 보여줘",
    )
    added_milk, added_ramen, view1, removed, view2, confirm, placed, view3 = replies
    assert "장바구니에 담았어요" in added_milk and "1가지" in added_milk
    assert "2가지" in added_ramen
    assert "서울우유" in view1 and "신라면" in view1 and "합계" in view1
    assert "뺐어요" in removed
    assert "신라면" not in view2 and "서울우유" in view2
    assert "1가지 상품" in confirm and "주문할까요?" in confirm
    assert "주문했어요" in placed
    assert "비어 있어요" in view3
    (order,) = orders(jangbogi, db_url)
    assert [ln["quantity"] for ln in order["lines"]] == [2]  # type: ignore[union-attr]


def test_status_and_cancel_last_order(talk: Talk, jangbogi: Runner, db_url: str) -> None:
    replies = talk(
        "주문 상태 알려줘",
        "서울우유 흰우유 1L 1개 주문해줘",
        "응",
        "주문 상태 알려줘",
        "마지막 주문 취소해 줘",
        "응",
        "주문 상태 알려줘",
        "주문 취소해줘",
    )
    none_yet, _, placed, status, ask_cancel, cancelled, status2, nothing = replies
    assert "아직 주문하신 게 없어요" in none_yet
    number = re.search(r"주문 번호 (\d+)번", placed)
    assert number is not None
    assert f"{number.group(1)}번 주문" in status and "주문 접수" in status
    assert "취소할까요?" in ask_cancel
    assert "취소했어요" in cancelled
    assert "취소 상태" in status2
    assert "취소할 수 있는 주문이 없어요" in nothing
    (order,) = orders(jangbogi, db_url)
    assert order["status"] == "cancelled"


def test_cancel_puts_stock_back(talk: Talk, jangbogi: Runner, db_url: str) -> None:
    def stock() -> int:
        found = jangbogi("catalog", "search", "서울우유 흰우유 1L", "--json", "--db", db_url)
        return int(json.loads(found.lines[0])["stock"])

    before = stock()
    talk("서울우유 흰우유 1L 3개 주문해줘", "응")
    assert stock() == before - 3
    talk("마지막 주문 취소해줘", "응")
    assert stock() == before


def test_yes_without_a_question_orders_nothing(talk: Talk, jangbogi: Runner, db_url: str) -> None:
    (reply,) = talk("응")
    assert "확인할 주문이 없어요" in reply
    assert orders(jangbogi, db_url) == []


def test_stop_ends_the_conversation(talk: Talk) -> None:
    replies = talk("그만", "서울우유 흰우유 1L 1개 주문해줘")
    assert replies == ["안녕히 계세요."]


def test_orders_list_text_output(talk: Talk, jangbogi: Runner, db_url: str) -> None:
    talk("서울우유 흰우유 1L 2개 주문해줘", "응")
    result = jangbogi("orders", "list", "--db", db_url)
    assert result.code == 0
    assert "placed" in result.out and "서울우유" in result.out and "2" in result.out


def test_english_conversation_gets_english_replies(
    talk: Talk, jangbogi: Runner, db_url: str
) -> None:
    ask, confirm, placed, weather = talk(
        "order two bottles of milk", "1", "yes", "what's the weather like"
    )
    assert "Which number?" in ask
    assert "Shall I order?" in confirm and "× " in confirm
    assert placed.startswith("Ordered.")
    assert weather.startswith("Sorry, I can only help with grocery shopping")
    (order,) = orders(jangbogi, db_url)
    assert order["lines"][0]["quantity"] == 2  # type: ignore[index]


def test_english_refusals_are_english(talk: Talk) -> None:
    (reply,) = talk("order 500 bottles of milk")
    assert reply == "Please say a quantity from 1 to 99."
