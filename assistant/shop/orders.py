"""Placing, listing and cancelling orders. Callers own the transaction."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import Select, select
from sqlalchemy.orm import Session, selectinload

from assistant.errors import (
    ErrorCode,
    InvalidQuantityError,
    NotFoundError,
    OrderStateError,
    OutOfStockError,
)
from assistant.shop.pricing import MAX_QUANTITY, Quote, quote_lines
from assistant.shop.views import LineView as LineView
from assistant.shop.views import OrderView as OrderView
from assistant.store.db import write_lock
from assistant.store.models import (
    Address,
    Channel,
    DeliveryKind,
    Member,
    Order,
    OrderLine,
    OrderStatus,
    Product,
)


def line_view(ln: OrderLine) -> LineView:
    """An order line as sold, with its product's English name."""
    return LineView(
        product_id=ln.product_id, sku=ln.sku, name=ln.name, name_en=ln.product.name_en,
        unit=ln.unit, quantity=ln.quantity, unit_price=ln.unit_price, line_total=ln.line_total,
    )  # fmt: skip


def view(order: Order) -> OrderView:
    return OrderView(
        id=order.id,
        status=order.status,
        channel=order.channel,
        member=order.member.name,
        delivery=order.delivery,
        placed_at=order.placed_at,
        lines=tuple(line_view(ln) for ln in order.lines),
        subtotal=order.subtotal,
        member_savings=order.member_savings,
        delivery_fee=order.delivery_fee,
        total=order.total,
        payment_last4=order.payment_last4,
        decided_by=order.decided_by.name if order.decided_by is not None else None,
        decided_at=order.decided_at,
    )


def check_quantity(quantity: int) -> None:
    if not 1 <= quantity <= MAX_QUANTITY:
        raise InvalidQuantityError(ErrorCode.QUANTITY_RANGE, most=MAX_QUANTITY, said=quantity)


def out_of_stock(product: Product) -> OutOfStockError:
    """The refusal for a product without enough stock: its names and what is left."""
    return OutOfStockError(
        ErrorCode.OUT_OF_STOCK, name=product.display_name, name_en=product.name_en,
        left=product.stock, unit=product.unit,
    )  # fmt: skip


def load_items(session: Session, wanted: Sequence[tuple[int, int]]) -> list[tuple[Product, int]]:
    """Products for (product_id, quantity) pairs, checked for quantity and stock."""
    return [(check_item(session.get(Product, pid), quantity), quantity) for pid, quantity in wanted]


def check_item(product: Product | None, quantity: int) -> Product:
    """One line of an order: an allowed quantity of a product on sale with enough stock."""
    check_quantity(quantity)
    if product is None or not product.active:
        raise NotFoundError(ErrorCode.PRODUCT_NO_LONGER_SOLD)
    if product.stock < quantity:
        raise out_of_stock(product)
    return product


def lock_products(session: Session, ids: Sequence[int]) -> dict[int, Product]:
    """The products ``ids``, locked in id order and re-read (not taken from the session).

    Stock is only ever changed on rows locked here, after the household's or the order's
    lock: two transactions never wait for each other in a circle, and no change is lost.
    """
    if not ids:
        return {}
    products = session.scalars(
        select(Product)
        .where(Product.id.in_(sorted(set(ids))))
        .order_by(Product.id)
        .with_for_update()
        .execution_options(populate_existing=True)
    )
    return {p.id: p for p in products}


def restock(session: Session, order: Order) -> None:
    """Put an order's items back in stock (it was cancelled or rejected)."""
    products = lock_products(session, [line.product_id for line in order.lines])
    for line in order.lines:
        product = products.get(line.product_id)
        if product is not None:
            product.stock += line.quantity


def quote(
    session: Session,
    member: Member,
    wanted: Sequence[tuple[int, int]],
    delivery: DeliveryKind | None = None,
) -> Quote:
    items = load_items(session, wanted)
    household = member.household
    return quote_lines(household, items, delivery or household.default_delivery)


def new_order(
    member: Member,
    items: Sequence[tuple[Product, int]],
    delivery: DeliveryKind,
    address: Address | None,
    *,
    channel: Channel,
    idempotency_key: str,
    now: datetime,
    status: OrderStatus,
) -> Order:
    """The order row for checked ``items``: priced now, paid with the default card, stock
    taken. Not added to the session; :func:`assistant.shop.purchase.order_for` (for
    ``place_for_member`` and ``autobatch.place_auto``) builds every order here."""
    household = member.household
    priced = quote_lines(household, list(items), delivery)
    payment = next((pm for pm in household.payment_methods if pm.is_default), None)
    order = Order(
        household_id=household.id,
        member=member,
        status=status,
        channel=channel,
        idempotency_key=idempotency_key,
        delivery=priced.delivery,
        address_id=address.id if address else None,
        payment_method_id=payment.id if payment else None,
        payment_last4=payment.last4 if payment else None,
        subtotal=priced.subtotal,
        member_savings=priced.member_savings,
        delivery_fee=priced.delivery_fee,
        total=priced.total,
        placed_at=now,
        updated_at=now,
    )
    for (product, quantity), line in zip(items, priced.lines, strict=True):
        product.stock -= quantity
        order.lines.append(
            OrderLine(
                product_id=product.id,
                sku=line.sku,
                name=line.name,
                unit=line.unit,
                quantity=quantity,
                regular_unit_price=line.regular_unit_price,
                unit_price=line.unit_price,
                line_total=line.line_total,
            )
        )
    return order


OPEN = (OrderStatus.PLACED, OrderStatus.PENDING_APPROVAL)
"""Orders that can still be cancelled (not shipped yet)."""


def _orders_stmt() -> Select[Order]:
    return select(Order).options(
        selectinload(Order.lines).selectinload(OrderLine.product),
        selectinload(Order.member),
        selectinload(Order.decided_by),
    )


def load_order(session: Session, order_id: int) -> Order:
    """An order with its lines and members loaded (it must exist)."""
    return session.scalars(_orders_stmt().where(Order.id == order_id)).one()


def list_orders(session: Session, household_id: int | None = None) -> list[Order]:
    stmt = _orders_stmt()
    if household_id is not None:
        stmt = stmt.where(Order.household_id == household_id)
    return list(session.scalars(stmt.order_by(Order.id)))


def order_page(
    session: Session,
    household_id: int,
    *,
    status: OrderStatus | None = None,
    member_id: int | None = None,
    before: int | None = None,
    limit: int = 50,
) -> list[Order]:
    """One page of a household's orders, newest first: at most ``limit``, numbered below
    ``before`` when given, of one ``status`` and one member when given. Their members are
    loaded, their lines are not (a list does not show them)."""
    stmt = select(Order).options(selectinload(Order.member))
    stmt = stmt.where(Order.household_id == household_id)
    if status is not None:
        stmt = stmt.where(Order.status == status)
    if member_id is not None:
        stmt = stmt.where(Order.member_id == member_id)
    if before is not None:
        stmt = stmt.where(Order.id < before)
    return list(session.scalars(stmt.order_by(Order.id.desc()).limit(limit)))


def last_order(
    session: Session,
    member: Member,
    *,
    open_only: bool = False,
    counted_only: bool = False,
    own: bool = False,
) -> Order | None:
    """The household's latest order; ``open_only``: still placed; ``counted_only``: not
    cancelled (what "the last order again" means); ``own``: this member's orders only."""
    stmt = _orders_stmt().where(Order.household_id == member.household_id)
    if own:
        stmt = stmt.where(Order.member_id == member.id)
    if open_only:
        stmt = stmt.where(Order.status.in_(OPEN))
    if counted_only:
        stmt = stmt.where(Order.status.not_in((OrderStatus.CANCELLED, OrderStatus.REJECTED)))
    return session.scalars(stmt.order_by(Order.id.desc()).limit(1)).first()


def latest_orders(
    session: Session, household_id: int, limit: int, product_ids: Sequence[int] | None = None
) -> list[Order]:
    """The household's latest ``limit`` orders, newest first; with ``product_ids``, only
    the orders with one of those products."""
    stmt = _orders_stmt().where(Order.household_id == household_id)
    if product_ids is not None:
        has = select(OrderLine.order_id).where(OrderLine.product_id.in_(list(product_ids)))
        stmt = stmt.where(Order.id.in_(has))
    return list(session.scalars(stmt.order_by(Order.id.desc()).limit(limit)))


def cancel_order(session: Session, order_id: int, now: datetime) -> Order:
    """Cancel an order that has not shipped yet and put its items back in stock.

    The order is locked (and SQLite's write lock taken) before its status is read, so of
    two cancellations at once, or a cancellation and a decision, only one finds it open:
    the stock comes back once."""
    write_lock(session)
    order = session.scalars(
        _orders_stmt().where(Order.id == order_id).with_for_update()
        .execution_options(populate_existing=True)
    ).first()  # fmt: skip
    if order is None:
        raise NotFoundError(ErrorCode.ORDER_NOT_FOUND, order_id=order_id)
    if order.status not in OPEN:
        raise OrderStateError(
            ErrorCode.ORDER_NOT_CANCELLABLE, order_id=order_id, status=order.status.value
        )
    order.status = OrderStatus.CANCELLED
    order.updated_at = now
    restock(session, order)
    session.flush()
    return order
