"""The subscription service on temporary SQLite databases: rules, state changes, the skip's
exactly-once run, the confirmation ticket and the notifications."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from assistant.errors import (
    ConfirmationError,
    InvalidQuantityError,
    JangbogiError,
    NotAllowedError,
    NotFoundError,
    PinRequiredError,
    ScheduleError,
    SubscriptionError,
    WrongPinError,
)
from assistant.locales import say_for
from assistant.reorder import service
from assistant.reorder.conversation import SubscriptionService
from assistant.reorder.recurrence import Recurrence
from assistant.shop.household import find_member
from assistant.store import db
from assistant.store.models import Product, RunStatus, SubscriptionStatus
from tests.shop_helpers import T0, cli, execute, factory, rows
from tests.subscription_helpers import notify, runs, subscriptions

MONDAYS_9 = Recurrence("weekly", date(2026, 3, 2), weekdays=("mon",))
"""Every Monday at 9:00 Seoul time (T0 is Monday 2 March 2026, 10:00 in Seoul)."""
NEXT_MONDAY_9 = datetime(2026, 3, 9, 0, 0, tzinfo=UTC)


@pytest.fixture
def f(db_url: str) -> sessionmaker[Session]:
    return factory(db_url)


@contextmanager
def raises_saying(kind: type[Exception], pattern: str) -> Iterator[None]:
    """pytest.raises(match=...) on what the Korean conversation says for the error."""
    with pytest.raises(kind) as caught:
        yield
    assert isinstance(caught.value, JangbogiError)
    assert re.search(pattern, say_for("ko").error(caught.value))


def product(session: Session, sku: str = "EGG-001") -> Product:
    return session.scalars(select(Product).where(Product.sku == sku)).one()


def make(f: sessionmaker[Session], rec: Recurrence = MONDAYS_9, sku: str = "EGG-001",
         quantity: int = 1, member: str | None = None, now: datetime = T0) -> int:  # fmt: skip
    with db.transaction(f) as session:
        sub = service.create(session, find_member(session, member), product(session, sku),
                             quantity, rec, now)  # fmt: skip
        return sub.id


def svc(f: sessionmaker[Session]) -> SubscriptionService:
    with db.transaction(f) as session:
        m = find_member(session)
        return SubscriptionService(f, m.id, m.household_id)


def test_create_sets_the_first_run_the_zone_and_the_agreed_member_price(
    f: sessionmaker[Session], db_url: str
) -> None:
    sub_id = make(f)
    with db.transaction(f) as session:
        (view,) = service.list_subscriptions(session, 1)
    assert view.id == sub_id and view.status is SubscriptionStatus.ACTIVE
    assert view.next_run_at == NEXT_MONDAY_9 and view.timezone == "Asia/Seoul"
    assert view.price_at_creation == 10980 and view.last_run is None  # member price
    assert view.recurrence == MONDAYS_9


def test_a_non_member_subscription_keeps_the_regular_price(
    f: sessionmaker[Session], db_url: str
) -> None:
    assert cli(db_url, "household", "membership", "off") == 0
    make(f)
    assert rows(db_url, "select price_at_creation from subscriptions") == [(11980,)]


def test_the_same_product_and_schedule_twice_is_refused(
    f: sessionmaker[Session], db_url: str
) -> None:
    make(f)
    with raises_saying(SubscriptionError, r"같은 일정의 .* 이미 있어요: 1번"):
        make(f, now=T0 + timedelta(days=3))  # the anchor differs, the schedule does not
    make(f, Recurrence("weekly", date(2026, 3, 2), weekdays=("thu",)))  # another day is fine
    assert len(subscriptions(db_url)) == 2


@pytest.mark.parametrize(
    ("change", "error"),
    [
        ({"quantity": 0}, InvalidQuantityError),
        ({"quantity": 100}, InvalidQuantityError),
        ({"rec": Recurrence("monthly", date(2026, 3, 2), day=32)}, ScheduleError),
        ({"rec": Recurrence("weekly", date(2026, 3, 2), weekdays=("xyz",))}, ScheduleError),
        ({"rec": Recurrence("daily", date(2026, 3, 2), hour=25)}, ScheduleError),
    ],
)
def test_bad_requests_are_refused_and_write_nothing(
    f: sessionmaker[Session], db_url: str, change: dict[str, object], error: type[Exception]
) -> None:
    with pytest.raises(error):
        make(f, **change)  # type: ignore[arg-type]
    assert subscriptions(db_url) == []


def test_a_product_no_longer_sold_and_a_child_are_refused(
    f: sessionmaker[Session], db_url: str
) -> None:
    execute(db_url, "update products set active = 0 where sku = 'EGG-001'")
    with raises_saying(SubscriptionError, "팔지 않는"):
        make(f)
    assert cli(db_url, "member", "add", "민지", "--role", "child") == 0
    with raises_saying(NotAllowedError, "어른만"):
        make(f, sku="DAI-001", member="민지")
    assert subscriptions(db_url) == []


def test_pause_and_resume_do_not_catch_up(f: sessionmaker[Session], db_url: str) -> None:
    sub_id = make(f)
    s = svc(f)
    assert s.pause(sub_id, T0).status is SubscriptionStatus.PAUSED
    with raises_saying(SubscriptionError, "멈춰 있어서"):
        s.pause(sub_id, T0)
    with raises_saying(SubscriptionError, "멈춰 있어서"):
        s.skip(sub_id, T0)
    later = T0 + timedelta(days=20)  # Sunday 22 March
    resumed = s.resume(sub_id, later)
    assert resumed.status is SubscriptionStatus.ACTIVE
    assert resumed.next_run_at == datetime(2026, 3, 23, 0, 0, tzinfo=UTC)
    with raises_saying(SubscriptionError, "진행 중이라"):
        s.resume(sub_id, later)
    assert runs(db_url) == []  # the paused Mondays are simply not ordered


def test_skip_records_one_run_and_moves_on(f: sessionmaker[Session], db_url: str) -> None:
    sub_id = make(f)
    skipped = svc(f).skip(sub_id, T0)
    assert skipped.period_at == NEXT_MONDAY_9
    assert skipped.subscription.next_run_at == NEXT_MONDAY_9 + timedelta(weeks=1)
    assert skipped.subscription.last_run is RunStatus.SKIPPED
    assert runs(db_url) == [(sub_id, "2026-03-09 00:00:00.000000", "skipped", "voice")]


def test_the_same_period_cannot_be_skipped_twice(f: sessionmaker[Session], db_url: str) -> None:
    sub_id = make(f)
    svc(f).skip(sub_id, T0)
    # as if the runner had not seen the move yet: next_run_at back on the skipped period
    execute(db_url, "update subscriptions set next_run_at = '2026-03-09 00:00:00.000000'")
    with raises_saying(SubscriptionError, "이미 처리됐어요"):
        svc(f).skip(sub_id, T0)
    assert len(runs(db_url)) == 1
    assert subscriptions(db_url)[0][4] == "2026-03-09 00:00:00.000000"  # unchanged


def test_resume_after_a_skip_does_not_land_on_the_skipped_period(
    f: sessionmaker[Session],
) -> None:
    sub_id = make(f)
    s = svc(f)
    s.skip(sub_id, T0)
    s.pause(sub_id, T0)
    assert s.resume(sub_id, T0 + timedelta(hours=1)).next_run_at == NEXT_MONDAY_9 + timedelta(
        weeks=1
    )


def test_cancel_ends_it_and_ids_of_other_households_are_unknown(
    f: sessionmaker[Session], db_url: str
) -> None:
    sub_id = make(f)
    s = svc(f)
    cancelled = s.cancel(sub_id, T0)
    assert cancelled.status is SubscriptionStatus.CANCELLED and cancelled.next_run_at is None
    with raises_saying(SubscriptionError, "해지돼서"):
        s.cancel(sub_id, T0)
    assert s.subscriptions() == []
    assert cli(db_url, "household", "create", "옆집", "--owner", "이웃") == 0
    other = SubscriptionService(f, 2, 2)
    with pytest.raises(NotFoundError):
        other.pause(sub_id, T0)


def test_a_subscription_needs_an_accepted_unexpired_question(
    f: sessionmaker[Session], db_url: str
) -> None:
    s = svc(f)
    with pytest.raises(ConfirmationError):
        s.confirm("not-a-ticket", T0)
    with db.transaction(f) as session:
        egg_id = product(session).id
    req = s.request(egg_id, 2, MONDAYS_9, T0)
    assert req.first_run_at == NEXT_MONDAY_9 and req.unit_price == 10980 and not req.needs_pin
    assert subscriptions(db_url) == []  # asking writes nothing
    with raises_saying(ConfirmationError, "시간이 지났어요"):
        s.confirm(req.token, req.expires_at + timedelta(seconds=1))
    assert subscriptions(db_url) == []
    req = s.request(egg_id, 2, MONDAYS_9, T0)
    assert s.confirm(req.token, T0).quantity == 2
    with pytest.raises(ConfirmationError):
        s.confirm(req.token, T0)  # used up
    assert len(subscriptions(db_url)) == 1


def test_with_a_household_pin_the_pin_is_needed(
    f: sessionmaker[Session], db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert cli(db_url, "household", "pin", "set", stdin="1234\n", mp=monkeypatch) == 0
    s = svc(f)
    with db.transaction(f) as session:
        egg_id = product(session).id
    req = s.request(egg_id, 1, MONDAYS_9, T0)
    assert req.needs_pin
    with pytest.raises(PinRequiredError):
        s.confirm(req.token, T0)
    with pytest.raises(WrongPinError):
        s.confirm(req.token, T0, "9999")
    assert subscriptions(db_url) == []
    s.confirm(req.token, T0, "1234")
    assert len(subscriptions(db_url)) == 1


def test_notifications_are_taken_once_oldest_first(f: sessionmaker[Session], db_url: str) -> None:
    for i, kind in enumerate(("placed", "held", "missed", "failed")):
        notify(db_url, kind, {"product": "달걀"}, T0 + timedelta(minutes=i))
    s = svc(f)
    first = s.take_notifications(T0, limit=3)
    assert [n.kind for n in first] == ["placed", "held", "missed"]
    assert [n.kind for n in s.take_notifications(T0)] == ["failed"]
    assert s.take_notifications(T0) == []
    told = rows(db_url, "select count(*) from notifications where told_at is not null")
    assert told == [(4,)]
