"""The confirmation window's checks with fakes: the VAD adapter, the decision, the loop."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest

from assistant.audio.vad import FRAME_BYTES, SpeechDetector, SpeechRule, Voicing, voicing
from assistant.dialog.conversation import Dialog
from assistant.doors.voice_answer import AnswerGate, AnswerRule, Verdict, read_answer, yes_or_no
from assistant.errors import ConfigError
from assistant.shop.service import ShopService
from assistant.speech.grammar import ANSWER_FILLERS, ANSWER_NO, ANSWER_YES, answer_grammar
from assistant.speech.recogniser import Transcript, Word
from assistant.store import db
from assistant.store.models import Channel, utcnow
from tests.test_voice import FakeWake, ScriptedFinals, loud, quiet

GRAMMAR = answer_grammar(lambda word: word != "넵")  # a model that lacks one answer word
SPEECH = Voicing(voiced_ms=450, longest_ms=420, total_ms=1500, glide_ms=200, glide_st=3.0)
SILENCE = Voicing(voiced_ms=0, longest_ms=0, total_ms=1500)


def said(*words: tuple[str, float] | tuple[str, float, float, float]) -> Transcript:
    """A transcript of (word, confidence[, start, end]); words 0.3 s long one after another."""
    out = []
    for i, item in enumerate(words):
        text, conf = item[0], item[1]
        start, end = (item[2], item[3]) if len(item) == 4 else (0.5 + 0.3 * i, 0.8 + 0.3 * i)
        out.append(Word(text, start, end, conf))
    return Transcript(" ".join(w.text for w in out), tuple(out), ())


def heard(text: str) -> Transcript:
    return Transcript(text, (), ())


def classify(text: str) -> str | None:
    """A stand-in parser: the words the dialog takes for yes and no."""
    first = text.split()[0] if text.split() else ""
    if first in {"응", "네", "넹", "예"}:
        return "yes"
    return "no" if first in {"아니", "아니요"} else None


class NeverDecoded:
    def __call__(self, pcm: bytes) -> Transcript:
        raise AssertionError("the answer recogniser should not have been asked")


def gate(measured: Voicing, answer: Transcript | Callable[[bytes], Transcript]) -> AnswerGate:
    recognise = answer if callable(answer) else (lambda pcm: answer)
    return AnswerGate(lambda pcm: measured, recognise, GRAMMAR, classify)


# -- the speech check -------------------------------------------------------------


def test_voicing_counts_voiced_time_and_the_longest_run() -> None:
    flags = [False, True, True, False, True, True, True, False]
    assert voicing(flags) == Voicing(voiced_ms=150, longest_ms=90, total_ms=240)
    assert voicing([], 10) == Voicing(0, 0, 0)


def test_the_speech_rule_needs_enough_voicing_in_one_run_and_an_answer_a_moving_pitch() -> None:
    rule = SpeechRule(min_voiced_ms=180, min_run_ms=150, min_glide_st=1.5)
    assert rule.passes(Voicing(180, 150, 1000, 200, 1.5))
    assert rule.glides(Voicing(180, 150, 1000, 200, 1.5))
    assert not rule.passes(Voicing(170, 150, 1000, 200, 3.0))  # too little in all
    assert not rule.passes(Voicing(600, 120, 1000, 200, 3.0))  # clicks: many short runs
    motor = Voicing(900, 900, 1000, 900, 0.2)
    assert rule.passes(motor) and not rule.glides(motor)  # voiced, but its pitch stays put
    with pytest.raises(ConfigError):
        SpeechRule(min_voiced_ms=-1)


def _pcm(signal: np.ndarray) -> bytes:
    return np.asarray(np.rint(signal * 32767), dtype="<i2").tobytes()


def _vowel(depth_hz: float) -> bytes:
    """One second of a vowel-like sound (formants at 700 and 1200 Hz) around 120 Hz."""
    t = np.arange(16000) / 16000
    f0 = 120 + depth_hz * np.sin(2 * np.pi * t)
    phase = 2 * np.pi * np.cumsum(f0) / 16000
    vowel = sum(
        np.sin(k * phase) * (np.exp(-(((k * f0) - 700) / 150) ** 2)
                             + 0.6 * np.exp(-(((k * f0) - 1200) / 200) ** 2))
        for k in range(1, 30)
    )  # fmt: skip
    return _pcm(0.3 * vowel / np.max(np.abs(vowel)))


def test_the_detector_marks_silence_unvoiced_and_a_gliding_vowel_as_speech() -> None:
    detector = SpeechDetector()
    spoken = detector.measure(_vowel(10.0))  # 110-130 Hz: 2.9 semitones
    assert spoken.voiced_ms >= 600 and spoken.longest_ms >= 500 and spoken.total_ms == 990
    assert 2.0 < spoken.glide_st < 3.2 and spoken.glide_ms >= 500
    assert SpeechRule().passes(spoken) and SpeechRule().glides(spoken)
    flat = detector.measure(_vowel(0.0))  # the same sound on one note: a motor, a hum
    assert flat.voiced_ms >= 600 and flat.glide_st < 0.1
    assert SpeechRule().passes(flat) and not SpeechRule().glides(flat)
    quiet_after = detector.measure(bytes(32000))  # each call starts afresh
    assert quiet_after == Voicing(0, 0, 990)
    assert len(detector.flags(bytes(FRAME_BYTES * 3 + 100))) == 3  # a short tail is not judged
    assert detector.flags(b"") == []


def test_the_detector_refuses_a_bad_aggressiveness() -> None:
    with pytest.raises(ConfigError, match=r"0\.\.3"):
        SpeechDetector(aggressiveness=4)


# -- the answer grammar and reading it ---------------------------------------------


def test_the_answer_grammar_keeps_known_words_and_gives_noise_somewhere_to_go() -> None:
    assert "넵" not in GRAMMAR.words and "넵" not in GRAMMAR.yes
    assert {"응", "네", "예"} <= GRAMMAR.yes and {"아니", "아니요"} <= GRAMMAR.no
    assert "<UNK>" in GRAMMAR.words
    assert not (GRAMMAR.yes | GRAMMAR.no) & set(ANSWER_FILLERS)
    assert len(ANSWER_FILLERS) > 4 * (len(ANSWER_YES) + len(ANSWER_NO))


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        (said(("네", 0.81)), ("yes", "answer")),
        (said(("응", 0.9), ("주문해", 0.4), ("주세요", 0.3)), ("yes", "answer")),
        (said(("아니요", 1.0)), ("no", "answer")),
        (said(("네", 1.0), ("똑", 0.3)), (None, "a filler word")),
        (said(("주세요", 1.0)), (None, "no answer word")),
        (said(("네", 1.0), ("아니", 1.0)), (None, "yes and no")),
        (said(("넹", 0.34)), (None, "below the floor")),
        (said(("네", 1.0, 1.0, 3.6)), (None, "word too long")),
        (said(("예", 1.0, 1.0, 1.03), ("해", 1.0, 1.03, 1.7)), (None, "word too short")),
        (Transcript("", (), ()), (None, "no words")),
    ],
)
def test_reading_the_answer(answer: Transcript, expected: tuple[str | None, str]) -> None:
    assert read_answer(answer, GRAMMAR, AnswerRule(), SPEECH) == expected


def test_an_answer_is_short() -> None:
    rule = AnswerRule()
    assert read_answer(said(("네", 1.0)), GRAMMAR, rule, Voicing(2400, 2400, 3000)) == (
        None, "too long for an answer")  # fmt: skip
    assert rule.too_long(Voicing(300, 300, 4500))
    with pytest.raises(ConfigError):
        AnswerRule(floor=1.5)


# -- the decision -------------------------------------------------------------------


def test_noise_is_nothing_heard_whatever_the_recogniser_made_of_it() -> None:
    verdict = gate(SILENCE, NeverDecoded()).judge(b"", heard("응"))
    assert verdict.ignored and verdict.reason == "not speech" and verdict.said == "yes"


def test_a_flat_pitch_is_no_answer_but_may_be_a_command() -> None:
    """A motor's hum passes the VAD and the Korean model hears it as "네" at 0.81."""
    hum = Voicing(600, 600, 1500, 600, 0.3)
    assert gate(hum, NeverDecoded()).judge(b"", heard("네")).reason == "a flat pitch"
    assert gate(hum, NeverDecoded()).judge(b"", heard("네")).ignored
    command = heard("우유 두 개 주문해 줘")
    assert gate(hum, NeverDecoded()).judge(b"", command).heard == command
    assert read_answer(said(("네", 0.81)), GRAMMAR, AnswerRule(), hum) == (None, "a flat pitch")


def test_a_yes_passes_only_when_the_answer_grammar_hears_it_confidently() -> None:
    assert gate(SPEECH, said(("응", 0.9))).judge(b"", heard("응")).heard == heard("응")
    for answer in (said(("응", 0.3)), said(("으", 0.9)), said(("응", 0.9), ("쿵", 0.9))):
        verdict = gate(SPEECH, answer).judge(b"", heard("응"))
        assert verdict.ignored, answer


def test_the_command_grammar_hearing_a_number_for_ne_still_answers() -> None:
    """The shop grammar hears a real "네" as the number "[4]"; the answer words go on."""
    verdict = gate(SPEECH, said(("네", 0.81))).judge(b"", heard("[4]"))
    assert verdict.heard is not None and verdict.heard.text == "네"
    assert [w.text for w in verdict.heard.words] == ["네"]


def test_disagreeing_recognisers_are_not_an_answer() -> None:
    verdict = gate(SPEECH, said(("아니요", 1.0))).judge(b"", heard("응"))
    assert verdict.ignored and verdict.reason == "the recognisers disagree"


def test_other_speech_goes_on_as_heard() -> None:
    """A new command, "두 번째 거" or a delivery change in the window is not an answer."""
    command = heard("우유 두 개 주문해 줘")
    assert gate(SPEECH, said(("우", 0.5), ("주세요", 0.9))).judge(b"", command).heard == command
    long_turn = Voicing(3000, 2500, 3500, 800, 4.0)
    assert gate(long_turn, NeverDecoded()).judge(b"", command).heard == command
    assert gate(long_turn, NeverDecoded()).judge(b"", heard("네")).ignored


def test_a_pin_must_be_speech_and_is_never_decoded_again() -> None:
    pin = heard("[1] [2] [3] [4]")
    assert gate(SPEECH, NeverDecoded()).judge(b"", pin, secret=True).heard == pin
    assert gate(SILENCE, NeverDecoded()).judge(b"", pin, secret=True).ignored


def test_yes_or_no_reads_the_parser_intent() -> None:
    class Named:
        def __init__(self, name: str) -> None:
            self.name = name

    names = {"응": "confirm", "아니": "deny", "우유": "product_info"}
    read = yes_or_no(lambda text: Named(names[text]))
    assert [read("응"), read("아니"), read("우유")] == ["yes", "no", None]


# -- the loop -----------------------------------------------------------------------


class FakeGate:
    """Ignores turns whose command transcript is in ``noise``; passes the rest."""

    def __init__(self, noise: set[str]) -> None:
        self.noise = noise
        self.judged: list[str] = []

    def judge(self, pcm: bytes, heard: Transcript, *, secret: bool = False) -> Verdict:
        self.judged.append(heard.text)
        verdict = Verdict(None if heard.text in self.noise else heard, "fake", SPEECH)
        return verdict


def _dialog(db_url: str) -> Dialog:
    return Dialog(ShopService(db.session_factory(db.open_engine(db_url))), Channel.VOICE)


def test_an_ignored_turn_in_the_window_is_nothing_heard(db_url: str, tmp_path: Path) -> None:
    from assistant.audio.endpoint import Endpointer
    from assistant.doors.voice import LiveSettings, live_turns

    wake = b"W" + b"\x00" * 959
    frames = [
        wake, *loud(20), *quiet(30),  # "서울우유 흰우유 1L 두 개 주문해 줘"
        *loud(10), *quiet(30),  # a clatter the recogniser heard as "응": ignored
        *loud(10), *quiet(30),  # "응" from speech, still inside the 8 s window
    ]  # fmt: skip
    script = ScriptedFinals(["서울우유 흰우유 1L 두 개 주문해 줘", "응?noise", "응"])
    fake = FakeGate({"응?noise"})
    judged: list[Verdict] = []
    dialog = _dialog(db_url)
    saved = tmp_path / "heard"
    settings = LiveSettings(answers=fake, on_judged=judged.append, save_dir=saved)  # type: ignore[arg-type]
    turns = list(live_turns(frames, FakeWake(), script.new, Endpointer(300, 600, 8.0), dialog,  # type: ignore[arg-type]
                            utcnow, settings))  # fmt: skip
    assert [t.reply.intent.name for t in turns] == ["order", "confirm"]
    assert fake.judged == ["응?noise", "응"]  # the first command had no question pending
    assert [v.ignored for v in judged] == [True, False]
    assert len(list(saved.glob("ignored-*.wav"))) == 1  # --save-audio keeps what was ignored
    assert len(list(saved.glob("turn-*.wav"))) == 2


def test_noise_until_the_window_closes_leaves_the_question_unanswered(db_url: str) -> None:
    from assistant.audio.endpoint import Endpointer
    from assistant.doors.voice import LiveSettings, live_turns

    dialog = _dialog(db_url)
    assert "주문할까요" in dialog.handle("서울우유 흰우유 1L 두 개 주문해 줘", utcnow()).text
    noise_then_yes = [*loud(10), *quiet(30)] * 7  # 8.4 s of bursts: all ignored
    frames = [*noise_then_yes, *loud(10), *quiet(30)]  # "응" after the window closed
    script = ScriptedFinals(["응"] * 8)
    fake = FakeGate({"응"})
    turns = list(live_turns(frames, FakeWake(), script.new, Endpointer(300, 600, 8.0), dialog,  # type: ignore[arg-type]
                            utcnow, LiveSettings(answers=fake)))  # type: ignore[arg-type]  # fmt: skip
    assert turns == []
    assert len(fake.judged) == 7  # the last burst came after the window: asleep again
    assert dialog.pending is not None  # still asking; a yes from speech can still answer


def test_turns_with_nothing_pending_are_not_judged(db_url: str) -> None:
    from assistant.audio.endpoint import Endpointer
    from assistant.doors.voice import LiveSettings, live_turns

    fake = FakeGate(set())
    frames = [*loud(10), *quiet(30)] * 2
    script = ScriptedFinals(["장바구니 보여 줘", "그만"])
    turns = list(live_turns(frames, None, script.new, Endpointer(300, 600, 8.0), _dialog(db_url),
                            utcnow, LiveSettings(answers=fake)))  # type: ignore[arg-type]  # fmt: skip
    assert [t.reply.intent.name for t in turns] == ["view_cart", "stop"]
    assert fake.judged == []


# -- the pitch ----------------------------------------------------------------------


def _harmonic(f0: np.ndarray) -> bytes:
    phase = 2 * np.pi * np.cumsum(f0) / 16000
    tone = sum(np.sin(k * phase) / k for k in range(1, 12))
    return _pcm(0.3 * tone / np.max(np.abs(tone)))


def test_the_pitch_tracker_follows_a_glide_and_ignores_octave_jumps() -> None:
    from assistant.audio.pitch import movement, track

    steady = track(_harmonic(np.full(16000, 150.0)))
    assert abs(float(np.median([p for p in steady if p])) - 150.0) < 1.0
    assert movement(steady)[1] < 0.05
    glide = movement(track(_harmonic(150 * 2 ** (np.linspace(0, -4, 16000) / 12))))
    assert 2.8 < glide[1] < 3.4 and glide[0] >= 800  # 10th to 90th percentile of 4 semitones
    jump = np.concatenate([np.full(8000, 110.0), np.full(8000, 220.0)])  # an octave error
    assert movement(track(_harmonic(jump)))[1] < 0.05
    assert movement([None, 100.0, None]) == (0, 0.0) and track(b"") == []
