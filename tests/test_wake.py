"""Wake word: real speech of the word wakes; real shop talk does not."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from assistant.audio.wavfile import read_wav
from assistant.errors import SpeechModelError
from assistant.nlu.grammar import load_grammar
from assistant.shop.vocabulary import catalog_words
from assistant.speech.grammar import compile_grammar
from assistant.speech.recogniser import knows_word, load_model, resolve_model
from assistant.speech.wake import Wake, WakeDetector
from tests.conftest import SHARED_DATA

pytestmark = pytest.mark.slow
SPEECH = SHARED_DATA / "speech"


@pytest.fixture(scope="module")
def model() -> Any:
    return load_model(resolve_model(None))


@pytest.fixture(scope="module")
def fillers(model: Any) -> list[str]:
    grammar = compile_grammar(
        load_grammar("ko"), catalog_words(), lambda w: knows_word(model, w), "test"
    )
    return list(grammar.words)


def detect(model: Any, word: str, fillers: list[str], path: Path) -> list[Wake]:
    detector = WakeDetector(model, word, fillers)
    found = []
    pcm = read_wav(path).pcm
    for offset in range(0, len(pcm), 960):
        wake = detector.feed(pcm[offset : offset + 960])
        if wake:
            found.append(wake)
    last = detector.flush()
    return [*found, *([last] if last else [])]


def need(path: Path) -> Path:
    if not path.is_file():
        pytest.skip(f"shared speech clips not present: {path}")
    return path


def test_a_real_keyword_recording_wakes(model: Any, fillers: list[str]) -> None:
    wakes = detect(model, "빅스비", fillers, need(SPEECH / "pv_porcupine_bixby.wav"))
    assert [w.word for w in wakes] == ["빅스비"]


def test_shop_talk_does_not_wake(model: Any, fillers: list[str]) -> None:
    clips = sorted(SPEECH.glob("emo_*.wav")) if SPEECH.is_dir() else []
    if not clips:
        pytest.skip(f"shared speech clips not present in {SPEECH}")
    for clip in clips:
        assert detect(model, "장보기", fillers, clip) == [], clip.name


def test_silence_does_not_wake(model: Any, fillers: list[str]) -> None:
    path = Path(__file__).resolve().parent.parent / "audio_fixtures" / "silence_16k.wav"
    assert detect(model, "장보기", fillers, path) == []


def test_an_unknown_wake_word_is_a_clear_error(model: Any) -> None:
    with pytest.raises(SpeechModelError, match="not in the speech model's vocabulary"):
        WakeDetector(model, "장보기야", [])
