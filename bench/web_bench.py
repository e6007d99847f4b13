"""Latency of the household's web page (``jangbogi web``) under 20 signed-in clients.

A real ``jangbogi web`` process (free port, temporary ``XDG_DATA_HOME``, a fresh demo SQLite
database) serves the demo household, which holds ``--orders`` orders (1,000) placed through
the shop service before the server starts (the same purchase path as auto orders: prices,
stock, delivery fees; varied products, quantities and dates over two years). The owner's
password is set with ``jangbogi member password demo``; ``--clients`` clients (20) sign in
through ``/signin``, each with its own session cookie, then for ``--seconds`` (20) each
requests, one after another, the orders list (``/orders``, every order on one page) or the
receipt of a random order (``/orders/ID``), half and half. Every answer must be 200 with its
content marker (the list: one ``li.order`` per order; a receipt: ``#receipt`` of that order);
anything else is counted as an error.

    PYTHONPATH=. .venv/bin/python bench/web_bench.py [--seconds 20] [--clients 20] [--json]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "bench-owner-pass"
START = datetime(2024, 12, 1, 0, 0, tzinfo=UTC)
CSRF = re.compile(r'name="csrf" value="([^"]+)"')
PAGE_SIZE = 50
"""Orders on one page of the list (assistant/doors/web/orders.py)."""


@dataclass
class Tally:
    """Latencies (ms) per page kind, and errors."""

    ms: dict[str, list[float]] = field(default_factory=lambda: {"orders": [], "receipt": []})
    size: dict[str, int] = field(default_factory=dict)
    """The largest page of each kind (bytes)."""
    errors: list[str] = field(default_factory=list)


def jangbogi(env: dict[str, str], *args: str, stdin: str | None = None) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "assistant.cli", *args], input=stdin, capture_output=True,
        text=True, env=env, cwd=ROOT, check=False,
    )  # fmt: skip
    if done.returncode != 0:
        raise SystemExit(f"jangbogi {' '.join(args)} failed: {done.stderr}")
    return done.stdout


def place_orders(db_url: str, count: int, seed: int) -> list[int]:
    """``count`` orders of the demo owner through :meth:`ShopService.place` (in this process)."""
    from sqlalchemy import select, update

    from assistant.shop.service import ShopService
    from assistant.store import db
    from assistant.store.models import Channel, Product

    factory = db.session_factory(db.open_engine(db_url))
    with db.transaction(factory, write=True) as s:  # enough stock for two years of shopping
        s.execute(update(Product).values(stock=1_000_000))
        products = list(s.scalars(select(Product.id).where(Product.stock > 0)))
    shop = ShopService(factory)
    rng = random.Random(seed)
    step = timedelta(days=730) / count
    ids = []
    for i in range(count):
        chosen = rng.sample(products, rng.randint(1, 5))
        lines = {pid: rng.choice((1, 1, 1, 2, 2, 3)) for pid in chosen}
        when = START + step * i + timedelta(minutes=rng.randint(0, 600))
        order, new = shop.place(sorted(lines.items()), key=f"bench-{i}", channel=Channel.AUTO,
                                now=when)  # fmt: skip
        assert new
        ids.append(order.id)
    return ids


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def wait_until_up(url: str, proc: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit("jangbogi web ended early")
        try:
            with urllib.request.urlopen(f"{url}/signin", timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            time.sleep(0.2)
    raise SystemExit("jangbogi web did not answer in 60 s")


async def sign_in(client: httpx.AsyncClient) -> None:
    page = await client.get("/signin")
    found = CSRF.search(page.text)
    assert page.status_code == 200 and found, page.status_code
    answer = await client.post(
        "/signin", data={"csrf": found.group(1), "name": "demo", "password": PASSWORD}
    )
    if answer.status_code != 303 or answer.headers.get("location") != "/orders":
        raise SystemExit(f"sign-in refused: {answer.status_code} {answer.text[:200]}")


async def visit(client: httpx.AsyncClient, ids: list[int], rng: random.Random, until: float,
                tally: Tally) -> None:  # fmt: skip
    while time.monotonic() < until:
        if rng.random() < 0.5:
            kind, path = "orders", "/orders"
        else:
            order = rng.choice(ids)
            kind, path = "receipt", f"/orders/{order}"
        began = time.perf_counter()
        try:
            answer = await client.get(path)
        except httpx.HTTPError as exc:
            tally.errors.append(f"{path}: {exc!r}")
            continue
        elapsed = (time.perf_counter() - began) * 1000
        body = answer.text
        if kind == "orders":
            good = body.count('class="card order"') == min(len(ids), PAGE_SIZE)
        else:
            good = f'id="receipt" data-order="{order}"' in body
        if answer.status_code != 200 or not good:
            tally.errors.append(f"{path}: {answer.status_code}")
        tally.ms[kind].append(elapsed)
        tally.size[kind] = max(tally.size.get(kind, 0), len(answer.content))


async def drive(url: str, ids: list[int], clients: int, seconds: float, seed: int) -> Tally:
    tally = Tally()
    limits = httpx.Limits(max_connections=1)
    sessions = [httpx.AsyncClient(base_url=url, limits=limits, timeout=60) for _ in range(clients)]
    try:
        await asyncio.gather(*(sign_in(c) for c in sessions))
        cookies = {c.cookies.get("jangbogi_session") for c in sessions}
        assert None not in cookies and len(cookies) == clients, "each client has its own session"
        until = time.monotonic() + seconds
        await asyncio.gather(*(visit(c, ids, random.Random(seed + i), until, tally)
                               for i, c in enumerate(sessions)))  # fmt: skip
    finally:
        await asyncio.gather(*(c.aclose() for c in sessions))
    return tally


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    ap.add_argument("--orders", type=int, default=1000)
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--seconds", type=float, default=20.0)
    ap.add_argument("--seed", type=int, default=16)
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args()

    with tempfile.TemporaryDirectory(prefix="web-bench-") as tmp:
        env = {**os.environ, "XDG_DATA_HOME": str(Path(tmp) / "data")}
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
        db_url = f"sqlite:///{Path(tmp) / 'web.db'}"
        jangbogi(env, "demo", "init", "--db", db_url)
        began = time.perf_counter()
        ids = place_orders(db_url, args.orders, args.seed)
        placing = time.perf_counter() - began
        jangbogi(env, "member", "password", "demo", "--db", db_url, stdin=PASSWORD + "\n")
        port = free_port()
        url = f"http://127.0.0.1:{port}"
        log = (Path(tmp) / "web.log").open("w")
        proc = subprocess.Popen(
            [sys.executable, "-m", "assistant.cli", "web", "--db", db_url, "--port", str(port)],
            env=env, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT, cwd=ROOT,
        )  # fmt: skip
        try:
            wait_until_up(url, proc)
            tally = asyncio.run(drive(url, ids, args.clients, args.seconds, args.seed))
        finally:
            proc.terminate()
            proc.wait(timeout=10)
            log.close()
        server_log = (Path(tmp) / "web.log").read_text()

    total = sum(len(v) for v in tally.ms.values())
    figures = {
        "orders_in_household": len(ids),
        "placing_seconds": round(placing, 1),
        "clients": args.clients,
        "seconds": args.seconds,
        "requests": total,
        "requests_per_second": round(total / args.seconds, 1),
        "errors": len(tally.errors),
        "load_average": [round(x, 2) for x in os.getloadavg()],
        "pages": {
            kind: {
                "requests": len(ms),
                "median_ms": round(statistics.median(ms), 1) if ms else None,
                "p95_ms": round(percentile(ms, 0.95), 1) if ms else None,
                "largest_kb": round(tally.size.get(kind, 0) / 1024, 1),
            }
            for kind, ms in tally.ms.items()
        },
    }
    if args.json:
        print(json.dumps(figures, indent=2))
    else:
        print(f"{len(ids)} orders placed in {placing:.1f} s; {args.clients} clients for "
              f"{args.seconds:g} s: {total} requests, {figures['requests_per_second']}/s, "
              f"{len(tally.errors)} errors")  # fmt: skip
        for kind, page in figures["pages"].items():  # type: ignore[attr-defined]
            print(f"  {kind:8} {page['requests']:6} requests  median {page['median_ms']} ms  "
                  f"p95 {page['p95_ms']} ms  largest {page['largest_kb']} KB")  # fmt: skip
        print(f"  load average after: {figures['load_average']}")
    for error in tally.errors[:10]:
        print("error:", error, file=sys.stderr)
    if "Traceback" in server_log:
        print(server_log[-2000:], file=sys.stderr)
        return 1
    return 1 if tally.errors else 0


if __name__ == "__main__":
    sys.exit(main())
