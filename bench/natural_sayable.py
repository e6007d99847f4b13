"""How many natural-request utterances the voice grammar can hear, word for word.

    python bench/natural_sayable.py [bench/natural/ko.yaml]

The recogniser only outputs words of the compiled grammar (``jangbogi grammar build``: the
grammar files' words, ``speech_words`` and the catalog, mapped onto the Vosk model). An
utterance of the corpus (its first line and its corrections) is sayable when every word is a
grammar word or splits into grammar words; digits count as sayable (the recogniser hears number
words). Written-only forms (kg, ml, typos like 주세여) are listed as missing: a speaker says
키로, 밀리, 주세요.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import yaml

from assistant.cli.voice import compile_grammar
from assistant.shop.vocabulary import bundled_vocabulary
from assistant.speech.grammar import split_known
from assistant.speech.recogniser import default_model_path


def main(argv: list[str]) -> int:
    path = Path(argv[0] if argv else "bench/natural/ko.yaml")
    compiled = compile_grammar(list(bundled_vocabulary().phrases), default_model_path())
    words = set(compiled.words)
    missing: dict[str, int] = {}
    tasks = yaml.safe_load(path.read_text(encoding="utf-8"))
    sayable = 0
    for task in tasks:
        ok = True
        for line in [task["say"], *task.get("then", [])]:
            for tok in re.sub(r"[0-9.]+", " ", re.sub(r"[?!,~]", " ", line)).split():
                if tok in words or split_known(tok, words.__contains__) is not None:
                    continue
                ok = False
                missing[tok] = missing.get(tok, 0) + 1
        sayable += ok
    print(f"{path}: {sayable}/{len(tasks)} utterances sayable word for word "
          f"({100 * sayable / len(tasks):.1f} %), grammar of {len(words)} words")  # fmt: skip
    ranked = sorted(missing.items(), key=lambda kv: -kv[1])
    print("missing:", ", ".join(f"{w} ({n})" for w, n in ranked))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
