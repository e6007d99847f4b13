"""The migrations build exactly the schema of the models, and 0002 keeps existing data."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine

from assistant.cli import main
from assistant.store import db
from assistant.store.models import Base


def differences(engine: Engine) -> list[object]:
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        return list(compare_metadata(context, Base.metadata))


def test_models_match_the_migrations_on_sqlite(tmp_path: Path) -> None:
    engine = db.make_engine(f"sqlite:///{tmp_path / 'm.db'}", create=True)
    db.upgrade(engine)
    assert db.current_revision(engine) == "0005"
    assert differences(engine) == []


def test_models_match_the_migrations_on_postgresql(pg_url: str) -> None:
    engine = db.make_engine(pg_url)
    db.upgrade(engine)
    assert differences(engine) == []
    engine.dispose()


def test_upgrading_a_0001_database_keeps_its_orders(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'old.db'}"
    engine = db.make_engine(url, create=True)
    cfg = db._alembic_config(engine)
    command.upgrade(cfg, "0001")
    con = sqlite3.connect(tmp_path / "old.db")
    con.executescript(
        """
        insert into households values (1, 'h', 'Asia/Seoul', 1, null, 'home', '2026-01-01');
        insert into members values (1, 1, 'm', 'owner', '2026-01-01');
        insert into products values (1, 'S1', 'c', '우유', 'milk', 'b', '1L', '팩', '', 3000,
                                     2800, 45, 10, 5, 1);
        insert into orders values (1, 1, 1, 'shipped', 'text', 'k', 'home', null, null, null,
                                   2800, 200, 0, 2800, '2026-01-01', '2026-01-01');
        """
    )
    con.commit()
    con.close()
    db.upgrade(engine)
    con = sqlite3.connect(tmp_path / "old.db")
    try:
        assert con.execute("select status, total, decided_by_id from orders").fetchall() == [
            ("shipped", 2800, None)
        ]
        assert con.execute(
            "select delivery_fee, free_delivery_threshold, member_free_delivery, "
            "confirm_timeout_s, duplicate_window_s, pin_hash, failed_pin_attempts from households"
        ).fetchall() == [(3000, 40000, 1, 90, 120, None, 0)]
        con.execute("update orders set status = 'pending_approval'")  # the new status is allowed
    finally:
        con.close()
    command.downgrade(cfg, "0001")  # and back, for a rollback of the program
    assert db.current_revision(engine) == "0001"


def test_demo_init_upgrades_an_old_demo_database(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'demo.db'}"
    engine = db.make_engine(url, create=True)
    command.upgrade(db._alembic_config(engine), "0001")
    assert main(["demo", "init", "--db", url]) == 0
    assert db.current_revision(engine) == "0005"


def test_upgrading_a_0003_database_keeps_its_runs_as_single_periods(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'runs.db'}"
    assert main(["demo", "init", "--db", url]) == 0
    engine = db.make_engine(url)
    cfg = db._alembic_config(engine)
    command.downgrade(cfg, "0003")
    con = sqlite3.connect(tmp_path / "runs.db")
    con.executescript(
        """
        insert into subscriptions (id, household_id, member_id, product_id, quantity, schedule,
            timezone, status, price_at_creation, next_run_at, created_at)
          values (1, 1, 1, 1, 1, '{}', 'Asia/Seoul', 'active', 1000, '2026-12-07', '2026-11-01');
        insert into subscription_runs (subscription_id, household_id, period_at, status, worker,
            recorded_at)
          values (1, 1, '2026-11-23', 'missed', 'w', '2026-12-01'),
                 (1, 1, '2026-11-30', 'missed', 'w', '2026-12-01');
        """
    )
    con.commit()
    con.close()
    db.upgrade(engine)
    assert db.current_revision(engine) == "0005"
    con = sqlite3.connect(tmp_path / "runs.db")
    try:
        assert con.execute(
            "select period_at, period_until, periods from subscription_runs order by id"
        ).fetchall() == [("2026-11-23", None, 1), ("2026-11-30", None, 1)]
        con.execute(  # a span is only ever missed periods, later than its first
            "update subscription_runs set period_until = '2026-12-07', periods = 2 where id = 1"
        )
        for bad in ("periods = 1", "status = 'placed'", "period_until = '2026-11-01'"):
            with pytest.raises(sqlite3.IntegrityError, match="ck_subscription_runs_span"):
                con.execute(f"update subscription_runs set {bad} where id = 1")
    finally:
        con.close()
    command.downgrade(cfg, "0003")  # and back: every row one period again
    assert db.current_revision(engine) == "0003"


def test_upgrading_a_0004_database_gives_its_members_no_password(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'members.db'}"
    assert main(["demo", "init", "--db", url]) == 0
    engine = db.make_engine(url)
    cfg = db._alembic_config(engine)
    command.downgrade(cfg, "0004")
    db.upgrade(engine)
    assert db.current_revision(engine) == "0005"
    con = sqlite3.connect(tmp_path / "members.db")
    try:
        assert con.execute(
            "select name, password_hash, password_salt, password_set_at, failed_sign_ins, "
            "sign_in_locked_until from members"
        ).fetchall() == [("demo", None, None, None, 0, None)]
    finally:
        con.close()


def test_member_passwords_migrate_both_ways_on_postgresql(pg_url: str) -> None:
    engine = db.make_engine(pg_url)
    db.upgrade(engine)
    cfg = db._alembic_config(engine)
    command.downgrade(cfg, "0004")
    assert db.current_revision(engine) == "0004"
    db.upgrade(engine)
    assert differences(engine) == []
    engine.dispose()
