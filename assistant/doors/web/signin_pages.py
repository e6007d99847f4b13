"""Signing in and out: ``GET/POST /signin``, ``POST /signout``."""

from __future__ import annotations

import secrets

from starlette.responses import RedirectResponse, Response

from assistant.doors.web.guard import Visit
from assistant.doors.web.members import check_password
from assistant.errors import JangbogiError
from assistant.locales import Msg
from assistant.shop.typed_text import redact_card_numbers
from assistant.store.models import utcnow

HOME = "/orders"
LONGEST = 200
"""Longer names or passwords are not tried."""


def signin_form(visit: Visit) -> Response:
    if visit.frame.member is not None:
        return RedirectResponse(HOME, status_code=303)
    return visit.render("signin.html", error=None, name="", household="")


def signin_post(visit: Visit) -> Response:
    name = visit.form.get("name", "").strip()
    password = visit.form.get("password", "")
    household = visit.form.get("household", "").strip() or None
    if not name or not password or max(len(name), len(password)) > LONGEST:
        return _again(visit, visit.say(Msg.WEB_SIGNIN_MISSING), name, household, 400)
    try:
        member = check_password(visit.factory, name, password, household, utcnow())
    except JangbogiError as exc:
        return _again(visit, redact_card_numbers(visit.say.error(exc)), name, household, 401)
    session = visit.request.session
    lang = session.get("lang")
    session.clear()  # a new session for the member: a token known before is worth nothing
    session.update(member_id=member.member_id, csrf=secrets.token_urlsafe(32))
    if lang:
        session["lang"] = lang
    return RedirectResponse(HOME, status_code=303)


def _again(visit: Visit, error: str, name: str, household: str | None, status: int) -> Response:
    return visit.render("signin.html", status, error=error, name=name, household=household or "")


def signout(visit: Visit) -> Response:
    lang = visit.request.session.get("lang")
    visit.request.session.clear()
    if lang:
        visit.request.session["lang"] = lang
    return RedirectResponse("/signin", status_code=303)
