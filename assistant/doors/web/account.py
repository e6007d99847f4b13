"""The household's account (``/account``): membership, cards, delivery places, members and
their spending limits, each change a POST through the functions of ``jangbogi household`` and
``jangbogi member`` (:mod:`assistant.shop.accounts`), which check every value.

Only the owner and adults see or change it (403 for a child, as
:func:`~assistant.shop.controls.can_approve` says); a card, place or member of another
household is not found (404), like one that does not exist.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.orm import Session
from starlette.responses import RedirectResponse, Response

from assistant.doors.web.guard import Refusal, Visit
from assistant.errors import ErrorCode, NotFoundError
from assistant.locales import Msg
from assistant.shop import accounts
from assistant.shop.controls import can_approve
from assistant.store.db import transaction
from assistant.store.models import Household, Member, Role, utcnow

LARGEST_ID = 2**63 - 1
MOST_DIGITS = 12
"""Longest amount read from a form (larger ones are still refused by the shop's range)."""
NO_LIMIT = ("", "none", "없음")
"""What a limit field may say for no limit."""
DONE = ("membership", "card", "card-removed", "card-default", "place", "place-removed",
        "place-default", "member", "member-removed", "limits")  # fmt: skip
"""The changes the page says were made (``?done=``)."""


@contextmanager
def adult_household(visit: Visit, *, write: bool = False) -> Iterator[tuple[Session, Member]]:
    """The signed-in adult (or owner) in a transaction; a child is refused (403)."""
    with transaction(visit.factory, write=write) as s:
        member = s.get(Member, visit.me.member_id)
        if member is None:
            raise Refusal(403, Msg.WEB_ERROR_SIGNED_OUT)
        if not can_approve(member):
            raise Refusal(403, Msg.WEB_ACCOUNT_ADULTS_ONLY)
        yield s, member


def path_id(visit: Visit, name: str) -> int:
    """The number ``name`` in the path; anything else is not found."""
    text = str(visit.request.path_params.get(name, ""))
    if not text.isascii() or not text.isdigit() or not 0 < int(text) <= LARGEST_ID:
        raise Refusal(404, Msg.WEB_ERROR_NOT_FOUND)
    return int(text)


def field(visit: Visit, name: str, choices: tuple[str, ...] | None = None) -> str:
    """A form field's text; one not among ``choices`` is a bad form (400)."""
    value = visit.form.get(name, "")
    if choices is not None and value not in choices:
        raise Refusal(400, Msg.WEB_ACCOUNT_BAD_FORM, field=name)
    return value


def limit(visit: Visit, name: str) -> int | None:
    """A spending limit in won ('none' or empty: no limit); not a whole number: 400. Its range
    is the shop's to check (:func:`~assistant.shop.accounts.check_limit`)."""
    text = field(visit, name).strip().replace(",", "")
    if text.lower() in NO_LIMIT:
        return None
    if not text.isascii() or not text.isdigit() or len(text) > MOST_DIGITS:
        raise Refusal(400, Msg.WEB_ACCOUNT_BAD_AMOUNT, field=name)
    return int(text)


def done(action: str) -> Response:
    return RedirectResponse(f"/account?done={action}", status_code=303)


def account_page(visit: Visit) -> Response:
    with adult_household(visit) as (_s, me):
        h = me.household
        page = visit.render(
            "account.html",
            h=h,
            cards=sorted(h.payment_methods, key=lambda pm: pm.id),
            places=sorted(h.addresses, key=lambda a: (a.kind.value, a.id)),
            members=sorted(h.members, key=lambda m: m.id),
            done=_done(visit),
        )
    return page


def _done(visit: Visit) -> str | None:
    action = visit.request.query_params.get("done", "")
    return action if action in DONE else None


def membership(visit: Visit) -> Response:
    """``household membership on|off``."""
    state = field(visit, "state", ("on", "off"))
    with adult_household(visit, write=True) as (_s, me):
        if state == "on":
            accounts.join_membership(me, utcnow())
        else:
            accounts.set_membership(me.household, False, utcnow())
    return done("membership")


def _member(household: Household, member_id: int) -> Member:
    found = next((m for m in household.members if m.id == member_id), None)
    if found is None:
        raise NotFoundError(ErrorCode.MEMBER_NOT_FOUND, name=str(member_id),
                            household=household.name)  # fmt: skip
    return found


def member_add(visit: Visit) -> Response:
    """``member add NAME --role ROLE``."""
    role = Role(field(visit, "role", tuple(r.value for r in Role)))
    per_order, per_day = limit(visit, "per_order"), limit(visit, "per_day")
    with adult_household(visit, write=True) as (s, me):
        accounts.add_member(s, me.household, field(visit, "name"), role, utcnow(),
                            per_order_limit=per_order, per_day_limit=per_day)  # fmt: skip
    return done("member")


def member_remove(visit: Visit) -> Response:
    """``member remove NAME`` (never the only owner, nor one with orders)."""
    wanted = path_id(visit, "member_id")
    with adult_household(visit, write=True) as (s, me):
        accounts.remove_member(s, me.household, _member(me.household, wanted).name)
    return done("member-removed")


def member_limits(visit: Visit) -> Response:
    """``member limits NAME --per-order WON|none --per-day WON|none``."""
    wanted = path_id(visit, "member_id")
    per_order, per_day = limit(visit, "per_order"), limit(visit, "per_day")
    with adult_household(visit, write=True) as (_s, me):
        accounts.set_limits(_member(me.household, wanted), per_order, per_day)
    return done("limits")
