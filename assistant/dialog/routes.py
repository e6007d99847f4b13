"""Where an utterance goes: the flow objects of one conversation, the table ``{intent:
handler}`` for a new request, and the flow that answers each open question.

A new intent is one row in :func:`handlers` (plus its grammar and its messages).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from assistant.dialog.account import AccountFlow
from assistant.dialog.cart import CartFlow
from assistant.dialog.orders import OrdersFlow
from assistant.dialog.pending import (
    Pending,
    PendingCancel,
    PendingChoice,
    PendingClearCart,
    PendingJoin,
    PendingOffer,
    PendingOrder,
    PendingPin,
)
from assistant.dialog.phrases import Phrases
from assistant.dialog.products import ProductFlow
from assistant.dialog.purchase import PurchaseFlow
from assistant.dialog.session import Session, subscription_replies
from assistant.dialog.subscriptions import SubscriptionsFlow
from assistant.nlu.intents import IntentName
from assistant.nlu.schema import Intent
from assistant.shop.advisor import Advisor
from assistant.store.models import Channel

Handler = Callable[[Intent, datetime], str]
"""Answers a new request."""


@dataclass(frozen=True)
class Flows:
    """One conversation's flows, each given what it needs."""

    products: ProductFlow
    purchase: PurchaseFlow
    cart: CartFlow
    orders: OrdersFlow
    subscriptions: SubscriptionsFlow
    account: AccountFlow

    @classmethod
    def build(cls, session: Session, r: Phrases, channel: Channel, advisor: Advisor) -> Flows:
        """The flows over one session (its shop and subscriptions)."""
        shop, subs = session.shop, session.subs
        products = ProductFlow(shop, session, r, advisor)
        subscriptions = SubscriptionsFlow(
            shop, session, r, subscription_replies(session), subs, advisor, products
        )
        purchase = PurchaseFlow(shop, session, r, products, channel, subscriptions.offer_after)
        return cls(
            products=products,
            purchase=purchase,
            cart=CartFlow(shop, session, r, products, purchase),
            orders=OrdersFlow(shop, session, r, advisor, products, purchase),
            subscriptions=subscriptions,
            account=AccountFlow(shop, session, r),
        )


def handlers(f: Flows, r: Phrases) -> dict[IntentName, Handler]:
    """Which handler answers each intent as a new request (``stop`` ends the conversation
    before; an intent missing here is "not available")."""
    i = IntentName
    table: dict[IntentName, Handler] = {
        i.ORDER: f.purchase.order,
        i.ADD_TO_CART: f.cart.add,
        i.REMOVE_FROM_CART: f.cart.remove,
        i.VIEW_CART: f.cart.view,
        i.CHECKOUT: f.cart.checkout,
        i.ORDER_STATUS: f.orders.status,
        i.CANCEL_ORDER: f.orders.cancel,
        i.REORDER: f.orders.reorder,
        i.SUGGEST: f.orders.suggest,
        i.MEMBERSHIP: f.account.membership,
        i.SET_DELIVERY: f.account.set_delivery,
        i.APPROVAL: f.account.approval,
        i.SUBSCRIBE: f.subscriptions.subscribe,
        i.LIST_SUBSCRIPTIONS: f.subscriptions.show,
        i.PRODUCT_INFO: f.products.info,
        i.DEALS: f.products.deals,
        i.CONFIRM: lambda _intent, _now: r.NOTHING_TO_CONFIRM,
        i.DENY: lambda _intent, _now: r.NOT_ORDERED,
        i.HELP: lambda _intent, _now: r.HELP,
        i.NONE: lambda _intent, _now: r.NOT_SHOPPING,
        # issue 14: references, receipts, history, emptying the cart
        i.RECEIPT: f.orders.receipt,
        i.ORDER_HISTORY: f.orders.history,
        i.CLEAR_CART: f.cart.clear,
        i.CHANGE: lambda _intent, _now: r.NOTHING_TO_CHANGE,  # nothing pending to change
    }
    order = table[i.ORDER]  # "아까 그거 하나 더 주문해 줘": more of the last order
    table[i.ORDER] = lambda intent, now: f.orders.one_more(intent, now) or order(intent, now)
    for name in IntentName:
        if name.traits.manages_subscription:  # cancel, pause, skip, resume
            table[name] = f.subscriptions.manage
    return table


def answer(f: Flows, pending: Pending, intent: Intent, now: datetime) -> str | None:
    """The answer of the flow that asked ``pending``; None when the utterance is not an
    answer but a new request. A delivery said to a question whose flow does not take it
    changes the household's default only when asked to ("앞으로 …")."""
    said = _answer(f, pending, intent, now)
    asked = not isinstance(pending, PendingOffer)  # an offer is no question being answered
    if said is None and asked and intent.name == IntentName.SET_DELIVERY:
        return f.account.delivery_while_asked(intent, now)
    return said


def _answer(f: Flows, pending: Pending, intent: Intent, now: datetime) -> str | None:
    match pending:
        case PendingChoice():
            return f.products.answer(pending, intent, now)
        case PendingOrder():
            return f.purchase.answer(pending, intent, now)
        case PendingPin():
            return f.purchase.pin_not_given(pending, intent)
        case PendingCancel():
            return f.orders.answer_cancel(pending, intent, now)
        case PendingJoin():
            return f.account.answer_join(pending, intent, now)
        case PendingOffer():
            return f.subscriptions.answer_offer(pending, intent, now)
        case PendingClearCart():
            return f.cart.answer_clear(pending, intent, now)
        case _:
            return f.subscriptions.answer(pending, intent, now)
