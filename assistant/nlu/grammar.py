"""Grammars: ``grammars/<lang>/lists.yaml`` and ``intents.yaml`` loaded into lookup tables."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assistant.config import bundled
from assistant.errors import ConfigError
from assistant.nlu.schema import INTENTS
from assistant.nlu.template import (
    Edges,
    Sequence,
    edges,
    match,
    parse_template,
    required,
    words,
)

GRAMMARS_DIR = bundled("grammars")
SLOT_SYMBOLS = frozenset({"{product}", "{quantity}", "{schedule}", "{delivery}", "{size}", "{ref}"})
"""Slot symbols of a key; ``{size}`` (a pack size said without a product, "1리터짜리로") and
``{ref}`` (a pointer back, "아까 그거") only where a pack puts them there."""


@dataclass(frozen=True)
class Compiled:
    """One template, ready to match."""

    intent: str
    """The intent it stands for."""
    tree: Sequence
    """The parsed template."""
    needs: frozenset[str]
    """Symbols every accepted key contains."""
    edges: Edges
    """Symbols an accepted key can start and end with."""


@dataclass(frozen=True)
class Grammar:
    """Everything one language's grammar files say."""

    lang: str
    """The language code (``ko``)."""
    compiled: tuple[Compiled, ...]
    """Templates in file order: the first that accepts a key wins."""
    rules: dict[str, Sequence]
    """Expansion rules by name."""
    vocabulary: frozenset[str]
    """Every literal lemma used by a template: such words are never part of a product."""
    counters: dict[str, str]
    """Counting word as heard -> unit written in the slots."""
    size_units: frozenset[str]
    """Units that only describe pack sizes."""
    delivery: dict[str, str]
    """Word -> ``home`` / ``locker`` / ``store``."""
    fillers: frozenset[str]
    """Words dropped before matching."""
    boundaries: frozenset[str]
    """Words that end a noun phrase and are dropped (English prepositions)."""
    dropped: frozenset[str]
    """Fillers and boundaries: never part of a key, so they match nothing in a template."""
    auxiliaries: frozenset[str]
    """Auxiliary verbs dropped before matching."""
    time_words: frozenset[str]
    """One-off time words, dropped when no schedule was heard."""
    schedule_words: frozenset[str]
    """Words folded into ``{schedule}`` when a schedule was heard."""
    shopping_lists: frozenset[str]
    """Nouns naming a shopping list or cart."""
    not_products: frozenset[str]
    """Things that are never groceries."""
    user_words: tuple[str, ...]
    """Words the tokenizer must keep whole."""
    speech_words: frozenset[str]
    """Surface words for the speech recogniser's grammar (templates are lemmas)."""
    source_files: tuple[str, ...]
    """The grammar files this pack was loaded from."""
    hesitations: frozenset[str]
    """Hesitations, fillers and unfinishing words ("음", "잠깐만", "근데", "uh", "but"): an
    answer with one of them is never a yes (:mod:`assistant.nlu.doubt`)."""
    templates: dict[str, tuple[str, ...]]
    """The template lines per intent, as written (for grammar compilation and docs)."""
    lookups: dict[tuple[str, ...], str | None] = field(
        default_factory=dict, compare=False, repr=False
    )
    """Memo of :func:`lookup` results."""


_LOOKUP_CACHE_SIZE = 4096


def lookup(pack: Grammar, key: tuple[str, ...]) -> str | None:
    """The intent of the first template (in file order) that accepts ``key`` (memoised: the
    front end and the parser ask for the same key, and keys repeat across utterances)."""
    cache = pack.lookups
    if key in cache:
        return cache[key]
    if len(cache) >= _LOOKUP_CACHE_SIZE:
        cache.clear()
    cache[key] = intent = _lookup(pack, key)
    return intent


def _lookup(pack: Grammar, key: tuple[str, ...]) -> str | None:
    if not key:
        return None
    symbols = frozenset(key)
    first, last = key[0], key[-1]
    for t in pack.compiled:
        if (
            first in t.edges.firsts
            and last in t.edges.lasts
            and t.needs <= symbols
            and match(t.tree, key, pack.rules, pack.dropped)
        ):
            return t.intent
    return None


def _read_yaml(path: Path) -> dict[str, Any]:
    import yaml

    try:
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml: 6x faster, same data
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=loader)
    except FileNotFoundError as exc:
        raise ConfigError(f"grammar file missing: {path}") from exc
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path}: not valid YAML: {exc}") from exc
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: expected a mapping at the top level")
    return data


def _words(data: dict[str, Any], key: str, path: Path) -> frozenset[str]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str | int) for v in value):
        raise ConfigError(f"{path}: '{key}' must be a list of words")
    if any(isinstance(v, bool) for v in value):
        raise ConfigError(f"{path}: '{key}' has yes/no/on/off unquoted (YAML reads a boolean)")
    return frozenset(str(v) for v in value)


def load_grammar(lang: str, root: Path = GRAMMARS_DIR) -> Grammar:
    """Load and compile ``grammars/<lang>/``; any mistake is a :class:`ConfigError`."""
    lists_path, intents_path = root / lang / "lists.yaml", root / lang / "intents.yaml"
    lists, spec = _read_yaml(lists_path), _read_yaml(intents_path)
    rules: dict[str, Sequence] = {
        name: parse_template(str(text))
        for name, text in (spec.get("expansion_rules") or {}).items()
    }
    templates: dict[str, tuple[str, ...]] = {}
    fillers = _words(lists, "fillers", lists_path)
    boundaries = _words(lists, "boundaries", lists_path)
    dropped = fillers | boundaries
    compiled: list[Compiled] = []
    used: set[str] = set()
    for intent, lines in (spec.get("intents") or {}).items():
        if intent not in INTENTS:
            raise ConfigError(f"{intents_path}: unknown intent {intent!r}")
        templates[intent] = tuple(str(line) for line in lines)
        for line in templates[intent]:
            tree = parse_template(line)
            used |= words(tree, rules)
            compiled.append(
                Compiled(intent, tree, required(tree, rules, dropped), edges(tree, rules, dropped))
            )
    vocabulary = frozenset(used - SLOT_SYMBOLS - dropped)
    delivery: dict[str, str] = {}
    for kind, kind_words in (lists.get("delivery") or {}).items():
        if kind not in {"home", "locker", "store"}:
            raise ConfigError(f"{lists_path}: unknown delivery kind {kind!r}")
        delivery.update({str(w): kind for w in kind_words})
    return Grammar(
        lang=lang,
        compiled=tuple(compiled),
        rules=rules,
        vocabulary=vocabulary,
        counters={str(k): str(v) for k, v in (lists.get("counters") or {}).items()},
        size_units=_words(lists, "size_units", lists_path),
        delivery=delivery,
        fillers=fillers,
        boundaries=boundaries,
        dropped=dropped,
        auxiliaries=_words(lists, "auxiliaries", lists_path),
        time_words=_words(lists, "time_words", lists_path),
        schedule_words=_words(lists, "schedule_words", lists_path),
        shopping_lists=_words(lists, "shopping_lists", lists_path),
        not_products=_words(lists, "not_products", lists_path),
        user_words=tuple(sorted(_words(lists, "user_words", lists_path))),
        speech_words=_words(lists, "speech_words", lists_path),
        source_files=(str(lists_path), str(intents_path)),
        hesitations=_words(lists, "hesitations", lists_path),
        templates=templates,
    )
