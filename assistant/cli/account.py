"""``jangbogi member ...`` and ``jangbogi household ...``: the people of a household, their
spending limits, and the household's cards, places, settings and voice PIN."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from assistant.cli import passwords
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
from assistant.cli.output import print_json, say, shown, won
from assistant.locales.messages import Msg

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from assistant.shop.views import HouseholdView
    from assistant.store.models import Household

KINDS = ["home", "locker", "store"]
"""The kinds of delivery place (``DeliveryKind``)."""


def _limit(text: str) -> int | None:
    """A spending limit in won, or 'none' for no limit."""
    if text.lower() in ("none", "no", "off", "-"):
        return None
    try:
        return int(text.replace(",", ""))
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not an amount in won: {text!r}") from exc


def _yes_no(text: str) -> bool:
    """yes/on/true/1 or no/off/false/0."""
    if text.lower() in ("yes", "on", "true", "1"):
        return True
    if text.lower() in ("no", "off", "false", "0"):
        return False
    raise argparse.ArgumentTypeError("say yes or no")


def add_parsers(sub: Subparsers) -> None:
    """Add ``member ...`` and ``household ...``."""
    _member_parsers(sub)
    _household_parsers(sub)


def _member_parsers(sub: Subparsers) -> None:
    m_sub = group(sub, "member", help="the people of a household")
    add = with_household(m_sub.add_parser("add", help="add a member"))
    add.add_argument("name")
    add.add_argument("--role", choices=["owner", "adult", "child"], default="adult")
    add.add_argument("--per-order-limit", type=_limit, metavar="WON")
    add.add_argument("--per-day-limit", type=_limit, metavar="WON")
    add.set_defaults(handler=cmd_member_add)
    lst = with_json(with_household(m_sub.add_parser("list", help="list members")))
    lst.set_defaults(handler=cmd_member_list)
    remove = with_household(m_sub.add_parser("remove", help="remove a member"))
    remove.add_argument("name")
    remove.set_defaults(handler=cmd_member_remove)
    limits = with_household(m_sub.add_parser("limits", help="spending limits ('none': no limit)"))
    limits.add_argument("name")
    limits.add_argument("--per-order", type=_limit, metavar="WON|none", default=False)
    limits.add_argument("--per-day", type=_limit, metavar="WON|none", default=False)
    limits.set_defaults(handler=cmd_member_limits)
    passwords.add_parser(m_sub)


def _household_parsers(sub: Subparsers) -> None:
    h_sub = group(sub, "household", help="a household's account and purchase rules")
    show = with_json(
        with_household(h_sub.add_parser("show", help="membership, card, places, settings"))
    )
    show.set_defaults(handler=cmd_household_show)
    create = with_household(
        h_sub.add_parser("create", help="a new household (not a member, no card)")
    )
    create.add_argument("name")
    create.add_argument("--owner", required=True, metavar="NAME")
    create.add_argument("--timezone", default="Asia/Seoul")
    create.set_defaults(handler=cmd_household_create)
    membership = with_household(h_sub.add_parser("membership", help="turn membership on or off"))
    membership.add_argument("state", choices=["on", "off"])
    membership.set_defaults(handler=cmd_household_membership)
    _settings_parser(h_sub)
    _payment_parsers(h_sub)
    _address_parsers(h_sub)
    _pin_parsers(h_sub)


def _settings_parser(h_sub: Subparsers) -> None:
    settings = with_household(
        h_sub.add_parser("settings", help="delivery fees and purchase controls")
    )
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
    settings.set_defaults(handler=cmd_household_settings)


def _item_parsers(
    h_sub: Subparsers, name: str, help: str, handler: Callable[[argparse.Namespace], int],
    listed: str, removed: str, added: str,
) -> argparse.ArgumentParser:  # fmt: skip
    """``household NAME add|list|remove``; returns the ``add`` parser for its options."""
    items = group(h_sub, name, help=help, dest="item_action", handler=handler)
    add = with_household(items.add_parser("add", help=added))
    with_household(items.add_parser("list", help=listed))
    with_household(items.add_parser("remove", help=removed)).add_argument("id", type=int)
    return add


def _payment_parsers(h_sub: Subparsers) -> None:
    add = _item_parsers(
        h_sub, "payment", "registered cards (token + last four digits)", cmd_household_payment,
        listed="registered cards", removed="forget a card",
        added="register a card by its processor token",
    )  # fmt: skip
    add.add_argument("--token", required=True, help="the payment processor's token")
    add.add_argument("--last4", required=True, help="the card's last four digits")
    add.add_argument("--label", default="card")
    add.add_argument("--default", action="store_true", help="make it the default card")


def _address_parsers(h_sub: Subparsers) -> None:
    add = _item_parsers(
        h_sub, "address", "home addresses, parcel lockers, pickup stores", cmd_household_address,
        listed="addresses, lockers and stores", removed="forget one",
        added="add a home address, locker or store",
    )  # fmt: skip
    add.add_argument("--kind", choices=KINDS, required=True)
    add.add_argument("--label", required=True)
    add.add_argument("--detail", default="")
    add.add_argument("--default", action="store_true", help="the default one of its kind")


def _pin_parsers(h_sub: Subparsers) -> None:
    pin_sub = group(
        h_sub,
        "pin",
        help="the voice PIN asked before spoken purchases",
        dest="item_action",
        handler=cmd_household_pin,
    )
    with_household(pin_sub.add_parser(
        "set", help="set it (read from the terminal or stdin, never from the command line)"
    ))  # fmt: skip
    with_household(pin_sub.add_parser("clear", help="stop asking for a PIN"))
    with_household(pin_sub.add_parser("unlock", help="lift a lock after wrong PINs"))


# -- members -------------------------------------------------------------------


def cmd_member_add(args: argparse.Namespace) -> int:
    """Add a member with a role and, if given, spending limits."""
    from assistant.shop import accounts
    from assistant.store.models import Role, utcnow

    with session(args) as s:
        h = household(s, args)
        m = accounts.add_member(
            s, h, args.name, Role(args.role), utcnow(),
            per_order_limit=args.per_order_limit, per_day_limit=args.per_day_limit,
        )  # fmt: skip
        print(say()(Msg.CLI_MEMBER_ADDED, role=m.role.value, name=m.name, household=h.name))
    return 0


def cmd_member_list(args: argparse.Namespace) -> int:
    """The household's members with their roles and limits."""
    with session(args) as s:
        for m in sorted(household(s, args).members, key=lambda m: m.id):
            row = {
                "name": shown(m.name),
                "role": m.role.value,
                "per_order_limit": m.per_order_limit,
                "per_day_limit": m.per_day_limit,
            }
            if args.json:
                print_json(row)
            else:
                limits = {"per_order": won(m.per_order_limit), "per_day": won(m.per_day_limit)}
                print(say()(Msg.CLI_MEMBER_ROW, name=shown(m.name), role=m.role.value, **limits))
    return 0


def cmd_member_remove(args: argparse.Namespace) -> int:
    """Remove a member (never the only owner)."""
    from assistant.shop import accounts

    with session(args) as s:
        accounts.remove_member(s, household(s, args), args.name)
    print(say()(Msg.CLI_MEMBER_REMOVED, name=args.name))
    return 0


def cmd_member_limits(args: argparse.Namespace) -> int:
    """Change a member's limits; an option not given keeps its limit."""
    from assistant.shop import accounts

    with session(args) as s:
        m = accounts.find_in_household(s, household(s, args), args.name)
        per_order = m.per_order_limit if args.per_order is False else args.per_order
        per_day = m.per_day_limit if args.per_day is False else args.per_day
        accounts.set_limits(m, per_order, per_day)
        print(say()(Msg.CLI_MEMBER_LIMITS, name=m.name, per_order=won(m.per_order_limit),
                    per_day=won(m.per_day_limit)))  # fmt: skip
    return 0


# -- the household ---------------------------------------------------------------


def cmd_household_create(args: argparse.Namespace) -> int:
    """A new household with its owner (not a member, no card)."""
    from assistant.shop import accounts
    from assistant.store.models import utcnow

    with session(args) as s:
        h = accounts.create_household(s, args.name, args.owner, utcnow(), args.timezone)
        print(say()(Msg.CLI_HOUSEHOLD_CREATED, household=h.name, owner=args.owner))
    return 0


def _settings(v: HouseholdView) -> dict[str, object]:
    """The household's settings as ``household show`` and ``household settings`` print them;
    a time in the household's zone (ISO 8601 with its offset)."""
    from zoneinfo import ZoneInfo

    locked = v.pin_locked_until
    return {
        "household": shown(v.name), "timezone": v.timezone, "membership": v.membership_active,
        "default_delivery": v.default_delivery.value, "delivery_fee": v.delivery_fee,
        "free_delivery_threshold": v.free_delivery_threshold,
        "member_free_delivery": v.member_free_delivery, "confirm_timeout_s": v.confirm_timeout_s,
        "duplicate_window_s": v.duplicate_window_s, "pin_set": v.pin_set,
        "pin_lock_minutes": v.pin_lock_minutes,
        "pin_locked_until": locked.astimezone(ZoneInfo(v.timezone)).isoformat() if locked else None,
        "reorder_price_rise_pct": v.reorder_price_rise_pct,
        "reorder_grace_minutes": v.reorder_grace_minutes,
        "reorder_out_of_stock": v.reorder_out_of_stock.value,
    }  # fmt: skip


def cmd_household_show(args: argparse.Namespace) -> int:
    """Settings, cards, places and members of the household (read without SQLAlchemy)."""
    from assistant.shop import reads

    with reader(args) as r:
        v = reads.household(r, household_ref(r, args))
    data = _settings(v)
    data["cards"] = [
        f"{shown(c.label)} ****{c.last4}" + (" (default)" if c.is_default else "") for c in v.cards
    ]
    data["places"] = [f"{p.kind.value}: {shown(p.label)}" for p in v.places]
    data["members"] = [f"{shown(m.name)} ({m.role.value})" for m in v.members]
    if args.json:
        print_json(data)
    else:
        for key, value in data.items():
            print(f"{key}\t{', '.join(value) if isinstance(value, list) else value}")
    return 0


def cmd_household_membership(args: argparse.Namespace) -> int:
    """Turn the paid membership (member prices, free delivery) on or off."""
    from assistant.shop import accounts
    from assistant.store.models import utcnow

    with session(args) as s:
        h = household(s, args)
        changed = accounts.set_membership(h, args.state == "on", utcnow())
        print(say()(Msg.CLI_MEMBERSHIP, household=h.name, on=args.state == "on", changed=changed))
    return 0


def cmd_household_settings(args: argparse.Namespace) -> int:
    """Change the options given, then print every setting."""
    from assistant.shop import accounts
    from assistant.store.models import DeliveryKind, OutOfStockPolicy

    with session(args) as s:
        h = household(s, args)
        accounts.update_settings(
            h, delivery_fee=args.delivery_fee, free_delivery_threshold=args.free_delivery_threshold,
            member_free_delivery=args.member_free_delivery,
            confirm_timeout_s=args.confirm_timeout, duplicate_window_s=args.duplicate_window,
            pin_lock_minutes=args.pin_lock_minutes,
            reorder_price_rise_pct=args.reorder_price_rise_pct,
            reorder_grace_minutes=args.reorder_grace_minutes,
        )  # fmt: skip
        if args.default_delivery:
            accounts.set_default_delivery(h, DeliveryKind(args.default_delivery))
        if args.out_of_stock:
            h.reorder_out_of_stock = OutOfStockPolicy(args.out_of_stock)
        for key, value in _settings(accounts.household_view(h)).items():
            print(f"{key}\t{value}")
    return 0


def _manage_items(
    args: argparse.Namespace,
    noun: str,
    add: Callable[[Session, Household], str],
    remove: Callable[[Session, Household, int], object],
    rows: Callable[[Household], Iterable[str]],
) -> int:
    """``add``, ``remove ID`` or ``list`` one kind of a household's registered things; each
    prints one line (a row per item for ``list``)."""
    with session(args) as s:
        h = household(s, args)
        if args.item_action == "add":
            print(add(s, h))
        elif args.item_action == "remove":
            remove(s, h, args.id)
            print(say()(Msg.CLI_ITEM_REMOVED, noun=noun, id=args.id))
        else:
            for row in rows(h):
                print(row)
    return 0


def _default_mark(is_default: bool) -> str:
    return say()(Msg.CLI_DEFAULT_MARK) if is_default else ""


def cmd_household_payment(args: argparse.Namespace) -> int:
    """``payment add|list|remove``: cards as a processor token and the last four digits."""
    from assistant.shop import accounts
    from assistant.store.models import utcnow

    def add(s: Session, h: Household) -> str:
        pm = accounts.add_payment(s, h, args.token, args.last4, utcnow(),
                                  label=args.label, make_default=args.default)  # fmt: skip
        return say()(Msg.CLI_CARD_ADDED, id=pm.id, label=pm.label, last4=pm.last4,
                     default=_default_mark(pm.is_default))  # fmt: skip

    return _manage_items(
        args, "card", add, accounts.remove_payment,
        lambda h: (f"{pm.id}\t{shown(pm.label)}\t****{pm.last4}{_default_mark(pm.is_default)}"
                   for pm in h.payment_methods),
    )  # fmt: skip


def cmd_household_address(args: argparse.Namespace) -> int:
    """``address add|list|remove``: home addresses, parcel lockers and pickup stores."""
    from assistant.shop import accounts
    from assistant.store.models import DeliveryKind

    def add(s: Session, h: Household) -> str:
        a = accounts.add_address(s, h, DeliveryKind(args.kind), args.label,
                                 args.detail, make_default=args.default)  # fmt: skip
        return say()(Msg.CLI_ADDRESS_ADDED, kind=a.kind.value, id=a.id, label=a.label,
                     default=_default_mark(a.is_default))  # fmt: skip

    return _manage_items(
        args, "address", add, accounts.remove_address,
        lambda h: (f"{a.id}\t{a.kind.value}\t{shown(a.label)}\t{shown(a.detail)}"
                   f"{_default_mark(a.is_default)}" for a in h.addresses),
    )  # fmt: skip


def _read_pin() -> str:
    """The new PIN from the terminal (asked twice, not echoed) or the first line of stdin."""
    from assistant.errors import AccountError, ErrorCode

    if sys.stdin.isatty():
        import getpass

        first = getpass.getpass(say()(Msg.CLI_PIN_ASK))
        if getpass.getpass(say()(Msg.CLI_PIN_AGAIN)) != first:
            raise AccountError(ErrorCode.PINS_DIFFER)
        return first.strip()
    return sys.stdin.readline().strip()


def cmd_household_pin(args: argparse.Namespace) -> int:
    """``pin set|clear|unlock``: the PIN asked before spoken purchases."""
    from assistant.shop import controls

    pin = _read_pin() if args.item_action == "set" else ""
    if args.item_action == "set":
        controls.check_pin_format(pin)  # refused before the database is opened
    with session(args) as s:
        h = household(s, args)
        if args.item_action == "set":
            controls.set_pin(h, pin)
            print(say()(Msg.CLI_PIN_SET, household=h.name))
        elif args.item_action == "clear":
            controls.clear_pin(h)
            print(say()(Msg.CLI_PIN_CLEARED, household=h.name))
        else:
            h.failed_pin_attempts, h.pin_locked_until = 0, None
            print(say()(Msg.CLI_PIN_UNLOCKED, household=h.name))
    return 0
