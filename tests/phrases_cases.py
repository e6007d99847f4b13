"""Representative inputs of every old reply function (transitional, for
``tests/test_phrases_equivalence.py``): built as the shop and the runner build them."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from typing import Any

from assistant.errors import JangbogiError
from assistant.nlu.schema import Schedule
from assistant.reorder.conversation import SubscribeRequest
from assistant.reorder.recurrence import Recurrence
from assistant.reorder.service import NotificationView, SubscriptionView
from assistant.shop.accounts import AccountView
from assistant.shop.advisor import DueItem, SubscriptionOffer
from assistant.shop.insights import Due, Rhythm
from assistant.shop.orders import LineView, OrderView
from assistant.shop.pricing import Quote, QuoteLine
from assistant.shop.receipt import Receipt, ReceiptLine
from assistant.shop.service import ProductView
from assistant.store.models import Channel, DeliveryKind, OrderStatus, SubscriptionStatus

Case = tuple[str, str, str, tuple[Any, ...]]
"""(case id, "r" or "rs" for the old module pair, function or constant name, arguments)."""

NOW = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)
"""Monday 10:00 in Seoul."""
TZ = "Asia/Seoul"
HOME, LOCKER, STORE = DeliveryKind.HOME, DeliveryKind.LOCKER, DeliveryKind.STORE

MILK = ProductView(
    1,
    "DAI-001",
    "서울우유 흰우유 1L",
    "Seoul Milk Fresh Milk",
    "서울우유",
    "팩",
    2980,
    2790,
    48,
    5231,
    320,
)
EGGS = ProductView(
    2, "EGG-001", "풀무원 달걀 30구", "Pulmuone Eggs", "풀무원", "판", 8900, 8500, 45, 3120, 0
)
TISSUE = ProductView(
    3,
    "HOU-001",
    "크리넥스 키친타월 6롤",
    "Kleenex Kitchen Towel",
    "크리넥스",
    "팩",
    12900,
    12900,
    43,
    1200,
    7,
)
RICE = ProductView(
    4,
    "GRA-001",
    "철원 오대쌀 10kg",
    "Cheorwon Odae Rice",
    "철원",
    "포대",
    39900,
    37900,
    50,
    15000,
    1000,
)
PRODUCTS = (MILK, EGGS, TISSUE, RICE)


def korean_named(p: ProductView) -> ProductView:
    """``p`` with its English name the Korean one: the old English replies said that name."""
    return replace(p, name_en=p.name)


def qline(p: ProductView, quantity: int, member: bool = True) -> QuoteLine:
    return QuoteLine(
        p.id, p.sku, p.name, p.unit, quantity, p.price, p.member_price if member else p.price
    )


def quote(
    n: int,
    member: bool = True,
    fee: int = 0,
    kind: DeliveryKind = HOME,
    active: bool = False,
    member_total: int | None = None,
) -> Quote:
    lines = tuple(qline(PRODUCTS[i % 4], i + 1, member) for i in range(n))
    return Quote(lines, member, kind, fee, active, member_total)


QUOTES = {
    "1line-member": quote(1),
    "1line-fee": quote(1, member=False, fee=3000, member_total=2790),
    "2lines-locker": quote(2, kind=LOCKER, active=True, member_total=1000),
    "3lines-fee-store": quote(3, member=False, fee=2500, kind=STORE),
    "5lines": quote(5, fee=3000),
}


def order(
    n: int = 1,
    status: OrderStatus = OrderStatus.PLACED,
    kind: DeliveryKind = HOME,
    days: float = 0,
    oid: int = 7,
) -> OrderView:
    lines = tuple(
        LineView(p.id, p.sku, p.name, p.unit, i + 1, p.member_price, p.member_price * (i + 1))
        for i, p in enumerate(PRODUCTS[i % 4] for i in range(n))
    )
    total = sum(ln.line_total for ln in lines)
    return OrderView(
        oid,
        status,
        Channel.TEXT,
        "엄마",
        kind,
        NOW - timedelta(days=days),
        lines,
        total,
        0,
        0,
        total,
        "1234",
    )


ORDERS = {
    **{f"{s.value}": order(1, s) for s in OrderStatus},
    **{f"{s.value}-4lines": order(4, s, days=1, oid=1234) for s in OrderStatus},
    "locker-2days": order(2, kind=LOCKER, days=2),
    "store-5days": order(5, kind=STORE, days=5.2),
    "tomorrow": order(1, days=-1),
    "last-year": order(1, days=330),
    "late-evening": replace(order(1), placed_at=datetime(2026, 3, 1, 14, 59, tzinfo=UTC)),
}


def receipt(
    n: int, savings: int, fee: int, last4: str | None, kind: DeliveryKind, place: str | None
) -> Receipt:
    lines = tuple(
        ReceiptLine(p.name, 2, p.unit, p.price, p.member_price, 2 * p.member_price)
        for p in PRODUCTS[:n]
    )
    total = sum(ln.line_total for ln in lines) + fee
    return Receipt(
        9,
        OrderStatus.PLACED,
        Channel.VOICE,
        "엄마",
        NOW,
        NOW,
        lines,
        savings,
        total - fee,
        kind,
        place,
        fee,
        total,
        "VISA",
        last4,
    )


RECEIPTS = {
    "plain": receipt(1, 0, 0, None, HOME, None),
    "savings": receipt(2, 380, 0, "1234", HOME, "우리집"),
    "fee": receipt(1, 0, 3000, "1234", LOCKER, "망원역 무인 택배함"),
    "savings-fee": receipt(3, 1200, 3000, None, STORE, "망원점"),
    "store-unlabelled": receipt(1, 0, 0, "0001", STORE, None),
    "locker-unlabelled": receipt(1, 100, 0, None, LOCKER, None),
}
SINCE = datetime(2025, 3, 2, 5, 0, tzinfo=UTC)
ACCOUNTS = {
    "not-member": AccountView("우리집", False, None, None, HOME, (), 3000, 30000, True, False),
    "not-member-threshold": AccountView(
        "우리집", False, None, None, HOME, (), 3000, 40000, False, False
    ),
    "member-no-card": AccountView("우리집", True, SINCE, None, HOME, (), 3000, 30000, True, True),
    "member-card": AccountView("우리집", True, SINCE, "4242", LOCKER, (), 3000, 30000, False, True),
    "member-no-since": AccountView("우리집", True, None, "4242", HOME, (), 0, 0, True, True),
}


def due(p: ProductView, days: int, interval: int, nouns: tuple[str, str]) -> DueItem:
    rhythm = Rhythm(p.id, 4, 0, 30, float(interval), 0.1, 2, 0.8)
    return DueItem(p, Due(rhythm, days, interval, days / interval), nouns)


MILK_DUE = due(MILK, 8, 7, ("우유", "milk"))
EGGS_DUE = due(EGGS, 15, 14, ("달걀", "eggs"))
RICE_DUE = due(RICE, 40, 30, ("쌀", "rice"))
DAILY_DUE = due(MILK, 1, 1, ("우유", "milk"))
SCHEDULES = {
    "daily": Schedule("daily"),
    "every-3-days": Schedule("daily", 3),
    "weekly": Schedule("weekly"),
    "weekly-wed": Schedule("weekly", 1, ("wed",)),
    "fortnightly-fri": Schedule("weekly", 2, ("fri",)),
    "every-3-weeks": Schedule("weekly", 3),
    "monthly": Schedule("monthly", day=1),
    "other-freq": Schedule("yearly", 2),
    **{f"monthly-{d}": Schedule("monthly", day=d) for d in (2, 3, 4, 11, 12, 13, 21, 22, 23, 31)},
}


def offer(schedule: Schedule, quantity: int) -> SubscriptionOffer:
    rhythm = Rhythm(MILK.id, 5, 0, 28, 7.0, 0.1, quantity, 0.9)
    return SubscriptionOffer(MILK, rhythm, schedule, ("우유", "milk"))


RECURRENCES = {
    "monday-9": Recurrence("weekly", date(2026, 3, 2), weekdays=("mon",)),
    "daily-730": Recurrence("daily", date(2026, 3, 2), hour=7, minute=30),
    "every-3-days-noon": Recurrence("daily", date(2026, 3, 2), interval=3, hour=12),
    "fortnightly-tue-thu": Recurrence("weekly", date(2026, 3, 2), 2, ("tue", "thu"), hour=18),
    "weekdays-midnight": Recurrence(
        "weekly", date(2026, 3, 2), weekdays=("mon", "tue", "wed", "thu", "fri"), hour=0
    ),
    "monthly-31": Recurrence("monthly", date(2026, 3, 2), day=31, hour=21, minute=5),
}


def sub(
    p: ProductView,
    rec: str,
    status: SubscriptionStatus = SubscriptionStatus.ACTIVE,
    next_run: datetime | None = NOW,
    quantity: int = 1,
    sid: int = 3,
) -> SubscriptionView:
    return SubscriptionView(
        sid, p, quantity, RECURRENCES[rec], TZ, status, next_run, p.price, "엄마"
    )


def subs(p: ProductView = EGGS) -> dict[str, SubscriptionView]:
    return {
        "active": sub(p, "monday-9"),
        "paused": sub(p, "daily-730", SubscriptionStatus.PAUSED, quantity=2),
        "unscheduled": sub(p, "monthly-31", next_run=None, quantity=12),
        "late-night": sub(
            p, "weekdays-midnight", next_run=datetime(2026, 3, 6, 15, 30, tzinfo=UTC)
        ),
        "noon": sub(p, "every-3-days-noon", next_run=datetime(2026, 3, 8, 3, 0, tzinfo=UTC)),
    }


def request(p: ProductView, rec: str, quantity: int = 1) -> SubscribeRequest:
    return SubscribeRequest(
        "tok",
        p,
        quantity,
        RECURRENCES[rec],
        NOW + timedelta(days=7),
        p.member_price,
        NOW + timedelta(minutes=2),
        False,
    )


def note(kind: str, **data: Any) -> NotificationView:
    return NotificationView(1, kind, data, TZ, NOW, None, 3)


PERIOD = "2026-03-09T00:00:00+00:00"
FULL = {"product": "서울우유 흰우유 1L", "product_en": "Seoul Milk Fresh Milk", "period": PERIOD}
NOTES = {
    "placed": note("placed", **FULL, order_id=12, total=5580),
    "placed-bare": note("placed", product="달걀 30구", period="not a time", total="5580"),
    "placed-nothing": note("placed"),
    "caught-up": note("caught_up", **FULL, order_id=1234, missed=3),
    "caught-up-none-missed": note("caught_up", **FULL),
    "caught-up-one-missed": note("caught_up", **FULL, order_id=14, missed=1),
    "held": note("held", **FULL, old_price=2980, new_price=3580, pct=20),
    "held-bare": note("held", product="우유"),
    "out-of-stock": note("out_of_stock", **FULL),
    "out-of-stock-bare": note("out_of_stock", product="두부"),
    "substituted": note(
        "substituted",
        **FULL,
        substitute="매일우유 오리지널 900ml",
        substitute_en="Maeil Original Milk",
        order_id=13,
    ),
    "substituted-roll": note(
        "substituted", product="우유", period=PERIOD, substitute="크리넥스 키친타월 6롤"
    ),
    "substituted-bare": note("substituted", product="우유", period=None),
    "missed": note("missed", **FULL, count=3, last_period="2026-03-16T00:00:00+00:00"),
    "missed-once": note("missed", **FULL),
    "missed-unreadable": note("missed", product="우유", count=2, last_period="soon"),
    "failed-card": note("failed", **FULL, error="PaymentRequiredError", reason="카드가 없어요"),
    "failed-reason": note("failed", **FULL, error="ScheduleError", reason="  일정 오류 "),
    "failed-bare": note("failed", product="우유", reason="   "),
    **{
        f"failed-{e}": note("failed", **FULL, error=e, reason="이유")
        for e in (
            "DeliveryError",
            "SpendingLimitError",
            "NotFoundError",
            "OutOfStockError",
            "InvalidQuantityError",
            "NotAllowedError",
        )
    },
    "unknown-kind": note("told_later", product_en="Milk"),
}
ERROR = JangbogiError("재고가 부족해요.")
ACTIONS = ("cancel_subscription", "pause_subscription", "skip_subscription", "resume_subscription")
