"""WAV files in, the recognizer's audio out: 16 kHz mono signed 16-bit little-endian PCM.

Contract: :func:`open_wav` receives a path, checks the header and returns a
:class:`WavSource` that reads, decodes and resamples the audio in blocks (an hour
of audio never sits in memory; :meth:`WavSource.blocks`, :meth:`WavSource.frames`);
:func:`read_wav` returns all of it as :class:`PcmAudio`. Both raise
:class:`~assistant.errors.AudioError` with a one-line message that
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
import os
import struct
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

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
BLOCK_S = 1.0
"""Seconds of the file read, decoded and resampled at a time."""

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


@dataclass(frozen=True)
class WavSource:
    """A WAV file whose header has been checked, read in blocks on demand."""

    path: Path
    """The file."""
    fmt: _Format
    """Its sample format."""
    start: int
    """Byte offset of the first sample."""
    size: int
    """Bytes of whole frames to read from ``start``."""
    target_rate: int = SAMPLE_RATE
    """The rate of the PCM handed out."""

    @property
    def duration_s(self) -> float:
        """Length of the file's audio in seconds."""
        return self.size // self.fmt.block / self.fmt.rate

    def blocks(self, seconds: float = BLOCK_S) -> Iterator[bytes]:
        """Mono signed 16-bit PCM at ``target_rate``, about ``seconds`` of the file at a time
        (the last block may be shorter, or empty); the bytes are exactly :func:`read_wav`'s."""
        frames = max(1, int(self.fmt.rate * seconds))
        resampler = _Resampler(self.fmt, self.target_rate)
        with _open(self.path) as file:
            file.seek(self.start)
            left = self.size
            while left > 0:
                raw = _read(self.path, file, min(left, frames * self.fmt.block))
                raw = raw[: len(raw) - len(raw) % self.fmt.block]
                left = left - len(raw) if raw else 0  # the file shrank since it was opened
                yield resampler.push(_decode(memoryview(raw), self.fmt), last=left == 0)

    def frames(self, ms: int) -> Iterator[bytes]:
        """Chunks of ``ms`` milliseconds (whole samples) at ``target_rate``, the last may be
        shorter: :meth:`PcmAudio.frames` without holding the file."""
        step = self.target_rate * ms // 1000 * SAMPLE_WIDTH
        if step <= 0:
            raise AudioError(f"a frame of {ms} ms holds no sample at {self.target_rate} Hz")
        return _rechunk(self.blocks(), step)

    def read(self) -> PcmAudio:
        """All of it at once."""
        return PcmAudio(self.target_rate, b"".join(self.blocks()))


def open_wav(path: Path, target_rate: int = SAMPLE_RATE) -> WavSource:
    """Check a WAV file's header; AudioError (naming the file) if it is unusable. The audio
    is read when :meth:`WavSource.blocks` is iterated."""
    if target_rate <= 0:
        raise AudioError(f"sample rates must be positive, not {target_rate}")
    with _open(path) as file:
        _check_header(path, _read(path, file, _HEAD_BYTES))
        total = os.fstat(file.fileno()).st_size
        fmt, span = _walk_chunks(path, file, total)
    start, size = _audio_span(path, total, span, fmt)
    return WavSource(path, fmt, start, size, target_rate)


def read_wav(path: Path, target_rate: int = SAMPLE_RATE) -> PcmAudio:
    """Read a WAV file as mono signed 16-bit PCM at ``target_rate``; AudioError if unusable."""
    return open_wav(path, target_rate).read()


def _rechunk(blocks: Iterator[bytes], step: int) -> Iterator[bytes]:
    """The bytes of ``blocks`` again in chunks of ``step`` bytes (the last may be shorter)."""
    pending = b""
    for block in blocks:
        pending += block
        whole = len(pending) - len(pending) % step
        for offset in range(0, whole, step):
            yield pending[offset : offset + step]
        pending = pending[whole:]
    if pending:
        yield pending


class _Resampler:
    """:func:`convert` for consecutive blocks of one file: soxr's streaming resampler gives
    exactly the samples of a single call over the whole file."""

    def __init__(self, fmt: _Format, target_rate: int) -> None:
        self.channels = fmt.channels
        self.stream = (
            soxr.ResampleStream(fmt.rate, target_rate, 1, dtype="float32", quality="HQ")
            if fmt.rate != target_rate
            else None
        )

    def push(self, samples: npt.NDArray[Any], *, last: bool) -> bytes:
        mono = _mono(samples, self.channels)
        if self.stream is not None:
            out = self.stream.resample_chunk(mono, last=last)
            mono = np.asarray(out, dtype=np.float32)
        return _pcm16(mono)


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
    mono = _mono(samples, channels)
    if rate != target_rate and mono.size:
        mono = np.asarray(soxr.resample(mono, rate, target_rate, quality="HQ"), dtype=np.float32)
    return _pcm16(mono)


def _mono(samples: npt.NDArray[Any], channels: int) -> npt.NDArray[np.float32]:
    """Samples averaged to one channel, as float32 clipped to ±1.0."""
    if channels < 1:
        raise AudioError(f"audio needs at least one channel, not {channels}")
    x = _as_float(samples)
    if x.ndim > 2 or (x.ndim == 2 and x.shape[1] != channels) or x.size % channels:
        raise AudioError(f"samples of shape {x.shape} do not divide into {channels} channels")
    frames = x.reshape(-1, channels)
    mono: npt.NDArray[np.float32] = (
        frames[:, 0] if channels == 1 else frames.mean(axis=1, dtype=np.float32)
    )
    return np.clip(mono, np.float32(-1.0), np.float32(1.0))


def _pcm16(mono: npt.NDArray[np.float32]) -> bytes:
    """Float samples (full scale ±1.0) as int16 little-endian bytes, clipped."""
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


def _open(path: Path) -> IO[bytes]:
    try:
        return path.open("rb")
    except OSError as exc:
        raise _unreadable(path, exc) from None


def _read(path: Path, file: IO[bytes], size: int) -> bytes:
    try:
        return file.read(size)
    except OSError as exc:
        raise _unreadable(path, exc) from None


def _unreadable(path: Path, exc: OSError) -> AudioError:
    if isinstance(exc, FileNotFoundError):
        return AudioError(f"{path}: no such file")
    if isinstance(exc, IsADirectoryError):
        return AudioError(f"{path}: is a directory, not a WAV file")
    if isinstance(exc, PermissionError):
        return AudioError(f"{path}: cannot read the file (permission denied)")
    return AudioError(f"{path}: cannot read the file ({exc.strerror or exc})")


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


def _walk_chunks(path: Path, file: IO[bytes], total: int) -> tuple[_Format, tuple[int, int]]:
    """Walk the chunks after the RIFF/WAVE header (``total`` bytes in the file), reading only
    their headers and the fmt chunk; return the format and the data chunk's (offset, size)."""
    fmt: _Format | None = None
    span: tuple[int, int] | None = None
    pos = 12
    while pos + 8 <= total and (fmt is None or span is None):
        file.seek(pos)
        chunk_id, size = struct.unpack("<4sI", _read(path, file, 8))
        body = pos + 8
        if chunk_id == b"data":
            span = (body, size)
        elif body + size > total:
            if chunk_id == b"fmt ":
                raise _broken(path, "the fmt chunk is cut short")
            break  # a chunk cut short after the ones we need, or trailing junk
        elif chunk_id == b"fmt ":
            fmt = _parse_fmt(path, _read(path, file, size))
        pos = body + size + (size & 1)  # chunks are padded to an even length
    if fmt is None:
        raise _broken(path, "no fmt chunk; the file may be cut short")
    if span is None:
        raise _broken(path, "no data chunk; the file may be cut short")
    return fmt, span


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


def _audio_span(path: Path, total: int, span: tuple[int, int], fmt: _Format) -> tuple[int, int]:
    """Where the whole frames of the data chunk are, (offset, bytes): what is there if the
    file is cut short."""
    start, declared = span
    present = total - start
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
    return start, usable


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
