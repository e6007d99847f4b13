"""``jangbogi serve``: one Wyoming server offering speech-to-text, conversation and speech.

Home Assistant adds it as a Wyoming integration and uses it as the STT and the conversation
agent of an Assist pipeline; any Wyoming client can use it the same way.

- ``describe`` -> ``info``: asr (the Korean model), handle (ko, en), tts (ko, en);
- ``transcribe`` + ``audio-start``, ``audio-chunk``…, ``audio-stop`` -> ``transcript``
  (:mod:`.listening`);
- ``transcript`` -> ``handled`` (or ``not-handled`` when it was nothing for a shop), through
  the same dialog, shop and money rules as text and voice, one conversation per room
  (:mod:`.conversations`);
- ``synthesize`` -> ``audio-start``, ``audio-chunk``…, ``audio-stop`` (:mod:`.speaking`).

Each connection is served on its own task; recognition, the dialog and speech run on a
pool of threads, so four rooms speaking at once do not wait for each other. A malformed or
oversized event closes that connection with a log line, never the server.
"""

from __future__ import annotations

import asyncio
import itertools
import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, TypeVar

from wyoming.asr import Transcribe, Transcript
from wyoming.audio import AudioChunk, AudioStart, AudioStop
from wyoming.error import Error
from wyoming.event import Event
from wyoming.handle import Handled, NotHandled
from wyoming.info import (
    AsrModel,
    AsrProgram,
    Attribution,
    Describe,
    HandleModel,
    HandleProgram,
    Info,
    TtsProgram,
    TtsVoice,
)
from wyoming.server import AsyncEventHandler
from wyoming.tts import Synthesize

from assistant.doors.wyoming.conversations import Conversations, conversation_key
from assistant.doors.wyoming.engine import Engine
from assistant.doors.wyoming.listening import Transcription
from assistant.doors.wyoming.settings import Access, Endpoint, Limits
from assistant.doors.wyoming.speaking import audio_events, language_of, render
from assistant.doors.wyoming.wire import HEADER_LIMIT, context_of, read_event, text_field
from assistant.errors import JangbogiError, WireError
from assistant.nlu.analysis import clean
from assistant.nlu.intents import IntentName
from assistant.store.models import utcnow

LOG = logging.getLogger("jangbogi.serve")
T = TypeVar("T")
ATTRIBUTION = Attribution(name="Jangbogi", url="https://github.com/jangbogi/jangbogi")
MODEL_NAME = "vosk-model-small-ko-0.22"


def describe(model_name: str = MODEL_NAME) -> Info:
    """What the server offers (the answer to ``describe``)."""

    def artifact(name: str, description: str) -> dict[str, Any]:
        return {"name": name, "attribution": ATTRIBUTION, "installed": True,
                "description": description}  # fmt: skip

    return Info(
        asr=[AsrProgram(**artifact("jangbogi-asr", "Vosk with the shop grammar"),
                        models=[AsrModel(**artifact(model_name, "Korean"), languages=["ko"])])],
        handle=[HandleProgram(**artifact("jangbogi", "Grocery orders by voice"),
                              models=[HandleModel(**artifact("jangbogi", "Korean and English"),
                                                  languages=["ko", "en"])])],
        tts=[TtsProgram(**artifact("jangbogi-tts", "espeak-ng"),
                        voices=[TtsVoice(**artifact("ko", "Korean"), languages=["ko"]),
                                TtsVoice(**artifact("en", "English"), languages=["en"])])],
    )  # fmt: skip


@dataclass
class Door:
    """What every connection of one server shares."""

    engine: Engine
    conversations: Conversations
    limits: Limits = field(default_factory=Limits)
    access: Access = field(default_factory=Access)
    pool: ThreadPoolExecutor = field(
        default_factory=lambda: ThreadPoolExecutor(8, thread_name_prefix="wyoming")
    )
    info: Event = field(default_factory=lambda: describe().event())
    _ids: Any = field(default_factory=lambda: itertools.count(1))

    def next_id(self) -> str:
        return str(next(self._ids))

    async def run(self, step: Callable[..., T], *args: Any) -> T:
        """``step(*args)`` on the pool (blocking work off the event loop)."""
        return await asyncio.get_running_loop().run_in_executor(self.pool, step, *args)


class Connection(AsyncEventHandler):  # type: ignore[misc]  # wyoming ships no types
    """One client's connection."""

    def __init__(
        self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter, door: Door
    ) -> None:
        super().__init__(reader, writer)
        self.door = door
        self.id = door.next_id()
        peer = writer.get_extra_info("peername")
        self.host = str(peer[0]) if isinstance(peer, tuple) else "local"
        self.name = f"#{self.id} {self.host}"
        self._stream: Transcription | None = None
        self._language: str | None = None

    async def run(self) -> None:
        """Events until the client leaves or sends one that cannot be read."""
        if not self.door.access.permits(self.host):
            LOG.warning("%s: not in --allow; connection refused", self.name)
            await self._close()
            return
        try:
            while True:
                event = await read_event(self.reader, self.door.limits.max_event_bytes)
                if event is None or not await self.handle_event(event):
                    break
        except WireError as exc:
            LOG.warning("%s: %s; connection closed", self.name, exc)
        except (KeyError, TypeError, ValueError) as exc:
            LOG.warning("%s: a malformed event (%s: %s); connection closed",
                        self.name, type(exc).__name__, exc)  # fmt: skip
        except (ConnectionError, asyncio.IncompleteReadError):
            LOG.info("%s: the connection dropped", self.name)
        except Exception:  # one connection's failure never stops the server
            LOG.exception("%s: unexpected error; connection closed", self.name)
        finally:
            await self.disconnect()
            await self._close()

    async def handle_event(self, event: Event) -> bool:
        door = self.door
        if Describe.is_type(event.type):
            await self.write_event(door.info)
        elif Transcribe.is_type(event.type):
            self._language = text_field(event, "language")
        elif AudioStart.is_type(event.type):
            self._stream = Transcription(door.engine, door.limits.max_audio_s)
        elif AudioChunk.is_type(event.type):
            if self._stream is None:  # a stream without audio-start
                self._stream = Transcription(door.engine, door.limits.max_audio_s)
            await door.run(self._stream.feed, AudioChunk.from_event(event))
        elif AudioStop.is_type(event.type):
            await self._transcribed()
        elif Transcript.is_type(event.type):
            await self.write_event(await door.run(self._handle, event))
        elif Synthesize.is_type(event.type):
            await self._speak(event)
        else:
            LOG.debug("%s: ignored a %s event", self.name, event.type)
        return True

    async def disconnect(self) -> None:
        if self._stream is not None:
            LOG.info("%s: left in the middle of an audio stream (%.1f s); it was dropped",
                     self.name, self._stream.seconds)  # fmt: skip
            self._stream = None
        self.door.conversations.forget(conversation_key({}, self.id))

    async def _transcribed(self) -> None:
        stream, self._stream = self._stream, None
        if stream is None:
            LOG.debug("%s: audio-stop without a stream", self.name)
            return
        heard = await self.door.run(stream.finish)
        if stream.cut:
            LOG.warning("%s: the audio stream was longer than %g s; the rest was not heard",
                        self.name, self.door.limits.max_audio_s)  # fmt: skip
        await self.write_event(Transcript(text=clean(heard.text)).event())

    def _handle(self, event: Event) -> Event:
        """One utterance through its room's conversation (on the pool)."""
        text = text_field(event, "text") or ""
        context = context_of(event)
        conversations = self.door.conversations
        key = conversation_key(context, self.id)
        member = conversations.member_for(context.get("satellite_id"), context.get("device_id"))
        answer: dict[str, Any] = {"conversation_id": context.get("conversation_id", key)}
        try:
            with conversations.holding(key, member) as conversation:
                reply = conversation.dialog.handle(text, utcnow())
        except JangbogiError as exc:  # a configured member that is gone, a database down
            LOG.warning("%s: could not answer: %s", self.name, exc)
            return NotHandled(text=str(exc), context=answer).event()
        LOG.info("%s: %s -> %s", self.name, key, reply.intent.name)  # never the words (a PIN)
        if reply.intent.name == IntentName.NONE:
            return NotHandled(text=reply.text, context=answer).event()
        return Handled(text=reply.text, context=answer).event()

    async def _speak(self, event: Event) -> None:
        text = text_field(event, "text") or ""
        if not text.strip():
            LOG.warning("%s: asked to say nothing", self.name)
            return
        voice = (event.data or {}).get("voice")
        wanted = voice.get("language") or voice.get("name") if isinstance(voice, dict) else None
        lang = language_of(text, wanted if isinstance(wanted, str) else None)
        try:
            speech = await self.door.run(render, self.door.engine, text, lang)
        except JangbogiError as exc:  # espeak-ng missing or failing: the client is told
            LOG.warning("%s: could not speak: %s", self.name, exc)
            await self.write_event(Error(text=str(exc), code="tts-failed").event())
            return
        for audio in audio_events(speech):
            await self.write_event(audio)

    async def _close(self) -> None:
        try:
            self.writer.close()
            await self.writer.wait_closed()
        except (ConnectionError, OSError):
            pass


async def serve(endpoint: Endpoint, door: Door, ready: Callable[[str], None] | None = None) -> None:
    """Serve until cancelled; ``ready`` is told the address once it is listening."""

    async def connected(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await Connection(reader, writer, door).run()

    server = await asyncio.start_server(connected, endpoint.host, endpoint.port,
                                        limit=HEADER_LIMIT)  # fmt: skip
    bound = server.sockets[0].getsockname()
    address = str(Endpoint(endpoint.host, int(bound[1])))
    if ready is not None:
        ready(address)
    async with server:
        await server.serve_forever()
