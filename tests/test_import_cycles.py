"""script/import_cycles.py finds the cycles import-linter's acyclic contract does and the ones
it does not (a package and its own module), and names each with its imports."""

from __future__ import annotations

import sys
from pathlib import Path
from types import ModuleType

import grimp
import pytest

from tests.conftest import load_script

ROOT = Path(__file__).resolve().parent.parent


def _load() -> ModuleType:
    return load_script("import_cycles", ROOT / "script" / "import_cycles.py")


cycles = _load()


def graph_of(*imports: tuple[str, str]) -> grimp.ImportGraph:
    graph = grimp.ImportGraph()
    for importer, imported in imports:
        for module in (importer, imported):
            parts = module.split(".")
            for depth in range(1, len(parts) + 1):
                graph.add_module(".".join(parts[:depth]))
        graph.add_import(importer=importer, imported=imported)
    return graph


def test_a_package_and_its_own_module_in_a_circle() -> None:
    graph = graph_of(("pkg.locales", "pkg.locales.say"), ("pkg.locales.say", "pkg.locales"))
    assert graph.nominate_cycle_breakers("pkg.locales") == set()  # import-linter does not see it
    assert cycles.tangles(cycles.module_graph(graph)) == [["pkg.locales", "pkg.locales.say"]]


def test_rooms_in_a_circle_without_a_module_cycle() -> None:
    graph = graph_of(("pkg.nlu.parser", "pkg.shop.catalog"), ("pkg.shop.advisor", "pkg.nlu.schema"))
    assert cycles.tangles(cycles.module_graph(graph)) == []
    siblings = cycles.sibling_graph(graph, "pkg")
    assert cycles.tangles(siblings) == [["pkg.nlu", "pkg.shop"]]
    assert cycles.shortest_cycle(siblings, ["pkg.nlu", "pkg.shop"]) == [
        "pkg.nlu",
        "pkg.shop",
        "pkg.nlu",
    ]
    (first, second) = cycles.describe(graph, ["pkg.nlu", "pkg.shop", "pkg.nlu"], whole=True)
    assert "pkg.nlu.parser -> pkg.shop.catalog" in first
    assert "pkg.shop.advisor -> pkg.nlu.schema" in second


def test_layers_without_cycles() -> None:
    graph = graph_of(("pkg.cli", "pkg.dialog.core"), ("pkg.dialog.core", "pkg.shop"))
    assert cycles.tangles(cycles.module_graph(graph)) == []
    assert cycles.tangles(cycles.sibling_graph(graph, "pkg")) == []


def test_the_shortest_cycle_through_the_first_module() -> None:
    graph = {"a": {"b", "d"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert cycles.tangles(graph) == [["a", "b", "c", "d"]]
    assert cycles.shortest_cycle(graph, ["a", "b", "c", "d"]) == ["a", "d", "a"]


def test_the_command_names_the_lines_and_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    package = tmp_path / "tangled"
    package.mkdir()
    (package / "__init__.py").write_text("from tangled.one import ONE\n")
    (package / "one.py").write_text('"""One."""\n\nimport tangled\n\nONE = 1\n')
    (package / "two.py").write_text("import json\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    assert cycles.main(["import_cycles.py", "tangled"]) == 1
    out = capsys.readouterr().out
    assert "tangled.one -> tangled  (tangled.one -> tangled l.3; 1 import(s))" in out
    (package / "__init__.py").write_text("")
    sys.modules.pop("tangled", None)
    assert cycles.main(["import_cycles.py", "tangled"]) == 0


def test_a_cycle_of_modules_is_named_once() -> None:
    graph = graph_of(("pkg.a", "pkg.b"), ("pkg.b", "pkg.a"))
    (cycle,) = cycles.find_cycles(graph)
    assert (cycle.where, cycle.path) == ("between modules", ["pkg.a", "pkg.b", "pkg.a"])
