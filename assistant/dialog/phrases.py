"""What the assistant says while shopping, in any language: one method per reply.

``Phrases(say_for(lang))`` has the names and parameters of the old reply functions
(``phrases.confirm_order(q, notes)``, ``phrases.EMPTY``). The methods only choose messages and
compute their arguments; every word is in ``locales/<code>/dialog.ftl``. A product is passed
by both its names (``name`` and ``name_en``) and each catalog says the one of its language.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any, Final
from zoneinfo import ZoneInfo

from assistant.locales.messages import Msg
from assistant.locales.say import Speaks
from assistant.locales.speaking import Line, Said, line, named, nouns, placed_at, product
from assistant.shop.pricing import MAX_QUANTITY
from assistant.shop.sizes import pieces_per_pack

if TYPE_CHECKING:
    from assistant.dialog.pending import BasketLine
    from assistant.errors import JangbogiError
    from assistant.nlu.schema import Schedule
    from assistant.shop.accounts import AccountView
    from assistant.shop.advisor import ComingUp, DueItem, SubscriptionOffer
    from assistant.shop.orders import OrderView
    from assistant.shop.pricing import Quote
    from assistant.shop.receipt import Receipt
    from assistant.shop.service import CartItem, ProductView
    from assistant.store.models import DeliveryKind


class Phrases:
    """The shopping conversation's sentences in the language of ``say``."""

    MAX_NAMED: Final = 3
    """A question asked again names at most this many lines, then how many more."""

    NOT_SHOPPING = Said(Msg.NOT_SHOPPING)
    HELP = Said(Msg.HELP)
    EMPTY = Said(Msg.EMPTY)
    TOO_LONG = Said(Msg.TOO_LONG)
    BYE = Said(Msg.BYE)
    ASK_YES_NO = Said(Msg.ASK_YES_NO)
    EXPIRED = Said(Msg.EXPIRED)
    NOTHING_TO_CONFIRM = Said(Msg.NOTHING_TO_CONFIRM)
    NOT_ORDERED = Said(Msg.NOT_ORDERED)
    NOT_CANCELLED = Said(Msg.NOT_CANCELLED)
    EMPTY_CART = Said(Msg.EMPTY_CART)
    NO_ORDERS = Said(Msg.NO_ORDERS)
    NO_OPEN_ORDER = Said(Msg.NO_OPEN_ORDER)
    ASK_PRODUCT = Said(Msg.ASK_PRODUCT)
    DATABASE_BUSY = Said(Msg.DATABASE_BUSY)
    DATABASE_UNAVAILABLE = Said(Msg.DATABASE_UNAVAILABLE)
    ASK_PIN = Said(Msg.ASK_PIN)
    ASK_PIN_AGAIN = Said(Msg.ASK_PIN_AGAIN)
    NO_APPROVALS = Said(Msg.NO_APPROVALS)
    APPROVAL_KEPT = Said(Msg.APPROVAL_KEPT)
    NOT_JOINED = Said(Msg.NOT_JOINED)
    ASK_DELIVERY = Said(Msg.ASK_DELIVERY)
    REGISTER_CARD = Said(Msg.REGISTER_CARD)
    OFFER_DECLINED = Said(Msg.OFFER_DECLINED)
    REPEAT_OFFER = Said(Msg.REPEAT_OFFER)
    NO_USUAL_YET = Said(Msg.NO_USUAL_YET)
    NOTHING_KNOWN = Said(Msg.NOTHING_KNOWN)
    CART_KEPT = Said(Msg.CART_KEPT)  # issue 14 (references, receipts, history, cart)
    NOTHING_TO_CHANGE = Said(Msg.NOTHING_TO_CHANGE)

    def __init__(self, say: Speaks) -> None:
        self.say = say
        """The catalog of the conversation's language."""

    def _join(self, parts: Sequence[str], sep: Msg = Msg.LIST_COMMA) -> str:
        return self.say(sep).join(parts)

    # -- orders, the cart, choosing a product ----------------------------------------------

    def item(self, ln: Line) -> str:
        return self.say(Msg.ITEM, **line(ln))

    def price_phrase(self, q: Quote) -> str:
        return self.say(
            Msg.PRICE_PHRASE, total=q.total, member=q.member_pricing, fee=q.delivery_fee
        )

    def confirm_order(self, q: Quote, notes: str = "") -> str:
        """The order question; several lines are each named (what, how many) and the total."""
        if len(q.lines) > 1:
            what = self._join([self.item(ln) for ln in q.lines])
            return self.say(Msg.CONFIRM_ITEMS, what=what, price=self.price_phrase(q), notes=notes)
        what = self.item(q.lines[0])
        return self.say(Msg.CONFIRM_ORDER, what=what, price=self.price_phrase(q), notes=notes)

    def placed(self, order: OrderView, new: bool) -> str:
        return self.say(Msg.PLACED, new=new, id=order.id, total=order.total)

    def order_summary(self, order: OrderView) -> str:
        return self._summary(order.lines)

    def _summary(self, lines: Sequence[Line]) -> str:
        """The first line of an order and how many more."""
        ln = lines[0]
        return self.say(Msg.ORDER_SUMMARY, **line(ln), more=len(lines) - 1)

    def _order(self, msg: Msg, order: OrderView, **args: Any) -> str:
        """A sentence about ``order``: its id, summary, total and status, and ``args``."""
        return self.say(msg, id=order.id, summary=self.order_summary(order), total=order.total,
                        status=order.status.value, member=order.member, **args)  # fmt: skip

    def status(self, order: OrderView) -> str:
        return self._order(Msg.STATUS, order)

    def confirm_cancel(self, order: OrderView) -> str:
        return self._order(Msg.CONFIRM_CANCEL, order)

    def cancelled(self, order: OrderView) -> str:
        return self._order(Msg.CANCELLED, order)

    def _choices(self, options: Sequence[ProductView], member_pricing: bool) -> list[str]:
        return [
            self.say(
                Msg.CHOICE,
                number=i,
                **product(p),
                price=p.member_price if member_pricing else p.price,
            )
            for i, p in enumerate(options, 1)
        ]

    def choose(
        self,
        phrase: str,
        options: Sequence[ProductView],
        member_pricing: bool,
        total: int | None = None,
    ) -> str:
        more = total is not None and total > len(options)
        return self.say(Msg.CHOOSE, phrase=phrase, more=more, shown=len(options),
                        count=total if more else len(options),
                        options=self._join(self._choices(options, member_pricing)))  # fmt: skip

    def choose_usual(
        self,
        phrase: str,
        options: Sequence[ProductView],
        member_pricing: bool,
        total: int | None = None,
    ) -> str:
        """Like :meth:`choose`, with the household's usual product first and said so."""
        parts = self._choices(options, member_pricing)
        count = total if total is not None and total > len(options) else len(options)
        return self.say(Msg.CHOOSE_USUAL, phrase=phrase, count=count, usual=parts[0],
                        more=len(parts) > 1, others=self._join(parts[1:]))  # fmt: skip

    def choose_again(self, count: int) -> str:
        return self.say(Msg.CHOOSE_AGAIN, count=count)

    def not_sold(self, phrase: str) -> str:
        return self.say(Msg.NOT_SOLD, phrase=phrase)

    def no_such_size(self, size: str) -> str:
        """A correction to a size (or to single pieces) no product of the line comes in."""
        kind = "single" if pieces_per_pack(size) == 1 else "size"
        return self.say(Msg.NO_SUCH_SIZE, kind=kind, size=size)

    def not_in_cart(self, phrase: str) -> str:
        return self.say(Msg.NOT_IN_CART, phrase=phrase)

    def added(self, entry: CartItem, count: int, quantity: int) -> str:
        return self.say(Msg.ADDED, **product(entry.product), quantity=quantity, count=count)

    def removed(self, product: ProductView, left: int) -> str:
        return self.say(
            Msg.REMOVED, **named(product.name, product.name_en), left=left, unit=product.unit
        )

    def cart(self, items: Sequence[CartItem], q: Quote) -> str:
        lines = [
            self.say(Msg.CART_LINE, **product(i.product), quantity=i.quantity, total=ln.line_total)
            for i, ln in zip(items, q.lines, strict=True)
        ]
        return self.say(Msg.CART, lines=self._join(lines), price=self.price_phrase(q))

    def confirm_checkout(self, q: Quote, notes: str = "") -> str:
        return self.say(
            Msg.CONFIRM_CHECKOUT, count=len(q.lines), price=self.price_phrase(q), notes=notes
        )

    def not_available(self, intent: str) -> str:
        return self.say(Msg.NOT_AVAILABLE, intent=str(intent))

    def confirm_reorder(self, last: OrderView, q: Quote, notes: str = "") -> str:
        return self.say(Msg.CONFIRM_REORDER, id=last.id, question=self.confirm_order(q, notes))

    def product_info(self, p: ProductView, count: int) -> str:
        return self.say(Msg.PRODUCT_INFO, **product(p), price=p.price,
                        cheaper=p.member_price < p.price, member_price=p.member_price,
                        rating=p.rating_tenths / 10, reviews=p.rating_count, stock=p.stock,
                        similar=max(count - 1, 0))  # fmt: skip

    def deals(
        self, products: Sequence[ProductView], member_pricing: bool, member: bool = False
    ) -> str:
        if not products:
            return self.say(Msg.NO_DEALS)
        parts = [
            self.say(Msg.DEAL, **product(p), price=p.price, member_price=p.member_price)
            for p in products
        ]
        lead = "member" if member_pricing else "card" if member else "join"
        return self.say(Msg.DEALS, lead=lead, deals=self._join(parts))

    def not_a_count(self, said: str) -> str:
        """A quantity that is not a whole count ("0.5개", "1e9"): refused as heard."""
        return self.say(Msg.NOT_A_COUNT, most=MAX_QUANTITY, said=said)

    def error(self, exc: JangbogiError) -> str:
        """The shop's refusal in this language."""
        return self.say.error(exc)

    # -- where an order goes; a question asked again ---------------------------------------

    def lines_phrase(self, lines: Sequence[Line]) -> str:
        """The first :attr:`MAX_NAMED` lines and how many more."""
        shown = self._join([self.item(ln) for ln in lines[: self.MAX_NAMED]])
        return self.say(Msg.LINES_PHRASE, named=shown, more=max(len(lines) - self.MAX_NAMED, 0))

    def place_phrase(self, kind: DeliveryKind, label: str | None) -> str:
        return self.say(Msg.PLACE_PHRASE, **placed_at(kind, label))

    def where_phrase(self, kind: DeliveryKind, label: str | None) -> str:
        return self.say(Msg.WHERE_PHRASE, **placed_at(kind, label))

    def repeat_order(self, q: Quote, place: str | None, needs_approval: bool = False) -> str:
        """An order question asked again after an unclear answer: what, how many, the total
        and where, so that the "yes" that follows is to something said."""
        what = self.lines_phrase(q.lines)
        return self.say(Msg.REPEAT_ORDER, what=what, lines=len(q.lines), price=self.price_phrase(q),
                        where=self.where_phrase(q.delivery, place),
                        approval=needs_approval)  # fmt: skip

    def repeat_cancel(self, order: OrderView) -> str:
        """A cancellation asked again: the order's lines, total and delivery."""
        what = self.lines_phrase(order.lines)
        return self.say(
            Msg.REPEAT_CANCEL, id=order.id, what=what, total=order.total, kind=order.delivery.value
        )

    def delivery_set(self, kind: DeliveryKind, label: str | None) -> str:
        """The household's default delivery changed."""
        return self.say(Msg.DELIVERY_SET, **placed_at(kind, label))

    # -- accounts, approvals, membership ---------------------------------------------------

    def purchase_notes(self, q: Quote, needs_approval: bool, place: str | None = None) -> str:
        """What to add before "shall I order?": where it goes, the member saving, approval."""
        return self.say(Msg.PURCHASE_NOTES, placed=bool(place), place=place or "",
                        savings=max(q.potential_savings, 0), card=q.membership_active,
                        approval=needs_approval)  # fmt: skip

    def receipt_sentence(self, r: Receipt, new: bool) -> str:
        """The e-receipt in one spoken sentence."""
        return self.say(Msg.RECEIPT_SENTENCE, new=new, id=r.order_id, what=self._summary(r.lines),
                        total=r.total, savings=r.member_savings, fee=r.delivery_fee,
                        paid=bool(r.payment_last4), last4=r.payment_last4 or "",
                        where=self.where_phrase(r.delivery, r.delivery_place))  # fmt: skip

    def waiting_approval(self, order: OrderView) -> str:
        return self._order(Msg.WAITING_APPROVAL, order)

    def duplicate(self, order: OrderView) -> str:
        return self._order(Msg.DUPLICATE, order)

    def status_sentence(self, order: OrderView, now: datetime, tz: str) -> str:
        """When it was ordered, what, and where it is now."""
        zone = ZoneInfo(tz)
        local = order.placed_at.astimezone(zone)
        days = (now.astimezone(zone).date() - local.date()).days
        return self.say(Msg.STATUS_SENTENCE, days=max(days, 0), month=local.month, day=local.day,
                        what=self.order_summary(order), id=order.id, total=order.total,
                        status=order.status.value)  # fmt: skip

    def cannot_cancel(self, order: OrderView) -> str:
        return self._order(Msg.CANNOT_CANCEL, order)

    def ask_approval(self, order: OrderView, reject: bool) -> str:
        return self._order(Msg.ASK_APPROVAL, order, reject=reject)

    def decided(self, order: OrderView) -> str:
        return self._order(Msg.DECIDED, order)

    def _account(self, msg: Msg, acc: AccountView) -> str:
        since = acc.membership_since
        return self.say(msg, member=acc.membership_active, free=acc.member_free_delivery,
                        threshold=acc.free_delivery_threshold, card=acc.payment_last4 is not None,
                        last4=acc.payment_last4 or "", since=since is not None,
                        year=since.year if since else 0, month=since.month if since else 0,
                        day=since.day if since else 0)  # fmt: skip

    def membership_info(self, acc: AccountView) -> str:
        return self._account(Msg.MEMBERSHIP_INFO, acc)

    def ask_join(self, acc: AccountView) -> str:
        return self._account(Msg.ASK_JOIN, acc)

    def joined(self, acc: AccountView) -> str:
        return self._account(Msg.JOINED, acc)

    def out_of_stock(self, problem: str, alternative_question: str | None) -> str:
        return self.say(
            Msg.OUT_OF_STOCK,
            problem=problem,
            alternative=alternative_question is not None,
            question=alternative_question or "",
        )

    def offer_for_cart(self, problem: str, p: ProductView, member_pricing: bool) -> str:
        price = p.member_price if member_pricing else p.price
        return self.say(Msg.OFFER_FOR_CART, problem=problem, **product(p), price=price)

    # -- the household's buying rhythm (assistant.shop.advisor) ----------------------------

    def confirm_items(self, q: Quote, notes: str = "") -> str:
        """A confirmation that names every line (suggestions of several products)."""
        return self.confirm_order(q, notes)

    def running_out(self, items: Sequence[DueItem], q: Quote, notes: str = "") -> str:
        """How long since each product was bought, and the confirmation of the order."""
        question = self.confirm_items(q, notes)
        due = [
            {**nouns(i.nouns), "days": i.due.days_since, "interval": i.due.interval} for i in items
        ]
        if len(items) == 1:
            return self.say(Msg.RUNNING_OUT_ONE, **due[0], question=question)
        parts = [self.say(Msg.RUNNING_OUT_ITEM, **d) for d in due]
        return self.say(Msg.RUNNING_OUT, items=self._join(parts), question=question)

    def nothing_due(self, coming: ComingUp | None) -> str:
        if coming is None:
            return self.NOTHING_KNOWN
        return self.say(Msg.NOTHING_DUE, **nouns(coming.nouns), days=coming.days)

    def every(self, schedule: Schedule) -> str:
        """Every day, every week, every 2 weeks, every month."""
        return self.say(Msg.EVERY, freq=schedule.freq, interval=schedule.interval)

    def subscription_offer(self, offer: SubscriptionOffer) -> str:
        s = offer.schedule
        return self.say(
            Msg.SUBSCRIPTION_OFFER, freq=s.freq, interval=s.interval, **nouns(offer.nouns)
        )

    def subscribe_phrase(self, offer: SubscriptionOffer) -> str:
        """What to say to create the subscription ("subscribe to milk every Monday")."""
        s, p = offer.schedule, offer.product
        return self.say(Msg.SUBSCRIBE_PHRASE, freq=s.freq, interval=s.interval, day=s.day,
                        weekday=s.weekdays[0] if s.weekdays else "mon", **product(p),
                        **nouns(offer.nouns), quantity=offer.rhythm.quantity)  # fmt: skip

    def confirm_usual(self, q: Quote, notes: str = "") -> str:
        return self.say(Msg.CONFIRM_USUAL, question=self.confirm_order(q, notes))

    def confirm_usual_basket(self, q: Quote, notes: str = "") -> str:
        return self.say(Msg.CONFIRM_USUAL_BASKET, question=self.confirm_items(q, notes))

    def never_bought(self, phrase: str) -> str:
        return self.say(Msg.NEVER_BOUGHT, phrase=phrase)

    # -- issue 14, basket: several items in one request, packs, corrections ----------------

    def choose_item(
        self,
        phrase: str,
        options: Sequence[ProductView],
        member_pricing: bool,
        total: int,
        usual: bool,
    ) -> str:
        """ "우유는 어떤 걸로 할까요? 1번 …": which one, for one item of a request of several."""
        parts = self._choices(options, member_pricing)
        return self.say(Msg.CHOOSE_ITEM, phrase=phrase, usual=usual, first=parts[0],
                        more=len(parts) > 1, others=self._join(parts[1:]),
                        options=self._join(parts),
                        hidden=max(total - len(options), 0))  # fmt: skip

    def delivery_this_order(self, kind: DeliveryKind, label: str | None) -> str:
        """A place said while a product is chosen: for this order only."""
        return self.say(Msg.DELIVERY_THIS_ORDER, **placed_at(kind, label))

    def pack_size(self, ln: BasketLine, per_pack: int) -> str:
        """ "햇반은 12개입 1박스 단위예요.": a count said in pieces of a product sold in packs."""
        p = ln.product
        return self.say(Msg.PACK_SIZE, phrase=ln.phrase, **product(p), size=p.size,
                        per_pack=per_pack, said=ln.said or 0, packs=ln.quantity)  # fmt: skip

    def which_line(self, lines: Sequence[BasketLine]) -> str:
        """A correction that does not say which of several lines it changes."""
        names = [self.say(Msg.ITEM, **product(ln.product), quantity=ln.quantity) for ln in lines]
        return self.say(Msg.WHICH_LINE, lines=self._join(names))

    def added_lines(self, lines: Sequence[BasketLine], count: int) -> str:
        """Several lines put in the cart, each named."""
        names = [self.say(Msg.ITEM, **product(ln.product), quantity=ln.quantity) for ln in lines]
        return self.say(Msg.ADDED_LINES, what=self._join(names), count=count)

    # -- references, receipts, order history, emptying the cart (issue 14) ----------------

    def confirm_again(self, earlier: OrderView, q: Quote, notes: str = "") -> str:
        """A second order of the same lines, asked for ("하나 더"): every line and the total."""
        return self.say(Msg.CONFIRM_AGAIN, id=earlier.id, question=self.confirm_items(q, notes))

    def _when(self, at: datetime, now: datetime, tz: str) -> dict[str, int]:
        """``ordered-when``'s values: days ago, month and day in the household's zone."""
        zone = ZoneInfo(tz)
        local = at.astimezone(zone)
        days = (now.astimezone(zone).date() - local.date()).days
        return {"days": max(days, 0), "month": local.month, "day": local.day}

    def receipt_spoken(self, r: Receipt, now: datetime, tz: str) -> str:
        """The e-receipt read out: the order number, when, its status, the lines, the total
        and how it was paid."""
        status = r.status.value
        if status in ("cancelled", "rejected"):
            payment = "none"
        else:  # a child's order is paid when an adult approves it
            paid = r.payment_last4 and status != "pending_approval"
            payment = "card" if paid else "waiting"
        return self.say(Msg.RECEIPT_SPOKEN, id=r.order_id, status=r.status.value,
                        what=self.lines_phrase(r.lines), total=r.total, savings=r.member_savings,
                        fee=r.delivery_fee, payment=payment, last4=r.payment_last4 or "",
                        **self._when(r.placed_at, now, tz))  # fmt: skip

    def order_history(self, orders: Sequence[OrderView], now: datetime, tz: str) -> str:
        """The latest orders, newest first: when, what, the number, total and status."""
        entries = [
            self.say(Msg.HISTORY_ENTRY, id=o.id, what=self.lines_phrase(o.lines), total=o.total,
                     status=o.status.value, **self._when(o.placed_at, now, tz))
            for o in orders
        ]  # fmt: skip
        return self.say(
            Msg.ORDER_HISTORY, count=len(orders), orders=self._join(entries, Msg.LIST_SEMICOLON)
        )

    def confirm_clear_cart(self, count: int) -> str:
        return self.say(Msg.CONFIRM_CLEAR_CART, count=count)

    def cart_cleared(self, count: int) -> str:
        return self.say(Msg.CART_CLEARED, count=count)

    def delivery_not_default(self, kind: DeliveryKind) -> str:
        """A delivery said while another question is open: the default stays as it is."""
        return self.say(Msg.DELIVERY_NOT_DEFAULT, kind=kind.value)
