"""Finding the product a request means: "which one?" when several match (the household's
usual one first), what a product is, and the deals."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import datetime

from rapidfuzz import fuzz

from assistant.dialog.pending import PendingChoice, Pick
from assistant.dialog.session import Flow, interrupts
from assistant.nlu.choice import normalise, parse_choice
from assistant.nlu.intents import IntentName
from assistant.nlu.schema import Intent
from assistant.shop.advisor import Advisor
from assistant.shop.matching import ACCEPT_SCORE, to_key
from assistant.shop.orders import check_quantity
from assistant.shop.service import ProductView

MAX_CHOICES = 5
"""At most this many products are read out for "which one?"."""
USUAL_WORDS = re.compile(r"늘|평소|항상|매번|맨날|자주|usual|always|normally|regular")
""""늘 사던 우유": the household's usual one, not just any."""
NOT_THAT = re.compile(r"말고|아니|빼고|다른|other|not|instead|different")
""""늘 사던 거 말고": anything but the usual one."""


def pick(options: tuple[ProductView, ...], text: str) -> tuple[ProductView, ...]:
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
        return self.choose(slots.product, slots.quantity, slots.unit, now, then)

    def choose(
        self, phrase: str, quantity: int | None, unit: str | None, now: datetime, then: Pick
    ) -> str:
        """Find the product and go on with ``then``, or ask which one."""
        options = self.shop.find_products(phrase)
        if not options:
            return self.r.not_sold(phrase)
        if unit is not None and any(p.unit == unit for p in options):
            # "계란 한 판" means the 30-egg trays, not the 10-egg packs
            options = [p for p in options if p.unit == unit]
        if len(options) > 1:
            # the household's usual one first, then in stock and best rated
            options, usual = self.usual_first(options, now)
            shown = tuple(options[:MAX_CHOICES])
            self.session.pending = PendingChoice(
                shown, quantity, then, usual, expires_at=self.session.until(now)
            )
            choose = self.r.choose_usual if usual else self.r.choose
            return choose(phrase, shown, self.shop.member_pricing(), len(options))
        return then(options[0], quantity, now)

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
        usual_again = pending.usual and intent.name == IntentName.REORDER
        if interrupts(intent) and not (usual_again and not intent.slots.product):
            return None
        if intent.name == IntentName.DENY:
            self.session.pending = None
            return self.r.NOT_ORDERED
        if intent.name == IntentName.CONFIRM and len(pending.options) == 1:
            self.session.pending = None  # "대신 X를 담을까요?" "응"
            return pending.then(pending.options[0], pending.quantity, now)
        picked = pick(pending.options, intent.text)
        yes_usual = intent.name in (IntentName.CONFIRM, IntentName.REORDER)
        if (
            not picked
            and pending.usual
            and (yes_usual or USUAL_WORDS.search(intent.text))
            and not NOT_THAT.search(intent.text)
        ):  # "응", "늘 사던 걸로"
            picked = pending.options[:1]
        if not picked:
            return self.r.choose_again(len(pending.options))
        if len(picked) > 1:
            self.session.pending = replace(
                pending, options=picked, expires_at=self.session.until(now), usual=False
            )
            return self.r.choose(normalise(intent.text), picked, self.shop.member_pricing())
        self.session.pending = None
        return pending.then(picked[0], pending.quantity, now)

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
