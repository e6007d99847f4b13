"""The catalog's product words, from one place for the recogniser's grammar and the parser.

``text``, ``listen`` and ``transcribe`` read them from the household database's catalog
(a product imported there is understood at once); ``listen`` builds its grammar from the
same read, so the recogniser and the parser know the same products::

    vocabulary = from_database(factory)
    grammar = compile_grammar(load_grammar("ko"), vocabulary.phrases, ...)
    parser = IntentParser(product_words=vocabulary.words)

Without a database (``parse``, the tests of the parser), :func:`bundled_vocabulary` and
:func:`load_parser` read the catalog shipped with the package.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from assistant.shop.catalog_file import ProductRecord

if TYPE_CHECKING:
    from sqlalchemy.orm import Session, sessionmaker

    from assistant.nlu.parser import IntentParser


@dataclass(frozen=True)
class ProductNames:
    """What one product is called."""

    name: str
    """The Korean name (서울우유 흰우유)."""
    brand: str
    """The brand (서울우유)."""
    aliases: tuple[str, ...]
    """Other names people use (우유, 흰우유)."""
    name_en: str = ""
    """The English name (CJ Hetbahn Cooked Rice): its words, capitalised as written, are how
    an English speaker names the product ("I need more Hetbahn"); the English pack keeps the
    ones that are names, not ordinary English words."""


@dataclass(frozen=True)
class Vocabulary:
    """The words of the products on sale."""

    phrases: tuple[str, ...]
    """Every name, brand and alias as written, product by product (the recogniser's grammar
    phrases; the same list as :func:`assistant.shop.catalog.spoken_phrases`)."""
    words: tuple[str, ...]
    """Single words to keep whole when tokenizing (sorted, unique): brands and aliases
    without a space, and each word of a name (a name is often said in part), of the English
    name capitalised ("Hetbahn"); English aliases also with their spaces ("toilet paper": the
    English parser knows a grocery by them)."""


def vocabulary(products: Iterable[ProductNames]) -> Vocabulary:
    """The phrases and words of ``products``."""
    phrases: list[str] = []
    words: set[str] = set()
    for p in products:
        phrases.extend((p.name, p.brand, *p.aliases))
        words.update(w for w in (p.brand, *p.aliases) if w and " " not in w)
        words.update(a for a in p.aliases if " " in a and a.isascii() and a.islower())
        words.update(p.name.split())
        words.update(w for w in p.name_en.split() if w[:1].isupper() and w[1:].islower())
        words.update(_english_name_phrases(p.name_en))
    return Vocabulary(tuple(phrases), tuple(sorted(words)))


def _english_name_phrases(name_en: str) -> set[str]:
    """The English name in lower case without its sizes and counts, whole and without its
    first word (the brand): "Lotte World Cone" -> "lotte world cone", "world cone"."""
    words = [w for w in name_en.lower().split() if w.isascii() and w.isalpha()]
    phrases = {" ".join(words), " ".join(words[1:])}
    return {p for p in phrases if " " in p}


def from_session(session: Session) -> Vocabulary:
    """The vocabulary of the products on sale in the database (the live catalog)."""
    from assistant.shop.catalog import list_products

    return vocabulary(
        ProductNames(p.name_ko, p.brand, tuple(p.alias_list), p.name_en)
        for p in list_products(session)
    )


def from_database(factory: sessionmaker[Session]) -> Vocabulary:
    """The vocabulary of the database's catalog, read in one transaction."""
    from assistant.store import db

    with db.transaction(factory) as session:
        return from_session(session)


def database_parser(factory: sessionmaker[Session]) -> IntentParser:
    """A parser knowing the product words of the database's catalog (read when its first
    front end is built, so a background preload reads them too)."""
    from assistant.nlu.parser import IntentParser

    return IntentParser(product_words=lambda: from_database(factory).words)


def from_records(records: Iterable[ProductRecord]) -> Vocabulary:
    """The vocabulary of a catalog file's rows (every row: a file lists what is on sale)."""
    return vocabulary(ProductNames(r.name_ko, r.brand, r.aliases, r.name_en) for r in records)


def bundled_vocabulary() -> Vocabulary:
    """The vocabulary of the catalog shipped with the package (``assistant/catalog/``); a
    missing or broken file raises its :class:`~assistant.errors.JangbogiError`."""
    from assistant.config import bundled_catalog_path
    from assistant.shop.catalog_file import parse_catalog

    return from_records(parse_catalog(bundled_catalog_path()))


def catalog_words() -> tuple[str, ...]:
    """The bundled catalog's words that some pack keeps whole (Korean product words such as
    삼다수), or none when the bundled catalog cannot be read. Products never come from the
    grammar files; the catalog is the runtime list."""
    from assistant.errors import JangbogiError
    from assistant.nlu.packs import DEFAULT_LANGS, pack_for

    try:
        words = bundled_vocabulary().words
    except JangbogiError:
        return ()
    kept: set[str] = set()
    for code in DEFAULT_LANGS:
        kept.update(pack_for(code).kept_words(words))
    return tuple(sorted(kept))


@lru_cache(maxsize=1)
def load_parser() -> IntentParser:
    """The process-wide parser, knowing the bundled catalog's product words (read with the
    first front end; language packs are loaded on first use): for ``parse`` and wherever no
    database is at hand (a conversation uses :func:`database_parser`)."""
    from assistant.nlu.parser import IntentParser

    return IntentParser(product_words=catalog_words)
