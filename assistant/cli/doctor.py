"""``jangbogi doctor``: checks what a newcomer's installation depends on, one line per check
with its status and, when it is not OK, the fix.

Each check is a small function returning a :class:`Check`; what it looks at on the machine
(the espeak-ng voices, PortAudio, the devices, a module's version) comes through a parameter
with the real probe as its default, so a test can hand it a machine without espeak-ng or
without sound devices. A check that fails is a needed part missing (the exit code is 1);
a warning is something the assistant works around (no microphone: text mode).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.cli.common import Subparsers, with_db, with_json
from assistant.cli.output import print_json, say
from assistant.locales.messages import Msg

if TYPE_CHECKING:
    from assistant.audio.devices import AudioDevice
    from assistant.locales.say import Speaks

NEEDED_PYTHON = (3, 11)
"""The oldest Python Jangbogi runs on (pyproject's requires-python)."""
VOICE_LANGS = ("ko", "en")
"""The languages the assistant answers in: espeak-ng needs a voice for each."""
SHOWN_DEVICES = 3
"""How many device names a line lists."""


class Status(StrEnum):
    """How a check came out."""

    OK = "ok"
    WARN = "warn"
    """Works around it (no microphone: text mode); the exit code stays 0."""
    FAIL = "fail"
    """A needed part is missing or broken: the exit code is 1."""
    SKIP = "skip"
    """Not needed here, or cannot be checked before another check passes."""


STATUS_MSG = {
    Status.OK: Msg.DOCTOR_STATUS_OK,
    Status.WARN: Msg.DOCTOR_STATUS_WARN,
    Status.FAIL: Msg.DOCTOR_STATUS_FAIL,
    Status.SKIP: Msg.DOCTOR_STATUS_SKIP,
}


@dataclass(frozen=True)
class Check:
    """One check's result: what was found (a catalog message) and the fix when not OK."""

    name: str
    """Short, stable name (``python``, ``espeak-ko``, ``database``...)."""
    status: Status
    found: Msg
    """What was found."""
    fix: Msg | None = None
    """How to fix it (None when OK or nothing to do)."""
    args: Mapping[str, str | int] = field(default_factory=dict)
    """The values both messages are filled with."""

    def line(self, speak: Speaks) -> str:
        """The check as one line of text."""
        text = f"{speak(STATUS_MSG[self.status])}\t{self.name}\t{speak(self.found, **self.args)}"
        if self.fix is not None:
            text += "\t" + speak(Msg.DOCTOR_FIX, fix=speak(self.fix, **self.args))
        return text

    def to_json(self, speak: Speaks) -> dict[str, Any]:
        return {
            "check": self.name,
            "status": self.status.value,
            "message": speak(self.found, **self.args),
            "fix": None if self.fix is None else speak(self.fix, **self.args),
            "details": dict(self.args),
        }


# -- the probes: what a check looks at on the machine ---------------------------------


def espeak_voices(lang: str) -> list[str] | None:
    """The names of espeak-ng's voices for ``lang``; None when espeak-ng is not installed."""
    import shutil
    import subprocess

    program = shutil.which("espeak-ng")
    if program is None:
        return None
    try:
        listed = subprocess.run([program, f"--voices={lang}"], capture_output=True, text=True,
                                timeout=10, check=False)  # fmt: skip
    except (OSError, subprocess.TimeoutExpired):
        return None
    rows = [line.split() for line in listed.stdout.splitlines()[1:]]
    return [row[3] for row in rows if len(row) >= 4]


def portaudio_version() -> str | None:
    """PortAudio's version text; None when the library is missing."""
    try:
        import sounddevice
    except OSError:  # libportaudio2 missing
        return None
    return str(sounddevice.get_portaudio_version()[1])


def module_version(name: str) -> str | None:
    """The version of the importable module ``name``; None when it is not installed."""
    import importlib

    try:
        module = importlib.import_module(name)
    except ImportError:
        return None
    return str(getattr(module, "__version__", "?"))


# -- the checks -----------------------------------------------------------------------


def check_python(version: Sequence[int] = tuple(sys.version_info[:3])) -> Check:
    shown = ".".join(str(part) for part in version)
    needed = ".".join(str(part) for part in NEEDED_PYTHON)
    if tuple(version[:2]) >= NEEDED_PYTHON:
        return Check("python", Status.OK, Msg.DOCTOR_PYTHON_OK, args={"version": shown})
    return Check("python", Status.FAIL, Msg.DOCTOR_PYTHON_OLD, Msg.DOCTOR_PYTHON_FIX,
                 {"version": shown, "needed": needed})  # fmt: skip


def check_voice(lang: str, voices_of: Callable[[str], list[str] | None] = espeak_voices) -> Check:
    """espeak-ng is installed and has a voice for ``lang`` (pyttsx3 speaks through it)."""
    name = f"espeak-{lang}"
    voices = voices_of(lang)
    if voices is None:
        return Check(name, Status.FAIL, Msg.DOCTOR_ESPEAK_MISSING, Msg.DOCTOR_ESPEAK_INSTALL,
                     {"lang": lang})  # fmt: skip
    if not voices:
        return Check(name, Status.FAIL, Msg.DOCTOR_ESPEAK_NO_VOICE, Msg.DOCTOR_ESPEAK_VOICE_FIX,
                     {"lang": lang})  # fmt: skip
    return Check(name, Status.OK, Msg.DOCTOR_ESPEAK_OK, args={"lang": lang, "voice": voices[0]})


def check_portaudio(version_of: Callable[[], str | None] = portaudio_version) -> Check:
    version = version_of()
    if version is None:
        return Check("portaudio", Status.FAIL, Msg.DOCTOR_PORTAUDIO_MISSING,
                     Msg.DOCTOR_PORTAUDIO_FIX)  # fmt: skip
    return Check("portaudio", Status.OK, Msg.DOCTOR_PORTAUDIO_OK, args={"version": version})


def check_devices(devices: Sequence[AudioDevice] | None) -> list[Check]:
    """The microphones and speakers found (``devices``: None without PortAudio). None found
    is a warning: text mode, ``--input`` and ``--reply-wav`` work without them."""
    if devices is None:
        return [Check(name, Status.SKIP, Msg.DOCTOR_DEVICES_SKIP) for name in ("input", "output")]
    kinds = (
        ("input", [d.name for d in devices if d.inputs > 0], Msg.DOCTOR_INPUT_OK,
         Msg.DOCTOR_INPUT_NONE, Msg.DOCTOR_INPUT_FIX),
        ("output", [d.name for d in devices if d.outputs > 0], Msg.DOCTOR_OUTPUT_OK,
         Msg.DOCTOR_OUTPUT_NONE, Msg.DOCTOR_OUTPUT_FIX),
    )  # fmt: skip
    checks = []
    for name, found, ok, none, fix in kinds:
        if found:
            shown = ", ".join(found[:SHOWN_DEVICES]) + (" …" if len(found) > SHOWN_DEVICES else "")
            checks.append(Check(name, Status.OK, ok, args={"names": shown}))
        else:
            checks.append(Check(name, Status.WARN, none, fix))
    return checks


def machine_devices() -> list[AudioDevice] | None:
    """The machine's audio devices; None when PortAudio is missing."""
    if portaudio_version() is None:
        return None
    from assistant.audio.devices import list_devices

    return list_devices()


def check_model(path: str | None) -> tuple[Check, Path | None]:
    """The Vosk model (``--model``, else the one installed from PyPI) and its directory."""
    from assistant.errors import SpeechModelError
    from assistant.speech.recogniser import default_model_path, resolve_model

    try:
        wanted = Path(path) if path is not None else default_model_path()
    except SpeechModelError:
        return Check("model", Status.FAIL, Msg.DOCTOR_MODEL_NOT_INSTALLED,
                     Msg.DOCTOR_MODEL_FIX), None  # fmt: skip
    try:
        model = resolve_model(wanted)
    except SpeechModelError:
        return Check("model", Status.FAIL, Msg.DOCTOR_MODEL_BROKEN, Msg.DOCTOR_MODEL_FIX,
                     {"path": str(wanted)}), None  # fmt: skip
    return Check("model", Status.OK, Msg.DOCTOR_MODEL_OK, args={"path": str(model)}), model


def check_grammar(
    model: Path | None, phrases: Callable[[], list[str]], compile: Callable[..., Any]
) -> Check:
    """The shop grammar compiles from the catalog's ``phrases`` against the model's words."""
    from assistant.errors import JangbogiError

    if model is None:
        return Check("grammar", Status.SKIP, Msg.DOCTOR_GRAMMAR_SKIP)
    catalog = phrases()
    try:
        grammar = compile(catalog, model)
    except (JangbogiError, OSError, ValueError) as exc:
        return Check("grammar", Status.FAIL, Msg.DOCTOR_GRAMMAR_FAILED, Msg.DOCTOR_GRAMMAR_FIX,
                     {"problem": str(exc)})  # fmt: skip
    if not grammar.coverage.kept:  # not one wanted word known to the model: a wrong model
        return Check("grammar", Status.FAIL, Msg.DOCTOR_GRAMMAR_FAILED, Msg.DOCTOR_GRAMMAR_FIX,
                     {"problem": f"the model at {model} knows none of the words"})  # fmt: skip
    return Check("grammar", Status.OK, Msg.DOCTOR_GRAMMAR_OK, args={
        "words": len(grammar.words), "phrases": len(set(catalog)),
        "missing": len(grammar.coverage.missing),
    })  # fmt: skip


def postgres_driver(url: str) -> str | None:
    """The module a PostgreSQL URL needs (``postgresql+psycopg://`` -> ``psycopg``; SQLAlchemy's
    default for a bare ``postgresql://`` is ``psycopg2``); None for any other database."""
    scheme = url.split("://", 1)[0].lower() if "://" in url else "sqlite"
    dialect, _, driver = scheme.partition("+")
    if dialect not in ("postgresql", "postgres"):
        return None
    return driver or "psycopg2"


def check_driver(url: str, version_of: Callable[[str], str | None] = module_version) -> Check:
    module = postgres_driver(url)
    if module is None:
        dialect = url.split("://", 1)[0].split("+")[0] if "://" in url else "sqlite"
        return Check("driver", Status.SKIP, Msg.DOCTOR_DRIVER_SKIP, args={"dialect": dialect})
    version = version_of(module)
    if version is None:  # the postgres extra installs psycopg (3), the driver the README names
        fix = Msg.DOCTOR_DRIVER_FIX if module == "psycopg" else Msg.DOCTOR_DRIVER_OTHER_FIX
        return Check("driver", Status.FAIL, Msg.DOCTOR_DRIVER_MISSING, fix, {"module": module})
    return Check("driver", Status.OK, Msg.DOCTOR_DRIVER_OK,
                 args={"module": module, "version": version})  # fmt: skip


def shown_url(url: str) -> str:
    """The URL as a line may show it: a password hidden."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


def check_database(url: str, named: bool = False) -> Check:
    """The database exists and its schema is this program's (else: how to make or upgrade it).
    ``named``: the URL came from ``--db``, so the commands of the fix need it too."""
    from assistant.errors import (
        ConfigError,
        DatabaseError,
        DatabaseMissingError,
        DatabaseNewerError,
    )
    from assistant.store import db

    shown = shown_url(url)
    option = f" --db {shown}" if named else ""
    try:
        engine = db.make_engine(url)
    except DatabaseMissingError:
        return Check("database", Status.FAIL, Msg.DOCTOR_DATABASE_MISSING,
                     Msg.DOCTOR_DATABASE_CREATE, {"url": shown, "option": option})  # fmt: skip
    except ConfigError as exc:
        return Check("database", Status.FAIL, Msg.DOCTOR_DATABASE_UNREACHABLE,
                     Msg.DOCTOR_DATABASE_URL_FIX, {"url": shown, "problem": str(exc)})  # fmt: skip
    try:
        current = db.current_revision(engine)
        if current is None:
            return Check("database", Status.FAIL, Msg.DOCTOR_DATABASE_EMPTY,
                         Msg.DOCTOR_DATABASE_CREATE, {"url": shown, "option": option})  # fmt: skip
        head = db.head_revision()
        found = {"url": shown, "revision": current, "head": head, "option": option}
        if current == head:
            return Check("database", Status.OK, Msg.DOCTOR_DATABASE_OK, args=found)
        db.refuse_newer_schema(engine, current)
        return Check("database", Status.FAIL, Msg.DOCTOR_DATABASE_OLD,
                     Msg.DOCTOR_DATABASE_UPGRADE, found)  # fmt: skip
    except DatabaseNewerError:
        return Check("database", Status.FAIL, Msg.DOCTOR_DATABASE_NEWER,
                     Msg.DOCTOR_DATABASE_NEWER_FIX, found)  # fmt: skip
    except DatabaseError as exc:
        return Check("database", Status.FAIL, Msg.DOCTOR_DATABASE_UNREACHABLE,
                     Msg.DOCTOR_DATABASE_URL_FIX, {"url": shown, "problem": str(exc)})  # fmt: skip
    finally:
        engine.dispose()


# -- the command ----------------------------------------------------------------------


def add_parsers(sub: Subparsers) -> None:
    """Add ``doctor``."""
    doctor = with_json(with_db(sub.add_parser(
        "doctor", help="check the installation: Python, speech in and out, model, database"
    )))  # fmt: skip
    doctor.add_argument("--model", metavar="PATH", help="a Vosk model directory")
    doctor.set_defaults(handler=cmd_doctor)


def all_checks(args: argparse.Namespace) -> list[Check]:
    """Every check, in the order they print, on this machine."""
    from assistant.cli.voice import catalog_vocabulary, compile_grammar
    from assistant.config import resolve_db_url

    checks = [check_python(), *(check_voice(lang) for lang in VOICE_LANGS), check_portaudio()]
    checks += check_devices(machine_devices())
    model_check, model = check_model(args.model)
    checks += [model_check, check_grammar(model, lambda: catalog_phrases(args, catalog_vocabulary),
                                          compile_grammar)]  # fmt: skip
    url = resolve_db_url(args.db)
    driver = check_driver(url)
    checks.append(driver)
    if driver.status is Status.FAIL:
        checks.append(Check("database", Status.SKIP, Msg.DOCTOR_DATABASE_SKIP))
    else:
        checks.append(check_database(url, named=bool(args.db)))
    return checks


def catalog_phrases(args: argparse.Namespace, vocabulary: Callable[..., Any]) -> list[str]:
    """The product phrases of the database's catalog; of the bundled catalog when the database
    cannot be read (the database's own check says why)."""
    from assistant.errors import JangbogiError
    from assistant.shop.vocabulary import bundled_vocabulary

    try:
        return list(vocabulary(args).phrases)
    except JangbogiError:
        return list(bundled_vocabulary().phrases)


def cmd_doctor(args: argparse.Namespace) -> int:
    """One line per check (one JSON object with ``--json``); 1 when a needed check failed."""
    speak = say()
    checks = all_checks(args)
    failed = sum(check.status is Status.FAIL for check in checks)
    for check in checks:
        if args.json:
            print_json(check.to_json(speak))
        else:
            print(check.line(speak))
    if not args.json:
        print(speak(Msg.DOCTOR_FAILED, count=failed) if failed else speak(Msg.DOCTOR_ALL_GOOD))
    return 1 if failed else 0
