"""What ``jangbogi text`` loads behind its prompt, and in which order: the user's language and
the product matcher first, the other languages only once the first line is answered."""

from __future__ import annotations

import threading
import time
from typing import Any, cast

from assistant.cli.conversation import _warmer


class FakeParser:
    def __init__(self, log: list[str]) -> None:
        self.langs = ("ko", "en")
        self.log = log

    def front_end(self, lang: str) -> None:
        self.log.append(f"front end {lang}")


class FakeShop:
    def __init__(self, log: list[str]) -> None:
        self.log = log

    def matcher(self) -> None:
        self.log.append("matcher")


class FakeDialog:
    def __init__(self, log: list[str]) -> None:
        self.shop = FakeShop(log)


def _start(first: str) -> tuple[list[str], threading.Event, threading.Thread]:
    log: list[str] = []
    answered = threading.Event()
    warm = _warmer(first, answered)
    loaded = cast(Any, (FakeDialog(log), FakeParser(log)))
    thread = threading.Thread(target=warm, args=(loaded,), daemon=True)
    thread.start()
    deadline = time.monotonic() + 60  # the real reply catalogs are read first
    while len(log) < 2 and time.monotonic() < deadline:
        time.sleep(0.01)
    thread.join(timeout=0.3)  # time enough to go on, if it did not wait
    return log, answered, thread


def test_the_users_language_and_the_matcher_load_first_the_others_after_the_answer() -> None:
    log, answered, thread = _start("ko")
    assert thread.is_alive()  # waiting for the first answer
    assert log == ["front end ko", "matcher"]
    answered.set()
    thread.join(timeout=10)
    assert not thread.is_alive()
    assert log == ["front end ko", "matcher", "front end en"]


def test_an_english_user_gets_english_first() -> None:
    log, answered, thread = _start("en")
    assert thread.is_alive()
    assert log == ["front end en", "matcher"]
    answered.set()
    thread.join(timeout=10)
    assert log == ["front end en", "matcher", "front end ko"]
