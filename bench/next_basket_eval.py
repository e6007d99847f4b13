"""Next-basket prediction on real purchase histories (Instacart), against two baselines.

    .venv/bin/python bench/next_basket_eval.py [--data DIR] [--grid] [--json FILE]

For each household of ``../shared/data/instacart/order_history_sample.csv`` the last order
is hidden; from the earlier ones each method predicts which products it contains:

- ``jangbogi``: :func:`assistant.shop.basket.predict_basket`, the code the assistant runs
  ("늘 사던 걸로 주문해 줘"), on the same :class:`~assistant.shop.insights.Purchase` values;
- baseline 1: every product the household ever reordered (bought in two or more orders);
- baseline 2: the products of its previous order.

Instacart gives ``days_since_prior_order`` instead of dates (capped at 30 by Instacart): a
household's day index is the running sum, its first order on day 0; the hidden order's day
is "today" (the day the household shops is known when it asks). Scores are precision,
recall and F1 per household, averaged over households. The predictor's settings were
chosen on the households with an even ``user_id`` (``--grid`` repeats that search); the
figures to quote are those of the odd ones, which the choice never saw.

The Instacart data is for evaluation only (non-commercial terms): it is read from
``../shared/data`` and never copied into the project.
"""

from __future__ import annotations

import argparse
import csv
import itertools
import json
import statistics
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.shop.basket import DEFAULT_BASKET, BasketSettings, predict_basket  # noqa: E402
from assistant.shop.insights import Purchase  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "instacart"
HISTORY = "order_history_sample.csv"


@dataclass(frozen=True)
class Household:
    """One household's history split into what the methods see and what they must guess."""

    user_id: int
    orders: tuple[tuple[int, frozenset[int]], ...]
    """(day, products) of every order but the last, oldest first."""
    today: int
    """Day of the hidden last order."""
    hidden: frozenset[int]
    """Products of the hidden last order."""

    def purchases(self) -> list[Purchase]:
        return [Purchase(p, day) for day, products in self.orders for p in products]


Predictor = Callable[[Household], set[int]]


def load(path: Path) -> list[Household]:
    """Households with at least two orders, from the Instacart order history file."""
    orders: dict[int, dict[int, tuple[int, set[int]]]] = defaultdict(dict)
    with path.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            gap_text = row["days_since_prior_order"]
            gap = round(float(gap_text)) if gap_text else 0
            entry = orders[int(row["user_id"])].setdefault(int(row["order_number"]), (gap, set()))
            entry[1].add(int(row["product_id"]))
    households = []
    for user_id, numbered in sorted(orders.items()):
        day, seq = 0, []
        for i, number in enumerate(sorted(numbered)):
            gap, products = numbered[number]
            day += gap if i else 0
            seq.append((day, frozenset(products)))
        if len(seq) >= 2:
            households.append(Household(user_id, tuple(seq[:-1]), seq[-1][0], seq[-1][1]))
    return households


def baseline_reordered(h: Household) -> set[int]:
    counts: dict[int, int] = defaultdict(int)
    for _day, products in h.orders:
        for p in products:
            counts[p] += 1
    return {p for p, n in counts.items() if n >= 2}


def baseline_previous(h: Household) -> set[int]:
    return set(h.orders[-1][1])


def model(settings: BasketSettings) -> Predictor:
    def predict(h: Household) -> set[int]:
        return {s.product for s in predict_basket(h.purchases(), h.today, settings)}

    return predict


@dataclass(frozen=True)
class Score:
    precision: float
    recall: float
    f1: float
    households: int
    mean_predicted: float
    ms_per_household: float


def prf(predicted: set[int], actual: frozenset[int]) -> tuple[float, float, float]:
    hits = len(predicted & actual)
    p = hits / len(predicted) if predicted else 0.0
    r = hits / len(actual) if actual else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def evaluate(predict: Predictor, households: Sequence[Household]) -> Score:
    ps, rs, fs, sizes, times = [], [], [], [], []
    for h in households:
        start = time.perf_counter()
        predicted = predict(h)
        times.append(time.perf_counter() - start)
        p, r, f = prf(predicted, h.hidden)
        ps.append(p)
        rs.append(r)
        fs.append(f)
        sizes.append(len(predicted))
    return Score(
        statistics.mean(ps), statistics.mean(rs), statistics.mean(fs), len(households),
        statistics.mean(sizes), statistics.median(times) * 1000,
    )  # fmt: skip


GRID: dict[str, tuple[float, ...]] = {
    "window": (10, 20, 50),
    "decay": (0.8, 0.85, 0.9),
    "due_weight": (0.0, 0.3, 0.5),
    "size_factor": (1.0, 1.2, 1.4),
    "min_score": (0.0, 0.15),
}


def grid_search(households: Sequence[Household]) -> tuple[BasketSettings, Score]:
    """The settings with the best mean F1 on ``households`` (a small grid around the defaults)."""
    best: tuple[BasketSettings, Score] | None = None
    for window, decay, due_weight, size_factor, min_score in itertools.product(*GRID.values()):
        values = (window, decay, due_weight, size_factor, min_score)
        settings = replace(
            DEFAULT_BASKET, window=int(window), decay=decay, due_weight=due_weight,
            size_factor=size_factor, min_score=min_score,
        )  # fmt: skip
        score = evaluate(model(settings), households)
        if best is None or score.f1 > best[1].f1:
            best = (settings, score)
            print(f"  grid: {values} F1 {score.f1:.4f}", file=sys.stderr, flush=True)
    assert best is not None  # the grid is not empty
    return best


def ceiling(households: Sequence[Household]) -> float:
    """Mean share of the hidden order's products bought before: the most any method that only
    predicts known products can recall."""
    shares = []
    for h in households:
        seen = {p for _day, products in h.orders for p in products}
        shares.append(len(h.hidden & seen) / len(h.hidden))
    return statistics.mean(shares)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=DATA, help="the instacart folder")
    ap.add_argument("--grid", action="store_true", help="redo the search on the tuning half")
    ap.add_argument("--json", type=Path, metavar="FILE", help="also write the figures here")
    args = ap.parse_args(argv)
    path = args.data / HISTORY
    if not path.is_file():
        print(
            f"next_basket_eval: Instacart data missing: {path} not found. This benchmark reads "
            "the real purchase histories from ../shared/data/instacart/ (see "
            "../shared/data/README.md); nothing was measured.",
            file=sys.stderr,
        )
        return 2
    start = time.perf_counter()
    households = load(path)
    tune = [h for h in households if h.user_id % 2 == 0]
    test = [h for h in households if h.user_id % 2 == 1]
    settings = DEFAULT_BASKET
    if args.grid:
        settings, _ = grid_search(tune)
        print(f"chosen on the tuning half: {settings}", file=sys.stderr)
    methods: dict[str, Predictor] = {
        "jangbogi (predict_basket)": model(settings),
        "baseline 1: every product ever reordered": baseline_reordered,
        "baseline 2: the previous order": baseline_previous,
    }
    results: dict[str, dict[str, Score]] = {}
    for name, predict in methods.items():
        results[name] = {
            "test (odd user_id)": evaluate(predict, test),
            "tuning (even user_id)": evaluate(predict, tune),
            "all": evaluate(predict, households),
        }
    lines = sum(len(products) for h in households for _d, products in h.orders)
    print(f"{len(households)} households, {lines + sum(len(h.hidden) for h in households)} "
          f"order lines; settings {settings}")  # fmt: skip
    print(f"recall ceiling (hidden products bought before): {ceiling(test):.3f} test, "
          f"{ceiling(households):.3f} all")  # fmt: skip
    print("| method | households | precision | recall | F1 | products predicted | ms/household |")
    print("| --- | --- | ---: | ---: | ---: | ---: | ---: |")
    for name, by_split in results.items():
        for split, s in by_split.items():
            print(
                f"| {name} | {split} ({s.households}) | {s.precision:.3f} | {s.recall:.3f} "
                f"| **{s.f1:.3f}** | {s.mean_predicted:.1f} | {s.ms_per_household:.2f} |"
            )
    print(f"total {time.perf_counter() - start:.1f} s")
    if args.json:
        out = {
            "settings": asdict(settings),
            "results": {n: {k: asdict(v) for k, v in d.items()} for n, d in results.items()},
        }
        args.json.write_text(json.dumps(out, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
