"""Members sign in to the web page with a password (assistant/shop/signin.py).

Set, verify and clear; one refusal for an unknown name, a member without a password and a
wrong password; the lock after 5 wrong ones (the right one refused while it lasts, open
again after); ``jangbogi member password`` (stdin, never the command line, never printed);
and real processes racing wrong passwords on SQLite and PostgreSQL: at most 4 "wrong"
answers per member, then "locked". The race's seed is printed
(``JANGBOGI_RACE_SEED=<seed>`` replays it).
"""

from __future__ import annotations

import os
import pty
import random
import select
import sys
import time
import unicodedata
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy.orm import Session, sessionmaker

from assistant.cli import main
from assistant.errors import (
    AccountError,
    DatabaseLockedError,
    ErrorCode,
    NotFoundError,
    SignInError,
    SignInLockedError,
)
from assistant.locales import say_for
from assistant.shop import accounts, signin
from assistant.shop.signin import (
    SIGN_IN_ATTEMPTS,
    SIGN_IN_LOCK_MINUTES,
    SignedIn,
    clear_password,
    set_password,
    sign_in,
    signed_in,
)
from assistant.store import db
from assistant.store.models import Role
from tests.conftest import ROOT, run_jangbogi
from tests.money_races import SEED_ENV, seed_from_env
from tests.shop_helpers import T0, at, factory, rows
from tests.signin_races import race
from tests.test_money_races_locks import held_write_lock

PASSWORD = "장보기 비밀번호 42"
"""Korean, a space and digits: any characters a person types."""
HOUSEHOLD = "데모 가족"


@pytest.fixture
def shop(db_url: str) -> sessionmaker[Session]:
    """The demo household (owner ``demo``) and a child ``민지``; ``demo`` has PASSWORD."""
    assert main(["member", "add", "민지", "--role", "child", "--db", db_url]) == 0
    f = factory(db_url)
    set_password(f, "demo", PASSWORD, now=T0)
    return f


def refusal(
    f: sessionmaker[Session], name: str, password: str, now: datetime = T0,
    household: str | None = None,
) -> SignInError:  # fmt: skip
    """The refusal of signing in with these."""
    with pytest.raises(SignInError) as caught:
        sign_in(f, name, password, now, household=household)
    return caught.value


def test_set_sign_in_and_clear(shop: sessionmaker[Session], db_url: str) -> None:
    who = sign_in(shop, "demo", PASSWORD, at(5))
    assert who == SignedIn(who.member_id, who.household_id, HOUSEHOLD, "demo", "owner", T0)
    assert signed_in(shop, who.member_id) == who
    [(digest, salt)] = rows(db_url, "select password_hash, password_salt from members "
                                    "where name = 'demo'")  # fmt: skip
    assert len(str(digest)) == 64 and len(str(salt)) == 32
    assert PASSWORD.encode() not in Path(db_url.removeprefix("sqlite:///")).read_bytes()
    clear_password(shop, "demo")
    assert refusal(shop, "demo", PASSWORD).code is ErrorCode.SIGN_IN_FAILED
    assert signed_in(shop, who.member_id) is None  # the web session ends


def test_unknown_name_no_password_and_wrong_password_are_one_refusal(
    shop: sessionmaker[Session],
) -> None:
    refusals = [
        refusal(shop, "demo", PASSWORD + "!"),  # wrong password
        refusal(shop, "아무개", PASSWORD),  # no such member
        refusal(shop, "민지", PASSWORD),  # no password set
        refusal(shop, "demo", PASSWORD, household="없는 집"),  # no such household
    ]
    assert {type(e) for e in refusals} == {SignInError}
    assert {(e.code, str(e), tuple(e.fields)) for e in refusals} == {
        (ErrorCode.SIGN_IN_FAILED, "error-sign-in-failed", ())
    }
    assert say_for("en").error(refusals[0]) == "the name or the password is not right"
    assert say_for("ko").error(refusals[1]) == "이름이나 비밀번호가 맞지 않아요."
    assert sign_in(shop, "demo", PASSWORD, at(1), household=HOUSEHOLD).name == "demo"


def test_five_wrong_lock_and_the_right_one_waits(shop: sessionmaker[Session], db_url: str) -> None:
    for i in range(SIGN_IN_ATTEMPTS - 1):
        assert type(refusal(shop, "demo", f"wrong {i}", now=at(i))) is SignInError
    locked = refusal(shop, "demo", "wrong again", now=at(10))
    assert isinstance(locked, SignInLockedError)
    assert locked.until == at(10, minutes=SIGN_IN_LOCK_MINUTES)
    assert locked.until_local == "10:15"  # Seoul
    assert say_for("en").error(locked) == (
        "too many wrong passwords: signing in as this member is locked until 10:15 (15 minutes)"
    )
    state = rows(db_url, "select failed_sign_ins, sign_in_locked_until from members "
                         "where name = 'demo'")  # fmt: skip
    right_while_locked = refusal(shop, "demo", PASSWORD, now=at(minutes=14))
    assert isinstance(right_while_locked, SignInLockedError)
    assert rows(db_url, "select failed_sign_ins, sign_in_locked_until from members "
                        "where name = 'demo'") == state  # not counted  # fmt: skip
    assert sign_in(shop, "demo", PASSWORD, at(10, minutes=15)).name == "demo"  # open again
    assert rows(db_url, "select failed_sign_ins, sign_in_locked_until from members "
                        "where name = 'demo'") == [(0, None)]  # fmt: skip


def test_a_right_password_clears_the_count(shop: sessionmaker[Session]) -> None:
    for _ in range(2):
        for i in range(SIGN_IN_ATTEMPTS - 1):
            assert type(refusal(shop, "demo", f"wrong {i}")) is SignInError
        sign_in(shop, "demo", PASSWORD, T0)


def test_the_lock_is_the_members_and_a_new_password_lifts_it(
    shop: sessionmaker[Session],
) -> None:
    set_password(shop, "민지", "민지의 비밀번호")
    for i in range(SIGN_IN_ATTEMPTS):
        refusal(shop, "demo", f"wrong {i}")
    assert isinstance(refusal(shop, "demo", PASSWORD), SignInLockedError)
    assert sign_in(shop, "민지", "민지의 비밀번호", T0).role == "child"  # not locked
    set_password(shop, "demo", "a new one, then")
    assert sign_in(shop, "demo", "a new one, then", T0).name == "demo"


def test_what_a_password_may_be(shop: sessionmaker[Session]) -> None:
    for bad in ("1234567", "x" * 201, "tab\there!", "line\nbreak", "\ud800surrogate", ""):
        with pytest.raises(AccountError) as caught:
            set_password(shop, "demo", bad)
        assert caught.value.code is ErrorCode.PASSWORD_FORMAT
        assert caught.value.fields == {"least": 8, "most": 200}
    for good in ("12345678", "y" * 200, "  spaces count  "):
        set_password(shop, "demo", good)
        assert sign_in(shop, "demo", good, T0).name == "demo"
    assert type(refusal(shop, "demo", "  spaces count")) is SignInError
    assert type(refusal(shop, "demo", "z" * 100_000)) is SignInError  # never hashed
    decomposed = unicodedata.normalize("NFD", "한글 비밀번호입니다")
    set_password(shop, "demo", decomposed)
    assert sign_in(shop, "demo", "한글 비밀번호입니다", T0).name == "demo"


def test_a_name_of_two_households_needs_the_household(
    shop: sessionmaker[Session], db_url: str
) -> None:
    with db.transaction(shop) as session:
        accounts.create_household(session, "이웃집", "demo", T0)
    with pytest.raises(NotFoundError) as caught:
        set_password(shop, "demo", "the neighbour's")
    assert caught.value.code is ErrorCode.MEMBER_AMBIGUOUS
    set_password(shop, "demo", "the neighbour's", household="이웃집")
    assert type(refusal(shop, "demo", PASSWORD)) is SignInError  # which demo? not told
    ours = sign_in(shop, "demo", PASSWORD, T0, household=HOUSEHOLD)
    theirs = sign_in(shop, "demo", "the neighbour's", T0, household="이웃집")
    assert ours.household_id != theirs.household_id and theirs.household == "이웃집"


def test_signed_in_follows_the_member(shop: sessionmaker[Session]) -> None:
    set_password(shop, "민지", "민지의 비밀번호")
    minji = sign_in(shop, "민지", "민지의 비밀번호", T0)
    with db.transaction(shop) as session:
        member = accounts.find_in_household(session, accounts.find_household(session), "민지")
        member.role = Role.ADULT
    now = signed_in(shop, minji.member_id)
    assert now is not None and now.role == "adult"
    with db.transaction(shop) as session:
        accounts.remove_member(session, accounts.find_household(session), "민지")
    assert signed_in(shop, minji.member_id) is None
    assert signed_in(shop, 999_999) is None


def test_a_password_changed_while_it_was_hashed_is_judged_against_the_new_one(
    shop: sessionmaker[Session], monkeypatch: pytest.MonkeyPatch
) -> None:
    real = signin.password_digest
    salts: list[str] = []

    def digest_then_change(password: str, salt_hex: str) -> str | None:
        if not salts:  # the owner sets a new password while the first hash is computed
            monkeypatch.setattr(signin, "password_digest", real)
            set_password(shop, "demo", "changed meanwhile")
            monkeypatch.setattr(signin, "password_digest", digest_then_change)
        salts.append(salt_hex)
        return real(password, salt_hex)

    monkeypatch.setattr(signin, "password_digest", digest_then_change)
    assert sign_in(shop, "demo", "changed meanwhile", T0).name == "demo"
    assert len(salts) == 2 and salts[0] != salts[1]


def test_an_attempt_that_cannot_be_counted_is_not_judged(
    shop: sessionmaker[Session], db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(db, "SQLITE_WRITE_WAIT_MS", 200)
    with held_write_lock(db_url), pytest.raises(DatabaseLockedError):
        sign_in(shop, "demo", "a wrong one", T0)
    assert rows(db_url, "select failed_sign_ins from members where name = 'demo'") == [(0,)]


# -- the command ---------------------------------------------------------------------------


def test_member_password_from_stdin(db_url: str) -> None:
    done = run_jangbogi("member", "password", "demo", "--db", db_url, stdin=PASSWORD + "\n")
    assert done.code == 0, done.err
    assert done.out == "'demo'의 비밀번호를 정했어요. 이제 가구 웹 페이지에 로그인할 수 있어요.\n"
    assert sign_in(factory(db_url), "demo", PASSWORD, T0).name == "demo"
    cleared = run_jangbogi("member", "password", "demo", "--clear", "--household", HOUSEHOLD,
                           "--db", db_url)  # fmt: skip
    assert cleared.code == 0, cleared.err
    assert "비밀번호를 지웠어요" in cleared.out
    assert type(refusal(factory(db_url), "demo", PASSWORD)) is SignInError
    for run in (done, cleared):
        assert PASSWORD not in run.out + run.err


def test_member_password_refusals_never_show_it(db_url: str) -> None:
    short = run_jangbogi("member", "password", "demo", "--db", db_url, stdin="short7!\n",
                         env={"JANGBOGI_LANG": "en"})  # fmt: skip
    assert (short.code, short.out) == (2, "")
    assert "8 to 200 characters" in short.err and "short7!" not in short.err
    typed = run_jangbogi("member", "password", "demo", "secret-on-the-line", "--db", db_url,
                         stdin=PASSWORD + "\n")  # fmt: skip
    assert typed.code == 2 and "명령줄" in typed.err
    assert "secret-on-the-line" not in typed.out + typed.err
    nobody = run_jangbogi("member", "password", "아무개", "--db", db_url, stdin=PASSWORD + "\n")
    assert nobody.code == 4 and "'아무개' 구성원이 없어요" in nobody.err
    assert rows(db_url, "select count(*) from members where password_hash is not null") == [(0,)]
    for run in (short, typed, nobody):
        assert PASSWORD not in run.out + run.err


def on_a_terminal(*args: str, typed: tuple[str, ...]) -> tuple[int, str]:
    """Run ``jangbogi ARGS`` on a pseudo-terminal, typing each of ``typed`` when a prompt
    (a line ending in ": ") shows; returns the exit code and everything the terminal showed."""
    pid, fd = pty.fork()
    if pid == 0:  # the child: jangbogi, with the terminal as its own
        os.chdir(ROOT)
        os.execv(sys.executable, [sys.executable, "-m", "assistant.cli", *args])
    shown, left = b"", list(typed)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if not select.select([fd], [], [], 0.2)[0]:
            continue
        try:
            chunk = os.read(fd, 4096)
        except OSError:  # the child ended
            break
        if not chunk:
            break
        shown += chunk
        if left and shown.rstrip(b" ").endswith(b":"):
            os.write(fd, left.pop(0).encode() + b"\n")
    os.close(fd)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status), shown.decode(errors="replace")


def test_member_password_on_a_terminal_is_asked_twice_without_echo(db_url: str) -> None:
    code, shown = on_a_terminal("member", "password", "demo", "--db", db_url,
                                typed=(PASSWORD, PASSWORD))  # fmt: skip
    assert code == 0, shown
    assert "new password (8 to 200 characters):" in shown and "again:" in shown
    assert "'demo'의 비밀번호를 정했어요" in shown
    assert PASSWORD not in shown
    assert sign_in(factory(db_url), "demo", PASSWORD, T0).name == "demo"
    code, shown = on_a_terminal("member", "password", "demo", "--db", db_url,
                                typed=(PASSWORD + "?", PASSWORD + "!"))  # fmt: skip
    assert code == 2 and "두 번 입력한 웹 비밀번호가 달라서" in shown
    assert PASSWORD not in shown
    assert sign_in(factory(db_url), "demo", PASSWORD, T0).name == "demo"  # unchanged


# -- racing processes --------------------------------------------------------------------------


def _race_wrong_passwords(url: str, label: str) -> None:
    seed = seed_from_env()
    print(f"\nsign-in race on {label}: seed {seed} ({SEED_ENV}={seed} to replay)")
    rng = random.Random(seed)
    engine = db.open_engine(url)
    f = db.session_factory(engine)
    set_password(f, "demo", PASSWORD, now=T0)
    set_password(f, "민지", "민지의 비밀번호", now=T0)
    plan = [
        (member, at(rng.uniform(0, 3)),
         [f"wrong {rng.getrandbits(32):08x}" for _ in range(rng.randint(2, 3))])
        for member in ("demo", "민지") * 3
    ]  # fmt: skip
    started = time.perf_counter()
    counts = race(url, plan)
    print(f"{len(plan)} processes, {time.perf_counter() - started:.1f} s: "
          f"{ {m: dict(c) for m, c in counts.items()} }")  # fmt: skip
    for member, outcomes in counts.items():
        evaluated = sum(outcomes.values()) - outcomes["busy"]
        assert outcomes["signed-in"] == 0
        assert outcomes["wrong"] == min(SIGN_IN_ATTEMPTS - 1, evaluated), (seed, counts)
        assert outcomes["locked"] == evaluated - outcomes["wrong"], (seed, counts)
        if evaluated >= SIGN_IN_ATTEMPTS:
            with pytest.raises(SignInLockedError):  # the right one too, now
                sign_in(f, member, PASSWORD if member == "demo" else "민지의 비밀번호", at(5))
    engine.dispose()


@pytest.mark.slow
def test_racing_processes_get_at_most_four_wrong_answers_on_sqlite(db_url: str) -> None:
    assert main(["member", "add", "민지", "--role", "child", "--db", db_url]) == 0
    _race_wrong_passwords(db_url, "SQLite")


@pytest.mark.slow
def test_racing_processes_get_at_most_four_wrong_answers_on_postgresql(pg_url: str) -> None:
    assert main(["demo", "init", "--db", pg_url]) == 0
    assert main(["member", "add", "민지", "--role", "child", "--db", pg_url]) == 0
    _race_wrong_passwords(pg_url, "PostgreSQL")
