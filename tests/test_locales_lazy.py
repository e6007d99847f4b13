"""A catalog parsed one message at a time (assistant/locales/lazy.py) holds exactly what the
files parsed whole hold: every message and term, each the same."""

from __future__ import annotations

import pytest

from assistant.config import bundled
from assistant.errors import ConfigError
from assistant.locales import LANGUAGES, Msg
from assistant.locales.say import Say

IGNORED = ["span", "comment"]
"""A comment above a message is not part of what it says (and is not kept alone)."""


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_entry_parsed_alone_equals_the_whole_files(lang: str) -> None:
    lazy, whole = Say(lang), Say(lang)
    whole.load_all()
    for entry in lazy._catalog._sources:
        lazy._catalog.load(entry, lazy._bundle)
    assert lazy._bundle._messages.keys() == whole._bundle._messages.keys()
    assert lazy._bundle._terms.keys() == whole._bundle._terms.keys()
    assert len(lazy._bundle._messages) > 300
    for name, message in whole._bundle._messages.items():
        assert lazy._bundle._messages[name].equals(message, IGNORED), name
    for name, term in whole._bundle._terms.items():
        assert lazy._bundle._terms[name].equals(term, IGNORED), name


def test_a_message_brings_the_terms_it_uses() -> None:
    say = Say("ko")
    assert (
        say(Msg.RECEIPT_TITLE, id=3, status="placed") == "장보기 전자 영수증 — 주문 3번 (주문 접수)"
    )
    assert len(say._bundle._messages) < 10  # the rest is still unparsed


def test_a_malformed_entry_is_a_config_error(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "locales" / "ko"
    folder.mkdir(parents=True)
    (folder / "x.ftl").write_text("won = { $amount\nproducts = 상품\n", encoding="utf-8")
    monkeypatch.setattr("assistant.locales.say.bundled", lambda *parts: tmp_path.joinpath(*parts))
    say = Say("ko")
    with pytest.raises(ConfigError):
        say(Msg.WON, amount=3)
    with pytest.raises(ConfigError):
        say.load_all()
    assert bundled("locales", "ko").is_dir()


def _title(say: Say, n: int) -> str:
    return say(Msg.RECEIPT_TITLE, id=n, status="placed")


def test_threads_saying_the_same_message_at_once_all_get_it() -> None:
    from concurrent.futures import ThreadPoolExecutor

    for _ in range(20):
        say = Say("ko")
        with ThreadPoolExecutor(8) as pool:
            said = list(pool.map(_title, [say] * 32, range(32)))
        assert said == [f"장보기 전자 영수증 — 주문 {n}번 (주문 접수)" for n in range(32)]
