"""The voice loop: wake word -> one command until trailing silence -> dialog -> reply.

The frames come from the microphone or from a WAV file standing in for it
(``jangbogi listen --input FILE.wav``); the same dialog and shop as the text
conversation answer each turn.

While a question is pending the loop listens without the wake word (the
confirmation window, :attr:`LiveSettings.follow_up_s`), and every turn heard
then goes through :class:`~assistant.doors.voice_answer.AnswerGate` first: a yes or a
no reaches the dialog only from speech; a turn it rejects is nothing heard
(no reply, the window stays open until it closes, the question stays pending).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from assistant.audio.endpoint import Endpointer
from assistant.dialog.conversation import SECRET, Dialog, Reply
from assistant.doors.voice_answer import AnswerGate, Verdict
from assistant.speech.recogniser import Recognizer, Transcript
from assistant.speech.wake import WakeDetector

WAKE_CONTEXT_FRAMES = 100
"""With --save-audio, the last 3 s (100 frames of 30 ms) before a wake-up are kept."""
PRE_ROLL_FRAMES = 10
"""The answer checks judge a turn from 300 ms (10 frames of 30 ms) before it got loud."""


@dataclass(frozen=True)
class Turn:
    """One spoken turn."""

    transcript: Transcript
    """What the recogniser heard."""
    reply: Reply
    """What the assistant answered."""

    @property
    def heard(self) -> str:
        """The transcript as it may be shown: a PIN is masked."""
        return SECRET if self.reply.secret else self.transcript.text

    def to_json(self) -> dict[str, Any]:
        return {
            "transcript": self.heard,
            "intent": self.reply.intent.name,
            "slots": self.reply.intent.slots.to_json(),
            "reply": self.reply.text,
        }


@dataclass
class LiveSettings:
    """How the live loop listens."""

    follow_up_s: float = 8.0
    """After a question ("주문할까요?") the answer needs no wake word for this long."""
    save_dir: Path | None = None
    """When set, what the recogniser heard is kept here as WAV files (for debugging)."""
    suggest: bool = True
    """After the first answer of the day that asks nothing, say what is running out."""
    answers: AnswerGate | None = None
    """Judges every turn heard while a question is pending; None trusts the recogniser
    (only for scripted recognisers in tests: ``jangbogi listen`` always sets it)."""
    on_judged: Callable[[Verdict], None] | None = None
    """Told what the answer checks made of each turn (the benchmark counts them)."""
    on_wake: Callable[[], None] | None = None
    """Told when the wake word was heard (a hub tells the satellite)."""


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
    listening without one. A dialog that is already asking something starts the loop in
    the follow-up window.
    """
    settings = settings or LiveSettings()
    asking = dialog.pending is not None  # a question asked before the loop started
    listening = wake is None or asking
    follow_until = settings.follow_up_s if wake is not None and asking else 0.0
    heard_s = 0.0
    recognizer = new_recognizer()
    audio: list[bytes] = []
    loud_at: int | None = None  # index in ``audio`` of the turn's first loud frame
    before_wake: deque[bytes] = deque(maxlen=WAKE_CONTEXT_FRAMES)
    for frame in frames:
        heard_s += len(frame) / 32000
        if not listening:
            before_wake.append(frame)
            if wake is not None and wake.feed(frame) is not None:
                listening, recognizer, audio, loud_at = True, new_recognizer(), [], None
                endpointer.reset()
                if settings.on_wake is not None:
                    settings.on_wake()
                if settings.save_dir is not None:  # what the wake-word detector heard
                    _save(settings.save_dir, b"".join(before_wake), "wake")
                before_wake.clear()
            continue
        audio.append(frame)
        recognizer.accept(frame)
        ended = endpointer.feed(frame)
        if loud_at is None and endpointer.started:
            loud_at = len(audio) - 1
        if not ended:
            if wake is not None and not endpointer.started and heard_s > follow_until > 0:
                listening, follow_until = False, 0.0  # the follow-up window closed unanswered
            continue
        transcript = _checked(recognizer.final(), audio, loud_at, dialog, settings)
        endpointer.reset()
        if transcript is None:  # not an answer from speech: as if nothing had been heard
            recognizer, audio, loud_at = new_recognizer(), [], None
            continue
        if settings.save_dir is not None and not dialog.expecting_secret:  # never keep a PIN
            _save(settings.save_dir, b"".join(audio), "turn")
        reply = dialog.handle(transcript.text or " ", clock())
        if settings.suggest and not reply.end and dialog.pending is None:
            suggestion = dialog.opening(clock())  # at most once a day
            if suggestion:
                reply = replace(reply, text=f"{reply.text} {suggestion}")
        yield Turn(transcript, reply)
        if reply.end:
            return
        recognizer, audio, loud_at = new_recognizer(), [], None
        if wake is not None:
            listening = dialog.pending is not None
            follow_until = heard_s + settings.follow_up_s if listening else 0.0
    if listening and endpointer.started:  # the audio ended in the middle of a turn
        transcript = _checked(recognizer.final(), audio, loud_at, dialog, settings)
        if transcript is None:
            return
        if settings.save_dir is not None and not dialog.expecting_secret:
            _save(settings.save_dir, b"".join(audio), "turn")
        if transcript.text:
            yield Turn(transcript, dialog.handle(transcript.text, clock()))


def _checked(
    heard: Transcript, audio: list[bytes], loud_at: int | None, dialog: Dialog,
    settings: LiveSettings,
) -> Transcript | None:  # fmt: skip
    """What the dialog gets of a finished turn; None when the answer checks ignore it."""
    if settings.answers is None or dialog.pending is None:
        return heard
    start = max(0, (loud_at or 0) - PRE_ROLL_FRAMES)
    pcm = b"".join(audio[start:])
    secret = dialog.expecting_secret
    verdict = settings.answers.judge(pcm, heard, secret=secret)
    if settings.on_judged is not None:
        settings.on_judged(verdict)
    if verdict.heard is None and settings.save_dir is not None and not secret:
        _save(settings.save_dir, pcm, "ignored")
    return verdict.heard


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
