"""Bad input gets a clear reply or error and changes nothing."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import Runner
from tests.test_conversation import orders

Talk = Callable[..., list[str]]


def products_snapshot(db_url: str) -> list[tuple[object, ...]]:
    con = sqlite3.connect(db_url.removeprefix("sqlite:///"))
    try:
        return con.execute("select sku, stock from products order by sku").fetchall()
    finally:
        con.close()


@pytest.mark.parametrize(
    ("utterance", "expected"),
    [
        ("스테이크 소스 말고 외계인 고기 두 개 주문해줘", "상품 목록에 없어요"),
        ("서울우유 흰우유 1L 0개 주문해줘", "1에서 99 사이"),
        ("서울우유 흰우유 1L -3개 주문해줘", "1에서 99 사이"),
        ("서울우유 흰우유 1L 10000개 주문해줘", "1에서 99 사이"),
        ("", "다시 말씀해 주세요"),
        ("   ", "다시 말씀해 주세요"),
        ("우유 " * 200 + "주문해줘", "너무 길어요"),
        ("🥛🥛🥛", "다시 말씀해 주세요"),
        ("牛乳 두 개 주문해 줘", "상품 목록에 없어요"),
        ("오늘 날씨 어때?", "장보기만"),
        ("배달음식 주문하지마", "장보기만"),
    ],
)
def test_bad_utterances_change_nothing(
    talk: Talk, jangbogi: Runner, db_url: str, utterance: str, expected: str
) -> None:
    before = products_snapshot(db_url)
    (reply,) = talk(utterance)
    assert expected in reply
    assert orders(jangbogi, db_url) == []
    assert products_snapshot(db_url) == before


def test_mixed_script_product_name_is_understood(talk: Talk) -> None:
    (reply,) = talk("milk 두 개 주문해 줘")
    assert "서울우유" in reply and "몇 번" in reply


def test_more_than_in_stock_is_refused(talk: Talk, jangbogi: Runner, db_url: str) -> None:
    """Out of stock: said so, the closest in-stock product offered; a yes orders only that."""
    con = sqlite3.connect(db_url.removeprefix("sqlite:///"))
    con.execute("update products set stock = 1 where name_ko like '서울우유 흰우유%'")
    con.commit()
    con.close()
    refusal, yes = talk("서울우유 흰우유 1L 2개 주문해줘", "응")
    assert "1팩만 남았어요" in refusal
    offered = refusal.split(" 대신 ")[1]
    assert not offered.startswith("서울우유 흰우유") and "주문할까요?" in offered
    assert "주문했어요" in yes
    (order,) = orders(jangbogi, db_url)
    (line,) = order["lines"]  # type: ignore[misc]
    assert offered.startswith(line["name"]) and not line["name"].startswith("서울우유 흰우유")


def test_missing_database_is_a_clear_error(tmp_path: Path, jangbogi: Runner) -> None:
    url = f"sqlite:///{tmp_path / 'nope.db'}"
    result = jangbogi("text", "--db", url, stdin="우유 주문해줘\n")
    assert result.code == 3
    assert "데이터베이스가 없어요" in result.err and "demo init" in result.err
    assert "Traceback" not in result.err
    assert not (tmp_path / "nope.db").exists()


def test_not_a_jangbogi_database(tmp_path: Path, jangbogi: Runner) -> None:
    path = tmp_path / "other.db"
    con = sqlite3.connect(path)
    con.execute("create table x (a int)")
    con.close()
    result = jangbogi("orders", "list", "--db", f"sqlite:///{path}")
    assert result.code == 3 and "not a Jangbogi database" in result.err


def test_garbage_database_file(tmp_path: Path, jangbogi: Runner) -> None:
    path = tmp_path / "garbage.db"
    path.write_bytes(b"this is not sqlite" * 100)
    result = jangbogi("orders", "list", "--db", f"sqlite:///{path}")
    assert result.code == 3 and "Traceback" not in result.err
    assert "database" in result.err


def test_bad_database_url(jangbogi: Runner) -> None:
    result = jangbogi("orders", "list", "--db", "nosuchdriver://x/y")
    assert result.code == 1 and "Traceback" not in result.err


@pytest.mark.slow
def test_locked_database_orders_nothing(talk: Talk, jangbogi: Runner, db_url: str) -> None:
    blocker = sqlite3.connect(db_url.removeprefix("sqlite:///"), isolation_level=None)
    blocker.execute("BEGIN EXCLUSIVE")
    try:
        result = jangbogi("text", "--db", db_url, stdin="서울우유 흰우유 1L 1개 주문해줘\n응\n")
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    assert "Traceback" not in result.err
    assert "locked" in (result.out + result.err)
    assert orders(jangbogi, db_url) == []


def test_lock_taken_between_question_and_yes(talk: Talk, jangbogi: Runner, db_url: str) -> None:
    """The lock arrives after the confirmation question: the 'yes' fails cleanly."""
    import subprocess
    import sys

    from tests.conftest import ROOT

    proc = subprocess.Popen(
        [sys.executable, "-m", "assistant.cli", "text", "--db", db_url],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True, cwd=ROOT,
    )  # fmt: skip
    assert proc.stdin is not None and proc.stdout is not None
    proc.stdin.write("서울우유 흰우유 1L 1개 주문해줘\n")
    proc.stdin.flush()
    question = proc.stdout.readline()
    assert "주문할까요?" in question
    blocker = sqlite3.connect(db_url.removeprefix("sqlite:///"), isolation_level=None)
    blocker.execute("BEGIN EXCLUSIVE")
    try:
        proc.stdin.write("응\n")
        proc.stdin.flush()
        answer = proc.stdout.readline()
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    out, err = proc.communicate("주문 상태 알려줘\n", timeout=60)
    assert "다른 기기에서 주문을 처리하고 있어서 쓸 수 없어요" in answer
    assert "아무것도 바뀌지 않았어요" in answer
    assert "Traceback" not in err
    assert "아직 주문하신 게 없어요" in out
    assert orders(jangbogi, db_url) == []
