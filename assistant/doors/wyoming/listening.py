"""Audio in for one Wyoming stream: ``audio-start``, ``audio-chunk``…, ``audio-stop`` -> text.

The audio is converted to 16 kHz mono 16-bit (the ``wyoming`` package's converter) and fed
to a recogniser with the shop grammar as it arrives (in 200 ms steps), so the transcript is
ready about as soon as the stream stops. Audio past :attr:`Limits.max_audio_s` is cut: not
recognised and not kept.

The same safety as ``jangbogi listen``: in grammar mode every sound becomes shop words, so a
yes or a no comes out only when the confirmation checks
(:class:`~assistant.doors.voice_answer.AnswerGate`) find it in real speech; what they reject
comes out as an empty transcript, which the dialog takes as nothing said. A Wyoming
recogniser cannot know whether the conversation is asking something, so every turn is
judged as if a question were open.
"""

from __future__ import annotations

from wyoming.audio import AudioChunk, AudioChunkConverter

from assistant.doors.wyoming.engine import Engine
from assistant.speech.recogniser import SAMPLE_RATE, Recognizer, Transcript

WIDTH = 2
"""Bytes per sample the recogniser takes."""
STEP = SAMPLE_RATE // 5 * WIDTH
"""The recogniser is fed 200 ms at a time, as ``jangbogi transcribe`` feeds it: Vosk's
result can depend on how the audio is cut, and both must hear the same."""


class Transcription:
    """One stream being recognised (not thread-safe: feed it from one place at a time)."""

    def __init__(self, engine: Engine, max_audio_s: float) -> None:
        self._engine = engine
        self._recognizer: Recognizer = engine.recognizer()
        self._convert = AudioChunkConverter(rate=SAMPLE_RATE, width=WIDTH, channels=1)
        self._room = round(max_audio_s * SAMPLE_RATE) * WIDTH
        self._pcm = bytearray()
        self._unfed = bytearray()
        self._pieces: list[Transcript] = []
        self.cut = False
        """Whether audio past the limit was dropped."""

    @property
    def seconds(self) -> float:
        """How much audio was recognised."""
        return len(self._pcm) / (SAMPLE_RATE * WIDTH)

    def feed(self, chunk: AudioChunk) -> None:
        """Recognise one chunk (any rate, width and channels Wyoming allows)."""
        pcm = self._convert.convert(chunk).audio
        room = self._room - len(self._pcm)
        if len(pcm) > room:
            self.cut = True
            pcm = pcm[: max(0, room) - max(0, room) % WIDTH]
        if not pcm:
            return
        self._pcm += pcm
        self._unfed += pcm
        whole = len(self._unfed) - len(self._unfed) % STEP
        for start in range(0, whole, STEP):
            self._accept(bytes(self._unfed[start : start + STEP]))
        del self._unfed[:whole]

    def _accept(self, pcm: bytes) -> None:
        if self._recognizer.accept(pcm):
            self._pieces.append(self._recognizer.result())

    def finish(self) -> Transcript:
        """What was said, after the confirmation checks (see the module docstring)."""
        if self._unfed:
            self._accept(bytes(self._unfed))
            self._unfed.clear()
        self._pieces.append(self._recognizer.final())
        heard = [p for p in self._pieces if p.text]
        if not heard:
            return Transcript("", (), ())
        words = tuple(w for p in heard for w in p.words)
        transcript = heard[0] if len(heard) == 1 else Transcript(
            " ".join(p.text for p in heard), words, ())  # fmt: skip
        answers = self._engine.answers
        if answers is None:
            return transcript
        judged = answers.judge(bytes(self._pcm), transcript).heard
        return judged if judged is not None else Transcript("", (), ())
