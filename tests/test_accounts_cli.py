"""`jangbogi member ...` and `jangbogi household ...`: members, cards, places, settings, PIN."""

from __future__ import annotations

import json
import sqlite3

import pytest

from tests.conftest import Runner
from tests.shop_helpers import rows


def snapshot(url: str) -> list[list[tuple[object, ...]]]:
    con = sqlite3.connect(url.removeprefix("sqlite:///"))
    try:
        return [con.execute(f"select * from {t} order by id").fetchall()
                for t in ("households", "members", "payment_methods", "addresses")]  # fmt: skip
    finally:
        con.close()


def test_members_add_list_limits_remove(jangbogi: Runner, db_url: str) -> None:
    db = ("--db", db_url)
    assert jangbogi("member", "add", "엄마", "--role", "adult", *db).code == 0
    added = jangbogi("member", "add", "민지", "--role", "child", "--per-day-limit", "10,000", *db)
    assert added.code == 0 and added.out == "'데모 가족'에 구성원을 추가했어요: '민지' (아이)\n"
    listed = [json.loads(line) for line in jangbogi("member", "list", "--json", *db).lines]
    assert [(m["name"], m["role"], m["per_day_limit"]) for m in listed] == [
        ("demo", "owner", None), ("엄마", "adult", None), ("민지", "child", 10000),
    ]  # fmt: skip
    limits = jangbogi("member", "limits", "민지", "--per-order", "3000", *db)
    assert limits.code == 0 and "1회 3,000원, 하루 10,000원" in limits.out
    cleared = jangbogi("member", "limits", "민지", "--per-day", "none", *db)
    assert "1회 3,000원, 하루 한도 없음" in cleared.out
    assert jangbogi("member", "remove", "엄마", *db).code == 0
    assert [m[0] for m in rows(db_url, "select name from members order by id")] == ["demo", "민지"]


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (("member", "add", "demo"), 2, "'데모 가족'에 이미 'demo' 구성원이 있어요."),
        (("member", "remove", "demo"), 2, "'demo'님은 '데모 가족'의 하나뿐인 주인이라"),
        (("member", "remove", "nobody"), 4, "'데모 가족'에 'nobody' 구성원이 없어요."),
        (("member", "limits", "demo", "--per-order", "0"), 2, "1원부터 10,000,000원까지"),
        (("member", "limits", "demo", "--per-order", "lots"), 2, "not an amount"),
        (("household", "payment", "add", "--token", "4242 4242 4242 4242", "--last4", "4242"),
         2, "--token에 카드 번호로 보이는 숫자가 있어요"),
        (("household", "payment", "add", "--token", "tok_new_card", "--last4", "42a2"), 2,
         "--last4는 숫자 네 자리여야 해요."),
        (("household", "payment", "add", "--token", "tok_demo_visa_4242", "--last4", "4242"), 2,
         "이미 등록된 카드 토큰이에요."),
        (("household", "payment", "remove", "99"), 4, "'데모 가족'에 99번 카드가 없어요."),
        (("household", "settings", "--delivery-fee", "-1"), 2,
         "delivery_fee 설정은 0부터 10,000,000까지만"),
        (("household", "settings", "--confirm-timeout", "5"), 2,
         "confirm_timeout_s 설정은 10부터 600까지만"),
        (("household", "settings", "--delivery-fee", "2000", "--pin-lock-minutes", "0"), 2,
         "pin_lock_minutes 설정은"),
        (("household", "address", "add", "--kind", "locker", "--label", ""), 2,
         "주소에는 이름(1자에서 100자까지)"),
        (("household", "show", "--household", "없는 집"), 4, "'없는 집' 가구가 없어요."),
        (("household", "create", "데모 가족", "--owner", "x"), 2, "'데모 가족' 가구는 이미"),
        (("household", "create", "새 집", "--owner", "x", "--timezone", "Mars/Base"), 1,
         "'Mars/Base'는 알 수 없는 시간대예요"),
    ],
)  # fmt: skip
def test_bad_account_input_changes_nothing(
    jangbogi: Runner, db_url: str, args: tuple[str, ...], code: int, message: str
) -> None:
    before = snapshot(db_url)
    result = jangbogi(*args, "--db", db_url)
    assert result.code == code, result.err
    assert message in result.err and "Traceback" not in result.err
    assert snapshot(db_url) == before


@pytest.mark.parametrize(
    ("lang", "message"),
    [("en", "jangbogi: '데모 가족' already has a member called 'demo'\n"),
     ("ko", "jangbogi: '데모 가족'에 이미 'demo' 구성원이 있어요.\n"),
     ("xx", "jangbogi: '데모 가족'에 이미 'demo' 구성원이 있어요.\n")],  # unknown: the default
)  # fmt: skip
def test_jangbogi_lang_chooses_the_language_of_errors(
    jangbogi: Runner, db_url: str, lang: str, message: str
) -> None:
    before = snapshot(db_url)
    result = jangbogi("member", "add", "demo", "--db", db_url, env={"JANGBOGI_LANG": lang})
    assert (result.code, result.err) == (2, message)
    assert snapshot(db_url) == before


def test_cards_are_a_token_and_four_digits(jangbogi: Runner, db_url: str) -> None:
    db = ("--db", db_url)
    added = jangbogi("household", "payment", "add", "--token", "tok_shinhan_9f2",
                     "--last4", "0042", "--label", "신한", "--default", *db)  # fmt: skip
    assert added.code == 0 and "신한 ****0042 (기본)" in added.out
    assert rows(db_url, "select token, last4, is_default from payment_methods order by id") == [
        ("tok_demo_visa_4242", "4242", 0), ("tok_shinhan_9f2", "0042", 1),
    ]  # fmt: skip
    columns = [c[1] for c in rows(db_url, "pragma table_info(payment_methods)")]
    assert columns == ["id", "household_id", "token", "last4", "label", "is_default", "created_at"]
    assert jangbogi("household", "payment", "remove", "2", *db).code == 0
    assert rows(db_url, "select last4, is_default from payment_methods") == [("4242", 1)]
    listed = jangbogi("household", "payment", "list", *db)
    assert listed.out.strip() == "1\tVISA\t****4242 (기본)"


def test_addresses_lockers_and_stores(jangbogi: Runner, db_url: str) -> None:
    db = ("--db", db_url)
    add = jangbogi("household", "address", "add", "--kind", "locker", "--label", "합정역 보관함",
                   "--detail", "2번 출구", "--default", *db)  # fmt: skip
    assert add.code == 0 and "보관함 4번을 추가했어요: 합정역 보관함 (기본)" in add.out
    assert rows(db_url, "select label from addresses where kind = 'locker' and is_default") == [
        ("합정역 보관함",)
    ]
    assert jangbogi("household", "address", "remove", "4", *db).code == 0
    assert rows(db_url, "select label from addresses where kind = 'locker' and is_default") == [
        ("망원역 무인 택배함",)
    ]
    listed = jangbogi("household", "address", "list", *db)
    assert [line.split("\t")[1] for line in listed.lines] == ["home", "locker", "store"]
    default = jangbogi("household", "settings", "--default-delivery", "locker", *db)
    assert default.code == 0 and "default_delivery\tlocker" in default.out


def test_settings_and_membership(jangbogi: Runner, db_url: str) -> None:
    db = ("--db", db_url)
    result = jangbogi("household", "settings", "--delivery-fee", "3500",
                      "--free-delivery-threshold", "50000", "--member-free-delivery", "no",
                      "--confirm-timeout", "60", "--duplicate-window", "30",
                      "--pin-lock-minutes", "5", *db)  # fmt: skip
    assert result.code == 0, result.err
    shown = json.loads(jangbogi("household", "show", "--json", *db).out)
    assert {k: shown[k] for k in ("delivery_fee", "free_delivery_threshold",
                                  "member_free_delivery", "confirm_timeout_s",
                                  "duplicate_window_s", "pin_lock_minutes")} == {
        "delivery_fee": 3500, "free_delivery_threshold": 50000, "member_free_delivery": False,
        "confirm_timeout_s": 60, "duplicate_window_s": 30, "pin_lock_minutes": 5,
    }  # fmt: skip
    assert shown["cards"] == ["VISA ****4242 (default)"] and shown["pin_set"] is False
    assert jangbogi("household", "membership", "off", *db).out == "'데모 가족' 멤버십: 꺼짐\n"
    assert json.loads(jangbogi("household", "show", "--json", *db).out)["membership"] is False


def test_a_new_household_has_no_membership_and_no_card(jangbogi: Runner, db_url: str) -> None:
    db = ("--db", db_url)
    assert jangbogi("household", "create", "김씨네", "--owner", "철수", *db).code == 0
    shown = json.loads(jangbogi("household", "show", "--household", "김씨네", "--json", *db).out)
    assert shown["membership"] is False and shown["cards"] == [] and shown["places"] == []
    talk = jangbogi("text", "--member", "철수", *db, stdin="서울우유 흰우유 1L 1개 주문해줘\n")
    assert "카드가 없어서" in talk.out


def test_the_pin_is_read_from_stdin_and_never_printed(jangbogi: Runner, db_url: str) -> None:
    db = ("--db", db_url)
    bad = jangbogi("household", "pin", "set", *db, stdin="12a4\n")
    assert bad.code == 2 and "12a4" not in bad.err + bad.out
    result = jangbogi("household", "pin", "set", *db, stdin="9753\n")
    assert result.code == 0 and "9753" not in result.out + result.err
    ((stored,),) = rows(db_url, "select pin_hash || pin_salt from households")
    assert "9753" not in str(stored)
    shown = jangbogi("household", "show", *db)
    assert "pin_set\tTrue" in shown.out and "9753" not in shown.out
    assert jangbogi("household", "pin", "clear", *db).code == 0
    assert rows(db_url, "select pin_hash, pin_salt from households") == [(None, None)]


def test_orders_advance_moves_orders_along(jangbogi: Runner, db_url: str) -> None:
    db = ("--db", db_url)
    idle = jangbogi("orders", "advance", "--all", *db)
    assert (
        idle.code == 0 and idle.out == "진행할 주문이 없어요: 주문됐거나 배송 중인 주문이 없어요.\n"
    )
    talk = jangbogi("text", *db, stdin="서울우유 흰우유 1L 1개 주문해줘\n응\n")
    assert "주문했어요" in talk.out
    assert jangbogi("orders", "advance", "1", *db).out == "주문 1번: 배송 중\n"
    assert jangbogi("orders", "advance", "--all", *db, "--lang", "en").out == "order 1: delivered\n"
    done = jangbogi("orders", "advance", "1", *db)
    assert done.code == 5 and "only placed or shipped" in done.err
    assert "진행할 주문이 없어요" in jangbogi("orders", "advance", "--all", *db).out
    bare = jangbogi("orders", "advance", *db)
    assert bare.code == 2 and "진행할 주문 번호를 적거나 --all을 붙여 주세요." in bare.err
    assert rows(db_url, "select status from orders") == [("delivered",)]
    assert jangbogi("orders", "advance", "7", *db).code == 4
