"""Subscriptions in the conversation: the schedule said back and a yes before anything is
made, the PIN, a child, listing, skipping, pausing and cancelling by voice, and the
notifications told once when a conversation opens (Korean and English)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from assistant.dialog.pending import PendingSubscribe
from assistant.dialog.phrases_reorder import ReorderPhrases
from assistant.dialog.subscriptions import minute_said
from assistant.locales import say_for
from assistant.reorder.service import NotificationView
from tests.shop_helpers import MILK, T0, at, cli, say, talker
from tests.subscription_helpers import EGGS, notify, only_plain_eggs, runs, subscriptions

replies_reorder = ReorderPhrases(say_for("ko"))
replies_reorder_en = ReorderPhrases(say_for("en"))


SUBSCRIBE_EGGS = "매주 월요일 오전 9시에 달걀 한 판 정기 배송 해 줘"
ISSUE_SENTENCE = "매주 월요일 오전 9시에 달걀 30구 1판을 주문할게요."


def test_the_schedule_is_said_back_and_only_yes_makes_it(db_url: str) -> None:
    only_plain_eggs(db_url)
    d = talker(db_url)
    ask = say(d, SUBSCRIBE_EGGS)[0]
    assert ask == (
        f"{ISSUE_SENTENCE} 한 번에 회원가 8,500원, 첫 주문은 3월 9일 월요일이에요. "
        "정기 배송을 시작할까요?"
    )
    assert subscriptions(db_url) == []
    unclear, done = say(d, "글쎄", "응")
    assert unclear == (  # asked again, naming what, how often, the price and where
        f"'응' 또는 '아니'로 대답해 주세요. {ISSUE_SENTENCE} 한 번에 회원가 8,500원, "
        "집으로 배송해요. 첫 주문은 3월 9일 월요일이에요. 정기 배송을 시작할까요?"
    )
    assert done == "정기 배송을 시작했어요. 첫 주문은 3월 9일 월요일 오전 9시예요."
    assert subscriptions(db_url) == [(1, "EGG-900", 1, "active", "2026-03-09 00:00:00.000000")]


def test_no_creates_nothing(db_url: str) -> None:
    only_plain_eggs(db_url)
    d = talker(db_url)
    assert say(d, SUBSCRIBE_EGGS, "아니")[1] == "알겠어요, 정기 배송을 만들지 않았어요."
    assert say(d, "응")[0] == "지금 확인할 주문이 없어요."
    assert subscriptions(db_url) == []


def test_a_late_yes_creates_nothing(db_url: str) -> None:
    only_plain_eggs(db_url)
    d = talker(db_url)
    say(d, SUBSCRIBE_EGGS)
    late = say(d, "응", now=T0 + timedelta(seconds=91))[0]
    assert late.startswith("확인 시간이 지나서 이전 요청은 취소했어요.")
    assert subscriptions(db_url) == []


def test_without_a_schedule_it_asks_when(db_url: str) -> None:
    d = talker(db_url)
    choose, when, again, ask, done = say(
        d, "우유 정기 배송 해 줘", "1", "글쎄", "매일 오후 6시 30분", "응"
    )
    assert choose.startswith("우유는 8가지가 있어요.")
    assert when == replies_reorder.ASK_SCHEDULE
    assert again == replies_reorder.ASK_SCHEDULE_AGAIN
    assert ask.startswith(f"매일 오후 6시 30분에 {MILK} 1팩을 주문할게요.")
    assert done.startswith("정기 배송을 시작했어요. 첫 주문은 3월 2일 월요일 오후 6시 30분")
    assert [s[1] for s in subscriptions(db_url)] == ["DAI-001"]


def test_which_one_keeps_the_schedule_and_quantity(db_url: str) -> None:
    d = talker(db_url)
    choose, ask = say(d, "매주 월요일마다 계란 두 판 정기 배송 해 줘", "1")
    assert "몇 번으로 할까요?" in choose
    wanted = f"매주 월요일 오전 9시에 {EGGS} 2판을 주문할게요. 한 번에 회원가 21,960원,"
    assert ask.startswith(wanted)
    assert isinstance(d.pending, PendingSubscribe)
    say(d, "응")
    assert subscriptions(db_url)[0][1:4] == ("EGG-001", 2, "active")


def test_with_a_pin_the_pin_is_asked_after_yes(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert cli(db_url, "household", "pin", "set", stdin="1234\n", mp=monkeypatch) == 0
    only_plain_eggs(db_url)
    d = talker(db_url)
    _ask, pin = say(d, SUBSCRIBE_EGGS, "응")
    assert pin == "비밀번호 네 자리를 말씀해 주세요."
    wrong = d.handle("구구구구", at(3))
    assert wrong.secret and "비밀번호" in wrong.text and subscriptions(db_url) == []
    right = d.handle("일이삼사", at(4))
    assert right.secret and right.text.startswith("정기 배송을 시작했어요.")
    assert len(subscriptions(db_url)) == 1


def test_no_instead_of_the_pin_makes_nothing(db_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    assert cli(db_url, "household", "pin", "set", stdin="1234\n", mp=monkeypatch) == 0
    only_plain_eggs(db_url)
    assert say(talker(db_url), SUBSCRIBE_EGGS, "응", "아니")[2] == replies_reorder.NOT_SUBSCRIBED
    assert subscriptions(db_url) == []


def test_a_child_cannot_subscribe(db_url: str) -> None:
    assert cli(db_url, "member", "add", "민지", "--role", "child") == 0
    only_plain_eggs(db_url)
    reply = say(talker(db_url, "민지"), SUBSCRIBE_EGGS)[0]
    assert reply == "정기 배송은 어른만 신청할 수 있어요. 어른에게 부탁해 주세요."
    assert subscriptions(db_url) == []


def test_a_child_cannot_pause_skip_or_cancel_by_voice(db_url: str) -> None:
    """The household's subscriptions order with its money: a child's voice changes none."""
    subscribe_two(db_url)
    assert cli(db_url, "member", "add", "민지", "--role", "child") == 0
    before = subscriptions(db_url)
    child = talker(db_url, "민지")
    replies = say(child, "달걀 정기 배송 잠깐 멈춰 줘", "이번 주 달걀 배송은 건너뛰어 줘",
                  "달걀 정기 배송 취소해 줘", "응")  # fmt: skip
    assert all("주문을 멈췄" not in r and "건너뛸게요" not in r and "해지했어요" not in r
               for r in replies), replies  # fmt: skip
    assert sum("어른만" in r for r in replies) >= 3, replies
    assert subscriptions(db_url) == before and runs(db_url) == []


def subscribe_two(db_url: str) -> None:
    """EGG-001 every Monday and DAI-001 every day at 18:00 (made through the CLI)."""
    for args in (("--product", "EGG-001", "--every", "week", "--on", "mon"),
                 ("--product", "DAI-001", "--every", "day", "--at", "18:00")):  # fmt: skip
        assert cli(db_url, "subscriptions", "add", *args) == 0


def test_list_by_voice(db_url: str) -> None:
    d = talker(db_url)
    assert say(d, "정기 배송 목록 보여 줘")[0] == replies_reorder.NO_SUBSCRIPTIONS
    subscribe_two(db_url)
    listed = say(d, "정기 배송 목록 보여 줘")[0]
    assert listed.startswith(f"정기 배송이 두 개 있어요: 1번 매주 월요일 오전 9시 {EGGS} 1판,")
    assert f"2번 매일 오후 6시 {MILK} 1팩, 다음은" in listed
    english = say(d, "list my subscriptions")[0]
    # English replies name products by the catalog's English names (name_en)
    assert english.startswith(
        "You have two regular deliveries: 1: 1 × Pulmuone Antibiotic Free Extra Large Eggs "
        "every Monday"
    )


def test_skip_by_voice_names_the_date_and_writes_one_run(db_url: str) -> None:
    subscribe_two(db_url)
    d = talker(db_url)
    next_monday = subscriptions(db_url)[0][4]
    reply = say(d, "이번 주 달걀 배송은 건너뛰어 줘")[0]
    local = replies_reorder.local_date(
        __import__("datetime").datetime.fromisoformat(next_monday + "+00:00"), "Asia/Seoul"
    )
    assert reply.startswith(f"{local} {EGGS} 배송을 건너뛸게요. 다음 배송은 ")
    assert runs(db_url) == [(1, next_monday, "skipped", "voice")]
    assert subscriptions(db_url)[0][4] != next_monday


def test_cancel_by_voice_asks_which_then_yes(db_url: str) -> None:
    subscribe_two(db_url)
    d = talker(db_url)
    which, confirm, kept = say(d, "정기 배송 취소해 줘", "우유", "아니")
    assert which.startswith("어느 정기 배송을 해지할까요? 1번 매주 월요일 오전 9시")
    assert confirm == f"매일 오후 6시 {MILK} 1팩 정기 배송을 해지할까요?"
    assert kept == replies_reorder.KEPT
    assert [s[3] for s in subscriptions(db_url)] == ["active", "active"]
    confirm, done = say(d, "달걀 정기 배송 취소해 줘", "응")
    assert confirm.startswith(f"매주 월요일 오전 9시 {EGGS} 1판 정기 배송을 해지할까요?")
    assert done == f"{EGGS} 정기 배송을 해지했어요."
    assert [s[3] for s in subscriptions(db_url)] == ["cancelled", "active"]


def test_pause_by_voice_with_one_subscription(db_url: str) -> None:
    assert cli(db_url, "subscriptions", "add", "--product", "EGG-001", "--every", "week") == 0
    d = talker(db_url)
    paused = say(d, "정기 배송 잠깐 멈춰 줘")[0]
    assert paused.startswith(f"{EGGS} 정기 배송을 멈췄어요.") and "다시 시작해 줘" in paused
    assert subscriptions(db_url)[0][3] == "paused"
    assert say(d, "정기 배송 잠깐 멈춰 줘")[0] == "멈출 정기 배송이 없어요."


def test_resume_by_voice_starts_again_at_the_next_time_without_making_up(db_url: str) -> None:
    assert cli(db_url, "subscriptions", "add", "--product", "EGG-001", "--every", "week") == 0
    d = talker(db_url)
    say(d, "달걀 정기 배송 잠깐 멈춰 줘", now=T0)
    later = T0 + timedelta(weeks=3)
    (resumed,) = say(d, "달걀 정기 배송 다시 시작해 줘", now=later)
    assert resumed.startswith(f"{EGGS} 정기 배송을 다시 시작했어요. 다음 주문은 ")
    ((_id, _sku, _q, status, next_run),) = subscriptions(db_url)
    assert status == "active" and str(next_run) > later.strftime("%Y-%m-%d %H:%M")
    assert say(d, "정기 배송 다시 시작해 줘", now=later)[0] == "다시 시작할 정기 배송이 없어요."
    say(d, "pause my subscription", now=later)
    (english,) = say(d, "resume my egg subscription", now=later)
    assert english.startswith("The regular delivery of") and "is on again" in english
    assert runs(db_url) == []  # paused weeks are not made up


def test_english_subscribe_and_cancel(db_url: str) -> None:
    only_plain_eggs(db_url)
    d = talker(db_url)
    ask = say(d, "subscribe to eggs every monday")[0]
    assert ask == (
        "I'll order 1 × Eggs every Monday at 9 am, 8,500 won at the member price each "
        "time; the first order is on Monday, March 9. Shall I start the regular delivery?"
    )
    assert say(d, "yes")[0] == (
        "Your regular delivery is set up. The first order is on Monday, March 9 at 9 am."
    )
    confirm, done = say(d, "cancel my egg subscription", "yes")
    assert confirm == "Cancel the regular delivery of 1 × Eggs every Monday at 9 am?"
    assert done == "The regular delivery of Eggs is cancelled."
    assert subscriptions(db_url)[0][3] == "cancelled"


def test_english_without_a_schedule_asks_when(db_url: str) -> None:
    only_plain_eggs(db_url)
    d = talker(db_url)
    when, ask = say(d, "subscribe to eggs", "every monday at 7:30 am")
    assert when == replies_reorder_en.ASK_SCHEDULE
    assert ask.startswith("I'll order 1 × Eggs every Monday at 7:30 am, 8,500 won")
    assert isinstance(d.pending, PendingSubscribe)
    assert say(d, "no")[0] == replies_reorder_en.NOT_SUBSCRIBED
    assert subscriptions(db_url) == []


def test_notifications_are_told_once_at_the_next_conversation(db_url: str) -> None:
    period = "2026-03-09T00:00:00+00:00"
    notify(db_url, "placed", {"product": EGGS, "product_en": "eggs", "period": period,
                              "order_id": 7, "total": 10980}, T0)  # fmt: skip
    notify(db_url, "held", {"product": MILK, "product_en": "milk", "period": period,
                            "old_price": 2790, "new_price": 3490, "pct": 25}, T0)  # fmt: skip
    opening = talker(db_url).opening(T0)
    assert opening is not None
    assert opening.startswith(
        f"알림이 두 개 있어요: 3월 9일 월요일 {EGGS} 정기 배송을 주문했어요 (주문 번호 7번). "
        "합계 10,980원."
    )
    assert f"{MILK} 가격이 2,790원에서 3,490원으로 25% 올라서 3월 9일 월요일 정기 배송을" in opening
    assert talker(db_url).opening(T0 + timedelta(minutes=1)) is None  # told already


def test_one_notification_in_english(db_url: str) -> None:
    notify(db_url, "out_of_stock", {"product": EGGS, "product_en": "eggs",
                                    "period": "2026-03-09T00:00:00+00:00"}, T0)  # fmt: skip
    d = talker(db_url)
    say(d, "show my cart")  # English from now on
    assert d.opening(T0) == (
        "You have one notification: eggs was out of stock, so I skipped the delivery on "
        "Monday, March 9."
    )


NOTE_DATA = {"product": "달걀", "product_en": "eggs", "period": "2026-03-09T00:00:00+00:00",
             "order_id": 3, "total": 8500, "missed": 2, "old_price": 8500, "new_price": 9900,
             "pct": 16, "substitute": "햇살농장 왕란 30구", "substitute_en": "jumbo eggs",
             "count": 3, "last_period": "2026-03-16T00:00:00+00:00",
             "reason": "카드가 없어요", "error": "PaymentRequiredError"}  # fmt: skip


@pytest.mark.parametrize(
    ("kind", "ko", "en"),
    [
        ("placed", "3월 9일 월요일 달걀 정기 배송을 주문했어요 (주문 번호 3번). 합계 8,500원.",
         "I ordered your regular eggs on Monday, March 9 (order 3), total 8,500 won."),
        ("caught_up", "꺼져 있던 동안 밀린 3월 9일 월요일 달걀 정기 배송을 지금 주문했어요 "
         "(주문 번호 3번). 그 전에 놓친 2번은 주문하지 않았어요.",
         "I was off, so I ordered your regular eggs on Monday, March 9 late (order 3). "
         "2 earlier ones were not ordered."),
        ("held", "달걀 가격이 8,500원에서 9,900원으로 16% 올라서 3월 9일 월요일 정기 배송을 "
         "보류했어요.", "The price of eggs rose 16% from 8,500 won to 9,900 won, so I held "
         "the delivery on Monday, March 9."),
        ("out_of_stock", "달걀이 품절이라 3월 9일 월요일 정기 배송을 건너뛰었어요.",
         "eggs was out of stock, so I skipped the delivery on Monday, March 9."),
        ("substituted", "달걀이 품절이라 3월 9일 월요일 정기 배송은 햇살농장 왕란 30구로 대신 "
         "주문했어요 (주문 번호 3번).", "eggs was out of stock, so I ordered jumbo eggs "
         "instead on Monday, March 9 (order 3)."),
        ("missed", "꺼져 있던 동안 달걀 정기 배송 3번을 놓쳤어요 (마지막 3월 16일 월요일).",
         "I was off and missed 3 deliveries of eggs (the last on Monday, March 16)."),
        ("failed", "3월 9일 월요일 달걀 정기 배송을 주문하지 못했어요: 카드가 없어요",
         "I couldn't order your regular eggs on Monday, March 9: there is no registered card"),
    ],
)  # fmt: skip
def test_every_notification_kind_in_both_languages(kind: str, ko: str, en: str) -> None:
    note = NotificationView(1, kind, NOTE_DATA, "Asia/Seoul", T0, None)
    assert replies_reorder.notification(note) == ko
    assert replies_reorder_en.notification(note) == en


def test_a_refusal_the_english_replies_do_not_know_keeps_the_shops_words() -> None:
    data = {**NOTE_DATA, "error": "SomeNewError"}
    note = NotificationView(1, "failed", data, "Asia/Seoul", T0, None)
    assert replies_reorder_en.notification(note).endswith(": 카드가 없어요")


def test_a_notification_with_missing_data_is_still_a_sentence() -> None:
    note = NotificationView(1, "something_new", {}, "Asia/Seoul", T0, None)
    assert replies_reorder.notification(note) == "정기 배송 상품 정기 배송 알림이 있어요."
    held = NotificationView(1, "held", {"product": "달걀", "period": "not a time"}, "UTC", T0, None)
    wanted = "달걀 가격이 ?에서 ?으로 ?% 올라서 정기 배송을 보류했어요."
    assert replies_reorder.notification(held) == wanted


def test_minutes_of_the_time_said() -> None:
    assert [minute_said(t) for t in ("오후 6시 30분", "6시 반", "at 6:45 pm", "매주 월요일")] == [
        30,
        30,
        45,
        0,
    ]


# -- with the lead's runner: what a person did and what the daemon then does -------------


def test_a_voice_skip_is_respected_by_the_runner_and_its_news_is_told(db_url: str) -> None:
    from assistant.reorder.runner import run_due
    from tests.shop_helpers import execute, factory, orders

    only_plain_eggs(db_url)
    d = talker(db_url)
    say(d, SUBSCRIBE_EGGS, "응")  # first order Monday 9 March, 09:00 Seoul
    assert say(d, "이번 주 달걀 배송은 건너뛰어 줘")[0].startswith(
        "3월 9일 월요일 달걀 30구 배송을 건너뛸게요. 다음 배송은 3월 16일 월요일이에요."
    )
    run_due(factory(db_url), T0 + timedelta(days=7, hours=1))  # after the skipped time
    assert orders(db_url) == [] and [r[2] for r in runs(db_url)] == ["skipped"]
    execute(db_url, "update products set member_price = 9900, price = 9900 where sku = 'EGG-900'")
    run_due(factory(db_url), T0 + timedelta(days=14, hours=1))  # +16%: within the 20% rule
    run_due(factory(db_url), T0 + timedelta(days=14, hours=2))  # nothing more is due
    assert len(orders(db_url)) == 1
    execute(db_url, "update products set member_price = 12000, price = 12000 where sku = 'EGG-900'")
    run_due(factory(db_url), T0 + timedelta(days=21, hours=1))  # +41%: held
    assert [r[2] for r in runs(db_url)] == ["skipped", "placed", "held"]
    opening = talker(db_url).opening(T0 + timedelta(days=21, hours=2))
    assert opening is not None and opening.startswith(  # the order placed, then the held one
        "알림이 두 개 있어요: 3월 16일 월요일 달걀 30구 정기 배송을 주문했어요 (주문 번호 1번). "
        "합계 9,900원. 달걀 30구 가격이 8,500원에서 12,000원으로 41% 올라서 "
        "3월 23일 월요일 정기 배송을 보류했어요."
    )
    assert talker(db_url).opening(T0 + timedelta(days=21, hours=3)) is None


# -- several items in one subscription request (issue 14): none is dropped ------------------


def test_several_items_are_each_asked_on_the_same_schedule(db_url: str) -> None:
    d = talker(db_url)
    milk_choice, milk_ask = say(d, "매주 월요일마다 우유 두 개랑 계란 한 판 보내 줘", "1")
    assert milk_choice.startswith("우유는")
    assert "흰우유 1L 2팩" in milk_ask and subscriptions(db_url) == []
    milk_done, egg_ask = say(d, "응", "1")
    assert milk_done.startswith("정기 배송을 시작했어요.") and milk_done.endswith(
        "몇 번으로 할까요?"
    )
    assert "계란은" in milk_done and "매주 월요일" in egg_ask and "1판" in egg_ask
    say(d, "응")
    made = [(sku, qty) for _id, sku, qty, *_ in subscriptions(db_url)]
    assert made == [("DAI-001", 2), ("EGG-001", 1)]


def test_no_to_the_first_item_still_asks_the_next(db_url: str) -> None:
    d = talker(db_url)
    say(d, "매주 토요일마다 우유랑 계란 한 판 보내 줘", "1")
    (declined,) = say(d, "아니")
    assert declined.startswith("알겠어요, 정기 배송을 만들지 않았어요.")
    assert declined.endswith("몇 번으로 할까요?")  # the eggs' choice
    say(d, "1", "응")
    assert [sku for _id, sku, *_ in subscriptions(db_url)] == ["EGG-001"]


def test_an_item_not_sold_is_said_and_the_rest_asked_in_english(db_url: str) -> None:
    d = talker(db_url)
    (first,) = say(d, "every monday send me printer ink and milk")
    assert "'printer ink' is not in our catalog" in first
    assert first.endswith("Which number?") or "Which milk" in first or "kinds of milk" in first
    say(d, "1", "yes")
    assert [sku for _id, sku, *_ in subscriptions(db_url)] == ["DAI-001"]
