"""What ``jangbogi subscriptions ...`` and ``jangbogi notifications`` do; arguments are
parsed in :mod:`assistant.cli_reorder`. Each command is one transaction: bad input raises a
:class:`~assistant.errors.JangbogiError` (one line, exit code != 0) and changes nothing."""

from __future__ import annotations

import argparse
import re
from collections.abc import Callable

from assistant import replies_reorder
from assistant.commands_account import _household, _json, _session
from assistant.errors import ScheduleError
from assistant.nlu.schedule import WEEKDAYS
from assistant.reorder import service
from assistant.reorder.recurrence import Recurrence, describe_ko, validate
from assistant.shop import accounts
from assistant.shop.history import day_date, day_index
from assistant.store.models import Household, utcnow

FREQ = {"day": "daily", "week": "weekly", "month": "monthly"}
_AT = re.compile(r"^([0-9]{1,2}):([0-9]{2})$")


def _time(text: str) -> tuple[int, int]:
    m = _AT.match(text.strip())
    if m is None or int(m.group(1)) > 23 or int(m.group(2)) > 59:
        raise ScheduleError(f"--at: '{text}'은(는) 시각이 아니에요 (HH:MM, 00:00-23:59).")
    return int(m.group(1)), int(m.group(2))


def _weekdays(text: str | None) -> tuple[str, ...]:
    if not text:
        return ()
    days = [d.strip().lower()[:3] for d in text.split(",") if d.strip()]
    bad = [d for d in days if d not in WEEKDAYS]
    if bad:
        raise ScheduleError(f"--on: 요일을 알 수 없어요: {', '.join(bad)} (mon..sun).")
    return tuple(d for d in WEEKDAYS if d in days)


def recurrence(args: argparse.Namespace, household: Household) -> Recurrence:
    """The schedule the arguments describe, counted from today in the household's zone."""
    hour, minute = _time(args.at)
    rec = Recurrence(
        freq=FREQ[args.every], anchor=day_date(day_index(utcnow(), household.timezone)),
        interval=args.interval, weekdays=_weekdays(args.on), day=args.day, hour=hour,
        minute=minute,
    )  # fmt: skip
    validate(rec)
    return rec


def _line(v: service.SubscriptionView) -> str:
    nxt = replies_reorder.local_date_time(v.next_run_at, v.timezone) if v.next_run_at else "-"
    last = f"last {v.last_run.value}" if v.last_run else "no run yet"
    return (
        f"{v.id}\t{v.status.value}\t{v.product.sku} {v.product.name} x{v.quantity}\t"
        f"{describe_ko(v.recurrence)}\tnext {nxt}\t{last}"
    )


def _show(args: argparse.Namespace, v: service.SubscriptionView, done: str = "") -> None:
    if args.json:
        _json(v.to_json())
    else:
        print(f"{done}{_line(v)}")


def cmd_subscriptions_add(args: argparse.Namespace) -> int:
    now = utcnow()
    with _session(args) as session:
        household = _household(session, args)
        rec = recurrence(args, household)
        product = service.find_product(session, args.product)
        member = accounts.member_or_owner(session, household, args.member, "--member")
        sub = service.create(session, member, product, args.quantity, rec, now)
        _show(args, service.view(session, sub), "created ")
    return 0


def cmd_subscriptions_list(args: argparse.Namespace) -> int:
    with _session(args) as session:
        household = _household(session, args)
        for v in service.list_subscriptions(session, household.id, include_cancelled=args.all):
            _show(args, v)
    return 0


def cmd_subscriptions_change(args: argparse.Namespace) -> int:
    now = utcnow()
    with _session(args) as session:
        household = _household(session, args)
        if args.action == "skip":
            sub, period = service.skip_next(session, household.id, args.id, now, worker="cli")
            v = service.view(session, sub)
            if args.json:
                _json({**v.to_json(), "skipped_period": period.isoformat()})
            else:
                when = replies_reorder.local_date_time(period, v.timezone)
                print(f"skipped {when}: {_line(v)}")
            return 0
        change = {"pause": service.pause, "resume": service.resume, "cancel": service.cancel}
        sub = change[args.action](session, household.id, args.id, now)
        done = {"pause": "paused ", "resume": "resumed ", "cancel": "cancelled "}[args.action]
        _show(args, service.view(session, sub), done)
    return 0


def cmd_notifications(args: argparse.Namespace) -> int:
    """Unread notifications (``--all``: told ones too); ``--mark-told`` marks them told."""
    with _session(args) as session:
        household = _household(session, args)
        found = service.notifications(session, household, unread_only=not args.all)
        for n in found:
            if args.json:
                _json(n.to_json())
            else:
                told = "told" if n.told_at else "unread"
                local = replies_reorder.local_date_time(n.created_at, n.timezone)
                print(f"{n.id}\t{local}\t{n.kind}\t{told}\t{replies_reorder.notification(n)}")
        if args.mark_told:
            service.mark_told(session, household.id, [n.id for n in found], utcnow())
    return 0


HANDLERS: dict[tuple[str, str | None], Callable[[argparse.Namespace], int]] = {
    ("subscriptions", "add"): cmd_subscriptions_add,
    ("subscriptions", "list"): cmd_subscriptions_list,
    ("subscriptions", "pause"): cmd_subscriptions_change,
    ("subscriptions", "resume"): cmd_subscriptions_change,
    ("subscriptions", "skip"): cmd_subscriptions_change,
    ("subscriptions", "cancel"): cmd_subscriptions_change,
    ("notifications", None): cmd_notifications,
}
