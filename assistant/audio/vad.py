"""Speech or not: WebRTC's voice activity detector and a moving pitch, over 16 kHz PCM.

:class:`SpeechDetector` is the adapter (``webrtcvad``, from the ``webrtcvad-wheels``
package, is imported only here): it marks each 30 ms frame voiced or not, and
adds how far the pitch glides (:mod:`assistant.audio.pitch`). :func:`voicing` and
:class:`SpeechRule` are pure: what was measured and whether it counts as speech.

WebRTC's detector alone does not tell speech from steady noise: a running tap,
a vacuum cleaner, white noise and some tones come out voiced almost throughout
(``bench/noise_window_bench.py``); it does reject silence and most of the pure
tones in ``audio_fixtures``. A motor's hum is the hard case: the Korean model hears a short burst of
it as "네" at word confidence 0.81, as confident as a real "네". What a voice has
and a motor, a beep or a held note has not is a pitch that moves: the shared
clips' answers glide 2.5-4 semitones, a steady motor at most 0.8 and tunes with
vibrato 1.3. So a yes or a no also needs a pitch contour that moves
(:meth:`SpeechRule.glides`): a flat, sung-on-one-note "응" is not a yes. Only
answers need it: YIN finds too little pitch in some real recordings (3 of the 26
shared clips glide less than 1.5 semitones), and other speech in the window (a
new command) must not be lost for that.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from assistant.audio import pitch
from assistant.errors import ConfigError

RATE = 16000
"""Sample rate the detector is given."""
FRAME_MS = 30
"""Frame length the detector judges (WebRTC accepts 10, 20 or 30 ms)."""
FRAME_BYTES = RATE * FRAME_MS // 1000 * 2
"""Bytes in one frame of signed 16-bit samples."""


@dataclass(frozen=True)
class Voicing:
    """How much of a stretch of audio the detector took for speech."""

    voiced_ms: int
    """Voiced frames in total, in milliseconds."""
    longest_ms: int
    """The longest run of consecutive voiced frames, in milliseconds."""
    total_ms: int
    """Length of the audio judged, in milliseconds (whole frames only)."""
    glide_ms: int = 0
    """Length of the pitch contour that moves the most, in milliseconds."""
    glide_st: float = 0.0
    """How far that contour's pitch moves, in semitones (0.0: no pitch or a flat one)."""


def voicing(flags: Sequence[bool], frame_ms: int = FRAME_MS) -> Voicing:
    """Sum up per-frame decisions (True = voiced)."""
    run = longest = 0
    for voiced in flags:
        run = run + 1 if voiced else 0
        longest = max(longest, run)
    return Voicing(sum(flags) * frame_ms, longest * frame_ms, len(flags) * frame_ms)


@dataclass(frozen=True)
class SpeechRule:
    """When a turn's voicing is enough to count as speech."""

    min_voiced_ms: int = 180
    """At least this much voiced audio in the turn ("네" alone is ~300-400 ms)."""
    min_run_ms: int = 150
    """... of which at least this much in one run (a click or a knock is shorter)."""
    min_glide_st: float = 1.5
    """For an answer: a pitch contour that moves at least this many semitones."""

    def __post_init__(self) -> None:
        if min(self.min_voiced_ms, self.min_run_ms, self.min_glide_st) < 0:
            raise ConfigError(
                "speech rule limits must not be negative: "
                f"{self.min_voiced_ms}, {self.min_run_ms}, {self.min_glide_st}"
            )

    def passes(self, heard: Voicing) -> bool:
        """Enough voiced audio, in a long enough run."""
        return heard.voiced_ms >= self.min_voiced_ms and heard.longest_ms >= self.min_run_ms

    def glides(self, heard: Voicing) -> bool:
        """The pitch moves like a voice's (a motor's, a beep's or a held note's stays put)."""
        return heard.glide_st >= self.min_glide_st


class SpeechDetector:
    """WebRTC VAD: marks 30 ms frames of 16 kHz mono 16-bit PCM as voiced or not."""

    def __init__(self, aggressiveness: int = 3) -> None:
        if aggressiveness not in (0, 1, 2, 3):
            raise ConfigError(f"VAD aggressiveness must be 0..3, not {aggressiveness}")
        try:
            import webrtcvad
        except ImportError as exc:  # pragma: no cover - a broken install
            raise ConfigError(
                "the voice activity detector is missing: install `webrtcvad-wheels`"
            ) from exc
        self._webrtcvad: Any = webrtcvad
        self.aggressiveness = aggressiveness

    def flags(self, pcm: bytes) -> list[bool]:
        """One decision per whole 30 ms frame; a shorter tail is not judged.

        Each call starts afresh: the detector smooths over recent frames, and one turn's
        speech must not make the next turn's first frames count as voiced.
        """
        vad = self._webrtcvad.Vad(self.aggressiveness)
        return [
            bool(vad.is_speech(pcm[start : start + FRAME_BYTES], RATE))
            for start in range(0, len(pcm) - FRAME_BYTES + 1, FRAME_BYTES)
        ]

    def measure(self, pcm: bytes) -> Voicing:
        """How much of ``pcm`` is voiced, and how far its pitch glides."""
        glide_ms, glide_st = pitch.movement(pitch.track(pcm))
        return replace(voicing(self.flags(pcm)), glide_ms=glide_ms, glide_st=glide_st)
