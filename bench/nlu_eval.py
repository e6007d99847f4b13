"""Intent parser benchmark on real utterances: false purchases, accuracy, a peer, speed.

    .venv/bin/python bench/nlu_eval.py                    # the grammar parser, all data
    .venv/bin/python bench/nlu_eval.py --limit 500 --no-peer --json /tmp/nlu.json

Options: ``--limit N`` rows per data set (evenly spaced, for a quick run),
``--no-peer``, ``--peer-limit N`` (run the peer on at most N rows per set),
``--detect-lang`` (give the grammar parser ``lang=None``), ``--json PATH``.
The peer needs ``.venv/bin/pip install hassil home-assistant-intents``.

Reads the data sets from ``../shared/data`` beside the repository (see its
README); a data set that is not there is reported as skipped. Nothing from those
files is copied into the project: the hand-labelled sample in
``bench/labels/ko_shopping_sample.tsv`` holds only file names, line numbers and
labels, and the JSON report holds line numbers, not sentences.

Sections:

1. MASSIVE ko-KR and en-US. Negatives: every row outside ``lists_*`` and
   ``takeaway_*``; the false-purchase rate is the share parsed as a spending
   intent. Positives: ``takeaway_order`` -> ``order``; ``lists_createoradd`` with a
   shopping/grocery list name -> ``add_to_cart``. Other ``lists_createoradd`` rows
   (to-do lists, unnamed lists ...) are negatives, reported on their own.
   ``takeaway_query``, ``lists_query`` and ``lists_remove`` are reported for
   information only.
2. Korean corpora (sae4k, paraKQC, 3i4k, ChatbotData): every row is a negative;
   example false purchases are printed for inspection.
3. The hand-labelled sample of shopping-like Korean lines (order / add_to_cart /
   none / other); notes starting with ``borderline`` mark judgement calls.
4. The Home Assistant parser (``bench/hassil_peer.py``) on the MASSIVE shopping-list
   positives and negatives, side by side with ours.
5. Speed: load time, then median and p99 parse time over MASSIVE ko and en
   utterances after a warm-up.
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import multiprocessing
import os
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
DATA = ROOT.parent / "shared" / "data"
LABELS = BENCH / "labels" / "ko_shopping_sample.tsv"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(BENCH))  # hassil_peer, also when this file is run from elsewhere

from assistant.nlu.schema import SPENDING_INTENTS  # noqa: E402

ParseFn = Callable[[str, str], str]
"""(text, lang) -> intent name."""
T = TypeVar("T")

MASSIVE_FILES = {"ko": "ko-KR.traindev.jsonl", "en": "en-US.traindev.jsonl"}
INFO_INTENTS = ("takeaway_query", "lists_query", "lists_remove")
LIST_NAME_RE = re.compile(r"\[list_name : ([^\]]*)\]")
SHOPPING_LIST_KO = ("쇼핑", "식료품", "장보기", "장 볼", "마트", "구매", "살 것", "살거", "잡화")
"""Korean shopping-list names. 잡화 (general goods) is how the ko-KR data translates
"grocery" in "add ... to my grocery list"."""
SHOPPING_LIST_EN = re.compile(r"\b(?:grocery|groceries|shopping|shop)\b")
LABEL_SET = ("order", "add_to_cart", "none", "other")
SPEED_ROWS = 2000
WARMUP_ROWS = 200
KO_EXAMPLES = 15
MASSIVE_EXAMPLES = 8
WRONG_SHOWN = 40
PARALLEL_MIN = 1000
FIRST_PARSE = {"ko": "우유 두 개 주문해 줘", "en": "order two cartons of milk"}
"""Parsed right after loading, to time what a parser loads on first use."""


@dataclass(frozen=True)
class Corpus:
    """A Korean corpus file: which column holds the utterance."""

    file: str
    column: int
    sep: str
    header: bool


CORPORA = (
    Corpus("sae4k_v1.txt", 0, "\t", False),
    Corpus("paraKQC_v1.txt", 2, "\t", False),
    Corpus("3i4k_fci.txt", 1, "\t", False),
    Corpus("ChatbotData.csv", 0, ",", True),
)
CORPUS_BY_FILE = {c.file: c for c in CORPORA}


@dataclass(frozen=True)
class Utterance:
    text: str
    lang: str
    ref: str
    """Where it came from: a MASSIVE id or ``file:line``."""


@dataclass
class Result:
    """Parses of one set of utterances."""

    utterances: list[Utterance]
    intents: list[str]
    ms: list[float]
    errors: list[tuple[Utterance, str]] = field(default_factory=list)

    @property
    def rows(self) -> int:
        return len(self.intents)

    def matches(self, intent: str) -> int:
        return sum(1 for name in self.intents if name == intent)

    def spending(self) -> int:
        return sum(1 for name in self.intents if is_spending(name))

    def misses(self, intent: str) -> list[tuple[Utterance, str]]:
        return [(u, n) for u, n in zip(self.utterances, self.intents, strict=True) if n != intent]

    def hits(self) -> list[tuple[Utterance, str]]:
        return [
            (u, n) for u, n in zip(self.utterances, self.intents, strict=True) if is_spending(n)
        ]


Batch = Callable[[Sequence[Utterance]], Result]
"""Parses a whole set, in this process or in worker processes."""


@dataclass
class Report:
    """What gets printed and what goes into the JSON file."""

    data: dict[str, Any] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)

    def say(self, line: str = "") -> None:
        print(line, flush=True)

    def skip(self, path: Path) -> None:
        if str(path) not in self.skipped:
            self.skipped.append(str(path))
        self.say(f"skipped: {path} not found")


def is_spending(name: str) -> bool:
    return name in SPENDING_INTENTS


def rate(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def pct(value: float | None) -> str:
    return "   n/a" if value is None else f"{value * 100:5.1f}%"


def percentile(values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100)."""
    ordered = sorted(values)
    rank = max(1, math.ceil(q / 100 * len(ordered)))
    return ordered[rank - 1]


def median(values: Sequence[float]) -> float | None:
    return statistics.median(values) if values else None


def spread(items: Sequence[T], limit: int | None) -> list[T]:
    """At most ``limit`` items, evenly spaced so a small run still covers the whole set."""
    if limit is None or len(items) <= limit:
        return list(items)
    step = len(items) / limit
    return [items[int(i * step)] for i in range(limit)]


def short(text: str, width: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


# -- parsers -------------------------------------------------------------------------------


def load_ours(kind: str, detect_lang: bool) -> ParseFn:
    """The parser under test; exits with a clear message when its module is not there."""
    try:
        from assistant.shop.vocabulary import load_parser
    except ImportError as exc:
        sys.exit(f"--parser grammar: cannot import assistant.nlu.parser ({exc})")
    parser = load_parser()
    if detect_lang:
        return lambda text, lang: parser.parse(text, None).name
    return lambda text, lang: parser.parse(text, lang).name


def run(parse: ParseFn, utterances: Sequence[Utterance]) -> Result:
    """Parse each utterance once, timing each; an exception counts as an error, not a crash."""
    result = Result(list(utterances), [], [])
    clock = time.perf_counter
    for u in utterances:
        start = clock()
        try:
            name = parse(u.text, u.lang)
        except Exception as exc:  # a benchmark reports a crash and goes on
            name = "error"
            result.errors.append((u, f"{type(exc).__name__}: {exc}"))
        result.ms.append((clock() - start) * 1000)
        result.intents.append(name)
    return result


_worker_parse: ParseFn | None = None


def _start_worker(kind: str, detect_lang: bool) -> None:
    global _worker_parse
    _worker_parse = load_ours(kind, detect_lang)
    first_parses(_worker_parse)


def _parse_chunk(chunk: list[Utterance]) -> Result:
    if _worker_parse is None:
        raise RuntimeError("worker process was not started with _start_worker")
    return run(_worker_parse, chunk)


@contextmanager
def batch_parser(parse: ParseFn, kind: str, detect_lang: bool, jobs: int) -> Iterator[Batch]:
    """Parse sets in ``jobs`` worker processes (each loads its own parser); sets smaller
    than PARALLEL_MIN, and everything when ``jobs`` is 1, are parsed in this process."""
    if jobs <= 1:
        yield lambda utterances: run(parse, utterances)
        return
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(jobs, context, _start_worker, (kind, detect_lang)) as pool:

        def parse_all(utterances: Sequence[Utterance]) -> Result:
            if len(utterances) < PARALLEL_MIN:
                return run(parse, utterances)
            size = math.ceil(len(utterances) / (jobs * 8))
            chunks = [list(utterances[i : i + size]) for i in range(0, len(utterances), size)]
            merged = Result([], [], [])
            for part in pool.map(_parse_chunk, chunks):
                merged.utterances.extend(part.utterances)
                merged.intents.extend(part.intents)
                merged.ms.extend(part.ms)
                merged.errors.extend(part.errors)
            return merged

        yield parse_all


def report_errors(report: Report, label: str, result: Result) -> None:
    if result.errors:
        u, message = result.errors[0]
        report.say(f"  !! {label}: {len(result.errors)} parse errors, first at {u.ref}: {message}")


# -- 1. MASSIVE ----------------------------------------------------------------------------


def list_names(annot_utt: str) -> list[str]:
    return [m.strip() for m in LIST_NAME_RE.findall(annot_utt)]


def is_shopping_list(name: str, lang: str) -> bool:
    if lang == "ko":
        return any(word in name for word in SHOPPING_LIST_KO)
    return SHOPPING_LIST_EN.search(name.lower()) is not None


def massive_group(row: dict[str, str], lang: str) -> str:
    """Which set a MASSIVE row belongs to."""
    intent = row["intent"]
    if intent == "takeaway_order":
        return "takeaway_order"
    if intent == "lists_createoradd":
        names = list_names(row.get("annot_utt", ""))
        return (
            "shopping_list_add" if any(is_shopping_list(n, lang) for n in names) else "lists_other"
        )
    if intent in INFO_INTENTS:
        return intent
    if intent.startswith(("lists_", "takeaway_")):
        return "info_" + intent
    return "negatives"


def load_massive(lang: str, limit: int | None) -> dict[str, list[Utterance]] | None:
    path = DATA / "massive" / MASSIVE_FILES[lang]
    if not path.is_file():
        return None
    groups: dict[str, list[Utterance]] = {}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            row = json.loads(line)
            utterance = Utterance(row["utt"], lang, f"massive/{lang}#{row['id']}")
            groups.setdefault(massive_group(row, lang), []).append(utterance)
    return {name: spread(items, limit) for name, items in groups.items()}


POSITIVES = {"takeaway_order": "order", "shopping_list_add": "add_to_cart"}


def score_massive(
    report: Report, parse_all: Batch, lang: str, groups: dict[str, list[Utterance]]
) -> dict[str, Result]:
    results = {name: parse_all(items) for name, items in groups.items()}
    report.say(f"MASSIVE {lang}:")
    for name in ("negatives", "lists_other"):
        res = results.get(name, Result([], [], []))
        fp = res.spending()
        what = (
            "negatives (not lists/takeaway)" if name == "negatives" else "other lists (to-do ...)"
        )
        report.say(
            f"  {what:36} rows {res.rows:6}  false purchases {fp:4}  rate {pct(rate(fp, res.rows))}"
        )
        dataset(report, f"massive_{lang}/{name}", "negative", res)
        report_errors(report, name, res)
    for name, expected in POSITIVES.items():
        res = results.get(name, Result([], [], []))
        ok = res.matches(expected)
        label = f"{name} -> {expected}"
        report.say(
            f"  {label:36} rows {res.rows:6}  accuracy {pct(rate(ok, res.rows))}"
            f"  (any spending {pct(rate(res.spending(), res.rows))})"
        )
        dataset(report, f"massive_{lang}/{name}", "positive", res, expected)
        report_errors(report, name, res)
    for name in sorted(n for n in results if n in INFO_INTENTS or n.startswith("info_")):
        res = results[name]
        report.say(
            f"  {name + ' (info only)':36} rows {res.rows:6}"
            f"  spending rate {pct(rate(res.spending(), res.rows))}"
        )
        dataset(report, f"massive_{lang}/{name}", "info", res)
    hits = results.get("negatives", Result([], [], [])).hits()
    if hits:
        report.say(
            f"  example false purchases ({min(len(hits), MASSIVE_EXAMPLES)} of {len(hits)}):"
        )
        for u, name in hits[:MASSIVE_EXAMPLES]:
            report.say(f"    {name:12} {u.ref:18} {short(u.text)}")
    misses = results.get("shopping_list_add", Result([], [], [])).misses("add_to_cart")
    if misses:
        report.say(f"  example missed shopping-list adds ({min(len(misses), 5)} of {len(misses)}):")
        for u, name in misses[:5]:
            report.say(f"    {name:12} {u.ref:18} {short(u.text)}")
    return results


def dataset(report: Report, key: str, kind: str, res: Result, expected: str | None = None) -> None:
    """Record one data set's figures for the JSON report."""
    spending = res.spending()
    entry: dict[str, Any] = {
        "rows": res.rows,
        "kind": kind,
        "spending": spending,
        "spending_rate": rate(spending, res.rows),
        "false_purchase_rate": rate(spending, res.rows) if kind == "negative" else None,
        "accuracy": None,
        "errors": len(res.errors),
        "median_ms": median(res.ms),
    }
    if expected is not None:
        entry["expected"] = expected
        entry["accuracy"] = rate(res.matches(expected), res.rows)
    report.data.setdefault("datasets", {})[key] = entry


# -- 2. Korean corpora ---------------------------------------------------------------------


def read_lines(path: Path) -> list[str]:
    """The file's lines, numbered as an editor numbers them (index 0 = line 1).

    Splits on newline only (str.splitlines would also split on other separators and
    shift the numbering), drops a trailing carriage return and a leading BOM."""
    raw = path.read_bytes().split(b"\n")
    if raw and raw[-1] == b"":
        raw.pop()
    lines = [line.decode("utf-8").rstrip("\r") for line in raw]
    if lines:
        lines[0] = lines[0].lstrip("\ufeff")
    return lines


def utterance_of(corpus: Corpus, line: str) -> str | None:
    fields = next(csv.reader([line]), []) if corpus.sep == "," else line.split(corpus.sep)
    if len(fields) <= corpus.column:
        return None
    text = fields[corpus.column].strip()
    return text or None


def load_corpus(corpus: Corpus) -> tuple[list[Utterance], int] | None:
    """All utterances of one corpus (with ``file:line`` refs) and the count of bad lines."""
    path = DATA / "korean_utterances" / corpus.file
    if not path.is_file():
        return None
    utterances: list[Utterance] = []
    bad = 0
    for number, line in enumerate(read_lines(path), start=1):
        if corpus.header and number == 1:
            continue
        text = utterance_of(corpus, line)
        if text is None:
            bad += 1
            continue
        utterances.append(Utterance(text, "ko", f"{corpus.file}:{number}"))
    return utterances, bad


def score_corpora(report: Report, parse_all: Batch, limit: int | None) -> None:
    report.say("Korean corpora (every row a negative):")
    for corpus in CORPORA:
        loaded = load_corpus(corpus)
        if loaded is None:
            report.skip(DATA / "korean_utterances" / corpus.file)
            continue
        utterances, bad = loaded
        res = parse_all(spread(utterances, limit))
        hits = res.hits()
        note = f"  ({bad} unreadable lines skipped)" if bad else ""
        report.say(
            f"  {corpus.file:18} rows {res.rows:6}  false purchases {len(hits):4}"
            f"  rate {pct(rate(len(hits), res.rows))}{note}"
        )
        report_errors(report, corpus.file, res)
        dataset(report, f"ko/{corpus.file}", "negative", res)
        report.data["datasets"][f"ko/{corpus.file}"]["false_purchases"] = [
            {"line": int(u.ref.rsplit(":", 1)[1]), "intent": name} for u, name in hits
        ]
        for u, name in hits[:KO_EXAMPLES]:
            report.say(f"      {name:12} line {u.ref.rsplit(':', 1)[1]:>6}  {short(u.text)}")
        if len(hits) > KO_EXAMPLES:
            report.say(f"      ... and {len(hits) - KO_EXAMPLES} more (line numbers in --json)")


# -- 3. hand-labelled sample ---------------------------------------------------------------


@dataclass(frozen=True)
class Label:
    file: str
    line: int
    label: str
    note: str

    @property
    def borderline(self) -> bool:
        return self.note.lower().startswith("borderline")


def read_labels(path: Path) -> list[Label]:
    labels: list[Label] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if fields[0] == "file":
            continue  # header
        if len(fields) < 3 or not fields[1].isdigit() or fields[2] not in LABEL_SET:
            raise ValueError(f"{path}:{number}: expected file, line_number, label, note")
        labels.append(
            Label(fields[0], int(fields[1]), fields[2], fields[3] if len(fields) > 3 else "")
        )
    return labels


def label_correct(label: str, intent: str) -> bool:
    """order/add_to_cart must parse to that intent; none/other must not spend."""
    if label in ("order", "add_to_cart"):
        return intent == label
    return not is_spending(intent)


def score_labels(report: Report, parse_all: Batch, limit: int | None) -> None:
    report.say(f"Hand-labelled Korean shopping-like lines ({LABELS.relative_to(ROOT)}):")
    if not LABELS.is_file():
        report.skip(LABELS)
        return
    labels = spread(read_labels(LABELS), limit)
    lines: dict[str, list[str]] = {}
    kept: list[tuple[Label, Utterance]] = []
    for lab in labels:
        if lab.file not in lines:
            path = DATA / "korean_utterances" / lab.file
            if not path.is_file() or lab.file not in CORPUS_BY_FILE:
                report.skip(path)
                lines[lab.file] = []
            else:
                lines[lab.file] = read_lines(path)
        source = lines[lab.file]
        if not source:
            continue
        text = (
            utterance_of(CORPUS_BY_FILE[lab.file], source[lab.line - 1])
            if lab.line <= len(source)
            else None
        )
        if text is None:
            report.say(f"  !! {lab.file}:{lab.line}: no such line or no utterance on it")
            continue
        kept.append((lab, Utterance(text, "ko", f"{lab.file}:{lab.line}")))
    if not kept:
        return
    res = parse_all([u for _, u in kept])
    report_errors(report, "labelled sample", res)
    pairs = list(zip((lab for lab, _ in kept), res.intents, strict=True))
    ok = [label_correct(lab.label, name) for lab, name in pairs]
    clear = [c for (lab, _), c in zip(pairs, ok, strict=True) if not lab.borderline]
    by_file = Counter(lab.file for lab, _ in pairs)
    report.say(f"  rows {len(pairs)} ({', '.join(f'{f} {n}' for f, n in by_file.items())})")
    report.say(
        f"  accuracy {pct(rate(sum(ok), len(ok)))}   clear cases only"
        f" {pct(rate(sum(clear), len(clear)))} ({len(clear)} rows; borderline excluded)"
    )
    by_label: dict[str, Any] = {}
    for label in LABEL_SET:
        got = [
            (lab, name, c) for (lab, name), c in zip(pairs, ok, strict=True) if lab.label == label
        ]
        if not got:
            report.say(f"  {label:12} rows      0")
            by_label[label] = {"rows": 0, "accuracy": None}
            continue
        parsed = Counter(name for _, name, _ in got)
        hits = sum(1 for *_, c in got if c)
        spending = sum(1 for _, name, _ in got if is_spending(name))
        report.say(
            f"  {label:12} rows {len(got):6}  accuracy {pct(rate(hits, len(got)))}"
            f"  spending {pct(rate(spending, len(got)))}"
            f"  parsed as: {', '.join(f'{n} {c}' for n, c in parsed.most_common())}"
        )
        by_label[label] = {
            "rows": len(got),
            "accuracy": rate(hits, len(got)),
            "spending_rate": rate(spending, len(got)),
            "parsed": dict(parsed),
        }
    wrong = [
        (lab, u, name) for (lab, u), name, c in zip(kept, res.intents, ok, strict=True) if not c
    ]
    if wrong:
        report.say(f"  wrong ({len(wrong)}), label -> parsed:")
        for lab, u, name in wrong[:WRONG_SHOWN]:
            flag = " (borderline)" if lab.borderline else ""
            report.say(f"    {lab.label:>11} -> {name:12} {u.ref:22} {short(u.text, 50)}{flag}")
        if len(wrong) > WRONG_SHOWN:
            report.say(f"    ... and {len(wrong) - WRONG_SHOWN} more (refs in --json)")
    report.data["labelled_sample"] = {
        "rows": len(pairs),
        "accuracy": rate(sum(ok), len(ok)),
        "clear_rows": len(clear),
        "accuracy_clear": rate(sum(clear), len(clear)),
        "by_label": by_label,
        "wrong": [{"ref": u.ref, "label": lab.label, "intent": name} for lab, u, name in wrong],
        "errors": len(res.errors),
    }


# -- 4. the Home Assistant peer ------------------------------------------------------------


def score_peer(
    report: Report,
    ours: dict[str, dict[str, Result]],
    peer_limit: int | None,
    jobs: int,
) -> None:
    report.say("Peer: Home Assistant intents (hassil), HassShoppingListAddItem = add_to_cart:")
    if not ours:
        report.say("  skipped: no MASSIVE data")
        report.data["peer"] = {"skipped": "no MASSIVE data"}
        return
    try:
        import hassil_peer
    except ImportError as exc:
        report.say(f"  skipped: cannot import the peer ({exc});")
        report.say("  run: .venv/bin/pip install hassil home-assistant-intents")
        report.data["peer"] = {"skipped": str(exc)}
        return
    start = time.perf_counter()
    hassil_peer.load(tuple(ours))
    load_s = time.perf_counter() - start

    def peer_parse(text: str, lang: str) -> str:
        return hassil_peer.to_jangbogi(hassil_peer.recognize(text, lang))

    for groups in ours.values():  # warm-up: the first matches compile templates
        warm = groups.get("negatives", Result([], [], [])).utterances[: WARMUP_ROWS // 4]
        run(peer_parse, warm)
    sets: dict[str, Any] = {}
    our_ms: list[float] = []
    peer_ms: list[float] = []
    sampled = False
    report.say(f"  {'set':44} {'rows':>6}  {'ours':>14}  {'hassil':>14}")
    for lang, groups in ours.items():
        for name, metric in (
            ("shopping_list_add", "accuracy"),
            ("negatives", "false purchases"),
            ("lists_other", "false purchases"),
        ):
            our = groups.get(name)
            if our is None or not our.rows:
                continue
            indices = spread(range(our.rows), peer_limit)
            sampled = sampled or len(indices) < our.rows
            utterances = [our.utterances[i] for i in indices]
            our_intents = [our.intents[i] for i in indices]
            peer = run(peer_parse, utterances)
            report_errors(report, f"hassil {lang} {name}", peer)
            our_ms.extend(our.ms[i] for i in indices)
            peer_ms.extend(peer.ms)
            if metric == "accuracy":
                ours_n = sum(n == "add_to_cart" for n in our_intents)
                peer_n = peer.matches("add_to_cart")
            else:
                ours_n = sum(is_spending(n) for n in our_intents)
                peer_n = peer.spending()
            rows = len(indices)
            key = f"massive_{lang}/{name}"
            report.say(
                f"  {key + ' ' + metric:44} {rows:6}  {cell(ours_n, rows)}  {cell(peer_n, rows)}"
            )
            metric_key = "accuracy" if metric == "accuracy" else "false_purchase_rate"
            sets[key] = {
                "rows": rows,
                "ours": {metric_key: rate(ours_n, rows), "count": ours_n},
                "hassil": {metric_key: rate(peer_n, rows), "count": peer_n},
            }
            peer_hits = [
                u for u, n in zip(peer.utterances, peer.intents, strict=True) if is_spending(n)
            ]
            if metric != "accuracy" and peer_hits:
                report.say(f"      hassil e.g. {peer_hits[0].ref}: {short(peer_hits[0].text, 50)}")
    ours_med, peer_med = median(our_ms), median(peer_ms)
    report.say(
        f"  median parse time on these rows: ours {fmt_ms(ours_med)}, hassil {fmt_ms(peer_med)}"
        f"  (hassil load {load_s:.2f} s)"
    )
    if jobs > 1:
        report.say(f"  (ours timed during the MASSIVE section, in {jobs} worker processes)")
    report.say(
        "  peer run on an evenly spaced sample (--peer-limit)"
        if sampled
        else "  peer run on all rows of these sets"
    )
    report.data["peer"] = {
        "parser": "hassil",
        "sampled": sampled,
        "sets": sets,
        "median_ms": {"ours": ours_med, "hassil": peer_med},
        "hassil_load_s": load_s,
    }


def cell(count: int, rows: int) -> str:
    """``count (rate)``, with two decimals so a single hit in 12,000 rows shows."""
    share = rate(count, rows)
    return f"{count:5} ({'n/a' if share is None else f'{share * 100:.2f}%':>7})"


def fmt_ms(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f} ms"


# -- 5. speed ------------------------------------------------------------------------------


def first_parses(parse: ParseFn) -> dict[str, float]:
    """Seconds for the first parse in each language (a parser may load on first use)."""
    seconds: dict[str, float] = {}
    for lang, text in FIRST_PARSE.items():
        start = time.perf_counter()
        run(parse, [Utterance(text, lang, "first")])
        seconds[lang] = time.perf_counter() - start
    return seconds


def score_speed(
    report: Report,
    parse: ParseFn,
    load_s: float,
    first_s: dict[str, float],
    massive: dict[str, dict[str, list[Utterance]]],
) -> None:
    report.say("Speed:")
    firsts = ", ".join(f"{lang} {s:.3f} s" for lang, s in first_s.items())
    report.say(f"  load {load_s:.3f} s; first parse {firsts}")
    speed: dict[str, Any] = {"load_s": load_s, "first_parse_s": first_s}
    if not massive:
        report.say("  per-utterance times skipped: no MASSIVE data")
    every: list[float] = []
    for lang, groups in massive.items():
        pool = [u for name in sorted(groups) for u in groups[name]]
        run(parse, spread(pool, WARMUP_ROWS))
        sample = spread(pool, SPEED_ROWS)
        res = run(parse, sample)
        every.extend(res.ms)
        med, p99 = statistics.median(res.ms), percentile(res.ms, 99)
        report.say(
            f"  {lang}: {res.rows} utterances after a warm-up of {WARMUP_ROWS}:"
            f" median {med:.3f} ms, p99 {p99:.3f} ms, max {max(res.ms):.3f} ms"
        )
        speed[lang] = {
            "rows": res.rows,
            "median_ms": med,
            "p99_ms": p99,
            "max_ms": max(res.ms),
        }
    if every:
        speed["all"] = {
            "rows": len(every),
            "median_ms": statistics.median(every),
            "p99_ms": percentile(every, 99),
        }
    report.data["speed"] = speed


# -- main ----------------------------------------------------------------------------------


def positive_int(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return number


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--parser", choices=("grammar",), default="grammar")
    ap.add_argument("--limit", type=positive_int, help="rows per data set (evenly spaced)")
    ap.add_argument("--no-peer", action="store_true", help="skip the Home Assistant peer")
    ap.add_argument(
        "--peer-limit", type=positive_int, help="run the peer on at most N rows per set"
    )
    ap.add_argument(
        "--detect-lang", action="store_true", help="grammar parser: pass lang=None (detect)"
    )
    ap.add_argument("--json", type=Path, metavar="PATH", help="write the figures as JSON")
    ap.add_argument(
        "--jobs",
        type=positive_int,
        default=min(2, os.cpu_count() or 1),
        help="worker processes for the large sets (default: up to 2)",
    )
    args = ap.parse_args(argv)

    began = time.perf_counter()
    report = Report()
    report.data.update(
        parser=args.parser,
        limit=args.limit,
        jobs=args.jobs,
        data_dir=str(DATA),
        started=time.strftime("%Y-%m-%dT%H:%M:%S%z"),
    )
    report.say(f"Jangbogi NLU benchmark: parser {args.parser}, data {DATA}, jobs {args.jobs}")
    if args.limit:
        report.say(f"(quick run: at most {args.limit} rows per data set)")

    start = time.perf_counter()
    parse = load_ours(args.parser, args.detect_lang)
    load_s = time.perf_counter() - start
    first_s = first_parses(parse)

    massive: dict[str, dict[str, list[Utterance]]] = {}
    ours: dict[str, dict[str, Result]] = {}
    with batch_parser(parse, args.parser, args.detect_lang, args.jobs) as parse_all:
        report.say()
        for lang in MASSIVE_FILES:
            groups = load_massive(lang, args.limit)
            if groups is None:
                report.skip(DATA / "massive" / MASSIVE_FILES[lang])
                continue
            massive[lang] = groups
            ours[lang] = score_massive(report, parse_all, lang, groups)
        report.say()
        score_corpora(report, parse_all, args.limit)
        report.say()
        score_labels(report, parse_all, args.limit)
    report.say()
    if args.no_peer:
        report.say("Peer: skipped (--no-peer)")
        report.data["peer"] = {"skipped": "--no-peer"}
    else:
        score_peer(report, ours, args.peer_limit, args.jobs)
    report.say()
    score_speed(report, parse, load_s, first_s, massive)

    elapsed = time.perf_counter() - began
    report.data["skipped"] = report.skipped
    report.data["elapsed_s"] = elapsed
    report.say()
    report.say(f"done in {elapsed:.1f} s")
    if args.json:
        args.json.write_text(json.dumps(report.data, indent=2, ensure_ascii=False) + "\n")
        print(f"wrote {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
