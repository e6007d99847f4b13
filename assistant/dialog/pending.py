"""Every question the assistant can leave open between two utterances.

Each is a frozen :class:`Question` (it expires); the flow that asked it answers it. A question
whose answer goes on somewhere else carries that step as a callable (``then``, ``on_pin``),
so the flow answering it needs to know nothing of the flow that asked.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from assistant.nlu.schema import Item
from assistant.reorder.conversation import SubscribeRequest
from assistant.reorder.service import SubscriptionView
from assistant.shop.advisor import SubscriptionOffer
from assistant.shop.orders import OrderView
from assistant.shop.pricing import Quote
from assistant.shop.service import ProductView
from assistant.store.models import DeliveryKind

Pick = Callable[[ProductView, int | None, datetime], str]
"""What to do with the product picked and the quantity asked for; returns the answer."""


@dataclass(frozen=True)
class BasketLine:
    """One line of a request, its product found: what the order question (or the cart) gets."""

    phrase: str
    """The product as the household said it ("우유"): a later correction is matched to it."""
    product: ProductView
    """The product chosen."""
    quantity: int
    """How many, in the product's own unit (boxes of a 12-pack)."""
    said: int | None = None
    """The count said in a unit the product is not sold by ("햇반 3개" on a 12-pack: 3, and
    ``quantity`` is the packs that hold it): the question explains the pack; else None."""


@dataclass(frozen=True)
class Basket:
    """A request of one or more items, resolved item by item ("우유랑 계란 한 판")."""

    lines: tuple[BasketLine, ...] = ()
    """The items whose product is known, in the order said."""
    todo: tuple[Item | BasketLine, ...] = ()
    """What follows the current item: items still to find, lines already found (a
    correction of one line keeps the others)."""
    current: Item | None = None
    """The item a "which one?" is asked about."""
    of: int = 1
    """How many items the request named."""
    missing: tuple[str, ...] = ()
    """Phrases of items not sold (said, and left out)."""
    delivery: DeliveryKind | None = None
    """Where this order goes when said in the conversation; None: the household's default."""
    request: str = "order"
    """The intent that asked (``order``, ``add_to_cart``): the same request naming one of
    the options offered answers "which one?"."""

    @property
    def index(self) -> int:
        """The current item's place in the request, from 1."""
        return self.of - len(self.todo)

    @property
    def wanted(self) -> tuple[tuple[int, int], ...]:
        """(product id, quantity) of every line, a product said twice counted once."""
        counts: dict[int, int] = {}
        for ln in self.lines:
            counts[ln.product.id] = counts.get(ln.product.id, 0) + ln.quantity
        return tuple(counts.items())


Done = Callable[[Basket, datetime], str]
"""What to do with a basket whose every item has its product (ask to order it, put it in
the cart); returns the answer."""
Next = Callable[[datetime], str]
"""What to ask next once a question is answered (the next item of a request); returns it."""
OnPin = Callable[[str, datetime], str]
"""What to do with the PIN; returns the answer, raises ``WrongPinError`` to have it said
again."""


@dataclass(frozen=True, kw_only=True)
class Question:
    """What every open question has: a time after which its answer no longer counts."""

    expires_at: datetime
    """After this the question is dropped (a "yes" no longer counts); always given by name,
    after the question's own fields."""


@dataclass(frozen=True)
class PendingOrder(Question):
    """An order question waiting for "yes"; the shop holds the matching ticket."""

    wanted: tuple[tuple[int, int], ...]
    """(product id, quantity) pairs (the cart's content for a checkout)."""
    key: str
    """The shop's confirmation ticket, also the idempotency key."""
    quote: Quote
    """What the question named: the lines, the total and where it goes (named again when
    the answer is unclear)."""
    needs_approval: bool = False
    """A child's order: it waits for an adult after the "yes"."""
    checkout: bool = False
    """Order the cart rather than ``wanted``."""
    delivery: DeliveryKind | None = None
    """Chosen in this conversation; None: the household's default."""
    reorder_of: OrderView | None = None
    """The earlier order this one repeats."""
    basket: Basket | None = None
    """The request's lines with the phrases said (a correction changes one of them); None
    for a checkout, a reorder or a suggestion."""
    again: OrderView | None = None
    """The earlier order the household explicitly asked for once more ("하나 더"): a
    duplicate of it is let through after the yes (issue 14)."""


@dataclass(frozen=True)
class PendingPin(Question):
    """Waiting for the household PIN: to place an accepted order, to decide an approval or to
    start a subscription."""

    purpose: Literal["order", "approve", "reject", "subscribe"]
    """What the PIN is for."""
    on_pin: OnPin
    """What to do with the PIN."""
    key: str = ""
    """The shop's ticket of the order (``order``), dropped with the question; else empty."""
    declined: str | None = None
    """What to say when "no" is said instead of the PIN (default: not ordered / kept)."""


@dataclass(frozen=True)
class PendingJoin(Question):
    """Waiting for "yes" to join the membership."""


@dataclass(frozen=True)
class PendingCancel(Question):
    """A cancellation waiting for "yes"."""

    order: OrderView
    """The order to cancel, as the question named it."""


@dataclass(frozen=True)
class PendingChoice(Question):
    """Several products matched; waiting for the user to pick one."""

    options: tuple[ProductView, ...]
    """The products offered, in the order they were read out."""
    quantity: int | None
    """Quantity from the original request."""
    then: Pick
    """The request to go on with (order, put in the cart, take out, subscribe)."""
    usual: bool = False
    """The first option is the household's usual one ("응" picks it)."""
    phrase: str = ""
    """The product as said ("우유"), named when the question is asked again."""
    basket: Basket | None = None
    """For an order or a cart request: the lines found so far, the item asked about
    (``basket.current``, item ``basket.index`` of ``basket.of``), the items after it and the
    delivery said meanwhile; None for other choices."""
    done: Done | None = None
    """What the basket goes on to once complete (``then`` continues the basket into it)."""
    total: int = 0
    """How many products matched (``options`` are the first of them)."""


@dataclass(frozen=True)
class PendingOffer(Question):
    """A subscription offer after a steady rhythm, waiting for yes or no."""

    offer: SubscriptionOffer
    """The product, its rhythm and the matching schedule."""


@dataclass(frozen=True)
class PendingSubscribe(Question):
    """A subscription question waiting for "yes"; the subscription service holds its ticket."""

    request: SubscribeRequest
    """What the question named (product, quantity, schedule, price), its ticket (``token``)
    and whether the PIN is asked after the "yes" (``needs_pin``)."""
    more: Next | None = None
    """The next item of the same request ("매주 우유랑 계란"), asked once this one is answered."""


@dataclass(frozen=True)
class PendingSchedule(Question):
    """A product chosen for a subscription, waiting for when ("매주 월요일")."""

    product: ProductView
    """The product."""
    quantity: int
    """Items per delivery."""
    rest: tuple[Item, ...] = ()
    """The other items of the same request, subscribed on the schedule said next."""


@dataclass(frozen=True)
class PendingSubChoice(Question):
    """Several subscriptions could be meant: waiting for which one."""

    action: str
    """The intent that acts on it (one that ``manages_subscription``)."""
    options: tuple[SubscriptionView, ...]
    """The subscriptions read out, in order."""


@dataclass(frozen=True)
class PendingSubCancel(Question):
    """A subscription cancellation waiting for "yes"."""

    subscription: SubscriptionView
    """The subscription to cancel."""


@dataclass(frozen=True)
class PendingClearCart(Question):
    """Emptying the cart, waiting for "yes" (issue 14)."""

    count: int
    """How many products the question said were in the cart."""


SubscriptionQuestion = PendingSubscribe | PendingSchedule | PendingSubChoice | PendingSubCancel
"""The questions of the subscription flow."""
Pending = (
    PendingOrder | PendingCancel | PendingChoice | PendingPin | PendingJoin | PendingOffer
    | PendingClearCart | SubscriptionQuestion
)  # fmt: skip
"""Any open question."""
