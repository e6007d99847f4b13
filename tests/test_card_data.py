"""A card number never gets into the store through a side door: every typed field refuses it.

Each case drives the real ``jangbogi`` command and checks the database afterwards.
"""

from __future__ import annotations

import sqlite3

from tests.conftest import Runner
from tests.shop_helpers import rows
from tests.test_accounts_cli import snapshot

NUMBER = "4242424242424242"

TYPED_FIELDS = [
    ("household", "payment", "add", "--token", "tok_zzzz", "--last4", "1234", "--label", NUMBER),
    ("household", "payment", "add", "--token", f"tok_{NUMBER}", "--last4", "4242"),
    ("household", "payment", "add", "--token", "4242.4242.4242.4242", "--last4", "4242"),
    ("household", "payment", "add", "--token", "4242_4242_4242_4242", "--last4", "4242"),
    ("household", "payment", "add", "--token", "tok_ok_1", "--last4", "4242",
     "--label", "신한 4242-4242-4242-4241"),  # not Luhn-valid: refused all the same
    ("household", "address", "add", "--kind", "home", "--label", f"집 {NUMBER}"),
    ("household", "address", "add", "--kind", "home", "--label", "집",
     "--detail", "현관 비번 말고 카드 4242 4242 4242 4242"),
    ("household", "address", "add", "--kind", "locker",
     "--label", "４２４２４２４２４２４２４２４２"),  # full-width digits
    ("household", "address", "add", "--kind", "store", "--label", "편의점",
     "--detail", "4242\u200b4242\u200b4242\u200b4242"),
    ("member", "add", NUMBER),
    ("member", "add", "민지 카드 4242 4242 4242 4242", "--role", "child"),
    ("household", "create", f"우리집 {NUMBER}", "--owner", "철수"),
    ("household", "create", "우리집", "--owner", "4242-4242-4242-4242"),
    ("household", "create", "우리집", "--owner", "철수", "--timezone", NUMBER),
]  # fmt: skip


def digits_of(text: str) -> str:
    return "".join(ch for ch in text if ch.isdecimal())


def test_a_card_number_is_refused_in_every_typed_field(jangbogi: Runner, db_url: str) -> None:
    before = snapshot(db_url)
    for args in TYPED_FIELDS:
        result = jangbogi(*args, "--db", db_url)
        assert result.code == 2, (args, result.err)
        assert "카드 번호로 보이는 숫자가 있어요" in result.err, args
        assert "아무것도 저장하지 않았어요." in result.err and "Traceback" not in result.err
        assert "4242" not in digits_of(result.out + result.err), args  # never repeated back
        assert snapshot(db_url) == before, args


INVISIBLE = [
    ("member", "add", "엄\u200b마"),
    ("member", "add", "엄\u00ad마"),
    ("member", "add", "\u3164"),
    ("member", "add", "\udcff엄마"),  # the byte 0xFF on the command line: not UTF-8
    ("household", "create", "우리\ufeff집", "--owner", "철수"),
    ("household", "address", "add", "--kind", "home", "--label", "우리\u2060집"),
    ("household", "payment", "add", "--token", "tok_new_1", "--last4", "4242",
     "--label", "신\u200d한"),
]  # fmt: skip


def test_invisible_characters_are_refused_in_names(jangbogi: Runner, db_url: str) -> None:
    before = snapshot(db_url)
    for args in INVISIBLE:
        result = jangbogi(*args, "--db", db_url)
        assert result.code == 2 and "보이지 않는 문자나 제어 문자예요 (U+" in result.err, args
        assert snapshot(db_url) == before, args


def test_ordinary_numbers_still_fit(jangbogi: Runner, db_url: str) -> None:
    db = ("--db", db_url)
    address = jangbogi("household", "address", "add", "--kind", "home", "--label", "본가",
                       "--detail", "월드컵로 123-45, 101동 1502호, 010-1234-5678", *db)  # fmt: skip
    assert address.code == 0, address.err
    card = jangbogi("household", "payment", "add", "--token", "tok_live_9f2A77", "--last4",
                    "0042", "--label", "신한 체크", *db)  # fmt: skip
    assert card.code == 0, card.err
    assert rows(db_url, "select token, last4, label from payment_methods where id = 2") == [
        ("tok_live_9f2A77", "0042", "신한 체크")
    ]


def test_a_number_looked_up_is_not_repeated_either(jangbogi: Runner, db_url: str) -> None:
    for args in (("member", "remove", NUMBER), ("household", "show", "--household", NUMBER),
                 ("text", "--member", "4242 4242 4242 4242")):  # fmt: skip
        result = jangbogi(*args, "--db", db_url)
        assert result.code == 4, result.err
        assert "4242" not in result.err and "[card number hidden]" in result.err


def test_a_number_stored_by_an_older_version_is_not_shown(jangbogi: Runner, db_url: str) -> None:
    """Before this check a label could hold the number: displays and receipts hide it."""
    con = sqlite3.connect(db_url.removeprefix("sqlite:///"))
    with con:
        con.execute("update payment_methods set label = ?", (f"VISA {NUMBER}",))
        con.execute("update addresses set label = ? where kind = 'home'", (f"집 {NUMBER}",))
    con.close()
    db = ("--db", db_url)
    talk = jangbogi("text", *db, stdin="서울우유 흰우유 1L 1개 주문해줘\n응\n")
    assert "주문했어요" in talk.out and NUMBER not in talk.out
    for args in (("household", "show"), ("household", "show", "--json"),
                 ("household", "payment", "list"), ("household", "address", "list"),
                 ("receipt", "1"), ("receipt", "1", "--json")):  # fmt: skip
        result = jangbogi(*args, *db)
        assert result.code == 0, result.err
        assert digits_of(result.out).count("42424242") == 0, (args, result.out)
        assert "[card number hidden]" in result.out
