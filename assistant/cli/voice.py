"""The voice commands: ``listen`` (the voice conversation), ``start`` (voice with a microphone,
else text), ``devices``, ``grammar build`` and ``transcribe``; and the recogniser set-up they
share (the grammar from the live catalog, the trimmed model, the confirmation window's checks)."""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.cli.common import Subparsers, engine, group, with_db, with_json
from assistant.cli.conversation import cmd_text
from assistant.cli.output import print_json, say
from assistant.locales.messages import Msg

if TYPE_CHECKING:
    from assistant.speech.tts import ReplyFile

TRANSCRIBE_OPEN = "open"
"""``transcribe``'s mode (JSON ``mode``) without ``--grammar``: open vocabulary."""
TRANSCRIBE_GRAMMAR = "grammar"
"""``transcribe``'s mode with ``--grammar``: only the shop grammar's words, as ``listen``."""


def add_parsers(sub: Subparsers) -> None:
    """Add ``listen``, ``start``, ``devices``, ``grammar build`` and ``transcribe``."""
    listen = with_db(sub.add_parser("listen", help="the voice conversation"))
    listen.add_argument("--input", type=Path, metavar="FILE.wav",
                        help="a recording that stands in for the microphone")  # fmt: skip
    listen.add_argument("--device", metavar="PROFILE", help="a profile in devices/")
    listen.add_argument("--wake-word", metavar="WORD", help="instead of the profile's")
    listen.add_argument("--save-audio", type=Path, metavar="DIR",
                        help="keep what the recogniser heard as WAV files")  # fmt: skip
    listen.add_argument("--no-wake", action="store_true",
                        help="treat the audio as if the wake word had just been heard")  # fmt: skip
    listen.add_argument("--member", metavar="NAME")
    listen.add_argument("--model", metavar="PATH", help="a Vosk model directory")
    listen.add_argument("--no-grammar", action="store_true", help="open-vocabulary recognition")
    spoken = listen.add_mutually_exclusive_group()
    spoken.add_argument("--no-tts", action="store_true", help="print replies instead of speaking")
    spoken.add_argument("--reply-wav", type=Path, metavar="OUT.wav",
                        help="write the spoken replies to a WAV file, not a speaker")  # fmt: skip
    with_json(listen)
    listen.set_defaults(handler=cmd_listen)

    start = with_db(sub.add_parser("start", help="voice if a microphone exists, else text"))
    start.add_argument("--member", metavar="NAME")
    start.set_defaults(handler=cmd_start)

    devices = with_json(
        sub.add_parser("devices", help="audio devices and the profile that matches each")
    )
    devices.set_defaults(handler=cmd_devices)

    gr_sub = group(sub, "grammar", help="the speech recogniser's grammar")
    build = with_db(gr_sub.add_parser("build", help="compile it from grammars/ and the catalog"))
    build.add_argument("--lang", choices=["ko"], default="ko")
    build.add_argument("--model", metavar="PATH", help="a Vosk model directory")
    build.add_argument("--out", type=Path, metavar="FILE", help="where to write it")
    build.add_argument("--report", action="store_true", help="list split and missing words")
    build.set_defaults(handler=cmd_grammar_build)

    transcribe = with_db(sub.add_parser("transcribe", help="recognise speech in a WAV file"))
    transcribe.add_argument("file", type=Path, metavar="FILE.wav")
    transcribe.add_argument("--model", metavar="PATH", help="a Vosk model directory")
    mode = transcribe.add_mutually_exclusive_group()
    mode.add_argument("--grammar", action="store_true",
                      help="hear only the shop grammar, as `listen` does")  # fmt: skip
    mode.add_argument("--no-grammar", action="store_true",
                      help="open vocabulary: any word the model knows (the default)")  # fmt: skip
    with_json(transcribe)
    transcribe.set_defaults(handler=cmd_transcribe)


# -- the recogniser set-up ------------------------------------------------------------


def compile_grammar(phrases: list[str], model_path: Path, lang: str = "ko") -> Any:
    """The recogniser grammar for these catalog phrases (a speech.grammar.CompiledGrammar).

    The model's vocabulary is read from its files, so Vosk is not loaded for this.
    """
    from assistant.nlu.grammar import load_grammar
    from assistant.speech.grammar import compile_grammar as compile_pack
    from assistant.speech.model_trim import read_vocabulary

    vocabulary = read_vocabulary(model_path)
    return compile_pack(load_grammar(lang), phrases, vocabulary.__contains__, str(model_path))


def voice_grammar(phrases: list[str], model_path: Path) -> list[str]:
    """The compiled grammar of the catalog's ``phrases`` (a Vocabulary's), rebuilt only when
    the catalog, grammar files or model changed."""
    from assistant.config import default_data_dir
    from assistant.nlu.grammar import load_grammar
    from assistant.speech.grammar import fingerprint, load_if_current, save

    out = default_data_dir() / "grammar-ko.json"
    expected = fingerprint(load_grammar("ko"), sorted(set(phrases)), str(model_path))
    cached = load_if_current(out, expected)
    if cached is not None:
        return list(cached)
    compiled = compile_grammar(phrases, model_path)
    save(compiled, out)
    return list(compiled.words)


def catalog_vocabulary(args: argparse.Namespace) -> Any:
    """The product words (a shop.vocabulary.Vocabulary) of the database's catalog; of the
    bundled catalog when no database was named and the default one does not exist."""
    import os

    from assistant.config import ENV_DB
    from assistant.errors import DatabaseMissingError
    from assistant.shop.vocabulary import bundled_vocabulary, from_database
    from assistant.store import db

    try:
        made = engine(args)
    except DatabaseMissingError:
        if args.db or os.environ.get(ENV_DB):
            raise  # a typo in --db must not look like another catalog
        return bundled_vocabulary()
    return from_database(db.session_factory(made))


def grammar_model(model_path: Path, words: list[str]) -> Any:
    """The Vosk model for recognisers that only ever use ``words`` (a trimmed copy if possible)."""
    from assistant.config import default_data_dir
    from assistant.speech.model_trim import grammar_model as trimmed
    from assistant.speech.recogniser import load_model

    return load_model(trimmed(model_path, words, default_data_dir() / "speech-models"))


def listening_model(model_path: Path, grammar: list[str], wake_word: str) -> Any:
    """The model of the voice doors (``listen``, ``serve``, ``hub``) and of ``transcribe``:
    trimmed to the shop grammar, the wake word and the answer words. One trimmed model for
    all of them, so each hears a recording the same way."""
    from assistant.speech.grammar import ANSWER_WORDS

    return grammar_model(model_path, [*grammar, wake_word, *ANSWER_WORDS])


def answer_gate(model: Any, parse: Any) -> Any:
    """The confirmation window's checks (a doors.voice_answer.AnswerGate) on this model."""
    from assistant.audio.vad import SpeechDetector
    from assistant.doors.voice_answer import AnswerGate, recognise_answer, yes_or_no
    from assistant.speech.grammar import answer_grammar
    from assistant.speech.recogniser import knows_word

    grammar = answer_grammar(lambda word: knows_word(model, word))
    return AnswerGate(SpeechDetector().measure, recognise_answer(model, grammar), grammar,
                      yes_or_no(parse))  # fmt: skip


# -- the commands ---------------------------------------------------------------------


def cmd_listen(args: argparse.Namespace) -> int:
    """The voice conversation on the microphone, or on ``--input`` FILE.wav."""
    from assistant.audio.devices import load_profiles
    from assistant.audio.endpoint import Endpointer
    from assistant.audio.wavfile import open_wav
    from assistant.dialog.conversation import Dialog
    from assistant.doors.voice import LiveSettings, live_turns
    from assistant.errors import ConfigError
    from assistant.nlu.parser import IntentParser
    from assistant.shop.service import ShopService
    from assistant.shop.vocabulary import from_database
    from assistant.speech.recogniser import Recognizer, load_model, resolve_model
    from assistant.speech.tts import ReplyFile
    from assistant.speech.wake import WakeDetector
    from assistant.store import db
    from assistant.store.models import Channel, utcnow

    profiles = load_profiles()
    profile = profiles.get(args.device or "default")
    if profile is None:
        raise ConfigError(f"no device profile {args.device!r}; see `jangbogi devices`")
    audio = open_wav(args.input) if args.input else None  # a bad file fails before loading
    replies = ReplyFile(args.reply_wav) if args.reply_wav else None  # so does a bad folder
    factory = db.session_factory(engine(args))
    model_path = resolve_model(args.model)
    vocabulary = from_database(factory)  # the grammar and the parser know the same products
    grammar = voice_grammar(list(vocabulary.phrases), model_path)
    parser = IntentParser(product_words=vocabulary.words)
    parser.preload(background=True, langs=("ko",))  # English is built if ever heard
    wake_word = getattr(args, "wake_word", None) or profile.wake_word
    if args.no_grammar:
        model = load_model(model_path)
    else:  # every recogniser uses the grammar: load the trimmed model (~170 MB less)
        model = listening_model(model_path, grammar, wake_word)
    wake = None if args.no_wake else WakeDetector(model, wake_word, grammar)
    command_grammar = None if args.no_grammar else grammar
    dialog = Dialog(ShopService(factory, args.member), channel=Channel.VOICE, parser=parser.parse)
    endpointer = Endpointer(profile.silence_rms, profile.trailing_silence_ms,
                            profile.max_utterance_s)  # fmt: skip
    if audio is not None:
        frames: Any = audio.frames(30)
    else:
        from assistant.audio.microphone import Microphone

        frames = Microphone(profile).frames()
        print(say()(Msg.CLI_LISTENING, profile=profile.name, wake_word=wake_word))
    answers = answer_gate(model, dialog.parser)  # a yes in the window only from speech
    turns = live_turns(
        frames, wake, lambda: Recognizer(model, grammar=command_grammar), endpointer, dialog,
        utcnow, LiveSettings(save_dir=args.save_audio, answers=answers),
    )  # fmt: skip
    with reply_voice(args, profile.voice, replies) as speak:
        for turn in turns:
            if args.json:
                print_json(turn.to_json())
            else:
                print(f"> {turn.heard}")
                print(turn.reply.text)
            speak(turn.reply.text, turn.reply.intent.lang)
    return 0


@contextlib.contextmanager
def reply_voice(
    args: argparse.Namespace, voice: str, replies: ReplyFile | None = None
) -> Iterator[Callable[[str, str], None]]:
    """How ``listen`` says a reply (text, language): on the speaker; into ``replies``, the
    file of ``--reply-wav``; or not at all with ``--no-tts``, or when a recording
    (``--input``) stands in for the microphone and there is no speaker to play on (said once
    on stderr: a file in needs no speaker out). With a live microphone a missing speaker
    stays an error."""
    from assistant.speech.tts import Speaker, VoiceSettings

    speakers: dict[str, Speaker] = {}

    def speaker(lang: str) -> Speaker:
        chosen = "en" if lang == "en" else voice  # English turns get English replies
        if chosen not in speakers:
            speakers[chosen] = Speaker(VoiceSettings(voice=chosen))
        return speakers[chosen]

    if replies is not None:
        with replies as out:
            yield lambda text, lang: out.add(speaker(lang), text)
        return
    silent = bool(args.no_tts)
    if not silent and args.input is not None:
        from assistant.audio.devices import can_play

        silent = not can_play()
        if silent:
            print(say()(Msg.LISTEN_SPEECH_SKIPPED), file=sys.stderr)
    if silent:
        yield lambda text, lang: None
        return
    yield lambda text, lang: speaker(lang).say(text)


def cmd_start(args: argparse.Namespace) -> int:
    """What `make run` starts: the voice loop with a microphone, the text conversation without."""
    from assistant.audio.devices import list_devices

    if any(d.inputs > 0 for d in list_devices()):
        return cmd_listen(argparse.Namespace(
            db=args.db, member=args.member, input=None, device=None, save_audio=None,
            no_wake=False, model=None, no_grammar=False, no_tts=False, reply_wav=None, json=False,
        ))  # fmt: skip
    print(say()(Msg.CLI_NO_MICROPHONE))
    return cmd_text(args)


def cmd_devices(args: argparse.Namespace) -> int:
    """The machine's audio devices, the profile matching each, and every profile."""
    from assistant.audio.devices import list_devices, load_profiles, profile_for

    profiles = load_profiles()
    found = list_devices()
    if args.json:
        for d in found:
            print_json({**vars(d), "profile": profile_for(d, profiles).name})
        return 0
    if not found:
        print(say()(Msg.CLI_NO_AUDIO_DEVICES))
    for d in found:
        print(f"{d.index}\t{d.name}\tin {d.inputs}, out {d.outputs}, {d.default_rate:.0f} Hz"
              f"\tprofile: {profile_for(d, profiles).name}")  # fmt: skip
    print("profiles: " + ", ".join(f"{p.name} ({p.description})" for p in profiles.values()))
    return 0


def cmd_grammar_build(args: argparse.Namespace) -> int:
    """Compile the recogniser grammar from grammars/ and the catalog and save it."""
    from assistant.config import default_data_dir
    from assistant.shop.vocabulary import from_database
    from assistant.speech.grammar import save
    from assistant.speech.recogniser import resolve_model
    from assistant.store import db

    phrases = list(from_database(db.session_factory(engine(args))).phrases)
    model_path = resolve_model(args.model)
    grammar = compile_grammar(phrases, model_path, args.lang)
    out = args.out or default_data_dir() / f"grammar-{args.lang}.json"
    save(grammar, out)
    cov = grammar.coverage
    print(
        f"wrote {out}: {len(grammar.words)} recogniser words; {len(cov.kept)} words known to "
        f"the model, {len(cov.split)} split into known words, {len(cov.missing)} missing"
    )
    if args.report:
        for word, parts in sorted(cov.split.items()):
            print(f"split\t{word}\t{' '.join(parts)}")
        for word in cov.missing:
            print(f"missing\t{word}")
    return 0


def cmd_transcribe(args: argparse.Namespace) -> int:
    """Words, times, confidences and alternatives the recogniser hears in a WAV file.

    A diagnostic: by default with open vocabulary (what the model itself hears, so a read
    sentence comes out as that sentence); ``--grammar`` hears as ``listen`` does, through the
    shop grammar of the database's catalog. The output says which of the two was used."""
    from assistant.audio.profiles_default import DEFAULT_WAKE_WORD
    from assistant.audio.wavfile import SAMPLE_WIDTH, open_wav
    from assistant.speech.recogniser import load_model, resolve_model, transcribe_blocks

    audio = open_wav(args.file)  # a bad header is reported before the model loads
    model_path = resolve_model(args.model)
    grammar = None
    if args.grammar:  # what `listen` would hear: the grammar of the database's catalog
        grammar = voice_grammar(list(catalog_vocabulary(args).phrases), model_path)
        model = listening_model(model_path, grammar, DEFAULT_WAKE_WORD)
    else:
        model = load_model(model_path)
    mode = TRANSCRIBE_GRAMMAR if grammar is not None else TRANSCRIBE_OPEN
    samples = 0

    def blocks() -> Iterator[bytes]:  # read, decoded and resampled as Vosk goes: flat memory
        nonlocal samples
        for block in audio.blocks():
            samples += len(block) // SAMPLE_WIDTH
            yield block

    heard = transcribe_blocks(blocks(), model, grammar=grammar)
    if args.json:
        print_json({"file": str(args.file), "duration_s": round(samples / audio.target_rate, 3),
                    "mode": mode, **heard.to_json()})  # fmt: skip
        return 0
    said = Msg.TRANSCRIBE_MODE_GRAMMAR if grammar is not None else Msg.TRANSCRIBE_MODE_OPEN
    print(say()(said))
    print(heard.text)
    for word in heard.words:
        print(f"\t{word.start:6.2f}-{word.end:6.2f}s\t{word.confidence:.2f}\t{word.text}")
    for alt in heard.alternatives[1:]:
        print(f"\talternative ({alt.confidence:.1f}): {alt.text}")
    return 0
