"""Finding the product a request means: "which one?" when several match (the household's
usual one first), what a product is, and the deals."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import datetime

from rapidfuzz import fuzz

from assistant.dialog.pending import Basket, BasketLine, Done, PendingChoice, Pick
from assistant.dialog.phrases import Phrases
from assistant.dialog.session import Flow, interrupts
from assistant.nlu.choice import normalise, parse_choice
from assistant.nlu.intents import IntentName
from assistant.nlu.schema import Intent, Item
from assistant.shop.advisor import Advisor
from assistant.shop.matching import ACCEPT_SCORE, to_key
from assistant.shop.orders import check_quantity
from assistant.shop.service import ProductView
from assistant.shop.sizes import count_fits, pieces_per_pack, same_size
from assistant.shop.sizes import packs_for as packs_of
from assistant.store.models import DeliveryKind

MAX_CHOICES = 5
"""At most this many products are read out for "which one?"."""
USUAL_WORDS = re.compile(r"늘|평소|항상|매번|맨날|자주|usual|always|normally|regular")
""""늘 사던 우유": the household's usual one, not just any."""
NOT_THAT = re.compile(r"말고|아니|빼고|다른|other|not|instead|different")
""""늘 사던 거 말고": anything but the usual one."""
DEFAULT_WORDS = re.compile(r"앞으로|기본|항상|매번|늘|from now on|always|default", re.I)
""""앞으로 사물함으로 보내 줘": a delivery said for every order, not just this one."""
ANY_COUNT = frozenset({"개", "piece", "pieces"})
"""Counting words that count anything ("라면 두 개"): they do not narrow the products."""


def per_pack(product: ProductView) -> int | None:
    """Pieces in one of the product's packs ("12개입" box: 12); None for a size that is not a
    count of pieces (1L, 10kg)."""
    return pieces_per_pack(product.size)


def packs_for(product: ProductView, quantity: int, unit: str | None) -> int | None:
    """The packs that hold ``quantity`` pieces when the count was said in pieces of a product
    sold in packs of several ("햇반 3개" on a 12-pack box: 1); None when the count is the
    product's own ("햇반 3박스", "햇반 3", "우유 3개" of cartons): :mod:`assistant.shop.sizes`."""
    if count_fits(unit, product):
        return None
    return packs_of(quantity, product.size)


def pack_notes(r: Phrases, lines: tuple[BasketLine, ...]) -> list[str]:
    """ "햇반은 12개입 1박스 단위예요." for each line whose count was said in pieces."""
    return [r.pack_size(ln, per_pack(ln.product) or 1) for ln in lines if ln.said is not None]


def basket_line(item: Item, product: ProductView) -> BasketLine:
    """The line an item makes with its product: a count said in pieces of a pack becomes the
    packs that hold it, and the question will say so."""
    count = item.quantity if item.quantity is not None else 1
    packs = packs_for(product, count, item.unit)
    if packs is None or (item.size is not None and same_size(item.size, product.size)):
        # "바나나우유 4개입 두 개": the pack was named, so the count counts packs
        return BasketLine(item.product or product.name, product, count)
    return BasketLine(item.product or product.name, product, packs, said=count)


def _named_with(p: ProductView, number: int) -> bool:
    """The number is part of the product's name ("2080 Toothpaste", "아이시스8.0")."""
    return str(number) in f"{p.name} {p.name_en}"


def pick(options: tuple[ProductView, ...], text: str) -> tuple[ProductView, ...]:
    """The options an answer points at: one, several (a brand with two sizes), or none."""
    number = parse_choice(text)
    if number is not None:
        return (options[number - 1],) if 1 <= number <= len(options) else ()
    key = to_key(normalise(text))
    if not key:
        return ()

    def score(p: ProductView) -> float:
        names = (to_key(p.name), to_key(p.name_en))  # "풀무원 특란", "Pulmuone eggs"
        # a name said whole beats a name it is part of ("Seoul Milk Fresh Milk" is not the
        # "... Family Size"): the partial score stays below an exact one
        partial = 0.99 * max(fuzz.partial_ratio(key, n) for n in names) if len(key) >= 6 else 0.0
        brand = to_key(p.name_en.split()[0]) if p.name_en else ""
        return max(*(fuzz.ratio(key, n) for n in names), fuzz.ratio(key, to_key(p.brand)),
                   fuzz.ratio(key, brand), partial)  # fmt: skip

    scores = [score(p) for p in options]
    best = max(scores)
    if best < ACCEPT_SCORE:
        return ()
    return tuple(p for p, s in zip(options, scores, strict=True) if s == best)


@dataclass
class ProductFlow(Flow):
    """The product a phrase means, asked about when it is not clear."""

    advisor: Advisor

    def requested(self, intent: Intent, now: datetime, then: Pick) -> str:
        """A request for a product ("우유 두 개 ..."): its quantity checked, "which product?"
        when it names none, else :meth:`choose` and ``then``."""
        slots = intent.slots
        if slots.quantity is not None:
            check_quantity(slots.quantity)
        if not slots.product:
            return self.r.ASK_PRODUCT
        return self.choose(slots.product, slots.quantity, slots.unit, now, then, size=slots.size)

    def choose(
        self,
        phrase: str,
        quantity: int | None,
        unit: str | None,
        now: datetime,
        then: Pick,
        *,
        size: str | None = None,
    ) -> str:
        """Find the product and go on with ``then``, or ask which one."""
        return self.offer(self.options(phrase, unit, size), phrase, quantity, now, then)

    def offer(
        self, options: list[ProductView], phrase: str, quantity: int | None, now: datetime,
        then: Pick,
    ) -> str:  # fmt: skip
        """Go on with ``then`` when ``options`` (a phrase's :meth:`options`) is one product,
        ask which one when several, say it is not sold when none."""
        if not options:
            return self.r.not_sold(phrase)
        if len(options) > 1:
            # the household's usual one first, then in stock and best rated
            options, usual = self.usual_first(options, now)
            shown = tuple(options[:MAX_CHOICES])
            self.session.pending = PendingChoice(
                shown, quantity, then, usual, phrase=phrase, expires_at=self.session.until(now)
            )
            return self._choice_question(phrase, shown, usual, 1, len(options))
        return then(options[0], quantity, now)

    def options(self, phrase: str, unit: str | None, size: str | None) -> list[ProductView]:
        """The products a phrase may mean, narrowed by the size and the counting word said."""
        options = self.shop.find_products(phrase, size=size)
        if unit not in ANY_COUNT and any(p.unit == unit for p in options):
            # "계란 한 판" means the 30-egg trays, not the 10-egg packs; "개" counts anything
            # ("라면 두 개" may be two packs as well as two cups)
            options = [p for p in options if p.unit == unit]
        if any(p.stock > 0 for p in options):
            # "삼겹살" is a choice among what can be bought; a sold-out product is offered
            # only when it is all the phrase names (and then with what replaces it)
            options = [p for p in options if p.stock > 0]
        return options

    # -- a request of several items: one basket, "which one?" item by item -------------

    def basket_requested(
        self, intent: Intent, now: datetime, done: Done, delivery: DeliveryKind | None = None
    ) -> str:
        """A request of one or more items ("우유랑 계란 한 판 ..."): each item's product found
        (asked about in turn when several match), then ``done`` with the basket."""
        items = intent.slots.lines
        if not items:
            return self.r.ASK_PRODUCT
        for item in items:
            if item.quantity is not None:
                check_quantity(item.quantity)
        basket = Basket(todo=items, of=len(items), delivery=delivery, request=intent.name)
        return self.resolve(basket, done, now)

    def resolve(self, basket: Basket, done: Done, now: datetime) -> str:
        """Find the product of each item left in ``basket`` in order; ask "which one?" at the
        first that several products match, else go on with ``done``. An item not sold is
        said and left out; nothing sold at all is only said."""
        said: list[str] = []
        while basket.todo:
            entry, rest = basket.todo[0], basket.todo[1:]
            if isinstance(entry, BasketLine):
                basket = replace(basket, lines=(*basket.lines, entry), todo=rest)
                continue
            phrase = entry.product or ""
            options = self.options(phrase, entry.unit, entry.size) if phrase else []
            if not options:
                said.append(self.r.not_sold(phrase))
                basket = replace(basket, missing=(*basket.missing, phrase), todo=rest)
                continue
            if len(options) > 1:
                asking = replace(basket, current=entry, todo=rest)
                said.append(self._ask_item(asking, options, done, now))
                return " ".join(said)
            line = basket_line(entry, options[0])
            basket = replace(basket, lines=(*basket.lines, line), todo=rest)
        if basket.lines:
            said.append(done(replace(basket, current=None), now))
        return " ".join(said)

    def _ask_item(
        self, basket: Basket, options: list[ProductView], done: Done, now: datetime
    ) -> str:
        """ "Which one?" about ``basket.current``."""
        item = basket.current
        assert item is not None
        options, usual = self.usual_first(options, now)
        shown = tuple(options[:MAX_CHOICES])
        phrase = item.product or ""
        self.session.pending = PendingChoice(
            shown, item.quantity, self._then(basket, done), usual, phrase=phrase,
            basket=basket, done=done, total=len(options), expires_at=self.session.until(now),
        )  # fmt: skip
        return self._choice_question(phrase, shown, usual, basket.of, len(options))

    def _choice_question(
        self, phrase: str, shown: tuple[ProductView, ...], usual: bool, of: int, total: int
    ) -> str:
        member = self.shop.member_pricing()
        if of > 1:  # "우유는 어떤 걸로 할까요?": which item of the request
            return self.r.choose_item(phrase, shown, member, total, usual)
        choose = self.r.choose_usual if usual else self.r.choose
        return choose(phrase, shown, member, total)

    def _then(self, basket: Basket, done: Done) -> Pick:
        """The basket going on once its current item's product is picked."""

        def picked(product: ProductView, quantity: int | None, now: datetime) -> str:
            item = basket.current or Item(product.name)
            line = basket_line(replace(item, quantity=quantity), product)
            return self.resolve(
                replace(basket, lines=(*basket.lines, line), current=None), done, now
            )

        return picked

    def usual_first(
        self, options: list[ProductView], now: datetime
    ) -> tuple[list[ProductView], bool]:
        """Options ordered for offering: the usual product, then in stock and best rated."""
        options = sorted(options, key=lambda p: (p.stock == 0, -p.rating_tenths, -p.rating_count))
        usual = self.advisor.usual_among(options, now)
        if usual is None:
            return options, False
        return [usual.product, *(p for p in options if p.id != usual.product.id)], True

    def answer(self, pending: PendingChoice, intent: Intent, now: datetime) -> str | None:
        """The answer to "which one?"; None when the utterance starts something new."""
        slots = intent.slots
        if intent.name == IntentName.SET_DELIVERY and slots.delivery is not None:
            if pending.basket is None or pending.done is None:
                return None  # a choice for the cart or a subscription: a request of its own
            return self._deliver_to(pending, intent, now)
        picked: tuple[ProductView, ...] = ()
        quantity = pending.quantity
        usual_again = pending.usual and intent.name == IntentName.REORDER
        if interrupts(intent) and not (usual_again and not slots.product):
            # "서울우유 흰우유 1L로 주문해 줘" names one of the options: the answer; any
            # other request replaces the question
            asked = pending.basket.request if pending.basket is not None else IntentName.ORDER
            if intent.name not in (IntentName.ORDER, asked) or len(slots.lines) != 1:
                return None
            picked = self._named(pending, intent)
            if not picked:
                return None
            said = slots.quantity
            if said is not None and not any(_named_with(p, said) for p in picked):
                quantity = said  # "서울우유 흰우유 1L 세 개요"; not the 2080 of "2080 치약"
        if intent.name == IntentName.DENY:
            self.session.pending = None
            return self.r.NOT_ORDERED
        if intent.name == IntentName.CHANGE and slots.quantity is not None and not picked:
            check_quantity(slots.quantity)  # "두 개로": kept for the product still to pick
            pending = replace(pending, quantity=slots.quantity)
            quantity = slots.quantity
            self.session.pending = pending
        if intent.name == IntentName.CONFIRM and len(pending.options) == 1:
            self.session.pending = None  # "대신 X를 담을까요?" "응"
            return pending.then(pending.options[0], quantity, now)
        if not picked:
            picked = self._named(pending, intent)
        yes_usual = intent.name in (IntentName.CONFIRM, IntentName.REORDER)
        if (
            not picked
            and pending.usual
            and (yes_usual or USUAL_WORDS.search(intent.text))
            and not NOT_THAT.search(intent.text)
        ):  # "응", "늘 사던 걸로"
            picked = pending.options[:1]
        if not picked and intent.name == IntentName.CHANGE and slots.product:
            return self._another_product(pending, intent, now)  # "아니 매일우유로"
        if not picked:
            return self.r.choose_again(len(pending.options))
        if len(picked) > 1:
            self.session.pending = replace(
                pending, options=picked, quantity=quantity, usual=False,
                expires_at=self.session.until(now),
            )  # fmt: skip
            return self.r.choose(normalise(intent.text), picked, self.shop.member_pricing())
        self.session.pending = None
        return pending.then(picked[0], quantity, now)

    def _another_product(self, pending: PendingChoice, intent: Intent, now: datetime) -> str:
        """A product correction while "which one?" is open: the item is looked for again
        with the new words (a choice outside an order or the cart asks again)."""
        basket, done = pending.basket, pending.done
        if basket is None or done is None or basket.current is None:
            return self.r.choose_again(len(pending.options))
        slots = intent.slots
        item = replace(basket.current, product=slots.product, size=slots.size)
        if slots.quantity is not None:
            item = replace(item, quantity=slots.quantity, unit=slots.unit)
        self.session.pending = None
        again = replace(basket, current=None, todo=(item, *basket.todo))
        return self.resolve(again, done, now)

    def _named(self, pending: PendingChoice, intent: Intent) -> tuple[ProductView, ...]:
        """The options an answer names: by number or name in the words said, else by the
        product phrase the parser found (and its size)."""
        picked = pick(pending.options, intent.text)
        slots = intent.slots
        if not picked and slots.size and not slots.product:  # "the 750 ml one"
            return tuple(p for p in pending.options if same_size(slots.size, p.size))
        if picked or not slots.product:
            return picked
        picked = pick(pending.options, " ".join(w for w in (slots.product, slots.size) if w))
        if picked or slots.size is None:
            return picked
        return pick(pending.options, slots.product)

    def _deliver_to(self, pending: PendingChoice, intent: Intent, now: datetime) -> str:
        """ "택배함으로 받을래" while "which one?" is open: this order goes there (the household's
        default changes only when the words say so), and the question stays."""
        assert pending.basket is not None and pending.done is not None
        kind = DeliveryKind(intent.slots.delivery or "home")
        place = self.shop.account().place(kind)
        if DEFAULT_WORDS.search(intent.text):
            self.shop.set_default_delivery(kind)
            lead = self.r.delivery_set(kind, place)
        else:
            lead = self.r.delivery_this_order(kind, place)
        basket = replace(pending.basket, delivery=kind)
        self.session.pending = replace(
            pending, basket=basket, then=self._then(basket, pending.done),
            expires_at=self.session.until(now),
        )  # fmt: skip
        question = self._choice_question(
            pending.phrase,
            pending.options,
            pending.usual,
            basket.of,
            max(pending.total, len(pending.options)),
        )
        return f"{lead} {question}"

    def info(self, intent: Intent, now: datetime) -> str:
        """What a product is: price, rating, stock (the likeliest one of a phrase)."""
        phrase = intent.slots.product
        if not phrase:
            return self.r.ASK_PRODUCT
        options = self.shop.find_products(phrase)
        if not options:
            return self.r.not_sold(phrase)
        options, _usual = self.usual_first(options, now)
        return self.r.product_info(options[0], len(options))

    def deals(self, intent: Intent, now: datetime) -> str:
        """The products on sale now."""
        account = self.shop.account()
        return self.r.deals(self.shop.deals(), account.member_pricing, account.membership_active)
