"""A yes (or a no) in the voice loop's confirmation window only from speech.

While a question is pending ("…주문할까요?") the loop listens without the wake
word, and in grammar mode every sound becomes grammar words: a noise burst
came out as "응" at word confidence 1.00. So a turn in the window reaches the
dialog as a yes or a no only when its audio passed three checks:

1. **Speech**: WebRTC's voice activity detector finds enough voiced audio in
   the turn (:class:`~assistant.audio.vad.SpeechRule`); a turn that fails is
   *nothing heard*, whatever the recogniser made of it. An answer's pitch must
   also glide like a voice's (a motor's hum is heard as "네" at 0.81).
2. **The answer grammar**: a second recogniser decodes the turn with the
   window's grammar (:func:`~assistant.speech.grammar.answer_grammar`): answer
   words, a few companions and many fillers that give noise somewhere to go.
   It must hear only yes words (or only no words) and companions, no filler.
3. **A confidence floor**: every answer word at Vosk's word confidence
   :attr:`AnswerRule.floor` or more (the answer recogniser runs without n-best
   alternatives: with them Vosk reports no word confidences at all, and our
   transcripts show 1.00), every answer word as long as a spoken one, and no
   more than :attr:`AnswerRule.max_voiced_ms` of voiced audio in the turn: an
   answer is short, a running vacuum cleaner is not.

What the loop does with a turn (:meth:`AnswerGate.judge`):

- not speech: ignored (nothing heard); the window stays open until it closes;
- the command recogniser heard a yes or a no but the checks did not agree:
  ignored the same way; the question stays pending and can be answered again
  (with the wake word once the window has closed);
- the checks heard a yes (or a no) and the command recogniser did not hear the
  other one: the dialog gets the answer (the command transcript when it
  says the same, else the answer words: the command grammar hears "네" as the
  number "[4]");
- anything else that is speech (a new command, "두 번째 거", a delivery
  change, a PIN): the dialog gets the command transcript, as before.

Figures and the command that measures them: docs/benchmarks.md, "The voice
confirmation window".
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from assistant.audio.vad import SpeechRule, Voicing
from assistant.errors import ConfigError
from assistant.speech.grammar import AnswerGrammar
from assistant.speech.recogniser import SAMPLE_RATE, Recognizer, Transcript

YES = "yes"
NO = "no"


@dataclass(frozen=True)
class AnswerRule:
    """When a turn in the confirmation window counts as a spoken yes or no."""

    speech: SpeechRule = field(default_factory=SpeechRule)
    """Check 1: enough voiced audio."""
    floor: float = 0.5
    """Check 3: every answer word at least this confident (Vosk's word confidence, 0..1)."""
    max_voiced_ms: int = 2000
    """At most this much voiced audio in an answer ("네, 주문해 주세요" is ~1.5 s)."""
    max_word_s: float = 1.2
    """No word of the answer longer than this (noise stretches a "네" over seconds)."""
    min_word_s: float = 0.12
    """No answer word shorter than this (a real "네" lasts 0.25-0.4 s; noise can give 30 ms)."""
    max_turn_ms: int = 4000
    """A turn longer than this, quiet parts included, is not an answer (and is not decoded)."""

    def __post_init__(self) -> None:
        if not 0.0 <= self.floor <= 1.0:
            raise ConfigError(f"the answer confidence floor must be 0..1, not {self.floor}")
        if min(self.max_voiced_ms, self.max_word_s, self.max_turn_ms, self.min_word_s) <= 0:
            raise ConfigError("the answer's length limits must be positive")

    def too_long(self, heard: Voicing) -> bool:
        """Too much voiced audio, or too long a turn, for a yes or a no."""
        return heard.voiced_ms > self.max_voiced_ms or heard.total_ms > self.max_turn_ms


@dataclass(frozen=True)
class Verdict:
    """What became of one turn in the confirmation window."""

    heard: Transcript | None
    """What the dialog receives; None: nothing was heard (the turn is ignored)."""
    reason: str
    """Why, in a few words (for --save-audio file names, logs and the benchmark)."""
    voicing: Voicing
    """What the speech check measured."""
    answer: Transcript | None = None
    """What the answer recogniser heard (None when it was not asked)."""
    said: str | None = None
    """What the command transcript alone would have answered (``"yes"``, ``"no"`` or None)."""

    @property
    def ignored(self) -> bool:
        return self.heard is None


def read_answer(
    answer: Transcript, grammar: AnswerGrammar, rule: AnswerRule, voicing: Voicing
) -> tuple[str | None, str]:
    """(``"yes"``/``"no"``/None, why) from the answer recogniser's words (checks 2 and 3)."""
    if not answer.words:
        return None, "no words"
    kinds = set()
    for word in answer.words:
        if word.text in grammar.yes:
            kinds.add(YES)
        elif word.text in grammar.no:
            kinds.add(NO)
        elif word.text not in grammar.companions:
            return None, "a filler word"
    if len(kinds) != 1:
        return None, "no answer word" if not kinds else "yes and no"
    kind = kinds.pop()
    answer_words = [w for w in answer.words if w.text in grammar.yes | grammar.no]
    if min(w.confidence for w in answer_words) < rule.floor:
        return None, "below the floor"
    if min(w.end - w.start for w in answer_words) < rule.min_word_s:
        return None, "word too short"
    if max(w.end - w.start for w in answer.words) > rule.max_word_s:
        return None, "word too long"
    if rule.too_long(voicing):
        return None, "too long for an answer"
    if not rule.speech.glides(voicing):
        return None, "a flat pitch"
    return kind, "answer"


class AnswerGate:
    """Judges the turns heard while a question is pending (see the module docstring)."""

    def __init__(
        self,
        measure: Callable[[bytes], Voicing],
        recognise: Callable[[bytes], Transcript],
        grammar: AnswerGrammar,
        classify: Callable[[str], str | None],
        rule: AnswerRule | None = None,
    ) -> None:
        """``measure``: the speech check's detector; ``recognise``: the answer recogniser;
        ``classify``: ``"yes"``/``"no"``/None for what the dialog would make of a text."""
        self.measure = measure
        self.recognise = recognise
        self.grammar = grammar
        self.classify = classify
        self.rule = rule or AnswerRule()

    def judge(self, pcm: bytes, heard: Transcript, *, secret: bool = False) -> Verdict:
        """What the dialog gets of a turn whose audio is ``pcm`` and command transcript ``heard``.

        ``secret``: a PIN is expected; it must be speech but is never decoded again.
        """
        voicing = self.measure(pcm)
        said = None if secret or not heard.text else self.classify(heard.text)
        if not self.rule.speech.passes(voicing):
            return Verdict(None, "not speech", voicing, None, said)
        if secret:
            return Verdict(heard, "speech", voicing)
        why_not = "too long for an answer" if self.rule.too_long(voicing) else (
            None if self.rule.speech.glides(voicing) else "a flat pitch")  # fmt: skip
        if why_not is not None:  # it cannot be an answer: not decoded again
            if said is not None:
                return Verdict(None, why_not, voicing, None, said)
            return Verdict(heard, "not an answer", voicing, None, said)
        answer = self.recognise(pcm)
        kind, why = read_answer(answer, self.grammar, self.rule, voicing)
        if kind is None:
            if said is not None:  # the command grammar's yes or no is not trusted alone
                return Verdict(None, why, voicing, answer, said)
            return Verdict(heard, "not an answer", voicing, answer, said)
        if said == kind:
            return Verdict(heard, "answer", voicing, answer, said)
        if said is not None:
            return Verdict(None, "the recognisers disagree", voicing, answer, said)
        words = tuple(w for w in answer.words if w.text in self.grammar.yes | self.grammar.no)
        only = Transcript(" ".join(w.text for w in words), words, ())
        return Verdict(only, "answer", voicing, answer, said)


def recognise_answer(model: Any, grammar: AnswerGrammar) -> Callable[[bytes], Transcript]:
    """The answer recogniser: the window grammar, word confidences on (no n-best)."""

    def recognise(pcm: bytes) -> Transcript:
        rec = Recognizer(model, grammar=list(grammar.words), alternatives=1)
        pieces: list[Transcript] = []
        step = SAMPLE_RATE // 5 * 2  # 200 ms
        for offset in range(0, len(pcm), step):
            if rec.accept(pcm[offset : offset + step]):
                pieces.append(rec.result())
        pieces.append(rec.final())
        words = tuple(w for p in pieces for w in p.words)
        return Transcript(" ".join(w.text for w in words), words, ())

    return recognise


def yes_or_no(parse: Callable[[str], Any]) -> Callable[[str], str | None]:
    """``"yes"``/``"no"``/None for a text, from a parser returning an intent (``.name``)."""

    def classify(text: str) -> str | None:
        name = parse(text).name
        return YES if name == "confirm" else NO if name == "deny" else None

    return classify
