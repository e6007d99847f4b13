"""The same store and shop code on a real PostgreSQL server.

Uses ``JANGBOGI_PG_URL`` (an admin URL; `.ci/run` sets it) or the local
server's default; skips with the reason when no server can be reached, unless
``JANGBOGI_REQUIRE_PG`` is set (CI), where that is a failure.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from assistant.cli import main
from assistant.dialog import Dialog
from assistant.shop.service import ShopService
from assistant.store import db
from assistant.store.models import utcnow

ADMIN_URL = os.environ.get(
    "JANGBOGI_PG_URL", "postgresql+psycopg://postgres:postgres@127.0.0.1:5432/postgres"
)


@pytest.fixture
def pg_url() -> Iterator[str]:
    admin = create_engine(ADMIN_URL, isolation_level="AUTOCOMMIT")
    name = f"jangbogi_test_{uuid.uuid4().hex[:10]}"
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as exc:  # the server is simply not there
        if os.environ.get("JANGBOGI_REQUIRE_PG"):
            raise
        pytest.skip(f"no PostgreSQL server reachable at {ADMIN_URL}: {exc}")
    url = make_url(ADMIN_URL).set(database=name).render_as_string(hide_password=False)
    try:
        yield url
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def test_migrations_demo_and_an_order_on_postgresql(pg_url: str) -> None:
    assert main(["demo", "init", "--db", pg_url]) == 0
    assert main(["demo", "init", "--db", pg_url]) == 0  # idempotent there too
    engine = db.open_engine(pg_url)
    dialog = Dialog(ShopService(db.session_factory(engine)))
    now = utcnow()
    assert "주문할까요?" in dialog.handle("서울우유 흰우유 1L 2개 주문해줘", now).text
    assert "주문했어요" in dialog.handle("응", now).text
    assert "장바구니에 담았어요" in dialog.handle("신라면 한 묶음 장바구니에 담아줘", now).text
    assert "주문할까요?" in dialog.handle("장바구니 주문해 줘", now).text
    assert "주문했어요" in dialog.handle("응", now).text
    assert "취소할까요?" in dialog.handle("마지막 주문 취소해줘", now).text
    assert "취소했어요" in dialog.handle("응", now).text
    with engine.connect() as conn:
        rows = conn.execute(text("select status from orders order by id")).scalars().all()
    assert rows == ["placed", "cancelled"]
    engine.dispose()
