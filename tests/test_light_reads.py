"""The light read path (assistant/store/lite.py, shop/reads.py, reorder/reads.py) gives the
same values as the models do, on SQLite and on PostgreSQL, and refuses the databases the
SQLAlchemy path refuses, with the same errors."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from assistant.errors import DatabaseError, ErrorCode, JangbogiError, NotFoundError
from assistant.reorder import reads as reorder_reads
from assistant.reorder import service
from assistant.shop import accounts, reads
from assistant.shop.orders import list_orders, view
from assistant.shop.purchase import decide, pending_approvals, place_for_member
from assistant.shop.receipt import build_receipt
from assistant.store import db, lite, schema
from assistant.store.models import Channel, DeliveryKind, Household, Member, Product
from tests.reorder_helpers import subscribe
from tests.shop_helpers import cli, factory

T0 = datetime(2026, 3, 2, 14, 30, tzinfo=UTC)
"""23:30 in Seoul: the household's date is a day later than UTC's."""


def test_the_known_revisions_are_alembics_history() -> None:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory(str(db.MIGRATIONS_DIR))
    history = [rev.revision for rev in script.walk_revisions()][::-1]
    assert list(schema.KNOWN_REVISIONS) == history, "add the new migration to KNOWN_REVISIONS"
    assert script.get_current_head() == schema.HEAD_REVISION


def _populate(url: str) -> None:
    """Members, cards, places; orders of several lines, a cancelled, a pending and a decided
    one; subscriptions active, paused and cancelled with runs; notifications told and not."""
    for args in (
        ("member", "add", "민지", "--role", "child"),
        ("member", "add", "아빠", "--role", "adult", "--per-order-limit", "90000"),
        ("household", "payment", "add", "--token", "tok_second_card", "--last4", "1111",
         "--label", "신한"),
        ("household", "address", "add", "--kind", "home", "--label", "회사", "--detail", "중구 1"),
    ):  # fmt: skip
        assert cli(url, *args) == 0, args
    f = factory(url)
    with db.transaction(f) as s:
        ids = {p.sku: p.id for p in s.scalars(select(Product))}
        who = {m.name: m for m in s.scalars(select(Member))}

        def place(member: str, wanted: list[tuple[str, int]], n: int, **kw: object) -> int:
            placed = place_for_member(
                s, who[member], [(ids[sku], q) for sku, q in wanted], channel=Channel.AUTO,
                idempotency_key=f"light-{n}", now=T0 + timedelta(hours=n), **kw,  # type: ignore[arg-type]
            )  # fmt: skip
            return placed.order.id

        place("demo", [("DAI-001", 2), ("EGG-001", 1), ("BAK-001", 3)], 1)
        cancelled = place("아빠", [("DAI-001", 1)], 2, delivery=DeliveryKind.LOCKER)
        place("민지", [("EGG-001", 1)], 3)
        decided = place("민지", [("DAI-001", 1), ("EGG-001", 2)], 4)
        decide(s, decided, who["아빠"], approve=True, now=T0 + timedelta(hours=5))
    assert cli(url, "orders", "advance", "1", "--to", "shipped") == 0
    with db.transaction(f) as s:
        from assistant.shop.orders import cancel_order

        cancel_order(s, cancelled, T0 + timedelta(hours=6))
    first = subscribe(f, sku="EGG-001")
    paused = subscribe(f, sku="DAI-001", quantity=2)
    gone = subscribe(f, sku="BAK-001")
    assert cli(url, "daemon", "--run-due", "--now", "2026-12-08T09:00:00+09:00") == 0
    with db.transaction(f) as s:
        h = accounts.find_household(s)
        service.pause(s, h.id, paused, T0)
        service.cancel(s, h.id, gone, T0)
        notes = service.notifications(s, h)
        service.mark_told(s, h.id, [notes[0].id], T0)
    assert first


def _compare(url: str) -> None:
    f = factory(url)
    with db.transaction(f) as s, lite.open_reader(url) as r:
        h = accounts.find_household(s)
        light = reads.list_orders(r)
        assert [z.order for z in light] == [view(o) for o in list_orders(s)]
        assert {z.timezone for z in light} == {h.timezone}
        assert len(light) == 4 and any(len(z.order.lines) == 3 for z in light)
        assert [z.order for z in reads.pending_approvals(r, h.id)] == [
            view(o) for o in pending_approvals(s, h.id)
        ]
        for z in light:
            assert reads.receipt(r, z.order.id) == build_receipt(s, z.order.id)
        with pytest.raises(NotFoundError) as lite_err:
            reads.receipt(r, 99)
        with pytest.raises(NotFoundError) as orm_err:
            build_receipt(s, 99)
        assert lite_err.value.code == orm_err.value.code
        ref = reads.find_household(r)
        assert ref.id == h.id and ref.timezone == h.timezone
        assert reads.household(r, ref) == accounts.household_view(s.get(Household, h.id))  # type: ignore[arg-type]
        for everything in (False, True):
            subs = reorder_reads.list_subscriptions(r, h.id, include_cancelled=everything)
            assert subs == service.list_subscriptions(s, h.id, include_cancelled=everything)
            notes = reorder_reads.notifications(r, h.id, h.timezone, unread_only=not everything)
            assert notes == service.notifications(s, h, unread_only=not everything)
        every = reorder_reads.list_subscriptions(r, h.id, include_cancelled=True)
        assert {v.status.value for v in every} == {"active", "paused", "cancelled"}
        assert any(v.last_run is not None for v in every)
        notes = reorder_reads.notifications(r, h.id, h.timezone, unread_only=False)
        assert {n.told_at is None for n in notes} == {True, False}


def test_light_reads_equal_the_models_on_sqlite(db_url: str) -> None:
    _populate(db_url)
    _compare(db_url)


def test_light_reads_equal_the_models_on_postgresql(pg_url: str) -> None:
    assert cli(pg_url, "demo", "init") == 0
    _populate(pg_url)
    _compare(pg_url)


def _refusal(url: str) -> tuple[type[BaseException], int, str]:
    with pytest.raises(JangbogiError) as orm:
        db.open_engine(url)
    with pytest.raises(JangbogiError) as light, lite.open_reader(url):
        pass
    assert type(light.value) is type(orm.value)
    assert str(light.value) == str(orm.value)
    assert light.value.exit_code == orm.value.exit_code
    return type(light.value), light.value.exit_code, str(light.value)


def test_the_same_refusals_as_the_engine(tmp_path: Path, db_url: str) -> None:
    _, code, text = _refusal(f"sqlite:///{tmp_path / 'nope.db'}")
    assert code == 3 and ErrorCode.DATABASE_MISSING.value in text
    assert not (tmp_path / "nope.db").exists()
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("create table x (a int)").connection.close()
    assert "not a Jangbogi database" in _refusal(f"sqlite:///{other}")[2]
    empty = tmp_path / "empty.db"
    sqlite3.connect(empty).close()
    assert "it is empty" in _refusal(f"sqlite:///{empty}")[2]
    garbage = tmp_path / "garbage.db"
    garbage.write_bytes(b"this is not sqlite" * 100)
    assert _refusal(f"sqlite:///{garbage}")[0] is DatabaseError
    path = db_url.removeprefix("sqlite:///")
    for version, words in (("0002", "run `jangbogi db upgrade`"), ("0099", "newer version")):
        con = sqlite3.connect(path)
        with con:
            con.execute(f"update alembic_version set version_num = '{version}'")
        con.close()
        assert words in _refusal(db_url)[2]
    before = Path(path).read_bytes()
    with pytest.raises(JangbogiError), lite.open_reader(db_url):
        pass
    assert Path(path).read_bytes() == before  # read only: nothing written, not even a journal


def test_a_newer_postgresql_schema_is_refused_the_same_way(pg_url: str) -> None:
    from sqlalchemy import create_engine, text

    assert cli(pg_url, "demo", "init") == 0
    engine = create_engine(pg_url)
    with engine.begin() as conn:
        conn.execute(text("update alembic_version set version_num = '0099'"))
    engine.dispose()
    assert "newer version" in _refusal(pg_url)[2]


def test_the_light_reader_cannot_write(db_url: str) -> None:
    with lite.open_reader(db_url) as r, pytest.raises(DatabaseError):
        r.rows("DELETE FROM orders")
