"""``jangbogi insights``: per household, what it buys, how often, and what is due next."""

from __future__ import annotations

import argparse

from assistant.cli import output
from assistant.cli.common import Subparsers, session, with_db, with_json
from assistant.cli.output import print_json


def add_parsers(sub: Subparsers) -> None:
    """Add ``insights``."""
    insights = with_db(sub.add_parser(
        "insights", help="per household: products, buying intervals and next-due dates"
    ))  # fmt: skip
    insights.add_argument("--today", metavar="YYYY-MM-DD", help="as if today were this date")
    with_json(insights)
    insights.set_defaults(handler=cmd_insights)


def cmd_insights(args: argparse.Namespace) -> int:
    """Per household: what it buys, how often, and when each product is due next."""
    from datetime import date

    from sqlalchemy import select

    from assistant.errors import ConfigError
    from assistant.locales.messages import Msg
    from assistant.shop.history import day_index, household_insights
    from assistant.store.models import Household, utcnow

    today: int | None = None
    if args.today:
        try:
            today = date.fromisoformat(args.today).toordinal()
        except ValueError as exc:
            raise ConfigError(f"--today: {args.today!r} is not a date (YYYY-MM-DD)") from exc
    with session(args) as s:
        for household in s.scalars(select(Household).order_by(Household.id)):
            day = today if today is not None else day_index(utcnow(), household.timezone)
            report = household_insights(s, household, day)
            if args.json:
                print_json(report.to_json())
                continue
            say = output.say()
            orders = say(Msg.INSIGHTS_ORDERS, count=report.orders)
            print(f"{report.household}\t{report.today}\t{orders}")
            for p in report.products:
                regular = p.interval_days is not None and p.spread is not None
                rhythm = say(
                    Msg.INSIGHTS_PRODUCT, count=p.count, regular=regular,
                    days=p.interval_days or 0, spread=f"{p.spread or 0:.2f}",
                    quantity=p.quantity, last=str(p.last),
                )  # fmt: skip
                due = ""
                if p.next_due:
                    due = say(Msg.INSIGHTS_NEXT, date=str(p.next_due),
                              confidence=f"{p.confidence:.2f}")  # fmt: skip
                flags = " ".join(
                    say(flag)
                    for flag, on in (
                        (Msg.INSIGHTS_FLAG_DUE, p.due_now),
                        (Msg.INSIGHTS_FLAG_STEADY, p.steady),
                        (Msg.INSIGHTS_FLAG_SUBSCRIBED, p.subscribed),
                    )
                    if on
                )
                print(f"\t{p.sku}\t{p.name}\t{rhythm}\t{due}\t{flags}".rstrip())
            for noun, sku, name in report.usuals:
                print("\t" + say(Msg.INSIGHTS_USUAL, noun=noun, sku=sku, name=name))
    return 0
