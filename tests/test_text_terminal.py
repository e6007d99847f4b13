"""``jangbogi text`` at a terminal: the prompt comes before anything heavy is imported, lines
typed as a person types them get the same answers as piped ones, and a database that cannot
be opened behind the prompt is still one clear line and its exit code.

The real process runs in a pseudo-terminal. A small import spy (:data:`SPY`) writes a marker
into the same terminal when spaCy, Kiwi, SQLAlchemy or the dialog is first imported, so the
order of the prompt and those imports is read off the screen, not from a clock.
"""

from __future__ import annotations

import os
import pty
import re
import select
import shutil
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from assistant.shop.service import ShopService
from assistant.store.models import Channel
from tests.conftest import ROOT, run_jangbogi
from tests.shop_helpers import MILK, factory, talker

HEAVY = ("sqlalchemy", "spacy", "kiwipiepy", "assistant.dialog.conversation")
SPY = f"""
import os, sys
heavy = set({HEAVY!r})
class Spy:
    def find_spec(self, name, path=None, target=None):
        if name in heavy:
            heavy.discard(name)
            os.write(2, ("\\0import:" + name + "\\0").encode())
        return None
sys.meta_path.insert(0, Spy())
from assistant.cli import main
sys.exit(main(sys.argv[1:]))
"""
MARK = re.compile(r"\x00import:([\w.]+)\x00")
PROMPT = "> "
GREETING_START = "장보기입니다."
WAIT_S = 90.0


class Terminal:
    """The real ``jangbogi`` on a pseudo-terminal, read and typed into as a person would."""

    def __init__(self, *args: str) -> None:
        self.master, slave = pty.openpty()
        env = {k: v for k, v in os.environ.items() if k != "JANGBOGI_LANG"}
        self.proc = subprocess.Popen(
            [sys.executable, "-c", SPY, *args], stdin=slave, stdout=slave, stderr=slave,
            env=env, cwd=ROOT, close_fds=True,
        )  # fmt: skip
        os.close(slave)
        self.raw = ""

    def read_until(self, pattern: str, start: int = 0) -> int:
        """Read until ``pattern`` (a regex) shows after ``start`` in the screen's text
        without the spy's markers; returns where it ends."""
        deadline = time.monotonic() + WAIT_S
        while True:
            found = re.search(pattern, self.screen[start:])
            if found:
                return start + found.end()
            if time.monotonic() > deadline or (self.proc.poll() is not None and not self._read()):
                raise AssertionError(f"no {pattern!r} in {self.screen!r}")
            self._read(0.1)

    def _read(self, wait: float = 0.0) -> bool:
        ready, _, _ = select.select([self.master], [], [], wait)
        if not ready:
            return False
        try:
            chunk = os.read(self.master, 65536)
        except OSError:  # the process ended and its side of the terminal closed
            return False
        self.raw += chunk.decode(errors="replace")
        return bool(chunk)

    @property
    def shown(self) -> list[str]:
        """The lines as the terminal shows them (a carriage return writes over a line)."""
        return [line.rsplit("\r", 1)[-1] for line in self.screen.split("\n")]

    @property
    def screen(self) -> str:
        return MARK.sub("", self.raw).replace("\r\n", "\n")

    def type(self, line: str) -> None:
        os.write(self.master, f"{line}\n".encode())

    def finish(self) -> int:
        while self._read(0.5):
            pass
        code = self.proc.wait(timeout=WAIT_S)
        while self._read(0.1):
            pass
        os.close(self.master)
        return code


def talk_at_terminal(db_url: str, lines: list[str]) -> tuple[Terminal, list[str]]:
    """Type each line at its prompt (the first at once, before the loading is done); the
    replies, one per line."""
    term = Terminal("text", "--db", db_url)
    at = term.read_until(re.escape(PROMPT))
    replies = []
    for line in lines:
        term.type(line)
        echoed = term.read_until(re.escape(line) + "\n", at)
        at = term.read_until("\n", echoed)
        replies.append(term.screen[echoed:at].rstrip("\n"))
        if line != lines[-1]:
            at = term.read_until(f"(?m)^{re.escape(PROMPT)}", at)
    assert term.finish() == 0, term.screen
    return term, replies


def fresh_db(tmp_path: Path, name: str) -> str:
    url = f"sqlite:///{tmp_path / name}"
    assert run_jangbogi("demo", "init", "--db", url).code == 0
    return url


@pytest.mark.parametrize(
    "lines",
    [
        ["우유 두 개 주문해 줘", "1번", "응", "영수증 보여 줘", "그만"],
        [
            "order two cartons of milk",
            "the first one",
            "yes",
            "스팸 하나 장바구니에 담아 줘",
            "stop",
        ],
    ],
    ids=["korean", "english"],
)
def test_the_prompt_comes_first_and_the_answers_are_the_piped_ones(
    tmp_path: Path, lines: list[str]
) -> None:
    piped = run_jangbogi("text", "--db", fresh_db(tmp_path, "piped.db"), stdin="\n".join(lines))
    assert piped.code == 0, piped.err
    term, replies = talk_at_terminal(fresh_db(tmp_path, "typed.db"), lines)
    assert replies == piped.lines
    assert "Traceback" not in term.screen
    shown = term.raw.index(PROMPT)
    assert term.raw.index(GREETING_START) < shown
    imported = {m.group(1): m.start() for m in MARK.finditer(term.raw)}
    early = [name for name, at in imported.items() if at < shown]
    assert early == [], f"imported before the prompt: {early}"
    if lines[0] == "우유 두 개 주문해 줘":
        # English (spaCy) loads only once the first line is answered: a short session may
        # even end before it starts
        assert set(imported) >= set(HEAVY) - {"spacy"}, term.raw  # the spy saw them
        first_reply = term.raw.index(replies[0])
        assert imported.get("spacy", first_reply + 1) > first_reply, term.raw
    else:
        assert set(imported) == set(HEAVY), term.raw  # the spy saw them: it can fail


def household_running_out_of_milk(tmp_path: Path, name: str) -> tuple[str, str]:
    """A household that bought milk every week for a month, up to a week ago: milk is due
    today. Returns its URL and what the once-a-day opening says (read on a copy, since
    reading it marks it said)."""
    url = fresh_db(tmp_path, name)
    shop = ShopService(factory(url))
    (milk,) = shop.find_products(MILK)
    now = datetime.now(UTC)
    for weeks in (5, 4, 3, 2, 1):
        shop.place(((milk.id, 1),), key=f"milk-{weeks}", channel=Channel.AUTO,
                   now=now - timedelta(weeks=weeks))  # fmt: skip
    copy = tmp_path / f"copy-{name}"
    shutil.copy(tmp_path / name, copy)
    opening = talker(f"sqlite:///{copy}").opening(datetime.now(UTC))
    assert opening is not None and MILK in opening
    return url, opening


def test_the_opening_suggestion_is_shown_in_place_of_the_waiting_prompt(tmp_path: Path) -> None:
    url, opening = household_running_out_of_milk(tmp_path, "rhythm.db")
    term = Terminal("text", "--db", url)
    at = term.read_until(re.escape(PROMPT))
    term.read_until(re.escape(f"\r{opening}\n{PROMPT}"), at)  # raw: "\r" over the prompt
    term.type("응")  # the offer's yes orders the milk, as when the suggestion came first
    term.read_until("응\n.*\n")
    term.type("그만")
    assert term.finish() == 0
    greeting, suggestion, typed, reply = term.shown[:4]
    assert greeting.startswith(GREETING_START)
    assert (suggestion, typed) == (opening, f"{PROMPT}응")  # the prompt was drawn over
    assert MILK in reply and "주문" in reply


def test_a_line_sent_before_the_database_opened_is_answered_then_the_suggestion(
    tmp_path: Path,
) -> None:
    url, opening = household_running_out_of_milk(tmp_path, "rhythm.db")
    term = Terminal("text", "--db", url)
    term.read_until(re.escape(PROMPT))
    term.type("내가 뭐 주문했지?")  # at once: SQLAlchemy alone takes longer to import
    echoed = term.read_until("주문했지\\?\n")
    term.read_until(re.escape(opening) + "\n", echoed)
    term.type("그만")
    assert term.finish() == 0
    history, suggestion = term.screen[echoed:].splitlines()[:2]  # then the suggestion
    assert MILK in history and suggestion == opening


@pytest.mark.parametrize(
    ("make", "says"),
    [
        (lambda p: p.write_text("not a database\n"), "jangbogi: database error: "),
        (lambda p: None, "jangbogi: {path}에 데이터베이스가 없어요."),  # the default language
    ],
    ids=["not-a-database", "missing"],
)
def test_a_database_that_cannot_be_opened_is_one_line_and_its_code(
    tmp_path: Path, make: object, says: str
) -> None:
    path = tmp_path / "shop.db"
    make(path)  # type: ignore[operator]
    says = says.format(path=path)
    piped = run_jangbogi("text", "--db", str(path), stdin="")
    term = Terminal("text", "--db", str(path))
    term.read_until(re.escape(PROMPT))  # the prompt comes at once, the error behind it
    term.read_until(re.escape(says) + ".*\n")
    code = term.finish()
    assert code == piped.code == 3
    assert piped.err.startswith(says)
    error = [line for line in term.screen.splitlines() if line.startswith("jangbogi:")]
    assert error == [piped.err.rstrip("\n")]
    assert "Traceback" not in term.screen
    assert term.screen.splitlines()[-1].startswith("jangbogi:")  # nothing typed, no wait
