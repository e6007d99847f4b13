"""The money rules hold when real ``jangbogi text`` processes race for them.

Ten adult conversations of the same household (and a child's) are brought to the same
question and released at once, on a SQLite file and on the PostgreSQL server: PIN
guesses (locked after 3 wrong in total, the right PIN refused while locked, the count
starting again after a right one), the per-day limit, the duplicate guard, stock, one cart
checked out from every session, a child's order approved, rejected and cancelled at once,
and the same subscription started from every session. The database is checked after
every race (tests/money_races.py).

The seed is printed; ``JANGBOGI_RACE_SEED=<seed>`` replays a run,
``JANGBOGI_RACE_ROUNDS`` sets the rounds (``bench/money_race.py`` is the long soak).
"""

from __future__ import annotations

import os
import random
import time
from pathlib import Path

import pytest

from tests.money_races import RACES, SEED_ENV, Race, Shop, pool, prepare, run_round, seed_from_env

SESSIONS = 10
ROUNDS = int(os.environ.get("JANGBOGI_RACE_ROUNDS", "2"))

pytestmark = pytest.mark.slow


def _race(url: str, label: str) -> None:
    seed = seed_from_env()
    print(f"\nmoney races on {label}: seed {seed} ({SEED_ENV}={seed} to replay)")
    rng = random.Random(seed)
    prepare(url)
    shop = Shop(url)
    races: list[Race] = []
    try:
        started = time.perf_counter()
        with pool(url, SESSIONS) as p:
            print(f"pool of {SESSIONS + 1} sessions ready in {time.perf_counter() - started:.1f} s")
            for _ in range(ROUNDS):
                races += run_round(p, shop, rng, list(RACES))
    finally:
        shop.dispose()
    for r in races:
        print(f"  {r.name}: {r.racers} racers, {r.seconds:.1f} s (released {r.release_s:.1f} s), "
              f"{dict(r.outcomes)}")  # fmt: skip
    breaches = [b for r in races for b in r.breaches]
    busy = sum(r.busy for r in races)
    print(f"{len(races)} races, {sum(r.racers for r in races)} racing lines, "
          f"{busy} busy refusals, {len(breaches)} breaches")  # fmt: skip
    assert not breaches, f"seed {seed} on {label}:\n" + "\n".join(breaches)


def test_money_rules_hold_on_sqlite(tmp_path: Path) -> None:
    _race(f"sqlite:///{tmp_path / 'shop.db'}", "SQLite")


def test_money_rules_hold_on_postgresql(pg_url: str) -> None:
    _race(pg_url, "PostgreSQL")
