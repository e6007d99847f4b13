"""``jangbogi orders list|advance``: placed orders, and moving them along (demos and tests)."""

from __future__ import annotations

import argparse

from assistant.cli.common import Subparsers, group, reader, session, with_db, with_json
from assistant.cli.output import print_json, say, won
from assistant.cli.tables import local_time
from assistant.locales.messages import Msg


def add_parsers(sub: Subparsers) -> None:
    """Add ``orders list`` and ``orders advance``."""
    ord_sub = group(sub, "orders", help="placed orders")
    olist = with_json(with_db(ord_sub.add_parser("list", help="list orders")))
    olist.set_defaults(handler=cmd_orders_list)
    adv = with_db(ord_sub.add_parser("advance", help="move orders along: placed -> shipped -> "
                                     "delivered (for demos and tests)"))  # fmt: skip
    adv.add_argument("order_ids", type=int, nargs="*", metavar="ORDER_ID")
    adv.add_argument("--all", action="store_true", help="every placed or shipped order")
    adv.add_argument("--to", choices=["shipped", "delivered"], help="default: the next step")
    adv.set_defaults(handler=cmd_orders_advance)


def cmd_orders_list(args: argparse.Namespace) -> int:
    """Every order with its lines, quantities, prices, total and status; its time in its
    household's zone (read without SQLAlchemy: :mod:`assistant.shop.reads`)."""
    from assistant.shop.reads import list_orders, zone

    with reader(args) as r:
        found = list_orders(r)
    if not found and not args.json:
        print(say()(Msg.CLI_NO_ORDERS))
    for zoned in found:
        v, tz = zoned.order, zone(zoned.timezone)
        if args.json:
            print_json(v.to_json(tz))
            continue
        status = say()(Msg.ORDER_STATUS, status=v.status.value)
        print(
            f"#{v.id}\t{local_time(v.placed_at, tz)}\t{v.status.value}"
            f"({status})\t{v.channel.value}\t{v.member}\t{say()(Msg.CLI_TOTAL)} {won(v.total)}"
        )
        for ln in v.lines:
            print(
                f"\t{ln.sku}\t{ln.name}\t{ln.quantity}{ln.unit}\t"
                f"{won(ln.unit_price)}\t{won(ln.line_total)}"
            )
    return 0


def cmd_orders_advance(args: argparse.Namespace) -> int:
    """Placed -> shipped -> delivered, for the named orders or ``--all`` open ones."""
    from assistant.errors import AccountError, ErrorCode
    from assistant.shop.lifecycle import advance, open_order_ids
    from assistant.store.models import OrderStatus, utcnow

    to = OrderStatus(args.to) if args.to else None
    with session(args) as s:
        if not args.order_ids and not args.all:
            raise AccountError(ErrorCode.ADVANCE_WHICH)
        ids = list(args.order_ids) or open_order_ids(s)
        if not ids:
            print(say()(Msg.CLI_NOTHING_TO_ADVANCE))
            return 0
        now = utcnow()
        for order_id in ids:
            order = advance(s, order_id, now, to)
            print(say()(Msg.CLI_ORDER_ADVANCED, id=order.id, status=order.status.value))
    return 0
