"""Spoken replies: pyttsx3 driving espeak-ng, rendered to WAV and played with sounddevice.

pyttsx3 and sounddevice are imported only when a reply is first rendered or
played, so the text mode starts fast and works without either.

Measured pyttsx3 2.99 pitfalls this adapter works around (see DESIGN.md,
"Speech out"):

- the first ``runAndWait()`` after ``init()`` can lose its file: one empty
  ``runAndWait()`` is run right after ``init()``;
- ``save_to_file`` keeps only the last file queued: one file per ``runAndWait()``;
- the espeak driver prints "Audio saved to ..." on stdout: stdout is redirected
  around each run;
- ``engine.say()`` shells out to ``aplay``: we render to a temporary WAV and
  play it with sounddevice instead;
- espeak-ng runs asynchronously and ``runAndWait()`` cancels queued work:
  under load (4-8 processes at once) 2 of 100 processes lost their rate setting
  for good and 2 lost a file, so each render waits for the queue to drain
  (:func:`wait_until_idle`); with it, 0 of 300.

espeak-ng writes 22,050 Hz mono 16-bit WAV. Korean text goes through
:func:`assistant.speech.korean_reading.spoken_korean` first, so numbers are read the Korean
way ("2팩" -> "두 팩").
"""

from __future__ import annotations

import atexit
import contextlib
import functools
import io
import tempfile
import threading
import time
import wave
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from assistant.errors import SpeechOutputError
from assistant.speech.korean_reading import spoken_korean

INSTALL_HINT = "install espeak-ng with `apt-get install espeak-ng` (and pyttsx3 in the venv)"
WAV_HEADER_BYTES = 44
"""Size of the header pyttsx3's ``wave`` writer puts before the samples."""
IDLE_TIMEOUT = 5.0
"""Longest wait, in seconds, for espeak-ng to finish queued work before a render."""
IDLE_POLL = 0.001
"""Seconds between two looks at espeak-ng's queue."""
_ENGINE_LOCK = threading.Lock()
"""The engine is shared by the process; one render at a time."""


@dataclass(frozen=True)
class VoiceSettings:
    """How replies sound; built once from the device profile or the command line."""

    voice: str = "ko"
    """espeak-ng voice id (``ko``, ``gmw/en-us``) or language code (``ko``, ``en``, ``en-us``)."""
    rate: int = 170
    """Speaking rate in words per minute."""
    volume: float = 1.0
    """Loudness from 0.0 (silent) to 1.0."""

    @property
    def korean(self) -> bool:
        """Whether the voice is Korean, so numbers are spelled out the Korean way."""
        return self.voice.lower().split("/")[-1].startswith("ko")


def find_voice(voices: list[Any], wanted: str) -> str | None:
    """The id of the voice ``wanted`` names: exact id, last id part, then language."""
    wanted = wanted.lower()
    ids = [str(v.id).lower() for v in voices]
    if wanted in ids:
        return wanted
    for voice_id in ids:
        if voice_id.split("/")[-1] == wanted:
            return voice_id
    for voice, voice_id in zip(voices, ids, strict=True):
        languages = [str(lang).lower() for lang in (voice.languages or [])]
        if any(lang == wanted or lang.startswith(wanted + "-") for lang in languages):
            return voice_id
    return None


def wait_until_idle(timeout: float = IDLE_TIMEOUT) -> None:
    """Wait until espeak-ng's command queue is empty.

    pyttsx3 runs espeak-ng asynchronously: rate and volume changes are queued
    behind earlier work, and ``runAndWait()`` cancels whatever is still queued
    when it starts. Under load that dropped the new rate (a reply spoken at
    200 wpm) or the whole utterance (no file). Waiting here before changing
    settings and before each run makes both deterministic.
    """
    try:
        from pyttsx3.drivers import _espeak  # private, but the only view of the queue
    except (ImportError, RuntimeError):
        return
    deadline = time.monotonic() + timeout
    while _espeak.IsPlaying():
        if time.monotonic() > deadline:
            raise SpeechOutputError(f"espeak-ng stayed busy for more than {timeout:g} s")
        time.sleep(IDLE_POLL)


@functools.cache
def shared_engine() -> Any:
    """The process's one pyttsx3 engine, created and warmed up on the first call.

    espeak-ng is initialised once per process and routes all audio to the
    newest driver, and pyttsx3 hands out one engine per driver anyway, so every
    :class:`Speaker` uses this engine and sets its own voice before each render.
    The warm-up ``runAndWait()`` is safe only here, on a fresh engine: on a used
    one it would synthesize the previous text into the previous file again.
    """
    try:
        import pyttsx3

        engine = pyttsx3.init()
        wait_until_idle()
        with contextlib.redirect_stdout(io.StringIO()):
            engine.runAndWait()  # without this the first real run can lose its file
        # Let pyttsx3 clean up while the interpreter is still whole; at the very end
        # its __del__ fails noisily ("'NoneType' object has no attribute 'suppress'").
        atexit.register(shared_engine.cache_clear)
    except (ImportError, OSError, RuntimeError) as exc:
        raise SpeechOutputError(f"text-to-speech is not available ({exc}); {INSTALL_HINT}") from exc
    return engine


class Speaker:
    """Turns reply text into speech with one voice.

    All speakers share the process's one engine (:func:`shared_engine`), created
    on the first render, and set their voice, rate and volume before each one.
    """

    def __init__(self, settings: VoiceSettings | None = None) -> None:
        self.settings = settings or VoiceSettings()
        self._voice_id: str | None = None

    def _get_engine(self) -> Any:
        """The shared pyttsx3 engine; this Speaker's voice id is resolved on the first call.

        Call it holding ``_ENGINE_LOCK``: espeak-ng's set-up and its voice list are global
        state, and two threads doing either at once corrupted memory (a Wyoming server asked
        for four replies at once on its start: "corrupted size vs. prev_size", or
        "SetVoiceByName failed")."""
        engine = shared_engine()
        if self._voice_id is None:
            self._voice_id = find_voice(list(engine.getProperty("voices")), self.settings.voice)
            if self._voice_id is None:
                raise SpeechOutputError(
                    f"espeak-ng has no voice '{self.settings.voice}'; "
                    "try 'ko' (Korean) or 'en' (English); `espeak-ng --voices` lists them all"
                )
        return engine

    def prepare(self, text: str) -> str:
        """The text as it will be spoken (numbers spelled out for a Korean voice)."""
        return spoken_korean(text) if self.settings.korean else text

    def render(self, text: str, path: Path) -> Path:
        """Write ``text`` as speech to the WAV file ``path`` (22,050 Hz mono 16-bit)."""
        if not text.strip():
            raise SpeechOutputError("nothing to say: the reply text is empty")
        path = Path(path)
        if not path.parent.is_dir():
            raise SpeechOutputError(f"cannot write {path}: the directory does not exist")
        path.unlink(missing_ok=True)  # a stale file must not pass for new output
        try:
            with _ENGINE_LOCK, contextlib.redirect_stdout(io.StringIO()):
                engine = self._get_engine()
                wait_until_idle()
                engine.setProperty("voice", self._voice_id)
                engine.setProperty("rate", self.settings.rate)
                engine.setProperty("volume", self.settings.volume)
                wait_until_idle()  # the new rate and volume are applied
                engine.save_to_file(self.prepare(text), str(path))
                engine.runAndWait()  # exactly one file per run
        except (OSError, RuntimeError, ValueError) as exc:
            raise SpeechOutputError(f"espeak-ng could not write {path}: {exc}") from exc
        if not path.is_file() or path.stat().st_size <= WAV_HEADER_BYTES:
            raise SpeechOutputError(f"espeak-ng produced no audio in {path}")
        return path

    def say(self, text: str) -> None:
        """Speak ``text`` on the default output device; blank text says nothing."""
        if not text.strip():
            return
        with tempfile.TemporaryDirectory(prefix="jangbogi-tts-") as tmp:
            play_wav(self.render(text, Path(tmp) / "reply.wav"))


REPLY_RATE = 22050
"""espeak-ng's sample rate: that of every rendered reply, and of an empty reply file."""
REPLY_GAP_S = 0.4
"""Silence between two replies in one reply file."""


class ReplyFile:
    """Every reply of a conversation, spoken by the real engine into one WAV file, in order
    with a short pause between them (``jangbogi listen --reply-wav OUT.wav``: a file in
    needs no speaker out). Use as a context manager; the file is a valid WAV even when
    nothing was said (no samples)."""

    def __init__(self, path: Path) -> None:
        path = Path(path)
        if not path.parent.is_dir():
            raise SpeechOutputError(f"cannot write {path}: the directory does not exist")
        self.path = path
        self.replies = 0
        """How many replies the file holds."""
        self._out: wave.Wave_write | None = None

    def __enter__(self) -> ReplyFile:
        try:
            self._out = wave.open(str(self.path), "wb")
        except OSError as exc:
            raise SpeechOutputError(f"cannot write {self.path}: {exc}") from exc
        self._out.setnchannels(1)
        self._out.setsampwidth(2)
        self._out.setframerate(REPLY_RATE)
        return self

    def __exit__(self, *exc: object) -> None:
        if self._out is not None:
            self._out.close()
            self._out = None

    def add(self, speaker: Speaker, text: str) -> None:
        """Append ``text`` as ``speaker`` says it; blank text adds nothing."""
        if self._out is None:
            raise SpeechOutputError("the reply file is not open")
        if not text.strip():
            return
        with tempfile.TemporaryDirectory(prefix="jangbogi-tts-") as tmp:
            rendered = speaker.render(text, Path(tmp) / "reply.wav")
            with wave.open(str(rendered), "rb") as wav:
                if (wav.getframerate(), wav.getnchannels(), wav.getsampwidth()) != (
                    REPLY_RATE, 1, 2,
                ):  # fmt: skip
                    raise SpeechOutputError(
                        f"espeak-ng wrote {wav.getframerate()} Hz, {wav.getnchannels()} "
                        f"channel(s); expected {REPLY_RATE} Hz mono"
                    )
                frames = wav.readframes(wav.getnframes())
        if self.replies:
            self._out.writeframes(b"\0\0" * round(REPLY_GAP_S * REPLY_RATE))
        self._out.writeframes(frames)
        self.replies += 1


def play_wav(path: Path) -> None:
    """Play a 16-bit WAV file on the default output device and wait until it ends."""
    import numpy as np

    with wave.open(str(path), "rb") as wav:
        rate, channels = wav.getframerate(), wav.getnchannels()
        samples = np.frombuffer(wav.readframes(wav.getnframes()), dtype="<i2")
    try:
        import sounddevice as sd
    except OSError as exc:  # the PortAudio library itself is missing
        raise SpeechOutputError(
            f"cannot play audio: {exc}; install PortAudio (`apt-get install libportaudio2`)"
        ) from exc
    try:
        sd.check_output_settings(samplerate=rate, channels=channels, dtype="int16")
        sd.play(samples.reshape(-1, channels), samplerate=rate, blocking=True)
    except (sd.PortAudioError, ValueError) as exc:
        raise SpeechOutputError(
            f"no sound output device ({exc}); connect a speaker, or use text mode"
        ) from exc
