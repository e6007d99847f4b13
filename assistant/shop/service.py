"""The shop as the dialog sees it: one transaction per call, plain values out.

The dialog never holds a SQL session; it calls these methods with a ``now``
and gets frozen dataclasses back.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from assistant.errors import (
    ConfirmationError,
    ErrorCode,
    NotAllowedError,
    NotFoundError,
    PinError,
    PinLockedError,
)
from assistant.shop import accounts, controls, purchase, rules
from assistant.shop import cart as cart_ops
from assistant.shop import history as history_ops
from assistant.shop import orders as order_ops
from assistant.shop.accounts import AccountView
from assistant.shop.alternatives import closest_in_stock
from assistant.shop.catalog import catalog_entry
from assistant.shop.history import PurchaseHistory
from assistant.shop.household import find_member
from assistant.shop.matching import ProductMatcher
from assistant.shop.orders import OrderView
from assistant.shop.pricing import Quote, member_pricing_applies
from assistant.shop.receipt import Receipt, build_receipt
from assistant.shop.views import ProductView as ProductView
from assistant.store.db import transaction
from assistant.store.models import Channel, DeliveryKind, Member, Product, Role


@dataclass(frozen=True)
class CartItem:
    """One line of the cart."""

    product: ProductView
    """The product."""
    quantity: int
    """Items."""


@dataclass(frozen=True)
class PurchaseRequest:
    """A purchase question the shop allows to be asked; "yes" is answered with its token."""

    token: str
    """The confirmation ticket (also the order's idempotency key)."""
    quote: Quote
    """What it costs now."""
    expires_at: datetime
    """A "yes" after this no longer counts."""
    needs_pin: bool
    """The household's PIN will be asked after the "yes"."""
    needs_approval: bool
    """A child's order: it will wait for an adult's approval."""


def product_view(p: Product) -> ProductView:
    return ProductView(
        p.id, p.sku, p.display_name, p.name_en, p.brand, p.unit, p.price, p.member_price,
        p.rating_tenths, p.rating_count, p.stock, p.size,
    )  # fmt: skip


def load_member(session: Session, member_id: int) -> Member:
    """The member a conversation speaks for; gone members are a clear error."""
    member = session.get(Member, member_id)
    if member is None:
        raise NotFoundError(ErrorCode.MEMBER_GONE)
    return member


PIN_HASH_TRIES = 3
"""Times a PIN is hashed again when the household's PIN changed while it was hashed."""


def verify_pin_apart(
    factory: sessionmaker[Session], member_id: int, pin: str, now: datetime
) -> None:
    """Check the member's household PIN in its own transaction, so a wrong one is counted
    even as it fails.

    The PIN is hashed outside any lock (scrypt is slow on purpose), then judged and counted
    under the household's lock with the PIN as it is then: a lock set meanwhile by
    another session refuses it uncounted, and a PIN changed meanwhile means hashing again.
    Racing sessions therefore get at most :data:`controls.PIN_ATTEMPTS` - 1 "wrong" answers
    between two right PINs, then "locked".
    """
    for _ in range(PIN_HASH_TRIES):
        with transaction(factory) as session:
            household = load_member(session, member_id).household
            controls.ensure_not_locked(household, now)
            if not controls.has_pin(household):
                return
            household_id = household.id
            hashed_with = (household.pin_salt or "", household.pin_hash)
        digest = controls.pin_digest(pin, hashed_with[0])
        error: PinError | None = None
        with transaction(factory, write=True) as session:
            household = controls.lock_household(session, household_id)
            if (household.pin_salt or "", household.pin_hash) != hashed_with:
                continue  # a new PIN was set meanwhile: hash again with its salt
            try:
                controls.count_pin(household, digest, now)
            except PinError as exc:
                error = exc
        if error is not None:
            raise error
        return
    raise ConfirmationError(ErrorCode.PIN_CHANGED)


class ShopService:
    """Shop operations for one member."""

    def __init__(
        self, factory: sessionmaker[Session], member_name: str | None = None, *,
        member_id: int | None = None,
    ) -> None:  # fmt: skip
        """The conversation of ``member_id`` (a signed-in member), else of ``member_name``
        (else the first household's owner)."""
        self._factory = factory
        with transaction(factory) as session:
            if member_id is not None:
                member = load_member(session, member_id)
            else:
                member = find_member(session, member_name)
            self.member_id = member.id
            self.member_name = member.name
            self.household_id = member.household_id
            self.role = member.role
            self.timezone = member.household.timezone
        self._matcher: ProductMatcher | None = None
        self._tickets = controls.Confirmations()
        """The purchase questions of this conversation (one service per conversation)."""
        self._placed: list[int] = []
        """The orders placed in this conversation, in order (what "아까 그거" points at)."""

    @property
    def factory(self) -> sessionmaker[Session]:
        """The session factory (for the other services of the same conversation)."""
        return self._factory

    def _member(self, session: Session) -> Member:
        return load_member(session, self.member_id)

    def matcher(self) -> ProductMatcher:
        """The product matcher over the active catalog (built once per service)."""
        if self._matcher is None:
            with transaction(self._factory) as session:
                products = session.scalars(select(Product).where(Product.active.is_(True)))
                self._matcher = ProductMatcher(catalog_entry(p) for p in products)
        return self._matcher

    def find_products(self, phrase: str, size: str | None = None) -> list[ProductView]:
        """Catalog products that ``phrase`` may mean, best first; empty if none. Products
        that *are* what was said come before those that only carry the word (우유 -> 흰우유,
        not 딸기우유: :mod:`assistant.shop.matching`). A ``size`` said ("1L", "10kg", as the
        parser writes it, or still in the phrase: "서울우유 1리터") keeps the products of that
        size when any has it, and never makes a match of the right kind fail."""
        candidates = self.matcher().match(phrase, size)
        if not candidates:
            return []
        with transaction(self._factory) as session:
            found = [session.get(Product, c.product_id) for c in candidates]
            return [product_view(p) for p in found if p is not None]

    def member_pricing(self) -> bool:
        """Whether this household pays member prices right now."""
        with transaction(self._factory) as session:
            return member_pricing_applies(self._member(session).household)

    def deals(self, limit: int = 5) -> list[ProductView]:
        """In-stock products with the largest member saving."""
        with transaction(self._factory) as session:
            stmt = (
                select(Product)
                .where(Product.active.is_(True), Product.stock > 0,
                       Product.member_price < Product.price)
                .order_by((Product.price - Product.member_price).desc(), Product.id)
                .limit(limit)
            )  # fmt: skip
            return [product_view(p) for p in session.scalars(stmt)]

    def quote(self, wanted: Sequence[tuple[int, int]]) -> Quote:
        with transaction(self._factory) as session:
            return order_ops.quote(session, self._member(session), wanted)

    def place(
        self, wanted: Sequence[tuple[int, int]], *, key: str, channel: Channel, now: datetime
    ) -> tuple[OrderView, bool]:
        """Place without a question: only for auto orders (voice and text need a ticket)."""
        with transaction(self._factory, write=True) as session:
            placed = purchase.place_for_member(
                session, self._member(session), wanted, channel=channel,
                idempotency_key=key, now=now,
            )  # fmt: skip
            return order_ops.view(placed.order), placed.new

    def add_to_cart(self, product_id: int, quantity: int, now: datetime) -> CartItem:
        with transaction(self._factory, write=True) as session:
            line = cart_ops.add_to_cart(session, self._member(session), product_id, quantity, now)
            return CartItem(product_view(line.product), line.quantity)

    def remove_from_cart(self, product_id: int, quantity: int | None, now: datetime) -> int:
        with transaction(self._factory, write=True) as session:
            return cart_ops.remove_from_cart(
                session, self._member(session), product_id, quantity, now
            )

    def cart(self) -> list[CartItem]:
        with transaction(self._factory) as session:
            return [
                CartItem(product_view(ln.product), ln.quantity)
                for ln in cart_ops.cart_items(session, self._member(session))
            ]

    def quote_cart(self) -> Quote:
        items = self.cart()
        return self.quote([(i.product.id, i.quantity) for i in items])

    def checkout(self, *, key: str, channel: Channel, now: datetime) -> tuple[OrderView, bool]:
        """Order the cart without a question: only for auto orders, like :meth:`place`."""
        with transaction(self._factory, write=True) as session:
            placed = purchase.place_for_member(
                session, self._member(session), None, channel=channel, idempotency_key=key,
                now=now,
            )  # fmt: skip
            return order_ops.view(placed.order), placed.new

    def last_order(
        self, *, open_only: bool = False, counted_only: bool = False
    ) -> OrderView | None:
        with transaction(self._factory) as session:
            order = order_ops.last_order(
                session, self._member(session), open_only=open_only, counted_only=counted_only
            )
            return order_ops.view(order) if order is not None else None

    def cancel(self, order_id: int, now: datetime) -> OrderView:
        with transaction(self._factory, write=True) as session:
            member = self._member(session)
            order = order_ops.cancel_order(session, order_id, now)
            if order.household_id != member.household_id:
                raise NotFoundError(ErrorCode.ORDER_NOT_FOUND, order_id=order_id)
            return order_ops.view(order)

    # -- purchases asked and confirmed in this conversation ------------------------

    def request_order(
        self,
        wanted: Sequence[tuple[int, int]],
        now: datetime,
        *,
        delivery: DeliveryKind | None = None,
        channel: Channel = Channel.TEXT,
    ) -> PurchaseRequest:
        """Check every rule and issue the ticket that a "yes" to this question will use."""
        return self._request(list(wanted), now, delivery, channel, checkout=False)

    def request_checkout(
        self, now: datetime, *, delivery: DeliveryKind | None = None,
        channel: Channel = Channel.TEXT,
    ) -> PurchaseRequest:  # fmt: skip
        """:meth:`request_order` for everything in the cart."""
        with transaction(self._factory) as session:
            wanted = cart_ops.cart_wanted(session, self._member(session))
        return self._request(wanted, now, delivery, channel, checkout=True)

    def _request(
        self,
        wanted: list[tuple[int, int]],
        now: datetime,
        delivery: DeliveryKind | None,
        channel: Channel,
        *,
        checkout: bool,
        repeats: int | None = None,
    ) -> PurchaseRequest:
        with transaction(self._factory) as session:
            member = self._member(session)
            household = member.household
            q = purchase.check_request(session, member, wanted, delivery, now, channel=channel)
            approval = controls.needs_approval(member)
            needs_pin = controls.has_pin(household) and not approval
            expires = now + timedelta(seconds=household.confirm_timeout_s)
        ticket = self._tickets.issue(
            self.member_id, wanted, q.delivery, q.total, checkout=checkout, needs_pin=needs_pin,
            expires_at=expires, repeats=repeats,
        )  # fmt: skip
        return PurchaseRequest(ticket.token, q, expires, needs_pin, approval)

    def recent_duplicate(
        self, wanted: Sequence[tuple[int, int]], now: datetime, delivery: DeliveryKind | None = None
    ) -> OrderView | None:
        """The same order of this member within the household's duplicate window, if any."""
        with transaction(self._factory) as session:
            member = self._member(session)
            kind = delivery or member.household.default_delivery
            found = rules.find_duplicate(session, member, wanted, kind, now)
            return order_ops.view(order_ops.load_order(session, found.id)) if found else None

    def accept(self, token: str, now: datetime) -> controls.Ticket:
        """The explicit "yes" to the question of ``token`` (the PIN step gets a fresh timeout)."""
        with transaction(self._factory) as session:
            timeout = timedelta(seconds=self._member(session).household.confirm_timeout_s)
        return self._tickets.accept(token, now, timeout)

    def complete(
        self, token: str, now: datetime, *, channel: Channel, pin: str | None = None
    ) -> tuple[OrderView, bool]:
        """Place the accepted order of ``token``; with a household PIN, ``pin`` is needed.

        The PIN (of a question that got its "yes") is judged first, in its own transaction:
        a wrong one is counted (and may lock spoken purchases) before the error is raised.
        Then every purchase rule, once, under the household's lock (``rules.RULES``).
        """
        ticket = self._tickets.get(token, now)
        verified = False
        if pin is not None and ticket.accepted:  # no PIN is judged for an unconfirmed order
            try:
                self._verify_pin(pin, now)
            except PinLockedError:
                self._tickets.drop(token)
                raise
            verified = True
        with transaction(self._factory, write=True) as session:
            member = self._member(session)
            placed = purchase.place_for_member(
                session, member, None if ticket.checkout else ticket.wanted, channel=channel,
                idempotency_key=ticket.token, now=now, delivery=ticket.delivery, ticket=ticket,
                pin_verified=verified,
            )  # fmt: skip
            view = order_ops.view(order_ops.load_order(session, placed.order.id))
        self._tickets.drop(token)
        if placed.new:
            self._placed.append(view.id)
        return view, placed.new

    def drop(self, token: str) -> None:
        """Forget a question that was not answered with "yes"."""
        self._tickets.drop(token)

    def _verify_pin(self, pin: str, now: datetime) -> None:
        verify_pin_apart(self._factory, self.member_id, pin, now)

    # -- approvals -------------------------------------------------------------

    def pending_approvals(self) -> list[OrderView]:
        with transaction(self._factory) as session:
            found = purchase.pending_approvals(session, self.household_id)
            return [order_ops.view(o) for o in found]

    def check_decider(self, now: datetime) -> None:
        """Refuse unless this conversation may approve by voice: an adult, a household PIN."""
        with transaction(self._factory) as session:
            member = self._member(session)
            if not controls.can_approve(member):
                raise NotAllowedError(ErrorCode.APPROVAL_ADULTS_ONLY)
            if not controls.has_pin(member.household):
                raise NotAllowedError(ErrorCode.VOICE_APPROVAL_NEEDS_PIN)
            controls.ensure_not_locked(member.household, now)

    def decide(self, order_id: int, *, approve: bool, pin: str, now: datetime) -> OrderView:
        """Approve or reject a child's order by voice: an adult's conversation and the PIN."""
        self.check_decider(now)
        self._verify_pin(pin, now)
        with transaction(self._factory, write=True) as session:
            order = purchase.decide(session, order_id, self._member(session), approve=approve,
                                    now=now)  # fmt: skip
            return order_ops.view(order_ops.load_order(session, order.id))

    # -- the account -------------------------------------------------------------

    def account(self) -> AccountView:
        with transaction(self._factory) as session:
            return accounts.account_view(self._member(session).household)

    def join_membership(self, now: datetime) -> bool:
        """Make the household a member (adults only); False when it already was."""
        with transaction(self._factory, write=True) as session:
            return accounts.join_membership(self._member(session), now)

    def set_default_delivery(self, kind: DeliveryKind) -> None:
        with transaction(self._factory, write=True) as session:
            member = self._member(session)
            if member.role is Role.CHILD:
                raise NotAllowedError(ErrorCode.DELIVERY_ADULTS_ONLY)
            accounts.set_default_delivery(member.household, kind)

    def receipt(self, order_id: int) -> Receipt:
        with transaction(self._factory) as session:
            return build_receipt(session, order_id, self.household_id)

    # -- suggestions -------------------------------------------------------------

    def alternative(self, product_id: int, quantity: int) -> ProductView | None:
        """The closest product of the same kind with ``quantity`` in stock, for one that has
        not; None when no product of that kind has (never a milk for a coffee)."""
        with transaction(self._factory) as session:
            product = session.get(Product, product_id)
            if product is None:
                return None
            found = closest_in_stock(session, product, quantity)
            return product_view(found) if found is not None else None

    def find_order(self, phrase: str | None) -> OrderView | None:
        """The household's latest order, or the latest with a product that ``phrase`` names."""
        if not phrase:
            return self.last_order()
        ids = {c.product_id for c in self.matcher().match(phrase)}
        if not ids:
            return None
        with transaction(self._factory) as session:
            orders = order_ops.list_orders(session, self.household_id)
            for order in reversed(orders):
                if any(line.product_id in ids for line in order.lines):
                    return order_ops.view(order)
        return None

    # -- the household's buying rhythm (assistant.shop.insights) ------------------

    def purchase_history(self, now: datetime) -> PurchaseHistory:
        """What the household bought (cancelled orders do not count), with today's day index
        in the household's time zone."""
        with transaction(self._factory) as session:
            household = self._member(session).household
            return PurchaseHistory(
                tuple(history_ops.purchases(session, household)),
                history_ops.day_index(now, household.timezone),
                frozenset(history_ops.subscribed_products(session, household.id)),
            )

    def products_by_id(self, ids: Sequence[int]) -> list[ProductView]:
        """The products still on sale among ``ids``, in the order given."""
        with transaction(self._factory) as session:
            found = [session.get(Product, i) for i in ids]
            return [product_view(p) for p in found if p is not None and p.active]

    def nouns(self, ids: Sequence[int]) -> dict[int, tuple[str, str]]:
        """What people call each product in general: (Korean, English), e.g. (우유, milk)."""
        with transaction(self._factory) as session:
            found = [session.get(Product, i) for i in ids]
            return {
                p.id: (history_ops.common_noun(p), history_ops.english_noun(p))
                for p in found
                if p is not None
            }

    # -- references, receipts, history and the cart emptied (issue 14) -----------------

    def request_another(
        self,
        wanted: Sequence[tuple[int, int]],
        now: datetime,
        *,
        repeats: int,
        delivery: DeliveryKind | None = None,
        channel: Channel = Channel.TEXT,
    ) -> PurchaseRequest:
        """:meth:`request_order` for a second order the household explicitly asked for
        ("하나 더", "one more"): after the yes, the duplicate guard lets through a duplicate
        of order ``repeats`` (and of no other order)."""
        return self._request(list(wanted), now, delivery, channel, checkout=False,
                             repeats=repeats)  # fmt: skip

    def recent_order(self, *, open_only: bool = False) -> OrderView | None:
        """The order "아까 그거" / "the last one" means: the last one placed in this
        conversation (whatever its status now), else this member's latest (``open_only``:
        one that can still be cancelled)."""
        with transaction(self._factory) as session:
            if self._placed:
                return order_ops.view(order_ops.load_order(session, self._placed[-1]))
            order = order_ops.last_order(session, self._member(session), open_only=open_only,
                                         own=True)  # fmt: skip
            return order_ops.view(order) if order is not None else None

    def recent_orders(self, limit: int = 3, phrase: str | None = None) -> list[OrderView]:
        """The household's latest ``limit`` orders, newest first; with ``phrase``, only those
        with a product it names (none when it names no product)."""
        ids = None
        if phrase:
            ids = [c.product_id for c in self.matcher().match(phrase)]
            if not ids:
                return []
        with transaction(self._factory) as session:
            found = order_ops.latest_orders(session, self.household_id, limit, ids)
            return [order_ops.view(o) for o in found]

    def clear_cart(self, now: datetime) -> int:
        """Empty the member's cart; returns how many products were in it."""
        with transaction(self._factory, write=True) as session:
            return cart_ops.clear_cart(session, self._member(session), now)
