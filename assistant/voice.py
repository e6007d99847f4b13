"""The voice loop on recorded audio: utterances -> transcript -> dialog -> reply (printed, spoken).

A WAV file stands in for the microphone (``jangbogi listen --input FILE.wav
--no-wake``): the recording is heard as if the wake word had just been said,
each utterance Vosk ends on silence is one turn, and the same dialog and shop
as the text conversation answer it.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from assistant.asr import Recognizer, Transcript
from assistant.audio.endpoint import Endpointer
from assistant.dialog import Dialog, Reply
from assistant.wake import WakeDetector

WAKE_CONTEXT_FRAMES = 100
"""With --save-audio, the last 3 s (100 frames of 30 ms) before a wake-up are kept."""
CHUNK_BYTES = 6400
"""200 ms of 16 kHz mono 16-bit audio."""


@dataclass(frozen=True)
class Turn:
    """One spoken turn."""

    transcript: Transcript
    """What the recogniser heard."""
    reply: Reply
    """What the assistant answered."""

    def to_json(self) -> dict[str, Any]:
        return {
            "transcript": self.transcript.text,
            "intent": self.reply.intent.name,
            "slots": self.reply.intent.slots.to_json(),
            "reply": self.reply.text,
        }


def utterances(pcm: bytes, recognizer: Recognizer) -> Iterator[Transcript]:
    """Split a recording into utterances at the silences Vosk detects; skip empty ones."""
    for offset in range(0, len(pcm), CHUNK_BYTES):
        if recognizer.accept(pcm[offset : offset + CHUNK_BYTES]):
            heard = recognizer.result()
            if heard.text:
                yield heard
    heard = recognizer.final()
    if heard.text:
        yield heard


def replay(
    pcm: bytes, recognizer: Recognizer, dialog: Dialog, clock: Callable[[], datetime]
) -> Iterator[Turn]:
    """Every turn of a recording, answered by the dialog, until the user says stop."""
    for heard in utterances(pcm, recognizer):
        reply = dialog.handle(heard.text, clock())
        yield Turn(heard, reply)
        if reply.end:
            return


@dataclass
class LiveSettings:
    """How the live loop listens."""

    follow_up_s: float = 8.0
    """After a question ("주문할까요?") the answer needs no wake word for this long."""
    save_dir: Path | None = None
    """When set, what the recogniser heard is kept here as WAV files (for debugging)."""


def live_turns(
    frames: Iterable[bytes],
    wake: WakeDetector | None,
    new_recognizer: Callable[[], Recognizer],
    endpointer: Endpointer,
    dialog: Dialog,
    clock: Callable[[], datetime],
    settings: LiveSettings | None = None,
) -> Iterator[Turn]:
    """Wake word -> one command until trailing silence -> reply; follow-ups need no wake word.

    ``wake=None`` behaves as if the wake word had just been heard (``--no-wake``) and keeps
    listening without one.
    """
    settings = settings or LiveSettings()
    listening = wake is None
    follow_until = 0.0
    heard_s = 0.0
    recognizer = new_recognizer()
    audio: list[bytes] = []
    before_wake: deque[bytes] = deque(maxlen=WAKE_CONTEXT_FRAMES)
    for frame in frames:
        heard_s += len(frame) / 32000
        if not listening:
            before_wake.append(frame)
            if wake is not None and wake.feed(frame) is not None:
                listening, recognizer, audio = True, new_recognizer(), []
                endpointer.reset()
                if settings.save_dir is not None:  # what the wake-word detector heard
                    _save(settings.save_dir, b"".join(before_wake), "wake")
                before_wake.clear()
            continue
        audio.append(frame)
        recognizer.accept(frame)
        if not endpointer.feed(frame):
            if wake is not None and not endpointer.started and heard_s > follow_until > 0:
                listening, follow_until = False, 0.0  # the follow-up window closed unanswered
            continue
        transcript = recognizer.final()
        endpointer.reset()
        if settings.save_dir is not None:
            _save(settings.save_dir, b"".join(audio), "turn")
        reply = dialog.handle(transcript.text or " ", clock())
        yield Turn(transcript, reply)
        if reply.end:
            return
        recognizer, audio = new_recognizer(), []
        if wake is not None:
            listening = dialog.pending is not None
            follow_until = heard_s + settings.follow_up_s if listening else 0.0
    if listening and endpointer.started:  # the audio ended in the middle of a turn
        transcript = recognizer.final()
        if settings.save_dir is not None:
            _save(settings.save_dir, b"".join(audio), "turn")
        if transcript.text:
            yield Turn(transcript, dialog.handle(transcript.text, clock()))


def _save(directory: Path, pcm: bytes, kind: str) -> Path:
    import time
    import wave

    directory.mkdir(parents=True, exist_ok=True)
    stamp = f"{time.strftime('%Y%m%d-%H%M%S')}-{time.monotonic_ns() % 10**6}"
    path = directory / f"{kind}-{stamp}.wav"
    with wave.open(str(path), "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(16000)
        wav.writeframes(pcm)
    return path
