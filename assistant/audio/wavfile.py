"""WAV files in, the recognizer's audio out: 16 kHz mono signed 16-bit little-endian PCM.

Contract: :func:`read_wav` receives a path and returns :class:`PcmAudio`, or
raises :class:`~assistant.errors.AudioError` with a one-line message that
names the file. It walks the RIFF chunks itself, so it reads everything the
standard :mod:`wave` module opens (8-bit unsigned, 16-, 24- and 32-bit signed
PCM) and also IEEE float (format tag 3) and WAVE_FORMAT_EXTENSIBLE files,
which ``wave`` rejects in Python 3.11. Any channel count (averaged to mono)
and any sample rate (changed with soxr, never by dropping samples) is fine;
values beyond full scale are clipped, never wrapped around.

:func:`convert` is the numeric half, shared with the microphone path.
"""

from __future__ import annotations

import logging
import struct
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
import soxr

from assistant.errors import AudioError

SAMPLE_RATE = 16000
"""The recognizer's sample rate in Hz."""

SAMPLE_WIDTH = 2
"""Bytes per sample of :attr:`PcmAudio.pcm` (signed 16-bit little-endian)."""

MIN_TRUNCATED_S = 0.01
"""A truncated file is still read when at least this many seconds of audio are left."""

_log = logging.getLogger(__name__)

_PCM = 0x0001
_FLOAT = 0x0003
_EXTENSIBLE = 0xFFFE
_STREAMING_SIZE = 0xFFFFFFFF  # data size left by writers that could not seek back
_HEAD_BYTES = 512  # enough to recognise the RIFF header or guess what else a file is

_CODEC_NAMES = {
    0x0002: "Microsoft ADPCM",
    0x0006: "A-law",
    0x0007: "μ-law",
    0x0011: "IMA ADPCM",
    0x0031: "GSM 6.10",
    0x0050: "MPEG audio",
    0x0055: "MP3",
}


@dataclass(frozen=True)
class PcmAudio:
    """Mono signed 16-bit little-endian PCM without a header: what the recognizer reads."""

    rate: int
    """Samples per second (16000 for the recognizer)."""

    pcm: bytes = field(repr=False)
    """The samples, two bytes each, little-endian."""

    def __post_init__(self) -> None:
        if self.rate <= 0:
            raise AudioError(f"sample rate must be positive, not {self.rate}")
        if len(self.pcm) % SAMPLE_WIDTH:
            raise AudioError(f"16-bit PCM needs an even number of bytes, not {len(self.pcm)}")

    @property
    def sample_count(self) -> int:
        """Number of samples."""
        return len(self.pcm) // SAMPLE_WIDTH

    @property
    def duration_s(self) -> float:
        """Length in seconds."""
        return self.sample_count / self.rate

    def samples(self) -> npt.NDArray[np.int16]:
        """The samples as a read-only int16 array (no copy on little-endian machines)."""
        return np.frombuffer(self.pcm, dtype=np.dtype("<i2")).astype(np.int16, copy=False)

    def frames(self, ms: int) -> Iterator[bytes]:
        """Split into chunks of ``ms`` milliseconds (whole samples); the last may be shorter."""
        step = self.rate * ms // 1000 * SAMPLE_WIDTH
        if step <= 0:
            raise AudioError(f"a frame of {ms} ms holds no sample at {self.rate} Hz")
        return (self.pcm[start : start + step] for start in range(0, len(self.pcm), step))


@dataclass(frozen=True)
class _Format:
    """The parts of a ``fmt `` chunk that decoding needs."""

    is_float: bool
    """IEEE float samples rather than integer PCM."""
    channels: int
    """Interleaved channels per frame."""
    rate: int
    """Frames per second."""
    width: int
    """Bytes per sample of one channel."""

    @property
    def block(self) -> int:
        """Bytes per frame (all channels)."""
        return self.width * self.channels


def read_wav(path: Path, target_rate: int = SAMPLE_RATE) -> PcmAudio:
    """Read a WAV file as mono signed 16-bit PCM at ``target_rate``; AudioError if unusable."""
    data = _read_file(path)
    fmt, raw = _parse_riff(path, data)
    samples = _decode(raw, fmt)
    return PcmAudio(target_rate, convert(samples, fmt.rate, fmt.channels, target_rate))


def convert(
    samples: npt.NDArray[Any], rate: int, channels: int, target_rate: int = SAMPLE_RATE
) -> bytes:
    """Turn samples into mono signed 16-bit little-endian PCM at ``target_rate``.

    ``samples`` is interleaved (1-D) or shaped (frames, channels). Full scale
    follows the dtype: uint8 is 8-bit WAV (128 is silence), signed integers use
    their whole range, floats use ±1.0 (NaN becomes silence). Channels are
    averaged, the rate is changed with soxr's high-quality filter, and values
    beyond full scale (also resampling overshoot) are clipped to int16.
    """
    if rate <= 0 or target_rate <= 0:
        raise AudioError(f"sample rates must be positive, not {rate} -> {target_rate}")
    if channels < 1:
        raise AudioError(f"audio needs at least one channel, not {channels}")
    x = _as_float(samples)
    if x.ndim > 2 or (x.ndim == 2 and x.shape[1] != channels) or x.size % channels:
        raise AudioError(f"samples of shape {x.shape} do not divide into {channels} channels")
    frames = x.reshape(-1, channels)
    mono: npt.NDArray[np.float32] = (
        frames[:, 0] if channels == 1 else frames.mean(axis=1, dtype=np.float32)
    )
    mono = np.clip(mono, np.float32(-1.0), np.float32(1.0))
    if rate != target_rate and mono.size:
        mono = np.asarray(soxr.resample(mono, rate, target_rate, quality="HQ"), dtype=np.float32)
    scaled: npt.NDArray[np.int16] = np.clip(np.rint(mono * 32768.0), -32768, 32767).astype("<i2")
    return scaled.tobytes()


def _as_float(samples: npt.NDArray[Any]) -> npt.NDArray[np.float32]:
    """Samples of any supported dtype as float32 with full scale at ±1.0."""
    arr = np.asarray(samples)
    if arr.dtype.kind == "f":
        return np.nan_to_num(arr.astype(np.float32), nan=0.0, posinf=1.0, neginf=-1.0)
    if arr.dtype == np.uint8:
        return (arr.astype(np.float32) - np.float32(128.0)) / np.float32(128.0)
    if arr.dtype.kind == "i":
        full_scale = np.float32(2.0 ** (arr.dtype.itemsize * 8 - 1))
        return arr.astype(np.float32) / full_scale
    raise AudioError(f"unsupported sample type {arr.dtype}")


def _read_file(path: Path) -> bytes:
    """The whole file, once its first bytes show a RIFF/WAVE header."""
    try:
        with path.open("rb") as file:
            head = file.read(_HEAD_BYTES)
            _check_header(path, head)
            return head + file.read()
    except FileNotFoundError:
        raise AudioError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise AudioError(f"{path}: is a directory, not a WAV file") from None
    except PermissionError:
        raise AudioError(f"{path}: cannot read the file (permission denied)") from None
    except OSError as exc:
        raise AudioError(f"{path}: cannot read the file ({exc.strerror or exc})") from None


def _check_header(path: Path, head: bytes) -> None:
    if not head:
        raise AudioError(f"{path}: the file is empty (0 bytes), not a WAV file")
    if head[:4] == b"RIFF" and head[8:12] == b"WAVE":
        return
    if len(head) < 12 and b"RIFF".startswith(head[:4]):
        raise _broken(path, f"the file ends after {len(head)} bytes, inside the RIFF header")
    kind = _guess_kind(head)
    hint = f"looks like {kind}" if kind else "no RIFF/WAVE header"
    raise AudioError(f"{path}: not a WAV file ({hint})")


def _guess_kind(head: bytes) -> str | None:
    """A short description of a common non-WAV file, from its first bytes."""
    if head[:3] == b"ID3" or (len(head) > 1 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0):
        return "MP3 audio"
    magic = {b"OggS": "Ogg audio", b"fLaC": "FLAC audio", b"RIFX": "big-endian RIFX audio"}
    if head[:4] in magic:
        return magic[head[:4]]
    if head[:4] == b"FORM" and head[8:11] == b"AIF":
        return "AIFF audio"
    if head[:4] == b"RIFF":
        return f"a RIFF file of type {head[8:12]!r}"
    if head[4:8] == b"ftyp":
        return "MP4/M4A audio"
    return "text" if _is_text(head) else None


def _is_text(head: bytes) -> bool:
    for cut in range(4):  # the head may end inside a multi-byte UTF-8 character
        try:
            text = head[: len(head) - cut].decode("utf-8")
        except UnicodeDecodeError:
            continue
        return all(ch.isprintable() or ch in "\t\r\n" for ch in text)
    return False


def _parse_riff(path: Path, data: bytes) -> tuple[_Format, memoryview]:
    """Walk the chunks after the RIFF/WAVE header; return the format and the audio bytes."""
    fmt: _Format | None = None
    span: tuple[int, int] | None = None
    pos = 12
    while pos + 8 <= len(data) and (fmt is None or span is None):
        chunk_id, size = struct.unpack_from("<4sI", data, pos)
        body = pos + 8
        if chunk_id == b"data":
            span = (body, size)
        elif body + size > len(data):
            if chunk_id == b"fmt ":
                raise _broken(path, "the fmt chunk is cut short")
            break  # a chunk cut short after the ones we need, or trailing junk
        elif chunk_id == b"fmt ":
            fmt = _parse_fmt(path, data[body : body + size])
        pos = body + size + (size & 1)  # chunks are padded to an even length
    if fmt is None:
        raise _broken(path, "no fmt chunk; the file may be cut short")
    if span is None:
        raise _broken(path, "no data chunk; the file may be cut short")
    return fmt, _audio_bytes(path, data, span, fmt)


def _parse_fmt(path: Path, body: bytes) -> _Format:
    if len(body) < 16:
        raise _broken(path, f"the fmt chunk holds {len(body)} bytes, fewer than 16")
    tag, channels, rate, _byte_rate, block_align, bits = struct.unpack_from("<HHIIHH", body)
    if tag == _EXTENSIBLE:
        if len(body) < 40:
            raise _broken(path, "the extensible fmt chunk is shorter than 40 bytes")
        (tag,) = struct.unpack_from("<H", body, 24)  # first bytes of the SubFormat GUID
    if channels == 0:
        raise _broken(path, "0 channels")
    if rate == 0:
        raise _broken(path, "sample rate 0")
    if tag not in (_PCM, _FLOAT):
        name = _CODEC_NAMES.get(tag, "compressed audio")
        raise AudioError(
            f"{path}: unsupported WAV encoding {name} (format tag {tag}); "
            "convert it to PCM or IEEE float WAV"
        )
    width = (bits + 7) // 8
    if block_align and block_align % channels == 0:
        width = block_align // channels  # the container size; bits may be fewer
    is_float = tag == _FLOAT
    if width not in ((4, 8) if is_float else (1, 2, 3, 4)):
        kind = "float" if is_float else "PCM"
        raise AudioError(f"{path}: unsupported {bits}-bit {kind} in {width}-byte samples")
    return _Format(is_float, channels, rate, width)


def _audio_bytes(path: Path, data: bytes, span: tuple[int, int], fmt: _Format) -> memoryview:
    """The whole frames of the data chunk, reading what is there if the file is cut short."""
    start, declared = span
    present = len(data) - start
    if declared == _STREAMING_SIZE:
        declared = present
    elif declared > present:
        got_s = present // fmt.block / fmt.rate
        if got_s < MIN_TRUNCATED_S:
            raise AudioError(
                f"{path}: the WAV file is truncated: its header promises {declared} bytes "
                f"of audio but only {present} are present"
            )
        want_s = declared // fmt.block / fmt.rate
        _log.warning("%s: truncated WAV, reading %.3f s of %.3f s", path, got_s, want_s)
        declared = present
    usable = declared - declared % fmt.block
    if usable == 0:
        raise AudioError(f"{path}: the WAV file holds no audio samples")
    return memoryview(data)[start : start + usable]


def _decode(raw: memoryview, fmt: _Format) -> npt.NDArray[Any]:
    """Interleaved samples in a dtype whose full scale :func:`convert` knows."""
    if fmt.is_float:
        return np.frombuffer(raw, dtype="<f4" if fmt.width == 4 else "<f8")
    if fmt.width == 3:  # 24-bit: place each sample in the top three bytes of an int32
        triples = np.frombuffer(raw, dtype=np.uint8).reshape(-1, 3).astype(np.uint32)
        packed = (triples[:, 0] << 8) | (triples[:, 1] << 16) | (triples[:, 2] << 24)
        return packed.view(np.int32)
    dtypes: dict[int, np.dtype[Any]] = {
        1: np.dtype(np.uint8),
        2: np.dtype("<i2"),
        4: np.dtype("<i4"),
    }
    dtype = dtypes[fmt.width]
    return np.frombuffer(raw, dtype=dtype)


def _broken(path: Path, problem: str) -> AudioError:
    return AudioError(f"{path}: broken WAV header ({problem})")
