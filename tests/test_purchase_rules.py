"""Purchase rules enforced by the shop itself, whatever door an order comes through."""

from __future__ import annotations

import contextlib

import pytest
from sqlalchemy import select

from assistant.errors import (
    ConfirmationError,
    ErrorCode,
    JangbogiError,
    NotAllowedError,
    OrderStateError,
    OutOfStockError,
    PaymentRequiredError,
    PinLockedError,
    PinRequiredError,
    SpendingLimitError,
    WrongPinError,
)
from assistant.locales import say_for
from assistant.shop import controls, purchase
from assistant.shop.household import find_member
from assistant.shop.lifecycle import advance
from assistant.shop.service import ShopService
from assistant.store import db
from assistant.store.models import Channel, Member, OrderStatus, Product
from tests.shop_helpers import (
    MILK_MEMBER,
    at,
    cli,
    execute,
    factory,
    orders,
    rows,
    stock,
)

MILK_ID = 1


def said(exc: JangbogiError) -> str:
    """What the Korean conversation says for a refusal."""
    return say_for("ko").error(exc)


def milk_id(url: str) -> int:
    return int(rows(url, "select id from products where sku = 'DAI-001'")[0][0])  # type: ignore[call-overload]


def test_conversation_orders_need_a_confirmation_of_this_conversation(db_url: str) -> None:
    shop = ShopService(factory(db_url))
    wanted = [(milk_id(db_url), 2)]
    with pytest.raises(ConfirmationError):  # no ticket at all
        shop.place(wanted, key="k1", channel=Channel.TEXT, now=at())
    with pytest.raises(ConfirmationError):
        shop.place(wanted, key="k2", channel=Channel.VOICE, now=at())
    req = shop.request_order(wanted, at())
    with pytest.raises(ConfirmationError):  # asked, but no "yes" yet
        shop.complete(req.token, at(1), channel=Channel.TEXT)
    other = ShopService(factory(db_url))  # another conversation does not know the ticket
    with pytest.raises(ConfirmationError):
        other.accept(req.token, at(1))
    assert orders(db_url) == []
    shop.accept(req.token, at(2))
    view, new = shop.complete(req.token, at(3), channel=Channel.TEXT)
    assert new and view.total == 2 * MILK_MEMBER
    with pytest.raises(ConfirmationError):  # a ticket is used once
        shop.complete(req.token, at(4), channel=Channel.TEXT)
    assert len(orders(db_url)) == 1


def test_a_confirmation_expires(db_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    assert cli(db_url, "household", "settings", "--confirm-timeout", "30") == 0
    shop = ShopService(factory(db_url))
    req = shop.request_order([(milk_id(db_url), 1)], at())
    assert req.expires_at == at(30)
    with pytest.raises(ConfirmationError) as late_yes:
        shop.accept(req.token, at(31))
    assert "시간이 지났어요" in said(late_yes.value)
    late = shop.request_order([(milk_id(db_url), 1)], at(100))
    shop.accept(late.token, at(110))
    with pytest.raises(ConfirmationError):  # accepted, but the yes is too old to place now
        shop.complete(late.token, at(150), channel=Channel.TEXT)
    assert orders(db_url) == []


def test_the_ticket_must_match_what_is_placed(db_url: str) -> None:
    f = factory(db_url)
    shop = ShopService(f)
    req = shop.request_order([(milk_id(db_url), 1)], at())
    ticket = shop.accept(req.token, at(1))
    with db.transaction(f) as session, pytest.raises(ConfirmationError) as other:
        purchase.place_for_member(
            session, find_member(session), [(milk_id(db_url), 5)], channel=Channel.TEXT,
            idempotency_key="other", now=at(2), ticket=ticket,
        )  # fmt: skip
    assert other.value.code is ErrorCode.CONFIRMATION_CHANGED
    assert said(other.value).startswith("확인받은 내용과 달라서")
    assert orders(db_url) == []


def test_auto_orders_skip_confirmation_but_not_stock_limits_or_pricing(db_url: str) -> None:
    f = factory(db_url)
    mid = milk_id(db_url)
    with db.transaction(f) as session:
        member = find_member(session)
        placed = purchase.place_for_member(
            session, member, [(mid, 2)], channel=Channel.AUTO, idempotency_key="sub-1-2026-03",
            now=at(),
        )  # fmt: skip
        assert placed.new and placed.order.total == 2 * MILK_MEMBER
        again = purchase.place_for_member(
            session, member, [(mid, 2)], channel=Channel.AUTO, idempotency_key="sub-1-2026-03",
            now=at(5),
        )  # fmt: skip
        assert not again.new and again.order.id == placed.order.id
        sold_out = session.scalars(select(Product.id).where(Product.sku == "DAI-011")).one()
        with pytest.raises(OutOfStockError):
            purchase.place_for_member(session, member, [(sold_out, 1)], channel=Channel.AUTO,
                                      idempotency_key="sub-2", now=at())  # fmt: skip
    execute(db_url, "update members set per_order_limit = 5000")
    with db.transaction(f) as session, pytest.raises(SpendingLimitError):
        purchase.place_for_member(
            session, find_member(session), [(mid, 2)], channel=Channel.AUTO,
            idempotency_key="sub-3", now=at(),
        )  # fmt: skip
    assert [o[1] for o in orders(db_url)] == ["placed"]


def test_no_order_without_a_registered_card(db_url: str) -> None:
    assert cli(db_url, "household", "payment", "remove", "1") == 0
    shop = ShopService(factory(db_url))
    with pytest.raises(PaymentRequiredError) as no_card:
        shop.request_order([(milk_id(db_url), 1)], at())
    assert "payment add" in said(no_card.value)
    with pytest.raises(PaymentRequiredError):
        shop.place([(milk_id(db_url), 1)], key="auto", channel=Channel.AUTO, now=at())
    assert orders(db_url) == []


def test_out_of_stock_is_never_placed(db_url: str) -> None:
    execute(db_url, "update products set stock = 0 where sku = 'DAI-001'")
    shop = ShopService(factory(db_url))
    with pytest.raises(OutOfStockError) as sold_out:
        shop.request_order([(milk_id(db_url), 1)], at())
    assert sold_out.value.code is ErrorCode.OUT_OF_STOCK and sold_out.value.fields["left"] == 0
    assert "품절" in say_for("ko").error(sold_out.value)
    with pytest.raises(OutOfStockError):
        shop.place([(milk_id(db_url), 1)], key="auto", channel=Channel.AUTO, now=at())
    alternative = shop.alternative(milk_id(db_url), 1)
    assert alternative is not None and alternative.stock >= 1 and alternative.id != milk_id(db_url)
    assert orders(db_url) == [] and stock(db_url) == 0


def test_stock_that_ran_out_after_the_question_is_not_placed(db_url: str) -> None:
    shop = ShopService(factory(db_url))
    req = shop.request_order([(milk_id(db_url), 3)], at())
    shop.accept(req.token, at(1))
    execute(db_url, "update products set stock = 2 where sku = 'DAI-001'")
    with pytest.raises(OutOfStockError):
        shop.complete(req.token, at(2), channel=Channel.TEXT)
    assert orders(db_url) == [] and stock(db_url) == 2


def test_per_order_and_per_day_limits(db_url: str) -> None:
    assert cli(db_url, "member", "limits", "demo", "--per-order", "10000",
               "--per-day", "12000") == 0  # fmt: skip
    shop = ShopService(factory(db_url))
    mid = milk_id(db_url)
    with pytest.raises(SpendingLimitError) as one:
        shop.request_order([(mid, 4)], at())  # 11,160
    assert not one.value.per_day and "한 번에 10,000원까지" in said(one.value)
    first = shop.request_order([(mid, 3)], at())  # 8,370
    shop.accept(first.token, at(1))
    shop.complete(first.token, at(2), channel=Channel.TEXT)
    with pytest.raises(SpendingLimitError) as day:
        shop.request_order([(mid, 2)], at(200))  # 8,370 + 5,580 > 12,000
    assert day.value.per_day and day.value.remaining == 12000 - 8370
    assert "3,630원 더" in said(day.value)
    shop.request_order([(mid, 1)], at(200))  # 2,790 still fits
    # the household-local day: 00:30 in Seoul the next day is a new day
    tomorrow = shop.request_order([(mid, 3)], at(days=1, minutes=-570))
    assert tomorrow.quote.total == 8370
    with pytest.raises(SpendingLimitError):  # 23:50 in Seoul the same day still counts
        shop.request_order([(mid, 2)], at(minutes=820))


def test_cancelled_orders_do_not_count_towards_the_day(db_url: str) -> None:
    assert cli(db_url, "member", "limits", "demo", "--per-day", "9000") == 0
    shop = ShopService(factory(db_url))
    req = shop.request_order([(milk_id(db_url), 3)], at())
    shop.accept(req.token, at(1))
    order, _ = shop.complete(req.token, at(2), channel=Channel.TEXT)
    shop.cancel(order.id, at(3))
    shop.request_order([(milk_id(db_url), 3)], at(300))  # allowed again


def test_a_childs_order_waits_for_an_adult(db_url: str) -> None:
    assert cli(db_url, "member", "add", "민지", "--role", "child") == 0
    before = stock(db_url)
    kid = ShopService(factory(db_url), "민지")
    req = kid.request_order([(milk_id(db_url), 2)], at())
    assert req.needs_approval and not req.needs_pin
    kid.accept(req.token, at(1))
    order, new = kid.complete(req.token, at(2), channel=Channel.VOICE)
    assert new and order.status is OrderStatus.PENDING_APPROVAL
    assert stock(db_url) == before - 2  # reserved while it waits
    f = factory(db_url)
    with db.transaction(f) as session, pytest.raises(OrderStateError):
        advance(session, order.id, at(3))  # nothing ships before approval
    with db.transaction(f) as session:
        child = session.scalars(select(Member).where(Member.name == "민지")).one()
        with pytest.raises(NotAllowedError):
            purchase.decide(session, order.id, child, approve=True, now=at(4))
    with db.transaction(f) as session:
        adult = find_member(session, "demo")
        decided = purchase.decide(session, order.id, adult, approve=True, now=at(5))
        assert decided.status is OrderStatus.PLACED and decided.decided_by_id == adult.id
        assert decided.decided_at == at(5) and decided.payment_last4 == "4242"
    with db.transaction(f) as session, pytest.raises(OrderStateError):
        purchase.decide(session, order.id, find_member(session, "demo"), approve=False, now=at(6))


def test_a_rejected_childs_order_returns_the_stock(db_url: str) -> None:
    assert cli(db_url, "member", "add", "민지", "--role", "child") == 0
    before = stock(db_url)
    kid = ShopService(factory(db_url), "민지")
    req = kid.request_order([(milk_id(db_url), 2)], at())
    kid.accept(req.token, at(1))
    order, _ = kid.complete(req.token, at(2), channel=Channel.TEXT)
    assert cli(db_url, "approvals", "reject", str(order.id), "--by", "demo") == 0
    assert orders(db_url)[0][1] == "rejected" and stock(db_url) == before


def test_the_pin_is_hashed_checked_counted_and_locks(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert cli(db_url, "household", "pin", "set", stdin="2468\n", mp=monkeypatch) == 0
    ((pin_hash, salt),) = rows(db_url, "select pin_hash, pin_salt from households")
    assert "2468" not in f"{pin_hash}{salt}" and len(str(pin_hash)) == 64
    shop = ShopService(factory(db_url))
    req = shop.request_order([(milk_id(db_url), 1)], at())
    assert req.needs_pin
    shop.accept(req.token, at(1))
    with pytest.raises(PinRequiredError):
        shop.complete(req.token, at(2), channel=Channel.VOICE)
    with pytest.raises(WrongPinError) as first:
        shop.complete(req.token, at(3), channel=Channel.VOICE, pin="1111")
    assert first.value.attempts_left == 2
    with pytest.raises(WrongPinError):
        shop.complete(req.token, at(4), channel=Channel.VOICE, pin="2222")
    with pytest.raises(PinLockedError) as locked:
        shop.complete(req.token, at(5), channel=Channel.VOICE, pin="3333")
    assert locked.value.until == at(5, minutes=15) and locked.value.until_local == "10:15"
    assert orders(db_url) == []
    again = ShopService(factory(db_url))  # the lock is the household's, not the conversation's
    with pytest.raises(PinLockedError):
        again.request_order([(milk_id(db_url), 1)], at(60))
    # auto orders are not spoken purchases: the lock does not stop them
    again.place([(milk_id(db_url), 1)], key="auto-1", channel=Channel.AUTO, now=at(60))
    later = again.request_order([(milk_id(db_url), 1)], at(minutes=16))
    again.accept(later.token, at(minutes=16, seconds=1))
    view, new = again.complete(later.token, at(minutes=16, seconds=2), channel=Channel.VOICE,
                               pin="2468")  # fmt: skip
    assert new and view.status is OrderStatus.PLACED
    assert rows(db_url, "select failed_pin_attempts from households") == [(0,)]


def test_a_right_pin_resets_the_count(db_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    assert cli(db_url, "household", "pin", "set", stdin="2468\n", mp=monkeypatch) == 0
    f = factory(db_url)
    for pin, attempts in (("0000", 1), ("1111", 2), ("2468", 0), ("0000", 1)):
        with db.transaction(f) as session:
            household = find_member(session).household
            with contextlib.suppress(WrongPinError):
                controls.verify_pin(household, pin, at())
        assert rows(db_url, "select failed_pin_attempts from households") == [(attempts,)]


def test_the_same_order_twice_within_the_window_is_placed_once(db_url: str) -> None:
    mid = milk_id(db_url)
    first_talk, second_talk = ShopService(factory(db_url)), ShopService(factory(db_url))
    a = first_talk.request_order([(mid, 2)], at())
    b = second_talk.request_order([(mid, 2)], at(1))  # the same words heard twice
    first_talk.accept(a.token, at(2))
    second_talk.accept(b.token, at(2))
    one, new_one = first_talk.complete(a.token, at(3), channel=Channel.VOICE)
    two, new_two = second_talk.complete(b.token, at(4), channel=Channel.VOICE)
    assert new_one and not new_two and one.id == two.id
    assert len(orders(db_url)) == 1
    assert first_talk.recent_duplicate([(mid, 2)], at(100)) is not None
    assert first_talk.recent_duplicate([(mid, 3)], at(100)) is None  # different words
    assert first_talk.recent_duplicate([(mid, 2)], at(124)) is None  # placed at 3 s + 120 s
    late = first_talk.request_order([(mid, 2)], at(200))
    first_talk.accept(late.token, at(201))
    _, new_late = first_talk.complete(late.token, at(202), channel=Channel.VOICE)
    assert new_late and len(orders(db_url)) == 2


def test_a_cancelled_order_is_not_a_duplicate(db_url: str) -> None:
    shop = ShopService(factory(db_url))
    mid = milk_id(db_url)
    req = shop.request_order([(mid, 2)], at())
    shop.accept(req.token, at(1))
    order, _ = shop.complete(req.token, at(2), channel=Channel.TEXT)
    shop.cancel(order.id, at(3))
    assert shop.recent_duplicate([(mid, 2)], at(10)) is None


def test_cancellation_is_refused_once_shipped(db_url: str) -> None:
    shop = ShopService(factory(db_url))
    req = shop.request_order([(milk_id(db_url), 1)], at())
    shop.accept(req.token, at(1))
    order, _ = shop.complete(req.token, at(2), channel=Channel.TEXT)
    assert cli(db_url, "orders", "advance", str(order.id)) == 0
    with pytest.raises(OrderStateError) as shipped:
        shop.cancel(order.id, at(3))
    assert shipped.value.code is ErrorCode.ORDER_NOT_CANCELLABLE
    assert "취소할 수 없어요" in say_for("ko").error(shipped.value)
    assert cli(db_url, "orders", "advance", str(order.id)) == 0
    with pytest.raises(OrderStateError):
        shop.cancel(order.id, at(4))
    assert orders(db_url)[0][1] == "delivered"


def test_a_failure_after_the_order_row_is_written_leaves_nothing(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Simulate a crash after the order and its lines are flushed: all of it rolls back."""
    shop = ShopService(factory(db_url))
    mid = milk_id(db_url)
    shop.add_to_cart(mid, 2, at())
    before_stock, before_cart = stock(db_url), rows(db_url, "select * from cart_lines")
    real = purchase.write_order
    written: list[int] = []

    def crash_after_write(*args: object, **kwargs: object) -> object:
        order = real(*args, **kwargs)  # type: ignore[arg-type]
        written.append(order.id)
        raise RuntimeError("power cut after the order row was written")

    monkeypatch.setattr(purchase, "write_order", crash_after_write)
    req = shop.request_checkout(at())
    shop.accept(req.token, at(1))
    with pytest.raises(RuntimeError):
        shop.complete(req.token, at(2), channel=Channel.TEXT)
    assert written  # the row existed inside the transaction
    assert orders(db_url) == [] and rows(db_url, "select * from order_lines") == []
    assert stock(db_url) == before_stock
    assert rows(db_url, "select * from cart_lines") == before_cart
    monkeypatch.setattr(purchase, "write_order", real)
    req = shop.request_checkout(at(10))  # and the same order works afterwards
    shop.accept(req.token, at(11))
    view, new = shop.complete(req.token, at(12), channel=Channel.TEXT)
    assert new and view.lines[0].quantity == 2 and rows(db_url, "select * from cart_lines") == []
