"""Live audio in: a PortAudio microphone as 16 kHz mono signed 16-bit frames.

:class:`Microphone` opens a :class:`sounddevice.RawInputStream` at the device
profile's native rate and channel count, on the first input device whose name
matches the profile's ``match`` pattern (the default input when the pattern is
empty or nothing matches). :meth:`Microphone.frames` yields frames of
``frame_ms`` of what the recognizer reads: the profile's ``channel`` with its
``gain_db`` applied, resampled to 16 kHz.

sounddevice is imported only when a microphone is opened, so that the rest of
Jangbogi works without PortAudio, and so that ``ALSA_CONFIG_PATH`` can be set
before PortAudio reads the ALSA configuration.
"""

from __future__ import annotations

from collections.abc import Iterator
from types import TracebackType
from typing import Any

import numpy as np
import soxr

from assistant.audio.devices import DeviceProfile
from assistant.audio.wavfile import SAMPLE_RATE, SAMPLE_WIDTH, convert
from assistant.errors import AudioError

FALLBACK_HINT = "use --input FILE.wav or `jangbogi text`"
"""What to do instead when there is no microphone."""


class FrameConverter:
    """Native interleaved int16 blocks in, fixed-size 16 kHz mono int16 frames out.

    Resampling uses one streaming soxr resampler for the whole stream, so block
    boundaries leave no clicks (resampling each block on its own would);
    :func:`~assistant.audio.wavfile.convert` then makes the 16-bit PCM.
    """

    def __init__(
        self, rate: int, channels: int, channel: int, gain_db: float, frame_ms: int = 30
    ) -> None:
        if not 0 <= channel < channels:
            raise AudioError(f"channel {channel} does not exist in {channels}-channel audio")
        if frame_ms <= 0 or rate <= 0:
            raise AudioError(f"frame length and rate must be positive, not {frame_ms}, {rate}")
        self.rate = rate
        self.channels = channels
        self.channel = channel
        self.gain = np.float32(10.0 ** (gain_db / 20.0))
        self.frame_bytes = SAMPLE_RATE * frame_ms // 1000 * SAMPLE_WIDTH
        self._resampler: Any = (
            None
            if rate == SAMPLE_RATE
            else soxr.ResampleStream(rate, SAMPLE_RATE, 1, dtype="float32", quality="HQ")
        )
        self._pending = bytearray()

    def push(self, block: bytes) -> list[bytes]:
        """Take a block of interleaved native samples; return the whole frames now ready."""
        whole = len(block) - len(block) % (SAMPLE_WIDTH * self.channels)
        samples = np.frombuffer(block[:whole], dtype="<i2").reshape(-1, self.channels)
        mono = samples[:, self.channel].astype(np.float32) / np.float32(32768.0) * self.gain
        if self._resampler is not None:
            mono = np.asarray(self._resampler.resample_chunk(mono), dtype=np.float32)
        self._pending += convert(mono, SAMPLE_RATE, 1, SAMPLE_RATE)
        ready = len(self._pending) // self.frame_bytes * self.frame_bytes
        frames = [
            bytes(self._pending[start : start + self.frame_bytes])
            for start in range(0, ready, self.frame_bytes)
        ]
        del self._pending[:ready]
        return frames


def _import_sounddevice() -> Any:
    try:
        import sounddevice
    except OSError as exc:  # the Python package is there, the C library is not
        raise AudioError(
            f"the PortAudio library is missing ({exc}); install it with "
            f"`sudo apt-get install libportaudio2`, or {FALLBACK_HINT}"
        ) from None
    return sounddevice


def _pick_device(sd: Any, profile: DeviceProfile) -> tuple[int | None, str]:
    """The PortAudio index (None for the default input) and name of the device to open."""
    try:
        inputs = [
            (index, str(info["name"]))
            for index, info in enumerate(sd.query_devices())
            if int(info["max_input_channels"]) > 0
        ]
        if not inputs:
            raise AudioError(
                f"no microphone found: PortAudio sees no input device; {FALLBACK_HINT}"
            )
        for index, name in inputs:
            if profile.matches(name):
                return index, name
        default = sd.query_devices(kind="input")
        return None, str(default["name"])
    except sd.PortAudioError as exc:
        raise AudioError(f"no microphone found: {exc}; {FALLBACK_HINT}") from None


class Microphone:
    """An open input stream for one device profile; use it as a context manager.

    Opening happens in the constructor and raises :class:`AudioError` when
    there is no usable input device or PortAudio is not installed.
    """

    def __init__(self, profile: DeviceProfile, frame_ms: int = 30) -> None:
        self.profile = profile
        self.frame_ms = frame_ms
        self._converter = FrameConverter(
            profile.rate, profile.channels, profile.channel, profile.gain_db, frame_ms
        )
        self._block = max(1, profile.rate * frame_ms // 1000)
        sd = _import_sounddevice()
        self._error: type[Exception] = sd.PortAudioError
        device, self.device_name = _pick_device(sd, profile)
        try:
            self._stream: Any = sd.RawInputStream(
                samplerate=profile.rate,
                blocksize=self._block,
                device=device,
                channels=profile.channels,
                dtype="int16",
            )
        except sd.PortAudioError as exc:
            raise AudioError(
                f"no microphone found: cannot open '{self.device_name}' at {profile.rate} Hz "
                f"with {profile.channels} channel(s) ({exc}); {FALLBACK_HINT}"
            ) from None
        try:
            self._stream.start()
        except sd.PortAudioError as exc:
            self._stream.close(ignore_errors=True)
            raise AudioError(
                f"the microphone '{self.device_name}' does not start ({exc}); {FALLBACK_HINT}"
            ) from None
        self._closed = False

    def frames(self) -> Iterator[bytes]:
        """Frames of ``frame_ms`` of 16 kHz mono int16 audio, until the stream is closed."""
        while not self._closed:
            try:
                block, _overflowed = self._stream.read(self._block)
            except self._error as exc:
                if self._closed:
                    return
                raise AudioError(f"the microphone '{self.device_name}' stopped: {exc}") from None
            yield from self._converter.push(bytes(block))

    def close(self) -> None:
        """Stop and close the stream (again is harmless)."""
        if self._closed:
            return
        self._closed = True
        try:
            self._stream.stop()
        except self._error:
            pass
        finally:
            self._stream.close(ignore_errors=True)

    def __enter__(self) -> Microphone:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
