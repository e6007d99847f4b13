"""Language packs: found by code, asked in order, and a new language is one more pack."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

import pytest

from assistant.errors import ConfigError
from assistant.nlu import packs
from assistant.nlu.analysis import Analysis
from assistant.nlu.choice import parse_choice
from assistant.nlu.grammar import Grammar, load_grammar, lookup
from assistant.nlu.packs import DEFAULT_LANGS, FrontEnd, LangPack, PinWords, pack_for
from assistant.nlu.parser import IntentParser, detect_language
from assistant.nlu.pin import parse_pin
from assistant.nlu.schedule import parse_schedule, parse_schedule_en, parse_schedule_ko
from assistant.nlu.schema import Schedule, Slots

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
        assert parse_schedule(text, "ko") == parse_schedule_ko(text)
        assert parse_schedule(text, "en") == parse_schedule_en(text)


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


class ToyFrontEnd:
    """Words of the grammar stay; any other run of words is the product."""

    def __init__(self, grammar: Grammar) -> None:
        self.grammar = grammar

    def analyse(self, text: str) -> Analysis:
        key: list[str] = []
        product: list[str] = []
        for word in text.lower().split():
            if word in self.grammar.vocabulary:
                key.append(word)
            else:
                product.append(word)
                if not key or key[-1] != "{product}":
                    key.append("{product}")
        return Analysis(tuple(key), Slots(" ".join(product) or None))


class ToyPack:
    """Greek-script toy language: "θέλω γάλα" orders milk, "ναι" confirms."""

    code = "xx"
    pin = PinWords(digits={"ένα": "1", "δύο": "2"}, names=("πιν",))

    def __init__(self, root: Path) -> None:
        self.root = root

    def detects(self, text: str) -> bool:
        return re.search("[α-ωά-ώ]", text.lower()) is not None

    def grammar(self) -> Grammar:
        return load_grammar(self.code, self.root)

    def front_end(self, grammar: Grammar, product_words: tuple[str, ...]) -> FrontEnd:
        return ToyFrontEnd(grammar)

    def kept_words(self, words: Iterable[str]) -> tuple[str, ...]:
        return ()

    def parse_number(self, word: str) -> int | None:
        return {"ένα": 1, "δύο": 2}.get(word)

    def parse_schedule(self, text: str) -> Schedule | None:
        return Schedule("daily") if "κάθε μέρα" in text else None

    def parse_choice(self, text: str) -> int | None:
        return {"πρώτο": 1, "δεύτερο": 2}.get(text.strip().lower())

    def pin_number(self, text: str) -> str | None:
        return None


@pytest.fixture
def toy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> LangPack:
    folder = tmp_path / "xx"
    folder.mkdir()
    (folder / "lists.yaml").write_text("fillers: []\n", encoding="utf-8")
    (folder / "intents.yaml").write_text(
        "intents:\n  order:\n    - θέλω {product}\n  confirm:\n    - ναι\n", encoding="utf-8"
    )
    monkeypatch.setattr(packs, "_PACKS", dict(packs._PACKS))  # the registry as it was, after
    pack = ToyPack(tmp_path)
    packs.register_pack(pack)
    return pack


def test_a_new_language_is_one_more_pack(toy: LangPack) -> None:
    langs = (*DEFAULT_LANGS, "xx")
    parser = IntentParser(langs)
    intent = parser.parse("θέλω γάλα")
    assert (intent.lang, intent.name, intent.slots.product) == ("xx", "order", "γάλα")
    assert parser.parse("ναι").name == "confirm"
    assert detect_language("우유", langs) == "ko"
    assert lookup(toy.grammar(), ("θέλω", "{product}")) == "order"
    assert parse_choice("δεύτερο", langs) == 2
    assert parse_pin("πιν ένα δύο ένα δύο", langs) == "1212"
    assert parse_schedule("γάλα κάθε μέρα", "xx") == Schedule("daily")
