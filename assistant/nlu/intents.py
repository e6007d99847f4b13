"""The intents: one enum, and what each one is (spends money, takes a product, interrupts).

A new intent is a member here (with its row in :data:`TRAITS` unless it is plain), its
templates in ``grammars/<lang>/intents.yaml``, its handler row in the dialog and its messages
in ``locales/<lang>/`` (docs/architecture.md, "Where a change goes"; tests/test_extending.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class IntentName(StrEnum):
    """What an utterance asks for (the ``intent`` of ``jangbogi parse --json``)."""

    ORDER = "order"
    ADD_TO_CART = "add_to_cart"
    REMOVE_FROM_CART = "remove_from_cart"
    VIEW_CART = "view_cart"
    CHECKOUT = "checkout"
    REORDER = "reorder"
    ORDER_STATUS = "order_status"
    CANCEL_ORDER = "cancel_order"
    SUBSCRIBE = "subscribe"
    LIST_SUBSCRIPTIONS = "list_subscriptions"
    CANCEL_SUBSCRIPTION = "cancel_subscription"
    PAUSE_SUBSCRIPTION = "pause_subscription"
    SKIP_SUBSCRIPTION = "skip_subscription"
    PRODUCT_INFO = "product_info"
    DEALS = "deals"
    MEMBERSHIP = "membership"
    SET_DELIVERY = "set_delivery"
    CONFIRM = "confirm"
    DENY = "deny"
    HELP = "help"
    STOP = "stop"
    NONE = "none"
    SUGGEST = "suggest"
    APPROVAL = "approval"
    RESUME_SUBSCRIPTION = "resume_subscription"
    CHANGE = "change"
    """A correction of the open question: "두 개로 바꿔 줘", "아니 매일우유로", "make that two"."""
    RECEIPT = "receipt"
    """"영수증 보여 줘", "receipt for my last order"."""
    CLEAR_CART = "clear_cart"
    """"장바구니 비워 줘", "empty my cart"."""
    ORDER_HISTORY = "order_history"
    """"뭐 주문했었지?", "what did I order?"."""

    @property
    def traits(self) -> Traits:
        """What this intent is."""
        return TRAITS.get(self, PLAIN)

    @property
    def spends_money(self) -> bool:
        return self.traits.spends_money

    @property
    def interrupts(self) -> bool:
        return self.traits.interrupts


@dataclass(frozen=True)
class Traits:
    """What an intent is, for the parser's safety gates and the dialog."""

    spends_money: bool = False
    """Leads to money being spent: never produced by negated, past or reported speech."""
    slots: str = "none"
    """Which slots the parser keeps: ``item`` (product, quantity, delivery), ``product`` (the
    product and delivery, no count), ``schedule`` (everything), ``delivery`` or ``none``."""
    interrupts: bool = False
    """Starts something new even while a question is pending."""
    manages_subscription: bool = False
    """Acts on one existing subscription."""


PLAIN = Traits()
_I = IntentName
TRAITS: dict[IntentName, Traits] = {
    _I.ORDER: Traits(spends_money=True, slots="item", interrupts=True),
    _I.ADD_TO_CART: Traits(spends_money=True, slots="item", interrupts=True),
    _I.REMOVE_FROM_CART: Traits(slots="item", interrupts=True),
    _I.VIEW_CART: Traits(interrupts=True),
    _I.CHECKOUT: Traits(spends_money=True, interrupts=True),
    _I.REORDER: Traits(spends_money=True, slots="item", interrupts=True),
    _I.ORDER_STATUS: Traits(slots="item", interrupts=True),
    _I.CANCEL_ORDER: Traits(slots="item", interrupts=True),
    _I.SUBSCRIBE: Traits(spends_money=True, slots="schedule", interrupts=True),
    _I.LIST_SUBSCRIPTIONS: Traits(slots="item", interrupts=True),
    _I.CANCEL_SUBSCRIPTION: Traits(slots="item", interrupts=True, manages_subscription=True),
    _I.PAUSE_SUBSCRIPTION: Traits(slots="item", interrupts=True, manages_subscription=True),
    _I.SKIP_SUBSCRIPTION: Traits(slots="product", interrupts=True, manages_subscription=True),
    _I.RESUME_SUBSCRIPTION: Traits(
        spends_money=True, slots="item", interrupts=True, manages_subscription=True
    ),
    _I.PRODUCT_INFO: Traits(slots="item", interrupts=True),
    _I.DEALS: Traits(slots="item", interrupts=True),
    _I.MEMBERSHIP: Traits(interrupts=True),
    _I.SET_DELIVERY: Traits(slots="delivery", interrupts=True),
    _I.HELP: Traits(interrupts=True),
    _I.SUGGEST: Traits(interrupts=True),
    _I.APPROVAL: Traits(interrupts=True),
    _I.CHANGE: Traits(slots="item"),
    _I.RECEIPT: Traits(slots="item", interrupts=True),
    _I.CLEAR_CART: Traits(interrupts=True),
    _I.ORDER_HISTORY: Traits(slots="item", interrupts=True),
}
"""Every intent's traits; an intent not listed here is :data:`PLAIN`."""
