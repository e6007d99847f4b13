"""The household's recurring orders (``/subscriptions``) and their changes: pause, resume,
skip the next one, cancel (after a confirmation page), each a POST through the functions of
``jangbogi subscriptions pause|resume|skip|cancel`` (:mod:`assistant.reorder.service`).

Only an adult may change them (the service's :func:`~assistant.reorder.service.require_adult`,
403 otherwise); a subscription of another household is not found (404), like one that does
not exist.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session
from starlette.responses import RedirectResponse, Response

from assistant.dialog.phrases_reorder import ReorderPhrases
from assistant.doors.web.guard import Refusal, Visit
from assistant.errors import ErrorCode, NotFoundError
from assistant.locales import Msg
from assistant.reorder import service
from assistant.reorder.service import SubscriptionView
from assistant.store.db import transaction
from assistant.store.models import Member, Subscription, utcnow

LARGEST_ID = 2**63 - 1
ACTIONS = ("pause", "resume", "skip", "cancel")
"""What a form may do, as the CLI's subcommands name it."""
Change = Callable[[Session, int, int, datetime], Subscription]


@dataclass(frozen=True)
class SubRow:
    """One subscription as the page shows it (every text in the page's language)."""

    view: SubscriptionView
    """The service's view."""
    schedule: str
    """How it repeats, as the locales say it ('every Monday at 9 am')."""
    next: str
    """The next order's day and time on the household's clock; "" when none."""


def sub_id(visit: Visit) -> int:
    """The subscription number in the path; anything else is not found."""
    text = str(visit.request.path_params.get("sub_id", ""))
    if not text.isascii() or not text.isdigit() or not 0 < int(text) <= LARGEST_ID:
        raise Refusal(404, Msg.WEB_ERROR_NOT_FOUND)
    return int(text)


def _row(phrases: ReorderPhrases, v: SubscriptionView) -> SubRow:
    nxt = phrases.local_date_time(v.next_run_at, v.timezone) if v.next_run_at else ""
    return SubRow(v, phrases.schedule(v.recurrence), nxt)


def subscriptions_page(visit: Visit) -> Response:
    me = visit.me
    phrases = ReorderPhrases(visit.say)
    with transaction(visit.factory) as s:
        rows = [_row(phrases, v) for v in service.list_subscriptions(s, me.household_id)]
    return visit.render(
        "subscriptions.html", rows=rows, child=me.role == "child", done=_done(visit)
    )


def _done(visit: Visit) -> tuple[str, int] | None:
    """The change just made (``?done=ACTION&id=N``), to say so."""
    query = visit.request.query_params
    action, text = query.get("done", ""), query.get("id", "")
    if action not in ACTIONS or not text.isascii() or not text.isdigit() or len(text) > 18:
        return None
    return action, int(text)


def _adult(s: Session, visit: Visit) -> None:
    """The service's rule: only an adult changes the household's subscriptions (403)."""
    member = s.get(Member, visit.me.member_id)
    if member is None:
        raise Refusal(403, Msg.WEB_ERROR_SIGNED_OUT)
    service.require_adult(member)


def confirm_cancel_page(visit: Visit) -> Response:
    """Are you sure? (a GET: nothing changes until its form is sent)."""
    wanted = sub_id(visit)
    with transaction(visit.factory) as s:
        _adult(s, visit)
        found = [v for v in service.list_subscriptions(s, visit.me.household_id) if v.id == wanted]
        if not found:
            raise NotFoundError(ErrorCode.SUBSCRIPTION_NOT_FOUND, id=wanted)
        row = _row(ReorderPhrases(visit.say), found[0])
    return visit.render("subscription_cancel.html", r=row)


def _change(visit: Visit, action: str, change: Change) -> Response:
    wanted = sub_id(visit)
    with transaction(visit.factory, write=True) as s:
        _adult(s, visit)
        change(s, visit.me.household_id, wanted, utcnow())
    return RedirectResponse(f"/subscriptions?done={action}&id={wanted}", status_code=303)


def _skip(s: Session, household_id: int, wanted: int, now: datetime) -> Subscription:
    sub, _period = service.skip_next(s, household_id, wanted, now, worker="web")
    return sub


def pause(visit: Visit) -> Response:
    return _change(visit, "pause", service.pause)


def resume(visit: Visit) -> Response:
    return _change(visit, "resume", service.resume)


def skip(visit: Visit) -> Response:
    return _change(visit, "skip", _skip)


def cancel(visit: Visit) -> Response:
    """Cancels only with the confirmation page's ``confirm=yes``; else shows that page."""
    if visit.form.get("confirm") != "yes":
        return RedirectResponse(f"/subscriptions/{sub_id(visit)}/cancel", status_code=303)
    return _change(visit, "cancel", service.cancel)
