"""Pages from the templates in ``templates/``, every word through the language's catalog."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from starlette.responses import HTMLResponse

from assistant.doors.web.members import SignedIn
from assistant.locales import LANGUAGES, Msg, say_for


@cache
def environment() -> Environment:
    """The templates, loaded once from the installed package; HTML is escaped."""
    return Environment(
        loader=PackageLoader("assistant.doors.web", "templates"),
        autoescape=select_autoescape(["html"]),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


@dataclass(frozen=True)
class Frame:
    """What every page shows around its content."""

    lang: str
    """The page's language."""
    csrf: str
    """The session's form token (every POST form carries it)."""
    member: SignedIn | None
    """Who is signed in (None: the sign-in and error pages)."""
    unread: int = 0
    """The household's unread notifications (the menu shows how many)."""


def render(frame: Frame, template: str, status: int = 200, /, **values: Any) -> HTMLResponse:
    """``template`` with the frame's words and ``values``."""
    say = say_for(frame.lang)
    page = environment().get_template(template)
    html = page.render(
        t=say,
        Msg=Msg,
        won=lambda amount: say(Msg.WON, amount=amount),
        lang=frame.lang,
        languages=LANGUAGES,
        csrf=frame.csrf,
        member=frame.member,
        unread=frame.unread,
        **values,
    )
    return HTMLResponse(html, status_code=status)
