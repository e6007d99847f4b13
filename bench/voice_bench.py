"""Voice figures on the shared real Korean speech clips (../shared/data/speech).

    .venv/bin/python bench/voice_bench.py

Prints: model load time; real-time factor with and without the compiled
grammar; character error rate without grammar on clips with transcripts; the
false-command rate (share of the non-command clips whose transcript parses to
a money-spending intent, as if heard right after a wake word); end-of-audio
to reply-text latency of a full turn (parser + dialog on a demo database);
false wake-ups; and the peak memory (ru_maxrss) of the voice loop itself: a
`jangbogi listen --no-wake --no-tts` process fed every clip in one WAV file.
"""

from __future__ import annotations

import csv
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.audio.wavfile import read_wav  # noqa: E402
from assistant.nlu.grammar import load_grammar  # noqa: E402
from assistant.nlu.schema import SPENDING_INTENTS  # noqa: E402
from assistant.shop.vocabulary import catalog_words, load_parser  # noqa: E402
from assistant.speech.grammar import compile_grammar  # noqa: E402
from assistant.speech.recogniser import Recognizer, knows_word, load_model, resolve_model  # noqa: E402

SPEECH = ROOT.parent / "shared" / "data" / "speech"


def edit_distance(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def normalise(text: str) -> str:
    return "".join(ch for ch in text if ch.isalnum())


def run(pcm: bytes, model: object, grammar: list[str] | None) -> tuple[str, float, float]:
    """(text, seconds of decoding, seconds from end of audio to final result)."""
    rec = Recognizer(model, grammar=grammar)
    start = time.perf_counter()
    texts = []
    for offset in range(0, len(pcm), 6400):
        if rec.accept(pcm[offset : offset + 6400]):
            texts.append(rec.result().text)
    end_of_audio = time.perf_counter()
    texts.append(rec.final().text)
    done = time.perf_counter()
    return " ".join(t for t in texts if t), done - start, done - end_of_audio


def main() -> None:
    manifest = SPEECH / "manifest.tsv"
    if not manifest.is_file():
        print(f"skipped: {manifest} not found")
        return
    with manifest.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    start = time.perf_counter()
    model_path = resolve_model(None)
    model = load_model(model_path)
    print(f"model load: {time.perf_counter() - start:.2f} s ({model_path.name})")
    grammar = list(
        compile_grammar(
            load_grammar("ko"), catalog_words(), lambda w: knows_word(model, w), "bench"
        ).words
    )
    parser = load_parser()
    parser.preload()
    clips = [(r, read_wav(SPEECH / r["filename"])) for r in rows]
    audio_s = sum(a.duration_s for _, a in clips)
    for label, g in (("open vocabulary", None), (f"grammar ({len(grammar)} words)", grammar)):
        decode = 0.0
        tails = []
        spending = []
        for row, audio in clips:
            text, seconds, tail = run(audio.pcm, model, g)
            decode += seconds
            tails.append(tail)
            if row["filename"].startswith("emo_") and parser.parse(text).name in SPENDING_INTENTS:
                spending.append((row["filename"], text))
        emo = sum(1 for r, _ in clips if r["filename"].startswith("emo_"))
        print(
            f"{label}: RTF {decode / audio_s:.3f} over {audio_s:.1f} s of audio in {len(clips)} "
            f"clips; final result {statistics.median(tails) * 1000:.0f} ms median after the end "
            f"of audio; false commands {len(spending)}/{emo} non-command clips {spending}"
        )
    errors = chars = 0
    for row, audio in clips:
        if not row["transcript"]:
            continue
        text, _, _ = run(audio.pcm, model, None)
        ref = normalise(row["transcript"])
        errors += edit_distance(normalise(text), ref)
        chars += len(ref)
    print(f"CER without grammar: {errors / chars:.3f} ({chars} reference characters)")
    turn_latency(clips, model, grammar)
    false_wakes(clips, model, grammar)
    trimmed_load(model_path, grammar)
    voice_loop_memory(clips)


def trimmed_load(model_path: Path, grammar: list[str]) -> None:
    """Load time of the grammar-only model copy the voice loop uses."""
    from assistant.speech.model_trim import grammar_model

    with tempfile.TemporaryDirectory() as tmp:
        trimmed = grammar_model(model_path, grammar, Path(tmp))
        start = time.perf_counter()
        load_model(trimmed)
        print(f"grammar-only model load: {time.perf_counter() - start:.2f} s")


LOOP_PEAK = """
import sys
from assistant.cli import main
try:
    main(sys.argv[1:])
finally:
    status = open("/proc/self/status").read().split("VmHWM:")[1].split()[0]
    print(f"{int(status) / 1024:.0f} MB", file=sys.stderr)
"""


def voice_loop_memory(clips: list) -> None:  # type: ignore[type-arg]
    """Peak memory of `jangbogi listen` over all clips (1 s of silence between them)."""
    import os
    import subprocess
    import wave

    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "XDG_DATA_HOME": tmp, "JANGBOGI_DB": f"sqlite:///{tmp}/loop.db"}
        cli = [sys.executable, "-m", "assistant.cli"]
        # VmHWM of the child's own address space: ru_maxrss from wait4 would include the
        # pages it shared with this (much bigger) process between fork and exec
        peak = [sys.executable, "-c", LOOP_PEAK]
        subprocess.run([*cli, "demo", "init"], env=env, cwd=ROOT, check=True,
                       capture_output=True)  # fmt: skip
        stream = Path(tmp) / "all.wav"
        with wave.open(str(stream), "wb") as out:
            out.setnchannels(1)
            out.setsampwidth(2)
            out.setframerate(16000)
            for _, audio in clips:
                out.writeframes(audio.pcm + b"\0" * 32000)
        for run in ("first run (builds the grammar and the model copy)", "next run"):
            proc = subprocess.Popen(
                [*peak, "listen", "--input", str(stream), "--no-wake", "--no-tts", "--json"],
                env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            )  # fmt: skip
            stdout, stderr = proc.communicate()
            turns = stdout.count(b"\n")
            print(
                f"voice loop peak memory, {run}: {stderr.decode().strip().splitlines()[-1]} "
                f"({turns} turns, exit status {proc.returncode})"
            )


def turn_latency(clips: list, model: object, grammar: list[str]) -> None:  # type: ignore[type-arg]
    """End of audio -> reply text, with the dialog on a fresh demo database."""
    from assistant.cli import main as cli_main
    from assistant.dialog.conversation import Dialog
    from assistant.shop.service import ShopService
    from assistant.store import db
    from assistant.store.models import Channel, utcnow

    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{tmp}/bench.db"
        cli_main(["demo", "init", "--db", url])
        dialog = Dialog(ShopService(db.session_factory(db.open_engine(url))), Channel.VOICE)
        latencies = []
        for _, audio in clips:
            rec = Recognizer(model, grammar=grammar)
            for offset in range(0, len(audio.pcm), 6400):
                rec.accept(audio.pcm[offset : offset + 6400])
            end_of_audio = time.perf_counter()
            dialog.handle(rec.final().text or " ", utcnow())
            latencies.append(time.perf_counter() - end_of_audio)
        latencies.sort()
        p95 = latencies[max(0, int(len(latencies) * 0.95) - 1)]
        print(
            f"full turn (end of audio -> reply text), grammar mode: median "
            f"{statistics.median(latencies) * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms "
            f"over {len(latencies)} clips"
        )


def false_wakes(clips: list, model: object, fillers: list[str]) -> None:  # type: ignore[type-arg]
    """The non-command clips looped as one continuous stream (shuffled each loop) through the
    wake-word detector, and the real recordings of a keyword for the hit rate."""
    import random

    from assistant.audio.profiles_default import DEFAULT_WAKE_WORD
    from assistant.speech.wake import WakeDetector

    emo = [a for r, a in clips if r["filename"].startswith("emo_")]
    rng = random.Random(7)
    detector = WakeDetector(model, DEFAULT_WAKE_WORD, fillers)
    seconds = 0.0
    wakes = 0
    while seconds < 600:
        rng.shuffle(emo)
        for audio in emo:
            for offset in range(0, len(audio.pcm), 960):
                wakes += detector.feed(audio.pcm[offset : offset + 960]) is not None
            seconds += audio.duration_s
    wakes += detector.flush() is not None
    print(
        f"false wake-ups for '{DEFAULT_WAKE_WORD}': {wakes} in {seconds / 60:.1f} min of looped "
        f"shop talk = {wakes * 3600 / seconds:.1f} per hour"
    )
    hits = total = 0
    for row, audio in clips:
        if "빅스비" not in row["transcript"]:
            continue
        total += 1
        keyword = WakeDetector(model, "빅스비", fillers)
        heard = any(
            keyword.feed(audio.pcm[o : o + 960]) is not None for o in range(0, len(audio.pcm), 960)
        )
        hits += heard or keyword.flush() is not None
    print(f"keyword '빅스비' detected in {hits}/{total} real recordings that contain it")


if __name__ == "__main__":
    main()
