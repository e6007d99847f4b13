"""``jangbogi subscriptions add|list|pause|resume|skip|cancel`` and ``jangbogi notifications``:
a household's recurring orders and what they told. Each command is one transaction: bad input
raises a :class:`~assistant.errors.JangbogiError` (one line, exit code != 0) and changes nothing."""

from __future__ import annotations

import argparse
import re
from typing import TYPE_CHECKING

from assistant.cli.common import (
    Subparsers,
    group,
    household,
    household_ref,
    reader,
    session,
    with_household,
    with_json,
)
from assistant.cli.output import print_json, say
from assistant.locales.messages import Msg

if TYPE_CHECKING:
    from assistant.reorder.recurrence import Recurrence
    from assistant.reorder.views import NotificationView, SubscriptionView
    from assistant.store.models import Household

FREQ = {"day": "daily", "week": "weekly", "month": "monthly"}
"""``--every`` -> the recurrence's frequency."""
_AT = re.compile(r"^([0-9]{1,2}):([0-9]{2})$")


def _scoped(p: argparse.ArgumentParser) -> argparse.ArgumentParser:
    return with_json(with_household(p))


def add_parsers(sub: Subparsers) -> None:
    """Add ``subscriptions ...`` and ``notifications``."""
    s_sub = group(sub, "subscriptions", help="recurring orders of a household")
    add = _scoped(s_sub.add_parser("add", help="order a product on a schedule"))
    add.add_argument("--product", required=True, metavar="SKU_OR_NAME")
    add.add_argument("--quantity", type=int, default=1, metavar="N", help="items each time")
    add.add_argument("--every", required=True, choices=["day", "week", "month"])
    add.add_argument("--interval", type=int, default=1, metavar="N",
                     help="every N days, weeks or months (default 1)")  # fmt: skip
    add.add_argument("--on", metavar="mon,wed", help="weekdays, for --every week")
    add.add_argument("--day", type=int, metavar="1-31",
                     help="day of the month for --every month (31: last day)")  # fmt: skip
    add.add_argument("--at", default="09:00", metavar="HH:MM", help="time of day (default 09:00)")
    add.add_argument("--member", metavar="NAME", help="whose subscription (default: the owner)")
    add.set_defaults(handler=cmd_subscriptions_add)
    lst = _scoped(s_sub.add_parser("list", help="subscriptions with their next run"))
    lst.add_argument("--all", action="store_true", help="cancelled ones too")
    lst.set_defaults(handler=cmd_subscriptions_list)
    for verb, what in (
        ("pause", "stop ordering until resumed"),
        ("resume", "order again from the next scheduled time"),
        ("skip", "do not order the next period"),
        ("cancel", "end it"),
    ):
        change = _scoped(s_sub.add_parser(verb, help=what))
        change.add_argument("id", type=int, metavar="ID")
        change.set_defaults(handler=cmd_subscriptions_change)

    notes = _scoped(sub.add_parser("notifications", help="what the recurring orders told"))
    notes.add_argument("--all", action="store_true", help="told ones too (default: unread)")
    notes.add_argument("--mark-told", action="store_true", help="mark the listed ones as told")
    notes.set_defaults(handler=cmd_notifications)


def _time(text: str) -> tuple[int, int]:
    from assistant.errors import ErrorCode, ScheduleError

    m = _AT.match(text.strip())
    if m is None or int(m.group(1)) > 23 or int(m.group(2)) > 59:
        raise ScheduleError(ErrorCode.SCHEDULE_AT_OPTION, text=text)
    return int(m.group(1)), int(m.group(2))


def _weekdays(text: str | None) -> tuple[str, ...]:
    from assistant.errors import ErrorCode, ScheduleError
    from assistant.nlu.schedule import WEEKDAYS

    if not text:
        return ()
    days = [d.strip().lower()[:3] for d in text.split(",") if d.strip()]
    bad = [d for d in days if d not in WEEKDAYS]
    if bad:
        raise ScheduleError(ErrorCode.SCHEDULE_ON_OPTION, days=", ".join(bad))
    return tuple(d for d in WEEKDAYS if d in days)


def recurrence(args: argparse.Namespace, household: Household) -> Recurrence:
    """The schedule the arguments describe, counted from today in the household's zone."""
    from assistant.reorder.recurrence import Recurrence, validate
    from assistant.shop.history import day_date, day_index
    from assistant.store.models import utcnow

    hour, minute = _time(args.at)
    rec = Recurrence(
        freq=FREQ[args.every], anchor=day_date(day_index(utcnow(), household.timezone)),
        interval=args.interval, weekdays=_weekdays(args.on), day=args.day, hour=hour,
        minute=minute,
    )  # fmt: skip
    validate(rec)
    return rec


def _line(v: SubscriptionView) -> str:
    from assistant.dialog.phrases_reorder import ReorderPhrases

    speak = say()
    replies_reorder = ReorderPhrases(speak)
    nxt = replies_reorder.local_date_time(v.next_run_at, v.timezone) if v.next_run_at else "-"
    last = (
        speak(Msg.CLI_SUBSCRIPTION_LAST, status=v.last_run.value)
        if v.last_run
        else speak(Msg.CLI_SUBSCRIPTION_NO_RUN)
    )
    return (
        f"{v.id}\t{v.status.value}\t{v.product.sku} {v.product.name} x{v.quantity}\t"
        f"{replies_reorder.schedule(v.recurrence)}\t{speak(Msg.CLI_SUBSCRIPTION_NEXT, when=nxt)}"
        f"\t{last}"
    )


def _show(args: argparse.Namespace, v: SubscriptionView, done: str = "") -> None:
    if args.json:
        print_json(v.to_json())
    else:
        print(f"{done}{_line(v)}")


def cmd_subscriptions_add(args: argparse.Namespace) -> int:
    """A new subscription, for ``--member`` or the owner."""
    from assistant.reorder import service
    from assistant.shop import accounts
    from assistant.store.models import utcnow

    now = utcnow()
    with session(args) as s:
        h = household(s, args)
        rec = recurrence(args, h)
        product = service.find_product(s, args.product)
        member = accounts.member_or_owner(s, h, args.member, "--member")
        sub = service.create(s, member, product, args.quantity, rec, now)
        _show(args, service.view(s, sub), say()(Msg.CLI_SUBSCRIPTION_DONE, action="add"))
    return 0


def cmd_subscriptions_list(args: argparse.Namespace) -> int:
    """The household's subscriptions (``--all``: cancelled ones too), read without SQLAlchemy."""
    from assistant.reorder.reads import list_subscriptions

    with reader(args) as r:
        found = list_subscriptions(r, household_ref(r, args).id, include_cancelled=args.all)
    if not found and not args.json:
        print(say()(Msg.CLI_NO_SUBSCRIPTIONS))
    for v in found:
        _show(args, v)
    return 0


def cmd_subscriptions_change(args: argparse.Namespace) -> int:
    """``pause``, ``resume``, ``skip`` or ``cancel`` (the subcommand's name) one subscription."""
    from assistant.dialog.phrases_reorder import ReorderPhrases
    from assistant.reorder import service
    from assistant.store.models import utcnow

    replies_reorder = ReorderPhrases(say())
    now = utcnow()
    with session(args) as s:
        h = household(s, args)
        if args.action == "skip":
            sub, period = service.skip_next(s, h.id, args.id, now, worker="cli")
            v = service.view(s, sub)
            if args.json:
                from zoneinfo import ZoneInfo

                skipped = period.astimezone(ZoneInfo(v.timezone)).isoformat()
                print_json({**v.to_json(), "skipped_period": skipped})
            else:
                when = replies_reorder.local_date_time(period, v.timezone)
                print(say()(Msg.CLI_SUBSCRIPTION_SKIPPED, when=when) + _line(v))
            return 0
        change = {"pause": service.pause, "resume": service.resume, "cancel": service.cancel}
        sub = change[args.action](s, h.id, args.id, now)
        _show(args, service.view(s, sub), say()(Msg.CLI_SUBSCRIPTION_DONE, action=args.action))
    return 0


def cmd_notifications(args: argparse.Namespace) -> int:
    """Unread notifications (``--all``: told ones too); ``--mark-told`` marks them told (a
    write, through SQLAlchemy; listing alone reads without it)."""
    if args.mark_told:
        return _notifications_marked(args)
    from assistant.reorder.reads import notifications

    with reader(args) as r:
        h = household_ref(r, args)
        found = notifications(r, h.id, h.timezone, unread_only=not args.all)
    _print_notifications(args, found)
    return 0


def _notifications_marked(args: argparse.Namespace) -> int:
    from assistant.reorder import service
    from assistant.store.models import utcnow

    with session(args) as s:
        h = household(s, args)
        found = service.notifications(s, h, unread_only=not args.all)
        _print_notifications(args, found)
        service.mark_told(s, h.id, [n.id for n in found], utcnow())
    return 0


def _print_notifications(args: argparse.Namespace, found: list[NotificationView]) -> None:
    from assistant.dialog.phrases_reorder import ReorderPhrases

    if args.json:
        for n in found:
            print_json(n.to_json())
        return
    if not found:
        print(say()(Msg.CLI_NO_NOTIFICATIONS, which="all" if args.all else "unread"))
    replies_reorder = ReorderPhrases(say())
    for n in found:
        told = "told" if n.told_at else "unread"
        local = replies_reorder.local_date_time(n.created_at, n.timezone)
        print(f"{n.id}\t{local}\t{n.kind}\t{told}\t{replies_reorder.notification(n)}")
