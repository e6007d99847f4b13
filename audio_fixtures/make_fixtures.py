"""Make the test audio in this folder: ``python audio_fixtures/make_fixtures.py [DIR]``.

Every file is computed from fixed numbers, so running the script again gives
byte-identical files (``tests/test_audio_files.py`` checks this). The noise
comes from Python's ``random.Random(SEED).random()``, whose sequence the
standard library keeps stable across versions. The RIFF bytes are written
here by hand, independently of the reader under test. Tones are 440 Hz sines
starting at phase 0; levels are fractions of full scale.

- ``silence_16k.wav``: 1 s of digital silence, 16 kHz mono 16-bit, the
  recognizer's own format.
- ``noise_16k.wav``: 1 s of uniform white noise with peaks at 0.25 (about
  -19 dBFS RMS), 16 kHz mono 16-bit.
- ``tone_440_44k1_stereo.wav``: 0.5 s, 44.1 kHz stereo 16-bit; left at 0.6,
  right at 0.2, so the mono mix is 0.4 (0.6 if a reader kept only the left).
- ``tone_8bit_8k.wav``: 0.5 s at 0.5, 8 kHz mono 8-bit unsigned.
- ``tone_24bit_48k.wav``: 0.5 s at 0.5, 48 kHz mono 24-bit, with a ``LIST``
  chunk and a 7-byte ``JUNK`` chunk before the data (chunk walking, pad byte).
- ``tone_float32_22k.wav``: 0.5 s at 0.25, 22.05 kHz mono 32-bit IEEE float
  (format tag 3, with a ``fact`` chunk); the ``wave`` module refuses it.
- ``clipped_16k.wav``: 0.5 s driven to twice full scale and clipped at
  -32768/32767, 16 kHz mono 16-bit; resampling it overshoots full scale.
- ``empty.wav``: a valid 16 kHz mono 16-bit header with a 0-byte data chunk.
- ``truncated.wav``: the header promises 1 s of 16 kHz mono 16-bit, the file
  holds only the first 0.25 s (a tone at 0.5); readable, with a warning.
- ``not_a_wav.wav``: a line of text saved under a .wav name.
- ``alaw.wav``: 0.1 s of a tone at 0.5 in G.711 A-law (format tag 6), 8 kHz
  mono; libsndfile decodes it (the hand-written reader before it refused it).
"""

from __future__ import annotations

import argparse
import random
import struct
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import numpy.typing as npt

HERE = Path(__file__).resolve().parent
SEED = 20240611
TONE_HZ = 440.0

PCM = 0x0001
FLOAT = 0x0003
ALAW = 0x0006
EXTENSIBLE = 0xFFFE
_GUID_TAIL = bytes.fromhex("000010008000 00aa00389b71".replace(" ", ""))

Signal = npt.NDArray[np.float64]


def tone(rate: int, seconds: float, level: float, freq: float = TONE_HZ) -> Signal:
    """A sine of ``level`` (fraction of full scale) at ``freq`` Hz, sampled at ``rate``."""
    n = np.arange(round(rate * seconds), dtype=np.float64)
    return level * np.sin(2.0 * np.pi * freq * n / rate)


def noise(rate: int, seconds: float, level: float, seed: int = SEED) -> Signal:
    """Uniform white noise in [-level, level), reproducible across Python versions."""
    rng = random.Random(seed)
    count = round(rate * seconds)
    return np.array([level * (2.0 * rng.random() - 1.0) for _ in range(count)])


def pcm_bytes(signal: Signal, bits: int) -> bytes:
    """Integer PCM: 8-bit unsigned or 16/24/32-bit signed little-endian, clipped at full scale."""
    full = 1 << (bits - 1)
    ints = np.clip(np.rint(signal * full), -full, full - 1).astype(np.int64)
    if bits == 8:
        return (ints + 128).astype(np.uint8).tobytes()
    raw = ints.astype("<i4").view(np.uint8).reshape(-1, 4)
    return raw[:, : bits // 8].tobytes()


def interleave(*channels: Signal) -> Signal:
    """One signal with the channels' samples interleaved frame by frame."""
    return np.stack(channels, axis=1).reshape(-1)


def alaw_bytes(signal: Signal) -> bytes:
    """G.711 A-law, as in the ITU reference ``linear2alaw``."""
    pcm = np.clip(np.rint(signal * 32768), -32768, 32767).astype(np.int32) >> 3
    mask = np.where(pcm >= 0, 0xD5, 0x55)
    mag = np.where(pcm >= 0, pcm, -pcm - 1)
    seg_end = np.array([0x1F, 0x3F, 0x7F, 0xFF, 0x1FF, 0x3FF, 0x7FF, 0xFFF])
    seg = np.searchsorted(seg_end, mag, side="left")
    shift = np.maximum(seg, 1)
    low = (mag >> shift) & 0x0F
    code = np.where(seg >= 8, 0x7F, (np.minimum(seg, 7) << 4) | low)
    return (code ^ mask).astype(np.uint8).tobytes()


def chunk(chunk_id: bytes, body: bytes) -> bytes:
    """One RIFF chunk, padded to an even length."""
    return chunk_id + struct.pack("<I", len(body)) + body + b"\0" * (len(body) & 1)


def wav_bytes(
    tag: int,
    channels: int,
    rate: int,
    bits: int,
    data: bytes,
    *,
    declared_size: int | None = None,
    extra_chunks: Sequence[tuple[bytes, bytes]] = (),
    extensible: bool = False,
) -> bytes:
    """A WAV file; ``declared_size`` makes the data chunk claim a size other than its length."""
    block = (bits + 7) // 8 * channels
    head = struct.pack("<HHIIHH", tag, channels, rate, rate * block, block, bits)
    if extensible:
        guid = struct.pack("<I", tag) + _GUID_TAIL
        sub = struct.pack("<HHI", 22, bits, 0) + guid
        head = struct.pack("<H", EXTENSIBLE) + head[2:] + sub
    elif tag != PCM:
        head += struct.pack("<H", 0)  # cbSize: non-PCM formats carry it
    chunks = chunk(b"fmt ", head)
    if tag != PCM and not extensible:
        chunks += chunk(b"fact", struct.pack("<I", len(data) // block))
    for chunk_id, body in extra_chunks:
        chunks += chunk(chunk_id, body)
    if declared_size is None:
        chunks += chunk(b"data", data)
        missing = 0
    else:
        chunks += b"data" + struct.pack("<I", declared_size) + data
        missing = declared_size - len(data)
    return b"RIFF" + struct.pack("<I", 4 + len(chunks) + missing) + b"WAVE" + chunks


def build_all() -> dict[str, bytes]:
    """Every fixture's file name and content."""
    extra = [(b"LIST", b"INFO" + chunk(b"ICMT", b"24-bit tone")), (b"JUNK", b"odd len")]
    truncated = pcm_bytes(tone(16000, 0.25, 0.5), 16)
    return {
        "silence_16k.wav": wav_bytes(PCM, 1, 16000, 16, pcm_bytes(np.zeros(16000), 16)),
        "noise_16k.wav": wav_bytes(PCM, 1, 16000, 16, pcm_bytes(noise(16000, 1.0, 0.25), 16)),
        "tone_440_44k1_stereo.wav": wav_bytes(
            PCM,
            2,
            44100,
            16,
            pcm_bytes(interleave(tone(44100, 0.5, 0.6), tone(44100, 0.5, 0.2)), 16),
        ),
        "tone_8bit_8k.wav": wav_bytes(PCM, 1, 8000, 8, pcm_bytes(tone(8000, 0.5, 0.5), 8)),
        "tone_24bit_48k.wav": wav_bytes(
            PCM, 1, 48000, 24, pcm_bytes(tone(48000, 0.5, 0.5), 24), extra_chunks=extra
        ),
        "tone_float32_22k.wav": wav_bytes(
            FLOAT, 1, 22050, 32, tone(22050, 0.5, 0.25).astype("<f4").tobytes()
        ),
        "clipped_16k.wav": wav_bytes(PCM, 1, 16000, 16, pcm_bytes(tone(16000, 0.5, 2.0), 16)),
        "empty.wav": wav_bytes(PCM, 1, 16000, 16, b""),
        "truncated.wav": wav_bytes(PCM, 1, 16000, 16, truncated, declared_size=32000),
        "not_a_wav.wav": b"This is not a WAV file, just text saved with a .wav name.\n",
        "alaw.wav": wav_bytes(ALAW, 1, 8000, 8, alaw_bytes(tone(8000, 0.1, 0.5))),
    }


def main(target: Path | None = None) -> list[Path]:
    """Write every fixture into ``target`` (default: this folder); return the paths written."""
    out = HERE if target is None else target
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, content in build_all().items():
        path = out / name
        path.write_bytes(content)
        written.append(path)
    return written


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("target", type=Path, nargs="?", help="folder to write (default: here)")
    for written_path in main(parser.parse_args().target):
        print(written_path)
