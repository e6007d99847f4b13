"""Generated non-speech: the sounds of a kitchen, at 16 kHz mono 16-bit.

What the voice loop's confirmation window must never take for a "응": dish
clatter, door knocks, running water, a vacuum cleaner (short bursts too), an
appliance switched on and off (its motor's pitch sweeps), kitchen beeps,
music-like melodies and chords, noise bursts, mains hum and silence with clicks. Every
sound is computed from a seed (numpy's PCG64), so a run can be repeated exactly;
nothing is stored. Each *episode* is one sound between two stretches of quiet
room noise, at a random level, so an energy endpointer sees it as a turn.

Used by ``bench/noise_window_bench.py`` (30+ minutes) and the window tests.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

RATE = 16000
"""Samples per second."""

Signal = npt.NDArray[np.float64]
Maker = Callable[[np.random.Generator, float], Signal]


@dataclass(frozen=True)
class Episode:
    """One generated sound with the quiet around it."""

    kind: str
    """Which sound (a key of :data:`KINDS`)."""
    pcm: bytes
    """Signed 16-bit little-endian mono PCM at 16 kHz, quiet before and after included."""
    level_dbfs: float
    """Peak level of the sound in dB below full scale."""

    @property
    def seconds(self) -> float:
        return len(self.pcm) / (2 * RATE)


def _t(seconds: float) -> Signal:
    return np.arange(max(1, round(seconds * RATE)), dtype=np.float64) / RATE


def _band(rng: np.random.Generator, n: int, low: float, high: float) -> Signal:
    """White noise limited to ``low``..``high`` Hz (an FFT mask)."""
    spectrum = np.fft.rfft(rng.standard_normal(n))
    freqs = np.fft.rfftfreq(n, 1 / RATE)
    spectrum[(freqs < low) | (freqs > high)] = 0
    out = np.fft.irfft(spectrum, n)
    peak = float(np.max(np.abs(out))) or 1.0
    return np.asarray(out / peak, dtype=np.float64)


def _smooth(rng: np.random.Generator, n: int, rate_hz: float) -> Signal:
    """A random envelope in 0..1 that changes about ``rate_hz`` times a second."""
    points = max(2, int(n / RATE * rate_hz) + 2)
    knots = rng.uniform(0.2, 1.0, points)
    return np.asarray(np.interp(np.linspace(0, points - 1, n), np.arange(points), knots))


def _place(out: Signal, sound: Signal, at: int) -> None:
    end = min(len(out), at + len(sound))
    if end > at:
        out[at:end] += sound[: end - at]


def dishes(rng: np.random.Generator, seconds: float) -> Signal:
    """Plates and cutlery: inharmonic ringing impacts, a few to a dozen a second."""
    out = np.zeros(len(_t(seconds)))
    at = 0.0
    while at < seconds:
        ring = _t(rng.uniform(0.05, 0.4))
        hit = np.zeros(len(ring))
        for _ in range(int(rng.integers(3, 7))):
            freq, decay = rng.uniform(1200, 7500), rng.uniform(0.01, 0.09)
            hit += rng.uniform(0.3, 1) * np.sin(2 * np.pi * freq * ring) * np.exp(-ring / decay)
        click = min(len(hit), 40)
        hit[:click] += rng.uniform(-1, 1, click) * 2
        _place(out, hit * rng.uniform(0.3, 1), round(at * RATE))
        at += rng.exponential(1 / rng.uniform(3, 12))
    return out


def knocks(rng: np.random.Generator, seconds: float) -> Signal:
    """Knocking on a door or a cupboard: low thuds in a short run."""
    out = np.zeros(len(_t(seconds)))
    at = rng.uniform(0, 0.2)
    while at < seconds - 0.1:
        for _ in range(int(rng.integers(2, 6))):
            thud_t = _t(0.12)
            freq = rng.uniform(70, 260)
            thud = np.sin(2 * np.pi * freq * thud_t) * np.exp(-thud_t / rng.uniform(0.02, 0.06))
            thud[:24] += rng.uniform(-1, 1, 24)
            _place(out, thud * rng.uniform(0.5, 1), round(at * RATE))
            at += rng.uniform(0.12, 0.3)
        at += rng.uniform(0.5, 1.5)
    return out


def water(rng: np.random.Generator, seconds: float) -> Signal:
    """A running tap: band noise that swells, with bubbles rising in pitch."""
    n = len(_t(seconds))
    out = _band(rng, n, rng.uniform(200, 600), rng.uniform(3000, 7000)) * _smooth(rng, n, 8)
    for _ in range(int(seconds * rng.uniform(5, 25))):
        bubble_t = _t(rng.uniform(0.01, 0.04))
        freq = rng.uniform(300, 1500) * (1 + 4 * bubble_t)
        bubble = np.sin(2 * np.pi * np.cumsum(freq) / RATE) * np.exp(-bubble_t / 0.01)
        _place(out, bubble * rng.uniform(0.2, 0.8), int(rng.integers(0, n)))
    return out


def vacuum(rng: np.random.Generator, seconds: float) -> Signal:
    """A vacuum cleaner or blender: a motor's harmonics, a whine and broadband rush."""
    t = _t(seconds)
    f0 = rng.uniform(90, 240) * (1 + 0.02 * np.sin(2 * np.pi * rng.uniform(0.1, 1) * t))
    phase = 2 * np.pi * np.cumsum(f0) / RATE
    motor = sum(np.sin(k * phase) / k for k in range(1, 21))
    whine = 0.3 * np.sin(2 * np.pi * rng.uniform(1000, 4000) * t)
    rush = _band(rng, len(t), 100, 6000) * rng.uniform(0.3, 1.0)
    ramp = np.minimum(1, t / 0.3) * np.minimum(1, (t[-1] - t) / 0.3 + 0.01)
    return np.asarray((motor / 3 + whine + rush) * ramp)


def motor(rng: np.random.Generator, seconds: float) -> Signal:
    """A blender, hair-dryer or vacuum switched on and off: its pitch sweeps up, then down."""
    t = _t(seconds)
    spin = min(seconds / 2, rng.uniform(0.15, 0.8))  # seconds to reach full speed (and stop)
    speed = np.minimum(np.minimum(1, t / spin), np.maximum(0, (t[-1] - t) / spin))
    low = rng.uniform(0.25, 0.6)  # the pitch it starts from, as a share of full speed
    f0 = rng.uniform(80, 250) * (low + (1 - low) * speed)
    phase = 2 * np.pi * np.cumsum(f0) / RATE
    hum = sum(np.sin(k * phase) / k for k in range(1, 16))
    rush = _band(rng, len(t), 100, 6000) * rng.uniform(0.1, 0.8)
    return np.asarray((hum / 3 + rush) * np.maximum(speed, 0.05))


def _note(rng: np.random.Generator, freq: float, seconds: float, vibrato: bool) -> Signal:
    t = _t(seconds)
    wobble = 1 + (rng.uniform(0.005, 0.02) * np.sin(2 * np.pi * 5.5 * t) if vibrato else 0)
    phase = 2 * np.pi * np.cumsum(freq * wobble) / RATE
    weights = rng.uniform(0, 1, 8) / np.arange(1, 9)
    tone = sum(w * np.sin((k + 1) * phase) for k, w in enumerate(weights))
    attack = np.minimum(1, t / rng.uniform(0.005, 0.05))
    release = np.exp(-t / rng.uniform(0.1, 1.0))
    return np.asarray(tone * attack * release)


def melody(rng: np.random.Generator, seconds: float) -> Signal:
    """A tune: notes of a major scale, sometimes with vibrato (the most voice-like)."""
    out = np.zeros(len(_t(seconds)))
    root = rng.uniform(110, 440)
    scale = (0, 2, 4, 5, 7, 9, 11, 12)
    vibrato = bool(rng.random() < 0.5)
    at = 0.0
    while at < seconds:
        length = rng.uniform(0.12, 0.6)
        freq = root * 2 ** (scale[int(rng.integers(0, len(scale)))] / 12)
        _place(out, _note(rng, freq, length * 1.3, vibrato), round(at * RATE))
        at += length
    return out


def chords(rng: np.random.Generator, seconds: float) -> Signal:
    """Chords of three or four notes, struck and held."""
    out = np.zeros(len(_t(seconds)))
    at = 0.0
    while at < seconds:
        root = rng.uniform(100, 400)
        length = rng.uniform(0.4, 1.5)
        chord = sum(_note(rng, root * 2 ** (step / 12), length, False) for step in (0, 4, 7, 12))
        _place(out, np.asarray(chord), round(at * RATE))
        at += length
    return out


def beeps(rng: np.random.Generator, seconds: float) -> Signal:
    """A microwave or a washing machine: pure beeps, repeated."""
    out = np.zeros(len(_t(seconds)))
    freq, length = rng.uniform(800, 4000), rng.uniform(0.08, 0.5)
    at = 0.0
    while at < seconds:
        beep = np.sin(2 * np.pi * freq * _t(length))
        _place(out, beep, round(at * RATE))
        at += length + rng.uniform(0.1, 0.4)
    return out


def noise_burst(rng: np.random.Generator, seconds: float) -> Signal:
    """White, pink or clipped noise: a fan, a hair-dryer, a broken line."""
    n = len(_t(seconds))
    white = rng.uniform(-1, 1, n)
    choice = int(rng.integers(0, 3))
    if choice == 1:  # pink-ish: 1/f amplitude
        spectrum = np.fft.rfft(white)
        spectrum[1:] /= np.sqrt(np.arange(1, len(spectrum)))
        white = np.fft.irfft(spectrum, n)
        white /= float(np.max(np.abs(white))) or 1.0
    if choice == 2:  # overdriven
        white = np.clip(white * 4, -1, 1)
    return np.asarray(white)


def hum(rng: np.random.Generator, seconds: float) -> Signal:
    """Mains hum of a fridge or an amplifier: 50 or 60 Hz with harmonics."""
    t = _t(seconds)
    base = 50.0 if rng.random() < 0.5 else 60.0
    return np.asarray(sum(np.sin(2 * np.pi * base * k * t) / k for k in range(1, 8)))


def clicks(rng: np.random.Generator, seconds: float) -> Signal:
    """Near silence with clicks: a switch, a pen, a cooling oven."""
    n = len(_t(seconds))
    out = rng.normal(0, 0.002, n)
    for _ in range(int(rng.integers(1, 8))):
        at = int(rng.integers(0, n - 64))
        width = int(rng.integers(1, 48))
        out[at : at + width] += rng.choice((-1.0, 1.0)) * np.exp(-np.arange(width) / 8)
    return out


KINDS: dict[str, Maker] = {
    "dishes": dishes,
    "knocks": knocks,
    "water": water,
    "vacuum": vacuum,
    "motor": motor,
    "melody": melody,
    "chords": chords,
    "beeps": beeps,
    "noise": noise_burst,
    "hum": hum,
    "clicks": clicks,
}
"""Every kind of generated sound."""

LENGTHS_S = {"clicks": (1.0, 4.0), "vacuum": (0.25, 6.0), "water": (1.0, 5.0), "hum": (1.0, 4.0)}
"""Duration range per kind (others: 0.2-3 s)."""


def to_pcm(signal: Signal) -> bytes:
    """Float samples in -1..1 -> signed 16-bit little-endian (clipped at full scale)."""
    return np.asarray(np.clip(np.rint(signal * 32767), -32768, 32767), dtype="<i2").tobytes()


def episode(rng: np.random.Generator, kind: str) -> Episode:
    """One sound of ``kind`` at a random level (-35..-1 dBFS peak) between quiet stretches."""
    low, high = LENGTHS_S.get(kind, (0.2, 3.0))
    sound = KINDS[kind](rng, float(rng.uniform(low, high)))
    peak = float(np.max(np.abs(sound))) or 1.0
    level = float(rng.uniform(-35, -1))
    sound = sound / peak * 10 ** (level / 20)
    before = rng.normal(0, 10**-3.5, round(rng.uniform(0.3, 1.5) * RATE))
    after = rng.normal(0, 10**-3.5, round(rng.uniform(0.9, 1.6) * RATE))
    return Episode(kind, to_pcm(np.concatenate([before, sound, after])), level)


def episodes(seed: int, seconds: float, kinds: tuple[str, ...] = tuple(KINDS)) -> Iterator[Episode]:
    """Episodes of the given kinds in turn, until ``seconds`` of audio have been made."""
    rng = np.random.Generator(np.random.PCG64(seed))
    made = 0.0
    index = 0
    while made < seconds:
        one = episode(rng, kinds[index % len(kinds)])
        index += 1
        made += one.seconds
        yield one
