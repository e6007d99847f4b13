"""Error pages: every refusal and failure is a page in the visitor's language, never a
traceback; an unexpected error is logged and shown as "something went wrong" (500)."""

from __future__ import annotations

import logging

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response

from assistant.doors.web.guard import Refusal, request_lang
from assistant.doors.web.render import Frame, render
from assistant.errors import DatabaseError, JangbogiError, NotAllowedError, NotFoundError
from assistant.locales import Msg, say_for
from assistant.shop.typed_text import redact_card_numbers

log = logging.getLogger("jangbogi.web")


def error_page(request: Request, status: int, message: str) -> Response:
    frame = Frame(request_lang(request), "", None)
    return render(frame, "error.html", status, message=message)


async def on_refusal(request: Request, exc: Exception) -> Response:
    if not isinstance(exc, Refusal):
        return await on_unexpected(request, exc)
    say = say_for(request_lang(request))
    return error_page(request, exc.status, say(exc.msg, **exc.args_))


async def on_http(request: Request, exc: Exception) -> Response:
    """The router's own errors: no such page (404), a wrong method (405), a bad form (400)."""
    status = exc.status_code if isinstance(exc, HTTPException) else 500
    say = say_for(request_lang(request))
    if status in (404, 405):
        return error_page(request, 404, say(Msg.WEB_ERROR_NOT_FOUND))
    return error_page(request, status, say(Msg.WEB_ERROR_CSRF))  # an unreadable form


async def on_shop_error(request: Request, exc: Exception) -> Response:
    """A shop refusal (no such order, adults only, already decided): its own message."""
    if not isinstance(exc, JangbogiError):
        return await on_unexpected(request, exc)
    say = say_for(request_lang(request))
    return error_page(request, _status(exc), redact_card_numbers(say.error(exc)))


def _status(exc: JangbogiError) -> int:
    if isinstance(exc, NotFoundError):
        return 404
    if isinstance(exc, NotAllowedError):
        return 403
    if isinstance(exc, DatabaseError):
        log.warning("database: %s", exc)
        return 503
    return 409


async def on_unexpected(request: Request, exc: Exception) -> Response:
    log.error("%s %s failed", request.method, request.url.path, exc_info=exc)
    return error_page(request, 500, say_for(request_lang(request))(Msg.WEB_ERROR_SERVER))
