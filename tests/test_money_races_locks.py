"""The locks under the money rules, one at a time (tests/test_money_races.py races them).

SQLite: a write transaction holds the write lock from its first read; a session that does
not get it in time is told so and writes nothing (a PIN is then not counted either). The
PIN is judged against the PIN as it is under the lock. The duplicate window reaches either
side of a session's clock.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy import select

from assistant.errors import DatabaseLockedError
from assistant.shop import controls
from assistant.shop.household import find_member
from assistant.shop.service import ShopService, verify_pin_apart
from assistant.store import db
from assistant.store.models import Channel, Product
from tests.shop_helpers import MILK, at, cli, factory, orders, rows, say, talker


@contextmanager
def held_write_lock(url: str) -> Iterator[sqlite3.Connection]:
    """Another program holding the database's write lock."""
    con = sqlite3.connect(url.removeprefix("sqlite:///"), isolation_level=None)
    con.execute("BEGIN IMMEDIATE")
    try:
        yield con
    finally:
        con.execute("ROLLBACK")
        con.close()


def test_a_write_transaction_holds_the_write_lock_from_its_first_read(db_url: str) -> None:
    f = factory(db_url)
    other = sqlite3.connect(db_url.removeprefix("sqlite:///"), timeout=0.05)
    try:
        with db.transaction(f, write=True) as session:
            session.scalars(select(Product).limit(1)).first()  # a read, nothing written yet
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                other.execute("BEGIN IMMEDIATE")
            assert other.execute("select count(*) from products").fetchone()[0] > 0  # reads go on
        other.execute("BEGIN IMMEDIATE")  # released at the commit
        other.rollback()
        with db.transaction(f) as session:  # a plain transaction takes no lock to read
            session.scalars(select(Product).limit(1)).first()
            other.execute("BEGIN IMMEDIATE")
            other.rollback()
    finally:
        other.close()


def test_write_lock_inside_a_plain_transaction(db_url: str) -> None:
    """For code that does not own its transaction (the CLI's approvals, cancel)."""
    f = factory(db_url)
    other = sqlite3.connect(db_url.removeprefix("sqlite:///"), timeout=0.05)
    try:
        with db.transaction(f) as session:
            session.scalars(select(Product).limit(1)).first()
            db.write_lock(session)
            db.write_lock(session)  # held already: nothing more
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                other.execute("BEGIN IMMEDIATE")
    finally:
        other.close()


def test_no_lock_in_time_is_a_clear_refusal_that_writes_nothing(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(db, "SQLITE_WRITE_WAIT_MS", 200)
    dialog = talker(db_url)
    question = say(dialog, f"{MILK} 두 개 주문해 줘")[0]
    assert "주문할까요?" in question
    with held_write_lock(db_url):
        reply = say(dialog, "응", now=at(2))[0]
    assert "다른 기기에서 주문을 처리하고 있어서 쓸 수 없어요" in reply
    assert "아무것도 바뀌지 않았어요" in reply
    assert orders(db_url) == []


def test_a_pin_that_cannot_be_counted_is_not_judged(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No lock, no answer: a guess is never told right or wrong without being counted."""
    assert cli(db_url, "household", "pin", "set", stdin="2468\n", mp=monkeypatch) == 0
    monkeypatch.setattr(db, "SQLITE_WRITE_WAIT_MS", 200)
    f = factory(db_url)
    member_id = ShopService(f).member_id
    with held_write_lock(db_url), pytest.raises(DatabaseLockedError):
        verify_pin_apart(f, member_id, "0000", at())
    assert rows(db_url, "select failed_pin_attempts, pin_locked_until from households") == [
        (0, None)
    ]


def test_a_pin_changed_while_it_was_hashed_is_judged_against_the_new_one(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert cli(db_url, "household", "pin", "set", stdin="1111\n", mp=monkeypatch) == 0
    f = factory(db_url)
    member_id = ShopService(f).member_id
    real = controls.pin_digest
    calls: list[str] = []

    def digest_then_change(pin: str, salt_hex: str) -> str | None:
        if not calls:  # the owner sets a new PIN while the first hash is computed
            with db.transaction(f) as session:
                controls.set_pin(find_member(session).household, "2222")
        calls.append(salt_hex)
        return real(pin, salt_hex)

    monkeypatch.setattr(controls, "pin_digest", digest_then_change)
    verify_pin_apart(f, member_id, "2222", at())  # right for the PIN as it is now
    assert len(calls) == 2 and calls[0] != calls[1]
    assert rows(db_url, "select failed_pin_attempts from households") == [(0,)]


def test_the_duplicate_window_reaches_either_side_of_the_clock(db_url: str) -> None:
    """Two sessions read their clocks, then queue: the later clock may place first."""
    f = factory(db_url)
    first, second = ShopService(f), ShopService(f)
    milk = first.find_products(MILK)[0].id
    a, b = first.request_order([(milk, 2)], at()), second.request_order([(milk, 2)], at())
    first.accept(a.token, at(1))
    second.accept(b.token, at(1))
    one, new_one = first.complete(a.token, at(3), channel=Channel.VOICE)
    two, new_two = second.complete(b.token, at(2), channel=Channel.VOICE)  # an earlier clock
    assert (new_one, new_two) == (True, False) and one.id == two.id
    assert len(orders(db_url)) == 1
