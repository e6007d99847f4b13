"""Engine and session set-up, schema migrations, and database error mapping."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, inspect
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from assistant.errors import ConfigError, ErrorCode
from assistant.store import schema

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
SQLITE_BUSY_TIMEOUT_MS = 2000
"""How long a SQLite statement waits for a lock another program holds."""
SQLITE_WRITE_WAIT_MS = 10000
"""How long a write transaction waits for SQLite's write lock (see :func:`write_lock`):
longer than a read, because a money rule is only as good as the lock it waits for, and
twenty sessions queueing behind each other's orders take more than two seconds on a busy
two-core box (docs/security.md). A session that still does not get it is refused with
:class:`DatabaseLockedError`, having written nothing."""
WRITE = "jangbogi_write"
"""Execution option: this transaction writes (SQLite: ``BEGIN IMMEDIATE``)."""
_TIMEOUT_KEY = "jangbogi_busy_timeout_ms"


def sqlite_path(url: str) -> Path | None:
    """The file behind a SQLite URL, or None for other databases and in-memory ones."""
    parsed = make_url(url)
    if not parsed.drivername.startswith("sqlite"):
        return None
    if not parsed.database or parsed.database == ":memory:":
        return None
    return Path(parsed.database)


def _on_sqlite_connect(dbapi_conn: Any, record: Any) -> None:
    cursor = dbapi_conn.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cursor.close()
    record.info[_TIMEOUT_KEY] = SQLITE_BUSY_TIMEOUT_MS


def _sqlite_wait(conn: Connection, ms: int) -> None:
    """Set the connection's busy timeout, unless it already is ``ms``."""
    info = conn.connection.info
    if info.get(_TIMEOUT_KEY) != ms:
        conn.exec_driver_sql(f"PRAGMA busy_timeout={ms}")
        info[_TIMEOUT_KEY] = ms


def _sqlite_begin_immediate(conn: Connection) -> None:
    _sqlite_wait(conn, SQLITE_WRITE_WAIT_MS)
    conn.exec_driver_sql("BEGIN IMMEDIATE")


def _on_sqlite_begin(conn: Connection) -> None:
    """A write transaction takes the write lock with its first statement.

    pysqlite (in its default, legacy mode) runs reads outside any transaction and opens
    one only at the first INSERT/UPDATE/DELETE, so the reads before it see whatever other
    programs committed meanwhile: two sessions could both pass the per-day limit and both
    insert. ``BEGIN IMMEDIATE`` takes the database's write lock before the first read
    instead; other writers wait for the commit (readers are not held up). Transactions
    without :data:`WRITE` behave exactly as before.
    """
    if conn.get_execution_options().get(WRITE):
        _sqlite_begin_immediate(conn)
    else:
        _sqlite_wait(conn, SQLITE_BUSY_TIMEOUT_MS)


def make_engine(url: str, *, create: bool = False) -> Engine:
    """An engine for ``url``.

    With ``create=False`` a SQLite file that does not exist is an error rather
    than a new empty database: a typo in ``--db`` must not look like an empty shop.
    """
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise ConfigError(f"not a database URL: {url!r}") from exc
    path = sqlite_path(url)
    if path is not None and not path.exists():
        if not create:
            raise schema.missing_database(path, url)
        path.parent.mkdir(parents=True, exist_ok=True)
    try:
        engine = create_engine(parsed, pool_pre_ping=parsed.drivername.startswith("postgresql"))
    except ModuleNotFoundError as exc:
        if parsed.drivername == "postgresql+psycopg":  # the driver of the `postgres` extra
            raise ConfigError(
                ErrorCode.POSTGRES_DRIVER_MISSING, url=parsed.render_as_string(hide_password=True)
            ) from exc
        shown = parsed.render_as_string(hide_password=True)
        raise ConfigError(f"cannot use database URL {shown!r}: {exc}") from exc
    except ArgumentError as exc:
        raise ConfigError(f"cannot use database URL {url!r}: {exc}") from exc
    if parsed.drivername.startswith("sqlite"):
        event.listen(engine, "connect", _on_sqlite_connect)
        event.listen(engine, "begin", _on_sqlite_begin)
    return engine


def _alembic_config(engine: Engine) -> Any:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["engine"] = engine
    return cfg


def head_revision() -> str:
    """The newest migration (:data:`schema.HEAD_REVISION`; a test keeps it equal to Alembic's
    head, so no command but ``db upgrade`` has to import Alembic to know it)."""
    return schema.HEAD_REVISION


def current_revision(engine: Engine) -> str | None:
    """The revision in the database's ``alembic_version`` table (None without one), read
    with plain SQL: importing Alembic for it costs a command ~0.15 s."""
    from sqlalchemy import text

    with translate_errors(), engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        rows = conn.execute(text("SELECT version_num FROM alembic_version")).all()
    if len(rows) > 1:
        raise schema.driver_error("the alembic_version table names more than one schema")
    return str(rows[0][0]) if rows else None


def upgrade(engine: Engine) -> None:
    """Create or upgrade the schema to the newest migration."""
    from alembic import command

    with translate_errors():
        command.upgrade(_alembic_config(engine), "head")


def check_schema(engine: Engine) -> None:
    """Raise a clear error unless the schema is exactly at the newest migration."""
    current = current_revision(engine)
    has_tables = True
    if current is None:
        with translate_errors():
            has_tables = bool(inspect(engine).get_table_names())
    schema.check_revision(current, has_tables)


def refuse_newer_schema(engine: Engine, current: str | None = None) -> None:
    """Raise :class:`DatabaseNewerError` when the schema is one no migration here knows:
    a newer Jangbogi wrote it, and neither using nor upgrading it can be right."""
    current = current or current_revision(engine)
    if current is not None and current not in schema.KNOWN_REVISIONS:
        raise schema.newer_schema(current)


def open_engine(url: str) -> Engine:
    """An engine for an existing, up-to-date Jangbogi database."""
    engine = make_engine(url, create=False)
    check_schema(engine)
    return engine


def session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


@contextmanager
def translate_errors() -> Iterator[None]:
    """Turn driver errors into :class:`DatabaseError` with a message for people."""
    try:
        yield
    except OperationalError as exc:
        text = str(exc.orig) if exc.orig is not None else str(exc)
        raise schema.operational_error(text) from exc
    except DBAPIError as exc:
        text = str(exc.orig) if exc.orig is not None else str(exc)
        raise schema.driver_error(text) from exc


@contextmanager
def transaction(factory: sessionmaker[Session], *, write: bool = False) -> Iterator[Session]:
    """One unit of work: committed on success, rolled back on any error.

    ``write``: it checks a rule and writes on the strength of it (an order, a PIN count, a
    decision): on SQLite the write lock is taken before the first read (``BEGIN
    IMMEDIATE``), so no other program commits between the check and the write. On
    PostgreSQL the shop's row locks do that (:func:`assistant.shop.controls.lock_household`).
    """
    with translate_errors(), factory() as session, session.begin():
        if write:
            session.connection(execution_options={WRITE: True})
        yield session


def write_lock(session: Session) -> None:
    """Hold SQLite's write lock from here to the end of the session's transaction.

    For code that does not own its transaction (``place_for_member``, ``decide``): inside
    :func:`transaction` with ``write=True`` it is already held and this does nothing;
    otherwise (pysqlite has not begun a transaction: only reads so far, and those may be
    stale, so call this first) it begins one with ``BEGIN IMMEDIATE``. Other databases:
    nothing (row locks do the work there).
    """
    conn = session.connection()
    if conn.dialect.name != "sqlite":
        return
    if not conn.connection.dbapi_connection.in_transaction:  # type: ignore[union-attr]
        _sqlite_begin_immediate(conn)
