"""The microphone path through real PortAudio and ALSA, on a virtual capture device.

There is no sound card here: an ALSA ``file`` plugin on ``null`` plays a raw
file as the capture device (see DESIGN.md, "Audio in"). ALSA_CONFIG_PATH must
be set before sounddevice is imported, so each PortAudio test runs in a child
process.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from assistant.audio.microphone import FrameConverter

ROOT = Path(__file__).resolve().parent.parent
NO_DEVICES = 77  # exit code of the child when PortAudio sees no input device at all

CHILD = """
import sys

try:
    import sounddevice
except OSError as exc:
    print(f"libportaudio2 is not installed: {exc}", file=sys.stderr)
    sys.exit(77)
if sys.argv[1] == "read" and not any(
    d["max_input_channels"] > 0 for d in sounddevice.query_devices()
):
    print(f"PortAudio sees no input device: {sounddevice.query_devices()!r}", file=sys.stderr)
    sys.exit(77)

from assistant.audio.microphone import Microphone
from assistant.audio.devices import DeviceProfile
from assistant.errors import AudioError

profile = DeviceProfile(
    name="test", description="", match="", rate=16000, channels=1, channel=0, gain_db=0.0,
    wake_word="x", voice="ko", lang="ko", silence_rms=300, trailing_silence_ms=700,
    max_utterance_s=8.0,
)
try:
    with Microphone(profile) as mic:
        out = bytearray()
        for frame in mic.frames():
            if len(frame) != 960:
                sys.exit(f"frame of {len(frame)} bytes")
            out += frame
            if len(out) >= 32000:
                break
except AudioError as exc:
    print(f"AudioError: {exc}", file=sys.stderr)
    sys.exit(exc.exit_code)
sys.stdout.buffer.write(out)
"""


def write_config(tmp_path: Path, body: str) -> str:
    conf = tmp_path / "asound.conf"
    conf.write_text(body)
    return f"/usr/share/alsa/alsa.conf:{conf}"


def run_child(mode: str, alsa_config_path: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-c", CHILD, mode],
        capture_output=True,
        cwd=ROOT,
        env={**os.environ, "ALSA_CONFIG_PATH": alsa_config_path},
        timeout=60,
    )


def test_reads_a_tone_from_a_virtual_alsa_microphone(tmp_path: Path) -> None:
    capture = tmp_path / "capture.raw"
    t = np.arange(16000) / 16000
    tone = (np.sin(2 * np.pi * 440 * t) * 8000).astype("<i2")
    tone.tofile(capture)
    config = write_config(
        tmp_path,
        f'pcm.filecap {{ type file slave.pcm "null" file "/dev/null" infile "{capture}" '
        'format "raw" }\n'
        'pcm.!default { type asym capture.pcm "filecap" playback.pcm "null" }\n',
    )
    child = run_child("read", config)
    if child.returncode == NO_DEVICES:
        pytest.skip(
            "PortAudio has no input device even with the ALSA file plugin config: "
            + child.stderr.decode(errors="replace").strip()
        )
    assert child.returncode == 0, child.stderr.decode(errors="replace")
    got = np.frombuffer(child.stdout, dtype="<i2")
    assert got.size == 34 * 480  # whole 30 ms frames until at least 1 s was read
    samples = got[:16000].astype(np.float64)
    level = float(np.sqrt(np.mean(samples**2)))
    assert level > 8000 / np.sqrt(2) * 0.8, level
    spectrum = np.abs(np.fft.rfft(samples))
    peak_hz = float(np.fft.rfftfreq(samples.size, 1 / 16000)[int(np.argmax(spectrum))])
    assert abs(peak_hz - 440) <= 20, peak_hz
    # 16 kHz mono at 0 dB needs no conversion: the samples arrive unchanged.
    assert np.array_equal(got[:16000], tone)


def test_no_capture_device_is_a_clear_audio_error(tmp_path: Path) -> None:
    config = write_config(tmp_path, 'pcm.!default { type asym playback.pcm "null" }\n')
    child = run_child("open", config)
    err = child.stderr.decode(errors="replace")
    assert child.returncode == 6, err  # AudioError.exit_code
    assert "AudioError: no microphone found" in err
    assert "--input FILE.wav" in err
    assert "jangbogi text" in err
    assert "Traceback" not in err


def test_converter_takes_the_channel_applies_gain_and_resamples() -> None:
    # 48 kHz stereo: a 440 Hz tone on channel 1, a louder 1 kHz tone on channel 0.
    t = np.arange(48000) / 48000
    left = np.sin(2 * np.pi * 1000 * t) * 20000
    right = np.sin(2 * np.pi * 440 * t) * 4000
    native = np.stack([left, right], axis=1).astype("<i2").tobytes()
    converter = FrameConverter(48000, 2, 1, gain_db=6.0206, frame_ms=30)
    frames = [
        f
        for start in range(0, len(native), 5760)
        for f in converter.push(native[start : start + 5760])
    ]
    assert {len(f) for f in frames} == {960}
    out = np.frombuffer(b"".join(frames), dtype="<i2").astype(np.float64)
    assert 15000 <= out.size <= 16000
    steady = out[1000:]
    level = float(np.sqrt(np.mean(steady**2)))
    assert level == pytest.approx(8000 / np.sqrt(2), rel=0.03)  # +6 dB doubles 4000
    spectrum = np.abs(np.fft.rfft(steady))
    peak_hz = float(np.fft.rfftfreq(steady.size, 1 / 16000)[int(np.argmax(spectrum))])
    assert abs(peak_hz - 440) <= 20


def test_missing_libportaudio_names_the_package() -> None:
    code = (
        "import ctypes.util\n"
        "ctypes.util.find_library = lambda name: None  # as if libportaudio2 were absent\n"
        "from assistant.audio.microphone import Microphone\n"
        "from assistant.audio.devices import load_profiles\n"
        "Microphone(load_profiles()['default'])\n"
    )
    child = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60
    )
    assert child.returncode != 0
    assert "AudioError" in child.stderr
    assert "apt-get install libportaudio2" in child.stderr
