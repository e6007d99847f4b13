"""The account page's cards and delivery places: add, remove, make default, each a POST
through :mod:`assistant.shop.accounts` (``jangbogi household payment|address``).

A card is registered by its processor token and last four digits only; the shop refuses a
card number in any field (its message, never the number, is shown).
"""

from __future__ import annotations

from starlette.responses import Response

from assistant.doors.web.account import adult_household, done, field, path_id
from assistant.doors.web.guard import Visit
from assistant.shop import accounts
from assistant.store.models import DeliveryKind, utcnow

KINDS = tuple(k.value for k in DeliveryKind)


def card_add(visit: Visit) -> Response:
    """``household payment add --token T --last4 NNNN [--label L] [--default]``."""
    token, last4 = field(visit, "token"), field(visit, "last4")
    label, default = field(visit, "label"), field(visit, "default") == "yes"
    with adult_household(visit, write=True) as (s, me):
        accounts.add_payment(s, me.household, token, last4, utcnow(),
                             label=label, make_default=default)  # fmt: skip
    return done("card")


def card_remove(visit: Visit) -> Response:
    wanted = path_id(visit, "card_id")
    with adult_household(visit, write=True) as (s, me):
        accounts.remove_payment(s, me.household, wanted)
    return done("card-removed")


def card_default(visit: Visit) -> Response:
    wanted = path_id(visit, "card_id")
    with adult_household(visit, write=True) as (_s, me):
        accounts.set_default_payment(me.household, wanted)
    return done("card-default")


def place_add(visit: Visit) -> Response:
    """``household address add --kind K --label L [--detail D] [--default]``."""
    kind = DeliveryKind(field(visit, "kind", KINDS))
    label, detail = field(visit, "label"), field(visit, "detail")
    with adult_household(visit, write=True) as (s, me):
        accounts.add_address(s, me.household, kind, label, detail,
                             make_default=field(visit, "default") == "yes")  # fmt: skip
    return done("place")


def place_remove(visit: Visit) -> Response:
    wanted = path_id(visit, "place_id")
    with adult_household(visit, write=True) as (s, me):
        accounts.remove_address(s, me.household, wanted)
    return done("place-removed")


def place_default(visit: Visit) -> Response:
    """The default place of its kind, and (``delivery=yes``) where orders go."""
    wanted = path_id(visit, "place_id")
    with adult_household(visit, write=True) as (_s, me):
        accounts.set_default_address(me.household, wanted)
        if field(visit, "delivery") == "yes":
            place = next(a for a in me.household.addresses if a.id == wanted)
            accounts.set_default_delivery(me.household, place.kind)
    return done("place-default")
