"""The voice loop on recordings: turns go through the same dialog and shop as the text one."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from assistant.asr import Transcript
from assistant.dialog import Dialog
from assistant.shop.service import ShopService
from assistant.store import db
from assistant.store.models import Channel, utcnow
from assistant.voice import CHUNK_BYTES, replay
from tests.conftest import SHARED_DATA, run_jangbogi
from tests.test_conversation import orders


class ScriptedRecognizer:
    """A fake recogniser that 'hears' one scripted utterance per chunk of audio."""

    def __init__(self, lines: list[str]) -> None:
        self._lines: Iterator[str] = iter(lines)
        self._current = ""

    def accept(self, pcm: bytes) -> bool:
        self._current = next(self._lines, "")
        return bool(self._current)

    def result(self) -> Transcript:
        return Transcript(self._current, (), ())

    def final(self) -> Transcript:
        return Transcript("", (), ())


def test_spoken_order_goes_through_the_dialog(db_url: str) -> None:
    lines = ["서울우유 흰우유 1L 두 개 주문해 줘", "응", "그만", "우유 주문해 줘"]
    dialog = Dialog(ShopService(db.session_factory(db.open_engine(db_url))), Channel.VOICE)
    turns = list(replay(b"\0" * CHUNK_BYTES * 6, ScriptedRecognizer(lines), dialog, utcnow))  # type: ignore[arg-type]
    assert [t.reply.intent.name for t in turns] == ["order", "confirm", "stop"]
    assert "주문했어요" in turns[1].reply.text
    data = turns[0].to_json()
    assert set(data) == {"transcript", "intent", "slots", "reply"}
    (order,) = orders(run_jangbogi, db_url)
    assert order["channel"] == "voice"


def shared_clips() -> list[Path]:
    speech = SHARED_DATA / "speech"
    return sorted(speech.glob("emo_*.wav")) if speech.is_dir() else []


@pytest.mark.slow
def test_shop_talk_recordings_buy_nothing(db_url: str) -> None:
    """Real human speech that is not a command, heard right after a wake word."""
    clips = shared_clips()
    if not clips:
        pytest.skip(f"shared speech clips not present in {SHARED_DATA / 'speech'}")
    spending = {"order", "add_to_cart", "checkout", "reorder", "subscribe"}
    for clip in clips[:6]:
        result = run_jangbogi(
            "listen", "--input", str(clip), "--no-wake", "--no-tts", "--json", "--db", db_url
        )
        assert result.code == 0, result.err
        turns: list[dict[str, Any]] = [json.loads(line) for line in result.lines]
        assert not [t for t in turns if t["intent"] in spending], (clip.name, turns)
    assert orders(run_jangbogi, db_url) == []


def test_listen_needs_no_wake_until_the_detector_exists(db_url: str, tmp_path: Path) -> None:
    result = run_jangbogi("listen", "--input", str(tmp_path / "x.wav"), "--db", db_url)
    assert result.code == 1 and "--no-wake" in result.err and "Traceback" not in result.err
