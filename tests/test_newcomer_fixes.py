"""Issue 17, a newcomer's first hour: each stumble driven through the real `jangbogi` process
on a fresh demo database (placed orders told, SKUs found, demo init kept, insights counted,
errors in the user's language)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from assistant.cli import language
from assistant.locales import LANGUAGES
from tests.conftest import ROOT, Runner
from tests.shop_helpers import execute, rows, talker

LOCALE = ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE", "JANGBOGI_LANG")


def _env(**values: str) -> dict[str, str]:
    """The caller's environment without any language setting, then ``values``."""
    env = {k: v for k, v in os.environ.items() if k not in LOCALE}
    return {**env, **values}


def _next_run(jangbogi: Runner, db_url: str, sub_id: int) -> datetime:
    listed = jangbogi("subscriptions", "list", "--json", "--db", db_url)
    (found,) = [s for s in map(json.loads, listed.lines) if s["id"] == sub_id]
    return datetime.fromisoformat(found["next_run_at"])


# -- 1. an order the daemon placed on time is told, once ------------------------------------


def test_an_order_placed_on_time_is_a_notification_told_at_the_next_conversation(
    jangbogi: Runner, db_url: str
) -> None:
    added = jangbogi("subscriptions", "add", "--product", "DAI-001", "--every", "day",
                     "--at", "09:00", "--json", "--db", db_url)  # fmt: skip
    assert added.code == 0, added.err
    due = _next_run(jangbogi, db_url, 1)
    now = (due + timedelta(seconds=30)).isoformat()
    ran = jangbogi("daemon", "--run-due", "--now", now, "--db", db_url)
    assert ran.code == 0, ran.err
    assert "placed subscription=1" in ran.err + ran.out
    ((order_id, total),) = rows(db_url, "select id, total from orders")
    told = jangbogi("notifications", "--all", "--json", "--db", db_url)
    (note,) = [json.loads(line) for line in told.lines]
    assert note["kind"] == "placed" and note["told_at"] is None
    assert note["data"]["order_id"] == order_id and note["data"]["total"] == total
    assert note["data"]["product"] == "서울우유 흰우유 1L"
    opening = talker(db_url).opening(due + timedelta(minutes=5))
    assert opening is not None and opening.startswith("알림이 하나 있어요: ")
    assert (
        f"서울우유 흰우유 1L 정기 배송을 주문했어요 (주문 번호 {order_id}번). 합계 2,790원."
        in opening
    )
    assert talker(db_url).opening(due + timedelta(minutes=6)) is None  # told once
    again = jangbogi("daemon", "--run-due", "--now", now, "--db", db_url)
    assert again.code == 0, again.err
    assert len(rows(db_url, "select id from notifications")) == 1


def test_a_batch_of_plain_subscriptions_leaves_one_notification_per_order(
    jangbogi: Runner, db_url: str
) -> None:
    for sku in ("DAI-001", "EGG-001", "BAK-001"):
        made = jangbogi("subscriptions", "add", "--product", sku, "--every", "day",
                        "--at", "09:00", "--db", db_url)  # fmt: skip
        assert made.code == 0, made.err
    due = _next_run(jangbogi, db_url, 1)
    ran = jangbogi("daemon", "--run-due", "--now", (due + timedelta(seconds=30)).isoformat(),
                   "--db", db_url)  # fmt: skip
    assert ran.code == 0, ran.err
    orders = rows(db_url, "select id from orders order by id")
    assert len(orders) == 3
    notes = rows(db_url, "select kind, data from notifications order by id")
    assert [k for k, _ in notes] == ["placed"] * 3
    assert sorted(json.loads(str(d))["order_id"] for _, d in notes) == [o for (o,) in orders]


def test_the_placed_notification_is_said_in_english_too() -> None:
    from assistant.dialog.phrases_reorder import ReorderPhrases
    from assistant.locales import say_for
    from assistant.reorder.service import NotificationView

    note = NotificationView(1, "placed", {"product": "서울우유 흰우유 1L",
                            "product_en": "Seoul Milk Fresh Milk", "order_id": 7, "total": 2790},
                            "Asia/Seoul", datetime(2026, 12, 4), None, 1)  # fmt: skip
    said = ReorderPhrases(say_for("en")).notification(note)
    assert said == "I ordered your regular Seoul Milk Fresh Milk (order 7), total 2,790 won."


# -- 3. a SKU finds its product ---------------------------------------------------------------


@pytest.mark.parametrize("query", ["DAI-001", "dai-001", " Dai-001 "])
def test_catalog_search_finds_a_product_by_its_sku(
    jangbogi: Runner, db_url: str, query: str
) -> None:
    found = jangbogi("catalog", "search", query, "--db", db_url)
    assert found.code == 0, found.err
    assert found.lines[0].split("\t")[1] == "DAI-001" and "서울우유 흰우유 1L" in found.lines[0]


def test_catalog_search_says_nothing_matched_in_the_users_language(
    jangbogi: Runner, db_url: str
) -> None:
    ko = jangbogi("catalog", "search", "쿼크zz", "--db", db_url, env=_env())
    assert ko.code == 1 and ko.err.strip() == "'쿼크zz'에 맞는 상품이 카탈로그에 없어요"
    en = jangbogi("catalog", "search", "쿼크zz", "--db", db_url, env=_env(LANG="en_US.UTF-8"))
    assert en.code == 1 and en.err.strip() == "'쿼크zz': not in the catalog"


def test_catalog_lines_speak_the_users_language(jangbogi: Runner, db_url: str) -> None:
    ko = jangbogi("catalog", "search", "DAI-001", "--db", db_url, env=_env())
    assert ko.lines[0].split("\t")[2:] == [
        "유제품", "서울우유 흰우유 1L", "2,980원 (회원 2,790원)", "재고 320"
    ]  # fmt: skip
    en = jangbogi("catalog", "search", "dai-001", "--db", db_url, env=_env(LANG="en_US.UTF-8"))
    assert en.lines[0].split("\t")[1:] == [
        "DAI-001", "유제품", "Seoul Milk Fresh Milk 1L", "2,980원 (member 2,790원)", "stock 320"
    ]  # fmt: skip


# -- 4. demo init run again keeps the shop's live state ---------------------------------------


def test_demo_init_again_keeps_live_stock_and_prices(jangbogi: Runner, db_url: str) -> None:
    execute(db_url, "update products set stock = 7, member_price = 2500 where sku = 'DAI-001'")
    execute(db_url, "update products set active = 0 where sku = 'EGG-001'")
    execute(db_url, "delete from products where sku = 'BAK-001'")
    count = rows(db_url, "select count(*) from products")[0][0]
    again = jangbogi("demo", "init", "--db", db_url)
    assert again.code == 0, again.err
    assert again.out.strip() == (
        f"데모 가구 '데모 가족'(구성원 'demo')는 이미 있어요. 카탈로그: 1개 추가, {count}개 그대로"
    )
    assert rows(db_url, "select stock, member_price from products where sku = 'DAI-001'") == [
        (7, 2500)
    ]
    assert rows(db_url, "select active from products where sku = 'EGG-001'") == [(0,)]
    assert len(rows(db_url, "select id from products where sku = 'BAK-001'")) == 1
    third = jangbogi("demo", "init", "--db", db_url, "--lang", "en")
    assert third.out.strip() == (
        f"demo household '데모 가족' (member 'demo') already set up; catalog: {count + 1} unchanged"
    )


def test_catalog_import_still_updates_the_stock_on_purpose(
    jangbogi: Runner, db_url: str, tmp_path: Path
) -> None:
    from assistant.config import bundled_catalog_path

    execute(db_url, "update products set stock = 7 where sku = 'DAI-001'")
    imported = jangbogi("catalog", "import", str(bundled_catalog_path()), "--db", db_url)
    assert imported.code == 0, imported.err
    assert "변경 1" in imported.out
    assert rows(db_url, "select stock from products where sku = 'DAI-001'") == [(320,)]


# -- 2. insights count with the catalogs' plural rules -----------------------------------------


def test_insights_counts_read_as_words_in_both_languages(jangbogi: Runner, db_url: str) -> None:
    from assistant.shop.service import ShopService
    from assistant.store.models import Channel
    from tests.shop_helpers import T0, factory

    shop = ShopService(factory(db_url))
    milk = rows(db_url, "select id from products where sku = 'DAI-001'")[0][0]
    shop.place(((int(str(milk)), 1),), key="once", channel=Channel.AUTO, now=T0)
    en = jangbogi("insights", "--today", "2026-03-10", "--db", db_url, "--lang", "en")
    assert en.code == 0, en.err
    assert en.lines[0].endswith("\t1 order") and "1 orders" not in en.out
    assert "\tbought once, usually 1, last 2026-03-02" in en.out and "1x" not in en.out
    ko = jangbogi("insights", "--today", "2026-03-10", "--db", db_url, env=_env())
    assert ko.lines[0].endswith("\t주문 1건")
    assert "\t한 번 구매, 보통 1개, 마지막 2026-03-02" in ko.out


# -- 6. errors and sentences in the user's language ------------------------------------------

AMBIGUOUS_KO = "'우유'에 맞는 상품이 여럿이에요"
AMBIGUOUS_EN = "Sorry, that didn't work: several products match '우유'"


@pytest.mark.parametrize(
    ("where", "env", "english"),
    [
        ("LANG=en_US.UTF-8", {"LANG": "en_US.UTF-8"}, True),
        ("LC_ALL wins over LANG", {"LANG": "ko_KR.UTF-8", "LC_ALL": "en_US.UTF-8"}, True),
        ("LC_MESSAGES", {"LC_MESSAGES": "en_GB.UTF-8"}, True),
        ("LANG=ko_KR.UTF-8", {"LANG": "ko_KR.UTF-8"}, False),
        ("LANG=C", {"LANG": "C"}, False),
        ("C ignores LANGUAGE", {"LANG": "C.UTF-8", "LANGUAGE": "en"}, False),
        ("no locale", {}, False),
        ("unknown language", {"LANG": "fr_FR.UTF-8"}, False),
        ("JANGBOGI_LANG over the locale", {"LANG": "ko_KR.UTF-8", "JANGBOGI_LANG": "en"}, True),
        ("JANGBOGI_LANG=ko", {"LANG": "en_US.UTF-8", "JANGBOGI_LANG": "ko"}, False),
    ],
)
def test_an_error_follows_the_locale(
    jangbogi: Runner, db_url: str, where: str, env: dict[str, str], english: bool
) -> None:
    result = jangbogi("subscriptions", "add", "--product", "우유", "--every", "day",
                      "--db", db_url, env=_env(**env))  # fmt: skip
    assert result.code != 0
    expected = AMBIGUOUS_EN if english else AMBIGUOUS_KO
    assert result.err.startswith(f"jangbogi: {expected}"), (where, result.err)


@pytest.mark.parametrize("where", ["before", "after"])
def test_lang_option_before_or_after_the_command_wins_over_the_environment(
    jangbogi: Runner, db_url: str, where: str
) -> None:
    command = ["subscriptions", "add", "--product", "우유", "--every", "day", "--db", db_url]
    args = ["--lang", "en", *command] if where == "before" else [*command, "--lang=en"]
    result = jangbogi(*args, env=_env(LANG="ko_KR.UTF-8", JANGBOGI_LANG="ko"))
    assert result.err.startswith(f"jangbogi: {AMBIGUOUS_EN}"), result.err
    back = jangbogi("--lang", "en", *command, "--lang", "ko", env=_env())
    assert back.err.startswith(f"jangbogi: {AMBIGUOUS_KO}"), back.err


def test_a_missing_database_is_said_in_the_users_language(jangbogi: Runner, tmp_path: Path) -> None:
    missing = str(tmp_path / "nothing.db")
    ko = jangbogi("orders", "list", "--db", missing, env=_env(LANG="C"))
    assert ko.code == 3
    assert ko.err.strip() == (
        f"jangbogi: {missing}에 데이터베이스가 없어요. "
        f"`jangbogi demo init --db sqlite:///{missing}`으로 만들어 주세요."
    )
    en = jangbogi("orders", "list", "--lang", "en", "--db", missing, env=_env())
    assert en.err.strip() == (
        f"jangbogi: There is no database at {missing}; "
        f"create it with `jangbogi demo init --db sqlite:///{missing}`."
    )


def test_a_commands_printed_sentences_follow_the_language(jangbogi: Runner, db_url: str) -> None:
    ko = jangbogi("insights", "--db", db_url, env=_env(LANG="C.UTF-8"))
    en = jangbogi("insights", "--db", db_url, env=_env(LANG="en_US.UTF-8"))
    assert ko.lines[0].endswith("\t주문 0건") and en.lines[0].endswith("\t0 orders")


def test_parse_keeps_its_own_lang(jangbogi: Runner) -> None:
    result = jangbogi("parse", "--lang", "en", "--json", stdin="two milks\n")
    assert result.code == 0, result.err
    assert json.loads(result.lines[0])["lang"] == "en"


def test_a_bad_lang_is_refused_by_the_parser(jangbogi: Runner) -> None:
    result = jangbogi("orders", "list", "--lang", "fr")
    assert result.code == 2 and "invalid choice: 'fr'" in result.err


def test_the_language_module_knows_the_catalogs_languages() -> None:
    assert language.LANGUAGES == LANGUAGES
    assert language.choose(None, {"LANGUAGE": "en:ko", "LANG": "ko_KR.UTF-8"}) == "en"
    assert language.choose(None, {"LANG": "POSIX"}) == "ko"
    assert language.choose("en", {"JANGBOGI_LANG": "ko"}) == "en"


# -- 5. a PostgreSQL URL without its driver names the extra to install -------------------------


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("ko", "PostgreSQL 데이터베이스(postgresql+psycopg://jangbogi:***@127.0.0.1:1/shop)를 "
               "쓰려면 드라이버가 필요해요: pip install 'jangbogi[postgres]'"),
        ("en", "A PostgreSQL database (postgresql+psycopg://jangbogi:***@127.0.0.1:1/shop) "
               "needs its driver: pip install 'jangbogi[postgres]'"),
    ],
)  # fmt: skip
def test_a_postgres_url_without_the_driver_says_which_extra_to_install(
    lang: str, expected: str
) -> None:
    url = "postgresql+psycopg://jangbogi:secret@127.0.0.1:1/shop"
    # the driver is installed here (the dev extra): this process acts as if it were not
    without_driver = (
        "import sys; sys.modules['psycopg'] = None; from assistant.cli import main; "
        f"sys.exit(main(['orders', 'list', '--lang', {lang!r}, '--db', {url!r}]))"
    )
    proc = subprocess.run([sys.executable, "-c", without_driver], capture_output=True,
                          text=True, timeout=60, cwd=ROOT, env=_env())  # fmt: skip
    assert proc.returncode == 1
    assert proc.stderr.strip() == f"jangbogi: {expected}"
    assert "secret" not in proc.stderr


# -- 5. the household's commands say what they changed in the user's language -----------------

SAID = {
    "ko": [
        "'데모 가족'에 구성원을 추가했어요: '민지' (아이)",
        "민지: 1회 3,000원, 하루 한도 없음",
        "'데모 가족' 멤버십: 켜짐 (그대로)",
        "보관함 4번을 추가했어요: 합정역 보관함 (기본)",
        "카드 2번을 등록했어요: 신한 ****0042",
        "카드 2번을 지웠어요",
        "'데모 가족'의 비밀번호를 정했어요. 말로 하는 구매는 이제 비밀번호를 물어요.",
        "'데모 가족'의 말로 하는 구매 잠금을 풀었어요.",
        "'데모 가족'의 비밀번호를 지웠어요.",
        "진행할 주문이 없어요: 주문됐거나 배송 중인 주문이 없어요.",
        "구성원에서 뺐어요: '민지'",
    ],
    "en": [
        "added child '민지' to '데모 가족'",
        "민지: per order 3,000원, per day no limit",
        "membership of '데모 가족' on (unchanged)",
        "added locker 4: 합정역 보관함 (default)",
        "registered card 2: 신한 ****0042",
        "removed card 2",
        "PIN set for '데모 가족'; spoken purchases ask for it",
        "spoken purchases of '데모 가족' unlocked",
        "PIN cleared for '데모 가족'",
        "nothing to move along: no order is placed or shipped",
        "removed '민지'",
    ],
}


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_the_households_commands_say_what_changed_in_the_users_language(
    jangbogi: Runner, db_url: str, lang: str
) -> None:
    env = _env(JANGBOGI_LANG=lang)
    locker = ["--kind", "locker", "--label", "합정역 보관함", "--default"]
    card = ["--token", "tok_shinhan_9f2", "--last4", "0042", "--label", "신한"]
    commands: list[tuple[list[str], str]] = [
        (["member", "add", "민지", "--role", "child"], ""),
        (["member", "limits", "민지", "--per-order", "3000"], ""),
        (["household", "membership", "on"], ""),
        (["household", "address", "add", *locker], ""),
        (["household", "payment", "add", *card], ""),
        (["household", "payment", "remove", "2"], ""),
        (["household", "pin", "set"], "1234\n"),
        (["household", "pin", "unlock"], ""),
        (["household", "pin", "clear"], ""),
        (["orders", "advance", "--all"], ""),
        (["member", "remove", "민지"], ""),
    ]
    said = []
    for args, stdin in commands:
        result = jangbogi(*args, "--db", db_url, env=env, stdin=stdin)
        assert result.code == 0, result.err
        said.append(result.out.strip())
    assert said == SAID[lang]
