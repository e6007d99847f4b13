"""What the daemon's recurring orders told (``/notifications``: placed, held after a price
rise, out of stock, substituted, missed ...), newest first, in the page's language, and
marking them read (``POST /notifications/{id}/read``, ``POST /notifications/read-all``),
through :mod:`assistant.reorder.service` (``jangbogi notifications --mark-told``)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session
from starlette.responses import RedirectResponse, Response

from assistant.dialog.phrases_reorder import ReorderPhrases
from assistant.doors.web.guard import Refusal, Visit
from assistant.locales import Msg
from assistant.reorder import service
from assistant.store.db import transaction
from assistant.store.models import Household, Notification, utcnow

LARGEST_ID = 2**63 - 1
MOST_SHOWN = 100
"""The page shows the latest notifications, this many."""


@dataclass(frozen=True)
class NoteRow:
    """One notification as the page shows it."""

    id: int
    """Its number."""
    kind: str
    """placed, held, out_of_stock ..."""
    when: str
    """When it was written, on the household's clock."""
    sentence: str
    """What it tells, in the page's language."""
    unread: bool
    """Not yet read (nor told by voice)."""


def _household(s: Session, visit: Visit) -> Household:
    household = s.get(Household, visit.me.household_id)
    if household is None:
        raise Refusal(403, Msg.WEB_ERROR_SIGNED_OUT)
    return household


def notifications_page(visit: Visit) -> Response:
    phrases = ReorderPhrases(visit.say)
    with transaction(visit.factory) as s:
        found = service.notifications(s, _household(s, visit), unread_only=False)
    rows = [
        NoteRow(n.id, n.kind, phrases.local_date_time(n.created_at, n.timezone),
                phrases.notification(n), n.told_at is None)
        for n in reversed(found[-MOST_SHOWN:])
    ]  # fmt: skip
    marked = visit.request.query_params.get("marked", "")
    count = int(marked) if marked.isascii() and marked.isdigit() and len(marked) < 6 else None
    return visit.render("notifications.html", rows=rows, marked=count)


def _note_id(visit: Visit) -> int:
    text = str(visit.request.path_params.get("note_id", ""))
    if not text.isascii() or not text.isdigit() or not 0 < int(text) <= LARGEST_ID:
        raise Refusal(404, Msg.WEB_ERROR_NOT_FOUND)
    return int(text)


def mark_read(visit: Visit) -> Response:
    """One notification read; another household's (or none) is not found (404)."""
    wanted = _note_id(visit)
    with transaction(visit.factory, write=True) as s:
        note = s.get(Notification, wanted)
        if note is None or note.household_id != visit.me.household_id:
            raise Refusal(404, Msg.WEB_ERROR_NOT_FOUND)
        count = service.mark_told(s, visit.me.household_id, [wanted], utcnow())
    return RedirectResponse(f"/notifications?marked={count}", status_code=303)


def mark_all_read(visit: Visit) -> Response:
    with transaction(visit.factory, write=True) as s:
        unread = service.notifications(s, _household(s, visit))
        count = service.mark_told(s, visit.me.household_id, [n.id for n in unread], utcnow())
    return RedirectResponse(f"/notifications?marked={count}", status_code=303)
