"""Name every import cycle in a package, and fail if there is one (``make contracts``).

Two kinds are looked for. Between siblings: the children of each package, each taken with
everything inside it, must not import each other in a circle (``nlu`` -> ``shop`` -> ``nlu``
through different modules is a cycle of rooms). Between modules: no module may reach itself by
imports, ``__init__`` modules included. import-linter's ``acyclic_siblings`` contract
(pyproject.toml) checks the first kind, but it leaves each package's own ``__init__`` out, so a
package that re-exports a module which imports from the package passes it, and the imports it
names as "cycle breakers" may include some that lie on no cycle. This prints, for every group
that imports each other in a circle, one shortest cycle with the lines of its imports. Imports
inside functions and under ``TYPE_CHECKING`` count, as in import-linter.

Usage: ``python script/import_cycles.py [PACKAGE]`` (default ``assistant``).
"""

from __future__ import annotations

import itertools
import sys
from collections import deque
from collections.abc import Mapping, Sequence, Set
from dataclasses import dataclass

import grimp

Graph = Mapping[str, Set[str]]


def tangles(graph: Graph) -> list[list[str]]:
    """Every group of two or more nodes that reach each other (Tarjan's strongly connected
    components), each sorted, in a stable order."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    groups: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for target in sorted(graph.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = stack[stack.index(node) :]
            del stack[stack.index(node) :]
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return sorted(groups)


def shortest_cycle(graph: Graph, group: Sequence[str]) -> list[str]:
    """A shortest cycle through the group's first node: [a, b, ..., a]."""
    start, members = group[0], set(group)
    came_from: dict[str, str] = {}
    queue = deque([start])
    while queue:
        node = queue.popleft()
        for target in sorted(set(graph.get(node, ())) & members):
            if target == start:
                path = [node]
                while path[-1] != start:
                    path.append(came_from[path[-1]])
                return [*reversed(path), start]
            if target not in came_from:
                came_from[target] = node
                queue.append(target)
    raise ValueError(f"{start} is on no cycle")


def module_graph(imports: grimp.ImportGraph) -> dict[str, set[str]]:
    """Each module and the modules it imports directly."""
    return {m: set(imports.find_modules_directly_imported_by(m)) for m in imports.modules}


def sibling_graph(imports: grimp.ImportGraph, package: str) -> dict[str, set[str]]:
    """The children of a package, each with everything inside it, and the children each uses."""
    children = imports.find_children(package)
    owner = {d: child for child in children for d in {child, *imports.find_descendants(child)}}
    graph: dict[str, set[str]] = {child: set() for child in children}
    for module, child in owner.items():
        for imported in imports.find_modules_directly_imported_by(module):
            if owner.get(imported, child) != child:
                graph[child].add(owner[imported])
    return graph


def describe(imports: grimp.ImportGraph, cycle: Sequence[str], whole: bool) -> list[str]:
    """One line per step of the cycle, with one import that makes it (and its line); ``whole``:
    the steps are packages taken with everything inside them."""

    def within(module: str) -> set[str]:
        return {module, *imports.find_descendants(module)} if whole else {module}

    lines = []
    for importer, imported in itertools.pairwise(cycle):
        found: list[tuple[str, str, object]] = []
        targets = within(imported)
        for source in sorted(within(importer)):
            for target in sorted(imports.find_modules_directly_imported_by(source) & targets):
                details = imports.get_import_details(importer=source, imported=target)
                found += [(source, target, d["line_number"]) for d in details] or [
                    (source, target, "?")
                ]
        source, target, line = found[0]
        lines.append(
            f"  {importer} -> {imported}  ({source} -> {target} l.{line}; {len(found)} import(s))"
        )
    return lines


@dataclass(frozen=True)
class Cycle:
    """A group of modules (or of packages, taken whole) that import each other in a circle,
    and one shortest cycle through them."""

    where: str
    group: list[str]
    path: list[str]
    whole: bool


def find_cycles(imports: grimp.ImportGraph) -> list[Cycle]:
    """Between modules first, then between the children of every package; a cycle already
    named between modules is not repeated between siblings."""
    graphs = [("between modules", module_graph(imports), False)] + [
        (f"between the children of {parent}", sibling_graph(imports, parent), True)
        for parent in sorted(m for m in imports.modules if imports.find_children(m))
    ]
    found: list[Cycle] = []
    for where, graph, whole in graphs:
        for group in tangles(graph):
            path = shortest_cycle(graph, group)
            if all(path != seen.path for seen in found):
                found.append(Cycle(where, group, path, whole))
    return found


def main(argv: Sequence[str]) -> int:
    """Print every cycle of the package with its imports; 1 if there is any."""
    package = argv[1] if len(argv) > 1 else "assistant"
    imports = grimp.build_graph(package, cache_dir=None)
    found = find_cycles(imports)
    for cycle in found:
        print(f"cycle {cycle.where}: {', '.join(cycle.group)}")
        print("\n".join(describe(imports, cycle.path, cycle.whole)))
    print(f"{package}: {len(found)} import cycle(s) among {len(imports.modules)} modules")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
