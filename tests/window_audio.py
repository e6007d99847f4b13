"""Audio replayed into the voice loop's open confirmation window.

Shared by ``tests/test_voice_window.py`` and ``bench/noise_window_bench.py``.
:class:`WindowRig` asks "…주문할까요?" through the dialog (a text turn), then
feeds audio through :func:`assistant.doors.voice.live_turns` with the real wake-word
detector, so the follow-up window (no wake word needed) is the one open. The
real short answers are cut at run time from the shared speech clips (never
copied into the project): the clip is decoded with a grammar made of its own
transcript's words, and the answer word is cut out at the times Vosk gives.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import numpy as np

from assistant.audio.devices import load_profiles
from assistant.audio.endpoint import Endpointer
from assistant.audio.wavfile import read_wav
from assistant.cli.voice import answer_gate
from assistant.dialog.conversation import Dialog
from assistant.dialog.pending import PendingOrder
from assistant.doors.voice import LiveSettings, Turn, live_turns
from assistant.doors.voice_answer import AnswerGate, Verdict
from assistant.shop.service import ShopService
from assistant.speech.recogniser import Recognizer, knows_word, transcribe
from assistant.speech.wake import WakeDetector
from assistant.store import db
from assistant.store.models import Channel

ROOT = Path(__file__).resolve().parent.parent
SPEECH = ROOT.parent / "shared" / "data" / "speech"
FIXTURES = ROOT / "audio_fixtures"
NOISE_FIXTURES = ("noise_16k.wav", "clipped_16k.wav", "tone_440_44k1_stereo.wav",
                  "tone_8bit_8k.wav", "tone_24bit_48k.wav", "tone_float32_22k.wav")  # fmt: skip
FIXTURE_PADS_S = (0.0, 0.1, 0.5)
"""Quiet before a fixture when replayed: the same noise decodes differently after a pause
(the clipped fixture comes out as "응" right at the window's start, as "우유 은" 0.3 s in)."""
ORDER = "서울우유 흰우유 1L 한 개 주문해 줘"
"""The text turn that opens the question ("…주문할까요?")."""
NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


@dataclass(frozen=True)
class AnswerClip:
    """A short answer inside a shared speech clip."""

    file: str
    """The clip in ``../shared/data/speech``."""
    words: tuple[str, ...]
    """Its transcript's words (the alignment grammar)."""
    word: str
    """The answer word to cut out."""
    kind: str
    """``yes`` or ``no``."""


PFC00008 = ("네", "치킨", "한", "마리", "요", "어디로", "배달", "드릴까요")
"""emo_pfc00008.wav: "네, 치킨 한 마리요, 어디로 배달해드릴까요?"."""
ANSWER_CLIPS = (
    AnswerClip("emo_lmy02230.wav", ("네", "오천원", "입니다"), "네", "yes"),  # "네. 오천원입니다."
    AnswerClip("emo_pfc00008.wav", PFC00008, "네", "yes"),
    AnswerClip(
        "emo_pmj00016.wav", ("아니요", "무료", "입니다"), "아니요", "no"
    ),  # "아니요. 무료입니다."
)


def pcm_of(path: Path) -> bytes:
    return read_wav(path).pcm


def quiet(seconds: float, seed: int = 0) -> bytes:
    """Room tone: faint noise (RMS ~3 of 32767), far below the endpointer's threshold."""
    rng = np.random.default_rng(seed)
    return np.asarray(rng.normal(0, 3, round(seconds * 16000)), dtype="<i2").tobytes()


def cut_answer(model: Any, clip: AnswerClip) -> bytes | None:
    """The answer word of ``clip`` (up to the next word), or None when it was not found."""
    pcm = pcm_of(SPEECH / clip.file)
    grammar = [w for w in clip.words if knows_word(model, w)] + ["<UNK>"]
    words = transcribe(pcm, model, grammar=grammar).words
    for i, word in enumerate(words):
        if word.text == clip.word:
            start = max(0.0, word.start - 0.1)
            end = word.end + 0.05
            if i + 1 < len(words):
                end = min(end, words[i + 1].start)
            return pcm[round(start * 16000) * 2 : round(end * 16000) * 2]
    return None


def scaled(pcm: bytes, gain: float) -> bytes:
    samples = np.frombuffer(pcm, dtype="<i2").astype(np.float64) * gain
    return np.asarray(np.clip(np.rint(samples), -32768, 32767), dtype="<i2").tobytes()


def frames(pcm: bytes, ms: int = 30) -> Iterator[bytes]:
    step = 16000 * ms // 1000 * 2
    for start in range(0, len(pcm) - step + 1, step):
        yield pcm[start : start + step]


@dataclass
class Replay:
    """What one replay into the window did."""

    turns: list[Turn] = field(default_factory=list)
    """The turns the dialog answered."""
    verdicts: list[Verdict] = field(default_factory=list)
    """What the answer checks made of each turn."""

    @property
    def ignored(self) -> list[Verdict]:
        return [v for v in self.verdicts if v.ignored]


@dataclass
class WindowRig:
    """A conversation whose question is pending, and the voice loop's parts on one model."""

    url: str
    model: Any
    command_grammar: list[str]
    wake_word: str = "장보기"
    counts: Counter[str] = field(default_factory=Counter)
    """Totals over every replay: windows, turns by intent, ignored turns by reason."""
    now: datetime = NOW
    """The conversation's clock: a day later for each new question (no duplicate guard)."""

    def __post_init__(self) -> None:
        profile = load_profiles()["default"]
        self.dialog = Dialog(ShopService(db.session_factory(db.open_engine(self.url))),
                             Channel.VOICE)  # fmt: skip
        self.gate: AnswerGate = answer_gate(self.model, self.dialog.parser)  # as `listen` does
        self.wake = WakeDetector(self.model, self.wake_word, self.command_grammar)
        self.endpointer = Endpointer(profile.silence_rms, profile.trailing_silence_ms,
                                     profile.max_utterance_s)  # fmt: skip

    def ask(self) -> str:
        """Make sure "…주문할까요?" is pending (a text turn); the reply."""
        if isinstance(self.dialog.pending, PendingOrder):
            return ""
        self.now += timedelta(days=1)
        if self.dialog.pending is not None:  # an offer after an order, a choice: not this one
            self.dialog.handle("아니", self.now)
        reply = self.dialog.handle(ORDER, self.now).text
        assert self.dialog.pending is not None, reply
        return reply

    def replay(self, pcm: bytes) -> Replay:
        """Ask, then feed ``pcm`` (and 1 s of quiet) into the open window."""
        self.ask()
        self.endpointer.reset()
        self.counts["windows"] += 1
        done = Replay()
        settings = LiveSettings(suggest=False, answers=self.gate, on_judged=done.verdicts.append)
        audio = frames(pcm + quiet(1.0))
        turns = live_turns(audio, self.wake, self._recognizer, self.endpointer, self.dialog,
                           lambda: self.now, settings)  # fmt: skip
        for turn in turns:
            done.turns.append(turn)
            self.counts[f"intent {turn.reply.intent.name}"] += 1
        for verdict in done.verdicts:
            self.counts[f"{'ignored' if verdict.ignored else 'passed'}: {verdict.reason}"] += 1
            if verdict.said == "yes":
                self.counts["turns the command grammar alone took for a yes"] += 1
        return done

    def _recognizer(self) -> Recognizer:
        return Recognizer(self.model, grammar=self.command_grammar)
