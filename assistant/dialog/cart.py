"""The cart: putting in (or the closest product in stock), taking out, showing it, and
ordering it (the order question of :class:`~assistant.dialog.purchase.PurchaseFlow`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from assistant.dialog.pending import Basket, PendingChoice, PendingClearCart
from assistant.dialog.products import ProductFlow, pack_notes, pick
from assistant.dialog.purchase import PurchaseFlow
from assistant.dialog.session import Flow
from assistant.errors import OutOfStockError
from assistant.nlu.schema import Intent
from assistant.shop.service import ProductView


@dataclass
class CartFlow(Flow):
    """The household's cart."""

    products: ProductFlow
    purchase: PurchaseFlow

    def add(self, intent: Intent, now: datetime) -> str:
        """ "계란 한 판 장바구니에 담아 줘", "우유랑 계란 담아 줘": which product for each item,
        then all into the cart."""
        return self.products.basket_requested(intent, now, self._add_basket)

    def _add_basket(self, basket: Basket, now: datetime) -> str:
        """Every line into the cart, said in one reply (one line: as before, with the closest
        product in stock offered when it has run out)."""
        notes = pack_notes(self.r, basket.lines)
        if len(basket.lines) == 1:
            line = basket.lines[0]
            return " ".join([*notes, self._add(line.product, line.quantity, now)])
        added, problems = [], []
        for line in basket.lines:
            try:
                self.shop.add_to_cart(line.product.id, line.quantity, now)
                added.append(line)
            except OutOfStockError as exc:
                problems.append(self.r.error(exc))
        said = [*notes, *problems]
        if added:
            said.append(self.r.added_lines(added, len(self.shop.cart())))
        return " ".join(said)

    def _add(self, product: ProductView, quantity: int | None, now: datetime) -> str:
        count = quantity if quantity is not None else 1
        try:
            entry = self.shop.add_to_cart(product.id, count, now)
            return self.r.added(entry, len(self.shop.cart()), count)
        except OutOfStockError as exc:
            problem = self.r.error(exc)
            alt = self.shop.alternative(product.id, count)
            if alt is None:
                return self.r.out_of_stock(problem, None)
            self.session.pending = PendingChoice(
                (alt,), count, self._add, expires_at=self.session.until(now)
            )
            return self.r.offer_for_cart(problem, alt, self.shop.member_pricing())

    def remove(self, intent: Intent, now: datetime) -> str:
        """Take out what a phrase names among the cart's products (asking which if several)."""
        phrase, quantity = intent.slots.product, intent.slots.quantity
        items = self.shop.cart()
        if not items:
            return self.r.EMPTY_CART
        if not phrase:
            return self.r.ASK_PRODUCT
        in_cart = tuple(i.product for i in items)
        picked = pick(in_cart, phrase)
        if not picked:
            matches = {p.id for p in self.shop.find_products(phrase)}
            picked = tuple(p for p in in_cart if p.id in matches)
        if not picked:
            return self.r.not_in_cart(phrase)
        if len(picked) > 1:
            self.session.pending = PendingChoice(
                picked, quantity, self._remove, expires_at=self.session.until(now)
            )
            return self.r.choose(phrase, picked, self.shop.member_pricing())
        return self._remove(picked[0], quantity, now)

    def _remove(self, product: ProductView, quantity: int | None, now: datetime) -> str:
        left = self.shop.remove_from_cart(product.id, quantity, now)
        return self.r.removed(product, left)

    def view(self, intent: Intent, now: datetime) -> str:
        """What is in the cart and what it costs."""
        items = self.shop.cart()
        if not items:
            return self.r.EMPTY_CART
        return self.r.cart(items, self.shop.quote_cart())

    def checkout(self, intent: Intent, now: datetime) -> str:
        """The order question for the whole cart."""
        items = self.shop.cart()
        if not items:
            return self.r.EMPTY_CART
        wanted = tuple((i.product.id, i.quantity) for i in items)
        return self.purchase.ask(wanted, now, checkout=True)

    # -- emptying the cart (issue 14) ----------------------------------------------

    def clear(self, intent: Intent, now: datetime) -> str:
        """ "장바구니 비워 줘": asks first ("…N개 상품을 모두 뺄까요?"); nothing is spent, but a
        cart a household filled is not emptied by one misheard line."""
        items = self.shop.cart()
        if not items:
            return self.r.EMPTY_CART
        self.session.pending = PendingClearCart(len(items), expires_at=self.session.until(now))
        return self.r.confirm_clear_cart(len(items))

    def answer_clear(self, pending: PendingClearCart, intent: Intent, now: datetime) -> str | None:
        """The answer to "모두 뺄까요?"; None when the utterance starts something new."""

        def clear() -> str:
            count = self.shop.clear_cart(now)
            return self.r.cart_cleared(count) if count else self.r.EMPTY_CART

        return self.yes_or_no(
            intent, clear, self.r.CART_KEPT, lambda: self.r.confirm_clear_cart(pending.count)
        )
