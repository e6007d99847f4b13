"""Check the natural-request corpus (bench/natural/*.yaml) against its format and the catalog.

    .venv/bin/python bench/natural/check.py [DIR ...]

DIR defaults to bench/natural (the corpus); a held-out set (bench/natural/heldout,
bench/natural/heldout2) is checked the same way except for the corpus's id rule and minimum
counts: its ids only start with the language. Loads each folder's ko.yaml, en.yaml and
negatives.yaml; checks every task's fields (README.md), that ids are unique, that every SKU
a task wants is in assistant/catalog/products.csv and in stock on a fresh demo database, and
that every quantity is a positive int the shop accepts.
Prints the counts per file and kind; exits 1 (listing the problems) if anything is wrong.
"""

from __future__ import annotations

import csv
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
CATALOG = HERE.parent.parent / "assistant" / "catalog" / "products.csv"
FILES = {"ko.yaml": "ko", "en.yaml": "en", "negatives.yaml": None}
MINIMUM = {"ko.yaml": 320, "en.yaml": 130, "negatives.yaml": 110}

KINDS = {
    "plain", "multi", "size", "verbless", "need", "correction", "reference",
    "delivery", "schedule", "receipt", "cart", "history",
}  # fmt: skip
TASK_KEYS = {"id", "kind", "lang", "before", "say", "then", "want"}
WANT_KEYS = {"orders", "cart", "subscriptions", "cancelled", "intent"}
DELIVERIES = {"home", "locker", "store"}
FREQS = {"daily", "weekly", "monthly"}
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
INTENTS = {"receipt", "order_history"}
MAX_QUANTITY = 99
"""The shop's most items of one product in one order line (shop/pricing.py)."""
HANGUL = re.compile(r"[\uac00-\ud7a3]")


def load_catalog() -> dict[str, int]:
    """SKU -> stock of the bundled catalog (what a fresh demo database holds)."""
    with CATALOG.open(encoding="utf-8") as fh:
        return {row["sku"]: int(row["stock"]) for row in csv.DictReader(fh)}


class Checker:
    def __init__(self, stock: dict[str, int], *, corpus: bool = True) -> None:
        self.stock = stock
        self.corpus = corpus
        """The tuned corpus: ids name language and kind, and the files have minimum sizes."""
        self.problems: list[str] = []
        self.ids: set[str] = set()

    def bad(self, where: str, what: str) -> None:
        self.problems.append(f"{where}: {what}")

    def quantity(self, where: str, value: Any, sku: str | None = None) -> None:
        if type(value) is not int or not 1 <= value <= MAX_QUANTITY:
            self.bad(where, f"quantity {value!r} is not an int in 1..{MAX_QUANTITY}")
        elif sku is not None and self.stock.get(sku, 0) > 0 and value > self.stock[sku]:
            self.bad(where, f"{value} x {sku} is more than its stock {self.stock[sku]}")

    def sku(self, where: str, sku: Any) -> None:
        if sku not in self.stock:
            self.bad(where, f"unknown SKU {sku!r}")
        elif self.stock[sku] <= 0:
            self.bad(where, f"{sku} is out of stock on a fresh demo database")

    def lines(self, where: str, lines: Any, *, empty_ok: bool = False) -> None:
        if not isinstance(lines, dict) or (not lines and not empty_ok):
            self.bad(where, f"lines must be a mapping SKU -> quantity, got {lines!r}")
            return
        for sku, qty in lines.items():
            self.sku(where, sku)
            self.quantity(where, qty, sku)

    def want(self, where: str, want: Any, negative: bool) -> None:
        if not isinstance(want, dict):
            self.bad(where, "want must be a mapping")
            return
        if negative:
            if want:
                self.bad(where, "a negative wants {}")
            return
        if not want:
            self.bad(where, "want is empty (only negatives want nothing)")
        for key in set(want) - WANT_KEYS:
            self.bad(where, f"unknown want key {key!r}")
        for n, order in enumerate(want.get("orders") or []):
            at = f"{where} order {n + 1}"
            if not isinstance(order, dict) or set(order) - {"lines", "delivery"}:
                self.bad(at, f"an order is {{lines, delivery?}}, got {order!r}")
                continue
            self.lines(at, order.get("lines"))
            if "delivery" in order and order["delivery"] not in DELIVERIES:
                self.bad(at, f"delivery {order['delivery']!r} not in {sorted(DELIVERIES)}")
        if "orders" in want and not want["orders"]:
            self.bad(where, "orders: [] — leave the key out instead")
        if "cart" in want:
            self.lines(f"{where} cart", want["cart"], empty_ok=True)
        for n, sub in enumerate(want.get("subscriptions") or []):
            self.subscription(f"{where} subscription {n + 1}", sub)
        if "cancelled" in want:
            self.quantity(f"{where} cancelled", want["cancelled"])
        if "intent" in want and want["intent"] not in INTENTS:
            self.bad(where, f"intent {want['intent']!r} not in {sorted(INTENTS)}")

    def subscription(self, where: str, sub: Any) -> None:
        allowed = {"sku", "quantity", "freq", "weekdays", "interval", "day"}
        if not isinstance(sub, dict) or set(sub) - allowed:
            self.bad(where, f"a subscription is {sorted(allowed)}, got {sub!r}")
            return
        self.sku(where, sub.get("sku"))
        self.quantity(where, sub.get("quantity"), sub.get("sku"))
        freq = sub.get("freq")
        if freq not in FREQS:
            self.bad(where, f"freq {freq!r} not in {sorted(FREQS)}")
        days = sub.get("weekdays")
        if days is not None:
            if freq != "weekly" or not days or any(d not in WEEKDAYS for d in days):
                self.bad(where, f"weekdays {days!r} need freq weekly and mon..sun")
            elif list(days) != sorted(days, key=WEEKDAYS.index):
                self.bad(where, f"weekdays {days!r} not in week order")
        interval = sub.get("interval", 1)
        if type(interval) is not int or interval < 1:
            self.bad(where, f"interval {interval!r}")
        day = sub.get("day")
        if day is not None and (freq != "monthly" or type(day) is not int or not 1 <= day <= 31):
            self.bad(where, f"day {day!r} needs freq monthly and 1..31")

    def task(self, name: str, lang: str | None, n: int, task: Any) -> str | None:
        where = f"{name} #{n + 1}"
        if not isinstance(task, dict):
            self.bad(where, "a task is a mapping")
            return None
        tid = task.get("id")
        where = f"{name} {tid}"
        for key in set(task) - TASK_KEYS:
            self.bad(where, f"unknown key {key!r}")
        for key in ("id", "kind", "say", "want"):
            if key not in task:
                self.bad(where, f"missing {key}")
        if not isinstance(tid, str) or tid in self.ids:
            self.bad(where, "id missing or not unique")
        else:
            self.ids.add(tid)
        kind = task.get("kind")
        negative = lang is None
        task_lang = task.get("lang", lang)
        if negative:
            if kind != "negative":
                self.bad(where, "kind must be negative in negatives.yaml")
            if task_lang not in ("ko", "en"):
                self.bad(where, "a negative needs lang: ko or en")
        else:
            if kind not in KINDS:
                self.bad(where, f"kind {kind!r} not in {sorted(KINDS)}")
            prefix = f"{lang}-{kind}-" if self.corpus else f"{lang}-"
            if isinstance(tid, str) and not tid.startswith(prefix):
                self.bad(where, f"id should start with {prefix}")
        lines = [task.get("say")]
        for key in ("before", "then"):
            value = task.get(key, [])
            if not isinstance(value, list) or not all(isinstance(s, str) and s for s in value):
                self.bad(where, f"{key} must be a list of sentences")
            elif key == "then":
                lines += value
        if not isinstance(task.get("say"), str) or not task.get("say"):
            self.bad(where, "say must be a sentence")
        elif task_lang in ("ko", "en"):
            for line in lines:
                if isinstance(line, str) and bool(HANGUL.search(line)) != (task_lang == "ko"):
                    self.bad(where, f"{line!r} is not {task_lang}")
        self.want(where, task.get("want"), negative)
        return f"{task_lang}/{kind}"


def check(folder: Path) -> list[str]:
    """Check one task folder; print its counts and return its problems."""
    corpus = folder.resolve() == HERE
    checker = Checker(load_catalog(), corpus=corpus)
    counts: Counter[str] = Counter()
    print(f"{folder}:")
    for name, lang in FILES.items():
        tasks = yaml.safe_load((folder / name).read_text(encoding="utf-8")) or []
        if not isinstance(tasks, list):
            checker.bad(name, "the file must be a list of tasks")
            continue
        if corpus and len(tasks) < MINIMUM[name]:
            checker.bad(name, f"{len(tasks)} tasks, want at least {MINIMUM[name]}")
        said: Counter[tuple[str, ...]] = Counter()
        for n, task in enumerate(tasks):
            key = checker.task(name, lang, n, task)
            if key is not None:
                counts[key] += 1
                said[(*task.get("before", []), task.get("say", ""), *task.get("then", []))] += 1
        for words, times in said.items():
            if times > 1:
                checker.bad(name, f"{words!r} appears {times} times")
        print(f"{name}: {len(tasks)} tasks")
    for key in sorted(counts):
        print(f"  {key:20} {counts[key]:4}")
    return checker.problems


def main(argv: list[str]) -> int:
    problems = []
    for folder in [Path(a) for a in argv] or [HERE]:
        problems += [f"{folder}: {p}" for p in check(folder)]
    for problem in problems:
        print("PROBLEM", problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
