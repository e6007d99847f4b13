"""The one way into every page: the session, its CSRF token, the language, the member.

:func:`page` wraps a handler ``(Visit) -> Response`` (run in a worker thread, as it reads the
database). Without a signed-in member a GET goes to the sign-in page and a POST is refused
(403); every POST must carry the session's token in the form field ``csrf`` (403 otherwise,
before the handler runs, so nothing changes).
"""

from __future__ import annotations

import hmac
import secrets
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session, sessionmaker
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from assistant.doors.web import language
from assistant.doors.web.members import SignedIn, current
from assistant.doors.web.render import Frame, render
from assistant.doors.web.unread import unread_count
from assistant.locales import Msg, Say, say_for

SIGN_IN = "/signin"
MOST_FORM_FIELDS = 20


class Refusal(Exception):
    """A request answered with an error page: ``status`` and the message ``msg``."""

    def __init__(self, status: int, msg: Msg, /, **args: Any) -> None:
        super().__init__(msg.value)
        self.status = status
        self.msg = msg
        self.args_ = args


@dataclass(frozen=True)
class Visit:
    """One request, checked: who, in which language, with which form."""

    request: Request
    """The request."""
    factory: sessionmaker[Session]
    """The database."""
    frame: Frame
    """Language, token, member."""
    form: Mapping[str, str]
    """A POST's text fields (empty for a GET)."""

    @property
    def say(self) -> Say:
        return say_for(self.frame.lang)

    @property
    def me(self) -> SignedIn:
        """The signed-in member (a guarded page always has one)."""
        if self.frame.member is None:
            raise Refusal(403, Msg.WEB_ERROR_SIGNED_OUT)
        return self.frame.member

    def render(self, template: str, status: int = 200, /, **values: Any) -> Response:
        return render(self.frame, template, status, **values)


Handler = Callable[[Visit], Response]
Endpoint = Callable[[Request], Awaitable[Response]]


def request_lang(request: Request) -> str:
    """The language of a request (also for error pages)."""
    session = request.scope.get("session") or {}
    asked = request.query_params.get("lang")
    return language.choose(session.get("lang"), asked, request.headers.get("accept-language"))


def session_token(request: Request) -> str:
    """The session's CSRF token, made on its first page."""
    token = request.session.get("csrf")
    if not isinstance(token, str) or not token:
        token = secrets.token_urlsafe(32)
        request.session["csrf"] = token
    return token


def page(handler: Handler, *, public: bool = False) -> Endpoint:
    """``handler`` behind the session, CSRF and sign-in checks (``public``: no sign-in)."""

    async def endpoint(request: Request) -> Response:
        factory: sessionmaker[Session] = request.app.state.factory
        lang = request_lang(request)
        if request.query_params.get("lang") == lang:
            request.session["lang"] = lang
        member = await run_in_threadpool(_member, request, factory)
        post = request.method == "POST"
        if member is None and not public:
            if post:
                raise Refusal(403, Msg.WEB_ERROR_SIGNED_OUT)
            return RedirectResponse(SIGN_IN, status_code=303)
        token = session_token(request)
        form = await _checked_form(request, token) if post else {}
        unread = 0 if member is None else await run_in_threadpool(_unread, factory, member)
        frame = Frame(lang, token, member, unread)
        return await run_in_threadpool(handler, Visit(request, factory, frame, form))

    return endpoint


def _unread(factory: sessionmaker[Session], member: SignedIn) -> int:
    return unread_count(factory, member.household_id)


def _member(request: Request, factory: sessionmaker[Session]) -> SignedIn | None:
    member_id = request.session.get("member_id")
    if not isinstance(member_id, int):
        return None
    member = current(factory, member_id)
    if member is None:  # removed since: the session ends
        request.session.pop("member_id", None)
    return member


async def _checked_form(request: Request, token: str) -> dict[str, str]:
    """The POST's text fields, after its ``csrf`` field matched the session's token."""
    form = await request.form(max_files=0, max_fields=MOST_FORM_FIELDS)
    sent = form.get("csrf")
    if not isinstance(sent, str) or not hmac.compare_digest(sent.encode(), token.encode()):
        raise Refusal(403, Msg.WEB_ERROR_CSRF)
    return {k: v for k, v in form.items() if isinstance(v, str)}
