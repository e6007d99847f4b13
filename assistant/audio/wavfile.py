"""WAV files in, the recognizer's audio out: 16 kHz mono signed 16-bit little-endian PCM.

Contract: :func:`open_wav` receives a path, checks the header and returns a
:class:`WavSource` that reads, decodes and resamples the audio in blocks (an hour
of audio never sits in memory; :meth:`WavSource.blocks`, :meth:`WavSource.frames`);
:func:`read_wav` returns all of it as :class:`PcmAudio`. Both raise
:class:`~assistant.errors.AudioError` with a one-line message that
names the file. libsndfile (through ``soundfile``) decodes the samples: 8-bit
unsigned, 16-, 24- and 32-bit signed PCM, IEEE float, WAVE_FORMAT_EXTENSIBLE and
the codecs it knows (A-law, μ-law, IMA/Microsoft ADPCM, GSM 6.10). This module only
walks the RIFF chunk headers itself, to say what is wrong with a file libsndfile
refuses and how much of a cut-short file is left. Any channel count (averaged to
mono) and any sample rate (changed with soxr, never by dropping samples) is fine;
values beyond full scale are clipped, never wrapped around.

:func:`convert` is the numeric half, shared with the microphone path.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, Literal

import numpy as np
import numpy.typing as npt
import soundfile
import soxr

from assistant.audio import wavheader
from assistant.errors import AudioError

SAMPLE_RATE = 16000
"""The recognizer's sample rate in Hz."""

SAMPLE_WIDTH = 2
"""Bytes per sample of :attr:`PcmAudio.pcm` (signed 16-bit little-endian)."""

MIN_TRUNCATED_S = 0.01
"""A truncated file is still read when at least this many seconds of audio are left."""

BLOCK_S = 1.0
"""Seconds of the file read, decoded and resampled at a time."""

_log = logging.getLogger(__name__)

_Dtype = Literal["float64", "float32", "int32", "int16"]
_READ_AS: dict[str, _Dtype] = {
    "PCM_U8": "int16",
    "PCM_16": "int16",
    "PCM_24": "int32",
    "PCM_32": "int32",
    "DOUBLE": "float64",
}
"""The dtype each libsndfile subtype is read in without rounding (others: float32)."""


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
class WavSource:
    """A WAV file whose header has been checked, read in blocks on demand."""

    path: Path
    """The file."""
    rate: int
    """The file's frames per second."""
    channels: int
    """Interleaved channels per frame."""
    length: int
    """Frames to read (what is there, if the file was cut short)."""
    dtype: _Dtype
    """The sample type libsndfile decodes into."""
    target_rate: int = SAMPLE_RATE
    """The rate of the PCM handed out."""

    @property
    def duration_s(self) -> float:
        """Length of the file's audio in seconds."""
        return self.length / self.rate

    def blocks(self, seconds: float = BLOCK_S) -> Iterator[bytes]:
        """Mono signed 16-bit PCM at ``target_rate``, about ``seconds`` of the file at a time
        (the last block may be shorter, or empty); the bytes are exactly :func:`read_wav`'s."""
        step = max(1, int(self.rate * seconds))
        resampler = _Resampler(self.rate, self.channels, self.target_rate)
        with _open(self.path) as file, _sound(self.path, file) as sound:
            left = self.length
            while left > 0:
                samples = sound.read(min(left, step), dtype=self.dtype, always_2d=True)
                left = left - len(samples) if len(samples) else 0  # the file shrank meanwhile
                yield resampler.push(samples, last=left == 0)

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
        wavheader.check_head(path, wavheader.read(path, file, wavheader.HEAD_BYTES))
        layout = wavheader.walk_chunks(path, file, os.fstat(file.fileno()).st_size)
        with _sound(path, file, layout.fmt) as sound:
            info = (sound.samplerate, sound.channels, sound.frames, sound.subtype)
    rate, channels, length, subtype = info
    _check_length(path, layout, rate, length)
    return WavSource(path, rate, channels, length, _READ_AS.get(subtype, "float32"), target_rate)


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

    def __init__(self, rate: int, channels: int, target_rate: int) -> None:
        self.channels = channels
        self.stream = (
            soxr.ResampleStream(rate, target_rate, 1, dtype="float32", quality="HQ")
            if rate != target_rate
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
    """The file unbuffered, so that libsndfile can take over its descriptor."""
    try:
        return path.open("rb", buffering=0)
    except OSError as exc:
        raise wavheader.unreadable(path, exc) from None


def _sound(path: Path, file: IO[bytes], fmt: bytes | None = None) -> soundfile.SoundFile:
    """libsndfile reading ``file`` from its start (the descriptor stays ``file``'s); if it
    cannot, AudioError saying why from the ``fmt`` chunk (None: the file changed since)."""
    try:
        os.lseek(file.fileno(), 0, os.SEEK_SET)
        return soundfile.SoundFile(file.fileno(), closefd=False)
    except OSError as exc:
        raise wavheader.unreadable(path, exc) from None
    except soundfile.LibsndfileError as exc:
        if fmt is None:
            raise AudioError(
                f"{path}: the file changed since it was opened ({exc.error_string})"
            ) from None
        raise wavheader.refused(path, fmt, exc.error_string) from None


def _check_length(path: Path, layout: wavheader.Layout, rate: int, length: int) -> None:
    """AudioError unless the file holds audio; a warning if it is cut short."""
    declared, present = layout.declared, layout.present
    if declared != wavheader.STREAMING_SIZE and declared > present:
        if length / rate < MIN_TRUNCATED_S:
            raise AudioError(
                f"{path}: the WAV file is truncated: its header promises {declared} bytes "
                f"of audio but only {present} are present"
            )
        want_s = length / rate * declared / present
        _log.warning("%s: truncated WAV, reading %.3f s of %.3f s", path, length / rate, want_s)
    if length == 0:
        raise AudioError(f"{path}: the WAV file holds no audio samples")
