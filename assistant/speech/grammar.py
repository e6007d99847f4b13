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

from assistant.nlu.grammar import SLOT_SYMBOLS, Grammar
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


def wanted_words(pack: Grammar, catalog_words: Iterable[str]) -> list[str]:
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
    pack: Grammar, catalog_words: Iterable[str], knows: Callable[[str], bool], model_id: str
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


def fingerprint(pack: Grammar, catalog: list[str], model_id: str) -> str:
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


ANSWER_YES = ("응", "네", "예", "넵", "넹", "YES")
"""Words that make a spoken answer a yes in the confirmation window."""
ANSWER_NO = ("아니", "아니요", "아뇨", "NO")
"""Words that make a spoken answer a no."""
ANSWER_COMPANIONS = ("주문해", "줘", "주세요", "해", "해줘", "요", "그래", "좋아", "맞아")
"""Words allowed beside a yes or a no ("네 주문해 주세요"); alone they answer nothing."""
ANSWER_FILLERS = tuple(
    "아 어 오 우 으 이 음 흠 흐 허 하 후 스 쓰 츠 크 트 프 쉬 시 치 키 티 피 띠 딱 탁 쿵 퉁 쾅 쨍 "
    "땡 딩 동 삐 뿅 덜컹 쿵쾅 똑똑 똑 졸졸 윙 위잉 딸깍 쏴 띵동 라 라라 랄라 흥 에 애 웅 엉 헉 휴 "
    "쉿 칙 붕 삑 찰칵 달그락 덜그럭 와 우르르 펑 탕 빵 뚝 뚝뚝 보글보글 지지직 잉 음음 으음 크흠 "
    "하하 호호 히히 도 레 미 파 솔 딴 따 따라 둥 둥둥 징 뎅 띠링 띠리 삐삐".split()
)
"""Where everything else goes: short syllables, hums and the sounds of a kitchen (쿵, 달그락,
보글보글, 위잉, 랄라). Measured with ``bench/noise_window_bench.py``: with only the answer
words and ``<UNK>``, generated noise came out as 응/네/싫어/NO at word confidence 1.00; with
these fillers it lands on them, and so does ordinary speech that is not an answer."""
ANSWER_WORDS = (*ANSWER_YES, *ANSWER_NO, *ANSWER_COMPANIONS, *ANSWER_FILLERS)
"""Every word the window's grammar wants, before checking the model."""


@dataclass(frozen=True)
class AnswerGrammar:
    """The recogniser grammar of the confirmation window and what its words mean."""

    words: tuple[str, ...]
    """Recogniser words (those the model knows), ``<UNK>`` included."""
    yes: frozenset[str]
    """Words that answer yes."""
    no: frozenset[str]
    """Words that answer no."""
    companions: frozenset[str]
    """Words allowed beside an answer word."""


def answer_grammar(knows: Callable[[str], bool]) -> AnswerGrammar:
    """The window's grammar: answer words, their companions and the fillers the model knows."""
    words = sorted({w for w in ANSWER_WORDS if knows(w)} | {UNKNOWN})
    kept = set(words)
    return AnswerGrammar(
        tuple(words),
        frozenset(ANSWER_YES) & kept,
        frozenset(ANSWER_NO) & kept,
        frozenset(ANSWER_COMPANIONS) & kept,
    )
