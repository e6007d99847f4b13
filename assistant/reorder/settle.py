"""What one due subscription does now: which periods it owes, and each period's outcome.

:func:`settle` runs inside the runner's transaction with the subscription's row claimed.
It writes the period rows (:class:`SubscriptionRun`), the orders (through
:func:`assistant.shop.purchase.place_for_member`, the same door as a spoken order, with
the same prices and purchase rules) and the notifications, and moves ``next_run_at``
past ``now``. The unique (subscription, period) row and the order's idempotency key
make a second placement for a period impossible, whoever tries it.

Downtime: of the periods between ``next_run_at`` and ``now`` only the latest may be
ordered (one catch-up order, not one per missed period), and only within the household's
grace window; the older ones are recorded as missed in one row (a span with their count),
not one row each, and the household gets one notification. A period inside a recorded
span is never placed or recorded again (:class:`~assistant.errors.PeriodTakenError`).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from itertools import islice
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from assistant.errors import ErrorCode, PeriodTakenError, ShopError
from assistant.locales import say_for
from assistant.reorder.recurrence import Recurrence, next_after, occurrences, stretch, zone
from assistant.shop.alternatives import closest_in_stock
from assistant.shop.autobatch import AutoOrder, lock_for_orders, place_auto
from assistant.shop.pricing import member_pricing_applies, unit_price
from assistant.shop.purchase import place_for_member
from assistant.store.models import (
    Channel,
    Household,
    Notification,
    OutOfStockPolicy,
    Product,
    RunStatus,
    Subscription,
    SubscriptionRun,
)


@dataclass(frozen=True)
class Outcome:
    """What became of one period of one subscription (one log line)."""

    subscription_id: int
    """The subscription."""
    period_at: datetime
    """The period's scheduled time (UTC)."""
    status: RunStatus
    """placed, held, skipped, missed or failed."""
    order_id: int | None = None
    """The order placed for it."""
    total: int | None = None
    """What the order costs."""
    reason: str | None = None
    """Why it was not placed, or what was substituted."""
    periods: int = 1
    """How many periods it stands for (a span of missed ones: more than one)."""
    until: datetime | None = None
    """A span's last period (UTC); None for one period."""

    def log_line(self) -> str:
        parts = [
            self.status.value,
            f"subscription={self.subscription_id}",
            f"period={self.period_at:%Y-%m-%dT%H:%MZ}",
        ]
        if self.until is not None:
            parts += [f"until={self.until:%Y-%m-%dT%H:%MZ}", f"periods={self.periods}"]
        if self.order_id is not None:
            parts += [f"order={self.order_id}", f"total={self.total}"]
        if self.reason:
            parts.append(f"reason={self.reason!r}")
        return " ".join(parts)


def period_key(subscription_id: int, period_at: datetime) -> str:
    """The idempotency key of the order of one period."""
    return f"sub:{subscription_id}:{period_at:%Y%m%dT%H%M%SZ}"


def following(sub: Subscription, now: datetime) -> datetime:
    """The first period of ``sub`` after ``now``: where ``next_run_at`` moves once settled.
    :class:`~assistant.errors.ScheduleError` if its stored schedule is unreadable."""
    return next_after(Recurrence.from_json(sub.schedule), zone(sub.timezone), now)


@dataclass(frozen=True)
class Due:
    """The periods one subscription owes by ``now``, counted without listing them."""

    count: int
    """How many (at least one)."""
    first: datetime
    """The oldest."""
    latest: datetime
    """The newest: the only one that may still be ordered."""
    before_latest: datetime | None
    """The newest of the older ones (None when only one is due)."""


def due_periods(rec: Recurrence, sub: Subscription, now: datetime) -> Due | None:
    """What ``sub`` owes from its ``next_run_at`` up to ``now``; None if nothing."""
    if sub.next_run_at is None:
        return None
    owed = stretch(rec, zone(sub.timezone), sub.next_run_at, now)
    if owed is None:
        return None
    return Due(owed.count, owed.first, owed.last, owed.before_last)


Spans = dict[int, list[tuple[datetime, datetime]]]
"""Subscription id -> its recorded spans of missed periods (first, last)."""


def recorded_spans(session: Session, sub_ids: Sequence[int]) -> Spans:
    """The spans of missed periods already recorded for these subscriptions (one query on a
    partial index: spans are rare)."""
    found: Spans = defaultdict(list)
    if not sub_ids:
        return found
    rows = session.execute(
        select(SubscriptionRun.subscription_id, SubscriptionRun.period_at,
               SubscriptionRun.period_until)
        .where(SubscriptionRun.subscription_id.in_(sub_ids),
               SubscriptionRun.period_until.is_not(None))
    )  # fmt: skip
    for sub_id, start, end in rows:
        if end is not None:
            found[sub_id].append((start, end))
    return found


def _inside_span(spans: Spans, sub: Subscription, first: datetime, last: datetime) -> bool:
    """Whether any period from ``first`` to ``last`` already lies inside a recorded span (a
    single recorded period is refused by the unique (subscription, period) key instead)."""
    return any(start <= last and first <= end for start, end in spans.get(sub.id, ()))


def settle(
    session: Session, sub: Subscription, now: datetime, worker: str, spans: Spans | None = None
) -> list[Outcome]:
    """Record every period of ``sub`` due by ``now`` and place at most one order.

    ``spans``: :func:`recorded_spans` of the batch (looked up here when not given).
    :class:`~assistant.errors.PeriodTakenError` if a due period is inside one of them."""
    rec = Recurrence.from_json(sub.schedule)
    household = sub.member.household
    due = due_periods(rec, sub, now)
    outcomes: list[Outcome] = []
    if due is not None:
        if spans is None:
            spans = recorded_spans(session, [sub.id])
        if _inside_span(spans, sub, due.first, due.latest):
            raise PeriodTakenError(
                ErrorCode.PERIOD_TAKEN, id=sub.id, first=f"{due.first:%Y-%m-%dT%H:%MZ}"
            )
        late = now - due.latest > timedelta(minutes=household.reorder_grace_minutes)
        if late:  # the older ones and the latest: one span
            outcomes.append(_missed(session, sub, due, due.latest, worker, now,
                                    "past grace window"))  # fmt: skip
        else:
            if due.before_latest is not None:
                outcomes.append(_missed(session, sub, due, due.before_latest, worker, now,
                                        "older than the latest missed time"))  # fmt: skip
            outcomes.append(_run_period(session, sub, household, due.latest, now, worker,
                                        caught_up=due.before_latest is not None))  # fmt: skip
        older = due.count - 1
        last = outcomes[-1]
        if older and last.status is RunStatus.PLACED:
            notify(session, sub, "caught_up", now, due.latest,
                    order_id=last.order_id, missed=older)  # fmt: skip
        else:
            missed = [o for o in outcomes if o.status is RunStatus.MISSED]
            if missed:
                until = (missed[-1].until or missed[-1].period_at).isoformat()
                count = sum(o.periods for o in missed)
                notify(session, sub, "missed", now, due.latest, count=count, last_period=until)
    sub.next_run_at = next_after(rec, zone(sub.timezone), now)
    sub.updated_at = now
    return outcomes


def _missed(
    session: Session, sub: Subscription, due: Due, last: datetime, worker: str, now: datetime,
    reason: str,
) -> Outcome:  # fmt: skip
    """One run row for the due periods from the first up to ``last``: a span if several."""
    count = due.count if last == due.latest else due.count - 1
    if count == 1:
        return _record(session, sub, due.first, RunStatus.MISSED, worker, now, reason)
    session.add(
        SubscriptionRun(
            subscription_id=sub.id, household_id=sub.household_id, period_at=due.first,
            period_until=last, periods=count, status=RunStatus.MISSED, reason=reason,
            worker=worker, recorded_at=now,
        )
    )  # fmt: skip
    return Outcome(sub.id, due.first, RunStatus.MISSED, None, None, reason, count, last)


def settle_batch(
    session: Session, subs: Sequence[Subscription], now: datetime, worker: str
) -> list[Outcome]:
    """:func:`settle` for each subscription in turn, the plain ones' orders placed together.

    Plain: one period due, inside the grace window, at an agreed price, its product on sale
    with enough stock after what the plain ones before it take. Their orders go through
    :func:`assistant.shop.autobatch.place_auto` (place_for_member's rules, fewer round
    trips). Any other subscription first has the plain ones before it placed, then goes
    through :func:`settle` itself, so every decision sees what one-by-one settling would.
    The batch's households and products are locked first, in id order.
    """
    lock_for_orders(session, {s.household_id for s in subs}, {s.product_id for s in subs})
    spans = recorded_spans(session, [s.id for s in subs])
    outcomes: list[Outcome] = []
    pending: list[tuple[Subscription, datetime]] = []
    taken: Counter[int] = Counter()
    for sub in subs:
        period = _plain_period(sub, now, taken, spans)
        if period is None:
            outcomes += _place_plain(session, pending, now, worker)
            pending, taken = [], Counter()
            outcomes += settle(session, sub, now, worker, spans)
        else:
            pending.append((sub, period))
            taken[sub.product_id] += sub.quantity
    return outcomes + _place_plain(session, pending, now, worker)


def _plain_period(
    sub: Subscription, now: datetime, taken: Counter[int], spans: Spans
) -> datetime | None:
    """The one period ``sub`` owes if it is plain (see :func:`settle_batch`), else None."""
    if sub.next_run_at is None:
        return None
    rec = Recurrence.from_json(sub.schedule)
    due = list(islice(occurrences(rec, zone(sub.timezone), sub.next_run_at, now), 2))
    if len(due) != 1 or _inside_span(spans, sub, due[0], due[0]):
        return None
    household = sub.member.household
    if now - due[0] > timedelta(minutes=household.reorder_grace_minutes):
        return None
    if _risen_price(sub, household) is not None:
        return None
    product = sub.product
    if not product.active or product.stock - taken[product.id] < sub.quantity:
        return None
    return due[0]


def _place_plain(
    session: Session, pending: list[tuple[Subscription, datetime]], now: datetime, worker: str
) -> list[Outcome]:
    """What :func:`_place` does for each plain subscription, with one :func:`place_auto`."""
    requests = [AutoOrder(sub.member, sub.product_id, sub.quantity, period_key(sub.id, period))
                for sub, period in pending]  # fmt: skip
    outcomes: list[Outcome] = []
    for (sub, period), result in zip(pending, place_auto(session, requests, now=now), strict=True):
        if isinstance(result, ShopError):  # refused, nothing written for it
            outcomes.append(_refused(session, sub, period, result, worker, now))
        else:
            order = result.order
            _record(session, sub, period, RunStatus.PLACED, worker, now, None, order.id)
            notify(session, sub, "placed", now, period, order_id=order.id, total=order.total)
            outcomes.append(Outcome(sub.id, period, RunStatus.PLACED, order.id, order.total))
        sub.next_run_at, sub.updated_at = following(sub, now), now
    return outcomes


def _risen_price(sub: Subscription, household: Household) -> int | None:
    """The unit price now, if it rose more than the household allows since ``sub`` was made."""
    price = unit_price(sub.product, member_pricing_applies(household))
    if price * 100 > sub.price_at_creation * (100 + household.reorder_price_rise_pct):
        return price
    return None


def _run_period(
    session: Session,
    sub: Subscription,
    household: Household,
    period: datetime,
    now: datetime,
    worker: str,
    *,
    caught_up: bool,
) -> Outcome:
    """Place the order of one period, or hold/skip/fail it by the guards and rules.
    ``caught_up``: older periods were missed (the caught-up notice tells the order)."""
    product = sub.product
    price = _risen_price(sub, household)
    if price is not None:
        rule = household.reorder_price_rise_pct
        pct = round((price - sub.price_at_creation) * 100 / sub.price_at_creation)
        notify(session, sub, "held", now, period,
                old_price=sub.price_at_creation, new_price=price, pct=pct)  # fmt: skip
        why = f"price {sub.price_at_creation} -> {price} (+{pct}% > {rule}%)"
        return _record(session, sub, period, RunStatus.HELD, worker, now, why)
    target, substituted = product, False
    if not product.active or product.stock < sub.quantity:
        alternative = None
        if household.reorder_out_of_stock is OutOfStockPolicy.SUBSTITUTE:
            alternative = closest_in_stock(session, product, sub.quantity)
        if alternative is None:
            notify(session, sub, "out_of_stock", now, period)
            why = "out of stock" if product.active else "no longer sold"
            return _record(session, sub, period, RunStatus.SKIPPED, worker, now, why)
        target, substituted = alternative, True
    return _place(session, sub, target, period, now, worker, substituted, caught_up)


def _place(
    session: Session,
    sub: Subscription,
    target: Product,
    period: datetime,
    now: datetime,
    worker: str,
    substituted: bool,
    caught_up: bool,
) -> Outcome:
    """Order ``target`` for one period, and leave its notification: substituted, placed, or
    none when the caught-up one (:func:`settle`) tells it."""
    try:
        placed = place_for_member(
            session, sub.member, [(target.id, sub.quantity)], channel=Channel.AUTO,
            idempotency_key=period_key(sub.id, period), now=now,
        )  # fmt: skip
    except ShopError as exc:  # refused before anything was written
        return _refused(session, sub, period, exc, worker, now)
    order = placed.order
    why = None
    if substituted:
        why = f"substituted {target.sku} for {sub.product.sku}"
        notify(session, sub, "substituted", now, period, substitute=target.display_name,
                substitute_en=target.name_en, order_id=order.id)  # fmt: skip
    elif not caught_up:
        notify(session, sub, "placed", now, period, order_id=order.id, total=order.total)
    _record(session, sub, period, RunStatus.PLACED, worker, now, why, order.id)
    return Outcome(sub.id, period, RunStatus.PLACED, order.id, order.total, why)


def _refused(
    session: Session, sub: Subscription, period: datetime, exc: ShopError, worker: str,
    now: datetime,
) -> Outcome:  # fmt: skip
    """A period a purchase rule refused: a failed run, and a notice with the shop's (Korean)
    sentence and the kind of refusal, so other languages can say it in their own words."""
    reason = say_for("ko").error(exc)
    notify(session, sub, "failed", now, period, reason=reason, error=type(exc).__name__)
    return _record(session, sub, period, RunStatus.FAILED, worker, now, reason)


def _record(
    session: Session,
    sub: Subscription,
    period: datetime,
    status: RunStatus,
    worker: str,
    now: datetime,
    reason: str | None = None,
    order_id: int | None = None,
) -> Outcome:
    session.add(
        SubscriptionRun(
            subscription_id=sub.id, household_id=sub.household_id, period_at=period,
            status=status, order_id=order_id, reason=reason, worker=worker, recorded_at=now,
        )
    )  # fmt: skip
    return Outcome(sub.id, period, status, order_id, None, reason)


def notify(
    session: Session, sub: Subscription, kind: str, now: datetime, period: datetime, **data: Any
) -> None:
    """A notification about ``sub``'s ``period``, told at the next conversation."""
    product = sub.product
    session.add(
        Notification(
            household_id=sub.household_id,
            subscription_id=sub.id,
            kind=kind,
            data={"product": product.display_name, "product_en": product.name_en,
                  "period": period.isoformat(), **data},
            created_at=now,
        )
    )  # fmt: skip
