"""spaCy imported for the English front end skips its command line, which still works when
asked for; the Korean front end does not import spaCy at all."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT

CHECK = """
import sys
from assistant.nlu.lang.en import PACK
from assistant.nlu.grammar import load_grammar
front = PACK.front_end(load_grammar("en"), ())
print(front.analyse("order two bottles of milk").key)
print(sorted(m for m in ("typer", "weasel", "requests", "httpx") if m in sys.modules))
import spacy
print(callable(spacy.info), callable(spacy.cli.download))
print("typer" in sys.modules)
"""


def test_a_front_end_imports_spacy_without_its_command_line() -> None:
    run = subprocess.run(
        [sys.executable, "-c", CHECK], capture_output=True, text=True, cwd=ROOT, timeout=120
    )
    assert run.returncode == 0, run.stderr
    key, cli_libraries, usable, loaded_on_use = run.stdout.splitlines()
    assert key  # the front end works
    assert cli_libraries == "[]"
    assert (usable, loaded_on_use) == ("True True", "True")


KOREAN = """
import sys
from assistant.nlu.lang.ko import PACK
from assistant.nlu.grammar import load_grammar
front = PACK.front_end(load_grammar("ko"), ())
print(front.analyse("우유 두 개 주문해 줘").key)
print("spacy" in sys.modules, "kiwipiepy" in sys.modules)
"""


def test_the_korean_front_end_reads_without_spacy() -> None:
    run = subprocess.run(
        [sys.executable, "-c", KOREAN], capture_output=True, text=True, cwd=ROOT, timeout=120
    )
    assert run.returncode == 0, run.stderr
    key, loaded = run.stdout.splitlines()
    assert key == "('{product}', '{quantity}', '주문', '하다')", key
    assert loaded == "False True"
