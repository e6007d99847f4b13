"""Noise and real short answers replayed into the voice loop's open confirmation window.

    .venv/bin/python bench/noise_window_bench.py [--minutes 32] [--seed N] [--no-checks]

The same parts as ``jangbogi listen`` (the compiled shop grammar on the trimmed
Korean model, the wake-word detector, the default device profile's endpointer,
the answer checks of :mod:`assistant.doors.voice_answer`) and a demo SQLite database.
Before each replay the dialog asks "서울우유 흰우유 1L 한 개 주문할까요?" (a text
turn), so the audio lands in the follow-up window that needs no wake word.

Replayed, each into its own window, into a database that must end with no order:
the ``audio_fixtures`` noise and tones (each after 0, 0.1 and 0.5 s of quiet),
the shared speech clips (../shared/data/speech, skipped when absent) and
``--minutes`` of generated household non-speech
(:mod:`tests.household_noise`, deterministic from ``--seed``).

Then the real short answers cut at run time from the shared clips ("네" x2,
"아니요" x1), at three loudness levels, into a second database: every yes should
place its order and every no should decline.

``--no-checks`` replays the noise into the loop as it was before the checks (the
command grammar's transcript goes straight to the dialog), for comparison.

Prints windows, turns, what the command grammar alone would have taken for a
yes, why turns were ignored, confirmations and orders, the median time the
checks add to a turn, and the acceptance of the real answers.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SPENDING = {"confirm"}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--minutes", type=float, default=32.0, help="generated non-speech")
    parser.add_argument("--seed", type=int, default=20260312)
    parser.add_argument("--no-checks", action="store_true", help="the loop as it was")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="noise-window-") as tmp:
        os.environ["XDG_DATA_HOME"] = str(Path(tmp) / "data")  # grammar and trimmed model
        return run(Path(tmp), args.minutes, args.seed, checks=not args.no_checks)


def run(tmp: Path, minutes: float, seed: int, *, checks: bool = True) -> int:
    from assistant.cli import main as cli
    from assistant.cli.voice import grammar_model, voice_grammar
    from assistant.shop.vocabulary import from_database
    from assistant.speech.grammar import ANSWER_WORDS
    from assistant.speech.recogniser import load_model, resolve_model
    from assistant.store import db
    from tests.household_noise import episodes
    from tests.window_audio import (
        ANSWER_CLIPS,
        FIXTURE_PADS_S,
        FIXTURES,
        NOISE_FIXTURES,
        SPEECH,
        WindowRig,
        cut_answer,
        pcm_of,
        quiet,
        scaled,
    )

    noise_url, answer_url = (f"sqlite:///{tmp / name}" for name in ("noise.db", "answers.db"))
    for url in (noise_url, answer_url):
        assert cli(["demo", "init", "--db", url]) == 0
    model_path = resolve_model(None)
    vocabulary = from_database(db.session_factory(db.open_engine(noise_url)))
    grammar = voice_grammar(list(vocabulary.phrases), model_path)
    model = grammar_model(model_path, [*grammar, "장보기", *ANSWER_WORDS])
    rig = WindowRig(noise_url, model, grammar)
    judge_ms: list[float] = []
    judge = rig.gate.judge

    def timed(*a: object, **k: object) -> object:
        start = time.perf_counter()
        try:
            return judge(*a, **k)  # type: ignore[arg-type]
        finally:
            judge_ms.append((time.perf_counter() - start) * 1000)

    rig.gate.judge = timed  # type: ignore[method-assign]
    if not checks:
        rig.gate = None  # type: ignore[assignment]

    state = "on" if checks else "OFF"
    print(f"seed {seed}; {len(grammar)} command grammar words; answer checks {state}")
    sources: Counter[str] = Counter()
    confirmations: Counter[str] = Counter()

    def replay(source: str, pcm: bytes, what: str) -> None:
        done = rig.replay(pcm)
        sources[source] += len(pcm) / 32000
        confirmed = sum(t.reply.intent.name in SPENDING for t in done.turns)
        confirmations[source] += confirmed
        if confirmed:  # every breach is shown with what the checks saw
            heard = [t.heard for t in done.turns]
            print(f"CONFIRMED by {what}: the loop heard {heard}")
            for verdict in done.verdicts:
                heard = verdict.answer.words if verdict.answer else ()
                print(
                    f"CONFIRMED by {what}: {verdict.reason}, {verdict.voicing}, "
                    f"answer words {[(w.text, w.confidence, w.start, w.end) for w in heard]}"
                )

    for name in NOISE_FIXTURES:
        for pad in FIXTURE_PADS_S:
            replay("audio_fixtures", quiet(pad) + pcm_of(FIXTURES / name), f"{name} after {pad} s")
    clips = sorted(SPEECH.glob("*.wav")) if SPEECH.is_dir() else []
    for clip in clips:
        replay("shared clips", quiet(0.5) + pcm_of(clip), clip.name)
    started = time.perf_counter()
    kinds: Counter[str] = Counter()
    for index, one in enumerate(episodes(seed, minutes * 60)):
        replay("generated", one.pcm, f"episode {index} ({one.kind}, {one.level_dbfs:.0f} dBFS)")
        kinds[one.kind] += 1
    generated_s = time.perf_counter() - started
    orders = _orders(noise_url)

    print("\n## noise into the open window (must be 0 confirmations, 0 orders)")
    print("| source | audio | windows | confirmations |")
    print("|---|---|---|---|")
    fixtures = len(NOISE_FIXTURES) * len(FIXTURE_PADS_S)
    windows = {"audio_fixtures": fixtures, "shared clips": len(clips),
               "generated": sum(kinds.values())}  # fmt: skip
    for source, seconds in sources.items():
        print(f"| {source} | {seconds / 60:.1f} min | {windows[source]} | "
              f"{confirmations[source]} |")  # fmt: skip
    print(f"orders in the database: {orders}")
    print(f"generated episodes by kind: {dict(sorted(kinds.items()))}")
    print(f"generated audio replayed in {generated_s:.0f} s "
          f"(real-time factor {generated_s / sources['generated']:.3f})")  # fmt: skip
    print("what happened to the turns:")
    for key, count in sorted(rig.counts.items()):
        print(f"  {key}: {count}")
    if judge_ms:
        print(f"answer checks per turn: median {statistics.median(judge_ms):.0f} ms, "
              f"max {max(judge_ms):.0f} ms over {len(judge_ms)} turns")  # fmt: skip

    print("\n## real short answers cut from the shared clips (should be accepted)")
    if not checks:
        return 0
    if not clips:
        print(f"skipped: no shared speech clips in {SPEECH}")
        return 0 if orders == 0 else 1
    full = load_model(model_path)  # the alignment grammar has words the trimmed model lacks
    answers = WindowRig(answer_url, model, grammar)
    accepted = total = 0
    print("| clip | answer | gain | heard | reply |")
    print("|---|---|---|---|---|")
    for clip in ANSWER_CLIPS:
        cut = cut_answer(full, clip)
        if cut is None:
            print(f"| {clip.file} | {clip.word} | - | not found | |")
            continue
        for gain in (0.5, 1.0, 2.0):
            done = answers.replay(quiet(0.6) + scaled(cut, gain))
            intents = [t.reply.intent.name for t in done.turns]
            ok = intents == (["confirm"] if clip.kind == "yes" else ["deny"])
            accepted += ok
            total += 1
            said = " / ".join(t.heard for t in done.turns) or "(ignored: " + ", ".join(
                v.reason for v in done.ignored) + ")"  # fmt: skip
            reply = done.turns[0].reply.text[:24] if done.turns else ""
            print(f"| {clip.file} | {clip.word} | {gain} | {said} | {reply} |")
    print(f"accepted {accepted} of {total}; orders placed by the yeses: {_orders(answer_url)}")
    return 0 if orders == 0 else 1


def _orders(url: str) -> int:
    import sqlite3

    con = sqlite3.connect(url.removeprefix("sqlite:///"))
    try:
        return int(con.execute("SELECT count(*) FROM orders").fetchone()[0])
    finally:
        con.close()


if __name__ == "__main__":
    sys.exit(main())
