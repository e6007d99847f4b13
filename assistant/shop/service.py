"""The shop as the dialog sees it: one transaction per call, plain values out.

The dialog never holds a SQL session; it calls these methods with a ``now``
and gets frozen dataclasses back.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from assistant.errors import NotFoundError
from assistant.shop import cart as cart_ops
from assistant.shop import history as history_ops
from assistant.shop import orders as order_ops
from assistant.shop.catalog import catalog_entry
from assistant.shop.history import PurchaseHistory
from assistant.shop.household import find_member
from assistant.shop.matching import ProductMatcher
from assistant.shop.orders import OrderView
from assistant.shop.pricing import Quote, member_pricing_applies
from assistant.store.db import transaction
from assistant.store.models import Channel, Member, Product


@dataclass(frozen=True)
class ProductView:
    """A product as offered to the user."""

    id: int
    """Database id."""
    sku: str
    """SKU."""
    name: str
    """Korean name with size."""
    name_en: str
    """English name."""
    brand: str
    """Brand."""
    unit: str
    """Counting word."""
    price: int
    """Regular price."""
    member_price: int
    """Member price."""
    rating_tenths: int
    """Star rating times ten."""
    rating_count: int
    """Number of ratings."""
    stock: int
    """Items in stock."""


@dataclass(frozen=True)
class CartItem:
    """One line of the cart."""

    product: ProductView
    """The product."""
    quantity: int
    """Items."""


def product_view(p: Product) -> ProductView:
    return ProductView(
        p.id, p.sku, p.display_name, p.name_en, p.brand, p.unit, p.price, p.member_price,
        p.rating_tenths, p.rating_count, p.stock,
    )  # fmt: skip


class ShopService:
    """Shop operations for one member."""

    def __init__(self, factory: sessionmaker[Session], member_name: str | None = None) -> None:
        self._factory = factory
        with transaction(factory) as session:
            member = find_member(session, member_name)
            self.member_id = member.id
            self.member_name = member.name
            self.household_id = member.household_id
        self._matcher: ProductMatcher | None = None

    def _member(self, session: Session) -> Member:
        member = session.get(Member, self.member_id)
        if member is None:
            raise NotFoundError("이 구성원이 더 이상 없어요.")
        return member

    def matcher(self) -> ProductMatcher:
        """The product matcher over the active catalog (built once per service)."""
        if self._matcher is None:
            with transaction(self._factory) as session:
                products = session.scalars(select(Product).where(Product.active.is_(True)))
                self._matcher = ProductMatcher(catalog_entry(p) for p in products)
        return self._matcher

    def find_products(self, phrase: str) -> list[ProductView]:
        """Catalog products that ``phrase`` may mean, best first; empty if none."""
        candidates = self.matcher().match(phrase)
        if not candidates:
            return []
        with transaction(self._factory) as session:
            found = [session.get(Product, c.product_id) for c in candidates]
            return [product_view(p) for p in found if p is not None]

    def member_pricing(self) -> bool:
        """Whether this household pays member prices right now."""
        with transaction(self._factory) as session:
            return member_pricing_applies(self._member(session).household)

    def deals(self, limit: int = 5) -> list[ProductView]:
        """In-stock products with the largest member saving."""
        with transaction(self._factory) as session:
            stmt = (
                select(Product)
                .where(Product.active.is_(True), Product.stock > 0,
                       Product.member_price < Product.price)
                .order_by((Product.price - Product.member_price).desc(), Product.id)
                .limit(limit)
            )  # fmt: skip
            return [product_view(p) for p in session.scalars(stmt)]

    def quote(self, wanted: Sequence[tuple[int, int]]) -> Quote:
        with transaction(self._factory) as session:
            return order_ops.quote(session, self._member(session), wanted)

    def place(
        self, wanted: Sequence[tuple[int, int]], *, key: str, channel: Channel, now: datetime
    ) -> tuple[OrderView, bool]:
        with transaction(self._factory) as session:
            order, placed = order_ops.place_order(
                session, self._member(session), wanted,
                channel=channel, idempotency_key=key, now=now,
            )  # fmt: skip
            return order_ops.view(order), placed

    def add_to_cart(self, product_id: int, quantity: int, now: datetime) -> CartItem:
        with transaction(self._factory) as session:
            line = cart_ops.add_to_cart(session, self._member(session), product_id, quantity, now)
            return CartItem(product_view(line.product), line.quantity)

    def remove_from_cart(self, product_id: int, quantity: int | None, now: datetime) -> int:
        with transaction(self._factory) as session:
            return cart_ops.remove_from_cart(
                session, self._member(session), product_id, quantity, now
            )

    def cart(self) -> list[CartItem]:
        with transaction(self._factory) as session:
            return [
                CartItem(product_view(ln.product), ln.quantity)
                for ln in cart_ops.cart_items(session, self._member(session))
            ]

    def quote_cart(self) -> Quote:
        items = self.cart()
        return self.quote([(i.product.id, i.quantity) for i in items])

    def checkout(self, *, key: str, channel: Channel, now: datetime) -> tuple[OrderView, bool]:
        with transaction(self._factory) as session:
            order, placed = cart_ops.checkout(
                session, self._member(session), channel=channel, idempotency_key=key, now=now
            )
            return order_ops.view(order), placed

    def last_order(
        self, *, open_only: bool = False, counted_only: bool = False
    ) -> OrderView | None:
        with transaction(self._factory) as session:
            order = order_ops.last_order(
                session, self._member(session), open_only=open_only, counted_only=counted_only
            )
            return order_ops.view(order) if order is not None else None

    def cancel(self, order_id: int, now: datetime) -> OrderView:
        with transaction(self._factory) as session:
            member = self._member(session)
            order = order_ops.cancel_order(session, order_id, now)
            if order.household_id != member.household_id:
                raise NotFoundError(f"{order_id}번 주문이 없어요.")
            return order_ops.view(order)

    # -- the household's buying rhythm (assistant.shop.insights) ------------------

    def purchase_history(self, now: datetime) -> PurchaseHistory:
        """What the household bought (cancelled orders do not count), with today's day index
        in the household's time zone."""
        with transaction(self._factory) as session:
            household = self._member(session).household
            return PurchaseHistory(
                tuple(history_ops.purchases(session, household)),
                history_ops.day_index(now, household.timezone),
                frozenset(history_ops.subscribed_products(session, household.id)),
            )

    def products_by_id(self, ids: Sequence[int]) -> list[ProductView]:
        """The products still on sale among ``ids``, in the order given."""
        with transaction(self._factory) as session:
            found = [session.get(Product, i) for i in ids]
            return [product_view(p) for p in found if p is not None and p.active]

    def nouns(self, ids: Sequence[int]) -> dict[int, tuple[str, str]]:
        """What people call each product in general: (Korean, English), e.g. (우유, milk)."""
        with transaction(self._factory) as session:
            found = [session.get(Product, i) for i in ids]
            return {
                p.id: (history_ops.common_noun(p), history_ops.english_noun(p))
                for p in found
                if p is not None
            }
