"""What the account subcommands do: members, cards, places, settings, PIN, approvals,
receipts and moving orders along. Arguments are parsed in :mod:`assistant.cli_account`."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from sqlalchemy.orm import Session

from assistant.config import resolve_db_url
from assistant.errors import AccountError
from assistant.shop import accounts, controls
from assistant.shop.typed_text import redact_card_numbers as shown
from assistant.store import db
from assistant.store.models import (
    DeliveryKind,
    Household,
    OrderStatus,
    OutOfStockPolicy,
    Role,
    utcnow,
)


def _json(value: object) -> None:
    print(json.dumps(value, ensure_ascii=False, default=str))


@contextmanager
def _session(args: argparse.Namespace) -> Iterator[Session]:
    with db.transaction(db.session_factory(db.open_engine(resolve_db_url(args.db)))) as session:
        yield session


def _household(session: Session, args: argparse.Namespace) -> Household:
    return accounts.find_household(session, getattr(args, "household", None))


def _won(value: int | None) -> str:
    return "no limit" if value is None else f"{value:,}원"


# -- members -------------------------------------------------------------------


def cmd_member_add(args: argparse.Namespace) -> int:
    with _session(args) as session:
        household = _household(session, args)
        m = accounts.add_member(
            session, household, args.name, Role(args.role), utcnow(),
            per_order_limit=args.per_order_limit, per_day_limit=args.per_day_limit,
        )  # fmt: skip
        print(f"added {m.role.value} {m.name!r} to {household.name!r}")
    return 0


def cmd_member_list(args: argparse.Namespace) -> int:
    with _session(args) as session:
        for m in sorted(_household(session, args).members, key=lambda m: m.id):
            row = {
                "name": shown(m.name),
                "role": m.role.value,
                "per_order_limit": m.per_order_limit,
                "per_day_limit": m.per_day_limit,
            }
            if args.json:
                _json(row)
            else:
                print(f"{shown(m.name)}\t{m.role.value}\tper order {_won(m.per_order_limit)}\t"
                      f"per day {_won(m.per_day_limit)}")  # fmt: skip
    return 0


def cmd_member_remove(args: argparse.Namespace) -> int:
    with _session(args) as session:
        accounts.remove_member(session, _household(session, args), args.name)
    print(f"removed {args.name!r}")
    return 0


def cmd_member_limits(args: argparse.Namespace) -> int:
    with _session(args) as session:
        m = accounts.find_in_household(session, _household(session, args), args.name)
        per_order = m.per_order_limit if args.per_order is False else args.per_order
        per_day = m.per_day_limit if args.per_day is False else args.per_day
        accounts.set_limits(m, per_order, per_day)
        print(f"{m.name}: per order {_won(m.per_order_limit)}, per day {_won(m.per_day_limit)}")
    return 0


# -- the household ---------------------------------------------------------------


def cmd_household_create(args: argparse.Namespace) -> int:
    with _session(args) as session:
        h = accounts.create_household(session, args.name, args.owner, utcnow(), args.timezone)
        print(f"created household {h.name!r} with owner {args.owner!r} (not a member, no card)")
    return 0


def _settings(h: Household) -> dict[str, object]:
    return {
        "household": shown(h.name), "timezone": h.timezone, "membership": h.membership_active,
        "default_delivery": h.default_delivery.value, "delivery_fee": h.delivery_fee,
        "free_delivery_threshold": h.free_delivery_threshold,
        "member_free_delivery": h.member_free_delivery, "confirm_timeout_s": h.confirm_timeout_s,
        "duplicate_window_s": h.duplicate_window_s, "pin_set": controls.has_pin(h),
        "pin_lock_minutes": h.pin_lock_minutes,
        "pin_locked_until": h.pin_locked_until.isoformat() if h.pin_locked_until else None,
        "reorder_price_rise_pct": h.reorder_price_rise_pct,
        "reorder_grace_minutes": h.reorder_grace_minutes,
        "reorder_out_of_stock": h.reorder_out_of_stock.value,
    }  # fmt: skip


def cmd_household_show(args: argparse.Namespace) -> int:
    with _session(args) as session:
        h = _household(session, args)
        data = _settings(h)
        data["cards"] = [
            f"{shown(pm.label)} ****{pm.last4}" + (" (default)" if pm.is_default else "")
            for pm in h.payment_methods
        ]
        data["places"] = [f"{a.kind.value}: {shown(a.label)}" for a in h.addresses]
        data["members"] = [f"{shown(m.name)} ({m.role.value})" for m in h.members]
        if args.json:
            _json(data)
        else:
            for key, value in data.items():
                print(f"{key}\t{', '.join(value) if isinstance(value, list) else value}")
    return 0


def cmd_household_membership(args: argparse.Namespace) -> int:
    with _session(args) as session:
        h = _household(session, args)
        changed = accounts.set_membership(h, args.state == "on", utcnow())
        print(f"membership of {h.name!r} {args.state}" + ("" if changed else " (unchanged)"))
    return 0


def cmd_household_settings(args: argparse.Namespace) -> int:
    with _session(args) as session:
        h = _household(session, args)
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
        for key, value in _settings(h).items():
            print(f"{key}\t{value}")
    return 0


def cmd_household_payment(args: argparse.Namespace) -> int:
    with _session(args) as session:
        h = _household(session, args)
        if args.item_action == "add":
            pm = accounts.add_payment(session, h, args.token, args.last4, utcnow(),
                                      label=args.label, make_default=args.default)  # fmt: skip
            print(f"registered card {pm.id}: {pm.label} ****{pm.last4}"
                  + (" (default)" if pm.is_default else ""))  # fmt: skip
        elif args.item_action == "remove":
            accounts.remove_payment(session, h, args.id)
            print(f"removed card {args.id}")
        else:
            for pm in h.payment_methods:
                mark = " (default)" if pm.is_default else ""
                print(f"{pm.id}\t{shown(pm.label)}\t****{pm.last4}{mark}")
    return 0


def cmd_household_address(args: argparse.Namespace) -> int:
    with _session(args) as session:
        h = _household(session, args)
        if args.item_action == "add":
            a = accounts.add_address(session, h, DeliveryKind(args.kind), args.label,
                                     args.detail, make_default=args.default)  # fmt: skip
            mark = " (default)" if a.is_default else ""
            print(f"added {a.kind.value} {a.id}: {a.label}{mark}")
        elif args.item_action == "remove":
            accounts.remove_address(session, h, args.id)
            print(f"removed address {args.id}")
        else:
            for a in h.addresses:
                mark = " (default)" if a.is_default else ""
                print(f"{a.id}\t{a.kind.value}\t{shown(a.label)}\t{shown(a.detail)}{mark}")
    return 0


def _read_pin() -> str:
    """The new PIN from the terminal (asked twice, not echoed) or the first line of stdin."""
    if sys.stdin.isatty():
        import getpass

        first = getpass.getpass("new 4-digit PIN: ")
        if getpass.getpass("again: ") != first:
            raise AccountError("the two PINs differ; nothing changed")
        return first.strip()
    return sys.stdin.readline().strip()


def cmd_household_pin(args: argparse.Namespace) -> int:
    pin = _read_pin() if args.item_action == "set" else ""
    if args.item_action == "set":
        controls.check_pin_format(pin)  # refused before the database is opened
    with _session(args) as session:
        h = _household(session, args)
        if args.item_action == "set":
            controls.set_pin(h, pin)
            print(f"PIN set for {h.name!r}; spoken purchases ask for it")
        elif args.item_action == "clear":
            controls.clear_pin(h)
            print(f"PIN cleared for {h.name!r}")
        else:
            h.failed_pin_attempts, h.pin_locked_until = 0, None
            print(f"spoken purchases of {h.name!r} unlocked")
    return 0


# -- approvals, receipts, moving orders along ----------------------------------------


def cmd_approvals_list(args: argparse.Namespace) -> int:
    from assistant.shop.orders import view
    from assistant.shop.purchase import pending_approvals

    with _session(args) as session:
        for order in pending_approvals(session, _household(session, args).id):
            v = view(order)
            if args.json:
                _json(v.to_json())
                continue
            lines = ", ".join(f"{ln.name} {ln.quantity}{ln.unit}" for ln in v.lines)
            print(f"#{v.id}\t{v.member}\t{v.placed_at:%Y-%m-%d %H:%M}Z\t{v.total:,}원\t{lines}")
    return 0


def cmd_approvals_decide(args: argparse.Namespace) -> int:
    from assistant.shop.purchase import decide

    approve = args.action == "approve"
    with _session(args) as session:
        h = _household(session, args)
        by = accounts.member_or_owner(session, h, args.by, "--by")
        order = decide(session, args.order_id, by, approve=approve, now=utcnow())
        print(f"order {order.id} {'approved' if approve else 'rejected'} by {by.name!r}: "
              f"{order.status.value}, {order.total:,}원")  # fmt: skip
    return 0


def cmd_receipt(args: argparse.Namespace) -> int:
    from assistant.shop.receipt import build_receipt, render_text

    with _session(args) as session:
        receipt = build_receipt(session, args.order_id)
    if args.json:
        _json(receipt.to_json())
    else:
        print("\n".join(render_text(receipt)))
    return 0


def cmd_orders_advance(args: argparse.Namespace) -> int:
    from assistant.shop.lifecycle import advance, open_order_ids

    to = OrderStatus(args.to) if args.to else None
    with _session(args) as session:
        if not args.order_ids and not args.all:
            raise AccountError("name the orders to move along, or say --all")
        ids = list(args.order_ids) or open_order_ids(session)
        if not ids:
            print("nothing to move along: no order is placed or shipped")
            return 0
        now = utcnow()
        for order_id in ids:
            order = advance(session, order_id, now, to)
            print(f"order {order.id}: {order.status.value}")
    return 0


HANDLERS: dict[tuple[str, str | None], Callable[[argparse.Namespace], int]] = {
    ("member", "add"): cmd_member_add,
    ("member", "list"): cmd_member_list,
    ("member", "remove"): cmd_member_remove,
    ("member", "limits"): cmd_member_limits,
    ("household", "create"): cmd_household_create,
    ("household", "show"): cmd_household_show,
    ("household", "membership"): cmd_household_membership,
    ("household", "settings"): cmd_household_settings,
    ("household", "payment"): cmd_household_payment,
    ("household", "address"): cmd_household_address,
    ("household", "pin"): cmd_household_pin,
    ("approvals", "list"): cmd_approvals_list,
    ("approvals", "approve"): cmd_approvals_decide,
    ("approvals", "reject"): cmd_approvals_decide,
    ("receipt", None): cmd_receipt,
    ("orders", "advance"): cmd_orders_advance,
}
