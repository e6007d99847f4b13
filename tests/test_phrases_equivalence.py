"""Transitional (issue 13): ``Phrases`` / ``ReorderPhrases`` over the catalogs say exactly what
the old reply modules said, in both languages. Delete with ``assistant/replies*.py``.

The only differences are listed below with both sentences: English names products by their
English catalog name (``name_en``) with correct plurals, and Korean picks 로 after ㄹ.
"""

from __future__ import annotations

import ast
import inspect
from collections.abc import Callable, Iterator
from dataclasses import replace
from types import ModuleType
from typing import Any

import pytest

from assistant import replies, replies_en, replies_reorder, replies_reorder_en
from assistant.locales import say_for
from assistant.locales.phrases import Phrases
from assistant.locales.phrases_reorder import ReorderPhrases
from assistant.reorder.service import Skipped
from assistant.shop.advisor import ComingUp
from assistant.shop.service import CartItem, ProductView
from tests import phrases_cases as c

OLD: dict[tuple[str, str], ModuleType] = {
    ("ko", "r"): replies,
    ("en", "r"): replies_en,
    ("ko", "rs"): replies_reorder,
    ("en", "rs"): replies_reorder_en,
}
NEW = {"r": Phrases, "rs": ReorderPhrases}
NOT_CARRIED_OVER = {
    "particle": "the catalogs' PARTICLE()",
    "won": "the catalogs' WON()",
    "NOT_YET": "not-available",
    "DELIVERY_NOUN_KO": "repeat-cancel",
    "DELIVERY_NOUN_EN": "repeat-cancel",
    "KIND_KO": "place-phrase",
    "KIND_EN": "place-phrase",
    "STATE_KO": "status-sentence",
    "STATUS": "status-name",
    "WEEKDAYS_KO": "day-name",
    "WEEKDAY_NAMES": "day-name",
    "WEEKDAY_KO": "day-name",
    "NUMBER_WORDS": "SPELL()",
    "ASK_WHICH": "choose-subscription",
    "NONE_TO": "subscription-verb",
    "VERBS": "subscription-verb",
    "REFUSALS": "note-failed",
}
"""Old public names whose words moved into the catalogs (-> the message or function)."""


def names(module: ModuleType) -> set[str]:
    """The public functions and constants a reply module defines itself."""
    tree = ast.parse(inspect.getsource(module))
    defined = {n.name for n in tree.body if isinstance(n, ast.FunctionDef)}
    for n in tree.body:
        targets = (
            n.targets
            if isinstance(n, ast.Assign)
            else [n.target]
            if isinstance(n, ast.AnnAssign)
            else []
        )
        defined |= {t.id for t in targets if isinstance(t, ast.Name)}
    return {name for name in defined if not name.startswith("_")}


@pytest.mark.parametrize(("lang", "kind"), list(OLD))
def test_every_old_name_has_a_counterpart(lang: str, kind: str) -> None:
    new = NEW[kind](say_for(lang))
    missing = {n for n in names(OLD[lang, kind]) - set(NOT_CARRIED_OVER) if not hasattr(new, n)}
    assert missing == set()


def cart(*products: ProductView) -> list[CartItem]:
    return [CartItem(p, i + 1) for i, p in enumerate(products)]


def cases(named: Callable[[ProductView], ProductView]) -> Iterator[c.Case]:
    """Every old function with representative inputs; ``named`` chooses the product names."""
    milk, eggs, tissue, rice = (named(p) for p in c.PRODUCTS)
    for kind in ("r", "rs"):
        for name in sorted(names(OLD["ko", kind])):
            value = getattr(OLD["ko", kind], name)
            if isinstance(value, str) and name not in NOT_CARRIED_OVER:
                yield name, kind, name, ()
    for qid, q in c.QUOTES.items():
        yield f"price_phrase-{qid}", "r", "price_phrase", (q,)
        notes = " 어른이 승인하면 주문돼요." if "fee" in qid else ""
        for fn in ("confirm_order", "confirm_items", "confirm_usual", "confirm_usual_basket"):
            yield f"{fn}-{qid}", "r", fn, (q, notes)
        if qid != "1line-fee":  # the one-line checkout is a plural in CHANGES
            yield f"confirm_checkout-{qid}", "r", "confirm_checkout", (q, notes)
        for approval in (False, True):
            for place in (None, "망원점", ""):
                yield (
                    f"repeat_order-{qid}-{place}-{approval}",
                    "r",
                    "repeat_order",
                    (q, place, approval),
                )
                yield (
                    f"purchase_notes-{qid}-{place}-{approval}",
                    "r",
                    "purchase_notes",
                    (q, approval, place),
                )
        yield f"confirm_reorder-{qid}", "r", "confirm_reorder", (c.ORDERS["placed"], q, "")
        yield f"running_out-{qid}", "r", "running_out", ([c.MILK_DUE], q, " 메모.")
        items = [c.MILK_DUE, c.EGGS_DUE, c.RICE_DUE]
        yield f"running_out-3-{qid}", "r", "running_out", (items, q)
    for oid, o in c.ORDERS.items():
        for fn in (
            "order_summary",
            "status",
            "confirm_cancel",
            "cancelled",
            "repeat_cancel",
            "waiting_approval",
            "duplicate",
            "cannot_cancel",
            "decided",
        ):
            yield f"{fn}-{oid}", "r", fn, (o,)
        yield f"placed-{oid}", "r", "placed", (o, oid.startswith("placed"))
        yield f"ask_approval-{oid}", "r", "ask_approval", (o, "4lines" in oid)
        yield f"status_sentence-{oid}", "r", "status_sentence", (o, c.NOW, c.TZ)
        yield f"status_sentence-utc-{oid}", "r", "status_sentence", (o, c.NOW, "UTC")
    for options, total in (
        ((milk, eggs), None),
        ((milk, eggs, tissue), 8),
        ((milk, rice), 2),
        ((rice, tissue, eggs, milk), 4),
    ):
        for member in (True, False):
            args = ("우유", options, member, total)
            yield f"choose-{len(options)}-{total}-{member}", "r", "choose", args
            yield f"choose_usual-{len(options)}-{total}-{member}", "r", "choose_usual", args
    yield "choose-phrase-final", "r", "choose", ("달걀", (eggs, milk), True)
    yield "choose_usual-1", "r", "choose_usual", ("쌀", (rice,), True, None)
    for phrase in ("우유", "계란", "1L", "콜라 2", "두부"):
        for fn in ("not_sold", "not_in_cart", "never_bought"):
            yield f"{fn}-{phrase}", "r", fn, (phrase,)
    yield "choose_again", "r", "choose_again", (4,)
    yield "not_a_count", "r", "not_a_count", ("0.5",)
    yield "error", "r", "error", (c.ERROR,)
    for p in (milk, eggs, tissue, rice):
        yield f"added-{p.sku}-3", "r", "added", (CartItem(p, 5), 3, 2)
        for left in (0, 1, 3):
            yield f"removed-{p.sku}-{left}", "r", "removed", (p, left)
        for count in (1, 4):
            yield f"product_info-{p.sku}-{count}", "r", "product_info", (p, count)
        for member in (True, False):
            yield (
                f"offer_for_cart-{p.sku}-{member}",
                "r",
                "offer_for_cart",
                ("우유는 품절이에요.", p, member),
            )
    yield "added-DAI-001-1", "r", "added", (CartItem(milk, 5), 1, 1)
    one_review = replace(eggs, rating_count=1)
    yield "product_info-one-review", "r", "product_info", (one_review, 2)
    for n in (1, 3):
        yield f"cart-{n}", "r", "cart", (cart(milk, eggs, tissue)[:n], c.quote(n))
    for member_pricing, member in ((True, True), (False, True), (False, False), (True, False)):
        yield (
            f"deals-{member_pricing}-{member}",
            "r",
            "deals",
            ((milk, rice), member_pricing, member),
        )
    yield "deals-none", "r", "deals", ((), True)
    yield "deals-default", "r", "deals", ((eggs,), False)
    for intent in ("membership", "set_delivery", "help", "order"):
        yield f"not_available-{intent}", "r", "not_available", (intent,)
    for lines in (
        [("우유", 1, "팩")],
        [(p.name, 2, p.unit) for p in c.PRODUCTS],
        [(p.name, i, p.unit) for i, p in enumerate(c.PRODUCTS * 2)],
    ):
        yield f"lines_phrase-{len(lines)}", "r", "lines_phrase", (lines,)
    yield "item", "r", "item", ("우유", 3, "팩")
    for k in (c.HOME, c.LOCKER, c.STORE):
        for label in (None, "", "망원역 무인 택배함", "망원점"):
            for fn in ("place_phrase", "where_phrase", "delivery_set"):
                yield f"{fn}-{k.value}-{label}", "r", fn, (k, label)
    for rid, r in c.RECEIPTS.items():
        for new in (True, False):
            yield f"receipt_sentence-{rid}-{new}", "r", "receipt_sentence", (r, new)
    for aid, acc in c.ACCOUNTS.items():
        for fn in ("membership_info", "ask_join", "joined"):
            yield f"{fn}-{aid}", "r", fn, (acc,)
    for question in (None, "두부 1모를 담을까요?"):
        yield f"out_of_stock-{question}", "r", "out_of_stock", ("우유는 품절이에요.", question)
    yield "running_out-daily", "r", "running_out", ([c.DAILY_DUE], c.quote(1))
    yield "running_out-daily-2", "r", "running_out", ([c.DAILY_DUE, c.EGGS_DUE], c.quote(2))
    yield "nothing_due-none", "r", "nothing_due", (None,)
    for days in (1, 3):
        coming = ComingUp(milk, days, ("우유", "milk"))
        yield f"nothing_due-{days}", "r", "nothing_due", (coming,)
    for sid, schedule in c.SCHEDULES.items():
        yield f"every-{sid}", "r", "every", (schedule,)
        for quantity in (1, 2, 20, 99, 100, 150):
            offer = c.offer(schedule, quantity)
            yield f"subscribe_phrase-{sid}-{quantity}", "r", "subscribe_phrase", (offer,)
        yield f"subscription_offer-{sid}", "r", "subscription_offer", (c.offer(schedule, 1),)
    yield from reorder_cases(named)


def reorder_cases(named: Callable[[ProductView], ProductView]) -> Iterator[c.Case]:
    milk, eggs = named(c.MILK), named(c.EGGS)
    subs = c.subs(eggs)
    for when in (c.NOW, subs["late-night"].next_run_at, subs["noon"].next_run_at):
        for fn in ("local_date", "local_date_time"):
            yield f"{fn}-{when}", "rs", fn, (when, c.TZ)
    for rec in c.RECURRENCES:
        for member in (True, False):
            req = c.request(eggs, rec, 2 if member else 1)
            yield (
                f"confirm_subscribe-{rec}-{member}",
                "rs",
                "confirm_subscribe",
                (req, c.TZ, member),
            )
            yield (
                f"repeat_subscribe-{rec}-{member}",
                "rs",
                "repeat_subscribe",
                (req, c.TZ, member, "집으로 배송해요"),
            )
    yield (
        "repeat_subscribe-milk-nowhere",
        "rs",
        "repeat_subscribe",
        (c.request(milk, "monday-9"), c.TZ, True, ""),
    )
    for sid, s in subs.items():
        for fn in ("subscribed", "confirm_cancel", "cancelled", "paused", "resumed"):
            yield f"{fn}-{sid}", "rs", fn, (s,)
        yield f"skipped-{sid}", "rs", "skipped", (Skipped(s, c.NOW),)
    many = list(subs.values())
    for count in (0, 1, 2, 5, 12):
        yield f"subscriptions-{count}", "rs", "subscriptions", ((many * 3)[:count],)
    for action in c.ACTIONS:
        yield f"choose_subscription-{action}", "rs", "choose_subscription", (many[:3], action)
        yield f"nothing_to-{action}", "rs", "nothing_to", (action,)
    yield "rs.choose_again", "rs", "choose_again", (3,)
    yield "no_subscription_for", "rs", "no_subscription_for", ("우유",)
    for nid, n in c.NOTES.items():
        yield f"notification-{nid}", "rs", "notification", (n,)
    notes = [
        n
        for k, n in c.NOTES.items()
        if ("en", f"notification-{k}") not in CHANGES and ("ko", f"notification-{k}") not in CHANGES
    ]
    for count in (1, 3, 12):
        yield f"tell-{count}", "rs", "tell", ((notes * 2)[:count],)


def said(lang: str, case: c.Case, new: bool) -> str:
    _, kind, name, args = case
    speaker: Any = NEW[kind](say_for(lang)) if new else OLD[lang, kind]
    value = getattr(speaker, name)
    return str(value(*args) if callable(value) else value)


MILK_EN = "Seoul Milk Fresh Milk"
CHANGES: dict[tuple[str, str], tuple[str, str]] = {
    # English: the catalog's English product names (name_en) ...
    ("en", "choose-2-None-True"): (
        "There are 2 kinds of 우유: 1: 서울우유 흰우유 1L 2,790 won, "
        "2: 풀무원 달걀 30구 8,500 won. Which number?",
        f"There are 2 kinds of 우유: 1: {MILK_EN} 2,790 won, 2: Pulmuone Eggs 8,500 won. "
        "Which number?",
    ),
    ("en", "removed-DAI-001-0"): (
        "Removed 서울우유 흰우유 1L from your cart.",
        f"Removed {MILK_EN} from your cart.",
    ),
    ("en", "deals-True-True"): (
        "Member deals: 서울우유 흰우유 1L 2,980 won → 2,790 won, 철원 오대쌀 10kg 39,900 won → "
        "37,900 won.",
        f"Member deals: {MILK_EN} 2,980 won → 2,790 won, Cheorwon Odae Rice 39,900 won → "
        "37,900 won.",
    ),
    ("en", "cancelled-active"): (
        "The regular delivery of 풀무원 달걀 30구 is cancelled.",
        "The regular delivery of Pulmuone Eggs is cancelled.",
    ),
    # ... and the plurals of what is counted
    ("en", "added-DAI-001-1"): (
        "Added 1 × 서울우유 흰우유 1L to your cart. It has 1 products now.",
        f"Added 1 × {MILK_EN} to your cart. It has 1 product now.",
    ),
    ("en", "confirm_checkout-1line-member"): (
        "1 products in your cart, 2,790 won at the member price. Shall I order?",
        "1 product in your cart, 2,790 won at the member price. Shall I order?",
    ),
    ("en", "product_info-one-review"): (
        "풀무원 달걀 30구: 8,900 won, 8,500 won for members, rated 4.5 by 1 reviews, "
        "out of stock. (1 similar products too)",
        "Pulmuone Eggs: 8,900 won, 8,500 won for members, rated 4.5 by 1 review, "
        "out of stock. (1 similar product too)",
    ),
    ("en", "running_out-daily"): (
        "You bought milk 1 days ago; you usually buy it every 1 days. 1 × 서울우유 흰우유 1L, "
        "2,790 won at the member price. Shall I order?",
        "You bought milk 1 day ago; you usually buy it every day. 1 × 서울우유 흰우유 1L, "
        "2,790 won at the member price. Shall I order?",
    ),
    ("en", "running_out-daily-2"): (
        "These are probably running out: milk (1 days ago, usually every 1 days), eggs "
        "(15 days ago, usually every 14 days). 1 × 서울우유 흰우유 1L, 2 × 풀무원 달걀 30구, "
        "19,790 won at the member price in all. Shall I order?",
        "These are probably running out: milk (1 day ago, usually every day), eggs "
        "(15 days ago, usually every 14 days). 1 × 서울우유 흰우유 1L, 2 × 풀무원 달걀 30구, "
        "19,790 won at the member price in all. Shall I order?",
    ),
    ("en", "nothing_due-1"): (
        "Nothing seems to be running out right now. Next up: milk, in about 1 days.",
        "Nothing seems to be running out right now. Next up: milk, in about 1 day.",
    ),
    ("en", "notification-caught-up-one-missed"): (
        f"I was off, so I ordered your regular {MILK_EN} on Monday, March 9 late (order 14). "
        "1 earlier ones were not ordered.",
        f"I was off, so I ordered your regular {MILK_EN} on Monday, March 9 late (order 14). "
        "1 earlier one was not ordered.",
    ),
    ("en", "notification-missed-once"): (
        f"I was off and missed 1 deliveries of {MILK_EN}.",
        f"I was off and missed 1 delivery of {MILK_EN}.",
    ),
    # Korean: 로 after ㄹ (the old helper said 으로)
    ("ko", "notification-substituted-roll"): (
        "우유가 품절이라 3월 9일 월요일 정기 배송은 크리넥스 키친타월 6롤으로 대신 주문했어요.",
        "우유가 품절이라 3월 9일 월요일 정기 배송은 크리넥스 키친타월 6롤로 대신 주문했어요.",
    ),
}
"""(language, case) -> (the old sentence, the new one): every intended difference."""


@pytest.mark.parametrize("case", list(cases(c.korean_named)), ids=lambda case: case[0])
@pytest.mark.parametrize("lang", ["ko", "en"])
def test_the_same_sentence(lang: str, case: c.Case) -> None:
    if (lang, case[0]) in CHANGES:
        pytest.skip("an intended difference: see CHANGES")
    if (lang, case[2]) == ("en", "error"):
        pytest.skip("English refusals are say.error's (assistant/errors.py, errors.ftl)")
    assert said(lang, case, new=True) == said(lang, case, new=False)


@pytest.mark.parametrize(("lang", "case_id"), list(CHANGES))
def test_an_intended_difference(lang: str, case_id: str) -> None:
    case = next(k for k in cases(lambda p: p) if k[0] == case_id)
    old, new = CHANGES[lang, case_id]
    assert (said(lang, case, new=False), said(lang, case, new=True)) == (old, new)


NAMED_IN_ENGLISH = {
    "r": {
        "choose",
        "choose_usual",
        "added",
        "removed",
        "cart",
        "product_info",
        "deals",
        "offer_for_cart",
    },
    "rs": {
        "confirm_subscribe",
        "repeat_subscribe",
        "subscriptions",
        "choose_subscription",
        "confirm_cancel",
        "cancelled",
        "paused",
        "resumed",
        "skipped",
    },
}
"""The replies that name a product view (which carries ``name_en``): English says that name."""


@pytest.mark.parametrize(
    "case", [k for k in cases(lambda p: p) if k[2] in NAMED_IN_ENGLISH[k[1]]], ids=lambda k: k[0]
)
def test_english_names_a_product_by_its_english_name(case: c.Case) -> None:
    english = said("en", case, new=True)
    korean_names = [p.name for p in c.PRODUCTS if p.name in said("ko", case, new=True)]
    if not korean_names:
        pytest.skip("names no product")
    assert [n for n in korean_names if n in english] == []
    assert any(p.name_en in english for p in c.PRODUCTS)
