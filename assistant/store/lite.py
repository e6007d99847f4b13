"""The light, read-only way into the database, for the commands that only read (``orders
list``, ``receipt``, ``subscriptions list`` ...): the driver's DB-API straight, without
SQLAlchemy or Alembic, whose imports alone take longer than such a command should.

:func:`open_reader` opens the URL the other commands open (``--db``, ``JANGBOGI_DB``, the
default file), read-only: a SQLite file with :mod:`sqlite3` (``mode=ro``, the same busy
timeout), ``postgresql+psycopg://`` with psycopg (imported only then); any other URL through
SQLAlchemy, as before. It refuses what :func:`assistant.store.db.open_engine` refuses, with
the same errors: no file, not a Jangbogi database, an older or a newer schema.

A :class:`Reader` hides the drivers' differences: SQL is written with ``?`` placeholders,
and values come back as Python values (:func:`utc`, :func:`flag`, :func:`json_value` read
the columns whose type the drivers return differently).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import quote

from assistant.errors import ConfigError
from assistant.store import schema

Row = tuple[Any, ...]
"""One row, its columns in the order the query names them."""

SQLITE_BUSY_TIMEOUT_S = 2.0
"""How long a read waits for a lock another program holds (as ``db.SQLITE_BUSY_TIMEOUT_MS``)."""


class Reader(Protocol):
    """A read-only connection to a Jangbogi database at the newest schema."""

    def rows(self, sql: str, *params: object) -> list[Row]:
        """Every row of ``sql`` (placeholders: ``?``)."""
        ...


class _DbApiReader:
    """A :class:`Reader` on a DB-API connection; ``mark``: its driver's placeholder."""

    def __init__(self, conn: Any, mark: str, errors: Callable[[Exception], Exception]) -> None:
        self._conn = conn
        self._mark = mark
        self._errors = errors

    def rows(self, sql: str, *params: object) -> list[Row]:
        if self._mark != "?":
            sql = sql.replace("?", self._mark)
        try:
            cursor = self._conn.cursor()
            try:
                cursor.execute(sql, params)
                return [tuple(row) for row in cursor.fetchall()]
            finally:
                cursor.close()
        except Exception as exc:
            raise self._errors(exc) from exc


def _translator(
    operational: type[Exception], driver: type[Exception]
) -> Callable[[Exception], Exception]:
    """What a driver's exception becomes: its ``operational`` errors (locked, unreachable
    ...) and its other ``driver`` errors as the engine's path turns them
    (:func:`assistant.store.db.translate_errors`); anything else as it is."""

    def errors(exc: Exception) -> Exception:
        if isinstance(exc, operational):
            return schema.operational_error(str(exc))
        if isinstance(exc, driver):
            return schema.driver_error(str(exc))
        return exc

    return errors


_sqlite_error = _translator(sqlite3.OperationalError, sqlite3.Error)


def _scheme(url: str) -> str:
    return url.split("://", 1)[0].lower() if "://" in url else ""


def sqlite_file(url: str) -> Path | None:
    """The file of a plain ``sqlite:///PATH`` URL (what :func:`assistant.config.resolve_db_url`
    makes of a path); None for other URLs, in-memory databases and URLs with options (those
    go through SQLAlchemy, which reads them as it always did)."""
    if _scheme(url) not in ("sqlite", "sqlite+pysqlite") or not url.split("://", 1)[1]:
        return None
    rest = url.split("://", 1)[1]
    if not rest.startswith("/") or "?" in rest:
        return None
    database = rest[1:]
    if not database or database == ":memory:":
        return None
    return Path(database)


@contextmanager
def _sqlite(url: str, path: Path) -> Iterator[Reader]:
    if not path.exists():
        raise schema.missing_database(path, url)
    uri = f"file:{quote(str(path.resolve()))}?mode=ro"
    try:
        conn = sqlite3.connect(uri, uri=True, timeout=SQLITE_BUSY_TIMEOUT_S)
    except sqlite3.Error as exc:
        raise _sqlite_error(exc) from exc
    try:
        reader = _DbApiReader(conn, "?", _sqlite_error)
        _check_schema(
            reader,
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
        )
        reader.rows("BEGIN")  # one snapshot for every query of the command
        yield reader
    finally:
        conn.close()


def _check_schema(reader: Reader, tables_sql: str) -> None:
    """Refuse the database unless its schema is the newest (``tables_sql``: the names of
    its tables, in its own dialect), as :func:`assistant.store.db.check_schema` does."""
    tables = [r[0] for r in reader.rows(tables_sql)]
    current = None
    if "alembic_version" in tables:
        current = _one_version(reader.rows("SELECT version_num FROM alembic_version"))
    schema.check_revision(current, bool(tables))


def _one_version(rows: Sequence[Row]) -> str | None:
    if len(rows) > 1:
        raise schema.driver_error("the alembic_version table names more than one schema")
    return str(rows[0][0]) if rows else None


@contextmanager
def _postgres(url: str) -> Iterator[Reader]:
    try:
        import psycopg
    except ImportError:  # refused as the engine refuses it: the `postgres` extra is missing
        from assistant.store import db

        db.make_engine(url)
        raise

    errors = _translator(psycopg.OperationalError, psycopg.Error)

    conninfo = "postgresql://" + url.split("://", 1)[1]
    try:
        conn = psycopg.connect(conninfo)
    except psycopg.Error as exc:
        raise errors(exc) from exc
    try:
        conn.read_only = True
        conn.isolation_level = psycopg.IsolationLevel.REPEATABLE_READ
        reader = _DbApiReader(conn, "%s", errors)
        _check_schema(
            reader,
            "SELECT table_name FROM information_schema.tables "
            "WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'",
        )
        yield reader
    finally:
        conn.close()


@contextmanager
def _through_sqlalchemy(url: str) -> Iterator[Reader]:
    """Any other URL: opened (and refused) exactly as the other commands open it."""
    from assistant.store import db

    engine = db.open_engine(url)
    style = engine.dialect.paramstyle
    marks = {"qmark": "?", "format": "%s", "pyformat": "%s"}
    if style not in marks:
        raise ConfigError(f"cannot read database URL {url!r}: its driver takes {style} parameters")
    try:
        with db.translate_errors(), engine.connect() as conn:
            raw = conn.connection.dbapi_connection
            yield _DbApiReader(raw, marks[style], lambda exc: exc)
    finally:
        engine.dispose()


@contextmanager
def open_reader(url: str) -> Iterator[Reader]:
    """A read-only :class:`Reader` on the Jangbogi database at ``url`` (see the module doc)."""
    path = sqlite_file(url)
    if path is not None:
        with _sqlite(url, path) as reader:
            yield reader
    elif _scheme(url) == "postgresql+psycopg":
        with _postgres(url) as reader:
            yield reader
    else:
        with _through_sqlalchemy(url) as reader:
            yield reader


# -- columns the drivers return differently --------------------------------------------------


def utc(value: object) -> datetime:
    """A time column (stored as naive UTC: text on SQLite, a datetime on PostgreSQL) as an
    aware UTC datetime, as the models return it."""
    if isinstance(value, datetime):
        when = value
    elif isinstance(value, str):
        when = datetime.fromisoformat(value)
    else:
        raise schema.driver_error(f"not a time: {value!r}")
    return when.replace(tzinfo=UTC) if when.tzinfo is None else when.astimezone(UTC)


def utc_or_none(value: object) -> datetime | None:
    """:func:`utc`, or None for NULL."""
    return None if value is None else utc(value)


def flag(value: object) -> bool:
    """A boolean column (0/1 on SQLite)."""
    return bool(value)


def json_value(value: object) -> Any:
    """A JSON column (text on SQLite, already decoded by psycopg)."""
    if isinstance(value, str | bytes):
        return json.loads(value)
    return value
