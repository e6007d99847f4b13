"""``jangbogi hub``: the household's hub for wyoming-satellite speakers, without Home Assistant.

The hub connects to each satellite the way Home Assistant does: it sends ``run-satellite``,
the satellite answers with ``run-pipeline`` and streams its microphone. A satellite that
detects its own wake word starts at the ``asr`` stage and streams only after it; one that
streams all the time starts at ``wake``, and the hub listens for the wake word on its
stream. From there each satellite runs the voice loop of ``jangbogi listen``
(:func:`~assistant.doors.voice.live_turns`: endpointing, the confirmation window and its
speech checks) on its own thread, with its own conversation and member, and every reply
goes back to the satellite that asked: ``transcript``, ``synthesize``, then the spoken
reply as ``audio-start``, ``audio-chunk``…, ``audio-stop``.

A satellite whose connection drops loses its open question (nothing another room says can
answer it) and is connected again after :attr:`Link.retry_s`.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import queue
from collections.abc import Awaitable, Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from wyoming.asr import Transcript
from wyoming.audio import AudioChunk, AudioChunkConverter
from wyoming.event import Event, async_write_event
from wyoming.pipeline import PipelineStage, RunPipeline
from wyoming.satellite import RunSatellite
from wyoming.tts import Synthesize
from wyoming.wake import Detection

from assistant.audio.endpoint import Endpointer
from assistant.doors.voice import LiveSettings, Turn, live_turns
from assistant.doors.wyoming.conversations import Conversations
from assistant.doors.wyoming.engine import Engine
from assistant.doors.wyoming.settings import Access, Endpoint, Limits
from assistant.doors.wyoming.speaking import audio_events, render
from assistant.doors.wyoming.wire import HEADER_LIMIT, read_event
from assistant.errors import JangbogiError
from assistant.nlu.analysis import clean
from assistant.speech.recogniser import SAMPLE_RATE
from assistant.speech.wake import WakeDetector
from assistant.store.models import utcnow

LOG = logging.getLogger("jangbogi.hub")
FRAME_BYTES = SAMPLE_RATE * 30 // 1000 * 2
"""One 30 ms frame of 16 kHz mono 16-bit audio: what the voice loop takes."""


@dataclass(frozen=True)
class Satellite:
    """One room's speaker."""

    name: str
    """The room ("kitchen"); names its conversation and its lines in the log."""
    endpoint: Endpoint
    """Where its wyoming-satellite listens."""
    member: str | None
    """Who it orders as (None: the household's owner)."""


@dataclass(frozen=True)
class Listening:
    """How every satellite's voice loop listens (from the device profile)."""

    silence_rms: int
    trailing_silence_ms: int
    max_utterance_s: float
    follow_up_s: float = 8.0

    def endpointer(self) -> Endpointer:
        return Endpointer(self.silence_rms, self.trailing_silence_ms, self.max_utterance_s)


class Link:
    """The hub's connection to one satellite, kept up until cancelled."""

    retry_s = 3.0
    """Seconds between two attempts to reach a satellite."""

    def __init__(
        self,
        satellite: Satellite,
        engine: Engine,
        conversations: Conversations,
        listening: Listening,
        limits: Limits,
        access: Access,
    ) -> None:
        self.satellite = satellite
        self.engine = engine
        self.conversations = conversations
        self.listening = listening
        self.limits = limits
        self.access = access
        self.key = f"satellite:{satellite.name}"
        self._thread = ThreadPoolExecutor(1, thread_name_prefix=f"satellite-{satellite.name}")
        """The satellite's voice loop runs here (one long-lived thread per satellite)."""

    async def run(self) -> None:
        """Connect, serve, and connect again after a drop, until cancelled."""
        where = self.satellite.endpoint
        while True:
            try:
                if await self._allowed():
                    reader, writer = await asyncio.open_connection(where.host, where.port,
                                                                   limit=HEADER_LIMIT)  # fmt: skip
                    LOG.info("%s: connected to %s", self.satellite.name, where)
                    try:
                        await self._serve(reader, writer)
                        LOG.info("%s: disconnected", self.satellite.name)
                    except (OSError, JangbogiError) as exc:  # a drop, a bad event, or a
                        # voice loop that failed (its database, say): not "cannot reach"
                        LOG.warning("%s: disconnected (%s)", self.satellite.name, exc)
                    except Exception:  # a bug must not end the other rooms' hub
                        LOG.exception("%s: unexpected error; reconnecting", self.satellite.name)
                    finally:
                        writer.close()
                        self.conversations.forget(self.key)  # no "yes" from elsewhere answers it
            except OSError as exc:
                LOG.warning("%s: cannot reach %s (%s)", self.satellite.name, where, exc)
            await asyncio.sleep(self.retry_s)

    async def _allowed(self) -> bool:
        where = self.satellite.endpoint
        found = await asyncio.get_running_loop().getaddrinfo(where.host, where.port)
        hosts = {str(info[4][0]) for info in found}
        refused = sorted(h for h in hosts if not self.access.permits(h))
        if refused:
            LOG.error("%s: %s resolves to %s, which --allow does not permit",
                      self.satellite.name, where.host, ", ".join(refused))  # fmt: skip
        return not refused

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        """One connection: ``run-satellite``, then the satellite's stream into its voice loop
        until the connection ends (or the loop fails: then its error is raised here)."""
        loop = asyncio.get_running_loop()
        lock = asyncio.Lock()

        async def send(event: Event) -> None:
            async with lock:
                await async_write_event(event, writer)

        await send(RunSatellite().event())
        feed = _Feed(self.satellite.name, max(1, round(self.limits.frames_queued_s * 1000 / 30)))
        worker: asyncio.Future[None] | None = None
        try:
            while True:
                event = await read_event(reader, self.limits.max_event_bytes)
                if event is None or (worker is not None and worker.done()):
                    break  # a voice loop that failed raises below, and the link reconnects
                if RunPipeline.is_type(event.type) and worker is None:
                    run = RunPipeline.from_event(event)
                    wake = run.start_stage == PipelineStage.WAKE
                    LOG.info("%s: streaming (%s)", self.satellite.name,
                             "the hub listens for the wake word" if wake else "woken")  # fmt: skip
                    speak = run.end_stage == PipelineStage.TTS
                    worker = loop.run_in_executor(self._thread, self._listen, feed.frames, wake,
                                                  speak, send, loop)  # fmt: skip
                elif AudioChunk.is_type(event.type) and worker is not None:
                    feed.add(AudioChunk.from_event(event))
        finally:
            if worker is not None:
                _put_last(feed.frames)
                await asyncio.wait([worker])  # its failure must not swallow a cancellation
        failed = worker.exception() if worker is not None else None
        if failed is not None:
            raise failed

    def _listen(
        self,
        frames: queue.Queue[bytes | None],
        wake: bool,
        speak: bool,
        send: Callable[[Event], Awaitable[None]],
        loop: asyncio.AbstractEventLoop,
    ) -> None:
        """The voice loop over the satellite's stream (on its own thread). When the stream
        ends, a turn still being spoken is dropped: never answered, never a "yes"."""

        async def sent(event: Event) -> None:
            await send(event)

        def tell(event: Event) -> None:
            asyncio.run_coroutine_threadsafe(sent(event), loop).result()

        engine = self.engine
        detector = None
        if wake:
            detector = WakeDetector(engine.model, engine.wake_word, engine.grammar or [])
        settings = LiveSettings(follow_up_s=self.listening.follow_up_s, answers=engine.answers,
                                suggest=False, on_wake=lambda: tell(
                                    Detection(name=engine.wake_word).event()))  # fmt: skip
        with self.conversations.holding(self.key, self.satellite.member) as conversation:
            try:
                while True:  # a "그만" ends one loop; the satellite keeps listening
                    turns = live_turns(_frames(frames), detector, engine.recognizer,
                                       self.listening.endpointer(), conversation.dialog, utcnow,
                                       settings)  # fmt: skip
                    for turn in turns:
                        self._answer(turn, speak, tell)
            except _StreamEnded:
                return

    def _answer(self, turn: Turn, speak: bool, tell: Callable[[Event], None]) -> None:
        LOG.info("%s: %s", self.satellite.name, turn.reply.intent.name)  # never the words
        tell(Transcript(text=clean(turn.heard)).event())
        tell(Synthesize(text=turn.reply.text).event())
        if not speak:
            return
        try:
            speech = render(self.engine, turn.reply.text, turn.reply.intent.lang)
        except JangbogiError as exc:
            LOG.warning("%s: the reply could not be spoken: %s", self.satellite.name, exc)
            return
        for event in audio_events(speech):
            tell(event)


class _Feed:
    """A satellite's audio as the 30 ms frames its voice loop takes, at most ``most`` queued
    (a loop that falls that far behind loses the newest audio, and it is logged once)."""

    def __init__(self, name: str, most: int) -> None:
        self.frames: queue.Queue[bytes | None] = queue.Queue(most)
        self._name = name
        self._convert = AudioChunkConverter(rate=SAMPLE_RATE, width=2, channels=1)
        self._pending = b""
        self.dropped = 0
        """Frames that found the queue full."""

    def add(self, chunk: AudioChunk) -> None:
        """One chunk of any rate, width and channels, cut into frames."""
        self._pending += self._convert.convert(chunk).audio
        whole = len(self._pending) - len(self._pending) % FRAME_BYTES
        for start in range(0, whole, FRAME_BYTES):
            try:
                self.frames.put_nowait(self._pending[start : start + FRAME_BYTES])
            except queue.Full:
                self.dropped += 1
                if self.dropped == 1:
                    LOG.warning("%s: falling behind; audio dropped", self._name)
        self._pending = self._pending[whole:]


class _StreamEnded(Exception):
    """The satellite's connection ended: the voice loop stops where it is."""


def _frames(frames: queue.Queue[bytes | None]) -> Iterator[bytes]:
    """The frames a satellite streams; :class:`_StreamEnded` at the end (a None in the queue),
    raised rather than returned so the voice loop does not answer a turn cut short."""
    while True:
        frame = frames.get()
        if frame is None:
            frames.put(None)  # a later loop (after "그만") ends at once too
            raise _StreamEnded
        yield frame


def _put_last(frames: queue.Queue[bytes | None]) -> None:
    """Tell the voice loop that the stream ended, even when its queue is full."""
    while True:
        try:
            frames.put_nowait(None)
            return
        except queue.Full:
            with contextlib.suppress(queue.Empty):
                frames.get_nowait()


async def run_hub(links: list[Link], ready: Callable[[], None] | None = None) -> None:
    """Keep every satellite connected until cancelled."""
    if ready is not None:
        ready()
    await asyncio.gather(*(link.run() for link in links))
