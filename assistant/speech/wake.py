"""Wake-word detection on a stream of 16 kHz frames.

A Vosk recogniser with a small grammar: the wake word plus *filler* words (the
compiled shopping grammar). Measured on real shop talk: with only
``[wake word, "<UNK>"]`` almost any speech is forced onto the wake word (this
model has no real garbage word), while with the fillers ordinary speech lands
on other words and the wake word must really be said.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from assistant.errors import SpeechModelError
from assistant.speech.recogniser import SAMPLE_RATE

MIN_CONFIDENCE = 0.9
"""A wake word heard with less confidence than this is ignored."""


@dataclass(frozen=True)
class Wake:
    """The wake word was heard."""

    word: str
    """The wake word."""
    end: float
    """Seconds into the stream where it ended."""
    confidence: float
    """Vosk's word confidence."""


class WakeDetector:
    """Feeds frames; reports the wake word when it is heard with enough confidence."""

    def __init__(self, model: Any, wake_word: str, fillers: Iterable[str]) -> None:
        import vosk

        if model.vosk_model_find_word(wake_word) == -1:
            raise SpeechModelError(
                f"the wake word {wake_word!r} is not in the speech model's vocabulary; "
                "choose another in the device profile"
            )
        self.wake_word = wake_word
        words = sorted({wake_word, "<UNK>", *fillers})
        self._rec = vosk.KaldiRecognizer(model, SAMPLE_RATE, json.dumps(words, ensure_ascii=False))
        self._rec.SetWords(True)
        self._seconds = 0.0

    def feed(self, frame: bytes) -> Wake | None:
        """One frame of audio; a :class:`Wake` when an utterance containing the word ended."""
        self._seconds += len(frame) / (2 * SAMPLE_RATE)
        if not self._rec.AcceptWaveform(frame):
            return None
        return self._find(self._rec.Result())

    def flush(self) -> Wake | None:
        """End of the stream."""
        return self._find(self._rec.FinalResult())

    def _find(self, raw: str) -> Wake | None:
        for word in json.loads(raw).get("result", []):
            if word.get("word") == self.wake_word and float(word.get("conf", 0)) >= MIN_CONFIDENCE:
                return Wake(self.wake_word, float(word.get("end", self._seconds)),
                            float(word["conf"]))  # fmt: skip
        return None
