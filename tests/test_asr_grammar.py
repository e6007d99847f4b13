"""The recogniser grammar: words mapped onto the model's vocabulary, rebuilt when inputs change."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from assistant.nlu.grammar import load_grammar
from assistant.speech.grammar import (
    UNKNOWN,
    compile_grammar,
    load_if_current,
    save,
    split_known,
    wanted_words,
)

VOCAB = {"서울우유", "서울", "우유", "흰우유", "담아", "줘", "주문", "[2]", "MILK", "<UNK>"}


def knows(word: str) -> bool:
    return word in VOCAB


def test_split_into_fewest_known_parts() -> None:
    assert split_known("담아줘", knows) == ["담아", "줘"]
    assert split_known("서울우유흰우유", knows) == ["서울우유", "흰우유"]
    assert split_known("외계인", knows) is None


def test_compile_reports_kept_split_and_missing() -> None:
    pack = load_grammar("ko")
    grammar = compile_grammar(pack, ["서울우유 흰우유", "외계인고기", "milk"], knows, "fake")
    assert UNKNOWN in grammar.words
    assert "우유" not in grammar.coverage.missing
    assert grammar.coverage.split["milk"] == ["MILK"]
    assert "외계인고기" in grammar.coverage.missing
    assert "[2]" in grammar.words
    assert set(grammar.words) <= VOCAB


def test_wanted_words_cover_templates_lists_and_catalog() -> None:
    words = set(wanted_words(load_grammar("ko"), ["풀무원 무항생제 특란"]))
    assert {"장바구니", "주문해", "판", "사물함", "무항생제", "스물네"} <= words
    assert not any(w.endswith("다") and w in {"하다", "주다"} for w in words)


def test_rebuilt_when_the_catalog_changes(tmp_path: Path) -> None:
    pack = load_grammar("ko")
    first = compile_grammar(pack, ["우유"], knows, "fake")
    path = tmp_path / "grammar-ko.json"
    save(first, path)
    assert load_if_current(path, first.fingerprint) == first.words
    second = compile_grammar(pack, ["우유", "서울우유"], knows, "fake")
    assert second.fingerprint != first.fingerprint
    assert load_if_current(path, second.fingerprint) is None
    (tmp_path / "broken.json").write_text("{not json")
    assert load_if_current(tmp_path / "broken.json", first.fingerprint) is None


@pytest.mark.slow
def test_real_model_coverage() -> None:
    from assistant.speech.recogniser import knows_word, load_model, resolve_model

    model: Any = load_model(resolve_model(None))
    catalog = ["서울우유 흰우유", "풀무원 무항생제 특란", "농심 신라면"]
    grammar = compile_grammar(load_grammar("ko"), catalog, lambda w: knows_word(model, w), "ko")
    assert {"서울우유", "흰우유", "신라면", "장바구니", "주문해", "줘"} <= set(grammar.words)
    assert all(knows_word(model, w) for w in grammar.words)
    assert grammar.coverage.split.get("담아줘", ["담아", "줘"]) == ["담아", "줘"]
    assert len(grammar.coverage.kept) > 5 * len(grammar.coverage.missing)


def test_grammar_build_command(tmp_path: Path, db_url: str) -> None:
    from tests.conftest import run_jangbogi

    out = tmp_path / "g.json"
    result = run_jangbogi("grammar", "build", "--db", db_url, "--out", str(out), "--report")
    assert result.code == 0, result.err
    assert out.is_file() and "recogniser words" in result.out
    assert "missing\t" in result.out or "split\t" in result.out
