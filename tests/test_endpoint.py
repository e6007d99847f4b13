"""Endpointing on synthetic 30 ms frames of 16 kHz int16 audio."""

from __future__ import annotations

import numpy as np
import pytest

from assistant.audio.endpoint import Endpointer, rms
from assistant.errors import ConfigError

FRAME_SAMPLES = 480  # 30 ms at 16 kHz


def silence() -> bytes:
    return bytes(FRAME_SAMPLES * 2)


def tone(amplitude: int = 5000) -> bytes:
    t = np.arange(FRAME_SAMPLES) / 16000
    return (np.sin(2 * np.pi * 440 * t) * amplitude).astype("<i2").tobytes()


def endpointer() -> Endpointer:
    return Endpointer(silence_rms=300, trailing_silence_ms=700, max_utterance_s=8.0)


def test_rms() -> None:
    assert rms(b"") == 0.0
    assert rms(silence()) == 0.0
    assert rms(np.full(10, -1000, dtype="<i2").tobytes()) == pytest.approx(1000.0)
    assert rms(tone(5000)) == pytest.approx(5000 / np.sqrt(2), rel=0.01)
    assert rms(np.full(4, 32767, dtype="<i2").tobytes() + b"\x01") == pytest.approx(32767.0)


def test_silence_only_never_ends() -> None:
    ep = endpointer()
    assert not any(ep.feed(silence()) for _ in range(1000))  # 30 s
    assert not ep.started


def test_quiet_noise_does_not_start_a_turn() -> None:
    ep = endpointer()
    assert not any(ep.feed(tone(200)) for _ in range(400))
    assert not ep.started


def test_speech_then_700_ms_of_silence_ends() -> None:
    ep = endpointer()
    for _ in range(10):
        assert not ep.feed(silence())
    for _ in range(20):
        assert not ep.feed(tone())
    assert ep.started
    results = [ep.feed(silence()) for _ in range(24)]
    # 700 ms of silence is 23.3 frames of 30 ms: the 24th silent frame ends the turn.
    assert results == [False] * 23 + [True]
    assert ep.feed(tone())  # stays ended until reset


def test_a_pause_shorter_than_the_trailing_silence_does_not_end() -> None:
    ep = endpointer()
    for _ in range(3):
        assert not any(ep.feed(f) for f in [tone()] * 5 + [silence()] * 20)
    assert ep.started


def test_max_length_ends() -> None:
    ep = Endpointer(silence_rms=300, trailing_silence_ms=700, max_utterance_s=1.5)
    results = [ep.feed(tone()) for _ in range(50)]
    assert results.index(True) == 49  # 50 frames of 30 ms = 1.5 s
    assert all(results[49:])


def test_max_length_counts_from_the_first_loud_frame() -> None:
    ep = Endpointer(silence_rms=300, trailing_silence_ms=700, max_utterance_s=0.3)
    assert not any(ep.feed(silence()) for _ in range(100))
    assert [ep.feed(tone()) for _ in range(10)] == [False] * 9 + [True]


def test_reset_works() -> None:
    ep = endpointer()
    ep.feed(tone())
    assert any(ep.feed(silence()) for _ in range(24))
    ep.reset()
    assert not ep.started
    assert not any(ep.feed(silence()) for _ in range(100))
    assert not ep.feed(tone())
    assert [ep.feed(silence()) for _ in range(24)][-1]


@pytest.mark.parametrize(
    "args", [(-1, 700, 8.0), (300, 0, 8.0), (300, 700, 0.0), (300, 700, 8.0, 0)]
)
def test_bad_settings_are_refused(args: tuple[int, int, float]) -> None:
    with pytest.raises(ConfigError):
        Endpointer(*args)
