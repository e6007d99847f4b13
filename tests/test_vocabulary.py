"""One source of product words for the recogniser's grammar and the parser."""

from __future__ import annotations

import re

from assistant.config import bundled_catalog_path
from assistant.nlu.parser import IntentParser
from assistant.shop.catalog import spoken_phrases
from assistant.shop.catalog_file import parse_catalog
from assistant.shop.vocabulary import (
    ProductNames,
    bundled_vocabulary,
    catalog_words,
    from_session,
    vocabulary,
)
from assistant.store import db


def test_the_live_catalog_gives_the_grammar_its_phrases(db_url: str) -> None:
    with db.transaction(db.session_factory(db.open_engine(db_url))) as session:
        assert from_session(session).phrases == tuple(spoken_phrases(session))
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
    old: set[str] = set()
    for r in parse_catalog(bundled_catalog_path()):
        for phrase in (r.brand, *r.aliases, *r.name_ko.split()):
            if hangul.search(phrase) and " " not in phrase and len(phrase) >= 2:
                old.add(phrase)
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
