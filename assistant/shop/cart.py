"""A member's cart: add, remove, view (``purchase.place_for_member`` without lines orders it)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from assistant.errors import ErrorCode, InvalidQuantityError, NotFoundError
from assistant.shop.controls import lock_household
from assistant.shop.orders import check_quantity, out_of_stock
from assistant.shop.pricing import MAX_QUANTITY
from assistant.store.models import Cart, CartLine, Member, Product


def get_cart(session: Session, member: Member) -> Cart | None:
    """The member's cart as the database has it now (None: never had one)."""
    return session.scalars(
        select(Cart).where(Cart.member_id == member.id).execution_options(populate_existing=True)
    ).first()


def cart_wanted(session: Session, member: Member) -> list[tuple[int, int]]:
    """The cart's (product id, quantity) pairs, as an order takes them."""
    cart = get_cart(session, member)
    return [(ln.product_id, ln.quantity) for ln in cart.lines] if cart is not None else []


def _open_cart(session: Session, member: Member, now: datetime) -> Cart:
    cart = get_cart(session, member)
    if cart is None:
        cart = Cart(member_id=member.id, updated_at=now)
        session.add(cart)
        session.flush()
    return cart


def add_to_cart(
    session: Session, member: Member, product_id: int, quantity: int, now: datetime
) -> CartLine:
    """Put ``quantity`` of a product in the member's cart (it must be in stock now).

    A cart reserves nothing: stock is taken when the cart is ordered. The household is
    locked first, so sessions adding to the same cart at once add up, and never exceed
    the quantity allowed per product."""
    check_quantity(quantity)
    lock_household(session, member.household_id)
    product = session.get(Product, product_id)
    if product is None or not product.active:
        raise NotFoundError(ErrorCode.PRODUCT_NOT_SOLD)
    cart = _open_cart(session, member, now)
    line = next((ln for ln in cart.lines if ln.product_id == product_id), None)
    if product.stock < quantity + (line.quantity if line is not None else 0):
        raise out_of_stock(product)  # nothing unavailable goes in the cart
    if line is None:
        line = CartLine(product_id=product_id, quantity=quantity, product=product)
        cart.lines.append(line)
    else:
        if line.quantity + quantity > MAX_QUANTITY:
            raise InvalidQuantityError(ErrorCode.CART_LINE_LIMIT, most=MAX_QUANTITY,
                                       unit=product.unit)  # fmt: skip
        line.quantity += quantity
    cart.updated_at = now
    session.flush()
    return line


def remove_from_cart(
    session: Session, member: Member, product_id: int, quantity: int | None, now: datetime
) -> int:
    """Take ``quantity`` (or all) of a product out; returns how many are left."""
    lock_household(session, member.household_id)
    cart = get_cart(session, member)
    line = (
        None
        if cart is None
        else next((ln for ln in cart.lines if ln.product_id == product_id), None)
    )
    if cart is None or line is None:
        raise NotFoundError(ErrorCode.NOT_IN_CART)
    if quantity is not None:
        check_quantity(quantity)
    if quantity is None or quantity >= line.quantity:
        cart.lines.remove(line)
        left = 0
    else:
        line.quantity -= quantity
        left = line.quantity
    cart.updated_at = now
    session.flush()
    return left


def cart_items(session: Session, member: Member) -> list[CartLine]:
    cart = get_cart(session, member)
    return list(cart.lines) if cart is not None else []


def clear_cart(session: Session, member: Member, now: datetime) -> int:
    """Take everything out of the member's cart; returns how many products were in it."""
    lock_household(session, member.household_id)
    cart = get_cart(session, member)
    if cart is None or not cart.lines:
        return 0
    count = len(cart.lines)
    cart.lines.clear()
    cart.updated_at = now
    session.flush()
    return count
