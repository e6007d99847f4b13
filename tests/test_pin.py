"""Spoken and typed PINs, and the PIN never reaching the screen, the log or the recordings."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.doors.text import interactive_lines
from assistant.nlu.pin import parse_pin
from assistant.shop.controls import hash_pin


@pytest.mark.parametrize(
    ("text", "pin"),
    [
        ("1234", "1234"), ("12 34", "1234"), ("1 2 3 4", "1234"), ("일 이 삼 사", "1234"),
        ("일이삼사", "1234"), ("공일이삼", "0123"), ("영 구 팔 칠", "0987"),
        ("하나 둘 셋 넷", "1234"), ("천이백삼십사", "1234"), ("비밀번호는 1234야", "1234"),
        ("제 비밀번호는 일 이 삼 사예요", "1234"), ("[1] [2] [3] [4]", "1234"),
        ("one two three four", "1234"), ("oh nine one one", "0911"), ("my pin is 4321", "4321"),
        ("사사사사", "4444"),
    ],
)  # fmt: skip
def test_pins_are_understood(text: str, pin: str) -> None:
    assert parse_pin(text) == pin


@pytest.mark.parametrize(
    "text", ["123", "12345", "응", "네", "아니", "우유 두 개", "그만", "", "1234 주문해", "일이삼"]
)
def test_other_answers_are_not_pins(text: str) -> None:
    assert parse_pin(text) is None


def test_the_hash_depends_on_the_salt() -> None:
    a, b = hash_pin("1234", b"salt-one-16bytes"), hash_pin("1234", b"salt-two-16bytes")
    assert a != b and len(a) == 64 and "1234" not in a


def test_a_pin_is_typed_without_echo(monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[str] = []
    monkeypatch.setattr("builtins.input", lambda prompt: asked.append("input") or "응")
    monkeypatch.setattr("getpass.getpass", lambda prompt: asked.append("getpass") or "1234")
    secret = iter([False, True, False])
    lines = interactive_lines(secret=lambda: next(secret))
    assert [next(lines), next(lines), next(lines)] == ["응", "1234", "응"]
    assert asked == ["input", "getpass", "input"]


def test_a_spoken_pin_is_masked_and_not_recorded(
    db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from assistant.audio.endpoint import Endpointer
    from assistant.doors.voice import LiveSettings, live_turns
    from tests.shop_helpers import cli, talker
    from tests.test_voice import ScriptedFinals, loud, quiet

    assert cli(db_url, "household", "pin", "set", stdin="1234\n", mp=monkeypatch) == 0
    frames = [*loud(10), *quiet(30)] * 3
    script = ScriptedFinals(["서울우유 흰우유 1L 한 개 주문해 줘", "응", "일 이 삼 사"])
    saved = tmp_path / "heard"
    from assistant.store.models import Channel, utcnow

    dialog = talker(db_url, channel=Channel.VOICE)
    turns = list(live_turns(frames, None, script.new, Endpointer(300, 600, 8.0), dialog, utcnow,
                            LiveSettings(save_dir=saved)))  # fmt: skip
    assert [t.reply.intent.name for t in turns] == ["order", "confirm", "none"]
    last = turns[-1]
    assert last.reply.secret and last.heard == "****"
    assert last.to_json()["transcript"] == "****" and "일 이 삼 사" not in str(last.to_json())
    assert last.reply.text.startswith("주문했어요")
    assert len(list(saved.glob("turn-*.wav"))) == 2  # the PIN turn was not kept
