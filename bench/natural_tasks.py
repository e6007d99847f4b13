"""Natural-request task success: a scripted cooperative user drives ``jangbogi text --json``.

    python bench/natural_tasks.py [FILE.yaml ...] [--jobs 2] [--in-process] [--verbose]
                                  [--only ID] [--kind KIND] [--limit N] [--json-out PATH]

Default files: bench/natural/ko.yaml, en.yaml and negatives.yaml (those present; the task
format: bench/natural/README.md — id, kind, before, say, then, want). Each task runs on a
FRESH copy of one demo database (``jangbogi demo init``, made once per run) in its own
real ``jangbogi text --json`` process (``--in-process``: ``assistant.dialog.Dialog`` driven
directly with the same user; much faster, for development only: the figure for docs is the
process one).

Per task: the ``before`` lines are said, the database is read (orders, cart,
subscriptions, cancellations), ``say`` is said, the ``then`` lines are said at the first
question, and the cooperative user takes over:

* ``choice``: the wanted product by name (Korean tasks the Korean name, English ones
  ``name_en``; with the size when two options share the name); no wanted option: "no".
* ``order`` / ``checkout`` / ``subscription``: yes when the basket's lines (SKU ->
  quantity) are a wanted order's (subscription's); the same products with a wrong
  quantity: one correction ("N개로 바꿔 줘" / "make it N"); a product not wanted: a
  WRONG-PRODUCT CONFIRMATION, and "no".
* ``pin``: the PIN (``--pin``; the demo household has none, so it is not asked);
  ``cancel`` / ``subscription_cancel``: yes only when the task wants that outcome, else
  no; ``offer`` (a subscription after an order) / ``join``: yes when wanted, else the
  user says nothing more (the question lapses); ``schedule``: the wanted subscription's
  schedule in words.
* it stops after 8 user turns (from ``say`` on) or when nothing is pending.

Then the database is compared with ``want`` (new orders and their lines and delivery,
the cart if named, new subscriptions, orders cancelled, the understood intent). Any turn
waiting for ``order`` / ``checkout`` / ``subscription`` is a spending question; a negative
task (``want: {}``) must ask none and change nothing.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import queue
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol, TypeVar

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

NATURAL = ROOT / "bench" / "natural"
DEFAULT_FILES = ("ko.yaml", "en.yaml", "negatives.yaml")
MAX_TURNS = 8
"""User turns from ``say`` on."""
SPENDING = frozenset({"order", "checkout", "subscription"})
"""What a spending question waits for."""
REPLY_TIMEOUT_S = 90.0
DEFAULT_PIN = "1234"

YES = {"ko": "응", "en": "yes"}
NO = {"ko": "아니", "en": "no"}
WEEKDAYS_KO = {"mon": "월", "tue": "화", "wed": "수", "thu": "목", "fri": "금", "sat": "토",
               "sun": "일"}  # fmt: skip
WEEKDAYS_EN = {"mon": "Monday", "tue": "Tuesday", "wed": "Wednesday", "thu": "Thursday",
               "fri": "Friday", "sat": "Saturday", "sun": "Sunday"}  # fmt: skip
HANGUL = re.compile(r"[\uac00-\ud7a3]")

T = TypeVar("T")
Lines = dict[str, int]
"""SKU -> quantity."""
Turn = dict[str, Any]
"""One structured turn as ``jangbogi text --json`` prints it."""


# -- tasks ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Task:
    """One natural task of the corpus."""

    id: str
    kind: str
    lang: str
    say: str
    want: Mapping[str, Any]
    before: tuple[str, ...] = ()
    then: tuple[str, ...] = ()
    source: str = ""

    @property
    def negative(self) -> bool:
        return self.kind == "negative" or not self.want

    @property
    def group(self) -> str:
        """Where the task is counted in the report: negatives, or its language."""
        return "negatives" if self.negative else self.lang

    def wanted_orders(self) -> list[tuple[Lines, str | None]]:
        return [
            ({str(k): int(v) for k, v in (o.get("lines") or {}).items()}, o.get("delivery"))
            for o in self.want.get("orders") or []
        ]

    def wanted_subscriptions(self) -> list[dict[str, Any]]:
        return [dict(s) for s in self.want.get("subscriptions") or []]

    def wanted_skus(self) -> set[str]:
        skus: set[str] = set()
        for lines, _ in self.wanted_orders():
            skus |= set(lines)
        skus |= {str(s["sku"]) for s in self.wanted_subscriptions()}
        skus |= {str(k) for k in (self.want.get("cart") or {})}
        return skus


def language_of(task_id: str, text: str) -> str:
    if task_id.startswith("ko-"):
        return "ko"
    if task_id.startswith("en-"):
        return "en"
    return "ko" if HANGUL.search(text) else "en"


def load_tasks(paths: Sequence[Path]) -> list[Task]:
    """The tasks of the corpus files (a list of tasks, or ``{tasks: [...]}``)."""
    tasks: list[Task] = []
    seen: set[str] = set()
    for path in paths:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or []
        rows = data.get("tasks", []) if isinstance(data, dict) else data
        for row in rows:
            tid = str(row["id"])
            if tid in seen:
                raise SystemExit(f"{path}: task id {tid} appears twice")
            seen.add(tid)
            say = str(row["say"])
            tasks.append(
                Task(
                    id=tid,
                    kind=str(row.get("kind", "plain")),
                    lang=str(row.get("lang") or language_of(tid, say)),
                    say=say,
                    want=dict(row.get("want") or {}),
                    before=tuple(str(s) for s in row.get("before") or ()),
                    then=tuple(str(s) for s in row.get("then") or ()),
                    source=path.name,
                )
            )
    return tasks


# -- the cooperative user ---------------------------------------------------------------------


@dataclass(frozen=True)
class Decision:
    """What the user says next (None: stop), and what the question was."""

    line: str | None
    wrong_product: bool = False
    wrong_quantity: bool = False
    pack_question: bool = False
    """The quantity differs because a count said in pieces was asked as the whole packs that
    hold them ("햇반 3개" -> "12개입 1박스로 할까요?", the issue's own rule): counted apart
    from wrong quantities, and corrected like one."""
    incomplete: bool = False
    """The basket has only some of the wanted lines (an item dropped)."""
    unwanted: bool = False
    """A spending question of a kind the task does not want (e.g. a subscription)."""
    note: str = ""


@dataclass
class User:
    """A cooperative user with one task in mind."""

    task: Task
    pin: str = DEFAULT_PIN
    accepted: set[tuple[str, int]] = field(default_factory=set)
    """("order" | "subscription", index in ``want``) already said yes to."""
    cancels: int = 0
    corrected: set[str] = field(default_factory=set)
    chosen: list[str] = field(default_factory=list)

    @property
    def lang(self) -> str:
        return self.task.lang

    def yes(self) -> str:
        return YES.get(self.lang, "yes")

    def no(self) -> str:
        return NO.get(self.lang, "no")

    def decide(self, turn: Turn) -> Decision:
        waiting = turn.get("waiting_for")
        if turn.get("end") or waiting is None:
            return Decision(None)
        match waiting:
            case "choice" | "subscription_choice":
                return self.choose(turn.get("options") or [])
            case "order" | "checkout":
                orders = [lines for lines, _ in self.task.wanted_orders()]
                return self.judge(turn, self.left("order", orders), "order")
            case "subscription":
                subs = [
                    {str(s["sku"]): int(s.get("quantity", 1))}
                    for s in self.task.wanted_subscriptions()
                ]
                return self.judge(turn, self.left("subscription", subs), "subscription")
            case "pin":
                return Decision(self.pin)
            case "cancel":
                if self.cancels < int(self.task.want.get("cancelled", 0) or 0):
                    self.cancels += 1
                    return Decision(self.yes())
                return Decision(self.no(), note="a cancellation not wanted")
            case "offer":  # an offer not answered lapses: the user is done
                wanted = self.left("subscription", self.task.wanted_subscriptions())
                return Decision(self.yes() if wanted else None)
            case "join":
                return Decision(self.yes() if self.task.want.get("membership") else None)
            case "subscription_cancel":
                return Decision(
                    self.yes() if self.task.want.get("subscriptions_cancelled") else self.no()
                )
            case "clear_cart":  # "장바구니 비워 줘": yes when the task wants the cart empty
                return Decision(self.yes() if self.task.want.get("cart") == {} else self.no())
            case "schedule":
                subs = self.left("subscription", self.task.wanted_subscriptions())
                return Decision(schedule_words(subs[0][1], self.lang) if subs else self.no())
            case _:
                return Decision(self.no(), note=f"unknown question {waiting}")

    def left(self, what: str, wanted: Sequence[T]) -> list[tuple[int, T]]:
        """The wanted orders (subscriptions) not yet said yes to, with their index."""
        return [(i, w) for i, w in enumerate(wanted) if (what, i) not in self.accepted]

    def choose(self, options: Sequence[Mapping[str, Any]]) -> Decision:
        wanted = self.task.wanted_skus()
        fits = [o for o in options if o.get("sku") in wanted]
        if not fits:
            return Decision(self.no(), note="no wanted product among the options")
        fresh = [o for o in fits if o["sku"] not in self.chosen]
        pick = (fresh or fits)[0]
        sku = str(pick["sku"])
        tries = self.chosen.count(sku)  # asked again for the same product: the name failed
        if tries >= 2:
            return Decision(self.no(), note=f"{sku} not picked by its name")
        self.chosen.append(sku)
        return Decision(spoken_name(pick, options, self.lang, with_size=tries > 0))

    def judge(self, turn: Turn, left: list[tuple[int, Lines]], what: str) -> Decision:
        basket = turn.get("basket") or {}
        lines: Lines = {}
        for line in basket.get("lines") or []:
            lines[str(line["sku"])] = lines.get(str(line["sku"]), 0) + int(line["quantity"])
        candidates = [want for _, want in left]
        if not candidates:
            wanted = self.task.wanted_skus()
            if set(lines) - wanted:
                return Decision(self.no(), wrong_product=True, note="a product not wanted")
            return Decision(self.no(), unwanted=True, note=f"{what} question not wanted")
        for index, want in left:
            if lines == want:
                self.accepted.add((what, index))
                return Decision(self.yes())
        all_wanted = set().union(*(set(c) for c in candidates))
        if set(lines) - all_wanted:
            return Decision(self.no(), wrong_product=True, note="a product not wanted")
        for want in candidates:
            if set(lines) == set(want):
                wrong = [sku for sku in want if lines[sku] != want[sku]]
                sku = wrong[0]
                if sku in self.corrected:
                    return Decision(self.no(), wrong_quantity=True, note="still the wrong quantity")
                self.corrected.add(sku)
                name = self.line_name(basket, sku) if len(lines) > 1 else None
                packs = any(ln["sku"] == sku and ln.get("said") is not None
                            for ln in basket.get("lines") or [])  # fmt: skip
                return Decision(correction(want[sku], name, self.lang),
                                wrong_quantity=not packs, pack_question=packs)  # fmt: skip
        return Decision(self.no(), incomplete=True, note="a wanted line is missing")

    def line_name(self, basket: Mapping[str, Any], sku: str) -> str:
        for line in basket.get("lines") or []:
            if line["sku"] == sku:
                return str(line["name_en"] if self.lang == "en" else base_name(line))
        return sku


def base_name(item: Mapping[str, Any]) -> str:
    """The Korean name without the size the catalog appends ("서울우유 흰우유")."""
    name, size = str(item.get("name", "")), str(item.get("size", ""))
    return name[: -len(size)].strip() if size and name.endswith(size) else name


def spoken_name(
    pick: Mapping[str, Any],
    options: Sequence[Mapping[str, Any]],
    lang: str,
    *,
    with_size: bool = False,
) -> str:
    """How the user names an option: its name, with the size when another option's name
    is the same or starts with it ("농심 신라면" beside "농심 신라면 큰사발") or when the
    name alone was not understood (``with_size``)."""
    if lang == "en":
        name = str(pick.get("name_en") or pick["name"])
        others = [str(o.get("name_en", "")) for o in options if o is not pick]
    else:
        name = base_name(pick)
        others = [base_name(o) for o in options if o is not pick]
    shared = any(other.lower().startswith(name.lower()) for other in others)
    size = str(pick.get("size", ""))
    if lang == "en" and not size.isascii():  # "30구", "5개입": not what an English speaker says
        size = ""
    return f"{name} {size}".strip() if (shared or with_size) and size else name


def correction(quantity: int, name: str | None, lang: str) -> str:
    if lang == "en":
        return f"make the {name} {quantity}" if name else f"make it {quantity}"
    return f"{name} {quantity}개로 바꿔 줘" if name else f"{quantity}개로 바꿔 줘"


def schedule_words(sub: Mapping[str, Any], lang: str) -> str:
    """The wanted schedule in words ("매주 화요일하고 금요일", "every 2 weeks on Tuesday")."""
    freq = str(sub.get("freq", "weekly"))
    n = int(sub.get("interval", 1) or 1)
    days = [str(d) for d in sub.get("weekdays") or []]
    day = sub.get("day")
    if lang == "en":
        every = {"daily": "day", "weekly": "week", "monthly": "month"}.get(freq, "week")
        said = f"every {n} {every}s" if n > 1 else f"every {every}"
        if days:
            said += " on " + " and ".join(WEEKDAYS_EN[d] for d in days)
        if day:
            said += f" on the {day}{'st' if day in (1, 21, 31) else 'th'}"
        return said
    if freq == "daily":
        return f"{n}일마다" if n > 1 else "매일"
    if freq == "monthly":
        said = f"{n}달마다" if n > 1 else "매달"
        return f"{said} {day}일" if day else said
    said = f"{n}주마다" if n > 1 else "매주"
    return said + " " + "하고 ".join(WEEKDAYS_KO[d] + "요일" for d in days) if days else said


# -- the database, read only ------------------------------------------------------------------


@dataclass(frozen=True)
class Snapshot:
    """What a task may change."""

    orders: dict[int, tuple[str, Lines, str]]
    """order id -> (status, lines, delivery)."""
    cart: Lines
    subscriptions: dict[int, tuple[str, str, int, dict[str, Any]]]
    """subscription id -> (status, sku, quantity, schedule)."""


def snapshot(url: str) -> Snapshot:
    from sqlalchemy import create_engine, select
    from sqlalchemy.orm import Session

    from assistant.store.models import CartLine, Order, Subscription

    engine = create_engine(url)
    try:
        with Session(engine) as session:
            orders = {
                o.id: (
                    str(o.status),
                    _sum_lines((ln.sku, ln.quantity) for ln in o.lines),
                    str(o.delivery),
                )
                for o in session.scalars(select(Order))
            }
            cart = _sum_lines(
                (c.product.sku, c.quantity) for c in session.scalars(select(CartLine))
            )
            subs = {
                s.id: (str(s.status), s.product.sku, s.quantity, dict(s.schedule))
                for s in session.scalars(select(Subscription))
            }
        return Snapshot(orders, cart, subs)
    finally:
        engine.dispose()


def _sum_lines(pairs: Iterator[tuple[str, int]] | Any) -> Lines:
    out: Lines = {}
    for sku, quantity in pairs:
        out[sku] = out.get(sku, 0) + quantity
    return out


def outcome_errors(task: Task, before: Snapshot, after: Snapshot, intent: str) -> list[str]:
    """What differs from ``want`` (empty: the task is done)."""
    errors: list[str] = []
    new_orders = [
        (lines, delivery)
        for oid, (status, lines, delivery) in sorted(after.orders.items())
        if oid not in before.orders and status != "cancelled"
    ]
    cancelled = sum(
        1
        for oid, (status, _, _) in after.orders.items()
        if status == "cancelled" and before.orders.get(oid, ("",))[0] != "cancelled"
    )
    new_subs = [
        (sku, quantity, schedule)
        for sid, (status, sku, quantity, schedule) in sorted(after.subscriptions.items())
        if sid not in before.subscriptions and status != "cancelled"
    ]
    subs_cancelled = sum(
        1
        for sid, (status, *_rest) in after.subscriptions.items()
        if status == "cancelled" and sid in before.subscriptions
        and before.subscriptions[sid][0] != "cancelled"
    )  # fmt: skip
    want = task.want
    left = list(new_orders)
    for lines, delivery in task.wanted_orders():
        match = next(
            (o for o in left if o[0] == lines and (delivery is None or o[1] == delivery)), None
        )
        if match is None:
            errors.append(f"order {lines}{' to ' + delivery if delivery else ''} not placed")
        else:
            left.remove(match)
    errors += [f"unwanted order {lines} ({delivery})" for lines, delivery in left]
    if cancelled != int(want.get("cancelled", 0) or 0):
        errors.append(f"{cancelled} orders cancelled, want {want.get('cancelled', 0)}")
    if "cart" in want or task.negative:
        wanted_cart = {str(k): int(v) for k, v in (want.get("cart") or {}).items()}
        if task.negative:
            wanted_cart = before.cart
        if after.cart != wanted_cart:
            errors.append(f"cart {after.cart}, want {wanted_cart}")
    subs_left = list(new_subs)
    for sub in task.wanted_subscriptions():
        found = next((s for s in subs_left if _sub_fits(sub, *s)), None)
        if found is None:
            errors.append(f"subscription {sub} not made")
        else:
            subs_left.remove(found)
    errors += [f"unwanted subscription {s[0]} x{s[1]} {s[2]}" for s in subs_left]
    if subs_cancelled != int(want.get("subscriptions_cancelled", 0) or 0):
        errors.append(f"{subs_cancelled} subscriptions cancelled")
    if want.get("intent") and intent != want["intent"]:
        errors.append(f"understood as {intent}, want {want['intent']}")
    return errors


def _sub_fits(
    want: Mapping[str, Any], sku: str, quantity: int, schedule: Mapping[str, Any]
) -> bool:
    """A subscription made is the one wanted: product, quantity, ``freq``, ``interval``
    (1 unless given) and the ``weekdays`` / ``day`` when the task names them."""
    if str(want["sku"]) != sku or int(want.get("quantity", 1)) != quantity:
        return False
    if int(want.get("interval", 1) or 1) != int(schedule.get("interval", 1) or 1):
        return False
    for key, value in want.items():
        if key in ("sku", "quantity", "interval"):
            continue
        got = schedule.get(key)
        if key == "weekdays":
            if sorted(value or []) != sorted(got or []):
                return False
        elif got != value:
            return False
    return True


# -- the two ways to talk ---------------------------------------------------------------------


class Talk(Protocol):
    def say(self, line: str) -> Turn: ...

    def close(self) -> str: ...


class NoReply(Exception):
    """The conversation stopped answering."""


class ProcessTalk:
    """A real ``jangbogi text --json`` process, one line at a time through pipes."""

    def __init__(self, url: str) -> None:
        env = {k: v for k, v in os.environ.items() if k not in ("JANGBOGI_LANG", "JANGBOGI_DB")}
        env["PYTHONIOENCODING"] = "utf-8"  # the pipes are read as UTF-8 whatever the locale
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "assistant.cli", "text", "--json", "--db", url],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            encoding="utf-8", bufsize=1, cwd=ROOT, env=env,
        )  # fmt: skip
        self._lines: queue.Queue[str | None] = queue.Queue()
        self._err: list[str] = []
        threading.Thread(target=self._pump, daemon=True).start()
        threading.Thread(target=self._pump_err, daemon=True).start()

    def _pump(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self._lines.put(line)
        self._lines.put(None)

    def _pump_err(self) -> None:
        assert self.proc.stderr is not None
        for line in self.proc.stderr:
            self._err.append(line)

    def say(self, line: str) -> Turn:
        assert self.proc.stdin is not None
        try:
            self.proc.stdin.write(line + "\n")
            self.proc.stdin.flush()
        except BrokenPipeError:
            raise NoReply("the process ended: " + "".join(self._err)[-500:]) from None
        while True:
            try:
                out = self._lines.get(timeout=REPLY_TIMEOUT_S)
            except queue.Empty:
                raise NoReply(f"no reply in {REPLY_TIMEOUT_S:.0f} s") from None
            if out is None:
                raise NoReply("the process ended: " + "".join(self._err)[-500:])
            with contextlib.suppress(json.JSONDecodeError):
                turn: Turn = json.loads(out)
                return turn

    def close(self) -> str:
        if self.proc.stdin is not None and not self.proc.stdin.closed:
            with contextlib.suppress(BrokenPipeError):
                self.proc.stdin.close()
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        return "".join(self._err)


class DialogTalk:
    """``assistant.dialog.Dialog`` in this process (development only)."""

    def __init__(self, url: str, parse: Callable[[str], Any]) -> None:
        from assistant.dialog.conversation import Dialog
        from assistant.shop.service import ShopService
        from assistant.store import db

        self.engine = db.open_engine(url)
        self.dialog = Dialog(ShopService(db.session_factory(self.engine), None), parser=parse)

    def say(self, line: str) -> Turn:
        from assistant.store.models import utcnow

        reply = self.dialog.handle(line, utcnow())
        turn: Turn = self.dialog.turn(reply).to_json()
        return turn

    def close(self) -> str:
        self.engine.dispose()
        return ""


# -- one task ---------------------------------------------------------------------------------


@dataclass
class Result:
    task: Task
    success: bool = False
    user_turns: int = 0
    wrong_product: int = 0
    wrong_quantity: int = 0
    pack_questions: int = 0
    incomplete: int = 0
    unwanted: int = 0
    spending_questions: int = 0
    errors: list[str] = field(default_factory=list)
    transcript: list[tuple[str, str, str | None]] = field(default_factory=list)
    """(what the user said, the reply, what it waited for)."""
    seconds: float = 0.0

    @property
    def last_reply(self) -> str:
        return self.transcript[-1][1] if self.transcript else ""


def run_task(task: Task, talk: Talk, url: str, pin: str = DEFAULT_PIN) -> Result:
    """Drive one task on the conversation ``talk`` over the database ``url``."""
    result = Result(task)
    started = time.perf_counter()
    try:
        for line in task.before:
            talk.say(line)
        before = snapshot(url)
        user = User(task, pin)
        said = task.say
        then = list(task.then)
        intent = ""
        while said is not None:
            turn = talk.say(said)
            result.user_turns += 1
            waiting = turn.get("waiting_for")
            result.transcript.append((said, str(turn.get("reply", "")), waiting))
            if not intent:
                intent = str(turn.get("intent", ""))
            if waiting in SPENDING:
                result.spending_questions += 1
            if turn.get("end") or waiting is None or result.user_turns >= MAX_TURNS:
                break
            if then:
                said = then.pop(0)
                continue
            decision = user.decide(turn)  # (the question `then` answered is not judged)
            result.wrong_product += decision.wrong_product
            result.wrong_quantity += decision.wrong_quantity
            result.pack_questions += decision.pack_question
            result.incomplete += decision.incomplete
            result.unwanted += decision.unwanted
            if decision.note:
                result.errors.append(f"turn {result.user_turns}: {decision.note}")
            said = decision.line
        after = snapshot(url)
        result.errors += outcome_errors(task, before, after, intent)
        if task.negative and result.spending_questions:
            result.errors.append(f"{result.spending_questions} spending questions")
        result.success = not [e for e in result.errors if not e.startswith("turn ")]
    except NoReply as exc:
        result.errors.append(str(exc))
    finally:
        err = talk.close()
        if "Traceback" in err:
            result.errors.append("traceback: " + err.strip().splitlines()[-1])
            result.success = False
    result.seconds = time.perf_counter() - started
    return result


# -- a run ------------------------------------------------------------------------------------


def make_template(directory: Path) -> Path:
    """The demo database, made once per run."""
    from assistant.cli import main

    path = directory / "template.db"
    with contextlib.redirect_stdout(sys.stderr):
        if main(["demo", "init", "--db", f"sqlite:///{path}"]) != 0:
            raise SystemExit("demo init failed")
    return path


def run_all(
    tasks: Sequence[Task],
    *,
    jobs: int = 2,
    in_process: bool = False,
    pin: str = DEFAULT_PIN,
    progress: Callable[[Result], None] | None = None,
) -> list[Result]:
    """Every task on its own copy of one demo database; results in the tasks' order."""
    with tempfile.TemporaryDirectory(prefix="jangbogi-natural-") as tmp:
        directory = Path(tmp)
        template = make_template(directory)
        parse: Callable[[str], Any] | None = None
        if in_process:
            from assistant.shop.vocabulary import database_parser
            from assistant.store import db

            eng = db.open_engine(f"sqlite:///{template}")  # the catalog is the same in every copy
            parse = database_parser(db.session_factory(eng)).parse
            eng.dispose()

        def one(index_task: tuple[int, Task]) -> Result:
            index, task = index_task
            path = directory / f"task-{index}.db"
            shutil.copyfile(template, path)
            url = f"sqlite:///{path}"
            talk: Talk = DialogTalk(url, parse) if parse is not None else ProcessTalk(url)
            try:
                result = run_task(task, talk, url, pin)
            finally:
                with contextlib.suppress(OSError):
                    path.unlink()
            if progress is not None:
                progress(result)
            return result

        if in_process or jobs <= 1:
            return [one(it) for it in enumerate(tasks)]
        with ThreadPoolExecutor(max_workers=jobs) as pool:
            return list(pool.map(one, enumerate(tasks)))


def commit() -> str:
    def git(*args: str) -> str:
        done = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True)
        return done.stdout.strip()

    head = git("rev-parse", "--short", "HEAD") or "unknown"
    return head + (
        " (with uncommitted changes)" if git("status", "--porcelain", "assistant") else ""
    )


@dataclass(frozen=True)
class Figures:
    group: str
    tasks: int
    done: int
    wrong_product: int
    wrong_quantity: int
    pack_questions: int
    incomplete: int
    spending_questions: int
    tasks_with_spending: int
    median_turns: float
    mean_turns: float

    @property
    def percent(self) -> float:
        return 100.0 * self.done / self.tasks if self.tasks else 0.0


def figures(results: Sequence[Result]) -> list[Figures]:
    groups: dict[str, list[Result]] = {}
    for r in results:
        groups.setdefault(r.task.group, []).append(r)
    out = []
    for group in sorted(groups, key=lambda g: ("ko", "en", "negatives").index(g)
                        if g in ("ko", "en", "negatives") else 9):  # fmt: skip
        rs = groups[group]
        turns = [r.user_turns for r in rs]
        out.append(
            Figures(
                group,
                len(rs),
                sum(r.success for r in rs),
                sum(r.wrong_product for r in rs),
                sum(r.wrong_quantity for r in rs),
                sum(r.pack_questions for r in rs),
                sum(r.incomplete for r in rs),
                sum(r.spending_questions for r in rs),
                sum(1 for r in rs if r.spending_questions),
                statistics.median(turns),
                statistics.fmean(turns),
            )
        )
    return out


def by_kind(results: Sequence[Result]) -> str:
    """Tasks done per kind and language ("done/tasks"), to see where the failures are."""
    groups = [g for g in ("ko", "en", "negatives") if any(r.task.group == g for r in results)]
    kinds = sorted({r.task.kind for r in results})
    rows = ["| kind | " + " | ".join(groups) + " |", "|---|" + "---:|" * len(groups)]
    for kind in kinds:
        cells = []
        for g in groups:
            rs = [r for r in results if r.task.kind == kind and r.task.group == g]
            cells.append(f"{sum(r.success for r in rs)}/{len(rs)}" if rs else "")
        rows.append(f"| {kind} | " + " | ".join(cells) + " |")
    return "\n".join(rows)


def report(results: Sequence[Result], argv: Sequence[str], mode: str, seconds: float,
           verbose: bool) -> str:  # fmt: skip
    lines = [
        "command: " + " ".join(["python", "bench/natural_tasks.py", *argv]),
        f"commit:  {commit()}",
        f"mode:    {mode}",
        f"tasks:   {len(results)} in {seconds:.0f} s",
        "",
        "| group | tasks | done | success | wrong-product conf. | wrong-quantity conf. "
        "| pack questions | incomplete baskets | spending questions (tasks) "
        "| user turns median / mean |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for f in figures(results):
        lines.append(
            f"| {f.group} | {f.tasks} | {f.done} | {f.percent:.1f} % | {f.wrong_product} "
            f"| {f.wrong_quantity} | {f.pack_questions} | {f.incomplete} | {f.spending_questions} "
            f"({f.tasks_with_spending}) | {f.median_turns:g} / {f.mean_turns:.2f} |"
        )
    lines += ["", by_kind(results)]
    failed = [r for r in results if not r.success]
    if verbose and failed:
        lines += ["", f"failures ({len(failed)}):"]
        for r in failed:
            lines.append(f"- {r.task.id} [{r.task.kind}] {r.task.say!r}")
            lines.append(f"    last reply: {r.last_reply}")
            lines.append(f"    why: {'; '.join(r.errors) or '?'}")
            for said, reply, waiting in r.transcript:
                lines.append(f"      > {said}  ->  [{waiting}] {reply[:160]}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    ap.add_argument("files", nargs="*", type=Path, help="corpus files (default: bench/natural/)")
    ap.add_argument("--jobs", type=int, default=2, help="tasks run at once (default 2)")
    ap.add_argument(
        "--in-process",
        action="store_true",
        help="drive assistant.dialog.Dialog directly (fast; development only)",
    )
    ap.add_argument("--verbose", "-v", action="store_true", help="list failures")
    ap.add_argument("--only", action="append", default=[], help="task ids (repeatable)")
    ap.add_argument("--kind", action="append", default=[], help="task kinds (repeatable)")
    ap.add_argument("--limit", type=int, help="at most N tasks")
    ap.add_argument("--pin", default=DEFAULT_PIN, help="answer to a PIN question")
    ap.add_argument("--json-out", type=Path, help="write every task's result as JSON")
    ap.add_argument("--progress", action="store_true", help="one line per finished task")
    args = ap.parse_args(args_list)
    files = args.files or [NATURAL / f for f in DEFAULT_FILES if (NATURAL / f).is_file()]
    if not files:
        print(f"no corpus in {NATURAL}; give files", file=sys.stderr)
        return 2
    tasks = load_tasks(files)
    if args.only:
        tasks = [t for t in tasks if t.id in set(args.only)]
    if args.kind:
        tasks = [t for t in tasks if t.kind in set(args.kind)]
    if args.limit is not None:
        tasks = tasks[: args.limit]
    lock = threading.Lock()

    def progress(r: Result) -> None:
        if args.progress:
            with lock:
                mark = "ok  " if r.success else "FAIL"
                print(f"{mark} {r.task.id} ({r.user_turns} turns, {r.seconds:.1f} s)",
                      file=sys.stderr, flush=True)  # fmt: skip

    mode = (
        "IN-PROCESS (Dialog driven directly: a development figure, not for docs)"
        if args.in_process
        else f"real process (jangbogi text --json, {args.jobs} at once)"
    )
    started = time.perf_counter()
    results = run_all(tasks, jobs=args.jobs, in_process=args.in_process, pin=args.pin,
                      progress=progress)  # fmt: skip
    print(report(results, args_list, mode, time.perf_counter() - started, args.verbose))
    if args.json_out:
        args.json_out.write_text(
            json.dumps(
                [
                    {
                        "id": r.task.id,
                        "group": r.task.group,
                        "success": r.success,
                        "user_turns": r.user_turns,
                        "wrong_product": r.wrong_product,
                        "wrong_quantity": r.wrong_quantity,
                        "pack_questions": r.pack_questions,
                        "incomplete": r.incomplete,
                        "spending_questions": r.spending_questions,
                        "errors": r.errors,
                        "transcript": r.transcript,
                    }
                    for r in results
                ],
                ensure_ascii=False,
                indent=1,
            ),
            encoding="utf-8",
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
