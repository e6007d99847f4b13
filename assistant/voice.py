"""The voice loop on recorded audio: utterances -> transcript -> dialog -> reply (printed, spoken).

A WAV file stands in for the microphone (``jangbogi listen --input FILE.wav
--no-wake``): the recording is heard as if the wake word had just been said,
each utterance Vosk ends on silence is one turn, and the same dialog and shop
as the text conversation answer it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from assistant.asr import Recognizer, Transcript
from assistant.dialog import Dialog, Reply

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
