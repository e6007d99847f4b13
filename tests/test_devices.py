"""Device profiles: the bundled ones load, matching picks the right one, bad files are named."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.audio.devices import AudioDevice, load_profiles, profile_for
from assistant.errors import ConfigError
from tests.conftest import run_jangbogi


def device(name: str) -> AudioDevice:
    return AudioDevice(1, name, 2, 2, 48000.0)


def test_bundled_profiles_load() -> None:
    profiles = load_profiles()
    assert {"default", "rpi-2mic-hat", "usb-conference", "laptop"} <= set(profiles)
    assert all(p.wake_word and p.voice for p in profiles.values())


@pytest.mark.parametrize(
    ("name", "profile"),
    [
        ("seeed-2mic-voicecard: bcm2835-i2s-wm8960-hifi wm8960-hifi-0 (hw:1,0)", "rpi-2mic-hat"),
        ("Jabra SPEAK 510 USB: Audio (hw:2,0)", "usb-conference"),
        ("HDA Intel PCH: ALC3246 Analog (hw:0,0)", "laptop"),
        ("pulse", "default"),
    ],
)
def test_profile_matching(name: str, profile: str) -> None:
    assert profile_for(device(name), load_profiles()).name == profile


def test_a_bad_profile_is_named(tmp_path: Path) -> None:
    (tmp_path / "default.toml").write_text(
        Path(__file__)
        .resolve()
        .parent.parent.joinpath("assistant/devices/default.toml")
        .read_text()
    )
    (tmp_path / "broken.toml").write_text('name = "broken"\nrate = "fast"\n')
    with pytest.raises(ConfigError, match=r"broken.toml: missing 'description'"):
        load_profiles(tmp_path)
    (tmp_path / "broken.toml").write_text("name = [")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_profiles(tmp_path)


def test_devices_command_without_a_sound_card() -> None:
    result = run_jangbogi("devices")
    assert result.code == 0, result.err
    assert "profiles: default" in result.out
