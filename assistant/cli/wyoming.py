"""``jangbogi serve`` and ``jangbogi hub``: the Wyoming door (Home Assistant, satellites)."""

from __future__ import annotations

import argparse
import contextlib
import logging
import signal
import sys
from collections.abc import Coroutine
from typing import Any

from assistant.cli.common import Subparsers, engine, with_db

DEFAULT_URI = "tcp://127.0.0.1:10700"


def add_parsers(sub: Subparsers) -> None:
    """Add ``serve`` and ``hub``."""
    serve = _shared(with_db(sub.add_parser(
        "serve", help="a Wyoming server: speech-to-text, conversation and speech for Home Assistant"
    )))  # fmt: skip
    serve.add_argument(
        "--uri", default=DEFAULT_URI, metavar="tcp://HOST:PORT",
        help=f"where to listen (default {DEFAULT_URI}: this machine only)",
    )  # fmt: skip
    serve.add_argument("--member-for", action="append", default=[], metavar="ID=MEMBER",
                       help="who a satellite or device of Home Assistant orders as "
                            "(its satellite_id or device_id); repeatable")  # fmt: skip
    serve.add_argument("--allow", action="append", default=[], metavar="ADDRESS",
                       help="only these client addresses or networks may connect; repeatable "
                            "(default: any that can reach --uri)")  # fmt: skip
    serve.add_argument("--max-audio-s", type=float, default=30.0, metavar="S",
                       help="audio of one stream past this is not heard (default 30)")  # fmt: skip
    serve.set_defaults(handler=cmd_serve)

    hub = _shared(with_db(sub.add_parser(
        "hub", help="the household's hub for wyoming-satellite speakers in other rooms"
    )))  # fmt: skip
    hub.add_argument(
        "--satellite", action="append", default=[], required=True,
        metavar="NAME=tcp://HOST:PORT", help="a room's satellite; repeatable",
    )  # fmt: skip
    hub.add_argument("--member-for", action="append", default=[], metavar="NAME=MEMBER",
                     help="who a room's satellite orders as; repeatable")  # fmt: skip
    hub.add_argument("--allow", action="append", default=[], metavar="NETWORK",
                     help="satellites may only be at these addresses or networks; repeatable "
                          "(default: this machine and private home networks)")  # fmt: skip
    hub.add_argument("--device", metavar="PROFILE",
                     help="the profile in devices/ whose wake word and silence to use")  # fmt: skip
    hub.add_argument("--wake-word", metavar="WORD",
                     help="for satellites without their own wake-word detection")  # fmt: skip
    hub.set_defaults(handler=cmd_hub)


def _shared(p: argparse.ArgumentParser) -> argparse.ArgumentParser:
    p.add_argument("--member", metavar="NAME", help="who orders by default (default: the owner)")
    p.add_argument("--model", metavar="PATH", help="a Vosk model directory")
    p.add_argument("--no-grammar", action="store_true", help="open-vocabulary recognition")
    p.add_argument("--max-event-bytes", type=int, default=1 << 20, metavar="N",
                   help="a larger event closes its connection (default 1 MiB)")  # fmt: skip
    p.add_argument("--verbose", action="store_true", help="log every connection and turn")
    return p


def build_engine(args: argparse.Namespace, wake_word: str, voice: str = "ko") -> Any:
    """The shared pipeline (a doors.wyoming.engine.Engine) of the database of ``--db``."""
    from assistant.cli.voice import answer_gate, listening_model, voice_grammar
    from assistant.doors.wyoming.engine import Engine, locked
    from assistant.nlu.parser import IntentParser
    from assistant.shop.vocabulary import from_database
    from assistant.speech.recogniser import load_model, resolve_model
    from assistant.store import db

    factory = db.session_factory(engine(args))
    model_path = resolve_model(args.model)
    vocabulary = from_database(factory)
    grammar = voice_grammar(list(vocabulary.phrases), model_path)
    parser = IntentParser(product_words=vocabulary.words)
    parser.preload(background=True)
    if args.no_grammar:
        model = load_model(model_path)
    else:
        model = listening_model(model_path, grammar, wake_word)
    parse = locked(parser.parse)
    return Engine(factory, parse, model, None if args.no_grammar else grammar,
                  answer_gate(model, parse), wake_word, voice)  # fmt: skip


def _conversations(args: argparse.Namespace, built: Any, limits: Any, rooms: dict[str, str]) -> Any:
    """The household's conversations; every member named is checked now, not at a turn."""
    from assistant.doors.wyoming.conversations import Conversations

    for member in {args.member, *rooms.values()}:
        built.dialog(member)  # an unknown member fails here, with its message
    return Conversations(built.dialog, rooms, args.member, limits.idle_conversation_s,
                         most=limits.max_conversations)  # fmt: skip


def cmd_serve(args: argparse.Namespace) -> int:
    """Serve asr, handle and tts on ``--uri`` until interrupted."""
    from assistant.audio.devices import load_profiles
    from assistant.doors.wyoming.server import Door, serve
    from assistant.doors.wyoming.settings import Access, Endpoint, Limits, pairs

    endpoint = Endpoint.parse(args.uri)
    access = Access.of(args.allow)
    limits = Limits(max_audio_s=args.max_audio_s, max_event_bytes=args.max_event_bytes)
    rooms = pairs(args.member_for, "--member-for")
    profile = load_profiles()["default"]
    if not endpoint.loopback:  # said before the model loads: the first line on stderr
        print(f"jangbogi serve: {endpoint} can be reached from other machines"
              + ("" if args.allow else "; limit who may connect with --allow"),
              file=sys.stderr, flush=True)  # fmt: skip
    _logging(args.verbose)
    built = build_engine(args, profile.wake_word, profile.voice)
    door = Door(built, _conversations(args, built, limits, rooms), limits, access)

    def ready(address: str) -> None:
        print(f"jangbogi serve: listening on {address} (asr, handle, tts)", flush=True)

    return _run(serve(endpoint, door, ready))


def cmd_hub(args: argparse.Namespace) -> int:
    """Keep every ``--satellite`` connected and answer it until interrupted."""
    from assistant.audio.devices import load_profiles
    from assistant.doors.wyoming.hub import Link, Listening, Satellite, run_hub
    from assistant.doors.wyoming.settings import HOME_NETWORKS, Access, Endpoint, Limits, pairs
    from assistant.errors import ConfigError

    profiles = load_profiles()
    profile = profiles.get(args.device or "default")
    if profile is None:
        raise ConfigError(f"no device profile {args.device!r}; see `jangbogi devices`")
    rooms = pairs(args.satellite, "--satellite")
    members = pairs(args.member_for, "--member-for")
    unknown = sorted(set(members) - set(rooms))
    if unknown:
        raise ConfigError(f"--member-for names no satellite: {', '.join(unknown)}")
    access = Access.of(args.allow or HOME_NETWORKS)
    satellites = [Satellite(name, Endpoint.parse(uri), members.get(name, args.member))
                  for name, uri in rooms.items()]  # fmt: skip
    for satellite in satellites:
        host = satellite.endpoint.host
        if _is_address(host) and not access.permits(host):
            raise ConfigError(f"--satellite {satellite.name}: {host} is not in --allow")
    limits = Limits(max_event_bytes=args.max_event_bytes)
    _logging(args.verbose)
    built = build_engine(args, args.wake_word or profile.wake_word, profile.voice)
    conversations = _conversations(args, built, limits, members)
    listening = Listening(profile.silence_rms, profile.trailing_silence_ms,
                          profile.max_utterance_s)  # fmt: skip
    links = [Link(s, built, conversations, listening, limits, access) for s in satellites]

    def ready() -> None:
        names = ", ".join(f"{s.name} ({s.endpoint})" for s in satellites)
        print(f"jangbogi hub: serving {names}", flush=True)

    return _run(run_hub(links, ready))


def _is_address(host: str) -> bool:
    import ipaddress

    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


def _logging(verbose: bool) -> None:
    """The door's own lines on stderr (every connection and turn with ``--verbose``; never
    what was said); other libraries' only when they warn."""
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr,
                        format="%(asctime)s %(name)s: %(message)s")  # fmt: skip
    logging.getLogger("jangbogi").setLevel(logging.INFO if verbose else logging.WARNING)


def _run(main: Coroutine[Any, Any, None]) -> int:
    """Run the door until SIGINT or SIGTERM (systemd's stop): both end it cleanly, exit 0."""
    import asyncio  # here: every other command, --help too, starts without it

    async def until_stopped() -> None:
        task = asyncio.ensure_future(main)
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, task.cancel)
        with contextlib.suppress(asyncio.CancelledError):
            await task

    asyncio.run(until_stopped())
    return 0
