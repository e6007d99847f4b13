"""The pitch of a voice, and how much it moves: YIN over 16 kHz mono 16-bit PCM.

A voice's pitch moves even in one syllable ("네." falls, "네?" rises: the shared
clips' answers glide 2.5-4 semitones along one smooth contour), while a motor, a
hum, a beep or a held note stays put. :func:`track`
estimates the fundamental frequency of each 10 ms hop with YIN (de Cheveigné and
Kawahara, 2002: the cumulative mean normalised difference function and an
absolute threshold, which avoids most octave errors); :func:`movement` is how
far the pitch glides in semitones along its most moving smooth contour.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

RATE = 16000
"""Sample rate."""
HOP = 160
"""10 ms between estimates."""
WINDOW = 640
"""40 ms analysed per estimate (two periods of the lowest pitch)."""
F_MIN = 60.0
"""Lowest fundamental looked for, in Hz."""
F_MAX = 400.0
"""Highest fundamental looked for, in Hz."""
THRESHOLD = 0.15
"""YIN's absolute threshold: a dip below it is a period."""
MIN_RMS = 100.0
"""Hops quieter than this (int16 RMS) are not pitched."""
MAX_STEP_ST = 1.5
"""A bigger jump between two hops (10 ms apart) than this many semitones ends a contour."""
MIN_HOPS = 5
"""A contour needs at least this many hops (50 ms) to count."""


def track(pcm: bytes) -> list[float | None]:
    """Fundamental frequency in Hz for each 10 ms hop, None where there is no clear pitch."""
    usable = len(pcm) - len(pcm) % 2
    x = np.frombuffer(pcm[:usable], dtype="<i2").astype(np.float64)
    max_lag = int(RATE / F_MIN)
    min_lag = int(RATE / F_MAX)
    out: list[float | None] = []
    for start in range(0, len(x) - WINDOW - max_lag, HOP):
        frame = x[start : start + WINDOW + max_lag]
        if np.sqrt(np.mean(frame[:WINDOW] ** 2)) < MIN_RMS:
            out.append(None)
            continue
        out.append(_yin(frame, min_lag, max_lag))
    return out


def _yin(frame: npt.NDArray[np.float64], min_lag: int, max_lag: int) -> float | None:
    head = frame[:WINDOW]
    energy = np.cumsum(frame**2)
    # d(tau) = sum (x[j] - x[j+tau])^2 over the window, for every tau at once (FFT correlation)
    size = 1 << int(np.ceil(np.log2(len(frame) + WINDOW)))
    corr = np.fft.irfft(np.fft.rfft(frame, size) * np.conj(np.fft.rfft(head, size)), size)
    taus = np.arange(max_lag + 1)
    shifted = energy[taus + WINDOW - 1] - np.concatenate(([0.0], energy[:max_lag]))
    diff = energy[WINDOW - 1] + shifted - 2 * corr[: max_lag + 1]
    diff[0] = 0.0
    running = np.cumsum(diff[1:]) / np.arange(1, max_lag + 1)
    cmnd = np.ones(max_lag + 1)
    cmnd[1:] = diff[1:] / np.where(running > 0, running, 1.0)
    below = np.nonzero(cmnd[min_lag:] < THRESHOLD)[0]
    if len(below) == 0:
        return None
    tau = min_lag + int(below[0])
    while tau + 1 <= max_lag and cmnd[tau + 1] < cmnd[tau]:  # walk down to the dip's bottom
        tau += 1
    if 0 < tau < max_lag:  # parabolic interpolation between lags
        a, b, c = cmnd[tau - 1], cmnd[tau], cmnd[tau + 1]
        shift = 0.5 * (a - c) / (a - 2 * b + c) if a - 2 * b + c != 0 else 0.0
        if abs(shift) < 1:
            return float(RATE / (tau + shift))
    return float(RATE / tau)


def movement(pitches: list[float | None]) -> tuple[int, float]:
    """(milliseconds, semitones): the smooth pitch contour that moves the most.

    The track is cut into contours wherever the pitch stops or jumps by more than
    :data:`MAX_STEP_ST` between hops (a voice glides; a pitch tracker's octave errors
    on a motor jump). A contour's movement is the spread of its pitch (10th to 90th
    percentile); contours of fewer than :data:`MIN_HOPS` hops do not count.
    """
    best = (0, 0.0)
    for contour in _contours(pitches):
        if len(contour) < MIN_HOPS:
            continue
        low, high = np.percentile(contour, [10, 90])
        moved = float(12 * np.log2(high / low))
        if moved > best[1] or (moved == best[1] and len(contour) * 10 > best[0]):
            best = (len(contour) * 10, moved)
    return best


def _contours(pitches: list[float | None]) -> list[list[float]]:
    out: list[list[float]] = []
    current: list[float] = []
    for pitch in pitches:
        if pitch is None or (current and abs(12 * np.log2(pitch / current[-1])) > MAX_STEP_ST):
            if current:
                out.append(current)
            current = [] if pitch is None else [pitch]
            continue
        current.append(pitch)
    if current:
        out.append(current)
    return out
