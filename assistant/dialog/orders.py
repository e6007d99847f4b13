"""The household's orders: where one is, cancelling one, buying the last one or the usual
ones again, and what is probably running out (from the buying rhythm)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from assistant.dialog.pending import PendingCancel
from assistant.dialog.products import USUAL_WORDS, ProductFlow
from assistant.dialog.purchase import PurchaseFlow
from assistant.dialog.session import Flow
from assistant.errors import JangbogiError
from assistant.nlu.schema import Intent
from assistant.shop.advisor import Advisor, DueItem
from assistant.shop.orders import OrderView, check_quantity
from assistant.shop.service import ProductView
from assistant.store.models import DeliveryKind, OrderStatus

CANNOT_CANCEL = (OrderStatus.SHIPPED, OrderStatus.DELIVERED)
NOT_COUNTED = (OrderStatus.CANCELLED, OrderStatus.REJECTED)
REFERENCE_WORDS = re.compile(
    r"아까|방금|조금 전|그거|그것|저거|\b(?:that|it|the last one|just ordered)\b", re.I
)
""""아까 그거 취소", "cancel that": the order just placed (when the parser did not mark the
request as a reference itself)."""
MORE_WORDS = re.compile(
    r"(?:^|[\s0-9]|하나|나|개|번|판|팩|병|봉|통|박스|묶음|만)\s*더(?:\s|$)|(?:^|\s)또(?:\s|$)|추가로"
    r"|똑같(?:이|은)[^.]*다시|\b(?:one more|another|more|extra|second)\b|\bsame\b.*\bagain\b"
    r"|^\W*(?:please\s+)?(?:do|redo)\s+(?:that|it|this)\s+(?:order\s+)?again\b",
    re.I,
)
""""하나 더 시켜 줘", "한 번 더", "또 시켜 줘", "똑같은 걸로 다시", "one more", "another one",
"the same thing again", "do that again": explicitly another order, not the same words heard
twice (the only requests a duplicate of the last order is asked about for; a bare
"다시 주문해 줘" is not)."""
LAST_WORDS = re.compile(r"마지막|지난|최근|\b(?:last|latest|recent|previous)\b", re.I)
""""마지막 주문", "my last order" heard as a product phrase: the last order, when no product
is called that."""
HISTORY_SIZE = 3
"""How many orders "뭐 주문했지?" reads out."""


@dataclass
class OrdersFlow(Flow):
    """Orders placed, and orders like them again."""

    advisor: Advisor
    products: ProductFlow
    purchase: PurchaseFlow

    def status(self, intent: Intent, now: datetime) -> str:
        """Where the order a phrase names (or the last one; "아까 그거": the one just placed)
        is."""
        order = self._referred(intent) or self.shop.find_order(self._named(intent))
        if order is None:
            return self.r.NO_ORDERS
        return self.r.status_sentence(order, now, self.shop.timezone)

    def cancel(self, intent: Intent, now: datetime) -> str:
        """Ask before cancelling the order a phrase names, or the last open one ("아까 그거":
        the one just placed in this conversation, else this member's latest open one)."""
        if refers(intent):
            return self._cancel_referred(now)
        phrase = self._named(intent)
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

    def _cancel_referred(self, now: datetime) -> str:
        """ "아까 그거 취소", "cancel my last order": the order pointed at is the latest one,
        whatever its status (an older open order is never cancelled in its place)."""
        order = self.shop.recent_order()
        if order is None:
            return self.r.NO_OPEN_ORDER
        if order.status in CANNOT_CANCEL:
            return self.r.cannot_cancel(order)
        if order.status in NOT_COUNTED:  # already cancelled (or turned down): where it is
            return self.r.status_sentence(order, now, self.shop.timezone)
        self.session.pending = PendingCancel(order, expires_at=self.session.until(now))
        return self.r.confirm_cancel(order)

    def _referred(self, intent: Intent) -> OrderView | None:
        """The order "아까 그거" / "the last one" points at; None when the request names no
        such order (or there is none)."""
        return self.shop.recent_order() if refers(intent) else None

    # -- again ---------------------------------------------------------------------

    def reorder(self, intent: Intent, now: datetime) -> str:
        """With a product ("늘 사던 우유", "우유 다시 주문해 줘"): the usual one of it; "늘 사던
        걸로": the usual basket; "지난번에 산 거": the last order that was not cancelled;
        "하나 더", "one more": a second order like the last one (asked, never refused as the
        same words heard twice). A delivery said with it ("사물함으로") is for this order."""
        slots, prefix = intent.slots, ""
        more = bool(MORE_WORDS.search(intent.text))
        delivery = DeliveryKind(slots.delivery) if slots.delivery else None
        if slots.product and not slots.reference:
            return self._reorder_product(
                slots.product, slots.quantity, slots.unit, now, more, delivery, slots.size
            )
        if more or refers(intent):
            return self._again(intent, now, more, delivery)
        if USUAL_WORDS.search(intent.text):
            usual = self.advisor.usual_basket(now)
            if usual:
                wanted = tuple((u.product.id, u.quantity) for u in usual)
                return self.purchase.ask(
                    wanted, now, delivery=delivery, ask=self.r.confirm_usual_basket
                )
            prefix = self.r.NO_USUAL_YET + " "
        last = self.shop.last_order(counted_only=True)
        if last is None:
            return prefix + self.r.NO_ORDERS
        wanted = tuple((line.product_id, line.quantity) for line in last.lines)
        return prefix + self.purchase.ask(wanted, now, delivery=delivery, reorder_of=last)

    def _last_counted(self) -> OrderView | None:
        """The order "하나 더" repeats: the one just placed (else this member's latest), or
        the household's latest that was not cancelled."""
        last = self.shop.recent_order()
        if last is None or last.status in NOT_COUNTED:
            last = self.shop.last_order(counted_only=True)
        return last

    def _again(
        self, intent: Intent, now: datetime, more: bool, delivery: DeliveryKind | None
    ) -> str:
        """The last order again ("아까 그거 다시"), or explicitly one more of it ("하나 더"):
        a question naming every line and the total; "두 개 더" after a one-line order asks
        for that many of its product."""
        last = self._last_counted()
        if last is None:
            return self.r.NO_ORDERS
        wanted = tuple((line.product_id, line.quantity) for line in last.lines)
        count = intent.slots.quantity
        if count is not None and count > 1 and len(wanted) == 1:
            check_quantity(count)
            wanted = ((wanted[0][0], count),)
        if not more:
            return self.purchase.ask(wanted, now, delivery=delivery, reorder_of=last)
        return self._ask_again(wanted, last, now, delivery)

    def _ask_again(
        self,
        wanted: tuple[tuple[int, int], ...],
        last: OrderView,
        now: datetime,
        delivery: DeliveryKind | None,
    ) -> str:
        return self.purchase.ask(
            wanted, now, delivery=delivery, again=last,
            ask=lambda q, notes: self.r.confirm_again(last, q, notes),
        )  # fmt: skip

    def one_more(self, intent: Intent, now: datetime) -> str | None:
        """An order that asks for more of the last one ("아까 그거 주문해 줘", "메로나 하나 더
        주문해 줘" right after 메로나 was ordered): the question for another order; None when
        the request is an ordinary order (a product not in the last order, several items)."""
        slots = intent.slots
        if refers(intent):
            return self.reorder(intent, now)
        if not slots.product or len(slots.lines) > 1 or not MORE_WORDS.search(intent.text):
            return None
        last = self._last_counted()
        ids = {p.id for p in self.shop.find_products(slots.product, slots.size)}
        line = next((ln for ln in last.lines if ln.product_id in ids), None) if last else None
        if last is None or line is None:
            return None
        if slots.quantity is not None:
            check_quantity(slots.quantity)
        delivery = DeliveryKind(slots.delivery) if slots.delivery else None
        wanted = ((line.product_id, slots.quantity or line.quantity),)
        return self._ask_again(wanted, last, now, delivery)

    def _reorder_product(
        self,
        phrase: str,
        quantity: int | None,
        unit: str | None,
        now: datetime,
        more: bool = False,
        delivery: DeliveryKind | None = None,
        size: str | None = None,
    ) -> str:
        if quantity is not None:
            check_quantity(quantity)
        options = self.shop.find_products(phrase, size)
        if unit is not None and any(p.unit == unit for p in options):
            options = [p for p in options if p.unit == unit]
        last = self._last_counted() if more and options else None
        ids = {p.id for p in options}
        line = next((ln for ln in last.lines if ln.product_id in ids), None) if last else None
        if last is not None and line is not None:  # "메로나 하나 더": the one just ordered
            wanted = ((line.product_id, quantity or line.quantity),)
            return self._ask_again(wanted, last, now, delivery)
        usual = self.advisor.usual_among(options, now) if options else None
        if usual is None:  # never bought: the ordinary "which one?"
            lead = self.r.never_bought(phrase) + " " if options else ""

            def order_one(product: ProductView, count: int | None, at: datetime) -> str:
                return self.purchase.order_one(product, count, at, delivery)

            return lead + self.products.choose(phrase, quantity, unit, now, order_one, size=size)
        wanted = ((usual.product.id, quantity or usual.quantity),)
        return self.purchase.ask(wanted, now, delivery=delivery, ask=self.r.confirm_usual)

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

    # -- what was bought: the receipt and the history (issue 14) -------------------

    def receipt(self, intent: Intent, now: datetime) -> str:
        """ "영수증 보여 줘": the e-receipt of the last order (the one just placed first; of
        the latest order with a product a phrase names), read out."""
        phrase = self._named(intent)
        order = None if phrase else self.shop.recent_order()
        order = order or self.shop.find_order(phrase)
        if order is None:
            return self.r.never_bought(phrase) if phrase else self.r.NO_ORDERS
        receipt = self.shop.receipt(order.id)
        return self.r.receipt_spoken(receipt, now, self.shop.timezone)

    def history(self, intent: Intent, now: datetime) -> str:
        """ "내가 뭐 주문했지?": the household's latest orders (with a product a phrase names),
        each with its date, lines, total and status."""
        phrase = self._named(intent)
        orders = self.shop.recent_orders(HISTORY_SIZE, phrase)
        if not orders:
            return self.r.never_bought(phrase) if phrase else self.r.NO_ORDERS
        return self.r.order_history(orders, now, self.shop.timezone)

    def _named(self, intent: Intent) -> str | None:
        """The product phrase of a request about past orders; None when it points back at
        the last order ("아까 그거", or "my last order" heard as a phrase naming no product)."""
        phrase = intent.slots.product
        if refers(intent) or not phrase:
            return None
        if LAST_WORDS.search(phrase) and not self.shop.find_products(phrase):
            return None
        return phrase


def refers(intent: Intent) -> bool:
    """The request points back at the last order instead of naming a product."""
    slots = intent.slots
    if slots.reference:
        return True
    return not slots.product and bool(REFERENCE_WORDS.search(intent.text))
