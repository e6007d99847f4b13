"""Ordering: the order question, the explicit "yes", the PIN, another delivery, and the
closest product in stock when the one asked for is not.

Every rule is enforced again by the shop (:mod:`assistant.shop.purchase`); the flow only
asks. Nothing is spent without a "yes" to a question naming what, how much and where.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime

from assistant.dialog.pending import Basket, BasketLine, PendingOrder, PendingPin
from assistant.dialog.products import DEFAULT_WORDS, ProductFlow, pack_notes
from assistant.dialog.session import Flow, interrupts
from assistant.errors import JangbogiError, OutOfStockError, WrongPinError
from assistant.nlu.intents import IntentName
from assistant.nlu.schema import Intent, Item
from assistant.shop.matching import to_key
from assistant.shop.orders import OrderView, check_quantity
from assistant.shop.pricing import Quote
from assistant.shop.service import ProductView
from assistant.shop.sizes import pieces_per_pack, same_size, split_sizes
from assistant.store.models import Channel, DeliveryKind, OrderStatus

_SIZE = re.compile(r"\s*\d+(?:\.\d+)?\s*(?:ml|l|kg|g|구|개입|롤|매)$", re.I)
""""서울우유 흰우유 1L": a size left in a phrase, dropped when another size is asked for."""
_QUANTITY_ONLY = frozenset({IntentName.ORDER, IntentName.NONE})
"""Intents a bare count may come as ("두 개로"), depending on the parser."""


def corrects(intent: Intent) -> bool:
    """The utterance corrects the open order question: ``change``, or a bare count (or
    size) without a product."""
    slots = intent.slots
    if intent.name == IntentName.CHANGE:
        return True
    bare = not slots.product and not slots.items
    return intent.name in _QUANTITY_ONLY and bare and (slots.quantity or slots.size) is not None


_TOO = re.compile(r"추가|같이|함께|\balso\b|\btoo\b|\bas well\b|\badd\b", re.I)
""""…도 같이", "add …", "… too": more items for the order being asked about."""


def adds(intent: Intent, basket: Basket) -> bool:
    """A request of the same kind that adds items to the open question's order ("계란도
    주문해 줘", "eggs too") rather than replacing it."""
    if intent.name != basket.request or not intent.slots.lines:
        return False
    if _TOO.search(intent.text):
        return True
    for word in intent.text.split():  # "계란도", "한 판도", "두 개도"
        stem = word[:-1]
        if not (word.endswith("도") and stem):
            continue
        for item in intent.slots.lines:
            said = (item.product or "").replace(" ", "")
            if said.endswith(stem) or (item.unit and stem.endswith(item.unit)):
                return True
    return False


AfterOrder = Callable[[OrderView, datetime], str]
"""Said after a new order is placed (a subscription offer), or ""."""


@dataclass
class PurchaseFlow(Flow):
    """Asking, confirming and placing orders."""

    products: ProductFlow
    channel: Channel
    after_order: AfterOrder
    """What follows a new order (the subscription offer after a steady rhythm)."""

    def order(self, intent: Intent, now: datetime) -> str:
        """ "우유 두 개 주문해 줘", "우유랑 계란 한 판 …": which product for each item, then one
        order question naming every line."""
        slots = intent.slots
        delivery = DeliveryKind(slots.delivery) if slots.delivery else None
        return self.products.basket_requested(intent, now, self.order_basket, delivery)

    def order_basket(self, basket: Basket, now: datetime, again: OrderView | None = None) -> str:
        """The order question for every line of ``basket`` (a count said in pieces of a pack
        explained first), or the closest product in stock for a line that is not; ``again``:
        the earlier order it is explicitly another of ("하나 더", then corrected)."""
        notes = pack_notes(self.r, basket.lines)
        try:
            question = self.ask(
                basket.wanted, now, delivery=basket.delivery, basket=basket, again=again
            )
        except OutOfStockError as exc:
            question = self._basket_alternative(basket, exc, now)
        return " ".join([*notes, question])

    def _basket_alternative(self, basket: Basket, exc: OutOfStockError, now: datetime) -> str:
        """A line without enough stock: the closest product in its place (asked about), or
        the order without it."""
        problem = self.r.error(exc)
        short = [ln for ln in basket.lines if ln.product.name == exc.fields.get("name")]
        if not short:
            raise exc
        line = short[0]
        alt = self.shop.alternative(line.product.id, line.quantity)
        if alt is None and len(basket.lines) == 1:
            return self.r.out_of_stock(problem, None)
        others = tuple(ln for ln in basket.lines if ln is not line)
        if alt is None:
            rest = replace(basket, lines=others)
            return f"{problem} {self.order_basket(rest, now)}"
        at = basket.lines.index(line)
        swapped = BasketLine(line.phrase, alt, line.quantity)
        lines = (*basket.lines[:at], swapped, *basket.lines[at + 1 :])
        question = self.order_basket(replace(basket, lines=lines), now)
        return self.r.out_of_stock(problem, question)

    def order_one(
        self,
        product: ProductView,
        quantity: int | None,
        now: datetime,
        delivery: DeliveryKind | None = None,
    ) -> str:
        """The order question for one product, or the closest one in stock."""
        count = quantity if quantity is not None else 1
        try:
            return self.ask(((product.id, count),), now, delivery=delivery)
        except OutOfStockError as exc:
            return self._alternative(product, count, exc, now, delivery)

    def ask(
        self,
        wanted: tuple[tuple[int, int], ...],
        now: datetime,
        *,
        checkout: bool = False,
        delivery: DeliveryKind | None = None,
        reorder_of: OrderView | None = None,
        ask: Callable[[Quote, str], str] | None = None,
        basket: Basket | None = None,
        again: OrderView | None = None,
    ) -> str:
        """Check the rules with the shop and ask "주문할까요?" (or say why not).

        ``ask(quote, notes)`` words the question when the usual one does not fit (a
        suggestion from the household's rhythm); ``notes`` carry the rules' remarks.
        ``again``: the household explicitly asked for another of this earlier order ("하나
        더"); only a duplicate of exactly it is asked about (and let through after the yes).
        """
        duplicate = self.shop.recent_duplicate(wanted, now, delivery)
        if duplicate is not None and (again is None or duplicate.id != again.id):
            return self.r.duplicate(duplicate)
        if checkout:
            req = self.shop.request_checkout(now, delivery=delivery, channel=self.channel)
        elif again is not None:
            req = self.shop.request_another(
                wanted, now, repeats=again.id, delivery=delivery, channel=self.channel
            )
        else:
            req = self.shop.request_order(wanted, now, delivery=delivery, channel=self.channel)
        kind = req.quote.delivery
        place = None
        if delivery is not None or kind is not DeliveryKind.HOME:  # say where, unless home
            place = self.r.place_phrase(kind, self.shop.account().place(kind))
        notes = self.r.purchase_notes(req.quote, req.needs_approval, place)
        self.session.pending = PendingOrder(
            wanted, req.token, req.quote, req.needs_approval,
            checkout=checkout, delivery=delivery, reorder_of=reorder_of, basket=basket,
            again=again,
            expires_at=req.expires_at,
        )  # fmt: skip
        if ask is not None:
            return ask(req.quote, notes)
        if checkout:
            return self.r.confirm_checkout(req.quote, notes)
        if reorder_of is not None:
            return self.r.confirm_reorder(reorder_of, req.quote, notes)
        return self.r.confirm_order(req.quote, notes)

    def answer(self, pending: PendingOrder, intent: Intent, now: datetime) -> str | None:
        """The answer to the order question; None when the utterance starts something new."""
        slots = intent.slots
        if intent.name == IntentName.SET_DELIVERY and slots.delivery is not None:
            return self._redeliver(pending, intent, now)
        if corrects(intent):
            return self._correct(pending, intent, now)
        if pending.basket is not None and adds(intent, pending.basket):
            return self._add_lines(pending, pending.basket, intent, now)
        return self.yes_or_no(
            intent,
            lambda: self._confirmed(pending, now),
            self.r.NOT_ORDERED,
            lambda: self._repeat(pending),
        )

    def _confirmed(self, pending: PendingOrder, now: datetime) -> str:
        """The explicit "yes": place it, or ask for the PIN first."""
        key = pending.key
        ticket = self.shop.accept(key, now)
        if ticket.needs_pin:
            self.session.pending = PendingPin(
                "order",
                lambda pin, at: self._complete(key, at, pin),
                key,
                expires_at=ticket.expires_at,
            )
            return self.r.ASK_PIN
        return self._complete(key, now, None)

    def _complete(self, key: str, now: datetime, pin: str | None) -> str:
        try:
            order, new = self.shop.complete(key, now, channel=self.channel, pin=pin)
        except WrongPinError:
            raise  # the PIN may be said again
        except JangbogiError:
            self.shop.drop(key)
            raise
        if order.status is OrderStatus.PENDING_APPROVAL:
            return self.r.waiting_approval(order)
        offer = self.after_order(order, now) if new else ""
        return self.r.receipt_sentence(self.shop.receipt(order.id), new) + offer

    def _repeat(self, pending: PendingOrder) -> str:
        """The order question again, naming what would be bought, the total and where (never
        a bare "주문할까요?")."""
        kind = pending.quote.delivery
        place = self.shop.account().place(kind)
        return self.r.repeat_order(pending.quote, place, pending.needs_approval)

    def _redeliver(self, pending: PendingOrder, intent: Intent, now: datetime) -> str:
        """'사물함으로 받을게' while an order question is open: ask again with that delivery."""
        kind = DeliveryKind(intent.slots.delivery or "home")
        prefix = ""
        if DEFAULT_WORDS.search(intent.text):
            self.shop.set_default_delivery(kind)
            prefix = self.r.delivery_set(kind, self.shop.account().place(kind)) + " "
        self.session.drop()
        if pending.basket is not None:
            return prefix + self.order_basket(replace(pending.basket, delivery=kind), now)
        question = self.ask(
            pending.wanted, now, checkout=pending.checkout, delivery=kind,
            reorder_of=pending.reorder_of, again=pending.again,
        )  # fmt: skip
        return prefix + question

    def _add_lines(
        self, pending: PendingOrder, basket: Basket, intent: Intent, now: datetime
    ) -> str:
        """ "계란도 주문해 줘" while the order question is open: the same order with the new
        items too, asked again as one question."""
        slots = intent.slots
        for item in slots.lines:
            if item.quantity is not None:
                check_quantity(item.quantity)
        delivery = DeliveryKind(slots.delivery) if slots.delivery else basket.delivery
        self.session.drop()
        todo: tuple[Item | BasketLine, ...] = (*basket.lines, *slots.lines)
        asked = Basket(todo=todo, of=len(todo), delivery=delivery, request=basket.request)
        return self.products.resolve(asked, self.order_basket, now)

    # -- corrections: "두 개로 바꿔 줘", "아니 매일우유로", "1리터짜리로" ---------------------

    def _correct(self, pending: PendingOrder, intent: Intent, now: datetime) -> str:
        """Change the quantity, product, size or delivery of the open order question and ask
        again with the new lines (a new ticket; the old one is dropped)."""
        slots = intent.slots
        if slots.quantity is not None:
            check_quantity(slots.quantity)
        if pending.checkout:  # the cart's content is changed in the cart
            return f"{self.r.ASK_YES_NO} {self._repeat(pending)}"
        basket = pending.basket or self._basket_of(pending)
        delivery = DeliveryKind(slots.delivery) if slots.delivery else basket.delivery
        at = self._line_meant(basket, slots.product)
        if at is None:
            if not (slots.product or slots.quantity or slots.size):  # only a place
                return self._redeliver(pending, intent, now)
            return f"{self.r.which_line(basket.lines)} {self._repeat(pending)}"
        line = basket.lines[at]
        new: Item | BasketLine
        quantity = slots.quantity if slots.quantity is not None else line.quantity
        if slots.product and not self._is_line(line, slots.product):
            if not self.products.options(slots.product, None, slots.size):  # the question stays
                return f"{self.r.not_sold(slots.product)} {self._repeat(pending)}"
            new = Item(slots.product, quantity, None, slots.size)  # "아니 매일우유로"
        elif slots.size is not None:  # "20키로짜리로", "낱개로 세 개"
            sized = self._of_size(_SIZE.sub("", line.phrase) or line.phrase, line, slots.size)
            if not sized:  # said so: never the unchanged order asked again as if agreed
                return f"{self.r.no_such_size(slots.size)} {self._repeat(pending)}"
            phrase, found = sized
            one = len(found) == 1
            new = BasketLine(line.phrase, found[0], quantity) if one else Item(
                phrase, quantity, None, slots.size)  # fmt: skip
        else:
            new = BasketLine(line.phrase, line.product, quantity)  # "두 개로", counted in packs
        self.session.drop()
        todo = (*basket.lines[:at], new, *basket.lines[at + 1 :])
        asked = Basket(todo=todo, of=len(todo), delivery=delivery, request=basket.request)
        earlier = pending.again
        return self.products.resolve(
            asked, lambda b, at: self.order_basket(b, at, again=earlier), now
        )

    def _of_size(
        self, phrase: str, line: BasketLine, size: str
    ) -> tuple[str, list[ProductView]] | None:
        """The products of ``size`` the line's phrase means, or, when it has none of that
        size, a shorter end of it ("이천쌀" 20kg -> "쌀"): (the phrase, the products); None
        when nothing of that size is sold. A size of one piece ("낱개로") keeps the products
        that are not packs of several, the line's own name first."""
        single = pieces_per_pack(size) == 1

        def fits(p: ProductView) -> bool:
            if single:
                return (pieces_per_pack(p.size) or 1) == 1
            named = split_sizes(p.name)[1]  # "제주삼다수 2L" (a pack of 6병)
            return any(same_size(size, s) for s in (p.size, *named))

        words = phrase.split()
        last = words[-1] if words else phrase
        tries = [phrase, *(last[n:] for n in range(1, len(last)))]
        for said in tries:
            found = [p for p in self.products.options(said, None, size) if fits(p)]
            if single and any(p.name == line.product.name for p in found):
                found = [p for p in found if p.name == line.product.name]
            elif said != phrase and any(p.unit == line.product.unit for p in found):
                found = [p for p in found if p.unit == line.product.unit]
            if found:
                return said, found
        return None

    def _basket_of(self, pending: PendingOrder) -> Basket:
        """A basket for an order question asked without one (a reorder, a suggestion)."""
        found = {p.id: p for p in self.shop.products_by_id([i for i, _ in pending.wanted])}
        lines = tuple(
            BasketLine(found[i].name, found[i], q) for i, q in pending.wanted if i in found
        )
        return Basket(lines=lines, of=len(lines), delivery=pending.delivery)

    def _line_meant(self, basket: Basket, phrase: str | None) -> int | None:
        """Which line a correction changes: the only one, or the one ``phrase`` names (its
        product, or the words first said for it); None when it cannot be told."""
        lines = basket.lines
        if not phrase:
            return 0 if len(lines) == 1 else None
        named = [i for i, ln in enumerate(lines) if self._is_line(ln, phrase)]
        if len(named) == 1:
            return named[0]
        key = to_key(phrase)
        related = [
            i for i, ln in enumerate(lines)
            if (said := to_key(ln.phrase)) and (said in key or key in said)
        ]  # fmt: skip
        if len(related) == 1:
            return related[0]
        return 0 if len(lines) == 1 else None

    def _is_line(self, line: BasketLine, phrase: str) -> bool:
        """``phrase`` names the line's own product ("우유는 두 개로")."""
        return any(p.id == line.product.id for p in self.shop.find_products(phrase))

    def _alternative(
        self,
        product: ProductView,
        count: int,
        exc: OutOfStockError,
        now: datetime,
        delivery: DeliveryKind | None,
    ) -> str:
        """Say it is not available and ask about the closest product that is."""
        problem = self.r.error(exc)
        alt = self.shop.alternative(product.id, count)
        if alt is None:
            return self.r.out_of_stock(problem, None)
        question = self.ask(((alt.id, count),), now, delivery=delivery)
        return self.r.out_of_stock(problem, question)

    # -- the PIN -------------------------------------------------------------------

    def answer_pin(self, pin: str, now: datetime) -> str:
        """The PIN said to the open PIN question (even one that timed out)."""
        pending = self.session.pending
        if not isinstance(pending, PendingPin):  # pragma: no cover - callers check
            return self.r.NOTHING_TO_CONFIRM
        if now > pending.expires_at:
            self.session.drop()
            return f"{self.r.EXPIRED} {self.r.NOTHING_TO_CONFIRM}"
        try:
            answer = pending.on_pin(pin, now)
        except WrongPinError as exc:
            return f"{self.r.error(exc)} {self.r.ASK_PIN}"
        except JangbogiError:
            self.session.drop()
            raise
        self.session.pending = None
        return answer

    def pin_not_given(self, pending: PendingPin, intent: Intent) -> str | None:
        """Words instead of the PIN; None when the utterance starts something new."""
        if interrupts(intent):
            return None
        if intent.name == IntentName.DENY:
            self.session.drop()
            if pending.declined is not None:
                return pending.declined
            return self.r.NOT_ORDERED if pending.purpose == "order" else self.r.APPROVAL_KEPT
        return self.r.ASK_PIN_AGAIN
