"""A recording in needs no speaker out (`listen --input`), and `transcribe` says how it heard:
open vocabulary by default (a diagnostic), the shop grammar with --grammar (as `listen`)."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import wave
from pathlib import Path

import pytest

from assistant.audio.devices import can_play
from assistant.errors import SpeechOutputError
from tests.conftest import ROOT, SHARED_DATA, run_jangbogi

pytestmark = pytest.mark.slow
NOISE = ROOT / "audio_fixtures" / "noise_16k.wav"
"""White noise: the recogniser hears a word in it and the dialog answers (one turn)."""
READ = SHARED_DATA / "speech" / "pv_leopard_test_ko.wav"
"""A read sentence: "그는 이리저리 피하면서 길 한 옆으로 걸어갔다"."""


def no_speaker() -> None:
    if can_play():
        pytest.skip("this machine has a sound output device: the test is about having none")


def frames(path: Path) -> tuple[int, bytes]:
    with wave.open(str(path), "rb") as wav:
        assert (wav.getnchannels(), wav.getsampwidth()) == (1, 2)
        return wav.getframerate(), wav.readframes(wav.getnframes())


RENDER = """
import sys
from pathlib import Path
from assistant.speech.tts import Speaker, VoiceSettings
Speaker(VoiceSettings(voice="ko")).render(sys.argv[1], Path(sys.argv[2]))
"""
"""Renders one reply with the real engine, as ``listen --reply-wav`` does (argv: text, path)."""


def test_a_file_in_without_a_speaker_prints_the_turn_and_exits_0(db_url: str) -> None:
    """The README's form, on a machine without a speaker: the turn, a word on stderr, rc 0."""
    no_speaker()
    result = run_jangbogi("listen", "--input", str(NOISE), "--no-wake", "--json", "--db", db_url)
    assert result.code == 0, result.err
    [turn] = [json.loads(line) for line in result.lines]
    assert turn["reply"]
    assert "--reply-wav" in result.err  # said that speech is skipped, and how to keep it
    assert "Traceback" not in result.err and "no sound output device" not in result.err


def test_reply_wav_holds_the_spoken_reply(db_url: str, tmp_path: Path) -> None:
    """--reply-wav: the reply as the real engine speaks it, in a file; nothing on stderr."""
    out = tmp_path / "reply.wav"
    result = run_jangbogi("listen", "--input", str(NOISE), "--no-wake", "--json", "--db", db_url,
                          "--reply-wav", str(out))  # fmt: skip
    assert result.code == 0, result.err
    assert result.err == ""
    [turn] = [json.loads(line) for line in result.lines]
    rate, pcm = frames(out)
    assert rate == 22050 and len(pcm) > rate  # more than half a second of speech
    # the same engine saying the same reply, in a process of its own: pyttsx3 hands out one
    # engine per driver per process, which earlier tests in this one may have set up otherwise
    alone = tmp_path / "alone.wav"
    subprocess.run(
        [sys.executable, "-c", RENDER, turn["reply"], str(alone)], check=True, cwd=ROOT, timeout=60
    )
    assert frames(alone) == (rate, pcm)


def test_reply_wav_without_a_turn_is_an_empty_wav(db_url: str, tmp_path: Path) -> None:
    out = tmp_path / "reply.wav"
    silence = ROOT / "audio_fixtures" / "silence_16k.wav"
    result = run_jangbogi("listen", "--input", str(silence), "--no-wake", "--db", db_url,
                          "--reply-wav", str(out))  # fmt: skip
    assert result.code == 0 and result.out == "", result.err
    assert frames(out) == (22050, b"")


def test_reply_wav_in_a_missing_folder_fails_before_listening(db_url: str, tmp_path: Path) -> None:
    out = tmp_path / "nowhere" / "reply.wav"
    result = run_jangbogi("listen", "--input", str(NOISE), "--no-wake", "--db", db_url,
                          "--reply-wav", str(out))  # fmt: skip
    assert result.code == 8 and "does not exist" in result.err
    assert result.out == ""


def test_a_live_microphone_without_a_speaker_is_still_an_error() -> None:
    """Only a recording in skips speech: a live conversation nobody can hear is an error."""
    from assistant.cli.voice import reply_voice

    no_speaker()
    live = argparse.Namespace(input=None, no_tts=False, reply_wav=None)
    with reply_voice(live, "ko") as speak, pytest.raises(SpeechOutputError, match="no sound"):
        speak("우유를 담았어요.", "ko")


def transcribe(path: Path, *mode: str) -> dict[str, object]:
    result = run_jangbogi("transcribe", str(path), "--json", *mode)
    assert result.code == 0, result.err
    data: dict[str, object] = json.loads(result.out)
    return data


def test_transcribe_hears_a_read_sentence_with_open_vocabulary() -> None:
    if not READ.is_file():
        pytest.skip(f"the shared speech clips are not present ({READ}; see ../shared/data)")
    heard = transcribe(READ)
    assert heard["mode"] == "open"
    assert {"하면서", "옆으로"} <= set(str(heard["text"]).split()), heard["text"]
    shop = transcribe(READ, "--grammar")  # as `listen` hears it: shop words only
    assert shop["mode"] == "grammar"
    assert not {"하면서", "옆으로"} & set(str(shop["text"]).split()), shop["text"]
    assert transcribe(READ, "--no-grammar") == heard  # the old flag still means open


def test_open_vocabulary_is_closer_to_what_was_said() -> None:
    """Over real speech with transcripts (every 6th shared clip), the default (open vocabulary)
    misses fewer characters than the shop grammar (all 25 in one process: 0.33 against 0.77
    character error rate)."""
    import csv

    from rapidfuzz.distance import Levenshtein

    manifest = SHARED_DATA / "speech" / "manifest.tsv"
    if not manifest.is_file():
        pytest.skip(f"the shared speech clips are not present ({manifest}; see ../shared/data)")
    with manifest.open(encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f, delimiter="\t") if r["transcript"]][::6]

    def letters(text: object) -> str:
        return "".join(ch for ch in str(text) if ch.isalnum())

    errors = {"open": 0, "grammar": 0}
    for row in rows:
        said = letters(row["transcript"])
        clip = manifest.parent / row["filename"]
        for heard in (transcribe(clip), transcribe(clip, "--grammar")):
            errors[str(heard["mode"])] += Levenshtein.distance(said, letters(heard["text"]))
    assert len(rows) >= 4 and errors["open"] < errors["grammar"], errors


def test_transcribe_says_its_mode_in_text_too() -> None:
    """The audio fixture (noise) in both modes: the first line names the mode."""
    open_lines = run_jangbogi("transcribe", str(NOISE)).lines
    grammar_lines = run_jangbogi("transcribe", str(NOISE), "--grammar").lines
    assert open_lines[0] != grammar_lines[0]
    assert "--grammar" in open_lines[0] and "listen" in grammar_lines[0]
    both = run_jangbogi("transcribe", str(NOISE), "--grammar", "--no-grammar")
    assert both.code == 2 and "not allowed with" in both.err
