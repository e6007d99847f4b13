"""How long one parse takes: MASSIVE utterances and the natural household requests.

    .venv/bin/python bench/parse_speed.py [--rows 2000] [--rounds 3]

Loads the parser (``assistant.shop.vocabulary.load_parser``) once, warms it up, then times
each utterance of four sets, ``--rounds`` times over, and prints one JSON object: per set
the median and p99 milliseconds (of the per-utterance medians over the rounds) and the
rows. The sets: MASSIVE ko-KR and en-US (``../shared/data``, evenly spread ``--rows``;
skipped when absent) and the ``say`` lines of bench/natural/{ko,en}.yaml (what households
say to the kitchen speaker: the lines the Korean front end may read more than once).

For an A/B of two commits, copy this file into the other checkout's bench/ (it parses with
the checkout it sits in: bench/nlu_eval.py puts that checkout first on sys.path) and run the
two alternately on an idle machine; docs/benchmarks.md has the commands used.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from nlu_eval import DATA, Utterance, load_massive, percentile, spread  # noqa: E402


def natural(lang: str) -> list[Utterance]:
    tasks = yaml.safe_load((HERE / "natural" / f"{lang}.yaml").read_text(encoding="utf-8"))
    return [Utterance(t["say"], lang, t["id"]) for t in tasks]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--rows", type=int, default=2000, help="MASSIVE rows per language")
    ap.add_argument("--rounds", type=int, default=3, help="times each utterance is parsed")
    args = ap.parse_args(argv)

    from assistant.shop.vocabulary import load_parser

    start = time.perf_counter()
    parser = load_parser()
    load_s = time.perf_counter() - start
    sets: dict[str, list[Utterance]] = {}
    for lang in ("ko", "en"):
        groups = load_massive(lang, None)
        if groups is None:
            print(f"MASSIVE {lang} skipped: not in {DATA}", file=sys.stderr)
        else:
            pool = [u for name in sorted(groups) for u in groups[name]]
            sets[f"massive-{lang}"] = spread(pool, args.rows)
        sets[f"natural-{lang}"] = natural(lang)
    start = time.perf_counter()
    for utterances in sets.values():  # warm-up: first parses load Kiwi and spaCy
        for u in utterances[:100]:
            parser.parse(u.text, u.lang)
    warm_s = time.perf_counter() - start
    report: dict[str, object] = {"load_s": round(load_s, 3), "warm_up_s": round(warm_s, 3)}
    clock = time.perf_counter
    for name, utterances in sets.items():
        times: list[list[float]] = [[] for _ in utterances]
        for _ in range(args.rounds):
            for n, u in enumerate(utterances):
                t0 = clock()
                parser.parse(u.text, u.lang)
                times[n].append((clock() - t0) * 1000)
        each = [statistics.median(t) for t in times]
        report[name] = {
            "rows": len(each),
            "median_ms": round(statistics.median(each), 3),
            "p99_ms": round(percentile(each, 99), 3),
        }
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
