"""A household's buying rhythm, learned from its purchase history (pure: no SQL, no clock).

Input is a list of :class:`Purchase` values (product, day index, quantity) and a ``today``
day index; the same code runs on the orders in the database (day = the household's local
date as an ordinal) and on the Instacart histories of ``bench/next_basket_eval.py`` (day =
days since the household's first order).

- :func:`learn` gives each product's :class:`Rhythm`: how often it was bought, the typical
  interval (median of the recent intervals, so one holiday gap does not move it), the
  spread of those intervals, the usual quantity, the last purchase, the predicted next
  purchase and a confidence.
- :func:`due` lists the products that are probably running out ("우유 사신 지 8일 됐어요").
- :func:`usual` / :func:`usual_first` pick the household's usual product among several
  that match a common noun (우유 -> the milk this household keeps buying).
- :func:`steady` says whether a rhythm is regular enough to suggest a subscription.
"""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Purchase:
    """One product bought on one day."""

    product: int
    """Product key (database id, or Instacart product id)."""
    day: int
    """Day index: any integer day count (a date's ordinal, or days since the first order)."""
    quantity: int = 1
    """Items bought."""


@dataclass(frozen=True)
class InsightSettings:
    """How rhythms are learned and when something counts as running out."""

    recent_intervals: int = 6
    """The typical interval is the median of at most this many most recent intervals."""
    due_ratio: float = 0.85
    """A product is due once this share of its typical interval has passed."""
    stale_ratio: float = 3.0
    """Past this many intervals without a purchase the household has probably stopped."""
    min_confidence: float = 0.3
    """Rhythms below this confidence are never suggested."""
    usual_window: int = 6
    """"The usual" is the most frequent product among this many most recent purchases."""


@dataclass(frozen=True)
class SubscribePolicy:
    """When a rhythm is steady enough to offer a subscription."""

    min_purchases: int = 4
    """At least this many purchases (on different days)."""
    max_spread: float = 0.2
    """At most this relative spread of the recent intervals (0 = perfectly regular)."""
    min_interval: float = 1.0
    """Shortest typical interval in days worth subscribing to."""
    max_interval: float = 62.0
    """Longest typical interval in days worth subscribing to."""


DEFAULT_SETTINGS = InsightSettings()
DEFAULT_POLICY = SubscribePolicy()


@dataclass(frozen=True)
class Rhythm:
    """How one household buys one product."""

    product: int
    """Product key."""
    count: int
    """Purchases (days on which it was bought)."""
    first_day: int
    """Day of the first purchase."""
    last_day: int
    """Day of the latest purchase."""
    interval: float | None
    """Typical days between purchases (median of the recent intervals); None if bought once."""
    spread: float | None
    """Median absolute deviation of the recent intervals divided by ``interval``."""
    quantity: int
    """Usual quantity per purchase (median of the recent purchases)."""
    confidence: float
    """0..1: how much to trust ``next_day`` (more intervals and less spread: higher)."""

    @property
    def next_day(self) -> float | None:
        """Predicted day of the next purchase; None without an interval."""
        return None if self.interval is None else self.last_day + self.interval

    def days_since(self, today: int) -> int:
        return today - self.last_day

    def ratio(self, today: int) -> float | None:
        """Days since the last purchase in units of the typical interval (1.0 = due today)."""
        if self.interval is None:
            return None
        return self.days_since(today) / max(self.interval, 1.0)


@dataclass(frozen=True)
class Due:
    """A product that is probably running out."""

    rhythm: Rhythm
    """Its rhythm."""
    days_since: int
    """Days since it was last bought."""
    interval: int
    """Its typical interval in whole days (for saying it)."""
    ratio: float
    """``days_since`` / interval."""


def estimate_interval(
    days: Iterable[int], recent: int = DEFAULT_SETTINGS.recent_intervals
) -> tuple[float | None, float | None]:
    """(typical interval, relative spread) of purchases on ``days``; (None, None) if fewer
    than two distinct days. Robust to a one-off gap: the median of the recent intervals."""
    distinct = sorted(set(days))
    gaps = [b - a for a, b in pairwise(distinct)][-max(recent, 1) :]
    if not gaps:
        return None, None
    middle = float(statistics.median(gaps))
    deviation = float(statistics.median(abs(g - middle) for g in gaps))
    return middle, deviation / max(middle, 1.0)


def confidence(intervals: int, spread: float | None) -> float:
    """More intervals and less spread: more confidence; never 1 (people change)."""
    if intervals <= 0 or spread is None:
        return 0.0
    return round(intervals / (intervals + 2) * max(0.0, 1.0 - spread), 3)


def rhythm_of(
    product: int, purchases: Iterable[Purchase], settings: InsightSettings = DEFAULT_SETTINGS
) -> Rhythm:
    """The rhythm of one product from its purchases (other products are ignored)."""
    per_day: dict[int, int] = defaultdict(int)
    for p in purchases:
        if p.product == product:
            per_day[p.day] += p.quantity
    if not per_day:
        raise ValueError(f"no purchases of product {product}")
    days = sorted(per_day)
    interval, spread = estimate_interval(days, settings.recent_intervals)
    recent = [per_day[d] for d in days[-settings.recent_intervals :]]
    quantity = max(1, round(statistics.median(recent)))
    return Rhythm(
        product=product,
        count=len(days),
        first_day=days[0],
        last_day=days[-1],
        interval=interval,
        spread=spread,
        quantity=quantity,
        confidence=confidence(len(days) - 1, spread),
    )


def learn(
    purchases: Iterable[Purchase], settings: InsightSettings = DEFAULT_SETTINGS
) -> dict[int, Rhythm]:
    """Every product's rhythm, keyed by product."""
    by_product: dict[int, list[Purchase]] = defaultdict(list)
    for p in purchases:
        by_product[p.product].append(p)
    return {key: rhythm_of(key, ps, settings) for key, ps in by_product.items()}


def due(
    rhythms: Iterable[Rhythm], today: int, settings: InsightSettings = DEFAULT_SETTINGS
) -> list[Due]:
    """Products probably running out today (:func:`is_due`), the most overdue relative to
    its own rhythm first."""
    found = [
        Due(r, r.days_since(today), max(1, round(r.interval or 1)), r.ratio(today) or 0.0)
        for r in rhythms
        if is_due(r, today, settings)
    ]
    return sorted(found, key=lambda d: (-d.ratio, -d.rhythm.count, d.rhythm.product))


def is_due(rhythm: Rhythm, today: int, settings: InsightSettings = DEFAULT_SETTINGS) -> bool:
    """A trusted rhythm with at least ``due_ratio`` of its interval passed, and not so long ago
    (``stale_ratio``) that the household has clearly stopped buying it."""
    ratio = rhythm.ratio(today)
    return (
        ratio is not None
        and rhythm.confidence >= settings.min_confidence
        and settings.due_ratio <= ratio <= settings.stale_ratio
    )


def next_up(rhythms: Iterable[Rhythm], today: int, settings: InsightSettings = DEFAULT_SETTINGS
            ) -> Rhythm | None:  # fmt: skip
    """The trusted rhythm whose next purchase comes soonest after today (not yet due)."""
    ahead = [
        r for r in rhythms
        if r.next_day is not None and r.confidence >= settings.min_confidence
        and (r.ratio(today) or 0.0) < settings.due_ratio
    ]  # fmt: skip
    return min(ahead, key=lambda r: (r.next_day or 0.0, r.product), default=None)


def usual(
    candidates: Iterable[int],
    purchases: Sequence[Purchase],
    settings: InsightSettings = DEFAULT_SETTINGS,
) -> int | None:
    """Among ``candidates`` (the products a common noun such as 우유 names), the one this
    household buys most often lately; a tie goes to the most recent. None if it never bought
    any of them."""
    wanted = set(candidates)
    bought = sorted((p for p in purchases if p.product in wanted), key=lambda p: p.day)
    days_by_product: dict[int, set[int]] = defaultdict(set)
    recent = bought[-settings.usual_window :] if settings.usual_window > 0 else bought
    for p in recent:
        days_by_product[p.product].add(p.day)
    if not days_by_product:
        return None
    counts = Counter({k: len(v) for k, v in days_by_product.items()})
    return max(counts, key=lambda k: (counts[k], max(days_by_product[k]), -k))


def usual_first(
    candidates: Sequence[T],
    purchases: Sequence[Purchase],
    key: Callable[[T], int],
    settings: InsightSettings = DEFAULT_SETTINGS,
) -> list[T]:
    """``candidates`` with the household's usual one moved to the front (the others keep
    their order); unchanged when it never bought any of them."""
    best = usual([key(c) for c in candidates], purchases, settings)
    if best is None:
        return list(candidates)
    return sorted(candidates, key=lambda c: key(c) != best)


def steady(rhythm: Rhythm, policy: SubscribePolicy = DEFAULT_POLICY) -> bool:
    """Bought often enough and regularly enough to suggest a subscription."""
    return (
        rhythm.count >= policy.min_purchases
        and rhythm.interval is not None
        and rhythm.spread is not None
        and rhythm.spread <= policy.max_spread
        and policy.min_interval <= rhythm.interval <= policy.max_interval
    )
