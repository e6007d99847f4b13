"""The grammar-only copy of the Vosk model: smaller, and decoding exactly as the full one."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.errors import SpeechModelError
from assistant.speech.model_trim import (
    TRIM_PREFIX,
    grammar_model,
    read_header,
    read_vocabulary,
)
from assistant.speech.recogniser import resolve_model

ROOT = Path(__file__).resolve().parent.parent
SPEECH = ROOT.parent / "shared" / "data" / "speech"


@pytest.fixture(scope="module")
def model() -> Path:
    return resolve_model(None)


@pytest.fixture(scope="module")
def vocabulary(model: Path) -> frozenset[str]:
    return read_vocabulary(model)


def test_vocabulary_is_read_from_the_model_files(vocabulary: frozenset[str]) -> None:
    assert 500_000 < len(vocabulary) < 510_000  # measured: 503,352 words
    assert "우유" in vocabulary and "[2]" in vocabulary
    assert "담아줘" not in vocabulary  # measured: missing from this model


def test_trimmed_model_keeps_only_the_grammar_words(model: Path, tmp_path: Path) -> None:
    words = ["우유", "두", "개", "주문", "줘", "없는단어xyz"]
    trimmed = grammar_model(model, words, tmp_path)
    assert trimmed != model and trimmed.parent == tmp_path
    header = read_header(trimmed / "graph" / "Gr.fst")
    assert header.fst_type == "vector" and header.osymbols is not None
    kept = {s.decode() for s, _ in header.osymbols.entries}
    assert {"우유", "두", "개", "주문", "줘", "<eps>"} <= kept
    assert "없는단어xyz" not in kept and "라면" not in kept
    original = {
        s: k
        for s, k in read_header(model / "graph" / "Gr.fst", lambda s: True).osymbols.entries  # type: ignore[union-attr]
        if s.decode() in kept
    }
    assert dict(header.osymbols.entries) == original  # the original word ids
    assert (trimmed / "graph" / "Gr.fst").stat().st_size < 100_000
    assert (trimmed / "graph" / "HCLr.fst").resolve() == (model / "graph" / "HCLr.fst").resolve()


def test_trimmed_model_is_cached_and_replaced_when_the_words_change(
    model: Path, tmp_path: Path
) -> None:
    first = grammar_model(model, ["우유", "줘"], tmp_path)
    stamp = (first / "graph" / "Gr.fst").stat().st_mtime_ns
    assert grammar_model(model, ["줘", "우유", "우유"], tmp_path) == first
    assert (first / "graph" / "Gr.fst").stat().st_mtime_ns == stamp
    second = grammar_model(model, ["우유", "줘", "라면"], tmp_path)
    assert second != first and not first.exists()
    assert [p.name for p in tmp_path.iterdir()] == [second.name]
    assert second.name.startswith(TRIM_PREFIX)


def test_models_of_another_layout_are_used_as_they_are(tmp_path: Path) -> None:
    other = tmp_path / "big-model"
    (other / "graph").mkdir(parents=True)
    (other / "graph" / "HCLG.fst").write_bytes(b"x")
    assert grammar_model(other, ["우유"], tmp_path / "cache") == other
    assert not (tmp_path / "cache").exists()


def test_a_corrupt_language_model_file_is_a_clear_error(model: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken"
    (broken / "graph").mkdir(parents=True)
    (broken / "graph" / "HCLr.fst").symlink_to(model / "graph" / "HCLr.fst")
    (broken / "graph" / "Gr.fst").write_bytes((model / "graph" / "Gr.fst").read_bytes()[:5000])
    with pytest.raises(SpeechModelError, match="truncated"):
        grammar_model(broken, ["우유"], tmp_path / "cache")
    (broken / "graph" / "Gr.fst").write_bytes(b"not an fst at all")
    with pytest.raises(SpeechModelError, match="not an OpenFst file"):
        read_vocabulary(broken)


DECODE = """
import json, sys
from pathlib import Path
from assistant.speech.recogniser import Recognizer, load_model
from assistant.audio.wavfile import read_wav
model = load_model(Path(sys.argv[1]))
grammar = json.loads(sys.argv[2])
out = []
for f in sys.argv[3:]:
    rec = Recognizer(model, grammar=grammar)
    rec.accept(read_wav(Path(f)).pcm)
    out.append(rec.final().to_json())
print(json.dumps(out, ensure_ascii=False))
"""


def _decode(model: Path, grammar: list[str], files: list[Path]) -> object:
    # one process per model: Vosk's results can depend on what else a process has loaded
    done = subprocess.run(
        [sys.executable, "-c", DECODE, str(model), json.dumps(grammar), *map(str, files)],
        capture_output=True, text=True, cwd=ROOT, check=True, timeout=300,
    )  # fmt: skip
    return json.loads(done.stdout)


@pytest.mark.slow
def test_trimmed_model_decodes_exactly_like_the_full_model(
    model: Path, vocabulary: frozenset[str], tmp_path: Path
) -> None:
    from assistant.nlu.grammar import load_grammar
    from assistant.shop.vocabulary import catalog_words
    from assistant.speech.grammar import compile_grammar

    grammar = list(
        compile_grammar(load_grammar("ko"), catalog_words(), vocabulary.__contains__, "t").words
    )
    files = [ROOT / "audio_fixtures" / "noise_16k.wav", ROOT / "audio_fixtures" / "clipped_16k.wav"]
    if SPEECH.is_dir():
        files += sorted(SPEECH.glob("*.wav"))[:8]
    trimmed = grammar_model(model, grammar, tmp_path)
    full = _decode(model, grammar, files)
    assert _decode(trimmed, grammar, files) == full
    if SPEECH.is_dir():  # real speech, not only noise: the comparison is not vacuous
        assert sum(bool(t["text"]) for t in full) >= 5  # type: ignore[attr-defined,index]
