"""Operating the daemon: one log line per run, and SIGTERM that loses nothing."""

from __future__ import annotations

import re
import signal
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import update

from assistant.store import db
from assistant.store.models import Product
from tests.conftest import Runner
from tests.reorder_bulk import audit, make_shop, open_engine, populate, spawn
from tests.reorder_helpers import FIRST_RUN, runs, subscribe
from tests.test_reorder_scaleout import placed_count, wall_clock_daily

LINE = re.compile(
    r" INFO jangbogi\.reorder (placed|held|skipped|missed|failed) subscription=(\d+) "
)


def test_one_log_line_per_placed_held_and_skipped_run(db_url: str, jangbogi: Runner) -> None:
    factory = db.session_factory(db.open_engine(db_url))
    placed = subscribe(factory, sku="EGG-001")
    held = subscribe(factory, sku="DAI-001")
    skipped = subscribe(factory, sku="DAI-002")
    with db.transaction(factory) as s:  # +50% (the household allows 20%), and sold out
        s.execute(update(Product).where(Product.sku == "DAI-001").values(
            price=Product.price * 3 // 2, member_price=Product.member_price * 3 // 2))  # fmt: skip
        s.execute(update(Product).where(Product.sku == "DAI-002").values(stock=0))
    result = jangbogi("daemon", "--db", db_url, "--run-due", "--now", FIRST_RUN.isoformat())
    assert result.code == 0, result.err
    logged = [(m[1], int(m[2])) for m in LINE.finditer(result.err)]
    assert sorted(logged) == [("held", held), ("placed", placed), ("skipped", skipped)]
    assert sorted((r[2], r[0]) for r in runs(factory)) == sorted(logged)
    line = next(ln for ln in result.err.splitlines() if " placed subscription=" in ln)
    assert re.search(r"period=2026-11-30T00:00Z order=\d+ total=\d+$", line)
    assert "reason='price" in next(ln for ln in result.err.splitlines() if " held " in ln)
    assert "reason='out of stock'" in next(
        ln for ln in result.err.splitlines() if " skipped " in ln
    )


@pytest.mark.slow
def test_sigterm_finishes_the_batch_in_flight_and_exits_cleanly(
    tmp_path: Path, jangbogi: Runner
) -> None:
    url = f"sqlite:///{tmp_path / 'shop.db'}"
    make_shop(url)
    engine = open_engine(url)
    rec, first = wall_clock_daily(datetime.now(UTC))
    bulk = populate(engine, 6000, products=30, first=first, rec=rec)
    log = tmp_path / "daemon.log"
    batch = 50
    proc = spawn(url, "--batch", str(batch), "--sync-seconds", "3600", log=log)
    deadline = time.monotonic() + 60
    while placed_count(engine) == 0 and time.monotonic() < deadline:
        assert proc.poll() is None, log.read_text()[-2000:]
        time.sleep(0.02)
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(timeout=60) == 0
    text = log.read_text()
    assert "signal SIGTERM: finishing the batch in flight" in text
    assert re.search(r"INFO jangbogi\.reorder daemon \S+ stopped$", text.rstrip())
    assert "Traceback" not in text
    stopped = audit(engine, bulk)
    assert 0 < stopped.runs < bulk.subscriptions  # it stopped early ...
    assert stopped.runs % batch == 0  # ... after whole batches, committed
    assert len(LINE.findall(text)) == stopped.runs  # and logged every one of them
    assert stopped.statuses == {"placed": stopped.runs}
    assert stopped.orders == stopped.runs
    assert stopped.orders_without_run == stopped.placed_without_order == 0
    assert stopped.stock_used == stopped.ordered

    rest = jangbogi("daemon", "--db", url, "--run-due", "--json")
    assert rest.code == 0, rest.err
    assert f'"placed": {bulk.subscriptions - stopped.runs}' in rest.out
    done = audit(engine, bulk)
    engine.dispose()
    assert done.duplicate_periods == 0
    assert done.statuses == {"placed": bulk.subscriptions}
    assert done.orders == bulk.subscriptions
    assert done.orders_without_run == done.placed_without_order == done.duplicate_keys == 0
    assert done.stock_used == done.ordered
