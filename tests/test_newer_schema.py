"""A database written by a newer Jangbogi: said plainly, never "upgrade", never touched."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import create_engine, text

from assistant.config import bundled_catalog_path
from tests.conftest import Runner

COMMANDS = [
    ("orders", "list"),
    ("household", "show"),
    ("db", "upgrade"),
    ("demo", "init"),
    ("catalog", "list"),
    ("text",),
]


def check_refused(jangbogi: Runner, url: str) -> None:
    for args in COMMANDS:
        result = jangbogi(*args, "--db", url, stdin="우유 주문해 줘\n")
        assert result.code == 3, (args, result.err)
        assert "written by a newer version of Jangbogi" in result.err, args
        assert "schema 0099" in result.err and "cannot use it" in result.err
        assert "upgrade" not in result.err and "Traceback" not in result.err
        assert result.out == ""


def test_a_newer_sqlite_database_is_refused_and_left_alone(jangbogi: Runner, db_url: str) -> None:
    path = db_url.removeprefix("sqlite:///")
    con = sqlite3.connect(path)
    with con:
        con.execute("update alembic_version set version_num = '0099'")
        con.execute("create table shopping_lists (id integer primary key)")  # what 0099 added
    con.close()
    before = Path(path).read_bytes()
    check_refused(jangbogi, db_url)
    result = jangbogi("catalog", "import", str(bundled_catalog_path()), "--db", db_url)
    assert result.code == 3 and "newer version" in result.err
    assert Path(path).read_bytes() == before


def test_a_newer_postgresql_database_is_refused_and_left_alone(
    jangbogi: Runner,
    pg_url: str,
) -> None:
    assert jangbogi("demo", "init", "--db", pg_url).code == 0
    engine = create_engine(pg_url)
    with engine.begin() as conn:
        conn.execute(text("update alembic_version set version_num = '0099'"))
    check_refused(jangbogi, pg_url)
    with engine.connect() as conn:
        assert conn.execute(text("select version_num from alembic_version")).scalar() == "0099"
    engine.dispose()


def test_an_older_database_is_still_told_to_upgrade(jangbogi: Runner, db_url: str) -> None:
    con = sqlite3.connect(db_url.removeprefix("sqlite:///"))
    with con:
        con.execute("update alembic_version set version_num = '0002'")
    con.close()
    result = jangbogi("orders", "list", "--db", db_url)
    assert result.code == 3 and "run `jangbogi db upgrade`" in result.err
