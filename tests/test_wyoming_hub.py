"""``jangbogi hub`` against real wyoming-satellite processes (and one fake satellite that drops).

Every satellite's microphone is ``tests/wyoming_mic.py``: room tone at real time pace until
the test creates its trigger file (once the hub logs that the satellite streams), then the
recording, then room tone. Outcomes are checked in the database.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import queue
import re
import shlex
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any, cast

import pytest
from wyoming.audio import AudioChunk, AudioStart
from wyoming.event import Event, async_read_event, async_write_event
from wyoming.pipeline import PipelineStage, RunPipeline
from wyoming.satellite import RunSatellite

from assistant.doors.wyoming.hub import FRAME_BYTES, _frames, _put_last, _StreamEnded
from tests.conftest import ROOT, free_port, run_jangbogi
from tests.wyoming_audio import CHICKEN, WAKE, WAKE_WORD, YES, spoken

MIC = ROOT / "tests" / "wyoming_mic.py"
CHICKEN_SKU = "FRZ-013"
# --- small pure pieces --------------------------------------------------------------------


def test_frames_end_with_stream_ended_and_stay_ended() -> None:
    frames: queue.Queue[bytes | None] = queue.Queue()
    for item in (b"a", b"b", None):
        frames.put(item)
    got = []
    with pytest.raises(_StreamEnded):
        for frame in _frames(frames):
            got.append(frame)
    assert got == [b"a", b"b"]
    with pytest.raises(_StreamEnded):  # a later voice loop (after "그만") ends at once too
        next(_frames(frames))


def test_put_last_makes_room_in_a_full_queue() -> None:
    frames: queue.Queue[bytes | None] = queue.Queue(2)
    frames.put(b"old")
    frames.put(b"new")
    _put_last(frames)
    assert [frames.get_nowait(), frames.get_nowait()] == [b"new", None]


def test_a_frame_is_30_ms_of_16_khz_16_bit_audio() -> None:
    assert FRAME_BYTES == 960


# --- CLI refusals --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--satellite", "kitchen"], "write NAME=VALUE"),
        (["--satellite", "kitchen=http://127.0.0.1:10700"], "is not a tcp://HOST:PORT"),
        (["--satellite", "kitchen=tcp://8.8.8.8:10700"], "is not in --allow"),
        (
            ["--satellite", "kitchen=tcp://192.168.1.5:10700", "--allow", "10.0.0.0/8"],
            "is not in --allow",
        ),
        (
            ["--satellite", "kitchen=tcp://127.0.0.1:10700", "--member-for", "garage=민준"],
            "--member-for names no satellite: garage",
        ),
        # an unknown member is found once the speech model has loaded (about 5 s)
        pytest.param(
            ["--satellite", "kitchen=tcp://127.0.0.1:10700", "--member", "nobody"],
            "nobody",
            marks=pytest.mark.slow,
        ),
        pytest.param(
            ["--satellite", "kitchen=tcp://127.0.0.1:10700", "--member-for", "kitchen=nobody"],
            "nobody",
            marks=pytest.mark.slow,
        ),
    ],
)
def test_hub_refuses_a_bad_configuration(db_url: str, args: list[str], message: str) -> None:
    result = run_jangbogi("hub", *args, "--db", db_url)
    assert result.code != 0
    assert "Traceback" not in result.err
    lines = result.err.strip().splitlines()
    assert len(lines) == 1, result.err
    assert message in lines[0], result.err


# --- processes ------------------------------------------------------------------------------


class Process:
    """A child process whose stderr is collected on a thread (read it with :meth:`err`)."""

    def __init__(self, args: list[str], log: Path) -> None:
        self.log = log
        self._file: IO[bytes] = log.open("wb")
        self.proc = subprocess.Popen(
            args, stdin=subprocess.DEVNULL, stdout=self._file, stderr=subprocess.STDOUT,
            cwd=ROOT, env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )  # fmt: skip

    def output(self) -> str:
        return self.log.read_text(errors="replace")

    def running(self) -> bool:
        return self.proc.poll() is None

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(10)
        self._file.close()


@contextlib.contextmanager
def processes() -> Iterator[list[Process]]:
    """Every process started in the block is stopped when it ends, in reverse order."""
    started: list[Process] = []
    try:
        yield started
    finally:
        for process in reversed(started):
            process.stop()


def wait_for(what: str, check: Callable[[], Any], timeout: float, *logs: Process) -> Any:
    """Poll ``check`` until it returns something truthy; fail with the logs after ``timeout``."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = check()
        if found:
            return found
        time.sleep(0.2)
    tails = "\n".join(f"--- {p.log.name}\n{p.output()[-3000:]}" for p in logs)
    pytest.fail(f"timed out waiting for {what}\n{tails}")


def satellite(
    tmp_path: Path, name: str, port: int, recording: bytes
) -> tuple[list[str], Path, Path]:
    """The command of a real wyoming-satellite with a paced mic; its trigger and reply files."""
    raw = tmp_path / f"{name}-mic.raw"
    raw.write_bytes(recording)
    trigger = tmp_path / f"{name}-go"
    reply = tmp_path / f"{name}-reply.raw"
    mic = shlex.join([sys.executable, str(MIC), str(trigger), str(raw)])
    snd = shlex.join(["sh", "-c", f"cat >> {shlex.quote(str(reply))}"])
    uri = f"tcp://127.0.0.1:{port}"
    args = [sys.executable, "-m", "wyoming_satellite", "--uri", uri, "--name", name,
            "--no-zeroconf", "--mic-command", mic, "--snd-command", snd]  # fmt: skip
    return args, trigger, reply


def hub_command(db_url: str, *args: str) -> list[str]:
    return [sys.executable, "-m", "assistant.cli", "hub", "--wake-word", WAKE_WORD, "--verbose",
            "--db", db_url, *args]  # fmt: skip


def orders(db_url: str) -> list[dict[str, Any]]:
    result = run_jangbogi("orders", "list", "--json", "--db", db_url)
    assert result.code == 0, result.err
    return [json.loads(line) for line in result.lines]


def chicken_orders(found: list[dict[str, Any]]) -> bool:
    return all([(line["sku"], line["quantity"]) for line in o["lines"]] == [(CHICKEN_SKU, 1)]
               for o in found)  # fmt: skip


ORDER_AND_YES = (0.5, WAKE, 1.0, CHICKEN, 2.0, YES, 3.0)


@pytest.mark.slow
def test_a_real_satellite_orders_by_voice(db_url: str, tmp_path: Path) -> None:
    recording = spoken(*ORDER_AND_YES)
    port = free_port()
    sat_args, trigger, reply = satellite(tmp_path, "kitchen", port, recording)
    with processes() as started:
        sat = Process(sat_args, tmp_path / "satellite.log")
        started.append(sat)
        hub = Process(hub_command(db_url, "--satellite", f"kitchen=tcp://127.0.0.1:{port}"),
                      tmp_path / "hub.log")  # fmt: skip
        started.append(hub)
        wait_for("the satellite to stream", lambda: "kitchen: streaming" in hub.output(), 120,
                 hub, sat)  # fmt: skip
        trigger.touch()

        def placed_orders() -> list[dict[str, Any]]:
            return [o for o in orders(db_url) if o["status"] == "placed"]

        placed = wait_for("the order", placed_orders, 90, hub, sat)
        wait_for("the spoken reply", lambda: reply.is_file() and reply.stat().st_size > 0, 30,
                 hub, sat)  # fmt: skip
        assert hub.running(), hub.output()
    assert len(placed) == 1 and chicken_orders(placed)
    assert placed[0]["channel"] == "voice"
    assert orders(db_url) == placed  # nothing else
    assert reply.stat().st_size % 2 == 0


@pytest.mark.slow
def test_two_rooms_at_once_order_as_their_members(db_url: str, tmp_path: Path) -> None:
    added = run_jangbogi("member", "add", "민준", "--role", "child", "--db", db_url)
    assert added.code == 0, added.err
    recording = spoken(*ORDER_AND_YES)
    ports = {"kitchen": free_port(), "kids": free_port()}
    with processes() as started:
        triggers = []
        for name, port in ports.items():
            args, trigger, _ = satellite(tmp_path, name, port, recording)
            started.append(Process(args, tmp_path / f"{name}.log"))
            triggers.append(trigger)
        hub = Process(hub_command(db_url, *[f"--satellite={n}=tcp://127.0.0.1:{p}"
                                            for n, p in ports.items()],
                                  "--member-for", "kids=민준"),
                      tmp_path / "hub.log")  # fmt: skip
        started.append(hub)
        wait_for("both satellites to stream",
                 lambda: all(f"{n}: streaming" in hub.output() for n in ports), 120,
                 hub, *started)  # fmt: skip
        for trigger in triggers:
            trigger.touch()

        def both() -> list[dict[str, Any]]:
            found = orders(db_url)
            return found if len(found) >= 2 else []

        found = wait_for("both orders", both, 120, *started)
        assert hub.running(), hub.output()
    by_status = {o["status"]: o for o in found}
    assert len(found) == 2 and chicken_orders(found), found
    assert by_status["placed"]["member"] == "demo"
    assert by_status["pending_approval"]["member"] == "민준"
    pending = run_jangbogi("approvals", "list", "--json", "--db", db_url)
    assert pending.code == 0, pending.err
    assert len(pending.lines) == 1 and "민준" in pending.lines[0]


# --- a satellite that drops mid-question ---------------------------------------------------


def turns_after(log: str, connection: int) -> list[str]:
    """The turns (their intents) the hub logged on its ``connection``-th connection."""
    found: list[str] = []
    for line in log.split("kitchen: connected to")[connection : connection + 1]:
        found += re.findall(r"kitchen: ([a-z_]+)$", line, re.MULTILINE)
    return [intent for intent in found if intent != "disconnected"]


class FakeSatellite:
    """A wyoming satellite on an asyncio server (on its own thread): on each run-satellite it
    asks to run the pipeline from the wake word and streams the next of ``streams``; the
    first stream ends by closing the connection."""

    def __init__(
        self, port: int, streams: list[bytes], start: PipelineStage = PipelineStage.WAKE
    ) -> None:
        self.port = port
        self.streams = list(streams)
        self.start = start
        self.received: list[str] = []
        """The types of the events the hub sent, in order."""
        self.connections = 0
        self.finished = threading.Event()
        self._loop = asyncio.new_event_loop()
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> FakeSatellite:
        self._thread.start()
        assert self._ready.wait(10)
        return self

    def __exit__(self, *exc: object) -> None:
        self._loop.call_soon_threadsafe(self._stop.set)
        self._thread.join(10)

    def _run(self) -> None:
        self._loop.run_until_complete(self._main())

    async def _main(self) -> None:
        self._stop = asyncio.Event()
        server = await asyncio.start_server(self._client, "127.0.0.1", self.port)
        self._ready.set()
        async with server:
            await self._stop.wait()

    async def _client(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.connections += 1
        last = not self.streams[1:]
        pcm = self.streams.pop(0) if self.streams else b""
        try:
            event: Event | None = await async_read_event(reader)
            while event is not None and not RunSatellite.is_type(event.type):
                event = await async_read_event(reader)
            if event is None:
                return
            await async_write_event(
                RunPipeline(start_stage=self.start, end_stage=PipelineStage.TTS).event(), writer
            )
            listening = asyncio.ensure_future(self._hear(reader))
            await async_write_event(AudioStart(rate=16000, width=2, channels=1).event(), writer)
            step = 2048
            for start in range(0, len(pcm), step):
                chunk = AudioChunk(rate=16000, width=2, channels=1, audio=pcm[start : start + step])
                await async_write_event(chunk.event(), writer)
                await asyncio.sleep(step / 2 / 16000)
            if last:
                self.finished.set()
                await self._stop.wait()  # stays connected: the hub hears it to the end
            listening.cancel()
        finally:
            writer.close()

    async def _hear(self, reader: asyncio.StreamReader) -> None:
        while (event := await async_read_event(reader)) is not None:
            self.received.append(event.type)


@pytest.mark.slow
def test_a_satellite_that_drops_forgets_its_question(db_url: str, tmp_path: Path) -> None:
    first = spoken(0.5, WAKE, 1.0, CHICKEN, 2.0)
    second = spoken(0.5, WAKE, 1.0, YES, 3.0)
    port = free_port()
    with FakeSatellite(port, [first, second]) as fake, processes() as started:
        hub = Process(hub_command(db_url, "--satellite", f"kitchen=tcp://127.0.0.1:{port}"),
                      tmp_path / "hub.log")  # fmt: skip
        started.append(hub)
        wait_for("the question", lambda: "kitchen: order" in hub.output(), 120, hub)
        wait_for("the drop", lambda: "kitchen: disconnected" in hub.output(), 30, hub)
        wait_for("the second stream", fake.finished.is_set, 60, hub)
        wait_for("the second turn", lambda: turns_after(hub.output(), 2), 30, hub)
        assert hub.running(), hub.output()
        assert fake.connections == 2
    assert orders(db_url) == []


@pytest.mark.slow
def test_a_satellite_with_its_own_wake_word(db_url: str, tmp_path: Path) -> None:
    """A satellite that heard its wake word itself starts the pipeline at asr: the hub
    listens at once, and the order and the yes land as one order; the satellite gets the
    transcript, the reply text and the reply audio of each turn."""
    port = free_port()
    stream = spoken(0.5, CHICKEN, 2.0, YES, 3.0)
    with (
        FakeSatellite(port, [stream, b""], start=PipelineStage.ASR) as fake,
        processes() as started,
    ):
        hub = Process(hub_command(db_url, "--satellite", f"kitchen=tcp://127.0.0.1:{port}"),
                      tmp_path / "hub.log")  # fmt: skip
        started.append(hub)
        wait_for("the order", lambda: orders(db_url), 120, hub)
        found = orders(db_url)
        assert len(found) == 1 and found[0]["status"] == "placed" and chicken_orders(found)
        wait_for("two replies", lambda: fake.received.count("audio-stop") >= 2, 30, hub)
        first = fake.received[: fake.received.index("audio-stop") + 1]
        assert first[:3] == ["transcript", "synthesize", "audio-start"], first
        assert "detection" not in fake.received  # it woke up by itself


# --- a voice loop that fails ----------------------------------------------------------------


def test_a_failing_voice_loop_reconnects_and_the_hub_keeps_running() -> None:
    """The voice loop's error ends its connection (logged), and the link connects again."""
    from assistant.doors.wyoming.conversations import Conversations
    from assistant.doors.wyoming.hub import Link, Listening, Satellite
    from assistant.doors.wyoming.settings import Access, Endpoint, Limits
    from assistant.errors import JangbogiError

    class FailingLink(Link):
        def _listen(self, *args: Any) -> None:
            raise JangbogiError("the database is gone")

    connections = 0

    async def client(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        nonlocal connections
        connections += 1
        try:
            event = await async_read_event(reader)
            assert event is not None and RunSatellite.is_type(event.type)
            run = RunPipeline(start_stage=PipelineStage.WAKE, end_stage=PipelineStage.TTS)
            await async_write_event(run.event(), writer)
            while True:  # streams until the hub hangs up
                chunk = AudioChunk(rate=16000, width=2, channels=1, audio=bytes(2048))
                await async_write_event(chunk.event(), writer)
                await asyncio.sleep(0.01)
        except (ConnectionError, AssertionError):
            pass
        finally:
            writer.close()

    async def scenario() -> tuple[int, bool]:
        server = await asyncio.start_server(client, "127.0.0.1", 0)
        port = server.sockets[0].getsockname()[1]
        satellite = Satellite("kitchen", Endpoint("127.0.0.1", port), None)
        conversations = Conversations(lambda member: Any, {}, None, 600.0)
        link = FailingLink(satellite, cast(Any, None), conversations, Listening(300, 700, 10.0),
                           Limits(), Access())  # fmt: skip
        link.retry_s = 0.05
        task = asyncio.ensure_future(link.run())
        deadline = time.monotonic() + 20
        while connections < 2 and time.monotonic() < deadline and not task.done():
            await asyncio.sleep(0.05)
        alive = not task.done()
        task.cancel()
        await asyncio.wait([task], timeout=10)
        stopped = task.cancelled()  # a cancel (the hub's SIGTERM) is never swallowed
        server.close()
        return connections, alive and stopped

    reached, alive = asyncio.run(scenario())
    assert reached >= 2 and alive
