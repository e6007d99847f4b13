"""Latency and memory of the Wyoming door (``jangbogi serve``) with 1 and 4 clients at once.

    .venv/bin/python bench/wyoming_bench.py                     # 1 then 4 clients, 10 turns each
    .venv/bin/python bench/wyoming_bench.py --clients 4 --rounds 20 --json /tmp/wyoming.json

Starts one real ``jangbogi serve --uri tcp://127.0.0.1:0`` on a fresh demo SQLite database
(``XDG_DATA_HOME`` in a temporary directory, so its first start also builds the trimmed
model copy there; nothing is measured before it prints that it is listening). Then, for
each ``--clients`` N, N clients run at once (asyncio.gather), each on its own wyoming
``AsyncTcpClient`` connection, held open for all its turns, with its own ``satellite_id``.
One turn, as Home Assistant's Assist pipeline does it:

1. ``transcribe``, ``audio-start``, then "치킨 한 마리" (real speech cut from
   ``../shared/data/speech`` by ``tests/wyoming_audio.py``, with 0.3 s of room tone before
   and 0.6 s after) as 1,024-sample ``audio-chunk`` events at real-time pace (one every
   64 ms, as a microphone delivers them), ``audio-stop``; **asr** = audio-stop sent ->
   ``transcript`` received;
2. ``transcript`` with that text and ``context: {satellite_id, conversation_id}``;
   **handle** = sent -> ``handled`` received;
3. ``synthesize`` of the handled text; **tts** = sent -> first ``audio-chunk`` received
   (then read to ``audio-stop``);
4. "아니요" by text through handle, so no order is placed and the next turn starts clean
   (not timed).

Correctness is checked on every turn: the transcript must be "치킨 한 마리", the handled
text must ask "주문할까요", the "아니요" must be handled without asking again, and the
database must hold no order at the end; any mismatch is counted, printed, and makes the
exit status 1. The server's memory (VmRSS of its /proc/PID/status, MB = 10^6 bytes) is
read when it is ready (no connection), sampled every 50 ms during each phase (peak), and
read again after each phase's turns with its connections still open.

Skips (exit 0) when ``../shared/data/speech`` is absent.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SPEECH = ROOT.parent / "shared" / "data" / "speech"
RATE = 16000
WIDTH = 2
CHUNK_SAMPLES = 1024
CHUNK_S = CHUNK_SAMPLES / RATE  # 64 ms
HEARD = "치킨 한 마리"
ASKS = "주문할까요"
TIMEOUT_S = 30.0


@dataclass
class Phase:
    """One run of N clients at once."""

    clients: int
    rounds: int
    asr_ms: list[float] = field(default_factory=list)
    handle_ms: list[float] = field(default_factory=list)
    tts_ms: list[float] = field(default_factory=list)
    mismatches: list[str] = field(default_factory=list)
    peak_rss_mb: float = 0.0
    held_rss_mb: float = 0.0
    wall_s: float = 0.0


def rss_mb(pid: int) -> float:
    """The process's resident memory now (VmRSS), MB."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:  # it has exited
        return float("nan")
    for line in status.splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024 / 1e6
    return float("nan")


def pct(values: list[float], q: float) -> float:
    """The q-quantile (nearest rank) of ``values``."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * len(ordered) + 0.5) - 1))]


async def expect(client: Any, wanted: tuple[str, ...]) -> Any:
    """The next event of one of the ``wanted`` types (others are skipped)."""
    while True:
        event = await asyncio.wait_for(client.read_event(), TIMEOUT_S)
        if event is None:
            raise ConnectionError("the server closed the connection")
        if event.type in wanted:
            return event


async def turn(client: Any, pcm: bytes, satellite: str, conversation: str, phase: Phase) -> None:
    """One voice turn (steps 1-4 of the module's docstring); latencies into ``phase``."""
    from wyoming.asr import Transcribe
    from wyoming.audio import AudioChunk, AudioStart, AudioStop
    from wyoming.event import Event
    from wyoming.tts import Synthesize

    context = {"satellite_id": satellite, "conversation_id": conversation}
    where = f"{satellite}/{conversation}"

    # 1. speech to text, at the pace of a microphone
    await client.write_event(Transcribe(language="ko").event())
    await client.write_event(AudioStart(rate=RATE, width=WIDTH, channels=1).event())
    step = CHUNK_SAMPLES * WIDTH
    loop = asyncio.get_running_loop()
    began = loop.time()
    for n, start in enumerate(range(0, len(pcm), step)):
        audio = pcm[start : start + step]
        await client.write_event(
            AudioChunk(rate=RATE, width=WIDTH, channels=1, audio=audio).event()
        )
        await asyncio.sleep(max(0.0, began + (n + 1) * CHUNK_S - loop.time()))
    await client.write_event(AudioStop().event())
    t0 = time.perf_counter()
    heard = await expect(client, ("transcript",))
    phase.asr_ms.append((time.perf_counter() - t0) * 1000)
    text = str((heard.data or {}).get("text", ""))
    if text != HEARD:
        phase.mismatches.append(f"{where}: transcript {text!r}, not {HEARD!r}")

    # 2. the transcript through the conversation
    t0 = time.perf_counter()
    await client.write_event(Event("transcript", {"text": text, "context": context}))
    answer = await expect(client, ("handled", "not-handled"))
    phase.handle_ms.append((time.perf_counter() - t0) * 1000)
    reply = str((answer.data or {}).get("text", ""))
    if answer.type != "handled" or ASKS not in reply:
        phase.mismatches.append(f"{where}: {answer.type} {reply!r} does not ask {ASKS}")

    # 3. the reply as speech: time to its first audio
    t0 = time.perf_counter()
    await client.write_event(Synthesize(text=reply or "네").event())
    await expect(client, ("audio-chunk",))
    phase.tts_ms.append((time.perf_counter() - t0) * 1000)
    await expect(client, ("audio-stop",))

    # 4. "아니요", so nothing is ordered and the next turn starts clean
    await client.write_event(Event("transcript", {"text": "아니요", "context": context}))
    no = await expect(client, ("handled", "not-handled"))
    said = str((no.data or {}).get("text", ""))
    if no.type != "handled" or ASKS in said:
        phase.mismatches.append(f"{where}: '아니요' -> {no.type} {said!r}")


async def run_phase(host: str, port: int, pid: int, pcm: bytes, clients: int, rounds: int,
                    tag: str) -> Phase:  # fmt: skip
    """``clients`` clients at once, ``rounds`` turns each, connections held to the end."""
    from wyoming.client import AsyncTcpClient

    phase = Phase(clients, rounds)
    conns = [AsyncTcpClient(host, port) for _ in range(clients)]
    for conn in conns:
        await conn.connect()
    stop = asyncio.Event()

    async def sample() -> None:
        while not stop.is_set():
            phase.peak_rss_mb = max(phase.peak_rss_mb, rss_mb(pid))
            with suppress(asyncio.TimeoutError):
                await asyncio.wait_for(stop.wait(), 0.05)

    async def one(i: int, conn: Any) -> None:
        for r in range(rounds):
            try:
                await turn(conn, pcm, f"bench-{tag}-{i}", f"{tag}-{i}-{r}", phase)
            except (TimeoutError, OSError) as exc:  # the rest of its turns are lost
                why = (
                    f"no answer in {TIMEOUT_S:g} s"
                    if isinstance(exc, asyncio.TimeoutError)
                    else exc
                )
                phase.mismatches.append(f"bench-{tag}-{i} turn {r + 1} failed: {why}")
                return

    sampler = asyncio.create_task(sample())
    started = time.perf_counter()
    try:
        await asyncio.gather(*(one(i, c) for i, c in enumerate(conns)))
        phase.wall_s = time.perf_counter() - started
        await asyncio.sleep(0.5)  # connections still open, nothing in flight
        phase.held_rss_mb = rss_mb(pid)
        phase.peak_rss_mb = max(phase.peak_rss_mb, phase.held_rss_mb)
    finally:
        stop.set()
        await sampler
        for conn in conns:
            await conn.disconnect()
    return phase


@contextmanager
def server(workdir: Path) -> Iterator[tuple[subprocess.Popen[str], str, float]]:
    """A fresh demo database and a ``jangbogi serve`` on it: (process, uri, start seconds)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "XDG_DATA_HOME": str(workdir / "data")}
    url = f"sqlite:///{workdir / 'demo.db'}"
    cli = [sys.executable, "-m", "assistant.cli"]
    subprocess.run([*cli, "demo", "init", "--db", url], env=env, cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)  # fmt: skip
    started = time.perf_counter()
    proc = subprocess.Popen([*cli, "serve", "--uri", "tcp://127.0.0.1:0", "--db", url],
                            env=env, cwd=ROOT, stdout=subprocess.PIPE, text=True)  # fmt: skip
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        if "listening on " not in line:
            raise SystemExit(f"jangbogi serve did not start (exit {proc.poll()}): {line!r}")
        uri = line.split("listening on ", 1)[1].split()[0]
        yield proc, uri, time.perf_counter() - started
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def orders_in(db: Path) -> int:
    with sqlite3.connect(db) as con:
        return int(con.execute("SELECT count(*) FROM orders").fetchone()[0])


def fmt(ms: float | None) -> str:
    return "-" if ms is None else f"{ms:.0f}"


def summary(phase: Phase) -> dict[str, Any]:
    out: dict[str, Any] = {"clients": phase.clients, "turns": len(phase.asr_ms)}
    for name in ("asr", "handle", "tts"):
        values: list[float] = getattr(phase, f"{name}_ms")
        out[f"{name}_median_ms"] = round(statistics.median(values), 1) if values else None
        out[f"{name}_p95_ms"] = round(pct(values, 0.95), 1) if values else None
    out["peak_rss_mb"] = round(phase.peak_rss_mb, 1)
    out["held_rss_mb"] = round(phase.held_rss_mb, 1)
    out["wall_s"] = round(phase.wall_s, 1)
    out["mismatches"] = len(phase.mismatches)
    return out


async def bench(args: argparse.Namespace, pcm: bytes) -> int:
    with (
        tempfile.TemporaryDirectory(prefix="wyoming-bench-") as tmp,
        server(Path(tmp)) as (proc, uri, start_s),
    ):
        host, _, port = uri.removeprefix("tcp://").rpartition(":")
        await asyncio.sleep(args.settle)  # the parser preloads in the background
        idle_mb = rss_mb(proc.pid)
        print(f"jangbogi serve pid {proc.pid} on {uri}: ready after {start_s:.1f} s, "
              f"VmRSS {idle_mb:.1f} MB with no connection", flush=True)  # fmt: skip
        warm = await run_phase(host, int(port), proc.pid, pcm, 1, args.warmup, "warm")
        if warm.asr_ms and warm.handle_ms and warm.tts_ms:
            print(f"warm-up ({args.warmup} turn(s), not counted): asr {warm.asr_ms[0]:.0f} ms, "
                  f"handle {warm.handle_ms[0]:.0f} ms, tts {warm.tts_ms[0]:.0f} ms; "
                  f"VmRSS after {rss_mb(proc.pid):.1f} MB", flush=True)  # fmt: skip
        phases = []
        for k, n in enumerate(args.clients):
            if proc.poll() is not None:
                break
            tag = f"p{k}c{n}"  # every phase's satellites are new to the server
            phase = await run_phase(host, int(port), proc.pid, pcm, n, args.rounds, tag)
            phases.append(phase)
            print(f"{n} client(s): {len(phase.asr_ms)} turns in {phase.wall_s:.1f} s",
                  flush=True)  # fmt: skip
        await asyncio.sleep(1.0)  # the server has seen every connection close
        died = proc.poll()
        after_mb = float("nan") if died is not None else rss_mb(proc.pid)
        orders = orders_in(Path(tmp) / "demo.db")
    rows = [summary(p) for p in phases]
    print()
    print("| clients | turns | asr median / p95 ms | handle median / p95 ms "
          "| tts first audio median / p95 ms | VmRSS peak MB | VmRSS held open MB |")  # fmt: skip
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for row in rows:
        cells = [f"{fmt(row[f'{n}_median_ms'])} / {fmt(row[f'{n}_p95_ms'])}"
                 for n in ("asr", "handle", "tts")]  # fmt: skip
        print(f"| {row['clients']} | {row['turns']} | {' | '.join(cells)} "
              f"| {row['peak_rss_mb']:.1f} | {row['held_rss_mb']:.1f} |")  # fmt: skip
    print(f"\nVmRSS: ready, no connection {idle_mb:.1f} MB; at the end, all closed "
          f"{after_mb:.1f} MB. Orders in the database: {orders}.")  # fmt: skip
    mismatches = [m for p in [warm, *phases] for m in p.mismatches]
    if died is not None:
        mismatches.append(f"jangbogi serve exited with {died} during the run")
    if orders:
        mismatches.append(f"{orders} order(s) placed; every turn ended with 아니요")
    print(f"mismatches: {len(mismatches)}")
    for m in mismatches[:20]:
        print(f"  {m}")
    if args.json:
        report = {"uri": uri, "start_s": round(start_s, 1), "idle_rss_mb": round(idle_mb, 1),
                  "end_rss_mb": round(after_mb, 1), "orders": orders, "phases": rows,
                  "raw": [asdict(p) for p in phases], "mismatches": mismatches,
                  "loadavg": os.getloadavg(), "cpus": os.cpu_count()}  # fmt: skip
        args.json.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    return 1 if mismatches else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--clients", type=int, action="append",
                        help="clients at once; repeatable (default: 1 and 4)")  # fmt: skip
    parser.add_argument("--rounds", type=int, default=10, help="turns per client (default 10)")
    parser.add_argument("--warmup", type=int, default=1, help="uncounted turns first (default 1)")
    parser.add_argument("--settle", type=float, default=3.0,
                        help="seconds to wait after the server is ready (default 3)")  # fmt: skip
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args(argv)
    args.clients = args.clients or [1, 4]
    if not SPEECH.is_dir():
        print(f"skipped: {SPEECH} is not there (see ../shared/data/README.md)")
        return 0
    sys.path.insert(0, str(ROOT))
    from tests.wyoming_audio import CHICKEN, spoken

    pcm = spoken(0.3, CHICKEN, 0.6)
    print(f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f}; one turn speaks "
          f"{len(pcm) / WIDTH / RATE:.2f} s at real-time pace", flush=True)  # fmt: skip
    return asyncio.run(bench(args, pcm))


if __name__ == "__main__":
    raise SystemExit(main())
