"""The message catalogs: every message in every language, nothing extra, particles right."""

from __future__ import annotations

import re

import pytest

from assistant.errors import ConfigError, ErrorCode, ShopError
from assistant.locales import LANGUAGES, Msg, say_for
from assistant.locales.functions import particle
from assistant.locales.say import all_catalogs

NAMES = [*Msg, *ErrorCode]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_message_is_in_every_catalog(lang: str) -> None:
    say = say_for(lang)
    missing = [m.value for m in NAMES if not say.has(m)]
    assert missing == [], f"{lang} catalog lacks {missing}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_catalog_message_has_a_name(lang: str) -> None:
    from assistant.config import bundled

    ids = set()
    for path in bundled("locales", lang).glob("*.ftl"):
        ids |= set(re.findall(r"^([a-z][a-z0-9-]*) =", path.read_text(), re.M))
    known = {m.value for m in NAMES}
    assert ids - known == set(), f"{lang}: messages no Msg/ErrorCode names"


def test_amounts_and_plurals() -> None:
    ko, en = say_for("ko"), say_for("en")
    assert ko(Msg.WON, amount=12000) == "12,000원"
    assert en(Msg.WON, amount=12000) == "12,000 won"
    assert en(Msg.PRODUCTS, count=1) == "1 product"
    assert en(Msg.PRODUCTS, count=2) == "2 products"
    assert en(Msg.PRODUCTS, count=1234) == "1234 products"  # counts are not grouped


@pytest.mark.parametrize(
    ("word", "form", "expected"),
    [("우유", "을", "를"), ("계란", "를", "을"), ("햇반", "는", "은"), ("두부", "이", "가"),
     ("집", "로", "으로"), ("서울", "으로", "로"), ("매장", "로", "으로"), ("우유", "으로", "로"),
     ("3", "을", "을"), ("2", "을", "를"), ("1L", "를", "를"), ("커피(무가당)", "은", "은")],
)  # fmt: skip
def test_particles(word: str, form: str, expected: str) -> None:
    assert particle(word, form) == expected


def test_an_error_speaks_its_code_in_each_language() -> None:
    exc = ShopError(ErrorCode.UNKNOWN)
    assert exc.code is ErrorCode.UNKNOWN
    assert all_catalogs()["ko"].error(exc) != all_catalogs()["en"].error(exc)
    assert say_for("ko").error(ShopError("개발자 문장")) == "개발자 문장"
    assert say_for("en").error(ShopError("x")) == "Sorry, that didn't work: x"


def test_a_missing_language_or_message_is_a_config_error(tmp_path: object) -> None:
    assert say_for("xx").lang == "ko"  # unknown codes fall back to the default
    with pytest.raises(ConfigError):
        say_for("ko")("no-such-message")  # type: ignore[arg-type]
