"""The buying-rhythm model on histories the tests build themselves (pure functions)."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.shop.advisor import schedule_for
from assistant.shop.basket import BasketSettings, predict_basket
from assistant.shop.insights import (
    InsightSettings,
    Purchase,
    SubscribePolicy,
    confidence,
    due,
    estimate_interval,
    is_due,
    learn,
    rhythm_of,
    steady,
    usual,
    usual_first,
)

MILK, EGGS, TOFU, OTHER_MILK = 1, 2, 3, 4


def bought(product: int, *days: int, quantity: int = 1) -> list[Purchase]:
    return [Purchase(product, d, quantity) for d in days]


@pytest.mark.parametrize(
    ("case", "days", "interval", "spread"),
    [
        ("regular weekly", (0, 7, 14, 21, 28), 7.0, 0.0),
        ("regular, unsorted input", (21, 0, 14, 7), 7.0, 0.0),
        ("one purchase only", (5,), None, None),
        ("no purchase", (), None, None),
        ("same day twice counts once", (0, 0, 7, 7, 14), 7.0, 0.0),
        ("one-off gap (a holiday)", (0, 7, 14, 35, 42, 49), 7.0, 0.0),
        ("two gaps among six intervals", (0, 7, 14, 35, 42, 63, 70), 7.0, 0.0),
        ("slightly irregular", (0, 6, 14, 21, 27, 35), 7.0, 1 / 7),
        ("irregular", (0, 3, 15, 20, 34), 8.5, 4.5 / 8.5),
        ("two purchases", (3, 13), 10.0, 0.0),
        ("only the last six intervals count", (0, 30, 60, 90, 97, 104, 111, 118, 125, 132), 7.0,
         0.0),
    ],
)  # fmt: skip
def test_interval_estimation(
    case: str, days: tuple[int, ...], interval: float | None, spread: float | None
) -> None:
    got_interval, got_spread = estimate_interval(days)
    assert got_interval == interval, case
    if spread is None:
        assert got_spread is None, case
    else:
        assert got_spread == pytest.approx(spread), case


def test_recent_window_is_configurable() -> None:
    days = (0, 30, 60, 90, 97, 104)
    assert estimate_interval(days, recent=2) == (7.0, 0.0)
    assert estimate_interval(days, recent=5)[0] == 30.0


def test_rhythm_of_a_regular_product() -> None:
    history = bought(MILK, 0, 7, 14, 21, quantity=2) + bought(EGGS, 3)
    r = rhythm_of(MILK, history)
    assert (r.count, r.first_day, r.last_day, r.interval, r.quantity) == (4, 0, 21, 7.0, 2)
    assert r.next_day == 28.0
    assert r.days_since(29) == 8
    assert r.ratio(28) == 1.0
    assert r.confidence == pytest.approx(3 / 5)


def test_rhythm_of_one_purchase_has_no_prediction() -> None:
    r = rhythm_of(EGGS, bought(EGGS, 10, quantity=3))
    assert r.interval is None and r.spread is None and r.next_day is None
    assert r.ratio(40) is None
    assert r.confidence == 0.0
    assert r.quantity == 3


def test_quantity_is_the_median_of_recent_purchases_and_same_day_lines_add_up() -> None:
    history = bought(MILK, 0, 7, 14) + bought(MILK, 14) + bought(MILK, 21, quantity=2)
    assert rhythm_of(MILK, history).quantity == 2
    assert rhythm_of(MILK, history).count == 4


def test_rhythm_of_an_unknown_product_is_an_error() -> None:
    with pytest.raises(ValueError):
        rhythm_of(TOFU, bought(MILK, 0))


def test_confidence_grows_with_evidence_and_falls_with_spread() -> None:
    assert confidence(0, 0.0) == 0.0
    assert confidence(1, 0.0) < confidence(3, 0.0) < confidence(10, 0.0) < 1.0
    assert confidence(5, 0.5) < confidence(5, 0.1) < confidence(5, 0.0)
    assert confidence(5, 1.5) == 0.0


def test_learn_gives_every_product() -> None:
    rhythms = learn(bought(MILK, 0, 7) + bought(EGGS, 1))
    assert set(rhythms) == {MILK, EGGS}
    assert rhythms[MILK].interval == 7.0 and rhythms[EGGS].interval is None


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (27, False),  # 6 of 7 days: not yet with due_ratio 1.0
        (25, False),
        (29, True),
        (28 + 7 * 2, True),
        (28 + 7 * 3, False),  # more than three intervals: it was given up
    ],
)
def test_due_window(today: int, expected: bool) -> None:
    milk = learn(bought(MILK, 0, 7, 14, 21))[MILK]
    settings = InsightSettings(due_ratio=1.0, stale_ratio=3.0)
    assert is_due(milk, today, settings) is expected


def test_due_needs_confidence_and_sorts_most_overdue_first() -> None:
    history = bought(MILK, 0, 7, 14, 21) + bought(EGGS, 0, 14) + bought(TOFU, 20)
    rhythms = learn(history).values()
    found = due(rhythms, 30)
    assert [d.rhythm.product for d in found] == [MILK, EGGS]  # 9/7 = 1.29 > 16/14 = 1.14
    assert found[0].days_since == 9 and found[0].interval == 7
    strict = InsightSettings(min_confidence=0.5)
    assert [d.rhythm.product for d in due(rhythms, 30, strict)] == [MILK]  # eggs: 1 interval


@pytest.mark.parametrize(
    ("case", "history", "expected"),
    [
        ("most frequent", bought(MILK, 0, 7, 14) + bought(OTHER_MILK, 3), MILK),
        ("a tie goes to the most recent", bought(MILK, 0) + bought(OTHER_MILK, 5), OTHER_MILK),
        ("a recent switch of brand wins",
         bought(MILK, 0, 7, 14, 21, 28) + bought(OTHER_MILK, 35, 42, 49, 56), OTHER_MILK),
        ("other products do not count", bought(MILK, 0) + bought(EGGS, 1, 2, 3), MILK),
        ("never bought", bought(EGGS, 1), None),
        ("no history", [], None),
    ],
)  # fmt: skip
def test_usual_among_candidates(case: str, history: list[Purchase], expected: int | None) -> None:
    assert usual([MILK, OTHER_MILK, TOFU], history) == expected, case


def test_usual_window_is_configurable() -> None:
    history = bought(MILK, 0, 7, 14, 21, 28) + bought(OTHER_MILK, 35, 42)
    assert usual([MILK, OTHER_MILK], history) == MILK
    assert usual([MILK, OTHER_MILK], history, InsightSettings(usual_window=2)) == OTHER_MILK


def test_usual_first_moves_only_the_usual_one() -> None:
    options = ["tofu", "other milk", "milk"]
    ids = {"milk": MILK, "other milk": OTHER_MILK, "tofu": TOFU}
    history = bought(MILK, 0, 7) + bought(TOFU, 1)
    assert usual_first(options, history, ids.__getitem__) == ["milk", "tofu", "other milk"]
    assert usual_first(options, bought(EGGS, 1), ids.__getitem__) == options


@pytest.mark.parametrize(
    ("case", "days", "policy", "expected"),
    [
        ("four weekly purchases", (0, 7, 14, 21), SubscribePolicy(), True),
        ("three are not enough", (0, 7, 14), SubscribePolicy(), False),
        ("three are enough when configured", (0, 7, 14), SubscribePolicy(min_purchases=3), True),
        ("a little spread is fine", (0, 7, 13, 20, 27, 35), SubscribePolicy(), True),
        ("too irregular", (0, 3, 15, 20, 34, 40), SubscribePolicy(), False),
        ("irregular but allowed", (0, 3, 15, 20, 34, 40), SubscribePolicy(max_spread=0.6), True),
        ("one holiday gap does not matter", (0, 7, 14, 35, 42, 49), SubscribePolicy(), True),
        ("every day", (0, 1, 2, 3, 4), SubscribePolicy(), True),
        ("once a quarter is too rare", (0, 90, 180, 270), SubscribePolicy(), False),
        ("bought once", (0,), SubscribePolicy(min_purchases=1), False),
    ],
)  # fmt: skip
def test_subscribe_threshold(
    case: str, days: tuple[int, ...], policy: SubscribePolicy, expected: bool
) -> None:
    rhythm = rhythm_of(MILK, bought(MILK, *days))
    assert steady(rhythm, policy) is expected, case


@pytest.mark.parametrize(
    ("days", "freq", "interval", "weekdays", "day"),
    [
        ((0, 7, 14, 21), "weekly", 1, ("mon",), None),
        ((0, 7, 14, 22), "weekly", 1, ("mon",), None),  # once a day late: still Mondays
        ((0, 7, 15, 22), "weekly", 1, ("tue",), None),  # a tie: the latest weekday
        ((5, 19, 33, 47), "weekly", 2, ("sat",), None),
        ((0, 31, 62, 90, 120), "monthly", 1, (), 1),  # 1 Dec, 1 Jan, 1 Feb, 1 Mar, 31 Mar
        ((0, 1, 2, 3), "daily", 1, (), None),
        ((0, 5, 10, 15), "daily", 5, (), None),
        ((0, 10, 20, 30), "daily", 10, (), None),
    ],
)
def test_schedule_for_a_rhythm(
    days: tuple[int, ...], freq: str, interval: int, weekdays: tuple[str, ...], day: int | None
) -> None:
    start = date(2025, 11, 30).toordinal()  # a Sunday; day 1 = Monday 1 December 2025
    dates = [date.fromordinal(start + d + 1) for d in days]
    s = schedule_for(rhythm_of(MILK, bought(MILK, *days)), dates)
    assert (s.freq, s.interval, s.weekdays, s.day) == (freq, interval, weekdays, day)


def test_predicted_basket_keeps_staples_and_drops_one_offs() -> None:
    # milk every shopping day, eggs every second, tofu once long ago, a snack last time only
    history = (
        bought(MILK, 0, 7, 14, 21, 28, 35)
        + bought(EGGS, 0, 14, 28)
        + bought(TOFU, 0)
        + bought(5, 35)
    )
    basket = [s.product for s in predict_basket(history, 42)]
    assert basket[0] == MILK
    assert EGGS in basket and TOFU not in basket
    usual_only = [s.product for s in predict_basket(history, 42, BasketSettings(min_count=2))]
    assert 5 not in usual_only and set(usual_only) == {MILK, EGGS}
    assert all(s.score > 0 for s in predict_basket(history, 42))


def test_basket_prefers_what_is_due() -> None:
    # two products bought equally often; on day 49 the weekly one is due, the other just bought
    history = bought(MILK, 0, 7, 14, 21, 28, 35, 42) + bought(EGGS, 0, 7, 14, 21, 28, 35, 42, 48)
    wide = BasketSettings(size_factor=3)
    scored = {s.product: s.score for s in predict_basket(history, 49, wide)}
    assert scored[MILK] > scored[EGGS]


def test_empty_history_predicts_nothing() -> None:
    assert predict_basket([], 10) == []
