"""``jangbogi text --json``: one structured turn per line, read by programs through pipes."""

from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import threading
import typing
from datetime import UTC, datetime
from typing import Any

from assistant.dialog import pending as pending_module
from assistant.dialog.pending import PendingCancel, PendingJoin, PendingSubscribe
from assistant.dialog.turn import WAITING_FOR, Turn, turn_state
from assistant.reorder.conversation import SubscribeRequest
from assistant.reorder.recurrence import Recurrence
from assistant.shop.orders import LineView, OrderView
from assistant.shop.service import ProductView
from assistant.store.models import Channel, DeliveryKind, OrderStatus
from tests.conftest import ROOT, run_jangbogi

KEYS = ["reply", "lang", "intent", "end", "waiting_for", "options", "basket", "item"]
SOON = datetime(2030, 1, 1, tzinfo=UTC)
MILK = ProductView(1, "DAI-001", "서울우유 흰우유 1L", "Seoul Milk Fresh Milk", "서울우유", "팩",
                   2980, 2790, 48, 5231, 320, "1L")  # fmt: skip


def turns(url: str, *lines: str) -> list[dict[str, Any]]:
    result = run_jangbogi("text", "--json", "--db", url, stdin="".join(f"{s}\n" for s in lines))
    assert result.code == 0, result.err
    assert "Traceback" not in result.err
    return [json.loads(line) for line in result.lines]


def test_every_open_question_type_says_what_it_waits_for() -> None:
    kinds = set(typing.get_args(pending_module.Pending))
    assert kinds == set(WAITING_FOR), "a Pending type without a row in dialog/turn.py"


def test_nothing_pending_is_a_null_turn() -> None:
    assert turn_state(None) == (None, (), None, None)
    turn = Turn("안녕하세요", "ko", "none", False)
    assert list(turn.to_json()) == KEYS
    assert turn.to_json()["basket"] is None


def test_a_cancellation_shows_the_order_and_a_subscription_its_line() -> None:
    line = LineView(product_id=1, sku="DAI-001", name="서울우유 흰우유 1L",
                    name_en="Seoul Milk Fresh Milk", unit="팩", quantity=2, unit_price=2790,
                    line_total=5580)  # fmt: skip
    order = OrderView(7, OrderStatus.PLACED, Channel.TEXT, "demo", DeliveryKind.LOCKER, SOON,
                      (line,), 5580, 380, 0, 5580, "4242")  # fmt: skip
    waiting, options, basket, item = turn_state(
        PendingCancel(order, expires_at=SOON), lambda ids: {1: "1L"}
    )
    assert (waiting, options, item) == ("cancel", (), None)
    assert basket is not None and basket.delivery == "locker" and basket.total == 5580
    assert [(ln.sku, ln.quantity, ln.size) for ln in basket.lines] == [("DAI-001", 2, "1L")]
    rec = Recurrence(freq="weekly", anchor=SOON.date(), weekdays=("tue",))
    req = SubscribeRequest("t", MILK, 3, rec, SOON, 2790, SOON, False)
    waiting, _, basket, _ = turn_state(PendingSubscribe(req, expires_at=SOON))
    assert waiting == "subscription" and basket is not None
    assert basket.to_json()["lines"][0]["quantity"] == 3 and basket.total == 3 * 2790
    assert turn_state(PendingJoin(expires_at=SOON))[0] == "join"


def test_a_choice_then_an_order_question_then_nothing(db_url: str) -> None:
    choice, order, done = turns(db_url, "우유 두 개 주문해 줘", "1", "응")
    for turn in (choice, order, done):
        assert list(turn) == KEYS
    assert choice["waiting_for"] == "choice" and choice["intent"] == "order"
    assert choice["lang"] == "ko" and choice["basket"] is None
    first = choice["options"][0]
    assert first["number"] == 1 and first["sku"].startswith("DAI-")
    assert set(first) == {"number", "sku", "name", "name_en", "size", "price"}
    assert order["waiting_for"] == "order"
    basket = order["basket"]
    assert [(ln["sku"], ln["quantity"]) for ln in basket["lines"]] == [(first["sku"], 2)]
    assert basket["lines"][0]["size"] == first["size"] and basket["delivery"] == "home"
    assert basket["total"] > 0 and str(f"{basket['total']:,}") in order["reply"]
    assert done["waiting_for"] is None and done["basket"] is None and not done["end"]


def test_english_turns_say_en(db_url: str) -> None:
    (turn, stop) = turns(db_url, "order two milks", "stop")
    assert turn["lang"] == "en" and turn["waiting_for"] == "choice"
    assert stop["end"] is True


def test_a_pin_turn_never_echoes_the_pin(db_url: str) -> None:
    assert run_jangbogi("household", "pin", "set", "--db", db_url, stdin="9753\n").code == 0
    said = turns(db_url, "라면 한 개 주문해 줘", "1", "응", "9753")
    assert [t["waiting_for"] for t in said] == ["choice", "order", "pin", None]
    assert said[3]["intent"] == "none"
    assert all("9753" not in json.dumps(t, ensure_ascii=False) for t in said)


def test_a_program_gets_each_reply_before_it_writes_the_next_line(db_url: str) -> None:
    proc = subprocess.Popen(
        [sys.executable, "-m", "assistant.cli", "text", "--json", "--db", db_url],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        bufsize=1, cwd=ROOT, env=dict(os.environ),
    )  # fmt: skip
    lines: queue.Queue[str] = queue.Queue()
    assert proc.stdin is not None and proc.stdout is not None
    out = proc.stdout
    threading.Thread(target=lambda: [lines.put(s) for s in out], daemon=True).start()
    try:
        proc.stdin.write("우유 두 개 주문해 줘\n")
        proc.stdin.flush()
        first = json.loads(lines.get(timeout=60))  # the pipe is still open: no EOF yet
        assert first["waiting_for"] == "choice"
        proc.stdin.write(first["options"][0]["name"] + "\n")
        proc.stdin.flush()
        second = json.loads(lines.get(timeout=30))
        assert second["waiting_for"] == "order"
        assert second["basket"]["lines"][0]["sku"] == first["options"][0]["sku"]
    finally:
        proc.stdin.close()
        proc.wait(timeout=30)
    assert proc.returncode == 0


def test_plain_text_is_unchanged_without_json(db_url: str) -> None:
    result = run_jangbogi("text", "--db", db_url, stdin="오늘 날씨 어때\n")
    assert result.lines == [
        "죄송해요, 저는 장보기만 도와드릴 수 있어요. 예: '우유 두 개 주문해 줘'."
    ]


def test_a_choice_inside_a_request_of_several_items_says_which_item() -> None:
    from datetime import UTC, datetime

    from assistant.dialog import turn
    from assistant.dialog.pending import Basket, PendingChoice
    from assistant.nlu.schema import Item

    eggs = Item("계란", 1)
    at = datetime(2026, 3, 2, tzinfo=UTC)

    def choice(basket: Basket | None, phrase: str = "") -> PendingChoice:
        return PendingChoice((), 1, lambda p, q, now: "", phrase=phrase, basket=basket,
                             expires_at=at)  # fmt: skip

    several = choice(Basket(current=eggs, of=2))  # index 2 of 2: nothing after it
    assert turn._item(several) == turn.Item(2, 2, "계란")
    assert turn._item(choice(Basket(current=eggs, of=1), "계란")) is None
    assert turn._item(choice(None)) is None


def test_a_sold_out_product_is_no_choice_but_its_own_name_gets_a_substitute(db_url: str) -> None:
    # 삼겹살: 한돈농장 (MEA-006, in stock) and 도드람 (MEA-009, sold out on the demo catalog)
    first, _, named = turns(
        db_url, "삼겹살 두 팩 주문해 줘", "아니", "도드람 삼겹살 한 팩 주문해 줘"
    )
    assert first["waiting_for"] == "order" and first["options"] == []
    assert [(li["sku"], li["quantity"]) for li in first["basket"]["lines"]] == [("MEA-006", 2)]
    assert named["waiting_for"] == "order" and "품절" in named["reply"]
    assert [(li["sku"], li["quantity"]) for li in named["basket"]["lines"]] == [("MEA-006", 1)]
