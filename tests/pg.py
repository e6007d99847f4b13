"""A temporary PostgreSQL database on the server named by ``JANGBOGI_PG_URL`` (an admin URL;
`.ci/run` sets it), for the tests and the benchmarks that run on a real server."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

ADMIN_URL = os.environ.get(
    "JANGBOGI_PG_URL", "postgresql+psycopg://postgres:postgres@127.0.0.1:5432/postgres"
)
"""The server's admin URL (the default is the local server)."""


class NoServer(Exception):
    """No PostgreSQL server is reachable at :data:`ADMIN_URL`."""


@contextmanager
def temporary_database(prefix: str = "jangbogi_test") -> Iterator[str]:
    """A new empty database, dropped afterwards (connections and all); yields its URL.

    Raises :class:`NoServer` when the server cannot be reached."""
    admin = create_engine(ADMIN_URL, isolation_level="AUTOCOMMIT")
    name = f"{prefix}_{uuid.uuid4().hex[:10]}"
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as exc:  # the server is simply not there
        admin.dispose()
        raise NoServer(f"no PostgreSQL server reachable at {ADMIN_URL}: {exc}") from exc
    try:
        yield make_url(ADMIN_URL).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
