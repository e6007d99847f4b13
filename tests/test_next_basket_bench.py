"""bench/next_basket_eval.py: clear message without the data, and the predictor beats both
baselines on the real Instacart histories (households it was not tuned on)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import ROOT, SHARED_DATA, load_script

bench = load_script("next_basket_eval", ROOT / "bench" / "next_basket_eval.py")

INSTACART = SHARED_DATA / "instacart"


def test_missing_data_is_said_clearly(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert bench.main(["--data", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "Instacart data missing" in err and "nothing was measured" in err


def test_predictor_beats_both_baselines_on_held_out_households() -> None:
    if not (INSTACART / bench.HISTORY).is_file():
        pytest.skip(f"Instacart data not present in {INSTACART}")
    households = bench.load(INSTACART / bench.HISTORY)
    assert len(households) > 500
    held_out = [h for h in households if h.user_id % 2 == 1]
    ours = bench.evaluate(bench.model(bench.DEFAULT_BASKET), held_out)
    reordered = bench.evaluate(bench.baseline_reordered, held_out)
    previous = bench.evaluate(bench.baseline_previous, held_out)
    assert ours.f1 > previous.f1 + 0.03 and ours.f1 > reordered.f1 + 0.03
    assert ours.precision > previous.precision and ours.recall > previous.recall


def test_day_indexes_from_day_gaps(tmp_path: Path) -> None:
    data = tmp_path / bench.HISTORY
    data.write_text(
        ",order_id,user_id,order_number,order_dow,order_hour_of_day,days_since_prior_order,"
        "product_id,add_to_cart_order,reordered\n"
        "0,10,7,1,0,9,,100,1,0\n"
        "1,10,7,1,0,9,,200,2,0\n"
        "2,11,7,2,3,9,3.0,100,1,1\n"
        "3,12,7,3,5,9,0.0,300,1,0\n"
        "4,13,7,4,1,9,30.0,100,1,1\n",
        encoding="utf-8",
    )
    (h,) = bench.load(data)
    assert [day for day, _ in h.orders] == [0, 3, 3]
    assert h.today == 33 and h.hidden == {100}
    assert bench.baseline_previous(h) == {300}
    assert bench.baseline_reordered(h) == {100}
