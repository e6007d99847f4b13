"""How soon ``jangbogi text`` shows its prompt and answers a first line; how long ``parse`` takes.

    python bench/text_startup.py [--repo /work/main --repo .] [--runs 5] [--type-at 2.0]

For each checkout (``--repo``, default: this one; each is put first on PYTHONPATH, so one
virtualenv serves both for a before/after in the same run): a fresh demo database in a
temporary directory (``demo init``), then ``--runs`` times, the checkouts taking turns, on a
fresh copy of it, the real ``jangbogi text`` in a pseudo-terminal, as a person at a keyboard
whose language is ``--lang`` (``JANGBOGI_LANG``, default ko):

- ``prompt_s``: from the process start to the prompt ``> `` on the screen;
- a household line (``--line``) is typed ``--type-at`` seconds after the start (into the
  terminal, echoed at once, even when the program is not reading yet);
- ``reply_s``: from the typing to the end of the reply's line; then '그만' ends it;
- ``rss_mb``: the process's peak resident memory, ``cpu_s`` its processor time (``wait4``):
  the work done, which a busy machine does not inflate as much as the wall-clock times.

Then ``echo LINE | jangbogi parse --json`` as a whole process (``parse_s``, ``parse_rss_mb``).
Prints one JSON object per checkout with the medians (and every run). Timings are
whole-process and noisy: run on an idle machine; the .pyc files are written by a first,
untimed run (PYTHONDONTWRITEBYTECODE is removed from the children's environment).
"""

from __future__ import annotations

import argparse
import json
import os
import pty
import select
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
LINE = "우유 두 개 주문해 줘"
PROMPT = b"> "
TIMEOUT_S = 60.0


@dataclass(frozen=True)
class TextRun:
    """One ``jangbogi text`` session."""

    prompt_s: float
    """Start to the prompt."""
    reply_s: float
    """The line typed to its reply's end."""
    rss_mb: float
    """Peak resident memory."""
    cpu_s: float
    """Processor time used (user and system): the work, whatever else the machine runs."""
    reply: str
    """The reply as shown."""


def child_env(repo: Path, lang: str) -> dict[str, str]:
    env = {
        k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "JANGBOGI_DB")
    }
    env["PYTHONPATH"] = str(repo)
    env["JANGBOGI_LANG"] = lang
    return env


def jangbogi(python: str, *args: str) -> list[str]:
    return [python, "-m", "assistant.cli", *args]


def text_session(
    python: str, repo: Path, db: Path, line: str, type_at: float, lang: str
) -> TextRun:
    """The real ``jangbogi text`` on a pseudo-terminal: the prompt, a typed line, '그만'."""
    master, slave = pty.openpty()
    start = time.perf_counter()
    proc = subprocess.Popen(
        jangbogi(python, "text", "--db", str(db)),
        stdin=slave, stdout=slave, stderr=slave, env=child_env(repo, lang), cwd=db.parent,
        close_fds=True,
    )  # fmt: skip
    os.close(slave)
    seen = b""
    prompt_at = typed_at = reply_at = None
    typed = line.encode() + b"\r\n"  # the terminal echoes a newline as \r\n
    try:
        while reply_at is None:
            now = time.perf_counter()
            if now - start > TIMEOUT_S:
                raise TimeoutError(seen.decode(errors="replace"))
            if typed_at is None and now - start >= type_at:
                os.write(master, line.encode() + b"\n")
                typed_at = time.perf_counter()
            wait = 0.005 if typed_at is None else 0.05
            ready, _, _ = select.select([master], [], [], wait)
            if not ready:
                continue
            seen += os.read(master, 65536)
            now = time.perf_counter()
            if prompt_at is None and PROMPT in seen:
                prompt_at = now
            if (
                typed_at is not None
                and prompt_at is not None
                and b"\n" in seen[_answer(seen, typed) :]
            ):
                reply_at = now
        os.write(master, "그만\n".encode())
        while True:  # read to the end so the child never blocks on a full terminal
            ready, _, _ = select.select([master], [], [], 1.0)
            if not ready:
                break
            try:
                chunk = os.read(master, 65536)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
    finally:
        if proc.returncode is None:
            proc.kill()
            proc.wait()
        os.close(master)
    assert prompt_at is not None and typed_at is not None
    rest = seen[_answer(seen, typed) :].decode(errors="replace")
    return TextRun(
        round(prompt_at - start, 3),
        round(reply_at - typed_at, 3),
        round(usage.ru_maxrss / 1024, 1),
        round(usage.ru_utime + usage.ru_stime, 3),
        rest.split("\r\n", 1)[0],
    )


def _answer(seen: bytes, typed: bytes) -> int:
    """Where the answer starts: after the echo of the typed line and after the first prompt
    (a program that is still starting prints its greeting and prompt after the echo)."""
    echo = seen.find(typed)
    echoed = echo + len(typed) if echo >= 0 else len(seen)
    return max(echoed, seen.find(PROMPT) + len(PROMPT))


def parse_run(python: str, repo: Path, line: str, lang: str) -> tuple[float, float]:
    """``echo LINE | jangbogi parse --json``: seconds and peak MB."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        jangbogi(python, "parse", "--json"), stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
        env=child_env(repo, lang), cwd=repo,  # python -m puts the cwd before PYTHONPATH
    )  # fmt: skip
    assert proc.stdin is not None
    proc.stdin.write(f"{line}\n".encode())
    proc.stdin.close()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - start
    assert proc.returncode == 0
    return round(seconds, 3), round(usage.ru_maxrss / 1024, 1)


def bench(
    python: str, repos: list[Path], runs: int, line: str, type_at: float, lang: str
) -> list[dict[str, object]]:
    """Every checkout's sessions and parses, the checkouts taking turns run by run (a busy
    moment costs each the same), on a fresh copy of its own demo database each time."""
    with tempfile.TemporaryDirectory(prefix="jangbogi-bench-") as tmp:
        demos = []
        for n, repo in enumerate(repos):
            demo = Path(tmp) / f"demo{n}.db"
            subprocess.run(
                jangbogi(python, "demo", "init", "--db", str(demo)), env=child_env(repo, lang),
                cwd=repo, check=True, capture_output=True,
            )  # fmt: skip
            demos.append(demo)

        def fresh(n: int, i: int) -> Path:
            folder = Path(tmp) / f"repo{n}-run{i}"
            folder.mkdir()
            return Path(shutil.copy(demos[n], folder / "demo.db"))

        for n, repo in enumerate(repos):  # untimed: writes the .pyc files
            text_session(python, repo, fresh(n, -1), line, type_at, lang)
            parse_run(python, repo, line, lang)
        sessions: list[list[TextRun]] = [[] for _ in repos]
        parses: list[list[tuple[float, float]]] = [[] for _ in repos]
        for i in range(runs):
            for n, repo in enumerate(repos):
                sessions[n].append(text_session(python, repo, fresh(n, i), line, type_at, lang))
                parses[n].append(parse_run(python, repo, line, lang))
    return [
        {
            "repo": str(repo),
            "prompt_s": statistics.median(s.prompt_s for s in sessions[n]),
            "reply_s": statistics.median(s.reply_s for s in sessions[n]),
            "rss_mb": statistics.median(s.rss_mb for s in sessions[n]),
            "cpu_s": statistics.median(s.cpu_s for s in sessions[n]),
            "parse_s": statistics.median(p[0] for p in parses[n]),
            "parse_rss_mb": statistics.median(p[1] for p in parses[n]),
            "reply": sessions[n][0].reply,
            "runs": [asdict(s) for s in sessions[n]],
            "parse_runs": parses[n],
        }
        for n, repo in enumerate(repos)
    ]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--repo", action="append", type=Path, help="a checkout (repeat to compare)")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--type-at", type=float, default=2.0, help="seconds after the start")
    ap.add_argument("--line", default=LINE)
    ap.add_argument("--lang", default="ko", help="the user's language (JANGBOGI_LANG)")
    ap.add_argument("--python", default=sys.executable)
    args = ap.parse_args(argv)
    repos = [r.resolve() for r in args.repo or [HERE.parent]]
    for result in bench(args.python, repos, args.runs, args.line, args.type_at, args.lang):
        print(json.dumps(result, ensure_ascii=False), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
