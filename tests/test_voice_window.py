"""Noise and real answers replayed into the voice loop's open confirmation window.

The real Korean Vosk model, a real SQLite database and the loop's own parts: the
dialog asks "…주문할까요?" (a text turn), then the audio goes through
``live_turns`` with the wake-word detector, so the window that needs no wake word
is the one open (see tests/window_audio.py). The 30-minute run and its figures
are ``bench/noise_window_bench.py``.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from assistant.cli.voice import voice_grammar
from assistant.shop.vocabulary import from_database
from assistant.speech.recogniser import load_model, resolve_model
from assistant.store import db
from tests.household_noise import KINDS, episodes
from tests.window_audio import (
    ANSWER_CLIPS,
    FIXTURE_PADS_S,
    FIXTURES,
    NOISE_FIXTURES,
    SPEECH,
    WindowRig,
    cut_answer,
    pcm_of,
    quiet,
)

GENERATED_S = 150.0
"""Generated non-speech per test run: every kind several times (the bench runs 32 min)."""
SEED = 1212


def _orders(url: str) -> list[tuple[Any, ...]]:
    con = sqlite3.connect(url.removeprefix("sqlite:///"))
    try:
        return con.execute("SELECT id, status FROM orders").fetchall()
    finally:
        con.close()


def _rig(db_url: str) -> WindowRig:
    model_path = resolve_model(None)
    vocabulary = from_database(db.session_factory(db.open_engine(db_url)))
    grammar = voice_grammar(list(vocabulary.phrases), model_path)
    return WindowRig(db_url, load_model(model_path), grammar)


@pytest.mark.slow
def test_noise_in_the_open_window_orders_nothing(db_url: str) -> None:
    rig = _rig(db_url)
    for name in NOISE_FIXTURES:
        for pad in FIXTURE_PADS_S:
            done = rig.replay(quiet(pad) + pcm_of(FIXTURES / name))
            assert [t for t in done.turns if t.reply.intent.name == "confirm"] == [], name
    kinds = set()
    for one in episodes(SEED, GENERATED_S):
        done = rig.replay(one.pcm)
        kinds.add(one.kind)
        assert [t for t in done.turns if t.reply.intent.name == "confirm"] == [], one.kind
    assert kinds == set(KINDS)
    assert rig.counts["windows"] >= len(NOISE_FIXTURES) * 3 + len(KINDS) * 2
    assert _orders(db_url) == []
    assert rig.dialog.pending is not None  # the question was never answered by noise


@pytest.mark.slow
def test_without_the_checks_the_same_noise_confirms(db_url: str) -> None:
    """The control: the loop as it was (no answer checks) takes the fixtures' noise for "응"."""
    rig = _rig(db_url)
    rig.gate = None  # type: ignore[assignment]
    for name in NOISE_FIXTURES:
        for pad in FIXTURE_PADS_S:
            rig.replay(quiet(pad) + pcm_of(FIXTURES / name))
    assert _orders(db_url) != []


@pytest.mark.slow
def test_real_short_answers_cut_from_the_shared_clips_still_answer(db_url: str) -> None:
    if not SPEECH.is_dir():
        pytest.skip(f"shared speech clips not present in {SPEECH}")
    rig = _rig(db_url)
    replies = []
    for clip in ANSWER_CLIPS:
        cut = cut_answer(load_model(resolve_model(None)), clip)
        assert cut is not None, clip.file
        done = rig.replay(quiet(0.6) + cut + quiet(0.5))
        expected = "confirm" if clip.kind == "yes" else "deny"
        assert [t.reply.intent.name for t in done.turns] == [expected], (clip, done)
        replies.append(done.turns[0].reply.text)
    assert replies[0].startswith("주문했어요") and replies[1].startswith("주문했어요")
    assert replies[2].startswith("알겠어요, 주문하지 않았어요")
    assert len(_orders(db_url)) == 2


def test_the_generated_noise_is_the_same_for_the_same_seed(tmp_path: Path) -> None:
    first = [(e.kind, e.pcm) for e in episodes(3, 20.0)]
    again = [(e.kind, e.pcm) for e in episodes(3, 20.0)]
    other = [(e.kind, e.pcm) for e in episodes(4, 20.0)]
    assert first == again and first != other
    assert sum(len(pcm) for _, pcm in first) / 32000 >= 20.0
    assert [kind for kind, _ in first][:3] == list(KINDS)[:3]
