"""The purchase rules on a real PostgreSQL server, including two conversations at once."""

from __future__ import annotations

import threading

import pytest

from assistant.cli import main
from assistant.errors import PinLockedError, WrongPinError
from assistant.shop.service import ShopService
from assistant.store import db
from assistant.store.models import Channel
from tests.shop_helpers import at


def test_rules_on_postgresql(pg_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    assert main(["demo", "init", "--db", pg_url]) == 0
    assert main(["member", "add", "민지", "--role", "child", "--db", pg_url]) == 0
    monkeypatch.setattr("sys.stdin", io.StringIO("1234\n"))
    assert main(["household", "pin", "set", "--db", pg_url]) == 0
    engine = db.open_engine(pg_url)
    f = db.session_factory(engine)
    milk = ShopService(f).find_products("서울우유 흰우유 1L")[0].id
    kid = ShopService(f, "민지")
    req = kid.request_order([(milk, 2)], at())
    kid.accept(req.token, at(1))
    pending, _ = kid.complete(req.token, at(2), channel=Channel.VOICE)
    adult = ShopService(f)
    with pytest.raises(WrongPinError):
        adult.decide(pending.id, approve=True, pin="0000", now=at(3))
    approved = adult.decide(pending.id, approve=True, pin="1234", now=at(4))
    assert approved.status.value == "placed" and approved.decided_by == "demo"
    for wrong in ("1111", "2222"):
        with pytest.raises(WrongPinError):
            adult.decide(pending.id, approve=True, pin=wrong, now=at(5))
    with pytest.raises(PinLockedError):
        adult.decide(pending.id, approve=True, pin="3333", now=at(6))
    with pytest.raises(PinLockedError):
        adult.request_order([(milk, 1)], at(7))
    engine.dispose()


def test_two_conversations_confirming_the_same_order_at_once(pg_url: str) -> None:
    """The household row lock makes the duplicate check see the other order: one order."""
    assert main(["demo", "init", "--db", pg_url]) == 0
    engine = db.open_engine(pg_url)
    f = db.session_factory(engine)
    shops = [ShopService(f), ShopService(f)]
    milk = shops[0].find_products("서울우유 흰우유 1L")[0].id
    tokens = []
    for shop in shops:
        req = shop.request_order([(milk, 2)], at())
        shop.accept(req.token, at(1))
        tokens.append(req.token)
    results: list[tuple[int, bool]] = []
    start = threading.Barrier(2)

    def confirm(i: int) -> None:
        start.wait()
        view, new = shops[i].complete(tokens[i], at(2), channel=Channel.VOICE)
        results.append((view.id, new))

    threads = [threading.Thread(target=confirm, args=(i,)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert len(results) == 2
    assert len({order_id for order_id, _ in results}) == 1
    assert sorted(new for _, new in results) == [False, True]
    engine.dispose()
