"""What each ``jangbogi`` subcommand does; ``cli`` only parses arguments."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from assistant.config import bundled_catalog_path, resolve_db_url
from assistant.store import db
from assistant.store.models import Product, utcnow


def _json(value: object) -> None:
    print(json.dumps(value, ensure_ascii=False))


def _engine(args: argparse.Namespace, *, create: bool = False) -> Engine:
    url = resolve_db_url(args.db)
    if create:
        engine = db.make_engine(url, create=True)
        db.refuse_newer_schema(engine)  # an upgrade could only fail on it, or worse
        db.upgrade(engine)
        return engine
    return db.open_engine(url)


def cmd_db_upgrade(args: argparse.Namespace) -> int:
    engine = _engine(args, create=True)
    print(f"schema at {db.current_revision(engine)}: {engine.url.render_as_string()}")
    return 0


def cmd_demo_init(args: argparse.Namespace) -> int:
    from assistant.shop.catalog import import_file
    from assistant.shop.household import DEMO_HOUSEHOLD, DEMO_MEMBER, ensure_demo_household

    path = bundled_catalog_path()
    engine = _engine(args, create=True)
    with db.transaction(db.session_factory(engine)) as session:
        summary = import_file(session, path)
        _household, created = ensure_demo_household(session, utcnow())
    what = "created" if created else "already there"
    print(
        f"demo household '{DEMO_HOUSEHOLD}' (member '{DEMO_MEMBER}') {what}; catalog: "
        f"{summary.added} added, {summary.updated} updated, {summary.unchanged} unchanged"
    )
    return 0


def cmd_catalog_import(args: argparse.Namespace) -> int:
    from assistant.shop.catalog import import_records
    from assistant.shop.catalog_file import parse_catalog

    records = parse_catalog(args.file)  # validate before touching any database
    engine = _engine(args, create=not args.dry_run)
    with db.transaction(db.session_factory(engine)) as session:
        s = import_records(session, records, replace=args.replace, write=not args.dry_run)
    would = "would be " if args.dry_run else ""
    print(
        f"{'checked' if args.dry_run else 'imported'} {len(records)} products from {args.file}: "
        f"{s.added} {would}added, {s.updated} {would}updated, {s.unchanged} unchanged, "
        f"{s.deactivated} {would}no longer sold"
    )
    n = len(s.missing)
    if n and args.replace:
        verb = "would be retired" if args.dry_run else "retired (kept for past orders)"
        print(f"{n} {'product' if n == 1 else 'products'} not in the file {verb}:")
        for sku, name in s.missing:
            print(f"  {sku}\t{name}")
    elif n:
        print(
            f"{n} {'product' if n == 1 else 'products'} on sale "
            f"{'is' if n == 1 else 'are'} not in this file and stay on sale; import with "
            "--replace to retire them (--replace --dry-run lists them first)"
        )
    return 0


def _product_json(p: Product) -> dict[str, object]:
    return {
        "sku": p.sku, "category": p.category, "name_ko": p.name_ko, "name_en": p.name_en,
        "brand": p.brand, "size": p.size, "unit": p.unit, "aliases": p.alias_list,
        "price": p.price, "member_price": p.member_price, "rating": p.rating_tenths / 10,
        "rating_count": p.rating_count, "stock": p.stock,
    }  # fmt: skip


def _product_line(p: Product) -> str:
    data = _product_json(p)
    return (
        f"{data['sku']}\t{data['category']}\t{data['name_ko']} {data['size']}\t"
        f"{data['price']:,}원 (회원 {data['member_price']:,}원)\t재고 {data['stock']}"
    )


def cmd_catalog_list(args: argparse.Namespace) -> int:
    from assistant.shop.catalog import list_products

    engine = _engine(args)
    with db.transaction(db.session_factory(engine)) as session:
        products = list_products(session, args.category)
        for p in products:
            if args.json:
                _json(_product_json(p))
            else:
                print(_product_line(p))
    return 0


def cmd_catalog_search(args: argparse.Namespace) -> int:
    from assistant.shop.catalog import catalog_entry, list_products
    from assistant.shop.matching import ProductMatcher

    factory = db.session_factory(_engine(args))

    with db.transaction(factory) as session:
        products = {p.id: p for p in list_products(session)}
        matcher = ProductMatcher(catalog_entry(p) for p in products.values())
        ranked = [c for c in matcher.rank(args.query, limit=10) if c.score >= 60]
        if not ranked:
            print(f"'{args.query}': not in the catalog", file=sys.stderr)
            return 1
        for c in ranked:
            p = products[c.product_id]
            if args.json:
                _json({**_product_json(p), "score": round(c.score, 1), "matched": c.matched})
            else:
                print(f"{c.score:5.1f}\t{_product_line(p)}")
    return 0


def cmd_orders_list(args: argparse.Namespace) -> int:
    from assistant.shop.orders import STATUS_KO, list_orders, view

    engine = _engine(args)
    with db.transaction(db.session_factory(engine)) as session:
        for order in list_orders(session):
            v = view(order)
            if args.json:
                _json(v.to_json())
                continue
            print(
                f"#{v.id}\t{v.placed_at:%Y-%m-%d %H:%M}Z\t{v.status.value}"
                f"({STATUS_KO[v.status]})\t{v.channel.value}\t{v.member}\t합계 {v.total:,}원"
            )
            for ln in v.lines:
                print(
                    f"\t{ln.sku}\t{ln.name}\t{ln.quantity}{ln.unit}\t"
                    f"{ln.unit_price:,}원\t{ln.line_total:,}원"
                )
    return 0


def cmd_insights(args: argparse.Namespace) -> int:
    """Per household: what it buys, how often, and when each product is due next."""
    from datetime import date

    from sqlalchemy import select

    from assistant.errors import ConfigError
    from assistant.shop.history import day_index, household_insights
    from assistant.store.models import Household

    today: int | None = None
    if args.today:
        try:
            today = date.fromisoformat(args.today).toordinal()
        except ValueError as exc:
            raise ConfigError(f"--today: {args.today!r} is not a date (YYYY-MM-DD)") from exc
    engine = _engine(args)
    with db.transaction(db.session_factory(engine)) as session:
        for household in session.scalars(select(Household).order_by(Household.id)):
            day = today if today is not None else day_index(utcnow(), household.timezone)
            report = household_insights(session, household, day)
            if args.json:
                _json(report.to_json())
                continue
            print(f"{report.household}\t{report.today}\t{report.orders} orders")
            for p in report.products:
                every = (
                    f"every {p.interval_days:g} days (spread {p.spread:.2f})"
                    if (p.interval_days is not None and p.spread is not None)
                    else "bought once"
                )
                due = f"next {p.next_due} (confidence {p.confidence:.2f})" if p.next_due else ""
                flags = " ".join(
                    f
                    for f, on in (
                        ("DUE", p.due_now),
                        ("steady", p.steady),
                        ("subscribed", p.subscribed),
                    )
                    if on
                )
                print(
                    f"\t{p.sku}\t{p.name}\t{p.count}x, {every}, usually {p.quantity}, "
                    f"last {p.last}\t{due}\t{flags}".rstrip()
                )
            for noun, sku, name in report.usuals:
                print(f"\tusual {noun}: {sku} {name}")
    return 0


def cmd_text(args: argparse.Namespace) -> int:
    from assistant.dialog.conversation import Dialog
    from assistant.doors.text import GREETING, interactive_lines, run_lines
    from assistant.nlu.parser import load_parser
    from assistant.shop.service import ShopService

    parser = load_parser()
    parser.preload(background=True)  # Kiwi takes ~2 s: load it while the database opens
    engine = _engine(args)
    shop = ShopService(db.session_factory(engine), args.member)
    dialog = Dialog(shop)
    if sys.stdin.isatty():
        print(GREETING)
        suggestion = dialog.opening(utcnow())  # what is running out, once a day
        if suggestion:
            print(suggestion)
        run_lines(dialog, interactive_lines(secret=lambda: dialog.expecting_secret),
                  sys.stdout, utcnow)  # fmt: skip
    else:
        run_lines(dialog, sys.stdin, sys.stdout, utcnow)
    return 0


def cmd_parse(args: argparse.Namespace) -> int:
    from assistant.nlu.parser import load_parser

    parser = load_parser()
    lines = args.utterances or (line.rstrip("\n") for line in sys.stdin)
    for line in lines:
        intent = parser.parse(line, args.lang)
        if args.json:
            _json(intent.to_json())
        else:
            print(f"{intent.name}\t{json.dumps(intent.slots.to_json(), ensure_ascii=False)}")
    return 0


def _compile_grammar(phrases: list[str], model_path: Path, lang: str = "ko") -> Any:
    """The recogniser grammar for these catalog phrases (an asr_grammar.CompiledGrammar).

    The model's vocabulary is read from its files, so Vosk is not loaded for this.
    """
    from assistant.nlu.grammar import load_pack
    from assistant.speech.grammar import compile_grammar
    from assistant.speech.model_trim import read_vocabulary

    vocabulary = read_vocabulary(model_path)
    return compile_grammar(load_pack(lang), phrases, vocabulary.__contains__, str(model_path))


def _voice_grammar(factory: Any, model_path: Path) -> list[str]:
    """The compiled grammar, rebuilt only when the catalog, grammar files or model changed."""
    from assistant.config import default_data_dir
    from assistant.nlu.grammar import load_pack
    from assistant.shop.catalog import spoken_phrases
    from assistant.speech.grammar import fingerprint, load_if_current, save

    with db.transaction(factory) as session:
        phrases = spoken_phrases(session)
    out = default_data_dir() / "grammar-ko.json"
    expected = fingerprint(load_pack("ko"), sorted(set(phrases)), str(model_path))
    cached = load_if_current(out, expected)
    if cached is not None:
        return list(cached)
    compiled = _compile_grammar(phrases, model_path)
    save(compiled, out)
    return list(compiled.words)


def _grammar_model(model_path: Path, words: list[str]) -> Any:
    """The Vosk model for recognisers that only ever use ``words`` (a trimmed copy if possible)."""
    from assistant.config import default_data_dir
    from assistant.speech.model_trim import grammar_model
    from assistant.speech.recogniser import load_model

    return load_model(grammar_model(model_path, words, default_data_dir() / "speech-models"))


def _answer_gate(model: Any, parse: Any) -> Any:
    """The confirmation window's checks (a voice_answer.AnswerGate) on this model."""
    from assistant.audio.vad import SpeechDetector
    from assistant.doors.voice_answer import AnswerGate, recognise_answer, yes_or_no
    from assistant.speech.grammar import answer_grammar
    from assistant.speech.recogniser import knows_word

    grammar = answer_grammar(lambda word: knows_word(model, word))
    return AnswerGate(SpeechDetector().measure, recognise_answer(model, grammar), grammar,
                      yes_or_no(parse))  # fmt: skip


def cmd_listen(args: argparse.Namespace) -> int:
    from assistant.audio.devices import load_profiles
    from assistant.audio.endpoint import Endpointer
    from assistant.audio.wavfile import open_wav
    from assistant.dialog.conversation import Dialog
    from assistant.doors.voice import LiveSettings, live_turns
    from assistant.errors import ConfigError
    from assistant.nlu.parser import load_parser
    from assistant.shop.service import ShopService
    from assistant.speech.grammar import ANSWER_WORDS
    from assistant.speech.recogniser import Recognizer, load_model, resolve_model
    from assistant.speech.wake import WakeDetector
    from assistant.store.models import Channel

    profiles = load_profiles()
    profile = profiles.get(args.device or "default")
    if profile is None:
        raise ConfigError(f"no device profile {args.device!r}; see `jangbogi devices`")
    audio = open_wav(args.input) if args.input else None  # a bad file fails before loading
    factory = db.session_factory(_engine(args))
    model_path = resolve_model(args.model)
    grammar = _voice_grammar(factory, model_path)
    load_parser().preload(background=True, langs=("ko",))  # English is built if ever heard
    wake_word = getattr(args, "wake_word", None) or profile.wake_word
    if args.no_grammar:
        model = load_model(model_path)
    else:  # every recogniser uses the grammar: load the trimmed model (~170 MB less)
        model = _grammar_model(model_path, [*grammar, wake_word, *ANSWER_WORDS])
    wake = None if args.no_wake else WakeDetector(model, wake_word, grammar)
    command_grammar = None if args.no_grammar else grammar
    speakers: dict[str, Any] = {}

    def speak(text: str, lang: str) -> None:
        from assistant.speech.tts import Speaker, VoiceSettings

        voice = "en" if lang == "en" else profile.voice  # English turns get English replies
        if voice not in speakers:
            speakers[voice] = Speaker(VoiceSettings(voice=voice))
        speakers[voice].say(text)

    dialog = Dialog(ShopService(factory, args.member), channel=Channel.VOICE)
    endpointer = Endpointer(profile.silence_rms, profile.trailing_silence_ms,
                            profile.max_utterance_s)  # fmt: skip
    if audio is not None:
        frames: Any = audio.frames(30)
    else:
        from assistant.audio.microphone import Microphone

        frames = Microphone(profile).frames()
        print(f"listening on the microphone ({profile.name}); say '{wake_word}' first")
    answers = _answer_gate(model, dialog.parser)  # a yes in the window only from speech
    turns = live_turns(
        frames, wake, lambda: Recognizer(model, grammar=command_grammar), endpointer, dialog,
        utcnow, LiveSettings(save_dir=args.save_audio, answers=answers),
    )  # fmt: skip
    for turn in turns:
        if args.json:
            _json(turn.to_json())
        else:
            print(f"> {turn.heard}")
            print(turn.reply.text)
        if not args.no_tts:
            speak(turn.reply.text, turn.reply.intent.lang)
    return 0


def cmd_start(args: argparse.Namespace) -> int:
    """What `make run` starts: the voice loop with a microphone, the text conversation without."""
    from assistant.audio.devices import list_devices

    if any(d.inputs > 0 for d in list_devices()):
        return cmd_listen(argparse.Namespace(
            db=args.db, member=args.member, input=None, device=None, save_audio=None,
            no_wake=False, model=None, no_grammar=False, no_tts=False, json=False,
        ))  # fmt: skip
    print("no microphone found: starting the text conversation (type; '그만' ends)")
    return cmd_text(args)


def cmd_devices(args: argparse.Namespace) -> int:
    from assistant.audio.devices import list_devices, load_profiles, profile_for

    profiles = load_profiles()
    found = list_devices()
    if args.json:
        for d in found:
            _json({**vars(d), "profile": profile_for(d, profiles).name})
        return 0
    if not found:
        print("no audio devices found (no sound card, or PortAudio sees none); "
              "`jangbogi text` works without one")  # fmt: skip
    for d in found:
        print(f"{d.index}\t{d.name}\tin {d.inputs}, out {d.outputs}, {d.default_rate:.0f} Hz"
              f"\tprofile: {profile_for(d, profiles).name}")  # fmt: skip
    print("profiles: " + ", ".join(f"{p.name} ({p.description})" for p in profiles.values()))
    return 0


def cmd_grammar_build(args: argparse.Namespace) -> int:
    from assistant.config import default_data_dir
    from assistant.shop.catalog import spoken_phrases
    from assistant.speech.grammar import save
    from assistant.speech.recogniser import resolve_model

    with db.transaction(db.session_factory(_engine(args))) as session:
        phrases = spoken_phrases(session)
    model_path = resolve_model(args.model)
    grammar = _compile_grammar(phrases, model_path, args.lang)
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
    from assistant.audio.wavfile import SAMPLE_WIDTH, open_wav
    from assistant.speech.recogniser import load_model, resolve_model, transcribe_blocks

    audio = open_wav(args.file)  # a bad header is reported before the model loads
    model_path = resolve_model(args.model)
    grammar = None
    if args.no_grammar:
        model = load_model(model_path)
    else:
        from assistant.nlu.parser import catalog_words

        grammar = list(_compile_grammar(list(catalog_words()), model_path).words)
        model = _grammar_model(model_path, grammar)
    samples = 0

    def blocks() -> Iterator[bytes]:  # read, decoded and resampled as Vosk goes: flat memory
        nonlocal samples
        for block in audio.blocks():
            samples += len(block) // SAMPLE_WIDTH
            yield block

    heard = transcribe_blocks(blocks(), model, grammar=grammar)
    if args.json:
        _json({"file": str(args.file), "duration_s": round(samples / audio.target_rate, 3),
               **heard.to_json()})  # fmt: skip
        return 0
    print(heard.text)
    for word in heard.words:
        print(f"\t{word.start:6.2f}-{word.end:6.2f}s\t{word.confidence:.2f}\t{word.text}")
    for alt in heard.alternatives[1:]:
        print(f"\talternative ({alt.confidence:.1f}): {alt.text}")
    return 0


HANDLERS = {
    ("db", "upgrade"): cmd_db_upgrade,
    ("demo", "init"): cmd_demo_init,
    ("catalog", "import"): cmd_catalog_import,
    ("catalog", "list"): cmd_catalog_list,
    ("catalog", "search"): cmd_catalog_search,
    ("orders", "list"): cmd_orders_list,
    ("insights", None): cmd_insights,
    ("text", None): cmd_text,
    ("parse", None): cmd_parse,
    ("transcribe", None): cmd_transcribe,
    ("grammar", "build"): cmd_grammar_build,
    ("devices", None): cmd_devices,
    ("listen", None): cmd_listen,
    ("start", None): cmd_start,
}


def _account_handlers() -> None:
    from assistant.commands_account import HANDLERS as ACCOUNT_HANDLERS
    from assistant.commands_daemon import HANDLERS as DAEMON_HANDLERS
    from assistant.commands_reorder import HANDLERS as REORDER_HANDLERS

    HANDLERS.update(ACCOUNT_HANDLERS)
    HANDLERS.update(DAEMON_HANDLERS)
    HANDLERS.update(REORDER_HANDLERS)


def dispatch(args: argparse.Namespace) -> int:
    _account_handlers()
    handler = HANDLERS[(args.command, getattr(args, "action", None))]
    return handler(args)
