"""The natural-request task sets are well formed: bench/natural/check.py finds no problem in
the corpus or in a held-out set, and finds the problems it should in a broken one."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import load_script

NATURAL = Path(__file__).resolve().parent.parent / "bench" / "natural"


check = load_script("natural_check", NATURAL / "check.py")


FOLDERS = [NATURAL, *sorted(p.parent for p in NATURAL.glob("*/ko.yaml"))]


@pytest.mark.parametrize("folder", FOLDERS, ids=[p.name for p in FOLDERS])
def test_task_sets_are_well_formed(folder: Path) -> None:
    assert check.check(folder) == []


def test_a_broken_set_is_caught(tmp_path: Path) -> None:
    (tmp_path / "ko.yaml").write_text(
        '- {id: ko-x-001, kind: plain, say: "우유 사 줘",\n'
        "   want: {orders: [{lines: {NOPE-001: 1}}]}}\n"
        '- {id: ko-x-002, kind: plain, say: "milk please",\n'
        "   want: {orders: [{lines: {DAI-001: 0}}]}}\n"
        '- {id: ko-x-002, kind: size, say: "쌀 사 줘", want: {}}\n',
        encoding="utf-8",
    )
    (tmp_path / "en.yaml").write_text("[]\n", encoding="utf-8")
    (tmp_path / "negatives.yaml").write_text(
        '- {id: en-neg-001, kind: negative, lang: en, say: "we have milk", '
        "want: {orders: [{lines: {DAI-001: 1}}]}}\n",
        encoding="utf-8",
    )
    problems = "\n".join(check.check(tmp_path))
    assert "unknown SKU 'NOPE-001'" in problems
    assert "quantity 0" in problems
    assert "is not ko" in problems
    assert "not unique" in problems
    assert "want is empty" in problems
    assert "a negative wants {}" in problems
