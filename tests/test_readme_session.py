"""The example session in README.md is reproducible, word for word."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import ROOT, run_jangbogi


def readme_session() -> list[tuple[str, str]]:
    rows = []
    in_table = False
    for line in (ROOT / "README.md").read_text(encoding="utf-8").splitlines():
        if line.startswith("| you type |"):
            in_table = True
            continue
        if in_table and line.startswith("| ---"):
            continue
        if in_table and line.startswith("|"):
            cells = [c.strip() for c in line.strip("|").split(" | ")]
            rows.append((cells[0], cells[1]))
        elif in_table:
            break
    return rows


def test_readme_session_is_what_the_assistant_says(tmp_path: Path) -> None:
    session = readme_session()
    assert len(session) >= 10
    url = f"sqlite:///{tmp_path / 'demo.db'}"
    assert run_jangbogi("demo", "init", "--db", url).code == 0
    result = run_jangbogi("text", "--db", url, stdin="".join(f"{s}\n" for s, _ in session))
    assert result.code == 0, result.err
    assert result.lines == [reply for _, reply in session]
