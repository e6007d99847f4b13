"""Helpers for the account and purchase-rule tests: in-process CLI, dialogs and fixed times."""

from __future__ import annotations

import io
import sqlite3
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy.orm import Session, sessionmaker

from assistant.cli import main
from assistant.dialog.conversation import Dialog
from assistant.shop.service import ShopService
from assistant.store import db
from assistant.store.models import Channel

T0 = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)
"""Monday 10:00 in Seoul."""
MILK = "서울우유 흰우유 1L"
"""DAI-001: 2,980 won, 2,790 for members, rated 4.8 by 5,231."""
MILK_PRICE, MILK_MEMBER = 2980, 2790


def at(seconds: float = 0, *, days: int = 0, minutes: float = 0) -> datetime:
    return T0 + timedelta(days=days, minutes=minutes, seconds=seconds)


def cli(
    url: str, *args: str, stdin: str | None = None, mp: pytest.MonkeyPatch | None = None
) -> int:
    """Run ``jangbogi ARGS --db URL`` in this process (stdin for ``pin set``)."""
    if stdin is not None and mp is not None:
        mp.setattr("sys.stdin", io.StringIO(stdin))
    return main([*args, "--db", url])


def factory(url: str) -> sessionmaker[Session]:
    return db.session_factory(db.open_engine(url))


def talker(url: str, member: str | None = None, channel: Channel = Channel.TEXT) -> Dialog:
    """A fresh conversation (the text conversation's engine) for ``member``."""
    return Dialog(ShopService(factory(url), member), channel)


def say(dialog: Dialog, *lines: str, now: datetime = T0, step: float = 1.0) -> list[str]:
    """Each line's reply; the clock moves ``step`` seconds per line from ``now``."""
    return [dialog.handle(line, now + timedelta(seconds=i * step)).text
            for i, line in enumerate(lines)]  # fmt: skip


def rows(url: str, sql: str) -> list[tuple[object, ...]]:
    con = sqlite3.connect(url.removeprefix("sqlite:///"))
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def execute(url: str, sql: str) -> None:
    con = sqlite3.connect(url.removeprefix("sqlite:///"))
    try:
        con.execute(sql)
        con.commit()
    finally:
        con.close()


def orders(url: str) -> list[tuple[object, ...]]:
    """(id, status, member name, total, delivery, delivery_fee) of every order."""
    return rows(
        url,
        "select o.id, o.status, m.name, o.total, o.delivery, o.delivery_fee from orders o "
        "join members m on m.id = o.member_id order by o.id",
    )


def stock(url: str, sku: str = "DAI-001") -> int:
    return int(rows(url, f"select stock from products where sku = '{sku}'")[0][0])  # type: ignore[call-overload]
