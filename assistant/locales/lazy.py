"""A language's catalog files parsed one message at a time, when it is first said.

Parsing every ``*.ftl`` file of a language takes longer than a light command should
(``jangbogi orders list`` says one or two sentences out of several hundred), so the files
are only cut into their top-level entries here (a message ``id = ...`` or a term
``-id = ...`` starts at the beginning of a line; everything else of an entry is indented),
and an entry is parsed, with the messages and terms it refers to, the first time it is
needed. :meth:`LazyCatalog.load_all` parses everything at once (the catalog checks).
"""

from __future__ import annotations

import re
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.errors import ConfigError

if TYPE_CHECKING:
    from fluent.runtime import FluentBundle

_ENTRY = re.compile(r"^(-?[a-zA-Z][a-zA-Z0-9_-]*)[ \t]*=", re.M)
_COMMENT = re.compile(r"^#", re.M)


class LazyCatalog:
    """The entries of a language's ``*.ftl`` files (the first of an id wins, as in a
    ``FluentBundle``), added to a bundle when first needed."""

    def __init__(self, files: list[Path]) -> None:
        self._files = files
        self._sources: dict[str, tuple[Path, str]] = {}
        """id (terms: ``-id``) -> its file and its text."""
        self._loaded: set[str] = set()
        self._lock = threading.Lock()
        """One loader at a time: a catalog is shared by every thread (the web page's too)."""
        for path in files:
            text = path.read_text(encoding="utf-8")
            starts = list(_ENTRY.finditer(text))
            for n, m in enumerate(starts):
                end = starts[n + 1].start() if n + 1 < len(starts) else len(text)
                entry = _COMMENT.split(text[m.start() : end], maxsplit=1)[0]
                self._sources.setdefault(m.group(1), (path, entry))

    def has(self, message_id: str) -> bool:
        """Whether a message (not a term) ``message_id`` is in the files."""
        return not message_id.startswith("-") and message_id in self._sources

    def load(self, entry_id: str, bundle: FluentBundle) -> None:
        """Add the entry ``entry_id`` (and every entry it refers to) to ``bundle``, once.
        An entry counts as loaded only when it and all it refers to are in the bundle."""
        if entry_id in self._loaded:
            return
        with self._lock:
            self._load(entry_id, bundle)

    def _load(self, entry_id: str, bundle: FluentBundle) -> None:
        from fluent.syntax import FluentParser
        from fluent.syntax.ast import Junk

        wanted, added = [entry_id], set()
        while wanted:
            name = wanted.pop()
            if name in self._loaded or name in added or name not in self._sources:
                continue
            added.add(name)
            path, text = self._sources[name]
            resource = FluentParser(with_spans=False).parse(text)
            if any(isinstance(e, Junk) for e in resource.body):
                raise ConfigError(f"{path}: a message the catalog format cannot read")
            bundle.add_resource(resource)
            wanted += _references(resource)
        self._loaded |= added

    def load_all(self, bundle: FluentBundle) -> None:
        """Parse every file whole (a malformed one is a ConfigError) and add it to ``bundle``."""
        with self._lock:
            self._load_all(bundle)

    def _load_all(self, bundle: FluentBundle) -> None:
        from fluent.syntax import FluentParser
        from fluent.syntax.ast import Junk

        for path in self._files:
            resource = FluentParser(with_spans=False).parse(path.read_text(encoding="utf-8"))
            if any(isinstance(e, Junk) for e in resource.body):
                raise ConfigError(f"{path}: a message the catalog format cannot read")
            bundle.add_resource(resource)
        self._loaded |= set(self._sources)


def _references(resource: object) -> list[str]:
    """The ids of the messages and terms (``-id``) ``resource`` refers to."""
    from fluent.syntax.ast import MessageReference, TermReference
    from fluent.syntax.visitor import Visitor

    found: list[str] = []

    class Refs(Visitor):
        def visit_MessageReference(self, node: MessageReference) -> None:
            found.append(node.id.name)
            self.generic_visit(node)

        def visit_TermReference(self, node: TermReference) -> None:
            found.append(f"-{node.id.name}")
            self.generic_visit(node)

    Refs().visit(resource)
    return found
