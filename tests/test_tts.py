"""The pyttsx3 adapter, with the real pyttsx3 and espeak-ng writing real WAV files."""

from __future__ import annotations

import dataclasses
import shutil
import subprocess
import sys
import wave
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest

from assistant.errors import SpeechOutputError
from assistant.speech.tts import Speaker, VoiceSettings, find_voice

KOREAN_REPLY = "서울우유 흰우유 1L 2팩, 회원가 5,580원입니다. 주문할까요?"
ENGLISH_REPLY = "Seoul milk, one litre, two packs: member price five thousand won. Shall I order?"
MIN_RMS = 200.0
"""Speech from espeak-ng at full volume has an RMS in the thousands; silence is 0."""

needs_espeak = pytest.mark.skipif(
    shutil.which("espeak-ng") is None,
    reason="espeak-ng is not installed (apt-get install espeak-ng)",
)


def read_wav(path: Path) -> tuple[wave._wave_params, np.ndarray]:
    """The WAV's parameters and its samples as int16."""
    with wave.open(str(path), "rb") as wav:
        params = wav.getparams()
        frames = wav.readframes(params.nframes)
    return params, np.frombuffer(frames, dtype="<i2")


def assert_speech(path: Path) -> None:
    """``path`` is a 22,050 Hz mono 16-bit WAV of 1-15 s that is not silent."""
    params, samples = read_wav(path)
    assert params.nchannels == 1
    assert params.sampwidth == 2
    assert params.framerate == 22050
    duration = params.nframes / params.framerate
    assert 1.0 <= duration <= 15.0, duration
    rms = float(np.sqrt(np.mean(samples.astype(np.float64) ** 2)))
    assert rms > MIN_RMS, rms


@needs_espeak
def test_korean_reply_renders_to_wav(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = Speaker().render(KOREAN_REPLY, tmp_path / "ko.wav")
    assert out == tmp_path / "ko.wav"
    assert_speech(out)
    assert "Audio saved" not in capsys.readouterr().out


@needs_espeak
def test_english_reply_renders_to_wav(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = Speaker(VoiceSettings(voice="en")).render(ENGLISH_REPLY, tmp_path / "en.wav")
    assert_speech(out)
    assert "Audio saved" not in capsys.readouterr().out


@needs_espeak
def test_every_render_writes_its_own_file(tmp_path: Path) -> None:
    korean, english = Speaker(), Speaker(VoiceSettings(voice="en", rate=150))
    for i in range(3):
        assert_speech(korean.render(KOREAN_REPLY, tmp_path / f"ko{i}.wav"))
        assert_speech(english.render(ENGLISH_REPLY, tmp_path / f"en{i}.wav"))
    # The same text at the same settings gives (nearly) the same length every time.
    lengths = {read_wav(tmp_path / f"ko{i}.wav")[0].nframes // 2205 for i in range(3)}
    assert len(lengths) == 1, lengths


@needs_espeak
def test_slower_rate_gives_longer_audio(tmp_path: Path) -> None:
    fast = Speaker(VoiceSettings(rate=250)).render(KOREAN_REPLY, tmp_path / "fast.wav")
    slow = Speaker(VoiceSettings(rate=120)).render(KOREAN_REPLY, tmp_path / "slow.wav")
    assert read_wav(slow)[0].nframes > 1.5 * read_wav(fast)[0].nframes


@needs_espeak
def test_say_without_a_sound_device_raises() -> None:
    try:
        import sounddevice as sd
    except OSError:
        pass  # no PortAudio at all: say must still fail with our error
    else:
        try:
            device = sd.query_devices(kind="output")
        except (sd.PortAudioError, ValueError):
            pass
        else:
            pytest.skip(f"this machine has a sound output device ({device['name']})")
    with pytest.raises(SpeechOutputError, match=r"no sound output device|cannot play audio"):
        Speaker().say("우유 2개 주문할까요?")


@needs_espeak
def test_unknown_voice_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(SpeechOutputError, match="no voice 'klingon'"):
        Speaker(VoiceSettings(voice="klingon")).render("hello", tmp_path / "x.wav")


@needs_espeak
def test_missing_directory_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(SpeechOutputError, match="directory does not exist"):
        Speaker().render("우유", tmp_path / "missing" / "x.wav")


def test_empty_text_is_refused_and_say_is_quiet(tmp_path: Path) -> None:
    with pytest.raises(SpeechOutputError, match="empty"):
        Speaker().render("  ", tmp_path / "x.wav")
    Speaker().say("")  # nothing to say, nothing to play
    assert not (tmp_path / "x.wav").exists()


def test_korean_text_is_spelled_out_before_speaking() -> None:
    assert Speaker().prepare(KOREAN_REPLY) == (
        "서울우유 흰우유 일 리터 두 팩, 회원가 오천오백팔십 원입니다. 주문할까요?"
    )
    assert Speaker(VoiceSettings(voice="en")).prepare("2 packs, 5,580 won") == (
        "2 packs, 5,580 won"
    )


def test_voice_settings_are_frozen_with_korean_defaults() -> None:
    settings = VoiceSettings()
    assert (settings.voice, settings.rate, settings.volume) == ("ko", 170, 1.0)
    assert settings.korean
    assert not VoiceSettings(voice="en").korean
    with pytest.raises(dataclasses.FrozenInstanceError):
        settings.rate = 100  # type: ignore[misc]


def test_find_voice_by_id_short_id_or_language() -> None:
    voices = [
        SimpleNamespace(id="gmw/en", languages=["en-gb"]),
        SimpleNamespace(id="gmw/en-us", languages=["en-us"]),
        SimpleNamespace(id="ko", languages=["ko"]),
        SimpleNamespace(id="sit/yue", languages=["yue"]),
    ]
    assert find_voice(voices, "ko") == "ko"
    assert find_voice(voices, "en") == "gmw/en"
    assert find_voice(voices, "EN-US") == "gmw/en-us"
    assert find_voice(voices, "gmw/en-us") == "gmw/en-us"
    assert find_voice(voices, "yue") == "sit/yue"
    assert find_voice(voices, "xx") is None


def _run_python(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, timeout=60
    )


def test_importing_the_adapter_loads_no_audio_library() -> None:
    proc = _run_python(
        "import sys, assistant.speech.tts\n"
        "print(sorted(m for m in ('pyttsx3', 'sounddevice') if m in sys.modules))"
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "[]"


def test_missing_tts_engine_names_the_package_to_install(tmp_path: Path) -> None:
    proc = _run_python(
        "import sys\n"
        "sys.modules['pyttsx3'] = None  # as if pyttsx3/espeak-ng were not installed\n"
        "from pathlib import Path\n"
        "from assistant.errors import SpeechOutputError\n"
        "from assistant.speech.tts import Speaker\n"
        "try:\n"
        f"    Speaker().render('우유', Path({str(tmp_path / 'x.wav')!r}))\n"
        "except SpeechOutputError as exc:\n"
        "    print(exc)\n"
    )
    assert proc.returncode == 0, proc.stderr
    assert "apt-get install espeak-ng" in proc.stdout
