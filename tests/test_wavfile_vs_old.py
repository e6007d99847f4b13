"""The libsndfile reader against a frozen copy of the hand-written one (tests/_wavfile_old.py)
over random headers: the same PCM bytes or the same message, except A-law/μ-law (decoded now)
and a codec-and-cut-short file (told it is cut short now, not that its codec is unknown)."""

from __future__ import annotations

import struct
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.audio import wavfile as new
from assistant.errors import AudioError
from tests import _wavfile_old as old
from tests.test_audio_files import make_fixtures as m


def outcome(mod, path: Path, rate: int):  # type: ignore[no-untyped-def]
    try:
        src = mod.open_wav(path, rate)
        return ("ok", src.read().pcm, round(src.duration_s, 9))
    except AudioError as exc:
        return ("err", str(exc))


@st.composite
def wav_files(draw):  # type: ignore[no-untyped-def]
    tag = draw(st.sampled_from([1, 3, 6, 7, 2, 0x11, 0x1234]))
    bits = draw(st.sampled_from([8, 12, 16, 20, 24, 32, 48, 64]))
    channels = draw(st.integers(0, 3)) if draw(st.booleans()) else draw(st.integers(1, 3))
    rate = draw(st.sampled_from([0, 8000, 11025, 16000, 44100, 48000]))
    frames = draw(st.integers(0, 700))
    ext = draw(st.booleans())
    width = (bits + 7) // 8
    rng = np.random.default_rng(draw(st.integers(0, 1000)))
    if tag == 3 and bits in (32, 64):
        data = rng.uniform(-1.2, 1.2, frames * max(channels, 1)).astype(f"<f{width}").tobytes()
    else:
        data = rng.integers(0, 256, frames * max(channels, 1) * width, dtype=np.uint8).tobytes()
    data += b"\x07" * draw(st.integers(0, 3))  # partial frame
    extra = [(b"LIST", b"INFO" + m.chunk(b"ICMT", b"x"))] if draw(st.booleans()) else []
    if channels == 0:
        tag = 1
    body = m.wav_bytes(tag, channels, rate, bits, data, extensible=ext, extra_chunks=extra)
    raw = bytearray(body)
    kinds = ["plain", "stream", "cut", "zero-align", "trailing", "declared0"]
    choice = draw(st.sampled_from(kinds))
    at = raw.index(b"data")
    if choice == "stream":
        raw[at + 4 : at + 8] = struct.pack("<I", 0xFFFFFFFF)
    elif choice == "cut":
        raw = raw[: draw(st.integers(12, len(raw)))]
    elif choice == "zero-align":
        f = raw.index(b"fmt ") + 8
        raw[f + 12 : f + 14] = b"\0\0"
    elif choice == "trailing":
        raw += m.chunk(b"LIST", b"INFOtrailing")
    elif choice == "declared0":
        raw[at + 4 : at + 8] = struct.pack("<I", 0)
    return bytes(raw), (tag, bits, channels, rate, frames, ext, choice)


@settings(deadline=None, max_examples=int(__import__("os").environ.get("N", "300")))
@given(wav_files(), st.sampled_from([16000, 22050]))
def test_same_as_old(tmp_path_factory: pytest.TempPathFactory, case, target: int) -> None:  # type: ignore[no-untyped-def]
    raw, desc = case
    path = tmp_path_factory.mktemp("w") / "x.wav"
    path.write_bytes(raw)
    a, b = outcome(old, path, target), outcome(new, path, target)
    if a[0] == "err" and ("A-law (format tag 6)" in a[1] or "μ-law (format tag 7)" in a[1]):
        return
    if b[0] == "err" and "no data chunk" in b[1] and "unsupported WAV encoding" in a[1]:
        return
    assert a == b, desc
