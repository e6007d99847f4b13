"""Turn-taking: one conversation's state between utterances.

The dialog turns an utterance into a reply. It fills in what is missing,
asks which product when several match, and never spends money without an
explicit "yes" to a confirmation given in the same conversation, before the
confirmation expires. It holds no SQL: everything goes through
:class:`~assistant.shop.service.ShopService`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from types import ModuleType

from rapidfuzz import fuzz

from assistant import replies, replies_en
from assistant.dialog.purchase import SECRET, PendingJoin, PendingOrder, PendingPin
from assistant.dialog.subscriptions import (
    MANAGE,
    REORDER_PENDING,
    PendingOffer,
    PendingSchedule,
    PendingSubCancel,
    PendingSubChoice,
    PendingSubscribe,
    ReorderFlows,
)
from assistant.errors import DatabaseError, DatabaseLockedError, JangbogiError, OutOfStockError
from assistant.nlu.analysis import normal_form
from assistant.nlu.choice import normalise, parse_choice
from assistant.nlu.parser import MAX_UTTERANCE, load_parser
from assistant.nlu.schema import Intent, Schedule
from assistant.reorder.conversation import SubscriptionService
from assistant.shop.advisor import Advisor, DueItem
from assistant.shop.matching import ACCEPT_SCORE, to_key
from assistant.shop.orders import OrderView, check_quantity
from assistant.shop.service import ProductView, ShopService
from assistant.store.models import Channel, DeliveryKind

CONFIRM_TIMEOUT = timedelta(seconds=90)
"""A confirmation question older than this is no longer answered by "yes"."""
MAX_CHOICES = 5
"""At most this many products are read out for "which one?"."""
COMMANDS = frozenset(
    {"order", "add_to_cart", "remove_from_cart", "view_cart", "checkout", "order_status",
     "cancel_order", "help", "reorder", "product_info", "deals", "subscribe",
     "list_subscriptions", "cancel_subscription", "pause_subscription", "skip_subscription",
     "resume_subscription",
     "membership", "set_delivery", "approval", "suggest"}
)  # fmt: skip
"""Intents that start something new even while a question is pending."""
USUAL_WORDS = re.compile(r"늘|평소|항상|매번|맨날|자주|usual|always|normally|regular")
""""늘 사던 우유": the household's usual one, not just any."""
NOT_THAT = re.compile(r"말고|아니|빼고|다른|other|not|instead|different")
""""늘 사던 거 말고": anything but the usual one."""


@dataclass(frozen=True)
class Reply:
    """What the assistant answers to one utterance."""

    text: str
    """One line to print or speak."""
    intent: Intent
    """How the utterance was understood."""
    end: bool = False
    """The user ended the conversation."""
    secret: bool = False
    """The utterance was a PIN: never show, log or record it (``intent.text`` is masked)."""


@dataclass(frozen=True)
class PendingCancel:
    """A cancellation waiting for "yes"."""

    order: OrderView
    """The order to cancel, as the question named it."""
    expires_at: datetime
    """After this a "yes" no longer counts."""


@dataclass(frozen=True)
class PendingChoice:
    """Several products matched; waiting for the user to pick one."""

    action: str
    """The intent to continue with."""
    options: tuple[ProductView, ...]
    """The products offered, in the order they were read out."""
    quantity: int | None
    """Quantity from the original request."""
    expires_at: datetime
    """After this the question is dropped."""
    delivery: DeliveryKind | None = None
    """Where the order goes, when the request said so ("사물함으로 주문해 줘")."""
    usual: bool = False
    """The first option is the household's usual one ("응" picks it)."""
    schedule: Schedule | None = None
    """For a subscription: when it repeats, if the request said so."""


Pending = (
    PendingOrder | PendingCancel | PendingChoice | PendingPin | PendingJoin | PendingOffer
    | PendingSubscribe | PendingSchedule | PendingSubChoice | PendingSubCancel
)  # fmt: skip


@dataclass
class Dialog(ReorderFlows):
    """One conversation with one member."""

    shop: ShopService
    channel: Channel = Channel.TEXT
    parser: Callable[[str], Intent] = field(default_factory=lambda: load_parser().parse)
    timeout: timedelta = CONFIRM_TIMEOUT
    pending: Pending | None = field(default=None, init=False)
    r: ModuleType = field(default=replies, init=False)
    """The reply texts in the language of the last utterance."""
    advisor: Advisor | None = None
    """Suggestions from the household's buying rhythm (built from ``shop`` when None)."""
    subs: SubscriptionService | None = None
    """The household's subscriptions (built from ``shop`` when None)."""

    @property
    def _advisor(self) -> Advisor:
        if self.advisor is None:
            self.advisor = Advisor(self.shop)
        return self.advisor

    def handle(self, text: str, now: datetime) -> Reply:
        """Answer one utterance; errors become replies and change nothing."""
        if not normalise(text):
            return Reply(self.r.EMPTY, Intent(text, "ko", "none", 0.0))
        if len(text) > MAX_UTTERANCE:
            return Reply(self.r.TOO_LONG, Intent(text, "ko", "none", 0.0))
        pin = self.pin_expected(text)
        if pin is not None:  # never parsed, shown or kept
            lang = "en" if self.r is replies_en else "ko"
            answer, _ = self._guarded(lambda: (self._answer_pin(pin, now), False))
            return Reply(answer, Intent(SECRET, lang, "none", 1.0), secret=True)
        intent = self.parser(text)
        if re.search(r"[가-힣A-Za-z]", normal_form(text)):  # "1" or "2번" keeps the language
            self.r = replies_en if intent.lang == "en" else replies
        prefix = ""
        if self.pending is not None and now > self.pending.expires_at:
            if not isinstance(self.pending, PendingOffer):  # an unanswered offer just lapses
                prefix = self.r.EXPIRED + " "
            self._drop_pending()
        answer, end = self._guarded(lambda: self._answer(intent, now))
        return Reply(prefix + answer, intent, end)

    def _guarded(self, step: Callable[[], tuple[str, bool]]) -> tuple[str, bool]:
        """Run one step; the shop's refusals and database trouble become replies."""
        try:
            return step()
        except DatabaseLockedError:
            return self.r.DATABASE_BUSY, False
        except DatabaseError:
            return self.r.DATABASE_UNAVAILABLE, False
        except JangbogiError as exc:
            return self.r.error(exc), False

    # -- routing -------------------------------------------------------------

    def _answer(self, intent: Intent, now: datetime) -> tuple[str, bool]:
        if intent.name == "stop":
            self._drop_pending()
            return self.r.BYE, True
        pending = self.pending
        if isinstance(pending, PendingChoice) and (
            intent.name not in COMMANDS
            or (pending.usual and intent.name == "reorder" and not intent.slots.product)
        ):
            return self._answer_choice(pending, intent, now), False
        redeliver = intent.name == "set_delivery" and intent.slots.delivery is not None
        if isinstance(pending, PendingOrder) and redeliver:
            return self._redeliver(pending, intent, now), False
        if isinstance(pending, PendingPin) and intent.name not in COMMANDS:
            return self._pin_not_given(pending, intent), False
        if isinstance(pending, PendingOffer):
            if intent.name not in COMMANDS:  # yes, no, or unclear
                return self._answer_offer(pending, intent, now), False
            self._advisor.declined.add(pending.offer.product.id)  # a new request: not now
        if isinstance(pending, REORDER_PENDING):
            answer = self._answer_reorder(pending, intent, now, COMMANDS)
            if answer is not None:
                return answer, False
        if isinstance(pending, PendingOrder | PendingCancel | PendingJoin):
            if intent.name == "confirm":
                self.pending = None
                return self._execute(pending, now), False
            if intent.name == "deny":
                self._drop_pending()
                return self._declined(pending), False
            if intent.name not in COMMANDS:
                return self.r.ASK_YES_NO + " " + self._repeat_question(pending), False
        self._drop_pending()
        return self._command(intent, now), False

    def _declined(self, pending: PendingOrder | PendingCancel | PendingJoin) -> str:
        if isinstance(pending, PendingCancel):
            return self.r.NOT_CANCELLED
        return self.r.NOT_JOINED if isinstance(pending, PendingJoin) else self.r.NOT_ORDERED

    def _command(self, intent: Intent, now: datetime) -> str:
        slots = intent.slots
        if slots.not_a_count is not None:  # "0.5개", "1e9개": refused as heard, never rounded
            return self.r.not_a_count(slots.not_a_count)
        match intent.name:
            case "order" | "add_to_cart":
                if slots.quantity is not None:
                    check_quantity(slots.quantity)
                if not slots.product:
                    return self.r.ASK_PRODUCT
                delivery = DeliveryKind(slots.delivery) if slots.delivery else None
                return self._with_product(
                    intent.name, slots.product, slots.quantity, slots.unit, now, delivery
                )
            case "remove_from_cart":
                return self._remove(slots.product, slots.quantity, now)
            case "view_cart":
                items = self.shop.cart()
                if not items:
                    return self.r.EMPTY_CART
                return self.r.cart(items, self.shop.quote_cart())
            case "checkout":
                items = self.shop.cart()
                if not items:
                    return self.r.EMPTY_CART
                wanted = tuple((i.product.id, i.quantity) for i in items)
                return self._ask_purchase(wanted, now, checkout=True)
            case "order_status":
                return self._status(slots.product, now)
            case "cancel_order":
                return self._cancel(slots.product, now)
            case "membership":
                return self._membership(intent, now)
            case "set_delivery":
                return self._set_delivery(intent)
            case "approval":
                return self._approval(intent, now)
            case "confirm":
                return self.r.NOTHING_TO_CONFIRM
            case "deny":
                return self.r.NOT_ORDERED
            case "reorder":
                return self._reorder(intent, now)
            case "suggest":
                return self._suggest(now)
            case "subscribe":
                return self._subscribe(intent, now)
            case "list_subscriptions":
                return self._list_subscriptions()
            case name if name in MANAGE:
                return self._manage(intent, now)
            case "product_info":
                return self._product_info(slots.product, now)
            case "deals":
                account = self.shop.account()
                return self.r.deals(
                    self.shop.deals(), account.member_pricing, account.membership_active
                )
            case "help":
                return self.r.HELP
            case "none":
                return self.r.NOT_SHOPPING
            case _:
                return self.r.not_available(intent.name)

    # -- products ------------------------------------------------------------

    def _with_product(
        self,
        action: str,
        phrase: str,
        quantity: int | None,
        unit: str | None,
        now: datetime,
        delivery: DeliveryKind | None = None,
        schedule: Schedule | None = None,
    ) -> str:
        options = self.shop.find_products(phrase)
        if not options:
            return self.r.not_sold(phrase)
        if unit is not None and any(p.unit == unit for p in options):
            # "계란 한 판" means the 30-egg trays, not the 10-egg packs
            options = [p for p in options if p.unit == unit]
        if len(options) > 1:
            # the household's usual one first, then in stock and best rated
            options, usual = self._usual_first(options, now)
            shown = tuple(options[:MAX_CHOICES])
            self.pending = PendingChoice(
                action, shown, quantity, now + self.timeout, delivery, usual, schedule
            )
            choose = self.r.choose_usual if usual else self.r.choose
            return choose(phrase, shown, self.shop.member_pricing(), len(options))
        return self._act(action, options[0], quantity, now, delivery, schedule)

    def _usual_first(
        self, options: list[ProductView], now: datetime
    ) -> tuple[list[ProductView], bool]:
        """Options ordered for offering: the usual product, then in stock and best rated."""
        options = sorted(options, key=lambda p: (p.stock == 0, -p.rating_tenths, -p.rating_count))
        usual = self._advisor.usual_among(options, now)
        if usual is None:
            return options, False
        return [usual.product, *(p for p in options if p.id != usual.product.id)], True

    def _act(
        self,
        action: str,
        product: ProductView,
        quantity: int | None,
        now: datetime,
        delivery: DeliveryKind | None = None,
        schedule: Schedule | None = None,
    ) -> str:
        if action == "subscribe":
            return self._ask_subscribe(product, quantity, schedule, now)
        count = quantity if quantity is not None else 1
        if action == "remove_from_cart":
            left = self.shop.remove_from_cart(product.id, quantity, now)
            return self.r.removed(product, left)
        try:
            if action == "add_to_cart":
                entry = self.shop.add_to_cart(product.id, count, now)
                return self.r.added(entry, len(self.shop.cart()), count)
            return self._ask_purchase(((product.id, count),), now, delivery=delivery)
        except OutOfStockError as exc:
            return self._offer_alternative(action, product, count, exc, now, delivery)

    def _answer_choice(self, pending: PendingChoice, intent: Intent, now: datetime) -> str:
        if intent.name == "deny":
            self.pending = None
            return self.r.NOT_ORDERED
        if intent.name == "confirm" and len(pending.options) == 1:  # "대신 X를 담을까요?" "응"
            self.pending = None
            return self._act(pending.action, pending.options[0], pending.quantity, now,
                             pending.delivery, pending.schedule)  # fmt: skip
        picked = self._pick(pending.options, intent.text)
        if (
            not picked
            and pending.usual
            and (intent.name in {"confirm", "reorder"} or USUAL_WORDS.search(intent.text))
            and not NOT_THAT.search(intent.text)
        ):  # "응", "늘 사던 걸로"
            picked = pending.options[:1]
        if not picked:
            return self.r.choose_again(len(pending.options))
        if len(picked) > 1:
            self.pending = replace(pending, options=picked, expires_at=now + self.timeout,
                                   usual=False)  # fmt: skip
            return self.r.choose(normalise(intent.text), picked, self.shop.member_pricing())
        self.pending = None
        return self._act(pending.action, picked[0], pending.quantity, now, pending.delivery,
                         pending.schedule)  # fmt: skip

    @staticmethod
    def _pick(options: tuple[ProductView, ...], text: str) -> tuple[ProductView, ...]:
        """The options an answer points at: one, several (a brand with two sizes), or none."""
        number = parse_choice(text)
        if number is not None:
            return (options[number - 1],) if 1 <= number <= len(options) else ()
        key = to_key(normalise(text))
        if not key:
            return ()

        def score(p: ProductView) -> float:
            name = to_key(p.name)
            partial = fuzz.partial_ratio(key, name) if len(key) >= 6 else 0.0
            return max(fuzz.ratio(key, name), fuzz.ratio(key, to_key(p.brand)), partial)

        scores = [score(p) for p in options]
        best = max(scores)
        if best < ACCEPT_SCORE:
            return ()
        return tuple(p for p, s in zip(options, scores, strict=True) if s == best)

    def _remove(self, phrase: str | None, quantity: int | None, now: datetime) -> str:
        items = self.shop.cart()
        if not items:
            return self.r.EMPTY_CART
        if not phrase:
            return self.r.ASK_PRODUCT
        in_cart = tuple(i.product for i in items)
        picked = self._pick(in_cart, phrase)
        if not picked:
            matches = {p.id for p in self.shop.find_products(phrase)}
            picked = tuple(p for p in in_cart if p.id in matches)
        if not picked:
            return self.r.not_in_cart(phrase)
        if len(picked) > 1:
            self.pending = PendingChoice("remove_from_cart", picked, quantity, now + self.timeout)
            return self.r.choose(phrase, picked, self.shop.member_pricing())
        return self._act("remove_from_cart", picked[0], quantity, now)

    def _reorder(self, intent: Intent, now: datetime) -> str:
        """With a product ("늘 사던 우유", "우유 다시 주문해 줘"): the usual one of it; "늘 사던
        걸로": the usual basket; "지난번에 산 거": the last order that was not cancelled."""
        slots, prefix = intent.slots, ""
        if slots.product:
            return self._reorder_product(slots.product, slots.quantity, slots.unit, now)
        if USUAL_WORDS.search(intent.text):
            usual = self._advisor.usual_basket(now)
            if usual:
                wanted = tuple((u.product.id, u.quantity) for u in usual)
                return self._ask_purchase(wanted, now, ask=self.r.confirm_usual_basket)
            prefix = self.r.NO_USUAL_YET + " "
        last = self.shop.last_order(counted_only=True)
        if last is None:
            return prefix + self.r.NO_ORDERS
        wanted = tuple((line.product_id, line.quantity) for line in last.lines)
        return prefix + self._ask_purchase(wanted, now, reorder_of=last)

    def _reorder_product(
        self, phrase: str, quantity: int | None, unit: str | None, now: datetime
    ) -> str:
        if quantity is not None:
            check_quantity(quantity)
        options = self.shop.find_products(phrase)
        if unit is not None and any(p.unit == unit for p in options):
            options = [p for p in options if p.unit == unit]
        usual = self._advisor.usual_among(options, now) if options else None
        if usual is None:  # never bought: the ordinary "which one?"
            lead = self.r.never_bought(phrase) + " " if options else ""
            return lead + self._with_product("order", phrase, quantity, unit, now)
        wanted = ((usual.product.id, quantity or usual.quantity),)
        return self._ask_purchase(wanted, now, ask=self.r.confirm_usual)

    # -- suggestions from the buying rhythm ----------------------------------

    def opening(self, now: datetime) -> str | None:
        """When a conversation starts or the assistant wakes: the unread notifications (each
        told once), then what is probably running out (at most once a day; a "yes" orders
        it as usual); None when there is nothing to say."""
        if self.pending is not None:
            return None
        told = self._notifications(now)
        suggestion = ""
        try:
            items = self._advisor.opening(now)
            suggestion = self._offer_due(items, now) if items else ""
        except JangbogiError:
            pass
        return " ".join(t for t in (told, suggestion) if t) or None

    def _suggest(self, now: datetime) -> str:
        items = self._advisor.running_out(now)
        if not items:
            return self.r.nothing_due(self._advisor.coming_up(now))
        return self._offer_due(items, now)

    def _offer_due(self, items: list[DueItem], now: datetime) -> str:
        wanted = tuple((i.product.id, i.due.rhythm.quantity) for i in items)
        return self._ask_purchase(
            wanted, now, ask=lambda q, notes: self.r.running_out(items, q, notes)
        )

    def _product_info(self, phrase: str | None, now: datetime) -> str:
        if not phrase:
            return self.r.ASK_PRODUCT
        options = self.shop.find_products(phrase)
        if not options:
            return self.r.not_sold(phrase)
        options, _usual = self._usual_first(options, now)
        return self.r.product_info(options[0], len(options))

    # -- confirmations -------------------------------------------------------

    def _execute(self, pending: PendingOrder | PendingCancel | PendingJoin, now: datetime) -> str:
        if isinstance(pending, PendingCancel):
            return self.r.cancelled(self.shop.cancel(pending.order.id, now))
        if isinstance(pending, PendingJoin):
            return self._join(now)
        return self._confirmed(pending, now)

    def _repeat_question(self, pending: PendingOrder | PendingCancel | PendingJoin) -> str:
        """The open question again, naming what a "yes" would do (never a bare "주문할까요?")."""
        if isinstance(pending, PendingJoin):
            return self.r.ask_join(self.shop.account())
        if isinstance(pending, PendingCancel):
            return self.r.repeat_cancel(pending.order)
        return self._repeat_order(pending)
