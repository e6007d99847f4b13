"""Golden sentences per intent and language (tests/golden/<lang>/<intent>.yaml)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from assistant.nlu.schema import INTENTS
from assistant.shop.vocabulary import load_parser

GOLDEN = Path(__file__).resolve().parent / "golden"
SLOTS = ("product", "quantity", "unit", "schedule", "delivery")
MIN_PHRASINGS = {"ko": 15, "en": 8}


def _load() -> list[tuple[str, str, dict[str, Any]]]:
    cases = []
    for path in sorted(GOLDEN.glob("*/*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for entry in data["sentences"]:
            cases.append((path.parent.name, data["intent"], entry))
    return cases


CASES = _load()
GAPS = {
    (g["lang"], g["intent"], g["text"])
    for g in yaml.safe_load((GOLDEN / "known_gaps.yaml").read_text(encoding="utf-8"))["gaps"]
}


def _params() -> list[Any]:
    params = []
    for lang, intent, entry in CASES:
        text = str(entry["text"])
        marks = (
            [pytest.mark.xfail(strict=True, reason="known gap: tests/golden/known_gaps.yaml")]
            if (lang, intent, text) in GAPS
            else []
        )
        params.append(pytest.param(lang, intent, entry, marks=marks, id=f"{lang}-{intent}-{text}"))
    return params


@pytest.mark.parametrize(("lang", "intent", "entry"), _params())
def test_golden_sentence(lang: str, intent: str, entry: dict[str, Any]) -> None:
    parsed = load_parser().parse(str(entry["text"]), lang)
    assert parsed.name == intent
    expected = entry.get("slots", {})
    got = parsed.slots.to_json()
    for slot in SLOTS:
        want, have = expected.get(slot), got[slot]
        if slot == "product" and want is not None and have is not None:
            want, have = str(want).replace(" ", ""), have.replace(" ", "")
        assert have == want, slot


def test_every_intent_has_enough_working_phrasings() -> None:
    for lang, need in MIN_PHRASINGS.items():
        for intent in INTENTS:
            working = [
                e for la, i, e in CASES if la == lang and i == intent
                and (la, i, str(e["text"])) not in GAPS
            ]  # fmt: skip
            assert len(working) >= need, (lang, intent, len(working))


def test_no_safety_gaps() -> None:
    assert not any(intent == "none" for _, intent, _ in GAPS)
