"""Product matching: speed (build time, per-query latency) and accuracy on a table of
what households say.

    .venv/bin/python bench/match_bench.py

Uses the bundled catalog, and the Instacart catalog (49,688 real English
product names) from ../shared/data when it is there, to show how matching
scales. Prints one line per figure, then each accuracy case that is wrong.

Accuracy: for each phrase (and size said, as the parser writes it), the SKUs it may
mean. "top right" counts phrases whose best product is one of them; "all right" those
whose every offered product is (no product of another kind is offered); a phrase with
no SKUs must find nothing.
"""

from __future__ import annotations

import csv
import inspect
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.config import bundled_catalog_path  # noqa: E402
from assistant.shop.catalog_file import parse_catalog  # noqa: E402
from assistant.shop.matching import Candidate, CatalogEntry, ProductMatcher  # noqa: E402
from assistant.shop.sizes import same_size  # noqa: E402

INSTACART = ROOT.parent / "shared" / "data" / "instacart" / "products.csv"
KO_QUERIES = "우유 서울우유 달갈 우휴 신라면 휴지 삼다수 계란 쌀 사과 서울우유흰우유1L".split()

PLAIN_MILK = "DAI-001 DAI-002 DAI-003 DAI-004 DAI-005 DAI-006 DAI-007 DAI-024"
SEOUL_MILK = "DAI-001 DAI-004 DAI-006"
COFFEE = "COF-001 COF-002 COF-003 COF-004 COF-017 BEV-021"
STRAWBERRY = "FRU-008 FRU-009"
BANANA = "FRU-005 FRU-006 FRU-007"
EGGS = "EGG-001 EGG-002 EGG-003 EGG-004 EGG-005 EGG-006 EGG-007 EGG-008 EGG-011"
TOILET_PAPER = "HOU-001 HOU-002 HOU-003"
CASES: list[tuple[str, str | None, str]] = [
    # kinds: the query noun is what the product IS, not a word inside its name
    ("커피", None, COFFEE), ("coffee", None, COFFEE), ("some coffee", None, COFFEE),
    ("딸기", None, STRAWBERRY), ("strawberries", None, STRAWBERRY),
    ("신선한 딸기", None, STRAWBERRY), ("fresh strawberries", None, STRAWBERRY),
    ("바나나", None, BANANA), ("bananas", None, BANANA), ("맛있는 바나나", None, BANANA),
    ("우유", None, PLAIN_MILK), ("milk", None, PLAIN_MILK), ("흰 우유", None, PLAIN_MILK),
    ("서울우유", None, SEOUL_MILK),
    ("딸기우유", None, "DAI-010"), ("strawberry milk", None, "DAI-010"),
    ("커피우유", None, "DAI-011"), ("coffee milk", None, "DAI-011"),
    ("바나나우유", None, "DAI-008 DAI-009"), ("banana milk", None, "DAI-008 DAI-009"),
    ("서울우유 버터", None, "DAI-020"), ("저지방 우유", None, "DAI-004"),
    ("매일 우유", None, "DAI-002 DAI-005"),
    # sizes said inside the phrase, or beside it
    ("서울우유 1리터", None, "DAI-001"), ("서울우유 1리터", "1L", "DAI-001"),
    ("서울우유 1L", None, "DAI-001"), ("서울우유", "1L", "DAI-001"),
    ("seoul milk 1 liter", None, "DAI-001"), ("삼다수 2L", None, "BEV-001"),
    ("삼다수 2리터", None, "BEV-001"), ("휴지 30롤", None, "HOU-001 HOU-002"),
    ("계란 30구", None, "EGG-001 EGG-003 EGG-011"), ("우유 5L", None, PLAIN_MILK),
    ("서울우유 흰우유 1L", None, "DAI-001"),
    # English names, partial and plural
    ("Seoul milk", None, SEOUL_MILK), ("Maeil milk", None, "DAI-002 DAI-005"),
    ("Shin ramyun", None, "NOO-001 NOO-009"), ("toilet paper", None, TOILET_PAPER),
    ("hetbahn", None, "TOF-010"), ("cooked rice", None, "TOF-010 TOF-011"),
    ("eggs", None, EGGS), ("Kleenex toilet paper", None, "HOU-002"),
    ("samdasoo", None, "BEV-001 BEV-004"), ("Jin ramen", None, "NOO-002 NOO-003"),
    # misheard
    ("달갈", None, EGGS), ("우휴", None, PLAIN_MILK), ("신나면", None, "NOO-001 NOO-009"),
    ("빠나나", None, BANANA), ("휴쥐", None, TOILET_PAPER),
    # not sold
    ("외계인 고기", None, ""), ("자동차", None, ""), ("티비", None, ""), ("x", None, ""),
    # a head not sold is not its modifier; a modifier naming another kind is no description
    ("strawberry jam", None, ""), ("딸기잼", None, ""), ("oat milk", None, ""),
    ("almond milk", None, ""), ("커피 우유", None, "DAI-011"),
]  # fmt: skip


def find(matcher: ProductMatcher, phrase: str, size: str | None) -> list[Candidate]:
    """What ShopService.find_products offers (the size narrowing it did before the matcher
    took sizes is repeated for the old matcher)."""
    if "size" in inspect.signature(matcher.match).parameters:
        return matcher.match(phrase, size)  # type: ignore[call-arg, unused-ignore]
    found = matcher.match(phrase)
    if size is None:
        return found
    sized = [c for c in found if same_size(size, matcher._entries[c.product_id].size)]
    return sized or found


def accuracy(matcher: ProductMatcher, skus: list[str]) -> None:
    top = every = 0
    wrong = []
    for phrase, size, want in CASES:
        wanted = set(want.split())
        got = [skus[c.product_id] for c in find(matcher, phrase, size)]
        top_ok = (not got and not wanted) or (bool(got) and got[0] in wanted)
        all_ok = (not got and not wanted) or (bool(got) and set(got) <= wanted)
        top += top_ok
        every += all_ok
        if not all_ok:
            wrong.append(f"  {phrase!r}{f' [{size}]' if size else ''} -> {' '.join(got) or '-'}")
    print(f"accuracy: {len(CASES)} phrases, top right {top}, all right {every}")
    print("\n".join(wrong))


def timed(matcher: ProductMatcher, queries: list[str], rounds: int) -> tuple[float, float]:
    samples = []
    for _ in range(rounds):
        for q in queries:
            start = time.perf_counter()
            matcher.match(q)
            samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    return statistics.median(samples), samples[int(len(samples) * 0.99) - 1]


def main() -> None:
    records = parse_catalog(bundled_catalog_path())
    entries = [
        CatalogEntry(i, r.name_ko, r.name_en, r.brand, r.aliases, r.size, r.stock > 0,
                     r.rating_tenths)
        for i, r in enumerate(records)
    ]  # fmt: skip
    start = time.perf_counter()
    matcher = ProductMatcher(entries)
    build = (time.perf_counter() - start) * 1000
    med, p99 = timed(matcher, KO_QUERIES, 50)
    print(f"bundled catalog: {len(records)} products, build {build:.1f} ms, "
          f"match median {med:.3f} ms, p99 {p99:.3f} ms")  # fmt: skip
    cases = [phrase for phrase, _size, _want in CASES]
    med, p99 = timed(matcher, cases, 10)
    print(f"bundled catalog, accuracy phrases: match median {med:.3f} ms, p99 {p99:.3f} ms")
    accuracy(matcher, [r.sku for r in records])
    if not INSTACART.is_file():
        print(f"instacart catalog: skipped ({INSTACART} not present)")
        return
    with INSTACART.open(encoding="utf-8") as fh:
        names = [row["product_name"] for row in csv.DictReader(fh)]
    big = [CatalogEntry(i, n, n, "", ()) for i, n in enumerate(names)]
    start = time.perf_counter()
    big_matcher = ProductMatcher(big)
    build = (time.perf_counter() - start) * 1000
    queries = [n.lower()[:-1] for n in names[:: len(names) // 20]][:20]
    med, p99 = timed(big_matcher, queries, 3)
    print(f"instacart catalog: {len(names)} products, build {build:.0f} ms, "
          f"match median {med:.1f} ms, p99 {p99:.1f} ms")  # fmt: skip
    short = ["milk", "organic milk", "bananas", "coffee", "strawberries", "toilet paper"]
    med, p99 = timed(big_matcher, short, 3)
    print(f"instacart catalog, short phrases: match median {med:.1f} ms, p99 {p99:.1f} ms")


if __name__ == "__main__":
    main()
