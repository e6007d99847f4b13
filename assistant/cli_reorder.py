"""Arguments of ``jangbogi subscriptions ...`` and ``jangbogi notifications`` (what they do
is in :mod:`assistant.commands_reorder`)."""

from __future__ import annotations

import argparse

from assistant.cli_account import WithDb


def add_reorder_parsers(sub: argparse._SubParsersAction, with_db: WithDb) -> None:  # type: ignore[type-arg]
    """Add the recurring-order subcommands to the ``jangbogi`` parser."""

    def scoped(p: argparse.ArgumentParser) -> argparse.ArgumentParser:
        with_db(p).add_argument("--household", metavar="NAME", help="default: the first one")
        p.add_argument("--json", action="store_true")
        return p

    subs = sub.add_parser("subscriptions", help="recurring orders of a household")
    s_sub = subs.add_subparsers(dest="action", required=True, metavar="ACTION")
    add = scoped(s_sub.add_parser("add", help="order a product on a schedule"))
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
    lst = scoped(s_sub.add_parser("list", help="subscriptions with their next run"))
    lst.add_argument("--all", action="store_true", help="cancelled ones too")
    for verb, what in (
        ("pause", "stop ordering until resumed"),
        ("resume", "order again from the next scheduled time"),
        ("skip", "do not order the next period"),
        ("cancel", "end it"),
    ):
        scoped(s_sub.add_parser(verb, help=what)).add_argument("id", type=int, metavar="ID")

    notes = scoped(sub.add_parser("notifications", help="what the recurring orders told"))
    notes.add_argument("--all", action="store_true", help="told ones too (default: unread)")
    notes.add_argument("--mark-told", action="store_true", help="mark the listed ones as told")
