"""The voice loop on recordings: turns go through the same dialog and shop as the text one."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from assistant.dialog.conversation import Dialog
from assistant.shop.service import ShopService
from assistant.speech.recogniser import Transcript
from assistant.store import db
from assistant.store.models import Channel, utcnow
from tests.conftest import SHARED_DATA, run_jangbogi
from tests.test_conversation import orders


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


@pytest.mark.slow
def test_the_wake_word_opens_a_turn(db_url: str, tmp_path: Path) -> None:
    clip = SHARED_DATA / "speech" / "pv_porcupine_multi_ko.wav"  # "...빅스비 ... 아이스크림"
    if not clip.is_file():
        pytest.skip(f"shared speech clips not present: {clip}")
    saved = tmp_path / "heard"
    woken = run_jangbogi("listen", "--input", str(clip), "--wake-word", "빅스비", "--no-tts",
                         "--json", "--db", db_url, "--save-audio", str(saved))  # fmt: skip
    assert woken.code == 0, woken.err
    assert len(woken.lines) >= 1
    assert list(saved.glob("wake-*.wav")) and list(saved.glob("turn-*.wav"))
    asleep = run_jangbogi("listen", "--input", str(clip), "--no-tts", "--json", "--db", db_url)
    assert asleep.code == 0 and asleep.lines == []  # never heard its own wake word


def test_listen_with_a_bad_file_or_profile(db_url: str, tmp_path: Path) -> None:
    bad = tmp_path / "x.wav"
    bad.write_text("not audio")
    result = run_jangbogi("listen", "--input", str(bad), "--no-tts", "--db", db_url)
    assert result.code == 6 and "Traceback" not in result.err
    result = run_jangbogi("listen", "--device", "toaster", "--no-tts", "--db", db_url)
    assert result.code == 1 and "no device profile" in result.err


def test_start_falls_back_to_text_without_a_microphone(db_url: str) -> None:
    result = run_jangbogi("start", "--db", db_url, stdin="장바구니 보여 줘\n그만\n")
    assert result.code == 0, result.err
    assert result.lines[0] == (
        "마이크가 없어서 글자로 대화할게요. 입력해 주세요('그만'이라고 하면 끝나요)."
    )
    assert "비어 있어요" in result.lines[1]


class FakeWake:
    """Wakes on the frames marked b'W'."""

    def feed(self, frame: bytes) -> object | None:
        return object() if frame[:1] == b"W" else None


class ScriptedFinals:
    """Each new recogniser 'hears' the next scripted utterance when flushed."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = iter(lines)

    def new(self) -> Any:
        outer = self

        class One:
            def accept(self, pcm: bytes) -> bool:
                return False

            def final(self) -> Transcript:
                return Transcript(next(outer.lines, ""), (), ())

        return One()


def loud(n: int) -> list[bytes]:
    return [b"\x00\x40" * 480] * n


def quiet(n: int) -> list[bytes]:
    return [b"\x00\x00" * 480] * n


def test_follow_up_answer_needs_no_wake_word(db_url: str) -> None:
    from assistant.audio.endpoint import Endpointer
    from assistant.doors.voice import live_turns

    frames = [
        *quiet(5), b"W" + b"\x00" * 959,  # the wake word
        *loud(20), *quiet(30),  # "서울우유 흰우유 1L 두 개 주문해 줘", then silence
        *loud(10), *quiet(30),  # "응": no wake word needed, a question is pending
        *loud(10), *quiet(30),  # chatter after the answer: ignored until the next wake word
    ]  # fmt: skip
    script = ScriptedFinals(["서울우유 흰우유 1L 두 개 주문해 줘", "응", "우유 주문해 줘"])
    dialog = Dialog(ShopService(db.session_factory(db.open_engine(db_url))), Channel.VOICE)
    turns = list(
        live_turns(frames, FakeWake(), script.new, Endpointer(300, 600, 8.0), dialog, utcnow)  # type: ignore[arg-type]
    )
    assert [t.reply.intent.name for t in turns] == ["order", "confirm"]
    assert "주문했어요" in turns[1].reply.text


def test_spoken_order_goes_through_the_dialog(db_url: str) -> None:
    """With --no-wake every turn is heard; "그만" ends the conversation."""
    from assistant.audio.endpoint import Endpointer
    from assistant.doors.voice import live_turns

    frames = [*loud(10), *quiet(30)] * 4
    script = ScriptedFinals(["서울우유 흰우유 1L 두 개 주문해 줘", "응", "그만", "우유 주문해 줘"])
    dialog = Dialog(ShopService(db.session_factory(db.open_engine(db_url))), Channel.VOICE)
    turns = list(live_turns(frames, None, script.new, Endpointer(300, 600, 8.0), dialog, utcnow))
    assert [t.reply.intent.name for t in turns] == ["order", "confirm", "stop"]
    assert "주문했어요" in turns[1].reply.text
    data = turns[0].to_json()
    assert set(data) == {"transcript", "intent", "slots", "reply"}
    (order,) = orders(run_jangbogi, db_url)
    assert order["channel"] == "voice"
