"""How often real Korean that is not a yes parses as ``confirm`` (issue 12, item 3).

    .venv/bin/python bench/confirm_doubt.py                 # all of 3i4k (~4 min on 2 cores)
    .venv/bin/python bench/confirm_doubt.py --limit 5000 --json /tmp/doubt.json

Reads ``../shared/data/korean_utterances/3i4k_fci.txt`` in place (CC BY-SA 4.0; never
copied): 61,255 conversational Korean utterances, each labelled 0 fragment, 1 statement,
2 question, 3 command, 4 rhetorical question, 5 rhetorical command, 6 intonation-dependent.
None of them answers "주문할까요?", so every ``confirm`` among the questions (2, 4) is an
utterance that would have placed an order had it been said after the question. Fragments
(0) and statements (1) also hold real yes words ("그래", "예", "물론요"), so their counts are
an upper bound on wrong yeses there, not a count of them. The report gives per label the
rows, the number parsed as ``confirm`` and the first examples (``--examples N``); the JSON
report holds line numbers, not sentences.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data" / "korean_utterances" / "3i4k_fci.txt"
LABELS = {
    "0": "fragment", "1": "statement", "2": "question", "3": "command",
    "4": "rhetorical question", "5": "rhetorical command", "6": "intonation-dependent",
}  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=0, help="rows, evenly spaced (0: all)")
    parser.add_argument("--examples", type=int, default=8)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    if not DATA.exists():
        print(f"skipped: {DATA} is not there (see ../shared/data/README.md)")
        return 0
    sys.path.insert(0, str(ROOT))
    from assistant.shop.vocabulary import load_parser

    rows = DATA.read_text(encoding="utf-8-sig").splitlines()
    numbered = list(enumerate(rows, 1))
    if args.limit and args.limit < len(numbered):
        step = len(numbered) / args.limit
        numbered = [numbered[int(i * step)] for i in range(args.limit)]
    parse = load_parser()
    parse.preload()
    total: Counter[str] = Counter()
    confirmed: dict[str, list[int]] = defaultdict(list)
    examples: dict[str, list[str]] = defaultdict(list)
    started = time.perf_counter()
    times: list[float] = []
    for number, line in numbered:
        label, _, text = line.partition("\t")
        total[label] += 1
        t0 = time.perf_counter()
        name = parse.parse(text, "ko").name
        times.append((time.perf_counter() - t0) * 1000)
        if name == "confirm":
            confirmed[label].append(number)
            if len(examples[label]) < args.examples:
                examples[label].append(text.strip())
    seconds = time.perf_counter() - started
    times.sort()
    median, p99 = statistics.median(times), times[int(len(times) * 0.99)]
    print(
        f"3i4k: {sum(total.values())} rows in {seconds:.0f} s; parse median {median:.2f} ms, "
        f"p99 {p99:.2f} ms"
    )
    print("label                  rows  confirm")
    for label in sorted(total):
        name = LABELS.get(label, label)
        count = len(confirmed[label])
        print(f"{label} {name:<20} {total[label]:>5}  {count:>5}  {examples[label]}")
    if args.json:
        report = {
            "rows": dict(total),
            "confirm_lines": {k: v for k, v in sorted(confirmed.items())},
            "seconds": round(seconds, 1),
            "parse_ms": {"median": round(median, 3), "p99": round(p99, 3)},
        }
        args.json.write_text(json.dumps(report, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
