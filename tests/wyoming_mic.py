"""A paced microphone for wyoming-satellite's ``--mic-command`` in the hub tests.

``python wyoming_mic.py TRIGGER RECORDING``: writes raw 16 kHz mono s16le to stdout at real
time pace: room tone until the file TRIGGER exists, then RECORDING (raw PCM of the same
format) once, then room tone until killed. The satellite drops audio until a hub has
connected, so the test creates TRIGGER only once the hub says the satellite streams.
"""

from __future__ import annotations

import contextlib
import sys
import time
from pathlib import Path

import numpy as np

RATE = 16000
CHUNK = 1024
"""Samples per write: wyoming-satellite's default mic chunk."""


def _room_tone(rng: np.random.Generator) -> bytes:
    return np.asarray(rng.normal(0, 3, CHUNK), dtype="<i2").tobytes()


def main(trigger: Path, recording: Path) -> None:
    rng = np.random.default_rng(0)
    out = sys.stdout.buffer
    step = CHUNK / RATE
    started = time.monotonic()
    sent = 0
    pcm = b""
    played = False
    while True:
        if not played and not pcm and trigger.exists():
            pcm = recording.read_bytes()
            played = True
        if pcm:
            chunk, pcm = pcm[: CHUNK * 2], pcm[CHUNK * 2 :]
            chunk = chunk.ljust(CHUNK * 2, b"\0")
        else:
            chunk = _room_tone(rng)
        out.write(chunk)
        out.flush()
        sent += 1
        delay = started + sent * step - time.monotonic()
        if delay > 0:
            time.sleep(delay)


if __name__ == "__main__":
    with contextlib.suppress(BrokenPipeError, KeyboardInterrupt):  # killed by the test
        main(Path(sys.argv[1]), Path(sys.argv[2]))
