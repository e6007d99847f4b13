"""Real ``jangbogi text`` processes racing for the money rules.

Shared by ``tests/test_money_races.py`` (a few rounds in the normal test run) and
``bench/money_race.py`` (the long soak). One :class:`Pool` of conversations (adult
sessions of the demo owner and one child's) is started per database and kept for every
round: a process costs seconds to start, a round only a few lines each.

Each race brings every racer to the same question (the purchase "주문할까요?", the PIN
question, an approval or a cancellation question), waits until all of them have asked it,
and then writes the deciding line to all of them at once. The database is then checked
against the rule; a broken rule is a *breach* (a string saying what went wrong). A session
that could not get the database in time and says so is a *busy* refusal, not a breach: it
must have written nothing, which the checks see.
"""

from __future__ import annotations

import os
import queue
import random
import re
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, text

ROOT = Path(__file__).resolve().parent.parent
PIN = "1234"
REPLY_TIMEOUT_S = 120.0
START_TIMEOUT_S = 30.0
"""Per session, for the first reply: every process loads the parser at once (~4 s of CPU
each), on two cores shared with whatever else runs."""
SEED_ENV = "JANGBOGI_RACE_SEED"

# (sku, what a household calls it): cheap, well stocked, and named without ambiguity
PRODUCTS = (
    ("DAI-001", "서울우유 흰우유 1L"), ("DAI-008", "빙그레 바나나맛우유 240ml"),
    ("DAI-012", "남양 초코에몽"), ("BEV-006", "코카콜라 캔"), ("NOO-002", "진라면 매운맛"),
    ("VEG-018", "팽이버섯"), ("VEG-024", "콩나물"), ("SNK-001", "새우깡"),
)  # fmt: skip
# each product's own counter (its catalog unit): "진라면 2개" asks for two noodles, which
# the assistant rounds to one 5-pack; "2묶음" is two packs, the quantity the race means
COUNTERS = {"DAI-001": "팩", "NOO-002": "묶음", "BEV-006": "캔", "VEG-018": "봉지",
            "VEG-024": "봉지", "SNK-001": "봉지"}  # fmt: skip

_WRONG = re.compile(r"비밀번호가 맞지 않아요\. (\d)번 더 틀리면")
_KINDS = (
    ("busy", re.compile(r"쓸 수 없어요|locked|in use")),
    ("locked", re.compile(r"잠겨 있어요")),
    ("wrong", _WRONG),
    ("placed", re.compile(r"^주문했어요")),
    ("waiting", re.compile(r"승인을 기다리는 주문으로 남겼어요")),
    ("same", re.compile(r"같은 주문|이미 주문된")),
    ("limit", re.compile(r"한도")),
    ("stock", re.compile(r"품절|남았어요")),
    ("approved", re.compile(r"승인했어요")),
    ("rejected", re.compile(r"거절했어요")),
    ("cancelled", re.compile(r"취소했어요")),
    ("subscribed", re.compile(r"정기 배송을 시작했어요")),
    ("ask_pin", re.compile(r"비밀번호 네 자리")),
)


def kind(reply: str) -> str:
    """What a reply says, in one word (``other`` when none of the known ones)."""
    for name, pattern in _KINDS:
        if pattern.search(reply):
            return name
    return "other"


class SetupError(AssertionError):
    """A session did not reach the question a race needs: the harness, not a breach."""


# -- the processes ---------------------------------------------------------------------------


class Talker:
    """One ``jangbogi text`` conversation in its own process, fed line by line."""

    def __init__(self, url: str, member: str | None, label: str) -> None:
        self.label = label
        args = [sys.executable, "-m", "assistant.cli", "text", "--db", url]
        if member:
            args += ["--member", member]
        self.proc = subprocess.Popen(
            args, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            text=True, bufsize=1, cwd=ROOT, env=dict(os.environ),
        )  # fmt: skip
        self._lines: queue.Queue[str | None] = queue.Queue()
        self._err: list[str] = []
        threading.Thread(target=self._pump, daemon=True).start()
        threading.Thread(target=self._pump_err, daemon=True).start()

    def _pump(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self._lines.put(line.rstrip("\n"))
        self._lines.put(None)

    def _pump_err(self) -> None:
        assert self.proc.stderr is not None
        for line in self.proc.stderr:
            self._err.append(line)

    def send(self, line: str) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(line + "\n")
        self.proc.stdin.flush()

    def reply(self, timeout: float = REPLY_TIMEOUT_S) -> str:
        try:
            line = self._lines.get(timeout=timeout)
        except queue.Empty:
            raise SetupError(f"{self.label}: no reply in {timeout:.0f} s") from None
        if line is None:
            raise SetupError(f"{self.label} ended: {''.join(self._err)[-2000:]}")
        return line

    def close(self) -> str:
        """End the conversation; returns what it wrote on stderr."""
        if self.proc.stdin is not None and not self.proc.stdin.closed:
            with suppress(BrokenPipeError):
                self.proc.stdin.close()
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        return "".join(self._err)


def say_all(
    talkers: Sequence[Talker], lines: Sequence[str], timeout: float = REPLY_TIMEOUT_S
) -> list[str]:
    """Write one line to every talker (all at once), then read every reply."""
    for talker, line in zip(talkers, lines, strict=True):
        talker.send(line)
    return [t.reply(timeout) for t in talkers]


def expect(replies: Sequence[str], talkers: Sequence[Talker], want: str, step: str) -> None:
    """Every talker reached the question ``want`` (a kind or a piece of text)."""
    for talker, reply in zip(talkers, replies, strict=True):
        if kind(reply) != want and want not in reply:
            raise SetupError(f"{step}: {talker.label} said {reply!r} instead of {want!r}")


# -- the database, seen from outside -----------------------------------------------------------


class Shop:
    """Direct SQL on the shop's database: the round's set-up and the checks."""

    def __init__(self, url: str) -> None:
        self.engine: Engine = create_engine(url)
        with self.engine.connect() as conn:
            self.pin = conn.execute(text("SELECT pin_hash, pin_salt FROM households")).one()
            self.products = {
                sku: conn.execute(
                    text("SELECT id, member_price, unit FROM products WHERE sku = :s"), {"s": sku}
                ).one()
                for sku, _ in PRODUCTS
            }
            for sku, row in self.products.items():
                if row.unit != COUNTERS.get(sku, "개"):
                    raise SetupError(f"{sku} is sold by the {row.unit}: update COUNTERS")
            self.child_id = conn.execute(
                text("SELECT id FROM members WHERE role = 'child'")
            ).scalar_one()
            self.owner_id = conn.execute(
                text("SELECT id FROM members WHERE role = 'owner'")
            ).scalar_one()

    def run(self, sql: str, **params: Any) -> None:
        with self.engine.begin() as conn:
            conn.execute(text(sql), params)

    def rows(self, sql: str, **params: Any) -> list[Any]:
        with self.engine.connect() as conn:
            return list(conn.execute(text(sql), params))

    def value(self, sql: str, **params: Any) -> Any:
        with self.engine.connect() as conn:
            return conn.execute(text(sql), params).scalar()

    def reset(self, *, pin: bool, window_s: int = 120) -> int:
        """A clean slate for one race; returns the last order id so far."""
        with self.engine.begin() as conn:
            conn.execute(text("UPDATE orders SET status = 'cancelled' "
                              "WHERE status IN ('placed', 'pending_approval')"))  # fmt: skip
            conn.execute(
                text("UPDATE households SET failed_pin_attempts = 0, pin_locked_until = NULL, "
                     "duplicate_window_s = :w, pin_hash = :h, pin_salt = :s"),
                {"w": window_s, "h": self.pin[0] if pin else None,
                 "s": self.pin[1] if pin else None},
            )  # fmt: skip
            conn.execute(text("UPDATE members SET per_day_limit = NULL, per_order_limit = NULL"))
            conn.execute(text("DELETE FROM cart_lines"))
            # stock too: an earlier race may have sold a product out (a race that needs
            # little stock sets it after this)
            conn.execute(text("UPDATE products SET stock = 1000"))
            conn.execute(text("UPDATE subscriptions SET status = 'cancelled', next_run_at = NULL "
                              "WHERE status <> 'cancelled'"))  # fmt: skip
            return int(conn.execute(text("SELECT COALESCE(MAX(id), 0) FROM orders")).scalar_one())

    def set_stock(self, sku: str, stock: int) -> None:
        self.run("UPDATE products SET stock = :n WHERE sku = :s", n=stock, s=sku)

    def stock(self, sku: str) -> int:
        return int(self.value("SELECT stock FROM products WHERE sku = :s", s=sku))

    def new_orders(self, after: int) -> list[Any]:
        """Orders placed since ``after``: (id, member_id, status, total)."""
        return self.rows(
            "SELECT id, member_id, status, total FROM orders WHERE id > :a ORDER BY id", a=after
        )

    def quantity(self, after: int, sku: str, statuses: Sequence[str]) -> int:
        """Items of ``sku`` in the orders since ``after`` that have one of ``statuses``."""
        marks = ", ".join(f"'{s}'" for s in statuses)
        return int(
            self.value(
                "SELECT COALESCE(SUM(l.quantity), 0) FROM order_lines l "
                "JOIN orders o ON o.id = l.order_id JOIN products p ON p.id = l.product_id "
                f"WHERE o.id > :a AND p.sku = :s AND o.status IN ({marks})",
                a=after, s=sku,
            )
        )  # fmt: skip

    def dispose(self) -> None:
        self.engine.dispose()


# -- setting up a database and a pool -------------------------------------------------------------


def jangbogi(*args: str, stdin: str = "") -> str:
    done = subprocess.run(
        [sys.executable, "-m", "assistant.cli", *args], input=stdin, capture_output=True,
        text=True, cwd=ROOT, timeout=120, env=dict(os.environ),
    )  # fmt: skip
    if done.returncode != 0:
        raise SetupError(f"jangbogi {' '.join(args)}: rc {done.returncode}: {done.stderr}")
    return done.stdout


def prepare(url: str) -> None:
    """The demo household with a child member and the PIN :data:`PIN`."""
    jangbogi("demo", "init", "--db", url)
    jangbogi("member", "add", "민지", "--role", "child", "--db", url)
    jangbogi("household", "pin", "set", "--db", url, stdin=PIN + "\n")


@dataclass
class Pool:
    """The racing conversations: ``adults`` of the household's owner and one ``child``."""

    adults: list[Talker]
    child: Talker

    @property
    def everyone(self) -> list[Talker]:
        return [*self.adults, self.child]


@contextmanager
def pool(url: str, sessions: int) -> Iterator[Pool]:
    """``sessions`` adult conversations and a child's, started and warmed up."""
    adults = [Talker(url, None, f"adult{i}") for i in range(sessions)]
    child = Talker(url, "민지", "child")
    p = Pool(adults, child)
    try:
        warm = max(REPLY_TIMEOUT_S, START_TIMEOUT_S * len(p.everyone))
        say_all(p.everyone, ["아니"] * len(p.everyone), warm)  # the parser is loaded now
        yield p
    finally:
        errors = [(t.label, t.close()) for t in p.everyone]
        bad = [f"{label}: {err[-1500:]}" for label, err in errors if "Traceback" in err]
        if bad:
            raise AssertionError("a session crashed:\n" + "\n".join(bad))


# -- one race ---------------------------------------------------------------------------------


@dataclass
class Race:
    """What one race did."""

    name: str
    """Which rule was raced."""
    racers: int
    """Sessions that were released at the same moment."""
    outcomes: Counter[str] = field(default_factory=Counter)
    """The racers' replies by kind."""
    breaches: list[str] = field(default_factory=list)
    """Broken rules, each said in a sentence (empty: the rule held)."""
    seconds: float = 0.0
    """Wall time of the race, set-up and checks included."""
    release_s: float = 0.0
    """From the deciding line written to all racers to the last one's reply: how long the
    last session in the queue waited for the lock, and more."""

    @property
    def busy(self) -> int:
        return self.outcomes["busy"]

    def breach(self, what: str) -> None:
        self.breaches.append(f"{self.name}: {what} (outcomes {dict(self.outcomes)})")


def _order_line(sku: str, quantity: int) -> str:
    name = dict(PRODUCTS)[sku]
    return f"{name} {quantity}{COUNTERS.get(sku, '개')} 주문해 줘"


def _to_question(
    talkers: Sequence[Talker], lines: Sequence[str], *, pin: bool, step: str
) -> list[Talker]:
    """Ask for ``lines`` and say yes, up to the last question before the order: the PIN
    question (``pin``) or the purchase question. Returns the talkers that got there."""
    say_all(talkers, ["아니"] * len(talkers))
    replies = say_all(talkers, lines)
    expect(replies, talkers, "주문할까요?", step)
    if not pin:
        return list(talkers)
    replies = say_all(talkers, ["응"] * len(talkers))
    expect(replies, talkers, "ask_pin", step + " (yes)")
    return list(talkers)


def _release(race: Race, talkers: Sequence[Talker], lines: Sequence[str]) -> list[str]:
    started = time.perf_counter()
    replies = say_all(talkers, lines)
    race.release_s = max(race.release_s, time.perf_counter() - started)
    race.outcomes.update(kind(r) for r in replies)
    return replies


def race_pin_guesses(p: Pool, shop: Shop, rng: random.Random) -> Race:
    """Every session at the PIN question; all guess wrong at once, or all but one who says
    the right PIN. At most 2 wrong answers per run of wrong guesses, then locked."""
    last = shop.reset(pin=True)
    talkers = p.adults
    sku = rng.choice(PRODUCTS)[0]
    shop.set_stock(sku, 500)
    _to_question(talkers, [_order_line(sku, 1)] * len(talkers), pin=True, step="pin race")
    right = rng.randrange(len(talkers)) if rng.random() < 0.6 else None
    guesses = [PIN if i == right else f"{rng.choice([n for n in range(10000) if n != 1234]):04d}"
               for i in range(len(talkers))]  # fmt: skip
    race = Race("pin", len(talkers))
    replies = _release(race, talkers, guesses)
    lefts = Counter(int(m.group(1)) for r in replies if (m := _WRONG.search(r)))
    if set(lefts) - {1, 2}:
        race.breach(f"a wrong PIN was answered with attempts left {sorted(lefts)}")
    runs = 2 if right is not None else 1  # a right PIN starts a new count once
    if lefts[2] > runs or lefts[1] > lefts[2]:
        race.breach(f"more wrong PINs were tried than the lock allows: {dict(lefts)}")
    orders = shop.new_orders(last)
    placed = [o for o in orders if o.status == "placed"]
    if len(placed) > (1 if right is not None else 0) or len(placed) != race.outcomes["placed"]:
        race.breach(f"{len(placed)} orders placed in the database")
    evaluated = len(talkers) - race.busy
    locked = shop.value("SELECT pin_locked_until FROM households") is not None
    if right is None and evaluated >= 3 and not locked:
        race.breach("3 or more wrong PINs were counted but nothing is locked")
    if right is None and race.outcomes["wrong"] < min(2, evaluated):
        race.breach("fewer wrong answers than evaluated guesses (the count lost a guess?)")
    # the right PIN, said now by every session still at the PIN question, is refused
    waiting = [t for t, r in zip(talkers, replies, strict=True) if kind(r) == "wrong"]
    if locked and waiting:
        before = len(shop.new_orders(last))
        after_lock = Race("pin", len(waiting))
        again = _release(after_lock, waiting, [PIN] * len(waiting))
        race.racers += len(waiting)
        race.outcomes.update(f"after_lock_{kind(r)}" for r in again)
        if any(kind(r) not in ("locked", "busy") for r in again):
            race.breach(f"the right PIN was not refused while locked: {again}")
        if len(shop.new_orders(last)) != before:
            race.breach("an order was placed while the PIN was locked")
    return race


def check_pin_reset(p: Pool, shop: Shop, rng: random.Random) -> Race:
    """One session: two wrong, the right one (placed), then a wrong one counts from zero."""
    shop.reset(pin=True)
    talker = p.adults[rng.randrange(len(p.adults))]
    first, second = rng.sample([sku for sku, _ in PRODUCTS], 2)
    race = Race("pin_reset", 0)
    _to_question([talker], [_order_line(first, 1)], pin=True, step="pin reset")
    answers = [talker.reply() for _ in [talker.send("0000"), talker.send("9999"),
                                          talker.send(PIN)]]  # fmt: skip
    _to_question([talker], [_order_line(second, 1)], pin=True, step="pin reset, again")
    talker.send("0000")
    answers.append(talker.reply())
    got = [kind(a) for a in answers]
    lefts = [int(m.group(1)) if (m := _WRONG.search(a)) else None for a in answers]
    if got != ["wrong", "wrong", "placed", "wrong"] or lefts[3] != 2:
        race.breach(f"the count did not start again after the right PIN: {answers}")
    attempts = shop.value("SELECT failed_pin_attempts FROM households")
    if attempts != 1:
        race.breach(f"failed_pin_attempts is {attempts}, not 1")
    say_all([talker], ["아니"])
    return race


def race_day_limit(p: Pool, shop: Shop, rng: random.Random) -> Race:
    """Each session orders a different quantity; each fits the per-day limit alone, all
    together do not. The day's orders never add up to more than the limit."""
    pin = rng.random() < 0.5
    last = shop.reset(pin=pin)
    talkers = p.adults
    sku = rng.choice(PRODUCTS)[0]
    shop.set_stock(sku, 1000)
    price = int(shop.products[sku].member_price)
    quantities = rng.sample(range(1, 2 * len(talkers) + 1), len(talkers))
    biggest = max(quantities) * price
    limit = rng.randint(biggest, max(biggest, sum(quantities) * price // 3))
    shop.run("UPDATE members SET per_day_limit = :l WHERE id = :m", l=limit, m=shop.owner_id)
    lines = [_order_line(sku, q) for q in quantities]
    _to_question(talkers, lines, pin=pin, step="day limit race")
    race = Race("day_limit", len(talkers))
    _release(race, talkers, [PIN if pin else "응"] * len(talkers))
    spent = sum(o.total for o in shop.new_orders(last) if o.status == "placed")
    if spent > limit:
        race.breach(f"orders of {spent:,}원 against a per-day limit of {limit:,}원")
    if race.outcomes["placed"] != len(shop.new_orders(last)):
        race.breach("the replies and the database disagree on what was placed")
    return race


def race_duplicate(p: Pool, shop: Shop, rng: random.Random) -> Race:
    """Every session orders the same thing for the same place: one order."""
    pin = rng.random() < 0.5
    last = shop.reset(pin=pin)
    talkers = p.adults
    sku = rng.choice(PRODUCTS)[0]
    shop.set_stock(sku, 1000)
    _to_question(talkers, [_order_line(sku, rng.randint(1, 3))] * len(talkers), pin=pin,
                 step="duplicate race")  # fmt: skip
    race = Race("duplicate", len(talkers))
    _release(race, talkers, [PIN if pin else "응"] * len(talkers))
    orders = shop.new_orders(last)
    if len(orders) > 1:
        race.breach(f"the same order was placed {len(orders)} times")
    return race


def race_stock(p: Pool, shop: Shop, rng: random.Random) -> Race:
    """More wanted than is left (the duplicate window off): never below zero, never more
    sold than there was."""
    pin = rng.random() < 0.3
    last = shop.reset(pin=pin, window_s=0)
    talkers = p.adults
    sku = rng.choice(PRODUCTS)[0]
    quantities = [rng.randint(1, 2) for _ in talkers]
    start = rng.randint(2, max(2, sum(quantities) - 2))
    shop.set_stock(sku, start)
    _to_question(talkers, [_order_line(sku, q) for q in quantities], pin=pin, step="stock race")
    race = Race("stock", len(talkers))
    _release(race, talkers, [PIN if pin else "응"] * len(talkers))
    left = shop.stock(sku)
    sold = shop.quantity(last, sku, ("placed",))
    if left < 0:
        race.breach(f"stock went negative: {left}")
    if sold > start or start - sold != left:
        race.breach(f"{start} in stock, {sold} sold, {left} left")
    return race


def race_checkout(p: Pool, shop: Shop, rng: random.Random) -> Race:
    """The same member's cart checked out from every session at once: one order."""
    pin = rng.random() < 0.3
    last = shop.reset(pin=pin, window_s=0)
    talkers = p.adults
    a, b = rng.sample([sku for sku, _ in PRODUCTS], 2)
    for sku in (a, b):
        shop.set_stock(sku, 1000)
    filler = talkers[0]
    for sku in (a, b):
        filler.send(f"{dict(PRODUCTS)[sku]} {rng.randint(1, 3)}개 장바구니에 담아 줘")
        if "담았어요" not in (reply := filler.reply()):
            raise SetupError(f"checkout race: the cart said {reply!r}")
    _to_question(talkers, ["장바구니 주문해 줘"] * len(talkers), pin=pin, step="checkout race")
    race = Race("checkout", len(talkers))
    _release(race, talkers, [PIN if pin else "응"] * len(talkers))
    orders = shop.new_orders(last)
    if len(orders) > 1:
        race.breach(f"one cart was ordered {len(orders)} times")
    left = shop.value("SELECT COUNT(*) FROM cart_lines")
    if orders and left:
        race.breach(f"the cart was ordered but still holds {left} lines")
    return race


def race_decision(p: Pool, shop: Shop, rng: random.Random) -> Race:
    """A child's order: adults approve and reject it (and, half the time, adults and the
    child cancel it), all at once. Decided once (an approved order may then be cancelled
    once, as any open order); the stock comes back once, and only if the order does not
    stand."""
    last = shop.reset(pin=True)
    sku = rng.choice(PRODUCTS)[0]
    start = rng.randint(20, 60)
    shop.set_stock(sku, start)
    quantity = rng.randint(1, 3)
    p.child.send("아니")
    p.child.reply()
    p.child.send(_order_line(sku, quantity))
    expect([p.child.reply()], [p.child], "주문할까요?", "decision race (child)")
    p.child.send("응")
    expect([p.child.reply()], [p.child], "waiting", "decision race (child, yes)")
    order_id = shop.value("SELECT MAX(id) FROM orders WHERE member_id = :m", m=shop.child_id)
    if shop.stock(sku) != start - quantity:
        raise SetupError(f"decision race: {quantity} asked, stock {start} -> {shop.stock(sku)}")
    adults = rng.sample(p.adults, rng.randint(2, min(6, len(p.adults))))
    decide = [f"{order_id}번 주문 승인해 줘", f"{order_id}번 주문 거절해 줘"]
    # half the time only decisions race (a cancellation, one "응", nearly always wins)
    mixed = rng.random() < 0.5
    asks = [rng.choice([*decide, "마지막 주문 취소해 줘"] if mixed else decide) for _ in adults]
    racers = [*adults, p.child] if mixed else adults
    lines = [*asks, "마지막 주문 취소해 줘"] if mixed else asks
    say_all(adults, ["아니"] * len(adults))
    replies = say_all(racers, lines)
    for talker, reply in zip(racers, replies, strict=True):
        if f"{order_id}번" not in reply or kind(reply) not in ("ask_pin", "other"):
            raise SetupError(f"decision race: {talker.label} said {reply!r}")
    answers = [PIN if "취소" not in line else "응" for line in lines]
    race = Race("decision", len(racers))
    said = _release(race, racers, answers)
    approved, rejected = race.outcomes["approved"], race.outcomes["rejected"]
    cancelled = race.outcomes["cancelled"]
    status = shop.value("SELECT status FROM orders WHERE id = :i", i=order_id)
    # in some order: one decision or one cancellation comes first; an approved order may
    # still be cancelled once after it (it is an open order then), nothing else succeeds
    if (approved, rejected, cancelled) not in ((1, 0, 0), (1, 0, 1), (0, 1, 0), (0, 0, 1)):
        race.breach(f"order {order_id}: {approved} approved, {rejected} rejected, "
                    f"{cancelled} cancelled (now {status})")  # fmt: skip
    final = {(1, 0, 0): "placed", (0, 1, 0): "rejected"}.get((approved, rejected, cancelled))
    if status != (final or "cancelled"):
        race.breach(f"order {order_id} is {status} after those replies")
    want = start - quantity if status == "placed" else start
    if status not in ("placed", "rejected", "cancelled") or shop.stock(sku) != want:
        race.breach(
            f"order {order_id} is {status}; stock {shop.stock(sku)}, expected {want} "
            f"(started {start}, {quantity} ordered; {lines} -> {said})"
        )
    if len(shop.new_orders(last)) != 1:
        race.breach("orders other than the child's were written")
    return race


def race_subscription(p: Pool, shop: Shop, rng: random.Random) -> Race:
    """The same subscription started by voice (PIN) from every session at once: one."""
    shop.reset(pin=True)
    talkers = p.adults
    sku = rng.choice(PRODUCTS)[0]
    day = rng.choice(["월요일", "화요일", "수요일", "목요일", "금요일"])
    line = f"매주 {day}마다 {dict(PRODUCTS)[sku]} 한 개 정기 배송해 줘"
    say_all(talkers, ["아니"] * len(talkers))
    expect(say_all(talkers, [line] * len(talkers)), talkers, "시작할까요?", "subscription race")
    expect(say_all(talkers, ["응"] * len(talkers)), talkers, "ask_pin", "subscription race")
    race = Race("subscription", len(talkers))
    _release(race, talkers, [PIN] * len(talkers))
    live = shop.value("SELECT COUNT(*) FROM subscriptions WHERE status = 'active'")
    if live != 1 or race.outcomes["subscribed"] != 1:
        race.breach(f"{live} subscriptions live, {race.outcomes['subscribed']} started")
    return race


RACES: dict[str, Callable[[Pool, Shop, random.Random], Race]] = {
    "pin": race_pin_guesses,
    "pin_reset": check_pin_reset,
    "day_limit": race_day_limit,
    "duplicate": race_duplicate,
    "stock": race_stock,
    "checkout": race_checkout,
    "decision": race_decision,
    "subscription": race_subscription,
}


def run_round(p: Pool, shop: Shop, rng: random.Random, names: Sequence[str]) -> list[Race]:
    """Every race of ``names`` once, in a random order."""
    order = list(names)
    rng.shuffle(order)
    races = []
    for name in order:
        started = time.perf_counter()
        race = RACES[name](p, shop, rng)
        race.seconds = time.perf_counter() - started
        races.append(race)
    return races


def seed_from_env() -> int:
    """The seed of :data:`SEED_ENV` if set, else a fresh one (print it to reproduce)."""
    given = os.environ.get(SEED_ENV)
    return int(given) if given else int(time.time() * 1000) % 1_000_000
