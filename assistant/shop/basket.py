"""What a household will probably buy next (pure: no SQL, no clock).

Each product the household bought is scored by how often it appears in the recent
shopping days (recent days weigh more) and by how due it is against its own rhythm
(:mod:`assistant.shop.insights`): a product bought every 7 days scores highest about 7
days after the last purchase, less right after it and less when long overdue. The basket
is the best-scored products, about as many as the household's usual number of products
per shopping day.

``bench/next_basket_eval.py`` measures this on real Instacart histories against two
baselines; the defaults below were chosen there on half of the households (see
``docs/benchmarks.md``). ``jangbogi``'s "늘 사던 걸로 주문해 줘" uses the same function with
``min_count=2`` (only products bought more than once are "the usual").
"""

from __future__ import annotations

import math
import statistics
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from assistant.shop.insights import Purchase, Rhythm, learn


@dataclass(frozen=True)
class BasketSettings:
    """The next-basket predictor's knobs."""

    window: int = 20
    """Only this many most recent shopping days count for the frequency."""
    decay: float = 0.85
    """Weight of a shopping day relative to the one after it (recent days weigh more)."""
    due_weight: float = 0.5
    """How much the rhythm can lower a score (0: frequency only)."""
    due_width: float = 1.0
    """Tolerance around "due" (log-scale width of the bump at one interval)."""
    size_factor: float = 1.2
    """Predict about this many times the household's median products per shopping day."""
    min_score: float = 0.15
    """Products scoring below this are left out even if the basket is not full."""
    min_count: int = 1
    """Only products bought on at least this many days (2: "the usual")."""


DEFAULT_BASKET = BasketSettings()


@dataclass(frozen=True)
class Scored:
    """A product with its next-basket score."""

    product: int
    """Product key."""
    score: float
    """0..1, higher is likelier."""
    rhythm: Rhythm
    """Its rhythm."""


def shopping_days(purchases: Iterable[Purchase]) -> list[tuple[int, frozenset[int]]]:
    """(day, products bought that day), oldest first."""
    by_day: dict[int, set[int]] = defaultdict(set)
    for p in purchases:
        by_day[p.day].add(p.product)
    return [(day, frozenset(by_day[day])) for day in sorted(by_day)]


def dueness(rhythm: Rhythm, today: int, width: float) -> float:
    """1.0 when the product is due today by its rhythm, lower before and after; 1.0 when it
    has no rhythm yet (bought once)."""
    ratio = rhythm.ratio(today)
    if ratio is None:
        return 1.0
    return math.exp(-(math.log(max(ratio, 0.05)) ** 2) / (2 * width * width))


def score_products(
    purchases: Sequence[Purchase], today: int, settings: BasketSettings = DEFAULT_BASKET
) -> list[Scored]:
    """Every product of the recent shopping days with its score, best first."""
    days = shopping_days(purchases)[-settings.window :]
    if not days:
        return []
    weights = [settings.decay ** (len(days) - 1 - i) for i in range(len(days))]
    total = sum(weights)
    frequency: dict[int, float] = defaultdict(float)
    for weight, (_day, products) in zip(weights, days, strict=True):
        for product in products:
            frequency[product] += weight / total
    rhythms = learn(purchases)
    scored = []
    for product, freq in frequency.items():
        rhythm = rhythms[product]
        if rhythm.count < settings.min_count:
            continue
        due = dueness(rhythm, today, settings.due_width)
        score = freq * ((1 - settings.due_weight) + settings.due_weight * due)
        scored.append(Scored(product, score, rhythm))
    return sorted(scored, key=lambda s: (-s.score, -s.rhythm.count, s.product))


def predict_basket(
    purchases: Sequence[Purchase], today: int, settings: BasketSettings = DEFAULT_BASKET
) -> list[Scored]:
    """The products the household will probably buy on ``today``, best first."""
    scored = score_products(purchases, today, settings)
    if not scored:
        return []
    sizes = [len(products) for _day, products in shopping_days(purchases)[-settings.window :]]
    size = max(1, round(settings.size_factor * statistics.median(sizes)))
    kept = [s for s in scored[:size] if s.score >= settings.min_score]
    return kept
