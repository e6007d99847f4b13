"""Real-time factor of the recogniser alone, with the compiled grammar and with open vocabulary,
on the shared speech clips: the RTF lines of ``voice_bench.py`` without the rest, for
before/after pairs.

Run from a checkout's ``bench/`` folder; it uses that checkout's ``voice_bench.py`` (and so
its recogniser wrapper)::

    cd bench && ../.venv/bin/python voice_rtf.py
    cd /old/checkout/bench && PYTHONPATH=/old/checkout python /this/checkout/bench/voice_rtf.py
"""

from __future__ import annotations

import csv
import os
import sys

sys.path.insert(0, os.getcwd())
import voice_bench as vb


def main() -> None:
    manifest = vb.SPEECH / "manifest.tsv"
    if not manifest.is_file():
        print(f"skipped: {manifest} not found")
        return
    with manifest.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    model = vb.load_model(vb.resolve_model(None))
    grammar_files = getattr(vb, "load_grammar", None) or vb.load_pack  # older checkouts
    words = vb.compile_grammar(
        grammar_files("ko"), vb.catalog_words(), lambda w: vb.knows_word(model, w), "bench"
    ).words
    clips = [vb.read_wav(vb.SPEECH / r["filename"]) for r in rows]
    audio_s = sum(a.duration_s for a in clips)
    for label, grammar in (("grammar", list(words)), ("open vocabulary", None)):
        decode = sum(vb.run(a.pcm, model, grammar)[1] for a in clips)
        print(f"{label}: RTF {decode / audio_s:.4f} over {audio_s:.1f} s of audio")


if __name__ == "__main__":
    main()
