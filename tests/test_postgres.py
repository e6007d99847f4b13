"""The same store and shop code on a real PostgreSQL server.

Each test gets a temporary database from the ``pg_url`` fixture (tests/conftest.py,
tests/pg.py): on ``JANGBOGI_PG_URL`` (an admin URL; `.ci/run` sets it) or the local
server; skipped with the reason when no server can be reached, unless
``JANGBOGI_REQUIRE_PG`` is set (CI), where that is a failure.
"""

from __future__ import annotations

from sqlalchemy import text

from assistant.cli import main
from assistant.dialog.conversation import Dialog
from assistant.shop.service import ShopService
from assistant.store import db
from assistant.store.models import utcnow


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
