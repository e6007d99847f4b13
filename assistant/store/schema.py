"""The schema versions this program knows, and the refusals both ways of opening a database
say: the SQLAlchemy engine (:mod:`assistant.store.db`) and the light read-only path of the
light commands (:mod:`assistant.store.lite`). No SQLAlchemy or Alembic is imported here.

:data:`KNOWN_REVISIONS` lists the Alembic revisions of ``migrations/versions`` oldest first;
a new migration adds its revision at the end (``tests/test_light_reads.py`` checks that it
equals Alembic's history, so it cannot be forgotten).
"""

from __future__ import annotations

from pathlib import Path

from assistant.errors import (
    DatabaseError,
    DatabaseLockedError,
    DatabaseMissingError,
    DatabaseNewerError,
    DatabaseOutdatedError,
    ErrorCode,
)

KNOWN_REVISIONS = ("0001", "0002", "0003", "0004", "0005")
"""Every migration's revision, oldest first."""
HEAD_REVISION = KNOWN_REVISIONS[-1]
"""The schema this program reads and writes."""


def missing_database(path: Path, url: str) -> DatabaseMissingError:
    """A SQLite file that does not exist (never created by a read: a typo is no empty shop)."""
    return DatabaseMissingError(ErrorCode.DATABASE_MISSING, path=str(path), url=url)


def no_schema(has_tables: bool) -> DatabaseMissingError:
    """A database without Alembic's version table: another program's, or an empty one."""
    hint = "it is not a Jangbogi database" if has_tables else "it is empty"
    return DatabaseMissingError(
        f"the database has no Jangbogi schema ({hint}); run `jangbogi demo init` "
        "or `jangbogi db upgrade`"
    )


def newer_schema(current: str, head: str = HEAD_REVISION) -> DatabaseNewerError:
    """A schema no migration here knows: a newer Jangbogi wrote it."""
    return DatabaseNewerError(
        f"this database was written by a newer version of Jangbogi (schema {current}; "
        f"this program knows schemas up to {head}) and this program cannot "
        "use it; open it with that newer version"
    )


def outdated_schema(current: str, head: str = HEAD_REVISION) -> DatabaseOutdatedError:
    """A schema older than this program's: ``db upgrade`` brings it up to date."""
    return DatabaseOutdatedError(
        f"the database schema is at {current}, this program needs {head}; run `jangbogi db upgrade`"
    )


def check_revision(current: str | None, has_tables: bool) -> None:
    """Raise the refusal for a database whose schema is at ``current`` (None: no version
    table), unless it is :data:`HEAD_REVISION`."""
    if current is None:
        raise no_schema(has_tables)
    if current not in KNOWN_REVISIONS:
        raise newer_schema(current)
    if current != HEAD_REVISION:
        raise outdated_schema(current)


def operational_error(text: str) -> DatabaseError:
    """A driver's operational error (its text) as the error people see."""
    if "locked" in text or "busy" in text:
        return DatabaseLockedError(
            "the database is in use by another program (locked); try again in a moment"
        )
    if "unable to open" in text or "readonly" in text or "read-only" in text:
        return DatabaseError(f"cannot open the database for writing: {text}")
    if "no such table" in text:
        return DatabaseMissingError(
            "the database has no Jangbogi schema; run `jangbogi db upgrade`"
        )
    return DatabaseError(f"database error: {text}")


def driver_error(text: str) -> DatabaseError:
    """Any other driver error (its text)."""
    return DatabaseError(f"database error: {text}")
