"""The recogniser's grammar, compiled from the language pack and the live catalog.

Vosk ignores a grammar word it does not know, silently. So every word we want
heard is checked against the model's vocabulary: kept as it is, split into
words the model knows (서울우유흰우유 -> 서울우유 흰우유), or reported as missing.
The result is a word list (Vosk estimates its language model from it) that is
rebuilt automatically when the catalog or the grammar files change.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from assistant.nlu.grammar import SLOT_SYMBOLS, LanguagePack
from assistant.nlu.numbers import to_native

UNKNOWN = "<UNK>"
"""The model has no "[unk]"; "<UNK>" is accepted and gives off-list speech somewhere to go."""
NUMBER_TOKENS = (
    [f"[{n}]" for n in range(100)]
    + [f"[0{n}]" for n in range(10)]
    + [f"[{d}]" for d in "일이삼사오육칠팔구"]
    + ["(십)", "(백)", "(천)", "{만}"]
)


@dataclass
class Coverage:
    """How the wanted words map onto the model's vocabulary."""

    kept: list[str] = field(default_factory=list)
    """Known to the model as they are."""
    split: dict[str, list[str]] = field(default_factory=dict)
    """Unknown whole, heard as these known parts."""
    missing: list[str] = field(default_factory=list)
    """Cannot be heard at all with this model."""


@dataclass(frozen=True)
class CompiledGrammar:
    """A grammar ready for ``KaldiRecognizer(model, rate, json.dumps(words))``."""

    words: tuple[str, ...]
    """Recogniser words, ``<UNK>`` included."""
    fingerprint: str
    """Hash of what it was built from (grammar files, catalog words, model)."""
    coverage: Coverage
    """What mapped and how."""


def wanted_words(pack: LanguagePack, catalog_words: Iterable[str]) -> list[str]:
    """Every word the recogniser should be able to hear, before checking the model."""
    words: set[str] = set()
    words |= {w for w in pack.vocabulary if not w.endswith("다") and not w.startswith("*")}
    words |= set(pack.counters) | set(pack.delivery) | pack.fillers | pack.schedule_words
    words |= pack.speech_words
    words |= {to_native(n, attributive=True) for n in range(1, 100)}
    words |= {to_native(n) for n in range(1, 100)}
    for phrase in catalog_words:
        words |= set(phrase.split())
    return sorted(w for w in words if w and w not in SLOT_SYMBOLS)


def split_known(word: str, knows: Callable[[str], bool], max_parts: int = 4) -> list[str] | None:
    """Split ``word`` into the fewest parts the model knows (longest first), or None."""
    best: dict[int, list[str]] = {0: []}
    for end in range(1, len(word) + 1):
        for start in range(end):
            if start in best and knows(word[start:end]):
                candidate = [*best[start], word[start:end]]
                if end not in best or len(candidate) < len(best[end]):
                    best[end] = candidate
    parts = best.get(len(word))
    return parts if parts is not None and len(parts) <= max_parts else None


def compile_grammar(
    pack: LanguagePack, catalog_words: Iterable[str], knows: Callable[[str], bool], model_id: str
) -> CompiledGrammar:
    catalog = sorted(set(catalog_words))
    coverage = Coverage()
    out: set[str] = {UNKNOWN}
    for word in wanted_words(pack, catalog):
        if knows(word):
            coverage.kept.append(word)
            out.add(word)
            continue
        if word.isascii() and knows(word.upper()):  # the Korean model spells English in capitals
            coverage.split[word] = [word.upper()]
            out.add(word.upper())
            continue
        parts = split_known(word, knows)
        if parts is None:
            coverage.missing.append(word)
        else:
            coverage.split[word] = parts
            out.update(parts)
    out.update(t for t in NUMBER_TOKENS if knows(t))
    return CompiledGrammar(tuple(sorted(out)), fingerprint(pack, catalog, model_id), coverage)


def fingerprint(pack: LanguagePack, catalog: list[str], model_id: str) -> str:
    digest = hashlib.sha256()
    for path in sorted(pack.source_files):
        digest.update(Path(path).read_bytes())
    digest.update("\n".join(catalog).encode())
    digest.update(model_id.encode())
    return digest.hexdigest()[:16]


def save(grammar: CompiledGrammar, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(
        json.dumps({"fingerprint": grammar.fingerprint, "words": list(grammar.words)},
                   ensure_ascii=False),
        encoding="utf-8",
    )  # fmt: skip
    tmp.replace(path)


def load_if_current(path: Path, expected: str) -> tuple[str, ...] | None:
    """The saved word list when it was built from the same inputs; None means rebuild."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if data.get("fingerprint") != expected:
        return None
    return tuple(data.get("words", ()))
