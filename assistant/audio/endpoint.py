"""End of a spoken turn: energy-based endpointing over 16-bit PCM frames.

:class:`Endpointer` is pure (no audio device, no clock): it counts time in
frames of ``frame_ms``. A turn starts with the first frame whose RMS is above
``silence_rms``; silence before that does not count. Once started, the turn
ends after ``trailing_silence_ms`` of continuous silence, or when it has
lasted ``max_utterance_s`` (counted from the first loud frame).
"""

from __future__ import annotations

import numpy as np

from assistant.errors import ConfigError


def rms(frame: bytes) -> float:
    """Root mean square of signed 16-bit little-endian samples (0.0 for an empty frame).

    A trailing odd byte (half a sample) is ignored.
    """
    usable = len(frame) - len(frame) % 2
    if usable == 0:
        return 0.0
    samples = np.frombuffer(frame[:usable], dtype="<i2").astype(np.float64)
    return float(np.sqrt(np.mean(samples * samples)))


class Endpointer:
    """Decide, frame by frame, when a spoken turn has ended."""

    def __init__(
        self,
        silence_rms: int,
        trailing_silence_ms: int,
        max_utterance_s: float,
        frame_ms: int = 30,
    ) -> None:
        if silence_rms < 0:
            raise ConfigError(f"silence_rms must not be negative, not {silence_rms}")
        if trailing_silence_ms <= 0 or max_utterance_s <= 0 or frame_ms <= 0:
            raise ConfigError(
                "trailing_silence_ms, max_utterance_s and frame_ms must be positive, not "
                f"{trailing_silence_ms}, {max_utterance_s}, {frame_ms}"
            )
        self.silence_rms = silence_rms
        self.trailing_silence_ms = trailing_silence_ms
        self.max_utterance_ms = round(max_utterance_s * 1000)
        self.frame_ms = frame_ms
        self._started = False
        self._ended = False
        self._elapsed_ms = 0
        self._silence_ms = 0

    @property
    def started(self) -> bool:
        """Whether speech has been heard since the last :meth:`reset`."""
        return self._started

    def reset(self) -> None:
        """Forget the current turn and wait for speech again."""
        self._started = False
        self._ended = False
        self._elapsed_ms = 0
        self._silence_ms = 0

    def feed(self, frame: bytes) -> bool:
        """Take one frame; True when the turn has ended (and for every frame until reset)."""
        if self._ended:
            return True
        loud = rms(frame) > self.silence_rms
        if not self._started:
            if not loud:
                return False
            self._started = True
        self._elapsed_ms += self.frame_ms
        self._silence_ms = 0 if loud else self._silence_ms + self.frame_ms
        if (
            self._silence_ms >= self.trailing_silence_ms
            or self._elapsed_ms >= self.max_utterance_ms
        ):
            self._ended = True
        return self._ended
