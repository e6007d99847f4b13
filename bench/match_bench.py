"""Product matching speed: build time and per-query latency.

    .venv/bin/python bench/match_bench.py

Uses the bundled catalog, and the Instacart catalog (49,688 real English
product names) from ../shared/data when it is there, to show how matching
scales. Prints one line per figure.
"""

from __future__ import annotations

import csv
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.config import bundled_catalog_path  # noqa: E402
from assistant.shop.catalog_file import parse_catalog  # noqa: E402
from assistant.shop.matching import CatalogEntry, ProductMatcher  # noqa: E402

INSTACART = ROOT.parent / "shared" / "data" / "instacart" / "products.csv"
KO_QUERIES = "우유 서울우유 달갈 우휴 신라면 휴지 삼다수 계란 쌀 사과 서울우유흰우유1L".split()


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
        CatalogEntry(i, r.name_ko, r.name_en, r.brand, r.aliases, r.size)
        for i, r in enumerate(records)
    ]
    start = time.perf_counter()
    matcher = ProductMatcher(entries)
    build = (time.perf_counter() - start) * 1000
    med, p99 = timed(matcher, KO_QUERIES, 50)
    print(f"bundled catalog: {len(records)} products, build {build:.1f} ms, "
          f"match median {med:.3f} ms, p99 {p99:.3f} ms")  # fmt: skip
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


if __name__ == "__main__":
    main()
