"""The purchase-rule pipeline itself: which rules, in which order, each refusing with its code.

The rules read only an :class:`OrderContext`, so these tests build contexts from unsaved
rows (no database): one that passes every rule, then one change per rule.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from assistant.errors import (
    ErrorCode,
    InvalidQuantityError,
    JangbogiError,
    NotFoundError,
    OutOfStockError,
    ShopError,
)
from assistant.locales import say_for
from assistant.shop import controls
from assistant.shop.rules import RULES, OrderContext, Rule, Stage, check
from assistant.store.models import (
    Address,
    Channel,
    DeliveryKind,
    Household,
    Member,
    Order,
    PaymentMethod,
    Product,
    Role,
)

NOW = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)
HOME, LOCKER = DeliveryKind.HOME, DeliveryKind.LOCKER
MILK, EGGS = 1, 2
PLACE_VOICE = [
    "same key", "confirmed", "pin not locked", "confirmation fresh", "as confirmed",
    "pin given", "not a duplicate", "payment", "address", "not empty", "on sale, in stock",
    "per-order limit", "per-day limit", "price unchanged",
]  # fmt: skip


def product(pid: int, price: int, member_price: int, stock: int = 10) -> Product:
    return Product(id=pid, sku=f"SKU-{pid}", name_ko=f"상품{pid}", name_en=f"p{pid}",
                   brand="b", size="1개", unit="개", price=price, member_price=member_price,
                   stock=stock, active=True)  # fmt: skip


def context(stage: Stage = Stage.PLACE, channel: Channel = Channel.VOICE) -> OrderContext:
    """An adult's order of 2 milks and 1 egg pack that every rule lets through."""
    household = Household(
        id=1, name="h", timezone="Asia/Seoul", membership_active=True, default_delivery=HOME,
        delivery_fee=3000, free_delivery_threshold=40000, member_free_delivery=True,
        duplicate_window_s=120, pin_lock_minutes=15, failed_pin_attempts=0,
    )  # fmt: skip
    card = PaymentMethod(id=1, household=household, token="t", last4="1111", is_default=True)
    member = Member(id=7, household=household, name="demo", role=Role.OWNER)
    products = {MILK: product(MILK, 3000, 2790), EGGS: product(EGGS, 6000, 5500)}
    wanted = ((MILK, 2), (EGGS, 1))
    ticket = controls.Ticket("tok", 7, ((EGGS, 1), (MILK, 2)), HOME, 2 * 2790 + 5500,
                             checkout=False, needs_pin=False,
                             expires_at=NOW + timedelta(seconds=90), accepted=True)  # fmt: skip
    talk = channel is not Channel.AUTO and stage is Stage.PLACE
    return OrderContext(
        member=member, wanted=wanted, delivery=HOME, channel=channel, stage=stage, now=NOW,
        products=products, payment=card, address=Address(id=3, kind=HOME, label="집"),
        ticket=ticket if talk else None,
    )  # fmt: skip


def refusing_rule(ctx: OrderContext) -> tuple[str, JangbogiError]:
    """The rule that refuses ``ctx`` first, and its refusal (the same one check() raises)."""
    for rule in RULES:
        if rule.applies(ctx):
            try:
                rule.check(ctx)
            except JangbogiError as exc:
                with pytest.raises(type(exc)) as raised:
                    check(ctx)
                assert str(raised.value) == str(exc)
                return rule.name, exc
    raise AssertionError("no rule refused")


def test_the_rules_in_the_order_they_are_checked() -> None:
    assert [rule.name for rule in RULES] == PLACE_VOICE


@pytest.mark.parametrize(
    ("stage", "channel", "expected"),
    [
        (Stage.PLACE, Channel.VOICE, PLACE_VOICE),
        (Stage.PLACE, Channel.TEXT, PLACE_VOICE),
        (Stage.PLACE, Channel.AUTO, ["same key", *PLACE_VOICE[7:13]]),
        (Stage.ASK, Channel.TEXT, ["pin not locked", *PLACE_VOICE[7:13]]),
        (Stage.ASK, Channel.AUTO, PLACE_VOICE[7:13]),
    ],
)
def test_which_rules_apply(stage: Stage, channel: Channel, expected: list[str]) -> None:
    ctx = context(stage, channel)
    assert [rule.name for rule in RULES if rule.applies(ctx)] == expected
    assert check(ctx) is None  # the good order passes all of them
    assert ctx.quote.total == 2 * 2790 + 5500 and ctx.status.value == "placed"


def _locked(ctx: OrderContext) -> OrderContext:
    ctx.household.pin_locked_until = NOW + timedelta(minutes=5)
    return ctx


def _pin_set(ctx: OrderContext) -> OrderContext:
    ctx.household.pin_hash, ctx.household.pin_salt = "00", "00"
    return ctx


def _ticket(**changes: Any) -> Callable[[OrderContext], OrderContext]:
    def change(ctx: OrderContext) -> OrderContext:
        assert ctx.ticket is not None
        return replace(ctx, ticket=replace(ctx.ticket, **changes))

    return change


def _member(**changes: Any) -> Callable[[OrderContext], OrderContext]:
    def change(ctx: OrderContext) -> OrderContext:
        for name, value in changes.items():
            setattr(ctx.member, name, value)
        return ctx

    return change


def _products(pid: int, **changes: Any) -> Callable[[OrderContext], OrderContext]:
    def change(ctx: OrderContext) -> OrderContext:
        for name, value in changes.items():
            setattr(ctx.products[pid], name, value)
        return ctx

    return change


CASES: list[tuple[str, Callable[[OrderContext], OrderContext], ErrorCode | type[Exception]]] = [
    ("confirmed", lambda c: replace(c, ticket=None), ErrorCode.NOT_CONFIRMED),
    ("confirmed", _ticket(accepted=False), ErrorCode.NOT_CONFIRMED),
    ("confirmed", _ticket(member_id=8), ErrorCode.NOT_CONFIRMED),
    ("pin not locked", _locked, ErrorCode.PIN_LOCKED),
    ("confirmation fresh", _ticket(expires_at=NOW - timedelta(seconds=1)),
     ErrorCode.CONFIRMATION_EXPIRED),
    ("as confirmed", _ticket(wanted=((MILK, 1), (EGGS, 1))), ErrorCode.CONFIRMATION_CHANGED),
    ("as confirmed", _ticket(delivery=LOCKER), ErrorCode.CONFIRMATION_CHANGED),
    ("pin given", _pin_set, ErrorCode.PIN_REQUIRED),
    ("pin given", _ticket(needs_pin=True), ErrorCode.PIN_REQUIRED),
    ("payment", lambda c: replace(c, payment=None), ErrorCode.PAYMENT_REQUIRED),
    ("address", lambda c: replace(c, address=None), ErrorCode.NO_ADDRESS),
    ("not empty", lambda c: _ticket(wanted=())(replace(c, wanted=())),
     ErrorCode.NOTHING_TO_ORDER),
    ("on sale, in stock", lambda c: _ticket(wanted=((MILK, 0),))(replace(c, wanted=((MILK, 0),))),
     InvalidQuantityError),
    ("on sale, in stock", _products(EGGS, active=False), NotFoundError),
    ("on sale, in stock", _products(MILK, stock=1), OutOfStockError),
    ("per-order limit", _member(per_order_limit=10000), ErrorCode.ORDER_LIMIT),
    ("per-day limit", lambda c: replace(_member(per_day_limit=20000)(c), spent_today=9000),
     ErrorCode.DAY_LIMIT),
    ("price unchanged", _ticket(total=11000), ErrorCode.PRICE_CHANGED),
]  # fmt: skip


@pytest.mark.parametrize(("name", "change", "expected"), CASES)
def test_each_rule_refuses_with_its_code(
    name: str,
    change: Callable[[OrderContext], OrderContext],
    expected: ErrorCode | type[Exception],
) -> None:
    refused_by, exc = refusing_rule(change(context()))
    assert refused_by == name
    if isinstance(expected, ErrorCode):
        rule = next(r for r in RULES if r.name == name)
        assert exc.code is expected and expected in rule.refuses
        assert say_for("ko").error(exc) and say_for("en").error(exc)  # every field is there
    else:
        assert isinstance(exc, expected)


def test_every_code_a_rule_names_is_tested() -> None:
    named = {code for rule in RULES for code in rule.refuses}
    assert named == {e for _, _, e in CASES if isinstance(e, ErrorCode)}


def test_a_refusal_carries_its_fields() -> None:
    ctx = replace(_member(per_day_limit=20000)(context()), spent_today=9000)
    _, exc = refusing_rule(ctx)
    assert exc.fields == {"limit": 20000, "remaining": 11000, "name": "demo", "total": 11080}
    assert say_for("ko").error(exc) == (
        "demo님의 하루 주문 한도는 20,000원이에요. 오늘은 11,000원 더 주문할 수 있어요 "
        "(이번 주문 11,080원)."
    )
    assert say_for("en").error(exc) == (
        "That is over the daily limit of 20,000 won; 11,000 won is left for today."
    )
    _, changed = refusing_rule(_ticket(total=11000)(context()))
    assert say_for("ko").error(changed) == (
        "가격이 바뀌어서 주문하지 않았어요 (지금 합계 11,080원). 다시 주문해 주세요."
    )
    locker = _ticket(delivery=LOCKER)(context())
    _, nowhere = refusing_rule(replace(locker, address=None, delivery=LOCKER))
    assert say_for("ko").error(nowhere) == (
        "등록된 사물함 주소가 없어요. 'jangbogi household address add --kind locker ...'로 "
        "등록해 주세요."
    )


def test_the_first_refusal_wins() -> None:
    everything_wrong = replace(
        _member(per_order_limit=1)(_locked(context())), payment=None, address=None
    )
    assert refusing_rule(everything_wrong)[0] == "pin not locked"
    unconfirmed_and_locked = replace(_locked(context()), ticket=None)
    assert refusing_rule(unconfirmed_and_locked)[0] == "confirmed"
    assert refusing_rule(replace(context(), payment=None, address=None))[0] == "payment"


def test_an_earlier_order_answers_and_ends_the_checks() -> None:
    first, same = Order(id=41), Order(id=42)
    by_key = replace(context(), existing=first, ticket=None, payment=None)  # nothing checked
    assert check(by_key) is first
    heard_twice = replace(_member(per_day_limit=1)(context()), duplicate=same, spent_today=0)
    assert check(heard_twice) is same  # before the limits its own total would break
    assert check(replace(context(Stage.PLACE, Channel.AUTO), duplicate=same)) is None


def test_a_childs_order_needs_no_pin_and_waits() -> None:
    child = _pin_set(_member(role=Role.CHILD)(context()))
    assert check(child) is None and child.status.value == "pending_approval"


def test_a_new_rule_is_one_entry() -> None:
    def no_eggs_on_monday(ctx: OrderContext) -> None:
        if ctx.now.weekday() == 0 and EGGS in dict(ctx.wanted):
            raise ShopError(ErrorCode.UNKNOWN)

    rules = (*RULES, Rule("no eggs on monday", no_eggs_on_monday, (ErrorCode.UNKNOWN,)))
    with pytest.raises(ShopError):
        check(context(), rules)
    assert check(context()) is None
