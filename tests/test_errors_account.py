"""The coded refusals of accounts, households and catalog files (locales/*/errors-account.ftl):
each renders in every language with its fields, and English keeps the sentences it had."""

from __future__ import annotations

import re
from typing import Any

import pytest

from assistant.config import bundled
from assistant.errors import AccountError, CatalogFormatError, ErrorCode
from assistant.locales import LANGUAGES, say_for

E = ErrorCode
AT = {"path": "shop.csv", "line": 7, "field": "price"}
"""Where a catalog problem is: every catalog code has these fields."""

FIELDS: dict[ErrorCode, dict[str, Any]] = {
    E.TYPED_CARD_NUMBER: {"what": "--token"},
    E.TYPED_HIDDEN_CHARACTER: {
        "what": "--detail",
        "codepoint": "U+200B",
        "char": "zero width space",
        "position": 3,
    },
    E.NO_HOUSEHOLD: {},
    E.HOUSEHOLD_NOT_FOUND: {"name": "김씨네"},
    E.HOUSEHOLD_NAMES: {"most": 100},
    E.HOUSEHOLD_EXISTS: {"name": "김씨네"},
    E.UNKNOWN_TIME_ZONE: {"zone": "Mars/Base"},
    E.MEMBER_NOT_FOUND: {"name": "민지", "household": "김씨네"},
    E.NO_SUCH_MEMBER: {"name": "민지"},
    E.MEMBER_AMBIGUOUS: {"name": "민지"},
    E.NO_OWNER: {"household": "김씨네", "option": "--member"},
    E.MEMBER_NAME: {"most": 100},
    E.MEMBER_EXISTS: {"name": "민지", "household": "김씨네"},
    E.ONLY_OWNER: {"name": "철수", "household": "김씨네"},
    E.MEMBER_HAS_HISTORY: {"name": "철수"},
    E.LIMIT_RANGE: {"which": "per-day", "most": 10_000_000},
    E.SETTING_RANGE: {"name": "pin_lock_minutes", "low": 1, "high": 1440},
    E.CARD_TOKEN_FORMAT: {},
    E.CARD_LAST4_FORMAT: {},
    E.CARD_LABEL_LENGTH: {"most": 50},
    E.CARD_TOKEN_TAKEN: {},
    E.CARD_NOT_FOUND: {"payment_id": 99, "household": "김씨네"},
    E.ADDRESS_FORMAT: {"most_label": 100, "most_detail": 300},
    E.ADDRESS_NOT_FOUND: {"address_id": 42, "household": "김씨네"},
    E.JOIN_ADULTS_ONLY: {},
    E.PIN_FORMAT: {},
    E.PINS_DIFFER: {},
    E.PASSWORD_FORMAT: {"least": 8, "most": 200},
    E.PASSWORDS_DIFFER: {},
    E.PASSWORD_ON_COMMAND_LINE: {},
    E.SIGN_IN_FAILED: {},
    E.SIGN_IN_LOCKED: {"until_local": "10:15", "minutes": 15},
    E.ADVANCE_WHICH: {},
    E.CATALOG_CARD_NUMBER: AT,
    E.CATALOG_HIDDEN_CHARACTER: {**AT, "codepoint": "U+0009", "char": "tab", "position": 2},
    E.CATALOG_EMPTY_FIELD: AT,
    E.CATALOG_TEXT_TOO_LONG: {**AT, "most": 200},
    E.CATALOG_NOT_A_NUMBER: {**AT, "value": "2,980"},
    E.CATALOG_NUMBER_RANGE: {**AT, "number": 0, "low": 1, "high": 10_000_000},
    E.CATALOG_BAD_SKU: {**AT, "value": "dai1"},
    E.CATALOG_BAD_UNIT: {**AT, "value": "조각", "units": "개 병"},
    E.CATALOG_BAD_SIZE: {**AT, "value": "big"},
    E.CATALOG_EMPTY_ALIAS: AT,
    E.CATALOG_MEMBER_PRICE: {**AT, "member_price": 3200, "price": 2980},
    E.CATALOG_BAD_RATING: {**AT, "value": "4.65"},
    E.CATALOG_FILE_TOO_LARGE: {**AT, "megabytes": 64},
    E.CATALOG_NO_FILE: AT,
    E.CATALOG_IS_DIRECTORY: AT,
    E.CATALOG_NOT_UTF8: AT,
    E.CATALOG_UNREADABLE: {**AT, "reason": "Permission denied"},
    E.CATALOG_LINE_TOO_LONG: {**AT, "length": 5097, "most": 4000, "most_field": 200},
    E.CATALOG_EMPTY_FILE: AT,
    E.CATALOG_NOT_CSV: {**AT, "reason": "unexpected end of data"},
    E.CATALOG_OPEN_QUOTE: AT,
    E.CATALOG_MISSING_COLUMNS: {**AT, "missing": "price, stock", "expected": "sku,price,stock"},
    E.CATALOG_COLUMN_ORDER: {**AT, "expected": "sku,price,stock"},
    E.CATALOG_FIELD_COUNT: {**AT, "expected": 13, "found": 3},
    E.CATALOG_DUPLICATE_SKU: {**AT, "sku": "DAI-001", "first_line": 2},
    E.CATALOG_DUPLICATE_NAME: {**AT, "first_line": 2},
    E.CATALOG_NO_PRODUCTS: AT,
}
"""Every code of errors-account.ftl with fields such as the shop raises it with."""
KEYS = {"what", "which", "char"}
"""Fields that choose words (selector keys) rather than being shown."""
SHOWN_BY_KO_ONLY_WHEN_USEFUL = {"line", "field"}
"""Korean leaves out the line and field where they say nothing (a whole file, a header)."""


def account_codes() -> set[str]:
    ids: set[str] = set()
    for lang in LANGUAGES:
        text = bundled("locales", lang, "errors-account.ftl").read_text(encoding="utf-8")
        ids |= set(re.findall(r"^(error-[a-z0-9-]+) =", text, re.M))
    return ids


def test_the_table_covers_every_message_of_the_file() -> None:
    assert {code.value for code in FIELDS} == account_codes()


@pytest.mark.parametrize("code", list(FIELDS))
def test_each_code_renders_with_its_fields_in_every_language(code: ErrorCode) -> None:
    fields = FIELDS[code]
    exc = AccountError(code, **fields)
    said = {lang: say_for(lang).error(exc) for lang in LANGUAGES}
    assert said["ko"] != said["en"]
    assert re.search("[가-힣]", said["ko"]), said["ko"]
    assert "{" not in "".join(said.values()) and "error-" not in "".join(said.values())
    for name, value in fields.items():
        if name in KEYS:
            continue
        forms = {str(value), f"{value:,}" if isinstance(value, int) else str(value)}
        assert any(f in said["en"] for f in forms), (name, said["en"])
        if name not in SHOWN_BY_KO_ONLY_WHEN_USEFUL:
            assert any(f in said["ko"] for f in forms), (name, said["ko"])


@pytest.mark.parametrize(
    ("what", "ko", "en"),
    [("household-name", "가구 이름에 ", "the household name "),
     ("owner-name", "주인 이름에 ", "the owner's name "),
     ("time-zone", "시간대에 ", "the time zone "),
     ("member-name", "구성원 이름에 ", "the member's name "),
     ("--label", "--label에 ", "--label ")],
)  # fmt: skip
def test_a_typed_field_is_named_in_words(what: str, ko: str, en: str) -> None:
    exc = AccountError(E.TYPED_CARD_NUMBER, what=what)
    assert say_for("ko").error(exc).startswith(ko)
    assert say_for("en").error(exc).startswith(en + "looks like a card number")
    assert say_for("en").error(exc).endswith("; nothing was stored")


@pytest.mark.parametrize(
    ("code", "en"),
    [
        (E.HOUSEHOLD_NOT_FOUND, "no household called '김씨네'; create one with "
         "`jangbogi household create` or `demo init`"),
        (E.NO_OWNER, "'김씨네' has no owner; say --member NAME"),
        (E.LIMIT_RANGE, "the per-day limit must be between 1 and 10,000,000 won (or 'none')"),
        (E.SETTING_RANGE, "pin_lock_minutes must be between 1 and 1,440"),
        (E.TYPED_HIDDEN_CHARACTER, "--detail contains an invisible or control character, "
         "U+200B (zero width space), at character 3; retype it without that character; "
         "nothing was stored"),
        (E.CATALOG_LINE_TOO_LONG, "shop.csv: line 7, field 'price': the line is 5,097 "
         "characters long; a catalog line may hold at most 4,000 (each field at most 200)"),
        (E.CATALOG_HIDDEN_CHARACTER, "shop.csv: line 7, field 'price': contains an "
         "invisible or control character, U+0009 (a tab), at character 2; retype it without "
         "that character"),
    ],
)  # fmt: skip
def test_english_keeps_the_sentences_the_shop_raised(code: ErrorCode, en: str) -> None:
    assert say_for("en").error(AccountError(code, **FIELDS[code])) == en


def test_a_catalog_error_keeps_path_line_and_field_as_fields() -> None:
    exc = CatalogFormatError("x.csv", 4, "unit", E.CATALOG_BAD_UNIT, value="조각", units="개")
    assert (exc.path, exc.line, exc.field, exc.problem, exc.code) == (
        "x.csv", 4, "unit", E.CATALOG_BAD_UNIT, E.CATALOG_BAD_UNIT,
    )  # fmt: skip
    assert exc.fields == {
        "path": "x.csv",
        "line": 4,
        "field": "unit",
        "value": "조각",
        "units": "개",
    }
    assert (
        say_for("ko").error(exc) == "x.csv 4번째 줄 'unit' 칸: '조각'은 세는 단위가 아니에요 (개)."
    )
    assert (
        say_for("en").error(exc)
        == "x.csv: line 4, field 'unit': '조각' is not a counting word (개)"
    )
