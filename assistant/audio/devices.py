"""Device profiles (``devices/*.toml``) and matching them to the machine's audio devices."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from assistant.config import bundled
from assistant.errors import ConfigError

DEVICES_DIR = bundled("devices")


@dataclass(frozen=True)
class DeviceProfile:
    """How to listen and speak on one kind of box."""

    name: str
    """Profile name (the file name without .toml)."""
    description: str
    """What it is for."""
    match: str
    """Regular expression over the device name; empty for the system default."""
    rate: int
    """Native capture rate in Hz."""
    channels: int
    """Native channel count."""
    channel: int
    """Input channel to use."""
    gain_db: float
    """Gain applied before recognition."""
    wake_word: str
    """Word that starts a turn."""
    voice: str
    """espeak-ng voice for replies."""
    lang: str
    """Language of the conversation."""
    silence_rms: int
    """int16 RMS below which a frame is silence."""
    trailing_silence_ms: int
    """Silence that ends a turn."""
    max_utterance_s: float
    """Longest turn."""

    def matches(self, device_name: str) -> bool:
        return bool(self.match) and re.search(self.match, device_name, re.IGNORECASE) is not None


@dataclass(frozen=True)
class AudioDevice:
    """An audio device as PortAudio reports it."""

    index: int
    """PortAudio device index."""
    name: str
    """Device name."""
    inputs: int
    """Input channels."""
    outputs: int
    """Output channels."""
    default_rate: float
    """Default sample rate."""


def _check(data: dict[str, Any], path: Path) -> DeviceProfile:
    kwargs: dict[str, Any] = {}
    for f in fields(DeviceProfile):
        if f.name not in data:
            raise ConfigError(f"{path}: missing '{f.name}'")
        value = data[f.name]
        wanted = str(f.type)
        ok = not isinstance(value, bool) and (
            (wanted == "int" and isinstance(value, int))
            or (wanted == "float" and isinstance(value, int | float))
            or (wanted == "str" and isinstance(value, str))
        )
        if not ok:
            raise ConfigError(f"{path}: '{f.name}' must be {wanted}, got {value!r}")
        kwargs[f.name] = float(value) if wanted == "float" else value
    profile = DeviceProfile(**kwargs)
    try:
        re.compile(profile.match)
    except re.error as exc:
        raise ConfigError(f"{path}: 'match' is not a regular expression: {exc}") from exc
    if not 0 <= profile.channel < profile.channels or profile.rate < 8000:
        raise ConfigError(f"{path}: channel must be below channels and rate at least 8000")
    return profile


def load_profiles(directory: Path = DEVICES_DIR) -> dict[str, DeviceProfile]:
    profiles: dict[str, DeviceProfile] = {}
    for path in sorted(directory.glob("*.toml")):
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{path}: not valid TOML: {exc}") from exc
        profile = _check(data, path)
        profiles[profile.name] = profile
    if "default" not in profiles:
        raise ConfigError(f"{directory}: no default.toml profile")
    return profiles


def profile_for(device: AudioDevice, profiles: dict[str, DeviceProfile]) -> DeviceProfile:
    """The first specific profile whose pattern matches the device, else the default."""
    for profile in profiles.values():
        if profile.matches(device.name):
            return profile
    return profiles["default"]


def list_devices() -> list[AudioDevice]:
    """The machine's audio devices (empty when PortAudio sees none, as on a server)."""
    try:
        import sounddevice
    except OSError:  # libportaudio2 missing
        return []
    found = []
    for index, info in enumerate(sounddevice.query_devices()):
        found.append(
            AudioDevice(
                index,
                str(info["name"]),
                int(info["max_input_channels"]),
                int(info["max_output_channels"]),
                float(info["default_samplerate"]),
            )
        )
    return found


def can_play(rate: int = 22050) -> bool:
    """Whether a reply can be played: PortAudio is installed and its default output device
    takes 16-bit mono at ``rate`` (espeak-ng's). False on a server with no sound card."""
    try:
        import sounddevice
    except OSError:  # libportaudio2 missing
        return False
    try:
        sounddevice.check_output_settings(samplerate=rate, channels=1, dtype="int16")
    except (sounddevice.PortAudioError, ValueError):
        return False
    return True
