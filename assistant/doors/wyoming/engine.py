"""What every Wyoming connection shares: one recogniser model, one parser, one database.

Built once by ``jangbogi serve`` or ``jangbogi hub`` (:mod:`assistant.cli.wyoming`) and handed
to the door. Connections are served on threads in parallel; what is not safe to share
across threads is guarded here: the parser (Kiwi) by a lock, the text-to-speech engine by
its own (:mod:`assistant.speech.tts`). Each recognition makes its own recogniser on the
shared model.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from assistant.dialog.conversation import Dialog
from assistant.doors.voice_answer import AnswerGate
from assistant.nlu.schema import Intent
from assistant.shop.service import ShopService
from assistant.speech.recogniser import Recognizer
from assistant.store.models import Channel


def locked(parse: Callable[[str], Intent]) -> Callable[[str], Intent]:
    """``parse`` for many threads: one utterance at a time (1-4 ms each)."""
    lock = threading.Lock()

    def parse_one(text: str) -> Intent:
        with lock:
            return parse(text)

    return parse_one


@dataclass
class Engine:
    """The shared parts of the pipeline (see the module docstring)."""

    factory: sessionmaker[Session]
    """The household database."""
    parse: Callable[[str], Intent]
    """The intent parser, safe for many threads (:func:`locked`)."""
    model: Any
    """The Vosk model every recogniser of every connection uses."""
    grammar: list[str] | None
    """The compiled shop grammar; None for open vocabulary."""
    answers: AnswerGate | None
    """The confirmation checks: a yes or a no only from speech (None only in unit tests)."""
    wake_word: str = "장보기"
    """What a satellite without its own wake-word detection must hear first."""
    voice: str = "ko"
    """The espeak-ng voice of Korean replies (English replies get English)."""
    _speakers: dict[str, Any] = field(default_factory=dict, repr=False)
    _speakers_lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def recognizer(self) -> Recognizer:
        """A new recogniser for one turn, on the shared model."""
        return Recognizer(self.model, grammar=self.grammar)

    def dialog(self, member: str | None) -> Dialog:
        """A new conversation with ``member`` (None: the household's owner), as a voice
        channel: the same dialog, shop and money rules as ``listen``."""
        return Dialog(ShopService(self.factory, member), channel=Channel.VOICE, parser=self.parse)

    def speaker(self, lang: str) -> Any:
        """The :class:`~assistant.speech.tts.Speaker` for replies in ``lang``."""
        from assistant.speech.tts import Speaker, VoiceSettings

        voice = "en" if lang == "en" else self.voice
        with self._speakers_lock:
            if voice not in self._speakers:
                self._speakers[voice] = Speaker(VoiceSettings(voice=voice))
            return self._speakers[voice]
