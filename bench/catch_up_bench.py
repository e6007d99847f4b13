"""A daemon started two years late: what one catch-up writes, and how long it takes.

    python bench/catch_up_bench.py [--subscriptions 1000] [--days 730]

A temporary SQLite database with the demo catalog and N daily bulk subscriptions (5 per
household) first due 2026-11-30 00:00 UTC, then one real
``jangbogi daemon --run-due --now <first + days + 1 h>`` process of this checkout.
Reported: wall time, run rows and notifications written, log lines, database size.
Run it from an older checkout (copy this file there) to compare.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import text  # noqa: E402

from tests.reorder_bulk import DUE, child_env, daemon_cmd, make_shop, open_engine, populate  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--subscriptions", type=int, default=1000)
    parser.add_argument("--days", type=int, default=730)
    args = parser.parse_args()
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT,
                            capture_output=True, text=True, check=False).stdout.strip()  # fmt: skip
    print(f"checkout {commit or ROOT}; {args.subscriptions} daily subscriptions, "
          f"{args.days} days late")  # fmt: skip
    with tempfile.TemporaryDirectory(prefix="jangbogi-catch-up-") as tmp:
        db = Path(tmp) / "shop.db"
        url = f"sqlite:///{db}"
        make_shop(url)
        engine = open_engine(url)
        populate(engine, args.subscriptions, products=30)
        now = DUE + timedelta(days=args.days, hours=1)
        start = time.perf_counter()
        proc = subprocess.run(
            daemon_cmd(url, "--run-due", "--now", now.isoformat()), cwd=ROOT, env=child_env(),
            capture_output=True, text=True, check=False,
        )  # fmt: skip
        seconds = time.perf_counter() - start
        with engine.connect() as conn:
            runs = conn.execute(text("select count(*) from subscription_runs")).scalar()
            notes = conn.execute(text("select count(*) from notifications")).scalar()
            orders = conn.execute(text("select count(*) from orders")).scalar()
        engine.dispose()
        lines = sum(" jangbogi.reorder " in ln for ln in proc.stderr.splitlines())
        print(f"rc {proc.returncode}: {proc.stdout.strip()}")
        print(f"{seconds:.1f} s, {runs:,} run rows, {notes:,} notifications, {orders:,} orders, "
              f"{lines:,} log lines, database {db.stat().st_size / 1e6:.1f} MB")  # fmt: skip


if __name__ == "__main__":
    main()
