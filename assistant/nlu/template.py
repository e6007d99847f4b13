"""Sentence templates: a tiny hassil-like language, parsed once into a tree.

Syntax (one template is one line of a grammar file):

- ``word``            a literal symbol (a lemma: ``주문``, ``하다``, ``order``)
- ``(a b|c)``         alternatives, each a sequence
- ``[a b]``           optional sequence (same as ``(a b|)``)
- ``{slot}``          a slot symbol (``{product}``, ``{quantity}``, ``{schedule}`` ...)
- ``<rule>``          an expansion rule defined in the same language pack

Templates are matched against the *key* of an utterance (the sequence of
content lemmas and slot symbols the language front end builds), so they are
written in lemmas, not in surface forms: ``주문 하다`` matches 주문해 줘,
주문 해 줘 and 주문할게요 alike. :func:`match` walks the tree directly,
so a template with many optional parts costs nothing up front.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from assistant.errors import ConfigError


@dataclass(frozen=True)
class Word:
    """A literal symbol."""

    text: str
    """The lemma or slot symbol."""


@dataclass(frozen=True)
class RuleRef:
    """A reference to an expansion rule."""

    name: str
    """Rule name without the angle brackets."""


@dataclass(frozen=True)
class Sequence:
    """Items one after the other."""

    items: tuple[Node, ...]
    """The parts."""


@dataclass(frozen=True)
class Alternative:
    """One of several sequences (an empty sequence makes it optional)."""

    options: tuple[Sequence, ...]
    """The choices."""


Node = Word | RuleRef | Sequence | Alternative


def _tokens(text: str) -> Iterator[str]:
    word = ""
    for ch in text:
        if ch in "()[]|":
            if word:
                yield word
                word = ""
            yield ch
        elif ch.isspace():
            if word:
                yield word
                word = ""
        else:
            word += ch
    if word:
        yield word


class _Parser:
    def __init__(self, text: str) -> None:
        self.text = text
        self.tokens = list(_tokens(text))
        self.pos = 0

    def error(self, problem: str) -> ConfigError:
        return ConfigError(f"template {self.text!r}: {problem}")

    def parse(self) -> Sequence:
        options = [self.sequence(closing="|")]
        while self.pos < len(self.tokens) and self.tokens[self.pos] == "|":
            self.pos += 1
            options.append(self.sequence(closing="|"))
        if self.pos != len(self.tokens):
            raise self.error(f"unbalanced {self.tokens[self.pos]!r}")
        return options[0] if len(options) == 1 else Sequence((Alternative(tuple(options)),))

    def sequence(self, closing: str) -> Sequence:
        items: list[Node] = []
        while self.pos < len(self.tokens):
            tok = self.tokens[self.pos]
            if tok in ")]|":
                if tok != "|" and closing == "|":
                    raise self.error(f"unbalanced {tok!r}")
                break
            self.pos += 1
            if tok in "([":
                items.append(self.group(")" if tok == "(" else "]"))
            elif tok.startswith("<") and tok.endswith(">"):
                items.append(RuleRef(tok[1:-1]))
            else:
                items.append(Word(tok))
        return Sequence(tuple(items))

    def group(self, closing: str) -> Alternative:
        options = [self.sequence(closing)]
        while self.pos < len(self.tokens) and self.tokens[self.pos] == "|":
            self.pos += 1
            options.append(self.sequence(closing))
        if self.pos >= len(self.tokens) or self.tokens[self.pos] != closing:
            raise self.error(f"missing {closing!r}")
        self.pos += 1
        if closing == "]":
            options.append(Sequence(()))
        return Alternative(tuple(options))


def parse_template(text: str) -> Sequence:
    """Parse one template line into a tree."""
    if not text.strip():
        raise ConfigError("empty template")
    return _Parser(text).parse()


def words(node: Node, rules: Mapping[str, Sequence], _depth: int = 0) -> set[str]:
    """Every literal symbol a template can use."""
    if _depth > 20:
        raise ConfigError("expansion rules nest too deep (a rule refers to itself?)")
    match node:
        case Word(text):
            return {text}
        case RuleRef(name):
            if name not in rules:
                raise ConfigError(f"unknown expansion rule <{name}>")
            return words(rules[name], rules, _depth + 1)
        case Alternative(options):
            return set().union(*(words(o, rules, _depth) for o in options))
        case Sequence(items):
            return set().union(*(words(i, rules, _depth) for i in items)) if items else set()
    raise ConfigError(f"unknown template node {node!r}")  # pragma: no cover


def match(
    node: Node,
    key: tuple[str, ...],
    rules: Mapping[str, Sequence],
    skip: frozenset[str] = frozenset(),
) -> bool:
    """Whether the template accepts exactly ``key``. Words in ``skip`` match nothing (they are
    fillers that never reach a key)."""
    memo: dict[tuple[int, int], frozenset[int]] = {}

    def ends(n: Node, i: int) -> frozenset[int]:
        cached = memo.get((id(n), i))
        if cached is not None:
            return cached
        result: frozenset[int]
        match n:
            case Word(text):
                if text in skip:
                    result = frozenset({i})
                else:
                    result = frozenset({i + 1}) if i < len(key) and key[i] == text else frozenset()
            case RuleRef(name):
                result = ends(rules[name], i)
            case Alternative(options):
                result = frozenset().union(*(ends(o, i) for o in options))
            case Sequence(items):
                positions = frozenset({i})
                for item in items:
                    positions = frozenset().union(*(ends(item, p) for p in positions))
                    if not positions:
                        break
                result = positions
            case _:  # pragma: no cover
                result = frozenset()
        memo[(id(n), i)] = result
        return result

    return len(key) in ends(node, 0)


def required(node: Node, rules: Mapping[str, Sequence], skip: frozenset[str]) -> frozenset[str]:
    """Symbols every key accepted by the template must contain (a cheap pre-filter)."""
    match node:
        case Word(text):
            return frozenset() if text in skip else frozenset({text})
        case RuleRef(name):
            return required(rules[name], rules, skip)
        case Alternative(options):
            sets = [required(o, rules, skip) for o in options]
            return frozenset.intersection(*sets) if sets else frozenset()
        case Sequence(items):
            return frozenset().union(*(required(i, rules, skip) for i in items))
    raise ConfigError(f"unknown template node {node!r}")  # pragma: no cover


@dataclass(frozen=True)
class Edges:
    """Which symbols can start and end an accepted key, and whether it can be empty."""

    firsts: frozenset[str]
    """Possible first symbols."""
    lasts: frozenset[str]
    """Possible last symbols."""
    nullable: bool
    """Whether the template accepts an empty key."""


def edges(node: Node, rules: Mapping[str, Sequence], skip: frozenset[str]) -> Edges:
    """First/last symbols of a template: an index that skips most templates for a key."""
    match node:
        case Word(text):
            if text in skip:
                return Edges(frozenset(), frozenset(), True)
            return Edges(frozenset({text}), frozenset({text}), False)
        case RuleRef(name):
            return edges(rules[name], rules, skip)
        case Alternative(options):
            parts = [edges(o, rules, skip) for o in options]
            return Edges(
                frozenset().union(*(p.firsts for p in parts)),
                frozenset().union(*(p.lasts for p in parts)),
                any(p.nullable for p in parts),
            )
        case Sequence(items):
            parts = [edges(i, rules, skip) for i in items]
            firsts: frozenset[str] = frozenset()
            for part in parts:
                firsts |= part.firsts
                if not part.nullable:
                    break
            lasts: frozenset[str] = frozenset()
            for part in reversed(parts):
                lasts |= part.lasts
                if not part.nullable:
                    break
            return Edges(firsts, lasts, all(p.nullable for p in parts))
    raise ConfigError(f"unknown template node {node!r}")  # pragma: no cover
