"""One source of product words for the recogniser's grammar and the parser."""

from __future__ import annotations

import argparse
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from assistant.cli.voice import catalog_vocabulary
from assistant.config import bundled_catalog_path
from assistant.errors import DatabaseMissingError
from assistant.nlu.parser import IntentParser
from assistant.shop.catalog import list_products
from assistant.shop.catalog_file import parse_catalog
from assistant.shop.vocabulary import (
    ProductNames,
    bundled_vocabulary,
    catalog_words,
    from_session,
    load_parser,
    vocabulary,
)
from assistant.store import db
from tests.conftest import Runner

Talk = Callable[..., list[str]]


def test_the_live_catalog_gives_the_grammar_its_phrases(db_url: str) -> None:
    with db.transaction(db.session_factory(db.open_engine(db_url))) as session:
        names = [(p.name_ko, p.brand, *p.alias_list) for p in list_products(session)]
        assert from_session(session).phrases == tuple(w for n in names for w in n)
        live = from_session(session)
    bundled = bundled_vocabulary()  # the demo database holds the bundled catalog
    assert (sorted(live.phrases), live.words) == (sorted(bundled.phrases), bundled.words)


def test_words_are_brands_and_aliases_whole_and_names_in_part() -> None:
    v = vocabulary(
        [
            ProductNames("제주 삼다수 생수", "제주 삼다수", ("삼다수", "물 2L")),
            ProductNames("햇반 백미", "CJ", ()),
        ]
    )
    assert v.phrases == ("제주 삼다수 생수", "제주 삼다수", "삼다수", "물 2L", "햇반 백미", "CJ")
    assert v.words == tuple(sorted({"제주", "삼다수", "생수", "햇반", "백미", "CJ"}))


def test_catalog_words_are_what_they_were() -> None:
    """The parser's words from the bundled catalog, as ``catalog_words`` always read them."""
    hangul = re.compile(r"[가-힣ㄱ-ㅎ]")
    english = re.compile(r"[a-z][a-z' -]+")
    old: set[str] = set()
    for r in parse_catalog(bundled_catalog_path()):
        for phrase in (r.brand, *r.aliases, *r.name_ko.split()):
            if hangul.search(phrase) and " " not in phrase and len(phrase) >= 2:
                old.add(phrase)
        # the English pack knows a grocery by its English aliases (issue 14: "milk please")
        old.update(a for a in r.aliases if english.fullmatch(a) and len(a) >= 3)
        # and the words of the English names ("I need more Hetbahn"); the front end leaves
        # out the ordinary English ones
        old.update(w for w in r.name_en.split() if re.fullmatch(r"[A-Z][a-z]{3,}", w))
        name = [w for w in r.name_en.lower().split() if w.isascii() and w.isalpha()]
        old.update(p for p in (" ".join(name), " ".join(name[1:])) if " " in p)
    assert catalog_words() == tuple(sorted(old))


def test_the_parser_takes_the_words_it_is_given() -> None:
    assert IntentParser().product_words == ()
    assert IntentParser(product_words=["맛나당"]).product_words == ("맛나당",)
    calls: list[int] = []

    def read() -> list[str]:
        calls.append(1)
        return ["맛나당"]

    parser = IntentParser(product_words=read)
    assert calls == []  # read with the first front end, not before
    assert parser.product_words == ("맛나당",)
    assert parser.product_words == ("맛나당",)
    assert calls == [1]


NEW_PRODUCT = (
    "sku,category,name_ko,name_en,brand,size,unit,aliases,price,member_price,rating,"
    "rating_count,stock\n"
    "SNK-901,간식,쫀득바 초코,Jjondeuk Bar Choco,쫀득바,40g,개,쫀득바|초코바,1500,1400,4.5,12,50\n"
)


def test_text_knows_a_product_imported_into_the_database(
    tmp_path: Path, db_url: str, talk: Talk, jangbogi: Runner
) -> None:
    """The parser of `jangbogi text` keeps the database catalog's words whole: 쫀득바 is in no
    bundled file, and Kiwi cuts it apart without being told (the sentence is then no order)."""
    sentence = "쫀득바 두 개 주문해 줘"
    bundled = load_parser().parse(sentence)
    assert (bundled.name, bundled.slots.product) != ("order", "쫀득바")  # the bundled words fail
    path = tmp_path / "more.csv"
    path.write_text(NEW_PRODUCT, encoding="utf-8")
    imported = jangbogi("catalog", "import", str(path), "--db", db_url)
    assert imported.code == 0, imported.err
    [reply, _bye] = talk(sentence, "그만")
    assert "쫀득바 초코" in reply and "2개" in reply, reply
    assert "3,000원" in reply or "2,800원" in reply, reply


def test_transcribe_hears_the_database_catalog_or_the_bundled_one(
    tmp_path: Path, db_url: str, jangbogi: Runner, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The grammar `transcribe` compiles: the database's catalog when there is one (as
    `listen`), the bundled catalog when none was named and the default does not exist."""
    path = tmp_path / "more.csv"
    path.write_text(NEW_PRODUCT, encoding="utf-8")
    assert jangbogi("catalog", "import", str(path), "--db", db_url).code == 0
    named = catalog_vocabulary(argparse.Namespace(db=db_url))
    assert "쫀득바 초코" in named.phrases and "쫀득바" in named.words
    monkeypatch.setenv("JANGBOGI_DB", db_url)
    assert catalog_vocabulary(argparse.Namespace(db=None)) == named
    monkeypatch.delenv("JANGBOGI_DB")
    assert catalog_vocabulary(argparse.Namespace(db=None)) == bundled_vocabulary()
    missing = f"sqlite:///{tmp_path / 'typo.db'}"
    with pytest.raises(DatabaseMissingError):  # a typo is an error, not another catalog
        catalog_vocabulary(argparse.Namespace(db=missing))
