"""Language packs: found by code, asked in order, and a new language is one more pack."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from assistant.errors import ConfigError
from assistant.nlu import packs
from assistant.nlu.choice import parse_choice
from assistant.nlu.grammar import lookup
from assistant.nlu.packs import DEFAULT_LANGS, LangPack, pack_for
from assistant.nlu.parser import IntentParser, detect_language
from assistant.nlu.pin import parse_pin
from assistant.nlu.schedule import parse_schedule
from assistant.nlu.schema import Schedule
from tests.conftest import load_script

NLU = Path(__file__).resolve().parent.parent / "assistant" / "nlu"


def test_packs_are_found_by_their_code() -> None:
    for code in DEFAULT_LANGS:
        pack = pack_for(code)
        assert pack.code == code
        assert pack is pack_for(code)
        assert pack.grammar().lang == code


@pytest.mark.parametrize("code", ["xx", "", "../ko", "ko.numbers", "lang"])
def test_an_unknown_code_is_a_config_error(code: str) -> None:
    with pytest.raises(ConfigError):
        pack_for(code)


def test_no_language_is_named_in_a_branch_outside_the_packs() -> None:
    """The core asks the packs; it never compares a language code."""
    branch = re.compile(r"""(==|!=|\bin)\s*\(?\s*["'](ko|en)["']|["'](ko|en)["']\s*(==|!=)""")
    found = [
        f"{path.relative_to(NLU)}:{n}"
        for path in NLU.glob("*.py")
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if branch.search(line)
    ]
    assert found == []


def test_each_pack_reads_its_own_schedules() -> None:
    assert pack_for("ko").parse_schedule("매주 월요일 아침 9시") == Schedule(
        "weekly", 1, ("mon",), None, 9
    )
    assert pack_for("en").parse_schedule("every other monday") == Schedule(
        "weekly", 2, ("mon",), None, None
    )
    assert pack_for("en").parse_schedule("매주 월요일") is None
    for text in ("격주 토요일", "every day at 7 am", "매달 15일"):
        for code in DEFAULT_LANGS:  # the one entry point asks the pack of the language
            assert parse_schedule(text, code) == pack_for(code).parse_schedule(text)
    assert parse_schedule("격주 토요일", "ko") == Schedule("weekly", 2, ("sat",), None, None)
    assert parse_schedule("격주 토요일", "en") is None


def test_choices_and_pins_may_be_said_in_any_pack() -> None:
    assert pack_for("ko").parse_choice("두 번째 거") == 2
    assert pack_for("ko").parse_choice("the second one") is None
    assert pack_for("en").parse_choice("The second one!") == 2
    assert parse_choice("두 번째 거") == parse_choice("the second one") == 2
    assert parse_pin("제 pin은 one two 삼 사") == "1234"
    assert parse_pin("천이백삼십사") == "1234"
    assert parse_pin("천이백삼십사", langs=("en",)) is None


def test_kept_words_are_the_ones_a_tokenizer_needs() -> None:
    words = ["삼다수", "CJ", "우", "햇반", "제주 삼다수", "삼다수"]
    assert pack_for("ko").kept_words(words) == ("삼다수", "햇반")
    assert pack_for("en").kept_words(words) == ()


# -- a third language, added without touching the core -------------------------------------

TOY = Path(__file__).resolve().parent / "toy_greek"
"""A toy Greek pack laid out as in the package (``tests/toy_greek/README.md``)."""


def toy_pack(root: Path) -> LangPack:
    """The toy Greek pack of ``tests/toy_greek/``, its grammar read from ``root``."""
    path = TOY / "nlu" / "lang" / "el" / "__init__.py"
    pack: LangPack = load_script("toy_greek_pack", path).GreekPack(root)
    return pack


@pytest.fixture
def toy(monkeypatch: pytest.MonkeyPatch) -> LangPack:
    monkeypatch.setattr(packs, "_PACKS", dict(packs._PACKS))  # the registry as it was, after
    pack = toy_pack(TOY / "grammars")
    packs.register_pack(pack)
    return pack


def test_a_new_language_is_one_more_pack(toy: LangPack) -> None:
    langs = (*DEFAULT_LANGS, "el")
    parser = IntentParser(langs)
    intent = parser.parse("θέλω γάλα")
    assert (intent.lang, intent.name, intent.slots.product) == ("el", "order", "γάλα")
    assert parser.parse("ναι").name == "confirm"
    asked = toy.front_end(toy.grammar(), ()).analyse("ναι;")  # ";" is the Greek "?"
    assert (asked.key, asked.question) == (("ναι",), True)
    assert parser.parse("ναι;").name == "none"  # a question is not a yes
    assert parser.parse("βοήθεια παρακαλώ").name == "help"
    assert detect_language("우유", langs) == "ko"
    assert lookup(toy.grammar(), ("θέλω", "{product}")) == "order"
    assert parse_choice("δεύτερο", langs) == 2
    assert parse_pin("πιν ένα δύο ένα δύο", langs) == "1212"
    assert parse_schedule("γάλα κάθε μέρα", "el") == Schedule("daily")
