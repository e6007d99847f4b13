"""Audio out for one Wyoming reply: text -> ``audio-start``, ``audio-chunk``…, ``audio-stop``.

The reply is rendered by the same text-to-speech as ``jangbogi listen``
(:class:`~assistant.speech.tts.Speaker`: espeak-ng, Korean numbers read the Korean way) into
a temporary WAV file, whose samples are sent in chunks of :data:`SAMPLES_PER_CHUNK`.
"""

from __future__ import annotations

import tempfile
import wave
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from wyoming.audio import AudioChunk, AudioStart, AudioStop
from wyoming.event import Event

from assistant.doors.wyoming.engine import Engine
from assistant.nlu.packs import detect_language

SAMPLES_PER_CHUNK = 1024
"""Samples per ``audio-chunk`` (46 ms at espeak-ng's 22,050 Hz)."""


@dataclass(frozen=True)
class Speech:
    """One rendered reply."""

    rate: int
    """Samples per second."""
    width: int
    """Bytes per sample."""
    channels: int
    """Channels."""
    pcm: bytes
    """The samples."""


def language_of(text: str, wanted: str | None = None) -> str:
    """``ko`` or ``en``: the one asked for, else the script the text is written in."""
    if wanted:
        code = wanted.lower().replace("_", "-").split("-")[0]
        if code in ("ko", "en"):
            return code
    return detect_language(text)


def render(engine: Engine, text: str, lang: str) -> Speech:
    """``text`` spoken in ``lang`` (blocking: run it off the event loop)."""
    with tempfile.TemporaryDirectory(prefix="jangbogi-wyoming-") as tmp:
        path = engine.speaker(lang).render(text, Path(tmp) / "reply.wav")
        with wave.open(str(path), "rb") as wav:
            return Speech(wav.getframerate(), wav.getsampwidth(), wav.getnchannels(),
                          wav.readframes(wav.getnframes()))  # fmt: skip


def audio_events(speech: Speech) -> Iterator[Event]:
    """The reply as Wyoming audio events."""
    yield AudioStart(rate=speech.rate, width=speech.width, channels=speech.channels).event()
    step = SAMPLES_PER_CHUNK * speech.width * speech.channels
    for start in range(0, len(speech.pcm), step):
        yield AudioChunk(rate=speech.rate, width=speech.width, channels=speech.channels,
                         audio=speech.pcm[start : start + step]).event()  # fmt: skip
    yield AudioStop().event()
