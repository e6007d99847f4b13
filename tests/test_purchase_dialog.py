"""Membership, delivery, receipts, ratings and purchase controls through the conversation.

Most tests drive the text conversation's engine (:class:`Dialog`) in this process so they can
set the clock; a few run the real ``jangbogi text`` command.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable

import pytest

from assistant.dialog.phrases import Phrases
from assistant.locales import say_for
from tests.conftest import Runner
from tests.shop_helpers import (
    MILK,
    MILK_MEMBER,
    MILK_PRICE,
    at,
    cli,
    execute,
    orders,
    rows,
    say,
    stock,
    talker,
)

replies = Phrases(say_for("ko"))
replies_en = Phrases(say_for("en"))


Talk = Callable[..., list[str]]


def set_pin(url: str, mp: pytest.MonkeyPatch, pin: str = "1234") -> None:
    assert cli(url, "household", "pin", "set", stdin=f"{pin}\n", mp=mp) == 0


# -- membership and pricing ----------------------------------------------------------


def test_member_with_a_card_pays_member_prices_without_asking(db_url: str) -> None:
    ask, placed = say(talker(db_url), f"{MILK} 2개 주문해줘", "응")
    assert f"회원가 {2 * MILK_MEMBER:,}원입니다. 주문할까요?" in ask and "저렴해요" not in ask
    assert f"회원 할인 {2 * (MILK_PRICE - MILK_MEMBER):,}원" in placed
    assert orders(db_url)[0][3] == 2 * MILK_MEMBER


def test_member_without_a_card_is_told_to_register_one(db_url: str) -> None:
    assert cli(db_url, "household", "payment", "remove", "1") == 0
    d = talker(db_url)
    refused, _cart, deals, info = say(
        d, f"{MILK} 2개 주문해줘", f"{MILK} 2개 장바구니에 담아줘", "할인 상품 뭐 있어",
        "회원 혜택이 뭐야",
    )  # fmt: skip
    assert "카드가 없어서 주문할 수 없어요" in refused and "payment add" in refused
    assert "주문할까요" not in refused
    assert say(d, "장바구니 보여줘")[0].endswith(f"합계 {2 * MILK_PRICE:,}원.")  # regular price
    assert deals.startswith("카드를 등록하시면") and "회원이세요" in info and "카드를 등록" in info
    assert orders(db_url) == []


def test_a_non_member_hears_the_saving(db_url: str) -> None:
    assert cli(db_url, "household", "membership", "off") == 0
    ask, placed = say(talker(db_url), f"{MILK} 2개 주문해줘", "응")
    regular = 2 * MILK_PRICE
    assert f"{regular + 3000:,}원(배송비 3,000원 포함)입니다." in ask
    saving = 2 * (MILK_PRICE - MILK_MEMBER) + 3000  # member prices and free delivery
    assert f"회원이시면 {saving:,}원 더 저렴해요. 주문할까요?" in ask
    assert "배송비 3,000원 포함" in placed
    assert orders(db_url)[0][3:] == (regular + 3000, "home", 3000)


def test_joining_the_membership_by_voice(db_url: str) -> None:
    assert cli(db_url, "household", "membership", "off") == 0
    d = talker(db_url)
    info, ask, unclear, joined, order = say(
        d, "회원 혜택이 뭐야", "멤버십 가입할래", "글쎄", "응", f"{MILK} 2개 주문해줘"
    )
    assert "아직 회원이 아니세요" in info and "회원가" in info and "무료" in info
    assert ask.startswith("멤버십에 가입할까요?")
    assert "'응' 또는 '아니'" in unclear  # an unclear answer is not a yes
    assert joined.startswith("멤버십에 가입했어요")
    assert f"회원가 {2 * MILK_MEMBER:,}원" in order and "저렴해요" not in order
    assert rows(db_url, "select membership_active from households") == [(1,)]


def test_saying_no_to_joining_changes_nothing(db_url: str) -> None:
    assert cli(db_url, "household", "membership", "off") == 0
    _, no = say(talker(db_url), "멤버십 가입하고 싶어요", "아니")
    assert no == replies.NOT_JOINED
    assert rows(db_url, "select membership_active from households") == [(0,)]


def test_a_child_cannot_join(db_url: str) -> None:
    assert cli(db_url, "household", "membership", "off") == 0
    assert cli(db_url, "member", "add", "민지", "--role", "child") == 0
    _, answer = say(talker(db_url, "민지"), "멤버십 가입할래", "응")
    assert "어른만" in answer
    assert rows(db_url, "select membership_active from households") == [(0,)]


# -- delivery ------------------------------------------------------------------------


def test_delivery_fee_follows_the_households_settings(db_url: str) -> None:
    assert cli(db_url, "household", "membership", "off") == 0
    assert cli(db_url, "household", "settings", "--delivery-fee", "2500",
               "--free-delivery-threshold", "10000") == 0  # fmt: skip
    d = talker(db_url)
    small, big = say(d, f"{MILK} 3개 주문해줘", f"{MILK} 4개 주문해줘")
    assert f"{3 * MILK_PRICE + 2500:,}원(배송비 2,500원 포함)" in small  # 8,940 < 10,000
    assert f"{4 * MILK_PRICE:,}원입니다." in big  # 11,920: free from the threshold


def test_pickup_at_a_locker_for_this_order(db_url: str) -> None:
    assert cli(db_url, "household", "membership", "off") == 0
    d = talker(db_url)
    ask, locker, placed = say(d, f"{MILK} 2개 주문해줘", "사물함으로 받을게", "응")
    assert "배송비 3,000원" in ask
    assert "사물함(망원역 무인 택배함)으로 받아요." in locker and "배송비" not in locker
    assert "주문할까요?" in locker
    assert "망원역 무인 택배함" in placed and "보내요" in placed
    assert orders(db_url)[0][4:] == ("locker", 0)
    assert rows(db_url, "select default_delivery from households") == [("home",)]


def test_store_pickup_and_a_new_default(db_url: str) -> None:
    d = talker(db_url)
    default, ask, placed = say(d, "앞으로 매장에서 픽업할게", f"{MILK} 1개 주문해줘", "응")
    assert default == "앞으로 매장 픽업(장보기마트 망원점)으로 받을게요."
    assert "매장 픽업(장보기마트 망원점)으로 받아요." in ask
    assert "장보기마트 망원점에서 찾아가시면 돼요" in placed
    assert rows(db_url, "select default_delivery from households") == [("store",)]
    assert orders(db_url)[0][4] == "store"
    home, = say(d, "집으로 배송해 줘", now=at(300))  # fmt: skip
    assert home == "앞으로 집으로 받을게요."


def test_delivery_needs_a_registered_place(db_url: str) -> None:
    assert cli(db_url, "household", "address", "remove", "3") == 0  # the demo store
    (answer,) = say(talker(db_url), "매장에서 픽업할게")
    assert "등록된 매장 주소가 없어요" in answer and "address add --kind store" in answer
    assert rows(db_url, "select default_delivery from households") == [("home",)]


# -- receipts -------------------------------------------------------------------------


def test_the_spoken_confirmation_summarises_the_receipt(db_url: str, jangbogi: Runner) -> None:
    _, placed = say(talker(db_url), f"{MILK} 2개 주문해줘", "응")
    sentence = placed.removeprefix("주문했어요. ")
    assert sentence.count(".") == 1 and sentence.endswith(".")  # one sentence
    for part in ("주문 번호 1번", f"{MILK} 2팩", f"합계 {2 * MILK_MEMBER:,}원", "회원 할인 380원",
                 "카드 4242", "집으로 배송해요"):  # fmt: skip
        assert part in sentence
    result = jangbogi("receipt", "1", "--json", "--db", db_url)
    assert result.code == 0, result.err
    receipt = json.loads(result.out)
    assert receipt["lines"] == [{
        "name": MILK, "quantity": 2, "unit": "팩", "regular_unit_price": MILK_PRICE,
        "unit_price": MILK_MEMBER, "line_total": 2 * MILK_MEMBER, "regular_total": 2 * MILK_PRICE,
        "saving": 2 * (MILK_PRICE - MILK_MEMBER),
    }]  # fmt: skip
    assert (receipt["regular_subtotal"], receipt["member_savings"], receipt["delivery_fee"],
            receipt["total"]) == (2 * MILK_PRICE, 380, 0, 2 * MILK_MEMBER)  # fmt: skip
    assert receipt["payment"] == {"label": "VISA", "last4": "4242"}
    assert receipt["delivery"] == "home" and receipt["local_time"].endswith("+09:00")
    text = jangbogi("receipt", "1", "--db", db_url)
    assert text.code == 0
    for part in ("전자 영수증", "정가 2,980원 → 회원가 2,790원", "회원 할인 -380원",
                 "배송비 0원", "결제 금액 5,580원", "****4242"):  # fmt: skip
        assert part in text.out
    missing = jangbogi("receipt", "99", "--db", db_url)
    assert missing.code == 4 and "no order 99" in missing.err


# -- ratings, usual product, deals -------------------------------------------------


def test_product_info_answers_prices_and_ratings(db_url: str) -> None:
    (info,) = say(talker(db_url), f"{MILK} 평점 알려줘")
    assert info.startswith(f"{MILK}: 2,980원, 회원가 2,790원, 평점 4.8점, 리뷰 5,231개")


def test_the_usual_product_is_offered_first(db_url: str) -> None:
    d = talker(db_url)
    (first,) = say(d, "우유 주문해줘")
    assert "평점 높은" in first and "1번 서울우유 흰우유 1L" in first  # no history: best rated
    say(d, "매일우유 오리지널 주문해줘", "응", now=at(10))
    execute(db_url, "update households set duplicate_window_s = 0")
    say(d, "매일우유 오리지널 주문해줘", "응", now=at(20))
    ask, confirm = say(talker(db_url), "우유 두 개 주문해줘", "1번", now=at(30))
    assert "늘 사시던 1번 매일우유 오리지널 900ml" in ask
    assert confirm.startswith("매일우유 오리지널 900ml 2팩")
    (info,) = say(talker(db_url), "우유 얼마야", now=at(40))
    assert info.startswith("매일우유 오리지널 900ml:")


def test_best_rated_in_stock_comes_first(db_url: str) -> None:
    execute(db_url, "update products set stock = 0 where sku in ('DAI-001', 'DAI-006')")
    (ask,) = say(talker(db_url), "우유 주문해줘")
    offered = re.findall(r"\d번 (.+?) [0-9,]+원", ask)
    assert "서울우유 흰우유 1L" not in offered[:3] and offered[0] == "상하목장 유기농우유 750ml"


def test_deals_list_member_price_highlights(db_url: str) -> None:
    (deals,) = say(talker(db_url), "회원 특가 뭐 있어")
    assert deals.startswith("회원 할인 상품이에요:") and deals.count("→ 회원가") == 5


# -- confirmations --------------------------------------------------------------------


def test_a_yes_after_the_timeout_orders_nothing(db_url: str) -> None:
    assert cli(db_url, "household", "settings", "--confirm-timeout", "20") == 0
    d = talker(db_url)
    (ask,) = say(d, f"{MILK} 1개 주문해줘")
    (late,) = say(d, "응", now=at(21))
    assert "주문할까요?" in ask and late.startswith(replies.EXPIRED)
    assert "확인할 주문이 없어요" in late and orders(db_url) == []
    say(d, f"{MILK} 1개 주문해줘", now=at(100))
    (in_time,) = say(d, "응", now=at(119))
    assert in_time.startswith("주문했어요")


def test_an_unclear_answer_is_not_a_yes(db_url: str) -> None:
    replies_ = say(talker(db_url), f"{MILK} 1개 주문해줘", "음", "그건 잘 모르겠는데", "아마도")
    assert all("'응' 또는 '아니'" in r for r in replies_[1:])
    assert orders(db_url) == []


# -- the voice PIN ------------------------------------------------------------------


def test_the_pin_is_asked_after_yes_and_never_echoed(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    set_pin(db_url, monkeypatch)
    d = talker(db_url)
    d.handle(f"{MILK} 1개 주문해줘", at())
    assert d.handle("응", at(1)).text == replies.ASK_PIN
    assert d.expecting_secret
    reply = d.handle("일 이 삼 사", at(2))
    assert reply.secret and reply.intent.text == "****" and "1234" not in reply.text
    assert "일 이 삼 사" not in reply.text and reply.text.startswith("주문했어요")
    assert not d.expecting_secret and len(orders(db_url)) == 1


def test_an_answer_that_is_not_a_pin_is_asked_again(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    set_pin(db_url, monkeypatch)
    answers = say(talker(db_url), f"{MILK} 1개 주문해줘", "응", "우유", "아니")
    assert answers[2] == replies.ASK_PIN_AGAIN and answers[3] == replies.NOT_ORDERED
    assert orders(db_url) == []
    assert rows(db_url, "select failed_pin_attempts from households") == [(0,)]


def test_three_wrong_pins_lock_voice_purchases(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    set_pin(db_url, monkeypatch)
    assert cli(db_url, "household", "settings", "--pin-lock-minutes", "10") == 0
    d = talker(db_url)
    lines = say(d, f"{MILK} 1개 주문해줘", "응", "1111", "2222", "3333")
    assert "2번 더 틀리면" in lines[2] and "1번 더 틀리면" in lines[3]
    assert "음성 주문이 10:10까지 잠겨 있어요" in lines[4]
    assert not any(p in " ".join(lines) for p in ("1111", "2222", "3333"))
    locked = say(d, f"{MILK} 1개 주문해줘", now=at(60))[0]
    assert "잠겨 있어요" in locked and "주문할까요" not in locked
    assert orders(db_url) == []
    fresh = talker(db_url)  # the lock holds for every conversation until it ends
    assert "잠겨 있어요" in say(fresh, f"{MILK} 1개 주문해줘", now=at(minutes=9))[0]
    ok = say(fresh, f"{MILK} 1개 주문해줘", "응", "1234", now=at(minutes=11))
    assert ok[2].startswith("주문했어요")


def test_the_operator_can_lift_a_pin_lock(db_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    set_pin(db_url, monkeypatch)
    execute(db_url, "update households set pin_locked_until = '2099-01-01 00:00:00'")
    assert "잠겨 있어요" in say(talker(db_url), f"{MILK} 1개 주문해줘")[0]
    assert cli(db_url, "household", "pin", "unlock") == 0
    assert "주문할까요?" in say(talker(db_url), f"{MILK} 1개 주문해줘")[0]


# -- limits ----------------------------------------------------------------------------


def test_spending_limits_are_said_before_the_question(db_url: str) -> None:
    assert cli(db_url, "member", "add", "할머니", "--role", "adult", "--per-order-limit",
               "5000", "--per-day-limit", "6000") == 0  # fmt: skip
    d = talker(db_url, "할머니")
    too_much, ok, placed, over_day = say(
        d, f"{MILK} 2개 주문해줘", f"{MILK} 1개 주문해줘", "응", "초코에몽 세 개 주문해줘"
    )
    assert "한 번에 5,000원까지" in too_much and "주문할까요" not in too_much
    assert "주문할까요?" in ok and placed.startswith("주문했어요")
    # 2,790 today + 3,240 > 6,000
    assert "하루 주문 한도는 6,000원" in over_day and "3,210원 더" in over_day
    assert "주문할까요" not in over_day
    assert [o[2] for o in orders(db_url)] == ["할머니"]


# -- a child's order -------------------------------------------------------------------


def test_child_order_approved_by_voice_with_the_pin(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    set_pin(db_url, monkeypatch)
    assert cli(db_url, "member", "add", "민지", "--role", "child") == 0
    kid = talker(db_url, "민지")
    ask, waiting = say(kid, "초코에몽 두 개 주문해줘", "응")
    assert "어른이 승인하면 주문돼요. 주문할까요?" in ask
    assert waiting.startswith("어른의 승인을 기다리는 주문으로 남겼어요. 주문 번호 1번")
    assert orders(db_url)[0][1:3] == ("pending_approval", "민지")
    assert "승인을 기다리고 있어요" in say(kid, "주문 상태 알려줘", now=at(5))[0]
    refused = say(kid, "승인해 줘", now=at(10))[0]
    assert "어른만" in refused
    adult = talker(db_url)
    question, wrong, approved = say(adult, "승인할 주문 있어?", "5678", "1234", now=at(20))
    assert question.startswith("민지님의 1번 주문(남양 초코에몽 180ml 2개")
    assert "비밀번호 네 자리" in question and "맞지 않아요" in wrong
    assert approved == "민지님의 1번 주문을 승인했어요. 합계 2,160원."
    assert orders(db_url)[0][1] == "placed"
    assert rows(db_url, "select m.name from orders o join members m on m.id = o.decided_by_id") == [
        ("demo",)
    ]
    assert say(adult, "승인할 주문 있어?", now=at(40))[0] == replies.NO_APPROVALS


def test_child_order_rejected_by_voice(db_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    set_pin(db_url, monkeypatch)
    assert cli(db_url, "member", "add", "민지", "--role", "child") == 0
    before = stock(db_url, "DAI-012")
    say(talker(db_url, "민지"), "초코에몽 두 개 주문해줘", "응")
    asked, done = say(talker(db_url), "1번 주문 거절해 줘", "일이삼사", now=at(30))
    assert "거절하려면 비밀번호" in asked and done == "민지님의 1번 주문을 거절했어요."
    assert orders(db_url)[0][1] == "rejected" and stock(db_url, "DAI-012") == before


def test_voice_approval_needs_a_household_pin(db_url: str) -> None:
    assert cli(db_url, "member", "add", "민지", "--role", "child") == 0
    say(talker(db_url, "민지"), "초코에몽 두 개 주문해줘", "응")
    (answer,) = say(talker(db_url), "승인해 줘", now=at(30))
    assert "비밀번호가 필요해요" in answer and "approvals approve" in answer
    assert orders(db_url)[0][1] == "pending_approval"


def test_child_order_approved_with_the_cli(db_url: str, jangbogi: Runner) -> None:
    assert cli(db_url, "member", "add", "민지", "--role", "child") == 0
    say(talker(db_url, "민지"), "초코에몽 두 개 주문해줘", "응")
    listed = jangbogi("approvals", "list", "--json", "--db", db_url)
    assert listed.code == 0 and json.loads(listed.out)["member"] == "민지"
    assert jangbogi("approvals", "approve", "1", "--by", "민지", "--db", db_url).code == 5
    done = jangbogi("approvals", "approve", "1", "--by", "demo", "--db", db_url)
    assert done.code == 0 and "'demo'님이 승인했어요" in done.out
    again = jangbogi("approvals", "reject", "1", "--db", db_url)
    assert again.code == 5 and "Traceback" not in again.err
    assert orders(db_url)[0][1] == "placed"


# -- the same words twice, out of stock ---------------------------------------------------


def test_the_same_words_heard_twice_order_once(db_url: str) -> None:
    d = talker(db_url)
    first = say(d, f"{MILK} 2개 주문해줘", "응")
    (again,) = say(d, f"{MILK} 2개 주문해줘", now=at(30))
    assert first[1].startswith("주문했어요") and again.startswith("방금 같은 주문을 받았어요")
    assert "주문할까요" not in again and len(orders(db_url)) == 1
    later = say(d, f"{MILK} 2개 주문해줘", "응", now=at(200))
    assert later[1].startswith("주문했어요") and len(orders(db_url)) == 2


def test_out_of_stock_in_the_cart_offers_the_closest(db_url: str) -> None:
    """The closest product of the same kind is offered (another 우유 for a 우유), and none
    when no other product is of that kind: a coffee milk is never offered as a 저지방우유."""
    execute(db_url, "update products set stock = 0 where sku = 'DAI-001'")
    d = talker(db_url)
    offer, yes, cart = say(d, f"{MILK} 2개 장바구니에 담아줘", "응", "장바구니 보여줘")
    assert offer.startswith(f"{MILK}은(는) 품절이에요. 대신 ")
    assert offer.endswith("담을까요?") and "장바구니에 담았어요" in yes
    assert MILK not in cart and "우유" in cart
    (no_alt,) = say(d, "서울우유 커피우유 장바구니에 담아줘")  # the only coffee milk
    assert "품절이에요" in no_alt and "대신" not in no_alt
    (other_apple,) = say(d, "신선농장 아오리 사과 주문해줘")
    assert "품절이에요" in no_alt and "사과" in other_apple.split("대신")[-1]


# -- order status and cancellation ---------------------------------------------------------


def test_order_status_in_one_sentence(db_url: str) -> None:
    say(talker(db_url), f"{MILK} 2개 주문해줘", "응")
    assert cli(db_url, "orders", "advance", "1") == 0
    (status,) = say(talker(db_url), "우유 주문 어떻게 됐어", now=at(days=1))
    assert status == f"어제 주문하신 {MILK} 2팩(1번 주문, 5,580원)은 배송 중이에요."
    (none,) = say(talker(db_url), "계란 배송 어디쯤 왔어", now=at(days=1))
    assert none == replies.NO_ORDERS


def test_cancellation_after_shipping_is_refused(db_url: str) -> None:
    say(talker(db_url), f"{MILK} 2개 주문해줘", "응")
    d = talker(db_url)
    ask = say(d, "마지막 주문 취소해줘", now=at(10))[0]
    assert "취소할까요?" in ask
    assert cli(db_url, "orders", "advance", "1") == 0  # shipped while we were asking
    (late,) = say(d, "응", now=at(11))
    assert "이미 배송 중" in late and "취소할 수 없어요" in late
    (refused,) = say(d, "주문 취소해줘", now=at(20))
    assert refused == "1번 주문은 이미 배송 중이라 취소할 수 없어요."
    assert orders(db_url)[0][1] == "shipped"


# -- English ----------------------------------------------------------------------------


NEW_REPLIES = (
    "ASK_PIN", "ASK_PIN_AGAIN", "NO_APPROVALS", "APPROVAL_KEPT", "NOT_JOINED", "ASK_DELIVERY",
    "REGISTER_CARD", "place_phrase", "purchase_notes", "receipt_sentence", "waiting_approval",
    "duplicate", "status_sentence", "cannot_cancel", "ask_approval", "decided",
    "membership_info", "ask_join", "joined", "delivery_set", "out_of_stock", "offer_for_cart",
    "confirm_order", "confirm_checkout", "confirm_reorder", "choose", "deals",
)  # fmt: skip


@pytest.mark.parametrize("name", NEW_REPLIES)
def test_english_has_the_same_reply_names(name: str) -> None:
    import inspect

    ko, en = getattr(replies, name), getattr(replies_en, name)
    if callable(ko):
        assert list(inspect.signature(ko).parameters) == list(inspect.signature(en).parameters)


def test_english_pin_membership_and_delivery(db_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    set_pin(db_url, monkeypatch)
    assert cli(db_url, "household", "membership", "off") == 0
    d = talker(db_url)
    lines = say(
        d, "what are the member benefits", "sign me up for membership", "yes",
        "order two bottles of milk", "1", "use the locker please", "yes", "one two three four",
    )  # fmt: skip
    assert lines[0].startswith("You're not a member yet")
    assert lines[1].startswith("Shall I sign you up") and lines[2].startswith("You're a member")
    assert "Delivery: the parcel locker" in lines[5] and "Shall I order?" in lines[5]
    assert lines[6] == replies_en.ASK_PIN
    assert lines[7].startswith("Ordered.") and "card ending 4242" in lines[7]
    assert "sent to the parcel locker" in lines[7]


# -- the real command ------------------------------------------------------------------------


def test_text_command_child_flow_and_cli(talk: Talk, jangbogi: Runner, db_url: str) -> None:
    assert jangbogi("member", "add", "민지", "--role", "child", "--db", db_url).code == 0
    ask, waiting = talk("초코에몽 두 개 주문해줘", "응", member="민지")
    assert "어른이 승인하면" in ask and "승인을 기다리는" in waiting
    listed = jangbogi("approvals", "list", "--db", db_url)
    assert "민지" in listed.out and "남양 초코에몽" in listed.out
    assert jangbogi("orders", "advance", "1", "--db", db_url).code == 5  # not approved yet
    assert jangbogi("approvals", "approve", "1", "--db", db_url).code == 0
    moved = jangbogi("orders", "advance", "--all", "--db", db_url)
    assert moved.code == 0 and "주문 1번: 배송 중" in moved.out
    assert "배송 중이에요" in talk("주문 상태 알려줘")[0]


def test_a_pin_said_too_late_is_still_masked(db_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    set_pin(db_url, monkeypatch)
    assert cli(db_url, "household", "settings", "--confirm-timeout", "20") == 0
    d = talker(db_url)
    say(d, f"{MILK} 1개 주문해줘", "응")
    late = d.handle("1234", at(60))
    assert late.secret and late.intent.text == "****" and "1234" not in late.text
    assert late.text.startswith(replies.EXPIRED) and orders(db_url) == []
    assert not d.expecting_secret


def test_a_delivery_said_with_the_order_is_used(db_url: str) -> None:
    ask, confirm, placed = say(talker(db_url), "우유 두 개 사물함으로 주문해 줘", "1번", "응")
    assert "몇 번" in ask and "사물함(망원역 무인 택배함)으로 받아요." in confirm
    assert "사물함" in placed and orders(db_url)[0][4] == "locker"
    assert rows(db_url, "select default_delivery from households") == [("home",)]


def test_english_refusals_for_the_new_rules(db_url: str) -> None:
    say(talker(db_url), f"{MILK} 2개 주문해줘", "응")
    assert cli(db_url, "orders", "advance", "1") == 0
    assert cli(db_url, "member", "limits", "demo", "--per-order", "1000") == 0
    shipped, ask, over = say(
        talker(db_url), "cancel my last order", "order two bottles of milk", "1", now=at(10)
    )
    assert shipped == "Order 1 is already on its way, so it can't be cancelled."
    assert "Which number?" in ask
    assert over == "That is over the limit of 1,000 won per order."
