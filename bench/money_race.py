"""The money-race soak: many rounds of real ``jangbogi text`` processes racing for the rules.

    python bench/money_race.py [--rounds 20] [--sessions 20] [--seed N] [--no-sqlite] [--no-pg]

Per database (a temporary SQLite file; a temporary PostgreSQL database made and dropped
here, admin URL from JANGBOGI_PG_URL like the tests): the demo household with a child
and a PIN, ``--sessions`` adult conversations and a child's kept running, then
``--rounds`` rounds of every race in tests/money_races.py (PIN guesses, per-day limit,
duplicate guard, stock, cart checkout, a child's order decided from several sessions,
the same subscription by voice), each checked in the database afterwards.

Reported per race: races run, racing lines released at once, busy refusals (a session
that did not get the lock in time, told so, nothing written), breached races (a race
after which the database broke the rule: must be 0), and the median and worst time from
the release to the last reply. The seed
is printed; JANGBOGI_RACE_SEED or --seed replays it. Exit status 1 on any breach.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

from tests.money_races import (
    RACES,
    Race,
    Shop,
    pool,
    prepare,
    run_round,
    seed_from_env,
)
from tests.pg import temporary_database


@contextmanager
def fresh_db(kind: str) -> Iterator[str]:
    if kind == "sqlite":
        with tempfile.TemporaryDirectory(prefix="jangbogi-race-") as tmp:
            yield f"sqlite:///{tmp}/shop.db"
        return
    with temporary_database("jangbogi_race") as url:
        yield url


def soak(kind: str, rounds: int, sessions: int, seed: int) -> list[Race]:
    rng = random.Random(seed)
    races: list[Race] = []
    with fresh_db(kind) as url:
        prepare(url)
        shop = Shop(url)
        try:
            with pool(url, sessions) as p:
                for i in range(rounds):
                    started = time.perf_counter()
                    done = run_round(p, shop, rng, list(RACES))
                    races += done
                    bad = sum(len(r.breaches) for r in done)
                    print(f"{kind} round {i + 1}/{rounds}: {time.perf_counter() - started:.0f} s, "
                          f"{bad} breaches", file=sys.stderr, flush=True)  # fmt: skip
                    for r in done:
                        for b in r.breaches:
                            print(f"  BREACH {b}", file=sys.stderr, flush=True)
        finally:
            shop.dispose()
    return races


def table(kind: str, races: list[Race]) -> list[str]:
    rows = []
    for name in RACES:
        mine = [r for r in races if r.name == name]
        if not mine:
            continue
        waits = [r.release_s for r in mine]
        rows.append(
            f"| {kind} | {name} | {len(mine)} | {sum(r.racers for r in mine)} | "
            f"{sum(r.busy for r in mine)} | {sum(1 for r in mine if r.breaches)} | "
            f"{statistics.median(waits):.1f} | {max(waits):.1f} |"
        )
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--rounds", type=int, default=20)
    ap.add_argument("--sessions", type=int, default=20, help="adult sessions (plus a child's)")
    ap.add_argument("--seed", type=int, default=None)
    ap.add_argument("--no-sqlite", action="store_true")
    ap.add_argument("--no-pg", action="store_true")
    args = ap.parse_args(argv)
    seed = args.seed if args.seed is not None else seed_from_env()
    kinds = [k for k, off in (("sqlite", args.no_sqlite), ("postgresql", args.no_pg)) if not off]
    print(f"# money races: {args.rounds} rounds x {len(RACES)} races, {args.sessions} adult "
          f"sessions + 1 child, seed {seed}; {platform.python_version()}, "
          f"{os.cpu_count()} CPUs")  # fmt: skip
    print("| database | race | races | racing lines | busy | breached | release median s "
          "| release max s |")  # fmt: skip
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    breached = 0
    for kind in kinds:
        started = time.perf_counter()
        races = soak(kind, args.rounds, args.sessions, seed)
        for row in table(kind, races):
            print(row, flush=True)
        breached += sum(1 for r in races if r.breaches)
        print(f"{kind}: {len(races)} races, {sum(r.racers for r in races)} racing lines, "
              f"{sum(r.busy for r in races)} busy, "
              f"{sum(1 for r in races if r.breaches)} breached races in "
              f"{(time.perf_counter() - started) / 60:.1f} min", file=sys.stderr)  # fmt: skip
    return 1 if breached else 0


if __name__ == "__main__":
    raise SystemExit(main())
