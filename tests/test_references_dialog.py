"""References ("아까 그거", "하나 더", "the last one"), receipts, order history, emptying the
cart and a delivery said to another question, through the conversation (issue 14).

The parsers learn these phrasings separately; here the understood request is given as an
:class:`Intent` (``SCRIPT``) where today's parser does not read it yet, and every other line
("응", the orders themselves) goes through the real parser.
"""

from __future__ import annotations

import pytest

from assistant.dialog.conversation import Dialog
from assistant.dialog.pending import PendingCancel, PendingChoice, PendingClearCart, PendingOrder
from assistant.dialog.phrases import Phrases
from assistant.dialog.turn import turn_state
from assistant.locales import say_for
from assistant.nlu.schema import Intent, Slots
from assistant.shop.service import ShopService
from assistant.shop.vocabulary import load_parser
from assistant.store.models import Channel
from tests.shop_helpers import MILK, MILK_MEMBER, at, cli, factory, orders, rows

ko = Phrases(say_for("ko"))
en = Phrases(say_for("en"))


def said(text: str, name: str, lang: str = "ko", **slots: object) -> Intent:
    return Intent(text, lang, name, 0.9, Slots(**slots))  # type: ignore[arg-type]


SCRIPT = {
    i.text: i
    for i in (
        said("아까 그거 취소", "cancel_order", reference=True),
        said("방금 주문한 거 어떻게 됐어", "order_status", reference=True),
        said("cancel the last one", "cancel_order", "en", reference=True),
        said("하나 더", "reorder", reference=True),
        said("아까 그거 다시 주문해 줘", "reorder", reference=True),
        said("두 개 더 시켜 줘", "reorder", reference=True, quantity=2),
        said("one more", "reorder", "en", reference=True),
        said("아까 그거 하나 더 사물함으로 보내 줘", "reorder", reference=True, delivery="locker"),
        said("아까 그거 하나 더 주문해 줘", "order", reference=True),
        said("영수증 보여 줘", "receipt"),
        said("아까 그거 영수증", "receipt", reference=True),
        said("우유 영수증 보여 줘", "receipt", product="우유"),
        said("receipt for my last order", "receipt", "en", reference=True),
        said("show the receipt of my last order", "receipt", "en", product="my last order"),
        said("장바구니 비워 줘", "clear_cart"),
        said("empty my cart", "clear_cart", "en"),
        said("내가 뭐 주문했지?", "order_history"),
        said("우유 언제 주문했지?", "order_history", product="우유"),
        said("what did I order?", "order_history", "en"),
        said("두 개로 바꿔 줘", "change", quantity=2),
        said("make that two", "change", "en", quantity=2),
    )
}


def talker(url: str, member: str | None = None) -> Dialog:
    """A conversation whose parser reads ``SCRIPT``'s lines as given, the rest as usual."""
    real = load_parser().parse
    return Dialog(ShopService(factory(url), member), Channel.TEXT,
                  parser=lambda text: SCRIPT.get(text) or real(text))  # fmt: skip


def say(d: Dialog, *lines: str, start: float = 0, step: float = 1.0) -> list[str]:
    return [d.handle(line, at(start + i * step)).text for i, line in enumerate(lines)]


def order_now(d: Dialog, start: float = 0, what: str = f"{MILK} 2개 주문해줘") -> str:
    ask, placed = say(d, what, "응", start=start)
    assert "주문할까요?" in ask and placed.startswith("주문했어요"), (ask, placed)
    return placed


# -- "아까 그거 취소": the order just placed ------------------------------------------


def test_cancel_that_asks_about_the_order_just_placed(db_url: str) -> None:
    d = talker(db_url)
    order_now(d)
    ask, done = say(d, "아까 그거 취소", "응", start=10)
    assert ask == f"1번 주문({MILK} 2팩, {2 * MILK_MEMBER:,}원)을 취소할까요?"
    assert done == "1번 주문을 취소했어요."
    assert orders(db_url)[0][1] == "cancelled"


def test_cancel_that_prefers_this_conversations_order_to_a_later_one(db_url: str) -> None:
    assert cli(db_url, "member", "add", "엄마", "--role", "adult") == 0
    mine = talker(db_url)
    order_now(mine)
    order_now(talker(db_url, "엄마"), start=5, what="신라면 한 묶음 주문해 줘")
    (ask,) = say(mine, "아까 그거 취소", start=10)
    assert ask.startswith("1번 주문(") and isinstance(mine.pending, PendingCancel)
    (no,) = say(mine, "아니", start=11)
    assert no == ko.NOT_CANCELLED and [o[1] for o in orders(db_url)] == ["placed", "placed"]


def test_cancel_that_in_a_new_conversation_is_my_latest_open_order(db_url: str) -> None:
    order_now(talker(db_url))
    d = talker(db_url)
    (ask,) = say(d, "cancel the last one", start=30)
    assert ask == "Cancel order 1 (2 × Seoul Milk Fresh Milk, 5,580 won)?"
    assert isinstance(d.pending, PendingCancel) and d.pending.order.id == 1


def test_cancel_that_after_shipping_names_it(db_url: str) -> None:
    (nothing,) = say(talker(db_url), "아까 그거 취소")  # no order at all
    assert nothing == ko.NO_OPEN_ORDER
    d = talker(db_url)
    order_now(d)
    assert cli(db_url, "orders", "advance", "1") == 0
    (refused,) = say(d, "아까 그거 취소", start=10)
    assert refused == "1번 주문은 이미 배송 중이라 취소할 수 없어요."
    (again,) = say(talker(db_url), "아까 그거 취소", start=20)  # a new conversation: the latest
    assert again == refused  # never an older open order in its place


def test_status_of_that_order(db_url: str) -> None:
    d = talker(db_url)
    order_now(d)
    (status,) = say(d, "방금 주문한 거 어떻게 됐어", start=10)
    assert (
        status == f"오늘 주문하신 {MILK} 2팩(1번 주문, {2 * MILK_MEMBER:,}원)은 주문 접수 상태예요."
    )


# -- "하나 더": a second order, asked, never refused as the same words twice ------------


def test_one_more_asks_a_real_second_order_and_places_it_after_yes(db_url: str) -> None:
    d = talker(db_url)
    order_now(d)
    (ask,) = say(d, "하나 더 시켜 줘", start=10)  # today's parser: reorder, no reference
    assert ask == (
        f"1번 주문과 같은 주문을 한 번 더 하시는 거죠? {MILK} 2팩, "
        f"회원가 {2 * MILK_MEMBER:,}원입니다. 주문할까요?"
    )
    assert isinstance(d.pending, PendingOrder) and d.pending.again is not None
    (placed,) = say(d, "응", start=11)
    assert placed.startswith("주문했어요. 주문 번호 2번")
    assert [(o[0], o[1], o[3]) for o in orders(db_url)] == [
        (1, "placed", 2 * MILK_MEMBER), (2, "placed", 2 * MILK_MEMBER)
    ]  # fmt: skip


def test_one_more_then_the_same_words_again_are_still_a_duplicate(db_url: str) -> None:
    d = talker(db_url)
    order_now(d)
    say(d, "하나 더", "응", start=10)
    (again,) = say(d, f"{MILK} 2개 주문해줘", start=20)
    assert again.startswith("방금 같은 주문을 받았어요(주문 번호 2번")
    assert "주문할까요" not in again and len(orders(db_url)) == 2


def test_an_ordinary_repeat_is_still_refused_as_a_duplicate(db_url: str) -> None:
    d = talker(db_url)
    order_now(d)
    for line in ("지난번에 산 거 다시 주문해 줘", "아까 그거 다시 주문해 줘"):
        (refused,) = say(d, line, start=10)
        assert refused.startswith("방금 같은 주문을 받았어요"), line
    assert len(orders(db_url)) == 1


def test_one_more_and_no_orders_nothing(db_url: str) -> None:
    d = talker(db_url)
    order_now(d)
    _, no = say(d, "하나 더", "아니", start=10)
    assert no == ko.NOT_ORDERED and len(orders(db_url)) == 1
    (nothing,) = say(talker(db_url), "하나 더", start=20)  # a new conversation: my last order
    assert nothing.startswith("1번 주문과 같은 주문을 한 번 더")


def test_two_more_of_a_one_line_order(db_url: str) -> None:
    d = talker(db_url)
    order_now(d, what=f"{MILK} 1개 주문해줘")
    ask, placed = say(d, "두 개 더 시켜 줘", "응", start=10)
    assert f"{MILK} 2팩" in ask and "주문할까요?" in ask
    assert placed.startswith("주문했어요") and orders(db_url)[1][3] == 2 * MILK_MEMBER


def test_an_order_that_refers_to_the_last_one_repeats_it(db_url: str) -> None:
    d = talker(db_url)
    order_now(d)
    (ask,) = say(d, "아까 그거 하나 더 주문해 줘", start=10)
    assert ask.startswith("1번 주문과 같은 주문을 한 번 더") and ask.endswith("주문할까요?")


@pytest.mark.parametrize(
    "line",
    [
        "똑같은 걸로 한 번 더 주문해 줘",
        "아까 주문한 거 또 시켜 줘",
        f"{MILK} 하나 더 시켜 줘",  # reorder with the product: the one just ordered
        f"{MILK} 하나 더 주문해 줘",  # an order of more of it
    ],
)
def test_more_said_in_other_words(db_url: str, line: str) -> None:
    d = talker(db_url)
    order_now(d, what=f"{MILK} 1개 주문해줘")
    ask, placed = say(d, line, "응", start=10)
    assert ask.startswith(f"1번 주문과 같은 주문을 한 번 더 하시는 거죠? {MILK} 1팩"), ask
    assert placed.startswith("주문했어요. 주문 번호 2번") and len(orders(db_url)) == 2


def test_more_of_a_product_not_in_the_last_order_is_an_ordinary_order(db_url: str) -> None:
    d = talker(db_url)
    order_now(d, what="신라면 한 묶음 주문해 줘")
    (ask,) = say(d, f"{MILK} 하나 더 주문해 줘", start=10)
    assert ask.endswith(f"{MILK} 1팩, 회원가 {MILK_MEMBER:,}원입니다. 주문할까요?")
    assert "한 번 더" not in ask


def test_one_more_to_the_locker(db_url: str) -> None:
    d = talker(db_url)
    order_now(d)
    ask, placed = say(d, "아까 그거 하나 더 사물함으로 보내 줘", "응", start=10)
    assert (
        ask.startswith("1번 주문과 같은 주문을") and "사물함(망원역 무인 택배함)으로 받아요" in ask
    )
    assert placed.startswith("주문했어요") and orders(db_url)[1][4] == "locker"
    assert default_delivery(db_url) == "home"


def test_the_same_thing_again_in_english(db_url: str) -> None:
    d = talker(db_url)
    order_now(d)
    ask, placed = say(d, "order the same thing again", "yes", start=10)
    assert ask.startswith("Another order just like order 1") and placed.startswith("Ordered.")


def test_one_more_in_english(db_url: str) -> None:
    d = talker(db_url)
    order_now(d)
    ask, placed = say(d, "one more", "yes", start=10)
    assert ask.startswith("Another order just like order 1: 2 × ") and "5,580 won" in ask
    assert ask.endswith("Shall I order?") and placed.startswith("Ordered. Order number 2")


def test_the_duplicate_rule_lets_through_only_the_order_the_ticket_repeats(db_url: str) -> None:
    shop = ShopService(factory(db_url))
    wanted = [(1, 2)]

    def place(repeats: int | None, seconds: float) -> tuple[int, bool]:
        now = at(seconds)
        if repeats is None:
            req = shop.request_order(wanted, now)
        else:
            req = shop.request_another(wanted, now, repeats=repeats)
        shop.accept(req.token, now)
        order, new = shop.complete(req.token, now, channel=Channel.TEXT)
        return order.id, new

    assert place(None, 0) == (1, True)
    assert place(None, 1) == (1, False)  # the same words heard twice
    assert place(99, 2) == (1, False)  # a ticket repeating another order changes nothing
    assert place(1, 3) == (2, True)  # knowingly another of order 1
    assert place(1, 4) == (2, False)  # order 2 is now the duplicate: not let through
    assert len(orders(db_url)) == 2


# -- receipts --------------------------------------------------------------------------


def test_the_receipt_of_the_last_order(db_url: str) -> None:
    d = talker(db_url)
    (none,) = say(d, "영수증 보여 줘")
    assert none == ko.NO_ORDERS
    order_now(d, start=1)
    (receipt,) = say(d, "영수증 보여 줘", start=10)
    assert receipt == (
        f"1번 주문 영수증이에요(오늘 주문, 주문 접수). {MILK} 2팩, 합계 {2 * MILK_MEMBER:,}원"
        "(회원 할인 380원). 카드 4242로 결제했어요."
    )
    assert say(d, "아까 그거 영수증", start=11) == [receipt]
    (milk,) = say(d, "우유 영수증 보여 줘", start=12)
    assert milk == receipt


def test_the_receipt_in_english_with_a_fee_and_a_cancellation(db_url: str) -> None:
    assert cli(db_url, "household", "membership", "off") == 0
    d = talker(db_url)
    order_now(d)
    (receipt,) = say(d, "receipt for my last order", start=10)
    assert receipt.startswith("Receipt for order 1 (placed today, received): 2 × ")
    assert "(including 3,000 won delivery)" in receipt
    assert receipt.endswith("Paid with the card ending in 4242.")
    assert say(d, "show the receipt of my last order", start=11) == [receipt]
    ShopService(factory(db_url)).cancel(1, at(15))
    (cancelled,) = say(d, "receipt for my last order", start=20)
    assert "cancelled" in cancelled and "Paid" not in cancelled


def test_a_childs_order_waiting_for_approval_is_not_paid_yet(db_url: str) -> None:
    assert cli(db_url, "member", "add", "민지", "--role", "child") == 0
    d = talker(db_url, "민지")
    say(d, f"{MILK} 1개 주문해줘", "응")
    (receipt,) = say(d, "영수증 보여 줘", start=10)
    assert "승인 대기" in receipt and receipt.endswith("아직 결제 전이에요.")


# -- order history ----------------------------------------------------------------------


def test_what_did_i_order(db_url: str) -> None:
    d = talker(db_url)
    (none,) = say(d, "내가 뭐 주문했지?")
    assert none == ko.NO_ORDERS
    order_now(d, start=1)
    order_now(d, start=5, what="신라면 한 묶음 주문해 줘")
    (history,) = say(d, "내가 뭐 주문했지?", start=10)
    assert history.startswith("최근 주문 2건이에요: 오늘 주문한 농심 신라면")
    assert f"; 오늘 주문한 {MILK} 2팩(1번, {2 * MILK_MEMBER:,}원, 주문 접수)." in history
    assert "뭐 사야" not in history and "떨어" not in history  # not the running-out forecast
    (milk,) = say(d, "우유 언제 주문했지?", start=11)
    assert (
        milk == f"최근 주문이에요: 오늘 주문한 {MILK} 2팩(1번, {2 * MILK_MEMBER:,}원, 주문 접수)."
    )


def test_what_did_i_order_in_english_keeps_three(db_url: str) -> None:
    assert cli(db_url, "household", "settings", "--duplicate-window", "0") == 0
    d = talker(db_url)
    for n in range(4):
        order_now(d, start=n * 10)
    history = d.handle("what did I order?", at(days=1)).text
    assert history.startswith("Your last 3 orders: 2 × ")
    assert "(order 4, 5,580 won, received)" in history and "order 1" not in history
    assert "yesterday" in history


# -- emptying the cart --------------------------------------------------------------------


def test_emptying_the_cart_asks_first(db_url: str) -> None:
    d = talker(db_url)
    (empty,) = say(d, "장바구니 비워 줘")
    assert empty == ko.EMPTY_CART and d.pending is None
    say(d, f"{MILK} 2개 장바구니에 담아줘", "신라면 한 묶음 장바구니에 넣어 줘", start=1)
    ask, unclear, kept = say(d, "장바구니 비워 줘", "글쎄", "아니", start=5)
    assert ask == "장바구니의 2개 상품을 모두 뺄까요?"
    assert unclear == f"{ko.ASK_YES_NO} {ask}"
    assert kept == ko.CART_KEPT and "신라면" in say(d, "장바구니 보여줘", start=9)[0]
    ask, done, view = say(d, "장바구니 비워 줘", "응", "장바구니 보여줘", start=10)
    assert d.pending is None and done == "장바구니를 비웠어요. 2개 상품을 뺐어요."
    assert view == ko.EMPTY_CART
    assert orders(db_url) == [] and rows(db_url, "select count(*) from cart_lines") == [(0,)]


def test_emptying_the_cart_in_english_and_a_new_request_drops_the_question(db_url: str) -> None:
    d = talker(db_url)
    say(d, f"{MILK} 1개 장바구니에 담아줘")
    (ask,) = say(d, "empty my cart", start=1)
    assert ask == "Shall I take the one product out of your cart?"
    assert isinstance(d.pending, PendingClearCart)
    assert turn_state(d.pending)[0] == "clear_cart"  # what `jangbogi text --json` says
    (view,) = say(d, "장바구니 보여줘", start=2)  # a new request: nothing is emptied
    assert MILK in view and d.pending is None
    _, done = say(d, "empty my cart", "yes", start=3)
    assert done == "Your cart is empty now: I took out 1 product."


# -- a change with nothing to change ----------------------------------------------------------


@pytest.mark.parametrize(("line", "reply"), [("두 개로 바꿔 줘", ko), ("make that two", en)])
def test_a_change_with_nothing_pending(db_url: str, line: str, reply: Phrases) -> None:
    assert say(talker(db_url), line) == [reply.NOTHING_TO_CHANGE]


def test_a_change_after_the_question_expired(db_url: str) -> None:
    d = talker(db_url)
    say(d, f"{MILK} 2개 주문해줘")
    (late,) = say(d, "두 개로 바꿔 줘", start=600)
    assert late == f"{ko.EXPIRED} {ko.NOTHING_TO_CHANGE}" and orders(db_url) == []


# -- a delivery said while another question is open ----------------------------------------


def default_delivery(url: str) -> str:
    return str(rows(url, "select default_delivery from households")[0][0])


def test_a_delivery_during_a_choice_keeps_the_default(db_url: str) -> None:
    d = talker(db_url)
    ask, locker = say(d, "계란 한 판 주문해줘", "사물함으로 받을래")
    assert "몇 번" in ask
    assert default_delivery(db_url) == "home"
    assert isinstance(d.pending, PendingChoice), locker  # the choice is still open
    # an order's choice takes the place for that order (dialog/products.py, the basket)
    assert (
        locker.startswith("이번 주문은 사물함(망원역 무인 택배함)으로 받을게요.")
        and "몇 번" in locker
    )


def test_a_delivery_during_a_cancellation_keeps_the_default_and_the_question(db_url: str) -> None:
    d = talker(db_url)
    order_now(d)
    _, store = say(d, "마지막 주문 취소해 줘", "매장에서 찾아갈게", start=10)
    assert default_delivery(db_url) == "home" and isinstance(d.pending, PendingCancel)
    assert store.startswith("기본 배송은 바꾸지 않았어요.")


def test_a_delivery_with_from_now_on_during_a_choice_changes_the_default(db_url: str) -> None:
    d = talker(db_url)
    _, locker = say(d, "계란 한 판 주문해줘", "앞으로 사물함으로 받을게")
    assert locker.startswith("앞으로 사물함(망원역 무인 택배함)으로 받을게요.")
    assert "몇 번" in locker and isinstance(d.pending, PendingChoice)  # the choice stays
    assert default_delivery(db_url) == "locker"


def test_a_delivery_with_no_question_open_changes_the_default(db_url: str) -> None:
    (locker,) = say(talker(db_url), "사물함으로 받을래")
    assert locker.startswith("앞으로 사물함") and default_delivery(db_url) == "locker"


def test_a_delivery_to_the_order_question_is_for_that_order(db_url: str) -> None:
    d = talker(db_url)
    _, locker, placed = say(d, f"{MILK} 2개 주문해줘", "사물함으로 받을래", "응")
    assert "주문할까요?" in locker and placed.startswith("주문했어요")
    assert default_delivery(db_url) == "home" and orders(db_url)[0][4] == "locker"
