"""Never buy by accident, on real human utterances from ../shared/data.

These read the shared data sets in place (they may not be copied into the
project) and skip with the reason when the folder is absent, as on a user's
machine. bench/nlu_eval.py reports the same measurements in detail.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.nlu.schema import SPENDING_INTENTS
from assistant.shop.vocabulary import load_parser
from tests.conftest import SHARED_DATA

MAX_FALSE_PURCHASE_RATE = 0.001
pytestmark = pytest.mark.slow


def _require(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"shared data not present: {path} (see ../shared/data/README.md)")
    return path


def _massive_negatives(locale: str) -> Iterator[str]:
    path = _require(SHARED_DATA / "massive" / f"{locale}.traindev.jsonl")
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            if not row["intent"].startswith(("lists_", "takeaway_")):
                yield row["utt"]


def _corpus(name: str) -> Iterator[str]:
    path = _require(SHARED_DATA / "korean_utterances" / name)
    with path.open(encoding="utf-8-sig", newline="") as fh:
        if name.endswith(".csv"):  # ChatbotData: Q,A,label
            for row in csv.DictReader(fh):
                yield row["Q"]
            return
        for line in fh:
            cells = line.rstrip("\n").split("\t")
            # sae4k: utterance first; paraKQC (topic, intention, sentence) and 3i4k
            # (label, utterance): the sentence last
            yield cells[0] if name.startswith("sae4k") else cells[-1]


def _false_purchase_rate(utterances: Iterator[str], lang: str) -> tuple[float, list[str]]:
    parser = load_parser()
    rows = 0
    bought: list[str] = []
    for text in utterances:
        rows += 1
        if parser.parse(text, lang).name in SPENDING_INTENTS:
            bought.append(text)
    assert rows > 1000, "the data set looks truncated"
    return len(bought) / rows, bought


@pytest.mark.parametrize(("locale", "lang"), [("ko-KR", "ko"), ("en-US", "en")])
def test_massive_negatives_are_not_purchases(locale: str, lang: str) -> None:
    rate, bought = _false_purchase_rate(_massive_negatives(locale), lang)
    assert rate <= MAX_FALSE_PURCHASE_RATE, bought[:20]


@pytest.mark.parametrize(
    "name", ["sae4k_v1.txt", "paraKQC_v1.txt", "3i4k_fci.txt", "ChatbotData.csv"]
)
def test_korean_corpora_are_not_purchases(name: str) -> None:
    rate, bought = _false_purchase_rate(_corpus(name), "ko")
    assert rate <= MAX_FALSE_PURCHASE_RATE, bought[:20]
