"""Arguments of the account subcommands: ``member``, ``household``, ``approvals``, ``receipt``
and ``orders advance`` (what they do is in :mod:`assistant.commands_account`)."""

from __future__ import annotations

import argparse
from collections.abc import Callable

WithDb = Callable[[argparse.ArgumentParser], argparse.ArgumentParser]
KINDS = ["home", "locker", "store"]


def _limit(text: str) -> int | None:
    """A spending limit in won, or 'none' for no limit."""
    if text.lower() in ("none", "no", "off", "-"):
        return None
    try:
        return int(text.replace(",", ""))
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not an amount in won: {text!r}") from exc


def _yes_no(text: str) -> bool:
    if text.lower() in ("yes", "on", "true", "1"):
        return True
    if text.lower() in ("no", "off", "false", "0"):
        return False
    raise argparse.ArgumentTypeError("say yes or no")


def add_account_parsers(sub: argparse._SubParsersAction, with_db: WithDb) -> None:  # type: ignore[type-arg]
    """Add the account subcommands to the ``jangbogi`` parser."""

    def scoped(p: argparse.ArgumentParser) -> argparse.ArgumentParser:
        with_db(p).add_argument("--household", metavar="NAME", help="default: the first one")
        return p

    _member(sub, scoped)
    _household(sub, scoped)

    approvals = sub.add_parser("approvals", help="children's orders waiting for an adult")
    ap_sub = approvals.add_subparsers(dest="action", required=True, metavar="ACTION")
    scoped(ap_sub.add_parser("list", help="orders waiting for approval")).add_argument(
        "--json", action="store_true"
    )
    for verb in ("approve", "reject"):
        p = scoped(ap_sub.add_parser(verb, help=f"{verb} a child's order"))
        p.add_argument("order_id", type=int, metavar="ORDER_ID")
        p.add_argument("--by", metavar="NAME", help="the adult deciding (default: the owner)")

    receipt = with_db(sub.add_parser("receipt", help="the e-receipt of an order"))
    receipt.add_argument("order_id", type=int, metavar="ORDER_ID")
    receipt.add_argument("--json", action="store_true")


def add_orders_advance(ord_sub: argparse._SubParsersAction, with_db: WithDb) -> None:  # type: ignore[type-arg]
    adv = with_db(ord_sub.add_parser("advance", help="move orders along: placed -> shipped -> "
                                     "delivered (for demos and tests)"))  # fmt: skip
    adv.add_argument("order_ids", type=int, nargs="*", metavar="ORDER_ID")
    adv.add_argument("--all", action="store_true", help="every placed or shipped order")
    adv.add_argument("--to", choices=["shipped", "delivered"], help="default: the next step")


def _member(sub: argparse._SubParsersAction, scoped: WithDb) -> None:  # type: ignore[type-arg]
    member = sub.add_parser("member", help="the people of a household")
    m_sub = member.add_subparsers(dest="action", required=True, metavar="ACTION")
    add = scoped(m_sub.add_parser("add", help="add a member"))
    add.add_argument("name")
    add.add_argument("--role", choices=["owner", "adult", "child"], default="adult")
    add.add_argument("--per-order-limit", type=_limit, metavar="WON")
    add.add_argument("--per-day-limit", type=_limit, metavar="WON")
    scoped(m_sub.add_parser("list", help="list members")).add_argument(
        "--json", action="store_true"
    )
    scoped(m_sub.add_parser("remove", help="remove a member")).add_argument("name")
    limits = scoped(m_sub.add_parser("limits", help="spending limits ('none': no limit)"))
    limits.add_argument("name")
    limits.add_argument("--per-order", type=_limit, metavar="WON|none", default=False)
    limits.add_argument("--per-day", type=_limit, metavar="WON|none", default=False)


def _household(sub: argparse._SubParsersAction, scoped: WithDb) -> None:  # type: ignore[type-arg]
    household = sub.add_parser("household", help="a household's account and purchase rules")
    h_sub = household.add_subparsers(dest="action", required=True, metavar="ACTION")
    scoped(h_sub.add_parser("show", help="membership, card, places, settings")).add_argument(
        "--json", action="store_true"
    )
    create = scoped(h_sub.add_parser("create", help="a new household (not a member, no card)"))
    create.add_argument("name")
    create.add_argument("--owner", required=True, metavar="NAME")
    create.add_argument("--timezone", default="Asia/Seoul")
    membership = scoped(h_sub.add_parser("membership", help="turn membership on or off"))
    membership.add_argument("state", choices=["on", "off"])
    settings = scoped(h_sub.add_parser("settings", help="delivery fees and purchase controls"))
    settings.add_argument("--delivery-fee", type=int, metavar="WON")
    settings.add_argument("--free-delivery-threshold", type=int, metavar="WON")
    settings.add_argument("--member-free-delivery", type=_yes_no, metavar="yes|no")
    settings.add_argument("--confirm-timeout", type=int, metavar="SECONDS")
    settings.add_argument("--duplicate-window", type=int, metavar="SECONDS")
    settings.add_argument("--pin-lock-minutes", type=int, metavar="MINUTES")
    settings.add_argument("--default-delivery", choices=KINDS)
    settings.add_argument(
        "--reorder-price-rise-pct",
        type=int,
        metavar="PERCENT",
        help="hold a recurring order when the price rose more than this",
    )
    settings.add_argument(
        "--reorder-grace-minutes",
        type=int,
        metavar="MINUTES",
        help="after downtime, catch up a missed recurring order this late",
    )
    settings.add_argument("--out-of-stock", choices=["skip", "substitute"],
                          help="a recurring order whose product is out of stock")  # fmt: skip

    payment = h_sub.add_parser("payment", help="registered cards (token + last four digits)")
    p_sub = payment.add_subparsers(dest="item_action", required=True, metavar="ACTION")
    add = scoped(p_sub.add_parser("add", help="register a card by its processor token"))
    add.add_argument("--token", required=True, help="the payment processor's token")
    add.add_argument("--last4", required=True, help="the card's last four digits")
    add.add_argument("--label", default="card")
    add.add_argument("--default", action="store_true", help="make it the default card")
    scoped(p_sub.add_parser("list", help="registered cards"))
    scoped(p_sub.add_parser("remove", help="forget a card")).add_argument("id", type=int)

    address = h_sub.add_parser("address", help="home addresses, parcel lockers, pickup stores")
    a_sub = address.add_subparsers(dest="item_action", required=True, metavar="ACTION")
    add = scoped(a_sub.add_parser("add", help="add a home address, locker or store"))
    add.add_argument("--kind", choices=KINDS, required=True)
    add.add_argument("--label", required=True)
    add.add_argument("--detail", default="")
    add.add_argument("--default", action="store_true", help="the default one of its kind")
    scoped(a_sub.add_parser("list", help="addresses, lockers and stores"))
    scoped(a_sub.add_parser("remove", help="forget one")).add_argument("id", type=int)

    pin = h_sub.add_parser("pin", help="the voice PIN asked before spoken purchases")
    pin_sub = pin.add_subparsers(dest="item_action", required=True, metavar="ACTION")
    scoped(pin_sub.add_parser("set", help="set it (read from the terminal or stdin, never "
                              "from the command line)"))  # fmt: skip
    scoped(pin_sub.add_parser("clear", help="stop asking for a PIN"))
    scoped(pin_sub.add_parser("unlock", help="lift a lock after wrong PINs"))
