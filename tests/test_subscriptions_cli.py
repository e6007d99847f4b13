"""`jangbogi subscriptions ...`, `jangbogi notifications` and the reorder guards of
`jangbogi household settings`: output, JSON, and bad input that changes nothing."""

from __future__ import annotations

import json
import sqlite3
from datetime import timedelta

import pytest

from assistant.store.models import utcnow
from tests.conftest import Runner
from tests.shop_helpers import cli, rows
from tests.subscription_helpers import EGGS, notify, runs, subscriptions

ADD_EGGS = ("subscriptions", "add", "--product", "EGG-001", "--every", "week", "--on", "mon")


def snapshot(url: str) -> list[list[tuple[object, ...]]]:
    con = sqlite3.connect(url.removeprefix("sqlite:///"))
    try:
        return [con.execute(f"select * from {t} order by id").fetchall()
                for t in ("subscriptions", "subscription_runs", "notifications",
                          "households")]  # fmt: skip
    finally:
        con.close()


def out_json(capsys: pytest.CaptureFixture[str]) -> list[dict[str, object]]:
    return [json.loads(line) for line in capsys.readouterr().out.splitlines()]


def test_add_and_list(db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(db_url, *ADD_EGGS, "--quantity", "2", "--at", "07:30", "--json") == 0
    (made,) = out_json(capsys)
    assert made["sku"] == "EGG-001" and made["quantity"] == 2 and made["status"] == "active"
    assert made["schedule"] == {**made["schedule"], "freq": "weekly", "weekdays": ["mon"],  # type: ignore[dict-item]
                                "hour": 7, "minute": 30}  # fmt: skip
    assert made["timezone"] == "Asia/Seoul" and made["price_at_creation"] == 10980
    assert cli(db_url, "subscriptions", "add", "--product", "서울우유 흰우유 1L", "--every",
               "month", "--day", "31") == 0  # fmt: skip
    assert capsys.readouterr().out.startswith("만들었어요: 2\tactive\tDAI-001")
    assert cli(db_url, "subscriptions", "list") == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith(f"1\tactive\tEGG-001 {EGGS} x2\t매주 월요일 오전 7시 30분\t다음 ")
    assert "매달 31일(짧은 달은 말일) 오전 9시" in lines[1] and lines[1].endswith("아직 실행 전")


def test_pause_resume_skip_cancel(db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(db_url, *ADD_EGGS) == 0
    first = subscriptions(db_url)[0][4]
    capsys.readouterr()
    assert cli(db_url, "subscriptions", "skip", "1", "--json") == 0
    (skipped,) = out_json(capsys)
    assert skipped["last_run"] == "skipped" and skipped["next_run_at"] != skipped["skipped_period"]
    assert runs(db_url) == [(1, first, "skipped", "cli")]
    assert cli(db_url, "subscriptions", "pause", "1") == 0
    assert subscriptions(db_url)[0][3] == "paused"
    assert cli(db_url, "subscriptions", "resume", "1") == 0
    assert subscriptions(db_url)[0][3] == "active"
    assert cli(db_url, "subscriptions", "cancel", "1") == 0
    assert subscriptions(db_url)[0][3:] == ("cancelled", None)
    capsys.readouterr()
    assert cli(db_url, "subscriptions", "list", "--json") == 0
    assert out_json(capsys) == []
    assert cli(db_url, "subscriptions", "list", "--all", "--json") == 0
    assert [s["status"] for s in out_json(capsys)] == ["cancelled"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("add", "--product", "없는상품이름", "--every", "day"), "맞는 상품이 없어요"),
        (("add", "--product", "계란", "--every", "day"), "여럿이에요"),
        (("add", "--product", "EGG-001", "--every", "week", "--on", "mon,xyz"), "알 수 없어요"),
        (("add", "--product", "EGG-001", "--every", "month", "--day", "32"), "1에서 31 사이"),
        (("add", "--product", "EGG-001", "--every", "day", "--at", "25:00"), "시각이 아니에요"),
        (("add", "--product", "EGG-001", "--every", "day", "--quantity", "0"), "수량은 1에서 99"),
        (("add", "--product", "EGG-001", "--every", "day", "--interval", "0"), "반복 간격"),
        (("add", "--product", "EGG-001", "--every", "day", "--on", "mon"), "매주 반복하는"),
        (ADD_EGGS[1:], "이미 있어요"),
        (("pause", "99"), "99번 정기 배송이 없어요"),
        (("skip", "99"), "99번 정기 배송이 없어요"),
        (("resume", "1"), "진행 중이라 다시 시작할 수 없어요"),
    ],
)  # fmt: skip
def test_bad_input_is_one_line_and_changes_nothing(
    jangbogi: Runner, db_url: str, args: tuple[str, ...], message: str
) -> None:
    assert cli(db_url, *ADD_EGGS) == 0
    before = snapshot(db_url)
    result = jangbogi("subscriptions", *args, "--db", db_url)
    assert result.code != 0
    assert len(result.err.strip().splitlines()) == 1 and message in result.err
    assert "Traceback" not in result.err and result.out == ""
    assert snapshot(db_url) == before


def test_notifications_list_and_mark_told(db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    now = utcnow()
    notify(db_url, "placed", {"product": EGGS, "product_en": "eggs", "order_id": 4,
                              "total": 10980, "period": now.isoformat()}, now)  # fmt: skip
    notify(db_url, "missed", {"product": EGGS, "count": 2}, now + timedelta(seconds=1))
    assert cli(db_url, "notifications") == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2 and "\tplaced\tunread\t" in lines[0] and "주문 번호 4번" in lines[0]
    assert cli(db_url, "notifications", "--json") == 0  # listing does not mark them told
    assert [n["kind"] for n in out_json(capsys)] == ["placed", "missed"]
    assert cli(db_url, "notifications", "--mark-told") == 0
    capsys.readouterr()
    assert cli(db_url, "notifications", "--json") == 0
    assert out_json(capsys) == []
    assert cli(db_url, "notifications", "--all", "--json") == 0
    assert [n["told_at"] is not None for n in out_json(capsys)] == [True, True]


def test_household_reorder_guards(db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(db_url, "household", "settings", "--reorder-price-rise-pct", "10",
               "--reorder-grace-minutes", "60", "--out-of-stock", "substitute") == 0  # fmt: skip
    out = capsys.readouterr().out
    assert "reorder_price_rise_pct\t10" in out and "reorder_grace_minutes\t60" in out
    assert "reorder_out_of_stock\tsubstitute" in out
    assert rows(db_url, "select reorder_price_rise_pct, reorder_grace_minutes, "
                "reorder_out_of_stock from households") == [(10, 60, "substitute")]  # fmt: skip
    assert cli(db_url, "household", "show", "--json") == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["reorder_out_of_stock"] == "substitute"


def test_bad_reorder_guard_changes_nothing(jangbogi: Runner, db_url: str) -> None:
    before = snapshot(db_url)
    result = jangbogi("household", "settings", "--reorder-grace-minutes", "60",
                      "--reorder-price-rise-pct", "-5", "--db", db_url)  # fmt: skip
    assert result.code != 0 and "reorder_price_rise_pct 설정은 0부터 1,000까지만" in result.err
    assert snapshot(db_url) == before
