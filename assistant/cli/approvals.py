"""``jangbogi approvals list|approve|reject`` (a child's order waits for an adult) and
``jangbogi receipt`` (the e-receipt of an order)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from assistant.cli.common import (
    Subparsers,
    group,
    household,
    household_ref,
    reader,
    session,
    with_db,
    with_household,
    with_json,
)
from assistant.cli.output import print_json, say, won
from assistant.cli.tables import local_time
from assistant.locales.messages import Msg

if TYPE_CHECKING:
    from assistant.locales.say import Speaks
    from assistant.shop.views import Receipt


def add_parsers(sub: Subparsers) -> None:
    """Add ``approvals ...`` and ``receipt``."""
    ap_sub = group(sub, "approvals", help="children's orders waiting for an adult")
    lst = with_json(with_household(ap_sub.add_parser("list", help="orders waiting for approval")))
    lst.set_defaults(handler=cmd_approvals_list)
    for verb in ("approve", "reject"):
        p = with_household(ap_sub.add_parser(verb, help=f"{verb} a child's order"))
        p.add_argument("order_id", type=int, metavar="ORDER_ID")
        p.add_argument("--by", metavar="NAME", help="the adult deciding (default: the owner)")
        p.set_defaults(handler=cmd_approvals_decide)

    receipt = with_db(sub.add_parser("receipt", help="the e-receipt of an order"))
    receipt.add_argument("order_id", type=int, metavar="ORDER_ID")
    with_json(receipt)
    receipt.set_defaults(handler=cmd_receipt)


def cmd_approvals_list(args: argparse.Namespace) -> int:
    """The household's orders waiting for an adult (read without SQLAlchemy)."""
    from assistant.shop.reads import pending_approvals, zone

    with reader(args) as r:
        found = pending_approvals(r, household_ref(r, args).id)
    if not found and not args.json:
        print(say()(Msg.CLI_NO_APPROVALS))
    for zoned in found:
        v, tz = zoned.order, zone(zoned.timezone)
        if args.json:
            print_json(v.to_json(tz))
            continue
        lines = ", ".join(f"{ln.name} {ln.quantity}{ln.unit}" for ln in v.lines)
        print(f"#{v.id}\t{v.member}\t{local_time(v.placed_at, tz)}\t{won(v.total)}\t{lines}")
    return 0


def cmd_approvals_decide(args: argparse.Namespace) -> int:
    """``approve`` or ``reject`` (the subcommand's name) one order, by an adult."""
    from assistant.shop import accounts
    from assistant.shop.purchase import decide
    from assistant.store.models import utcnow

    approve = args.action == "approve"
    with session(args) as s:
        h = household(s, args)
        by = accounts.member_or_owner(s, h, args.by, "--by")
        order = decide(s, args.order_id, by, approve=approve, now=utcnow())
        print(say()(Msg.CLI_ORDER_DECIDED, id=order.id, approved=approve, by=by.name,
                    status=order.status.value, total=won(order.total)))  # fmt: skip
    return 0


def cmd_receipt(args: argparse.Namespace) -> int:
    """The e-receipt: lines, member savings, delivery, total, card, local time, approver
    (read without SQLAlchemy)."""
    from assistant.shop.reads import receipt as read_receipt

    with reader(args) as r:
        receipt = read_receipt(r, args.order_id)
    if args.json:
        print_json(receipt.to_json())
    else:
        print("\n".join(receipt_text(receipt, say())))
    return 0


def receipt_text(r: Receipt, say: Speaks) -> list[str]:
    """The receipt as lines of text, in the language of ``say`` (``shop.ftl``'s receipt-*)."""

    out = [
        say(Msg.RECEIPT_TITLE, id=r.order_id, status=r.status.value),
        say(Msg.RECEIPT_PLACED, time=f"{r.local_time:%Y-%m-%d %H:%M}",
            zone=r.local_time.tzname() or "", member=r.member, channel=r.channel.value),
    ]  # fmt: skip
    out += [
        say(Msg.RECEIPT_LINE, name=ln.name, name_en=ln.name_en, quantity=ln.quantity,
            unit=ln.unit, price=ln.unit_price, regular=ln.regular_unit_price,
            discounted=ln.unit_price != ln.regular_unit_price, total=ln.line_total)
        for ln in r.lines
    ]  # fmt: skip
    out += [
        say(Msg.RECEIPT_REGULAR_SUBTOTAL, amount=r.regular_subtotal),
        say(Msg.RECEIPT_MEMBER_SAVINGS, amount=r.member_savings),
        say(Msg.RECEIPT_SUBTOTAL, amount=r.subtotal),
        say(Msg.RECEIPT_DELIVERY, kind=r.delivery.value, labelled=bool(r.delivery_place),
            label=r.delivery_place or "", fee=r.delivery_fee),
        say(Msg.RECEIPT_TOTAL, amount=r.total),
    ]  # fmt: skip
    if r.payment_last4:
        out.append(say(Msg.RECEIPT_CARD, labelled=bool(r.payment_label),
                       label=r.payment_label or "", last4=r.payment_last4))  # fmt: skip
    if r.decided_by:
        out.append(say(Msg.RECEIPT_DECIDED, status=r.status.value, by=r.decided_by))
    return out
