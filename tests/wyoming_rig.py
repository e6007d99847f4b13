"""A real ``jangbogi serve`` process and a Wyoming client for it (the ``wyoming`` package's)."""

from __future__ import annotations

import asyncio
import os
import re
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from wyoming.asr import Transcribe
from wyoming.audio import AudioChunk, AudioStart, AudioStop
from wyoming.client import AsyncTcpClient
from wyoming.event import Event
from wyoming.info import Describe
from wyoming.tts import Synthesize

ROOT = Path(__file__).resolve().parent.parent
CHUNK = 2048
"""Bytes of 16 kHz mono 16-bit audio per audio-chunk (64 ms, as satellites send)."""


@dataclass
class Served:
    """A running server: its port and what it logged so far."""

    proc: subprocess.Popen[str]
    port: int
    err: list[str] = field(default_factory=list)

    @property
    def log(self) -> str:
        return "".join(self.err)


@contextmanager
def serving(db_url: str, data_home: Path, *extra: str, uri: str = "tcp://127.0.0.1:0") -> (
    Iterator[Served]
):  # fmt: skip
    """``jangbogi serve`` until the block ends; then it must stop cleanly on SIGTERM."""
    env = {**os.environ, "XDG_DATA_HOME": str(data_home)}
    env.pop("JANGBOGI_LANG", None)
    proc = subprocess.Popen(
        [sys.executable, "-m", "assistant.cli", "serve", "--uri", uri, "--db", db_url,
         "--verbose", *extra],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT,
    )  # fmt: skip
    err: list[str] = []
    assert proc.stderr is not None and proc.stdout is not None
    stderr = proc.stderr
    reader = threading.Thread(target=lambda: err.extend(iter(stderr.readline, "")), daemon=True)
    reader.start()
    try:
        line = proc.stdout.readline()
        found = re.search(r"listening on tcp://.*:(\d+) ", line)
        assert found, (line, "".join(err))
        served = Served(proc, int(found.group(1)), err)
        yield served
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(30) == 0, served.log
        reader.join(5)
        assert "Traceback" not in served.log, served.log
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(10)


class Client:
    """One Wyoming connection to the server."""

    def __init__(self, port: int) -> None:
        self._client = AsyncTcpClient("127.0.0.1", port)

    async def __aenter__(self) -> Client:
        await self._client.connect()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self._client.disconnect()

    async def send(self, event: Event) -> None:
        await self._client.write_event(event)

    async def read(self, timeout: float = 60.0) -> Event | None:
        event: Event | None = await asyncio.wait_for(self._client.read_event(), timeout)
        return event

    async def describe(self) -> dict[str, Any]:
        await self.send(Describe().event())
        event = await self.read()
        assert event is not None and event.type == "info"
        return dict(event.data)

    async def transcribe(self, pcm: bytes, *, rate: int = 16000, pace: float = 0.0) -> str:
        """The transcript of ``pcm``; ``pace`` > 0 sends it at that many times real time."""
        await self.send(Transcribe(language="ko").event())
        await self.send(AudioStart(rate=rate, width=2, channels=1).event())
        for start in range(0, len(pcm), CHUNK):
            await self.send(AudioChunk(rate=rate, width=2, channels=1,
                                       audio=pcm[start : start + CHUNK]).event())  # fmt: skip
            if pace:
                await asyncio.sleep(CHUNK / 2 / rate / pace)
        await self.send(AudioStop().event())
        event = await self.read()
        assert event is not None and event.type == "transcript", event
        return str(event.data["text"])

    async def handle(self, text: str, **context: str) -> tuple[str, str]:
        """(``handled`` or ``not-handled``, the reply text)."""
        data: dict[str, Any] = {"text": text}
        if context:
            data["context"] = context
        await self.send(Event(type="transcript", data=data))
        event = await self.read()
        assert event is not None and event.type in ("handled", "not-handled"), event
        return event.type, str(event.data.get("text", ""))

    async def synthesize(self, text: str, **voice: str) -> tuple[dict[str, Any], bytes]:
        """(the audio-start data, the audio) of a spoken ``text``."""
        event = Synthesize(text=text).event()
        if voice:
            event.data["voice"] = voice
        await self.send(event)
        start = await self.read()
        assert start is not None and start.type == "audio-start", start
        audio = b""
        while True:
            chunk = await self.read()
            assert chunk is not None
            if chunk.type == "audio-stop":
                return dict(start.data), audio
            assert chunk.type == "audio-chunk", chunk
            audio += chunk.payload or b""


async def say(port: int, text: str, **context: str) -> tuple[str, str]:
    """One utterance on a new connection, as Home Assistant sends each one."""
    async with Client(port) as client:
        return await client.handle(text, **context)


async def hear(port: int, pcm: bytes) -> str:
    async with Client(port) as client:
        return await client.transcribe(pcm)


def wait_for(predicate: Any, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.1)
