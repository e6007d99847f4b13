"""The shop's reads for the light commands (``orders list``, ``receipt``, ``approvals list``,
``household show``): the same views the models give (:func:`assistant.shop.orders.view`,
:func:`assistant.shop.receipt.build_receipt`, :func:`assistant.shop.accounts.household_view`),
built from plain SQL rows of a :class:`~assistant.store.lite.Reader`, without SQLAlchemy.
``tests/test_light_reads.py`` holds both ways to the same values."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from assistant.errors import ConfigError, ErrorCode, NotFoundError
from assistant.shop.typed_text import redact_card_numbers
from assistant.shop.views import (
    CardView,
    HouseholdView,
    LineView,
    MemberView,
    OrderView,
    PlaceView,
    Receipt,
    ReceiptLine,
)
from assistant.store.kinds import Channel, DeliveryKind, OrderStatus, OutOfStockPolicy, Role
from assistant.store.lite import Reader, Row, flag, utc, utc_or_none


@dataclass(frozen=True)
class HouseholdRef:
    """Which household a command reads: its id, name and time zone."""

    id: int
    """Database id."""
    name: str
    """Its name."""
    timezone: str
    """Its time zone (IANA name)."""


@dataclass(frozen=True)
class ZonedOrder:
    """An order and the time zone of its household (the zone its times are shown in)."""

    order: OrderView
    """The order."""
    timezone: str
    """Its household's time zone (IANA name)."""


def zone(name: str) -> ZoneInfo:
    """The time zone called ``name``; an unknown one is refused as the shop refuses it."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ConfigError(ErrorCode.UNKNOWN_TIME_ZONE, zone=name) from exc


def find_household(r: Reader, name: str | None = None) -> HouseholdRef:
    """The household called ``name``, or the first one (as ``accounts.find_household``)."""
    sql = "SELECT id, name, timezone FROM households"
    found = (
        r.rows(f"{sql} WHERE name = ? ORDER BY id LIMIT 1", name)
        if name is not None
        else r.rows(f"{sql} ORDER BY id LIMIT 1")
    )
    if not found:
        if name:
            raise NotFoundError(ErrorCode.HOUSEHOLD_NOT_FOUND, name=name)
        raise NotFoundError(ErrorCode.NO_HOUSEHOLD)
    hid, hname, tz = found[0]
    return HouseholdRef(int(hid), str(hname), str(tz))


# -- orders -------------------------------------------------------------------------------

_ORDERS = """
SELECT o.id, o.status, o.channel, m.name, o.delivery, o.placed_at, o.subtotal,
       o.member_savings, o.delivery_fee, o.total, o.payment_last4, d.name, o.decided_at,
       h.timezone
FROM orders o
JOIN members m ON m.id = o.member_id
JOIN households h ON h.id = o.household_id
LEFT JOIN members d ON d.id = o.decided_by_id
"""
_LINES = """
SELECT ol.order_id, ol.product_id, ol.sku, ol.name, p.name_en, ol.unit, ol.quantity,
       ol.unit_price, ol.line_total, ol.regular_unit_price
FROM order_lines ol
JOIN orders o ON o.id = ol.order_id
JOIN products p ON p.id = ol.product_id
"""


def _line(row: Row) -> tuple[LineView, int]:
    """An order line and its regular unit price."""
    _, pid, sku, name, name_en, unit, quantity, price, total, regular = row
    line = LineView(
        product_id=int(pid), sku=str(sku), name=str(name), name_en=str(name_en),
        unit=str(unit), quantity=int(quantity), unit_price=int(price), line_total=int(total),
    )  # fmt: skip
    return line, int(regular)


def _orders(r: Reader, where: str, *params: object) -> list[tuple[ZonedOrder, list[Row]]]:
    """The orders ``where`` selects (by id), each with its line rows."""
    lines: dict[int, list[Row]] = defaultdict(list)
    for row in r.rows(f"{_LINES} WHERE {where} ORDER BY ol.id", *params):
        lines[int(row[0])].append(row)
    found = []
    for row in r.rows(f"{_ORDERS} WHERE {where} ORDER BY o.id", *params):
        (oid, status, channel, member, delivery, placed_at, subtotal, savings, fee, total,
         last4, decided_by, decided_at, tz) = row  # fmt: skip
        order = OrderView(
            id=int(oid), status=OrderStatus(status), channel=Channel(channel),
            member=str(member), delivery=DeliveryKind(delivery), placed_at=utc(placed_at),
            lines=tuple(_line(ln)[0] for ln in lines[int(oid)]), subtotal=int(subtotal),
            member_savings=int(savings), delivery_fee=int(fee), total=int(total),
            payment_last4=last4, decided_by=decided_by, decided_at=utc_or_none(decided_at),
        )  # fmt: skip
        found.append((ZonedOrder(order, str(tz)), lines[int(oid)]))
    return found


def list_orders(r: Reader, household_id: int | None = None) -> list[ZonedOrder]:
    """Every order (of one household, when given), oldest first (as ``orders.list_orders``)."""
    if household_id is None:
        return [z for z, _ in _orders(r, "1 = 1")]
    return [z for z, _ in _orders(r, "o.household_id = ?", household_id)]


def pending_approvals(r: Reader, household_id: int) -> list[ZonedOrder]:
    """The household's orders waiting for an adult (as ``purchase.pending_approvals``)."""
    where = "o.household_id = ? AND o.status = ?"
    return [z for z, _ in _orders(r, where, household_id, OrderStatus.PENDING_APPROVAL.value)]


def receipt(r: Reader, order_id: int) -> Receipt:
    """The receipt of an order (as ``receipt.build_receipt`` for the operator's command)."""
    found = _orders(r, "o.id = ?", order_id)
    if not found:
        raise NotFoundError(ErrorCode.NO_SUCH_ORDER, order_id=order_id)
    zoned, line_rows = found[0]
    o = zoned.order
    (place, card), *_ = r.rows(
        "SELECT a.label, pm.label FROM orders o "
        "LEFT JOIN addresses a ON a.id = o.address_id "
        "LEFT JOIN payment_methods pm ON pm.id = o.payment_method_id WHERE o.id = ?",
        order_id,
    )
    lines = tuple(
        ReceiptLine(**vars(line), regular_unit_price=regular)
        for line, regular in map(_line, line_rows)
    )
    return Receipt(
        order_id=o.id, status=o.status, channel=o.channel, member=redact_card_numbers(o.member),
        placed_at=o.placed_at, local_time=o.placed_at.astimezone(zone(zoned.timezone)),
        lines=lines, member_savings=o.member_savings, subtotal=o.subtotal, delivery=o.delivery,
        delivery_place=redact_card_numbers(place) if place is not None else None,
        delivery_fee=o.delivery_fee, total=o.total,
        payment_label=redact_card_numbers(card) if card is not None else None,
        payment_last4=o.payment_last4,
        decided_by=redact_card_numbers(o.decided_by) if o.decided_by else None,
    )  # fmt: skip


# -- the household --------------------------------------------------------------------------


def household(r: Reader, ref: HouseholdRef) -> HouseholdView:
    """The household's account and rules (as ``accounts.household_view``)."""
    (row,) = r.rows(
        "SELECT membership_active, default_delivery, delivery_fee, free_delivery_threshold, "
        "member_free_delivery, confirm_timeout_s, duplicate_window_s, pin_hash, pin_salt, "
        "pin_lock_minutes, pin_locked_until, reorder_price_rise_pct, reorder_grace_minutes, "
        "reorder_out_of_stock FROM households WHERE id = ?",
        ref.id,
    )
    (member, delivery, fee, threshold, member_free, confirm_s, window_s, pin_hash, pin_salt,
     lock_minutes, locked_until, rise_pct, grace, out_of_stock) = row  # fmt: skip
    cards = r.rows(
        "SELECT label, last4, is_default FROM payment_methods WHERE household_id = ? ORDER BY id",
        ref.id,
    )
    places = r.rows("SELECT kind, label FROM addresses WHERE household_id = ? ORDER BY id", ref.id)
    members = r.rows("SELECT name, role FROM members WHERE household_id = ? ORDER BY id", ref.id)
    return HouseholdView(
        name=ref.name, timezone=ref.timezone, membership_active=flag(member),
        default_delivery=DeliveryKind(delivery), delivery_fee=int(fee),
        free_delivery_threshold=int(threshold), member_free_delivery=flag(member_free),
        confirm_timeout_s=int(confirm_s), duplicate_window_s=int(window_s),
        pin_set=pin_hash is not None and pin_salt is not None,
        pin_lock_minutes=int(lock_minutes), pin_locked_until=utc_or_none(locked_until),
        reorder_price_rise_pct=int(rise_pct), reorder_grace_minutes=int(grace),
        reorder_out_of_stock=OutOfStockPolicy(out_of_stock),
        cards=tuple(CardView(str(label), str(last4), flag(d)) for label, last4, d in cards),
        places=tuple(PlaceView(DeliveryKind(kind), str(label)) for kind, label in places),
        members=tuple(MemberView(str(name), Role(role)) for name, role in members),
    )  # fmt: skip


def local(when: datetime, timezone: str) -> datetime:
    """``when`` in the time zone called ``timezone``."""
    return when.astimezone(zone(timezone))
