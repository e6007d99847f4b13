"""Extending Jangbogi touches exactly the files docs/architecture.md names.

On a copy of the package, this module adds a new intent ("thanks": 고마워 -> 천만에요) and a
new language (the toy Greek pack of ``tests/toy_greek/``), each by changing only the files
the doc's table "Where a change goes" lists for it, and talks to the copy through real
``jangbogi text`` processes. The files each change touched are compared with the table:
a file the table does not name, or a file the table names that the change did not need,
fails the test (fix the table or the code, not this list).
"""

from __future__ import annotations

import fnmatch
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from assistant.locales import LANGUAGES
from assistant.nlu.intents import IntentName
from tests.test_golden import GAPS, MIN_PHRASINGS

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "architecture.md"
TOY = Path(__file__).resolve().parent / "toy_greek"
NEW = "el"
"""The new language's code (the toy Greek pack)."""
NO_CACHE = shutil.ignore_patterns("__pycache__")


# -- the doc's table --------------------------------------------------------------------


def table_row(change: str) -> str:
    """The files cell of ``change``'s row in the doc's table "Where a change goes"."""
    text = DOC.read_text(encoding="utf-8")
    section = text.split("## Where a change goes", 1)[1].split("\n## ", 1)[0]
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 2 and cells[0] == change:
            return cells[1]
    raise AssertionError(f"docs/architecture.md has no row {change!r} in 'Where a change goes'")


def table_paths(change: str, codes: tuple[str, ...]) -> set[str]:
    """The paths (glob patterns, a folder ends with /) a change's row names, relative to the
    repository, with ``<code>`` made each of ``codes``. What is said in parentheses is an
    explanation, not a file to change; ``path::name`` is a name in that file."""
    cell = table_row(change)
    while re.search(r"\([^()]*\)", cell):
        cell = re.sub(r"\([^()]*\)", "", cell)
    paths = set()
    for item in re.findall(r"`([^`]+)`", cell):
        path = item.split("::", 1)[0]
        if "/" not in path:
            continue  # a name (`Msg`), not a file
        path = path if path.startswith("tests/") else f"assistant/{path}"
        for code in codes if "<code>" in path else ("",):
            paths.add(path.replace("<code>", code))
    return paths


def covered(path: str, pattern: str) -> bool:
    return path.startswith(pattern) if pattern.endswith("/") else fnmatch.fnmatch(path, pattern)


def check_against_table(changed: set[str], change: str, codes: tuple[str, ...]) -> None:
    """Every changed file is named by the row, and every path of the row was changed."""
    wanted = table_paths(change, codes)
    outside = sorted(f for f in changed if not any(covered(f, p) for p in wanted))
    unused = sorted(p for p in wanted if not any(covered(f, p) for f in changed))
    assert outside == [], f"{change}: changed files the table does not name"
    assert unused == [], f"{change}: the table names files the change did not need"


def test_the_table_is_read_as_meant() -> None:
    paths = table_paths("a new intent", ("ko", "en"))
    assert {"assistant/nlu/intents.py", "assistant/dialog/routes.py"} <= paths
    assert {"assistant/grammars/ko/intents.yaml", "tests/golden/en/"} <= paths
    assert covered("assistant/locales/en/dialog.ftl", "assistant/locales/en/*.ftl")
    assert not covered("assistant/locales/en/dialog.py", "assistant/locales/en/*.ftl")
    assert covered("assistant/nlu/lang/el/__init__.py", "assistant/nlu/lang/el/")
    with pytest.raises(AssertionError, match="table does not name"):
        check_against_table({*paths, "assistant/dialog/phrases.py"}, "a new intent", ("ko", "en"))


# -- a copy of the package --------------------------------------------------------------


def snapshot(root: Path) -> dict[str, str]:
    """Every file of the copy (no caches) -> a hash of its bytes."""
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in root.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    }


def diff(before: dict[str, str], after: dict[str, str]) -> set[str]:
    """Files added, removed or changed."""
    return {f for f in before.keys() | after.keys() if before.get(f) != after.get(f)}


def edit(path: Path, anchor: str, text: str, *, before: bool = False) -> None:
    """Put ``text`` right after (or before) the one match of the regex ``anchor``."""
    source = path.read_text(encoding="utf-8")
    found = list(re.finditer(anchor, source, re.M))
    assert len(found) == 1, f"{path}: {anchor!r} found {len(found)} times"
    at = found[0].start() if before else found[0].end()
    path.write_text(source[:at] + text + source[at:], encoding="utf-8")


def append(path: Path, text: str) -> None:
    source = path.read_text(encoding="utf-8")
    path.write_text(source.rstrip("\n") + "\n" + text, encoding="utf-8")


@dataclass(frozen=True)
class Copy:
    """The copy of the package (``root/assistant``) and what each change touched."""

    root: Path
    intent_files: set[str]
    language_files: set[str]

    def env(self) -> dict[str, str]:
        return {**os.environ, "PYTHONPATH": str(self.root)}

    def run(self, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
        """``python -m assistant.cli ARGS`` run from the copy."""
        done = subprocess.run(
            [sys.executable, "-m", "assistant.cli", *args],
            input=stdin, capture_output=True, text=True, env=self.env(), cwd=self.root,
            timeout=180,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
        assert "Traceback" not in done.stderr, done.stderr
        return done

    def talk(self, db_url: str, *lines: str) -> list[str]:
        """One reply per line from a real ``jangbogi text`` of the copy (the database's schema
        is the package's: neither change touches it)."""
        return self.run("text", "--db", db_url, stdin="\n".join(lines) + "\n").stdout.splitlines()


# -- a new intent: "thanks" -------------------------------------------------------------

THANKS_KO = """\
intent: thanks
sentences:
  - text: 고마워
  - text: 고마워요
  - text: 고맙습니다
  - text: 정말 고마워
  - text: 너무 고마워요
  - text: 많이 고마워
  - text: 감사합니다
  - text: 감사해요
  - text: 진짜 감사합니다
  - text: 정말 감사해요
  - text: 감사드립니다
  - text: 수고했어
  - text: 수고하셨습니다
  - text: 수고 많으셨어요
  - text: 땡큐
  - text: 아주 고맙습니다
"""
THANKS_EN = """\
intent: thanks
sentences:
  - text: thank you
  - text: thanks
  - text: thanks a lot
  - text: thank you so much
  - text: thank you very much
  - text: many thanks
  - text: ok thanks
  - text: thanks again
  - text: great, thank you
  - text: much appreciated
"""
BYE_KO = "안녕히 계세요."
REPLY = {
    "ko": "천만에요. 더 필요한 게 있으면 말씀해 주세요.",
    "en": "You're welcome. Anything else?",
}


THANKS_TEMPLATES = {
    "ko": '"[정말|너무|진짜|참|아주|많이] (고맙다|감사 [하다|드리다]|수고 [하다|많다]|땡큐)"',
    "en": '"[okay|great] thank [you] [so|very] [much|lot] [again] | many thank | much appreciate"',
}


def add_intent(root: Path) -> None:
    """A new intent, done as the table says (and nothing else)."""
    pkg = root / "assistant"
    # a plain intent (no Traits row): it spends nothing and answers no open question
    edit(
        pkg / "nlu/intents.py",
        r"\n    @property\n    def traits",
        '    THANKS = "thanks"\n',
        before=True,
    )
    for code, templates in THANKS_TEMPLATES.items():
        append(pkg / f"grammars/{code}/intents.yaml", f"  thanks:\n    - {templates}\n")
    (root / "tests/golden/ko/thanks.yaml").write_text(THANKS_KO, encoding="utf-8")
    (root / "tests/golden/en/thanks.yaml").write_text(THANKS_EN, encoding="utf-8")
    routes = pkg / "dialog/routes.py"
    edit(
        routes,
        r"^from assistant\.nlu\.intents ",
        "from assistant.locales.messages import Msg\n",
        before=True,
    )
    edit(
        routes,
        r"^    table: dict\[IntentName, Handler\] = \{\n",
        "        i.THANKS: lambda _i, _now: r.say(Msg.THANKS),\n",
    )
    edit(
        pkg / "locales/messages.py",
        r'^class Msg\(StrEnum\):\n    """.*"""\n',
        '\n    THANKS = "thanks"\n    """The answer to a thank-you."""\n',
    )
    for code, reply in REPLY.items():
        append(pkg / f"locales/{code}/dialog.ftl", f"thanks = {reply}\n")


# -- a new language: the toy Greek pack --------------------------------------------------

GREEK = {
    "help": "Πείτε: 'θέλω γάλα', 'ναι', 'όχι', 'αντίο'.",
    "bye": "Αντίο.",
}
"""The messages the toy translates; the others are its English catalog's."""


def translated(ftl: str) -> str:
    """An English catalog with the messages of :data:`GREEK` in Greek."""
    out: list[str] = []
    skipping = False
    for line in ftl.splitlines(keepends=True):
        message = re.match(r"([a-z][a-z0-9-]*) =", line)
        if message:
            skipping = message.group(1) in GREEK
            if skipping:
                out.append(f"{message.group(1)} = {GREEK[message.group(1)]}\n")
                continue
        elif skipping and line.startswith((" ", "\t")):
            continue  # the rest of a translated message
        else:
            skipping = False
        out.append(line)
    return "".join(out)


def add_language(root: Path) -> None:
    """A new language, done as the table says (and nothing else)."""
    pkg = root / "assistant"
    for folder in ("grammars", "nlu"):
        shutil.copytree(TOY / folder, pkg / folder, dirs_exist_ok=True, ignore=NO_CACHE)
    (pkg / "locales" / NEW).mkdir()
    for ftl in sorted((pkg / "locales/en").glob("*.ftl")):
        target = pkg / "locales" / NEW / ftl.name
        target.write_text(translated(ftl.read_text(encoding="utf-8")), encoding="utf-8")
    edit(pkg / "nlu/packs.py", r'^DEFAULT_LANGS: tuple\[str, \.\.\.\] = \("ko", "en"', f', "{NEW}"')
    edit(pkg / "locales/say.py", r'^LANGUAGES = \("ko", "en"', f', "{NEW}"')
    edit(pkg / "locales/say.py", r"^LOCALE_TAGS = \{", f'"{NEW}": "el-GR", ')
    edit(pkg / "cli/language.py", r'^LANGUAGES = \("ko", "en"', f', "{NEW}"')  # --lang el


@pytest.fixture(scope="module")
def copy(tmp_path_factory: pytest.TempPathFactory) -> Copy:
    root = tmp_path_factory.mktemp("copy")
    shutil.copytree(ROOT / "assistant", root / "assistant", ignore=NO_CACHE)
    shutil.copytree(ROOT / "tests" / "golden", root / "tests" / "golden")
    start = snapshot(root)
    add_intent(root)
    with_intent = snapshot(root)
    add_language(root)
    return Copy(root, diff(start, with_intent), diff(with_intent, snapshot(root)))


def test_the_copy_is_what_runs(copy: Copy) -> None:
    imported = subprocess.run(
        [sys.executable, "-c", "import assistant; print(assistant.__file__)"],
        capture_output=True, text=True, env=copy.env(), cwd=copy.root, check=True,
    )  # fmt: skip
    assert Path(imported.stdout.strip()) == copy.root / "assistant" / "__init__.py"
    assert "thanks" not in set(IntentName)  # the package under test is unchanged


def test_a_new_intent_changes_the_files_the_table_names(copy: Copy) -> None:
    check_against_table(copy.intent_files, "a new intent", tuple(LANGUAGES))


def test_a_new_language_adds_the_files_the_table_names(copy: Copy) -> None:
    check_against_table(copy.language_files, "a new language", (NEW,))
    assert {f for f in copy.language_files if f.startswith("tests/")} == set()


def test_the_new_intent_is_answered_in_each_language(copy: Copy, db_url: str) -> None:
    thanks_ko, thanks_en, quote, still_asked, bye = copy.talk(
        db_url,
        "고마워요", "thank you so much", "햇반 두 개 주문해 줘", "고마워", "그만",
    )  # fmt: skip
    assert thanks_ko == REPLY["ko"]
    assert thanks_en == REPLY["en"]
    assert "햇반" in quote and "주문할까요?" in quote, quote  # an order still quotes
    assert "주문할까요?" in still_asked  # a plain intent answers no question: it is asked again
    assert bye == BYE_KO


def parsed(copy: Copy, lang: str, texts: list[str]) -> list[str]:
    out = copy.run("parse", "--json", "--lang", lang, stdin="\n".join(texts) + "\n").stdout
    return [json.loads(line)["intent"] for line in out.splitlines()]


def test_every_golden_sentence_still_parses_in_the_copy(copy: Copy) -> None:
    """The golden files of the copy (the new intent's too) hold: its templates took no other
    intent's sentences (tests/test_golden.py, run on the copy's parser)."""
    for lang in ("ko", "en"):
        cases: list[tuple[str, str]] = []
        for path in sorted((copy.root / "tests" / "golden" / lang).glob("*.yaml")):
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
            cases += [(data["intent"], str(e["text"])) for e in data["sentences"]]
        got = parsed(copy, lang, [text for _, text in cases])
        wrong = [
            (text, want, have)
            for (want, text), have in zip(cases, got, strict=True)
            if have != want and (lang, want, text) not in GAPS
        ]
        assert wrong == []
        assert sum(1 for want, _ in cases if want == "thanks") >= MIN_PHRASINGS[lang]


def test_the_new_language_answers_in_its_own_words(copy: Copy, db_url: str) -> None:
    help_el, thanks_ko, bye_el = copy.talk(db_url, "βοήθεια", "고마워", "αντίο")
    assert help_el == GREEK["help"]
    assert thanks_ko == REPLY["ko"]  # the conversation follows the speaker's language
    assert bye_el == GREEK["bye"]


def test_the_new_language_has_every_message(copy: Copy) -> None:
    """As tests/test_locales.py asks of every language."""
    check = (
        "from assistant.errors import ErrorCode\n"
        "from assistant.locales import Msg, say_for\n"
        f"say = say_for({NEW!r})\n"
        f"assert say.lang == {NEW!r}\n"
        "print([m.value for m in (*Msg, *ErrorCode) if not say.has(m)])\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", check],
        capture_output=True, text=True, env=copy.env(), cwd=copy.root, check=True,
    )  # fmt: skip
    assert done.stdout.strip() == "[]"
