"""Why a file is not a WAV the recognizer can read, in one line that names the file.

libsndfile decodes the audio (:mod:`assistant.audio.wavfile`) but says little more than
"Format not recognised" or "Malformed 'fmt ' chunk" about a file it refuses. This
module looks at the first bytes, walks the RIFF chunk headers (never the samples) and
reads the ``fmt`` chunk, to say what a file is instead, where it was cut short, or which
encoding it holds.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from assistant.errors import AudioError

_PCM = 0x0001
_FLOAT = 0x0003
_EXTENSIBLE = 0xFFFE
STREAMING_SIZE = 0xFFFFFFFF  # data size left by writers that could not seek back
HEAD_BYTES = 512  # enough to recognise the RIFF header or guess what else a file is

_CODEC_NAMES = {
    0x0002: "Microsoft ADPCM",
    0x0006: "A-law",
    0x0007: "μ-law",
    0x0011: "IMA ADPCM",
    0x0031: "GSM 6.10",
    0x0050: "MPEG audio",
    0x0055: "MP3",
}


def read(path: Path, file: IO[bytes], size: int) -> bytes:
    """Up to ``size`` bytes of ``file``; AudioError naming the file if it cannot be read."""
    try:
        return file.read(size)
    except OSError as exc:
        raise unreadable(path, exc) from None


def unreadable(path: Path, exc: OSError) -> AudioError:
    """Why the file system would not give us the file, in a line for people."""
    if isinstance(exc, FileNotFoundError):
        return AudioError(f"{path}: no such file")
    if isinstance(exc, IsADirectoryError):
        return AudioError(f"{path}: is a directory, not a WAV file")
    if isinstance(exc, PermissionError):
        return AudioError(f"{path}: cannot read the file (permission denied)")
    return AudioError(f"{path}: cannot read the file ({exc.strerror or exc})")


def check_head(path: Path, head: bytes) -> None:
    """AudioError unless the file's first bytes are a RIFF/WAVE header (saying what else)."""
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


@dataclass(frozen=True)
class Layout:
    """Where a WAV file's chunks are: what its header promises and what is there."""

    fmt: bytes
    """The body of the ``fmt `` chunk."""
    declared: int
    """Bytes of audio the data chunk's header promises."""
    present: int
    """Bytes in the file from the data chunk's first sample on."""


def walk_chunks(path: Path, file: IO[bytes], total: int) -> Layout:
    """Walk the chunks after the RIFF/WAVE header (``total`` bytes in the file), reading only
    their headers and the fmt chunk."""
    fmt: bytes | None = None
    span: tuple[int, int] | None = None
    pos = 12
    while pos + 8 <= total and (fmt is None or span is None):
        file.seek(pos)
        chunk_id, size = struct.unpack("<4sI", read(path, file, 8))
        body = pos + 8
        if chunk_id == b"data":
            span = (body, size)
        elif body + size > total:
            if chunk_id == b"fmt ":
                raise _broken(path, "the fmt chunk is cut short")
            break  # a chunk cut short after the ones we need, or trailing junk
        elif chunk_id == b"fmt ":
            fmt = read(path, file, size)
        pos = body + size + (size & 1)  # chunks are padded to an even length
    if fmt is None:
        raise _broken(path, "no fmt chunk; the file may be cut short")
    if span is None:
        raise bad_fmt(path, fmt) or _broken(path, "no data chunk; the file may be cut short")
    start, declared = span
    return Layout(fmt, declared, total - start)


def refused(path: Path, fmt: bytes, reason: str) -> AudioError:
    """Why libsndfile cannot read a file whose chunks are all there, from its fmt chunk."""
    problem = bad_fmt(path, fmt)
    if problem is not None:
        return problem
    tag = _tag(fmt)
    if tag not in (_PCM, _FLOAT):
        name = _CODEC_NAMES.get(tag, "compressed audio")
        return AudioError(
            f"{path}: unsupported WAV encoding {name} (format tag {tag}); "
            "convert it to PCM or IEEE float WAV"
        )
    return _broken(path, reason.rstrip("."))


def bad_fmt(path: Path, fmt: bytes) -> AudioError | None:
    """What is wrong with a fmt chunk whatever its codec; None if nothing is."""
    if len(fmt) < 16:
        return _broken(path, f"the fmt chunk holds {len(fmt)} bytes, fewer than 16")
    tag, channels, rate, _byte_rate, block_align, bits = struct.unpack_from("<HHIIHH", fmt)
    if tag == _EXTENSIBLE and len(fmt) < 40:
        return _broken(path, "the extensible fmt chunk is shorter than 40 bytes")
    if channels == 0:
        return _broken(path, "0 channels")
    if rate == 0:
        return _broken(path, "sample rate 0")
    tag = _tag(fmt)
    width = (bits + 7) // 8
    if block_align and block_align % channels == 0:
        width = block_align // channels  # the container size; bits may be fewer
    widths = {_PCM: (1, 2, 3, 4), _FLOAT: (4, 8)}
    if tag in widths and width not in widths[tag]:
        kind = "float" if tag == _FLOAT else "PCM"
        return AudioError(f"{path}: unsupported {bits}-bit {kind} in {width}-byte samples")
    return None


def _tag(fmt: bytes) -> int:
    """The format tag of a fmt chunk, or of the SubFormat of an extensible one."""
    tag = int.from_bytes(fmt[:2], "little")
    if tag == _EXTENSIBLE:
        return int.from_bytes(fmt[24:26], "little")  # first bytes of the SubFormat GUID
    return tag


def _broken(path: Path, problem: str) -> AudioError:
    return AudioError(f"{path}: broken WAV header ({problem})")
