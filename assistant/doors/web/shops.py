"""One :class:`~assistant.shop.service.ShopService` per signed-in member, for the life of the
server: it holds the member's open purchase questions (tickets), exactly like a voice or
text conversation holds them, so a confirmation page's ticket is asked, accepted and used
up by the same rules and expires like the spoken one."""

from __future__ import annotations

import threading

from sqlalchemy.orm import Session, sessionmaker
from starlette.requests import Request

from assistant.doors.web.members import SignedIn
from assistant.shop.service import ShopService

_MAKING = threading.Lock()


class Shops:
    """The members' shop services, made on first use."""

    def __init__(self, factory: sessionmaker[Session]) -> None:
        self._factory = factory
        self._lock = threading.Lock()
        self._services: dict[int, ShopService] = {}
        self._member_locks: dict[int, threading.Lock] = {}

    def service(self, me: SignedIn) -> ShopService:
        """The member's service (their conversation with the shop)."""
        with self._lock:
            found = self._services.get(me.member_id)
            if found is None:
                found = ShopService(self._factory, member_id=me.member_id)
                self._services[me.member_id] = found
                self._member_locks[me.member_id] = threading.Lock()
            return found

    def lock(self, me: SignedIn) -> threading.Lock:
        """Held while the member's "yes" is placed: two taps at once place one after the
        other (the second finds the first's order)."""
        self.service(me)
        with self._lock:
            return self._member_locks[me.member_id]


def shops(request: Request) -> Shops:
    """The app's :class:`Shops`."""
    state = request.app.state
    with _MAKING:
        if not hasattr(state, "shops"):
            state.shops = Shops(state.factory)
        found: Shops = state.shops
        return found
