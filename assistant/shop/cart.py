"""A member's cart: add, remove, view (ordering it: ``purchase.checkout_for_member``)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from assistant.errors import InvalidQuantityError, NotFoundError, OutOfStockError
from assistant.shop.controls import lock_household
from assistant.shop.orders import check_quantity, stock_problem
from assistant.shop.pricing import MAX_QUANTITY
from assistant.store.models import Cart, CartLine, Member, Product


def get_cart(session: Session, member: Member, now: datetime | None = None) -> Cart | None:
    cart = session.scalars(
        select(Cart).where(Cart.member_id == member.id).execution_options(populate_existing=True)
    ).first()
    if cart is None and now is not None:
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
        raise NotFoundError("그 상품은 팔지 않아요.")
    cart = get_cart(session, member, now)
    if cart is None:  # pragma: no cover - get_cart creates one when now is given
        raise NotFoundError("장바구니를 만들 수 없어요.")
    line = next((ln for ln in cart.lines if ln.product_id == product_id), None)
    if product.stock < quantity + (line.quantity if line is not None else 0):
        raise OutOfStockError(stock_problem(product))  # nothing unavailable goes in the cart
    if line is None:
        line = CartLine(product_id=product_id, quantity=quantity, product=product)
        cart.lines.append(line)
    else:
        if line.quantity + quantity > MAX_QUANTITY:
            raise InvalidQuantityError(
                f"장바구니에는 한 상품을 {MAX_QUANTITY}{product.unit}까지 담을 수 있어요."
            )
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
        raise NotFoundError("장바구니에 그 상품이 없어요.")
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
