"""The household's rhythm in the conversation and in `jangbogi insights`, on real SQLite
databases whose order histories the tests build themselves (orders placed at past times)."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta

import pytest

from assistant.dialog.conversation import Dialog
from assistant.dialog.pending import PendingOffer, PendingOrder
from assistant.shop.history import day_index
from assistant.shop.insights import SubscribePolicy
from assistant.shop.service import ShopService
from assistant.store import db
from assistant.store.models import Channel, Subscription
from tests.conftest import Runner

MILK = "서울우유 흰우유 1L"
MILK_EN = "Seoul Milk Fresh Milk"  # the catalog's English name: what English replies say
BIG_MILK = "서울우유 흰우유 2.3L"
EGGS = "풀무원 무항생제 특란 30구"
ORDER_MILK = f"{MILK} 한 개 주문해 줘"
START = datetime(2026, 11, 2, 1, 0, tzinfo=UTC)  # a Monday, 10:00 in Seoul


def product_id(shop: ShopService, name: str) -> int:
    (found,) = shop.find_products(name)
    return found.id


def buy(shop: ShopService, name: str, days: list[int], quantity: int = 1) -> list[int]:
    """Place one order of ``name`` on each of ``days`` (days after START); returns order ids."""
    pid = product_id(shop, name)
    ids = []
    for day in days:
        order, _ = shop.place(
            ((pid, quantity),), key=f"{name}-{day}-{quantity}", channel=Channel.AUTO,
            now=START + timedelta(days=day),
        )  # fmt: skip
        ids.append(order.id)
    return ids


def order_count(shop: ShopService) -> int:
    last = shop.last_order()
    return last.id if last else 0


@pytest.fixture
def shop(db_url: str) -> ShopService:
    return ShopService(db.session_factory(db.open_engine(db_url)))


def at(day: int) -> datetime:
    return START + timedelta(days=day, hours=2)


def test_running_out_is_suggested_and_ordered_only_after_yes(shop: ShopService) -> None:
    buy(shop, MILK, [0, 7, 14, 21])
    dialog = Dialog(shop)
    before = order_count(shop)
    ask = dialog.handle("뭐 사야 돼?", at(29)).text
    assert ask == (
        "우유 사신 지 8일 됐어요. 보통 7일마다 사세요. "
        "서울우유 흰우유 1L 1팩, 회원가 2,790원입니다. 주문할까요?"
    )
    assert "'응' 또는 '아니'" in dialog.handle("글쎄", at(29)).text
    assert order_count(shop) == before  # a suggestion is never an order by itself
    placed = dialog.handle("응", at(29)).text
    assert placed.startswith("주문했어요.")
    last = shop.last_order()
    assert last is not None and [(ln.name, ln.quantity) for ln in last.lines] == [(MILK, 1)]


def test_several_products_running_out_are_named_with_their_rhythm(shop: ShopService) -> None:
    buy(shop, MILK, [0, 7, 14, 21])
    buy(shop, EGGS, [0, 14], quantity=2)
    dialog = Dialog(shop)
    ask = dialog.handle("뭐 사야 돼?", at(30)).text
    assert ask.startswith("떨어질 때가 된 것 같아요: 우유(9일 전, 보통 7일마다), ")
    assert "계란(16일 전, 보통 14일마다)" in ask
    assert f"{MILK} 1팩, {EGGS} 2판, 모두 회원가" in ask and ask.endswith("주문할까요?")
    assert isinstance(dialog.pending, PendingOrder)
    assert "주문하지 않았어요" in dialog.handle("아니", at(30)).text


def test_nothing_due_says_what_comes_next_or_that_it_does_not_know_yet(
    shop: ShopService,
) -> None:
    dialog = Dialog(shop)
    assert "몇 번 더 주문하시면" in dialog.handle("뭐 사야 돼?", at(0)).text
    buy(shop, MILK, [0, 7, 14, 21])
    reply = dialog.handle("뭐 사야 돼?", at(23)).text
    assert reply == "지금은 떨어질 때가 된 상품이 없어요. 다음은 우유, 5일 뒤쯤이에요."
    assert dialog.pending is None
    english = dialog.handle("what do I need?", at(23)).text
    assert english == "Nothing seems to be running out right now. Next up: milk, in about 5 days."


def test_opening_suggestion_once_a_day(shop: ShopService) -> None:
    buy(shop, MILK, [0, 7, 14, 21])
    dialog = Dialog(shop)
    first = dialog.opening(at(28))
    assert first is not None and first.startswith("우유 사신 지 7일 됐어요.")
    dialog.handle("아니", at(28))
    assert dialog.opening(at(28)) is None  # already offered today
    assert dialog.opening(at(29)) is not None  # a new day
    assert Dialog(shop).opening(at(24)) is None  # nothing due yet


def test_cancelled_orders_do_not_count(shop: ShopService) -> None:
    buy(shop, MILK, [0, 7])
    for order_id in buy(shop, BIG_MILK, [1, 2, 3, 4]):
        shop.cancel(order_id, START + timedelta(days=5))
    dialog = Dialog(shop)
    assert dialog.handle("늘 사던 우유 주문해 줘", at(10)).text.startswith(f"늘 사시던 {MILK} 1팩")
    dialog.handle("아니", at(10))
    again = dialog.handle("지난번에 산 거 다시 주문해 줘", at(10)).text
    assert again.startswith("지난 2번 주문과 같이") and MILK in again


def test_ordering_a_common_noun_offers_the_usual_one_first(shop: ShopService) -> None:
    buy(shop, BIG_MILK, [0, 7, 14])
    buy(shop, MILK, [3])
    dialog = Dialog(shop)
    ask = dialog.handle("우유 두 개 주문해 줘", at(20)).text
    assert ask.startswith(f"우유는 8가지가 있어요. 늘 사시던 1번 {BIG_MILK} 5,580원, 그 밖에 2번 ")
    confirm = dialog.handle("응", at(20)).text  # "yes" takes the usual one ...
    assert confirm == f"{BIG_MILK} 2팩, 회원가 11,160원입니다. 주문할까요?"  # ... and still asks
    assert "주문했어요" in dialog.handle("응", at(20)).text


def test_choice_can_still_pick_another_one(shop: ShopService) -> None:
    buy(shop, BIG_MILK, [0, 7])
    dialog = Dialog(shop)
    dialog.handle("우유 주문해 줘", at(10))
    assert dialog.handle("2번", at(10)).text.startswith(MILK)
    dialog.handle("아니", at(10))
    dialog.handle("우유 주문해 줘", at(10))
    assert dialog.handle("늘 사던 걸로", at(10)).text.startswith(BIG_MILK)


def test_without_history_the_choice_is_unchanged(shop: ShopService) -> None:
    ask = Dialog(shop).handle("우유 두 개 주문해 줘", at(0)).text
    assert ask.startswith("우유는 8가지가 있어요. 평점 높은 5가지: 1번 서울우유 흰우유 1L")
    assert "늘 사시던" not in ask


def test_the_usual_product_and_quantity(shop: ShopService) -> None:
    buy(shop, EGGS, [0, 14, 28], quantity=2)
    dialog = Dialog(shop)
    assert dialog.handle("늘 사던 계란 주문해 줘", at(30)).text == (
        f"늘 사시던 {EGGS} 2판, 회원가 21,960원입니다. 주문할까요?"
    )
    dialog.handle("아니", at(30))
    said = dialog.handle("저번에 산 계란 한 판 다시 주문해 줘", at(30)).text
    assert said.startswith(f"늘 사시던 {EGGS} 1판")


def test_the_usual_of_something_never_bought_asks_which_one(shop: ShopService) -> None:
    buy(shop, MILK, [0])
    reply = Dialog(shop).handle("늘 사던 계란 주문해 줘", at(3)).text
    assert reply.startswith("전에 주문하신 계란이 없어요. 계란은 ")
    assert reply.endswith("몇 번으로 할까요?")


def test_the_usual_basket(shop: ShopService) -> None:
    milk, eggs, ramen = (product_id(shop, n) for n in (MILK, EGGS, "신라면 5개입"))
    for day in (0, 7, 14, 21):
        lines = ((milk, 1), (eggs, 1)) + (((ramen, 1),) if day == 7 else ())  # ramen once
        shop.place(lines, key=f"basket-{day}", channel=Channel.AUTO, now=at(day))
    dialog = Dialog(shop)
    ask = dialog.handle("늘 사던 걸로 주문해 줘", at(28)).text
    assert ask.startswith(f"늘 사시던 상품으로 {MILK} 1팩, {EGGS} 1판, 모두 회원가 ")
    assert "신라면" not in ask
    assert isinstance(dialog.pending, PendingOrder) and len(dialog.pending.wanted) == 2


def test_the_usual_basket_without_a_pattern_falls_back_to_the_last_order(
    shop: ShopService,
) -> None:
    buy(shop, MILK, [0])
    reply = Dialog(shop).handle("늘 사던 걸로 주문해 줘", at(3)).text
    assert reply.startswith("아직 늘 사시는 상품을 모르겠어요. 지난 1번 주문과 같이")


def test_subscription_offer_after_a_steady_rhythm(shop: ShopService) -> None:
    buy(shop, MILK, [0, 7, 14])
    dialog = Dialog(shop)
    dialog.handle(ORDER_MILK, at(21))
    placed = dialog.handle("응", at(21)).text
    assert placed.endswith("매주 우유를 사시네요. 정기 배송으로 바꿀까요?")
    assert isinstance(dialog.pending, PendingOffer)
    assert "'응' 또는 '아니'" in dialog.handle("음", at(21)).text
    ask = dialog.handle("응", at(21)).text  # the subscription's own question, not yet made
    assert ask == (
        "매주 월요일 오전 9시에 서울우유 흰우유 1L 1팩을 주문할게요. 한 번에 회원가 2,790원, "
        "첫 주문은 11월 30일 월요일이에요. 정기 배송을 시작할까요?"
    )
    assert shop.purchase_history(at(21)).subscribed == frozenset()
    assert dialog.handle("응", at(21)).text.startswith("정기 배송을 시작했어요.")
    assert shop.purchase_history(at(21)).subscribed == {product_id(shop, MILK)}


def test_no_offer_below_the_threshold_and_the_threshold_is_configurable(
    shop: ShopService,
) -> None:
    from assistant.shop.advisor import Advisor

    buy(shop, MILK, [0, 7])
    dialog = Dialog(shop)
    dialog.handle(ORDER_MILK, at(14))
    assert dialog.handle("응", at(14)).text.endswith("배송해요.")  # three purchases: no offer
    eager = Dialog(shop, advisor=Advisor(shop, policy=SubscribePolicy(min_purchases=3)))
    later = at(14) + timedelta(minutes=5)  # past the duplicate window of the first order
    eager.handle(ORDER_MILK, later)
    assert "정기 배송으로 바꿀까요?" in eager.handle("응", later).text


def test_declined_offer_is_not_repeated_and_subscribed_products_get_none(
    shop: ShopService, db_url: str
) -> None:
    buy(shop, MILK, [0, 7, 14])
    dialog = Dialog(shop)
    dialog.handle(ORDER_MILK, at(21))
    dialog.handle("응", at(21))
    assert dialog.handle("아니", at(21)).text == "알겠어요. 필요하실 때 말씀해 주세요."
    dialog.handle(ORDER_MILK, at(28))
    assert "정기 배송" not in dialog.handle("응", at(28)).text
    factory = db.session_factory(db.open_engine(db_url))
    with db.transaction(factory) as session:
        session.add(Subscription(
            household_id=shop.household_id, member_id=shop.member_id,
            product_id=product_id(shop, MILK), quantity=1, schedule={"freq": "weekly"},
            price_at_creation=2790, created_at=START,
        ))  # fmt: skip
    fresh = Dialog(shop)
    fresh.handle(ORDER_MILK, at(35))
    assert "정기 배송" not in fresh.handle("응", at(35)).text


def test_the_subscribe_phrase_is_understood_as_a_subscription(shop: ShopService) -> None:
    from assistant.dialog.phrases import Phrases
    from assistant.locales import say_for

    replies = Phrases(say_for("ko"))
    from assistant.shop.advisor import Advisor
    from assistant.shop.vocabulary import load_parser

    buy(shop, MILK, [0, 7, 14, 21], quantity=2)
    offer = Advisor(shop).subscription_offer([product_id(shop, MILK)], at(21))
    assert offer is not None
    phrase = replies.subscribe_phrase(offer)
    parsed = load_parser().parse(phrase)
    assert parsed.name == "subscribe"
    said = f"{parsed.slots.product} {parsed.slots.size}"  # the size is a slot of its own
    assert said == MILK and parsed.slots.quantity == 2
    assert parsed.slots.schedule == offer.schedule


def test_day_index_is_the_households_local_date() -> None:
    late = datetime(2026, 12, 1, 15, 30, tzinfo=UTC)  # 00:30 on 2 December in Seoul
    assert day_index(late, "Asia/Seoul") == date(2026, 12, 2).toordinal()
    assert day_index(late, "UTC") == date(2026, 12, 1).toordinal()


def test_insights_command(shop: ShopService, jangbogi: Runner, db_url: str) -> None:
    buy(shop, MILK, [0, 7, 14, 21, 28])
    buy(shop, EGGS, [0, 3, 15, 20])
    result = jangbogi("insights", "--json", "--today", "2026-12-08", "--db", db_url)
    assert result.code == 0, result.err
    (report,) = [json.loads(line) for line in result.lines]
    assert report["household"] == "데모 가족" and report["orders"] == 9
    milk, eggs = report["products"]
    assert milk["name"] == MILK and milk["count"] == 5 and milk["interval_days"] == 7.0
    assert milk["last"] == "2026-11-30" and milk["next_due"] == "2026-12-07"
    assert milk["due_now"] is True and milk["steady"] is True
    assert eggs["interval_days"] == 5.0 and eggs["steady"] is False  # 3, 12, 5: irregular
    assert report["usual"]["우유"]["name"] == MILK
    text = jangbogi("insights", "--today", "2026-12-08", "--db", db_url)
    assert "DAI-001" in text.out and "bought 5 times, every 7 days" not in text.out
    assert "5번 구매, 7일마다" in text.out and "지금필요 꾸준함" in text.out
    assert f"평소 우유: DAI-001 {MILK}" in text.out and "DUE" not in text.out
    english = jangbogi("insights", "--lang", "en", "--today", "2026-12-08", "--db", db_url)
    assert "bought 5 times, every 7 days" in english.out and "DUE steady" in english.out
    assert f"usual 우유: DAI-001 {MILK}" in english.out and "지금필요" not in english.out


def test_insights_bad_date_is_one_clear_line(jangbogi: Runner, db_url: str) -> None:
    result = jangbogi("insights", "--today", "next week", "--db", db_url)
    assert result.code != 0
    assert result.err.strip() == "jangbogi: --today: 'next week' is not a date (YYYY-MM-DD)"


def test_english_suggestion_and_subscription_offer(shop: ShopService) -> None:
    buy(shop, MILK, [0, 7, 14, 21])
    dialog = Dialog(shop)
    ask = dialog.handle("what do I need?", at(29)).text
    assert ask == (
        "You bought milk 8 days ago; you usually buy it every 7 days. "
        f"1 × {MILK_EN}, 2,790 won at the member price. Shall I order?"
    )
    placed = dialog.handle("yes", at(29)).text
    assert placed.startswith("Ordered.")
    assert placed.endswith("You buy milk every week. Shall I make it a regular delivery?")
    ask = dialog.handle("yes", at(29)).text
    # English replies name the product by the catalog's English name (name_en)
    assert ask.startswith("I'll order 1 × Seoul Milk Fresh Milk every Monday at 9 am, 2,790 won")
    assert ask.endswith("Shall I start the regular delivery?")
    assert dialog.handle("no", at(29)).text == "Okay, I didn't set up a regular delivery."
    assert shop.purchase_history(at(29)).subscribed == frozenset()


def test_the_voice_loop_says_what_is_running_out_once_a_day(shop: ShopService, db_url: str) -> None:
    from assistant.audio.endpoint import Endpointer
    from assistant.doors.voice import live_turns
    from tests.test_voice import FakeWake, ScriptedFinals, loud, quiet

    buy(shop, MILK, [0, 7, 14, 21])
    wake = b"W" + b"\x00" * 959
    frames = [
        wake, *loud(10), *quiet(30),  # "장바구니 보여 줘" + what is running out
        *loud(10), *quiet(30),  # "응" (no wake word: a question is pending)
        wake, *loud(10), *quiet(30),  # "장바구니 보여 줘" again: nothing added
    ]  # fmt: skip
    script = ScriptedFinals(["장바구니 보여 줘", "응", "장바구니 보여 줘"])
    dialog = Dialog(shop, Channel.VOICE)
    turns = list(live_turns(
        frames, FakeWake(), script.new, Endpointer(300, 600, 8.0), dialog,  # type: ignore[arg-type]
        lambda: at(29),
    ))  # fmt: skip
    first, yes, again = (t.reply.text for t in turns)
    assert first.startswith("장바구니가 비어 있어요. 우유 사신 지 8일 됐어요.")
    assert yes.startswith("주문했어요.")
    assert again == "장바구니가 비어 있어요."


def test_rhythm_on_postgresql(pg_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    from assistant.cli import main

    assert main(["demo", "init", "--db", pg_url]) == 0
    engine = db.open_engine(pg_url)
    pg_shop = ShopService(db.session_factory(engine))
    buy(pg_shop, MILK, [0, 7, 14, 21])
    (cancelled,) = buy(pg_shop, EGGS, [3])
    pg_shop.cancel(cancelled, at(3))
    dialog = Dialog(pg_shop)
    assert dialog.handle("뭐 사야 돼?", at(29)).text.startswith("우유 사신 지 8일 됐어요.")
    capsys.readouterr()
    assert main(["insights", "--json", "--today", "2026-12-01", "--db", pg_url]) == 0
    report = json.loads(capsys.readouterr().out)
    assert [p["name"] for p in report["products"]] == [MILK]  # the cancelled eggs do not count
    assert report["products"][0]["next_due"] == "2026-11-30"
    engine.dispose()


def test_a_failing_offer_never_hides_a_placed_order(
    shop: ShopService, monkeypatch: pytest.MonkeyPatch
) -> None:
    from assistant.errors import DatabaseLockedError
    from assistant.shop.advisor import Advisor

    def locked(self: Advisor, product_ids: list[int], now: datetime) -> None:
        raise DatabaseLockedError("database is locked")

    buy(shop, MILK, [0, 7, 14])
    dialog = Dialog(shop)
    dialog.handle(ORDER_MILK, at(21))
    monkeypatch.setattr(Advisor, "subscription_offer", locked)
    placed = dialog.handle("응", at(21)).text
    assert placed.startswith("주문했어요.") and placed.endswith("배송해요.")
    assert dialog.pending is None


def test_not_the_usual_one_is_not_a_yes(shop: ShopService) -> None:
    buy(shop, BIG_MILK, [0, 7])
    dialog = Dialog(shop)
    dialog.handle("우유 주문해 줘", at(10))
    assert dialog.handle("늘 사던 거 말고", at(10)).text.startswith("1번부터 5번 중에서")
    assert dialog.handle("2번", at(10)).text.startswith(MILK)
