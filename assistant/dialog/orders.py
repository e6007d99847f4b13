"""The household's orders: where one is, cancelling one, buying the last one or the usual
ones again, and what is probably running out (from the buying rhythm)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from assistant.dialog.pending import PendingCancel
from assistant.dialog.products import USUAL_WORDS, ProductFlow
from assistant.dialog.purchase import PurchaseFlow
from assistant.dialog.session import Flow
from assistant.errors import JangbogiError
from assistant.nlu.schema import Intent
from assistant.shop.advisor import Advisor, DueItem
from assistant.shop.orders import check_quantity
from assistant.store.models import OrderStatus

CANNOT_CANCEL = (OrderStatus.SHIPPED, OrderStatus.DELIVERED)


@dataclass
class OrdersFlow(Flow):
    """Orders placed, and orders like them again."""

    advisor: Advisor
    products: ProductFlow
    purchase: PurchaseFlow

    def status(self, intent: Intent, now: datetime) -> str:
        """Where the order a phrase names (or the last one) is."""
        order = self.shop.find_order(intent.slots.product)
        if order is None:
            return self.r.NO_ORDERS
        return self.r.status_sentence(order, now, self.shop.timezone)

    def cancel(self, intent: Intent, now: datetime) -> str:
        """Ask before cancelling the order a phrase names, or the last open one."""
        phrase = intent.slots.product
        order = self.shop.find_order(phrase)
        if order is not None and order.status in CANNOT_CANCEL:
            return self.r.cannot_cancel(order)
        if order is None or order.status not in (
            OrderStatus.PLACED, OrderStatus.PENDING_APPROVAL
        ):  # fmt: skip
            order = None if phrase else self.shop.last_order(open_only=True)
        if order is None:
            return self.r.NO_OPEN_ORDER
        self.session.pending = PendingCancel(order, expires_at=self.session.until(now))
        return self.r.confirm_cancel(order)

    def answer_cancel(self, pending: PendingCancel, intent: Intent, now: datetime) -> str | None:
        """The answer to "취소할까요?"; None when the utterance starts something new."""
        return self.yes_or_no(
            intent,
            lambda: self.r.cancelled(self.shop.cancel(pending.order.id, now)),
            self.r.NOT_CANCELLED,
            lambda: self.r.repeat_cancel(pending.order),
        )

    # -- again ---------------------------------------------------------------------

    def reorder(self, intent: Intent, now: datetime) -> str:
        """With a product ("늘 사던 우유", "우유 다시 주문해 줘"): the usual one of it; "늘 사던
        걸로": the usual basket; "지난번에 산 거": the last order that was not cancelled."""
        slots, prefix = intent.slots, ""
        if slots.product:
            return self._reorder_product(slots.product, slots.quantity, slots.unit, now)
        if USUAL_WORDS.search(intent.text):
            usual = self.advisor.usual_basket(now)
            if usual:
                wanted = tuple((u.product.id, u.quantity) for u in usual)
                return self.purchase.ask(wanted, now, ask=self.r.confirm_usual_basket)
            prefix = self.r.NO_USUAL_YET + " "
        last = self.shop.last_order(counted_only=True)
        if last is None:
            return prefix + self.r.NO_ORDERS
        wanted = tuple((line.product_id, line.quantity) for line in last.lines)
        return prefix + self.purchase.ask(wanted, now, reorder_of=last)

    def _reorder_product(
        self, phrase: str, quantity: int | None, unit: str | None, now: datetime
    ) -> str:
        if quantity is not None:
            check_quantity(quantity)
        options = self.shop.find_products(phrase)
        if unit is not None and any(p.unit == unit for p in options):
            options = [p for p in options if p.unit == unit]
        usual = self.advisor.usual_among(options, now) if options else None
        if usual is None:  # never bought: the ordinary "which one?"
            lead = self.r.never_bought(phrase) + " " if options else ""
            return lead + self.products.choose(phrase, quantity, unit, now, self.purchase.order_one)
        wanted = ((usual.product.id, quantity or usual.quantity),)
        return self.purchase.ask(wanted, now, ask=self.r.confirm_usual)

    # -- running out ---------------------------------------------------------------

    def suggest(self, intent: Intent, now: datetime) -> str:
        """ "뭐 사야 돼?": what is probably running out, as an order question."""
        items = self.advisor.running_out(now)
        if not items:
            return self.r.nothing_due(self.advisor.coming_up(now))
        return self._offer_due(items, now)

    def opening(self, now: datetime) -> str:
        """What is probably running out, at most once a day; "" when nothing is (or the
        rhythm cannot be read right now)."""
        try:
            items = self.advisor.opening(now)
            return self._offer_due(items, now) if items else ""
        except JangbogiError:
            return ""

    def _offer_due(self, items: list[DueItem], now: datetime) -> str:
        wanted = tuple((i.product.id, i.due.rhythm.quantity) for i in items)
        return self.purchase.ask(
            wanted, now, ask=lambda q, notes: self.r.running_out(items, q, notes)
        )
