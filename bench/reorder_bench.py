"""Recurring orders at scale: N subscriptions due at the same minute, and idle memory.

    python bench/reorder_bench.py [--subscriptions 100000] [--repeat 1] [--no-sqlite] [--no-pg]

Placement: a fresh database per run (PostgreSQL: created and dropped here, admin URL from
JANGBOGI_PG_URL like the tests; SQLite: a temporary file), the demo catalog, N bulk
subscriptions (5 per household, round robin over the catalog's products) all due at
2026-11-30 00:00 UTC, then 1 or 3 real ``jangbogi daemon --run-due --now`` processes.
Reported: wall time from starting the processes to the last exit (includes ~1 s of
interpreter start), the placing window from the daemons' own log lines (first to last
``placed`` line), orders per second over that window, and an exactly-once audit.

Idle memory: a long-running ``jangbogi daemon`` with 0, N/10 and N subscriptions
scheduled for tomorrow (nothing due); VmRSS and VmHWM from /proc after it settled
(several syncs), and the growth per subscription.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import signal
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import create_engine, text  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from tests.reorder_bulk import (  # noqa: E402
    DUE,
    audit,
    make_shop,
    open_engine,
    populate,
    run_due_cmd,
    spawn,
)

ADMIN_URL = os.environ.get(
    "JANGBOGI_PG_URL", "postgresql+psycopg://postgres:postgres@127.0.0.1:5432/postgres"
)
STAMP = re.compile(r"^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3}) INFO jangbogi\.reorder placed ")


@contextmanager
def fresh_db(kind: str) -> Iterator[str]:
    if kind == "sqlite":
        with tempfile.TemporaryDirectory(prefix="jangbogi-bench-") as tmp:
            yield f"sqlite:///{tmp}/shop.db"
        return
    admin = create_engine(ADMIN_URL, isolation_level="AUTOCOMMIT")
    name = f"jangbogi_bench_{uuid.uuid4().hex[:10]}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(ADMIN_URL).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def _window(logs: list[Path]) -> tuple[float, int]:
    """Seconds from the first to the last ``placed`` line over all logs, and their count."""
    stamps: list[datetime] = []
    for log in logs:
        for line in log.read_text().splitlines():
            m = STAMP.match(line)
            if m:
                stamps.append(datetime.strptime(m[1], "%Y-%m-%d %H:%M:%S,%f"))
    if not stamps:
        return 0.0, 0
    return (max(stamps) - min(stamps)).total_seconds(), len(stamps)


def place(kind: str, n: int, daemons: int, products: int, batch: int) -> dict[str, float]:
    """One placement run on a fresh database; raises if anything is not exactly once."""
    with fresh_db(kind) as url, tempfile.TemporaryDirectory() as tmp:
        make_shop(url)
        engine = open_engine(url)
        t0 = time.perf_counter()
        bulk = populate(engine, n, products=products)
        built = time.perf_counter() - t0
        logs = [Path(tmp) / f"d{i}.log" for i in range(daemons)]
        t0 = time.perf_counter()
        procs = [spawn(url, *run_due_cmd(url, DUE, "--batch", str(batch)), log=log) for log in logs]
        codes = [p.wait() for p in procs]
        wall = time.perf_counter() - t0
        window, placed = _window(logs)
        found = audit(engine, bulk)
        engine.dispose()
    ok = (
        codes == [0] * daemons
        and found.runs == n == found.orders == placed
        and found.statuses == {"placed": n}
        and found.duplicate_periods == found.orders_without_run == found.duplicate_keys == 0
        and found.stock_used == found.ordered
    )
    if not ok:
        raise SystemExit(f"NOT exactly once: codes={codes} {found}")
    shares = sorted(found.workers.values(), reverse=True)
    return {"build_s": built, "wall_s": wall, "window_s": window,
            "per_s": n / window if window else 0.0, "shares": shares}  # type: ignore[dict-item]  # fmt: skip


def proc_memory(pid: int) -> tuple[int, int]:
    """(VmRSS, VmHWM) in bytes."""
    fields = dict(
        line.split(":", 1) for line in Path(f"/proc/{pid}/status").read_text().splitlines()
    )
    return tuple(int(fields[k].split()[0]) * 1024 for k in ("VmRSS", "VmHWM"))  # type: ignore[return-value]


def idle_memory(kind: str, n: int, products: int, settle_s: float) -> tuple[int, int]:
    with fresh_db(kind) as url, tempfile.TemporaryDirectory() as tmp:
        make_shop(url)
        engine = open_engine(url)
        if n:
            populate(engine, n, products=products, first=DUE + timedelta(days=3650))
        engine.dispose()
        proc = spawn(url, "--sync-seconds", "1", log=Path(tmp) / "idle.log")
        try:
            time.sleep(settle_s)  # start-up, then several syncs over the whole table
            if proc.poll() is not None:
                raise SystemExit((Path(tmp) / "idle.log").read_text()[-2000:])
            return proc_memory(proc.pid)
        finally:
            proc.send_signal(signal.SIGTERM)
            proc.wait(timeout=60)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--subscriptions", type=int, default=100_000)
    ap.add_argument("--products", type=int, default=300, help="catalog products ordered")
    ap.add_argument("--batch", type=int, default=100, help="daemon --batch")
    ap.add_argument("--repeat", type=int, default=1, help="runs per configuration (median)")
    ap.add_argument("--no-sqlite", action="store_true")
    ap.add_argument("--no-pg", action="store_true")
    ap.add_argument("--no-memory", action="store_true")
    ap.add_argument("--settle", type=float, default=8.0, help="seconds before reading memory")
    args = ap.parse_args()
    n = args.subscriptions
    print(
        f"# reorder bench: {n:,} subscriptions due at once, batch {args.batch}, "
        f"{args.products} products; {platform.python_version()}, {os.cpu_count()} CPUs"
    )
    configs = [("postgresql", 1), ("postgresql", 3)] * (not args.no_pg) + [("sqlite", 1)] * (
        not args.no_sqlite
    )
    print("| database | daemons | wall s | placing s | orders/s | shares |")
    print("| --- | --- | --- | --- | --- | --- |")
    for kind, daemons in configs:
        results = [place(kind, n, daemons, args.products, args.batch) for _ in range(args.repeat)]
        med = {k: statistics.median(r[k] for r in results) for k in ("wall_s", "window_s", "per_s")}
        shares = "/".join(str(s) for s in results[-1]["shares"])  # type: ignore[attr-defined]
        print(f"| {kind} | {daemons} | {med['wall_s']:.1f} | {med['window_s']:.1f} | "
              f"{med['per_s']:.0f} | {shares} |", flush=True)  # fmt: skip
    if args.no_memory:
        return
    kind = "sqlite" if args.no_pg else "postgresql"
    print(f"\nidle daemon memory ({kind}, nothing due, after {args.settle:.0f} s)")
    print("| subscriptions | VmRSS MiB | VmHWM MiB |")
    print("| --- | --- | --- |")
    sizes = [0, n // 10, n]
    mem = {size: idle_memory(kind, size, args.products, args.settle) for size in sizes}
    for size, (rss, hwm) in mem.items():
        print(f"| {size:,} | {rss / 2**20:.1f} | {hwm / 2**20:.1f} |")
    per = (mem[n][0] - mem[0][0]) / n if n else 0.0
    print(f"\nRSS growth: {per:.1f} bytes per subscription (0 -> {n:,})", flush=True)


if __name__ == "__main__":
    main()
