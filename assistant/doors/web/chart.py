"""A product's purchases over time as chart coordinates (pure: no SQL, no clock, no HTML).

The SVG itself is written by ``templates/rhythm.html`` (autoescaped); this module only says
where each mark goes in a fixed ``WIDTH`` x ``HEIGHT`` view box that the page scales to its
width, so the chart never makes a phone scroll sideways.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

WIDTH = 340
HEIGHT = 64
PAD = 12
"""Room at either end for the first and the predicted mark."""
AXIS_Y = 40


@dataclass(frozen=True)
class Mark:
    """One day on the chart."""

    x: float
    """Horizontal position in the view box."""
    day: date
    """The household-local date."""
    quantity: int
    """Items bought that day (0 for the prediction and today)."""


@dataclass(frozen=True)
class Chart:
    """Where the purchases, today and the predicted next purchase go."""

    purchases: tuple[Mark, ...]
    """Every purchase, oldest first."""
    today: Mark
    """Today."""
    predicted: Mark | None
    """The predicted next purchase; None when bought only once."""
    width: int = WIDTH
    height: int = HEIGHT
    axis_y: int = AXIS_Y


def place_days(bought: Sequence[tuple[int, int]], today: int, next_day: float | None) -> Chart:
    """The chart of ``bought`` ((day ordinal, quantity), oldest first) with ``today`` and the
    predicted ``next_day`` (day ordinals), scaled from the first day to the last of them."""
    if not bought:
        raise ValueError("a chart needs at least one purchase")
    predicted = round(next_day) if next_day is not None else None
    first = bought[0][0]
    last = max([today, bought[-1][0], *([predicted] if predicted is not None else [])])
    span = max(last - first, 1)

    def mark(day: int, quantity: int = 0) -> Mark:
        x = PAD + (day - first) * (WIDTH - 2 * PAD) / span
        return Mark(round(x, 1), date.fromordinal(day), quantity)

    return Chart(
        purchases=tuple(mark(day, quantity) for day, quantity in bought),
        today=mark(today),
        predicted=mark(predicted) if predicted is not None else None,
    )
