"""A long WAV file is read, decoded and resampled in blocks: the same samples as reading it at
once, in memory that does not grow with the file (a 1-hour file took 1.08 GB in
`jangbogi transcribe`; figures in docs/benchmarks.md, bench/wav_stream_bench.py)."""

from __future__ import annotations

import struct
import subprocess
import sys
import wave
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.audio.wavfile import convert, open_wav, read_wav
from assistant.errors import AudioError
from assistant.speech.recogniser import transcribe, transcribe_blocks
from tests.conftest import ROOT
from tests.test_audio_files import FIXTURES, READABLE, make_fixtures

FORMATS = [  # (format tag, bits, extensible)
    (make_fixtures.PCM, 8, False), (make_fixtures.PCM, 16, False), (make_fixtures.PCM, 24, True),
    (make_fixtures.PCM, 32, False), (make_fixtures.FLOAT, 32, False),
    (make_fixtures.FLOAT, 64, False),
]  # fmt: skip


def write(path: Path, tag: int, bits: int, extensible: bool, rate: int, channels: int,
          seconds: float) -> np.ndarray:  # fmt: skip
    """A noisy tone file; returns the interleaved signal written."""
    parts = [make_fixtures.tone(rate, seconds, 0.3 + 0.1 * c) for c in range(channels)]
    signal = make_fixtures.interleave(*parts) if channels > 1 else parts[0]
    signal = signal + np.random.default_rng(1).uniform(-0.05, 0.05, signal.size)
    data = (np.asarray(signal, "<f4" if bits == 32 else "<f8").tobytes()
            if tag == make_fixtures.FLOAT else make_fixtures.pcm_bytes(signal, bits))  # fmt: skip
    path.write_bytes(make_fixtures.wav_bytes(tag, channels, rate, bits, data,
                                             extensible=extensible))  # fmt: skip
    return signal


@pytest.mark.parametrize("name", sorted(READABLE))
def test_every_fixture_streams_to_the_bytes_it_reads_to(name: str) -> None:
    whole = read_wav(FIXTURES / name)
    source = open_wav(FIXTURES / name)
    for seconds in (0.01, 0.1, 0.37, 10.0):
        assert b"".join(source.blocks(seconds)) == whole.pcm
    assert list(source.frames(30)) == list(whole.frames(30))
    assert source.duration_s == pytest.approx(READABLE[name], abs=1e-3)


@settings(deadline=None, max_examples=30)
@given(
    st.sampled_from(FORMATS),
    st.sampled_from([8000, 11025, 16000, 22050, 44100, 48000, 96000]),
    st.integers(min_value=1, max_value=3),
    st.floats(min_value=0.01, max_value=1.5),
    st.floats(min_value=0.005, max_value=0.7),
)
def test_blocks_of_any_size_give_exactly_the_one_shot_conversion(
    tmp_path_factory: pytest.TempPathFactory, form: tuple[int, int, bool], rate: int,
    channels: int, seconds: float, block_s: float,
) -> None:  # fmt: skip
    """soxr's streaming resampler over blocks == one call over the whole file, bit for bit."""
    path = tmp_path_factory.mktemp("wav") / "x.wav"
    tag, bits, extensible = form
    write(path, tag, bits, extensible, rate, channels, seconds)
    source = open_wav(path)
    streamed = b"".join(source.blocks(block_s))
    assert streamed == read_wav(path).pcm
    decoded = _decode_whole(path, tag, bits, channels)
    assert streamed == convert(decoded, rate, channels)


def test_transcribing_blocks_feeds_the_recogniser_as_one_buffer_would(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Vosk gets the same 200 ms pieces whatever the blocks are (a fake recogniser model)."""
    pcm = read_wav(FIXTURES / "noise_16k.wav").pcm * 3
    fed: list[list[bytes]] = []

    class Recorder:
        def __init__(self) -> None:
            fed.append([])

        def AcceptWaveform(self, pcm: bytes) -> bool:
            fed[-1].append(pcm)
            return False

        def FinalResult(self) -> str:
            return '{"text": ""}'

        def SetWords(self, _: bool) -> None:
            pass

        def SetMaxAlternatives(self, _: int) -> None:
            pass

    monkeypatch.setattr("vosk.KaldiRecognizer", lambda *_: Recorder())
    transcribe(pcm, model=None)
    blocks = [pcm[i : i + 777] for i in range(0, len(pcm), 777)]
    transcribe_blocks(iter(blocks), model=None)
    assert fed[0] == fed[1] and b"".join(fed[1]) == pcm
    assert {len(p) for p in fed[1][:-1]} == {6400}


def test_a_file_that_shrinks_while_it_is_read_gives_what_is_left(tmp_path: Path) -> None:
    path = tmp_path / "going.wav"
    write(path, make_fixtures.PCM, 16, False, 16000, 1, 2.0)
    blocks = open_wav(path).blocks(0.5)
    first = next(blocks)
    with path.open("r+b") as file:
        file.truncate(44 + 16000 * 2)  # one second left
    rest = b"".join(blocks)
    assert len(first) == 16000 and len(first + rest) == 32000


def test_a_file_replaced_after_its_header_was_checked_is_an_audio_error(tmp_path: Path) -> None:
    path = tmp_path / "swapped.wav"
    write(path, make_fixtures.PCM, 16, False, 16000, 1, 0.5)
    source = open_wav(path)
    path.write_text("not audio any more\n")
    with pytest.raises(AudioError, match="the file changed since it was opened"):
        b"".join(source.blocks())


def test_memory_stays_flat_for_a_long_file(tmp_path: Path) -> None:
    """Ten minutes of 48 kHz stereo (115 MB): reading it at once peaked about 3 x 10 x its
    size before; in blocks the process grows by a few MB."""
    path = tmp_path / "long.wav"
    with wave.open(str(path), "wb") as out:
        out.setnchannels(2)
        out.setsampwidth(2)
        out.setframerate(48000)
        minute = (np.random.default_rng(3).normal(0, 3000, 48000 * 60 * 2)).astype("<i2")
        for _ in range(10):
            out.writeframes(minute.tobytes())
    script = f"""
import sys
from pathlib import Path
from assistant.audio.wavfile import open_wav
def peak():
    return int(next(ln for ln in open("/proc/self/status") if ln.startswith("VmHWM")).split()[1])
before = peak()
samples = sum(len(f) for f in open_wav(Path({str(path)!r})).frames(30)) // 2
print(samples, peak() - before)
"""
    out = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True,
                         text=True, check=True).stdout.split()  # fmt: skip
    samples, grown_kb = int(out[0]), int(out[1])
    assert samples == 16000 * 600
    assert grown_kb < 40_000, f"grew {grown_kb} kB reading a 115 MB file"


# -- helpers -------------------------------------------------------------------------------


def _decode_whole(path: Path, tag: int, bits: int, channels: int) -> np.ndarray:
    """The file's samples decoded independently of the reader, for :func:`convert`."""
    raw = path.read_bytes()
    at = raw.index(b"data")
    (size,) = struct.unpack_from("<I", raw, at + 4)
    body = raw[at + 8 : at + 8 + size]  # without the pad byte of an odd-sized chunk
    if tag == make_fixtures.FLOAT:
        return np.frombuffer(body, "<f4" if bits == 32 else "<f8")
    if bits == 8:
        return np.frombuffer(body, np.uint8)
    if bits == 24:
        t = np.frombuffer(body, np.uint8).reshape(-1, 3).astype(np.uint32)
        return ((t[:, 0] << 8) | (t[:, 1] << 16) | (t[:, 2] << 24)).view(np.int32)
    return np.frombuffer(body, "<i2" if bits == 16 else "<i4")
