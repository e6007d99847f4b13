"""The light read commands as a newcomer runs them on a fresh demo database: they import no
heavy library (the import budget), an empty list says so, and every time is the household's
(the same date in ``orders list`` as on the receipt; JSON with the household's offset)."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from assistant.cli import main
from assistant.locales import LANGUAGES, Msg, say_for
from assistant.shop.purchase import place_for_member
from assistant.store import db
from assistant.store.models import Channel, Member, Product
from tests.conftest import ROOT, Runner, run_jangbogi
from tests.reorder_helpers import subscribe
from tests.shop_helpers import factory
from tests.subscription_helpers import notify

HEAVY = (
    "sqlalchemy", "alembic", "spacy", "kiwipiepy", "vosk", "numpy", "sounddevice", "pyttsx3",
    "rapidfuzz", "starlette", "uvicorn", "apscheduler",
)  # fmt: skip
"""Libraries a light command must not import (each takes from 0.05 to several seconds)."""
LIGHT = [
    ["--help"],
    ["orders", "list"],
    ["orders", "list", "--json"],
    ["receipt", "1"],
    ["receipt", "1", "--json"],
    ["approvals", "list"],
    ["approvals", "list", "--json"],
    ["subscriptions", "list"],
    ["subscriptions", "list", "--all", "--json"],
    ["notifications"],
    ["notifications", "--all", "--json"],
    ["household", "show"],
    ["household", "show", "--json"],
]
PLACED = datetime(2026, 3, 2, 15, 30, tzinfo=UTC)
"""00:30 on 3 March in Seoul, still 2 March in UTC."""


def sentences(msg: Msg, **args: str) -> set[str]:
    """What the catalogs say for ``msg``, in every language."""
    return {say_for(lang)(msg, **args) for lang in LANGUAGES}


@pytest.fixture(scope="module")
def shop(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A demo database with one order of two lines placed just after midnight in Seoul, a
    child's order waiting, and a subscription."""
    url = f"sqlite:///{tmp_path_factory.mktemp('light') / 'shop.db'}"
    assert main(["demo", "init", "--db", url]) == 0
    assert main(["member", "add", "민지", "--role", "child", "--db", url]) == 0
    with db.transaction(factory(url)) as s:
        ids = {p.sku: p.id for p in s.scalars(select(Product))}
        who = {m.name: m for m in s.scalars(select(Member))}
        for n, (name, wanted) in enumerate(
            (("demo", [("DAI-001", 2), ("EGG-001", 1)]), ("민지", [("EGG-001", 1)]))
        ):
            place_for_member(s, who[name], [(ids[sku], q) for sku, q in wanted],
                             channel=Channel.AUTO, idempotency_key=f"t{n}", now=PLACED)  # fmt: skip
    subscribe(factory(url), sku="EGG-001")
    missed = {
        "product": "풀무원 무항생제 특란 30구",
        "product_en": "Eggs",
        "count": 1,
        "period": "2026-03-02T00:00:00+00:00",
        "last_period": "2026-03-02T00:00:00+00:00",
    }
    notify(url, "missed", missed, PLACED)
    return url


@pytest.mark.parametrize("command", LIGHT, ids=" ".join)
def test_a_light_command_imports_no_heavy_library(shop: str, command: list[str]) -> None:
    args = command if command == ["--help"] else [*command, "--db", shop]
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "assistant.cli", *args],
        capture_output=True, text=True, cwd=ROOT, timeout=120, check=False,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr[-2000:]
    imported = [
        line.rsplit("|", 1)[1].strip()
        for line in proc.stderr.splitlines()
        if line.startswith("import time:") and "|" in line
    ]
    assert len(imported) > 50, "no -X importtime lines: the check would see nothing"
    heavy = sorted({m for m in imported if m.split(".")[0] in HEAVY})
    assert heavy == [], f"`jangbogi {' '.join(command)}` imported {', '.join(heavy)}"


def test_empty_lists_say_so_and_json_prints_nothing(jangbogi: Runner, db_url: str) -> None:
    empty = [
        (["orders", "list"], sentences(Msg.CLI_NO_ORDERS)),
        (["approvals", "list"], sentences(Msg.CLI_NO_APPROVALS)),
        (["subscriptions", "list"], sentences(Msg.CLI_NO_SUBSCRIPTIONS)),
        (["subscriptions", "list", "--all"], sentences(Msg.CLI_NO_SUBSCRIPTIONS)),
        (["notifications"], sentences(Msg.CLI_NO_NOTIFICATIONS, which="unread")),
        (["notifications", "--all"], sentences(Msg.CLI_NO_NOTIFICATIONS, which="all")),
    ]
    for command, said in empty:
        result = jangbogi(*command, "--db", db_url)
        assert result.code == 0, result.err
        assert result.lines and result.lines[0] in said, (command, result.out)
        listed = jangbogi(*command, "--json", "--db", db_url)
        assert listed.code == 0 and listed.out == "", (command, listed.out)
    assert "정기 배송이 없어요." in sentences(Msg.CLI_NO_SUBSCRIPTIONS)
    assert "No subscriptions." in sentences(Msg.CLI_NO_SUBSCRIPTIONS)


def test_an_order_shows_the_same_local_time_in_the_list_and_on_the_receipt(shop: str) -> None:
    listed = run_jangbogi("orders", "list", "--db", shop)
    assert listed.code == 0, listed.err
    first = listed.lines[0].split("\t")
    assert first[0] == "#1" and first[1] == "2026-03-03 00:30 KST", listed.out
    assert "Z" not in first[1] and first[-1].split()[0] in sentences(Msg.CLI_TOTAL)
    assert len([line for line in listed.lines if line.startswith("\t")]) == 3  # 2 + 1 lines
    receipt = run_jangbogi("receipt", "1", "--db", shop)
    assert receipt.code == 0 and "2026-03-03 00:30" in receipt.lines[1], receipt.out
    as_json = [json.loads(line) for line in run_jangbogi("orders", "list", "--json",
                                                         "--db", shop).lines]  # fmt: skip
    assert [o["placed_at"][:16] for o in as_json] == ["2026-03-03T00:30"] * 2
    assert all(o["placed_at"].endswith("+09:00") for o in as_json)
    on_receipt = json.loads(run_jangbogi("receipt", "1", "--json", "--db", shop).out)
    assert on_receipt["placed_at"].startswith("2026-03-03T00:30")
    assert on_receipt["placed_at"].endswith("+09:00") and on_receipt["total"] == as_json[0]["total"]


def test_a_child_order_waits_in_local_time(shop: str) -> None:
    listed = run_jangbogi("approvals", "list", "--db", shop)
    assert listed.code == 0 and len(listed.lines) == 1, listed.out
    assert listed.lines[0].split("\t")[:3] == ["#2", "민지", "2026-03-03 00:30 KST"]
    (waiting,) = [json.loads(line) for line in
                  run_jangbogi("approvals", "list", "--json", "--db", shop).lines]  # fmt: skip
    assert waiting["status"] == "pending_approval" and waiting["placed_at"].endswith("+09:00")


def test_subscriptions_notifications_and_household_in_local_time(shop: str) -> None:
    (sub,) = [json.loads(line) for line in
              run_jangbogi("subscriptions", "list", "--json", "--db", shop).lines]  # fmt: skip
    assert sub["sku"] == "EGG-001" and sub["next_run_at"].endswith("+09:00")
    assert sub["next_run_at"].startswith("2026-11-30T09:00")  # Monday 09:00 in Seoul
    text = run_jangbogi("subscriptions", "list", "--db", shop)
    assert text.code == 0 and text.lines[0].startswith("1\tactive\tEGG-001")
    (note,) = [json.loads(line) for line in
               run_jangbogi("notifications", "--json", "--db", shop).lines]  # fmt: skip
    assert note["kind"] == "missed" and note["created_at"].startswith("2026-03-03T00:30")
    assert note["created_at"].endswith("+09:00") and note["told_at"] is None
    told = run_jangbogi("notifications", "--db", shop)
    assert told.code == 0 and told.lines[0].startswith("1\t") and "unread" in told.lines[0]
    shown = run_jangbogi("household", "show", "--db", shop)
    assert shown.code == 0 and "members\tdemo (owner), 민지 (child)" in shown.lines
    data = json.loads(run_jangbogi("household", "show", "--json", "--db", shop).out)
    assert data["timezone"] == "Asia/Seoul" and data["cards"] == ["VISA ****4242 (default)"]


def test_missing_database_is_refused_by_the_light_commands(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'nope.db'}"
    engine_says = run_jangbogi("orders", "advance", "--all", "--db", url)  # the SQLAlchemy path
    assert engine_says.code == 3 and str(tmp_path / "nope.db") in engine_says.err
    for command in LIGHT[1:]:
        result = run_jangbogi(*command, "--db", url)
        assert (result.code, result.err) == (3, engine_says.err), command
        assert "Traceback" not in result.err
    assert not (tmp_path / "nope.db").exists()
