"""The Starlette app of the household's web page, built from a session factory and settings."""

from __future__ import annotations

from sqlalchemy.orm import Session, sessionmaker
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.sessions import SessionMiddleware
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from assistant.doors.web import (
    account,
    account_places,
    approvals,
    buy,
    notifications,
    orders,
    problems,
    rhythm,
    signin_pages,
)
from assistant.doors.web import subscriptions as subs
from assistant.doors.web.guard import Refusal, Visit, page
from assistant.doors.web.headers import SecurityHeaders
from assistant.doors.web.settings import WebSettings
from assistant.errors import JangbogiError


def _home(visit: Visit) -> Response:
    return RedirectResponse(signin_pages.HOME, status_code=303)


def routes() -> list[Route]:
    """Every page: GETs show, POSTs change (each POST form carries the CSRF token)."""
    return [
        Route("/", page(_home), methods=["GET"]),
        Route("/signin", page(signin_pages.signin_form, public=True), methods=["GET"]),
        Route("/signin", page(signin_pages.signin_post, public=True), methods=["POST"]),
        Route("/signout", page(signin_pages.signout), methods=["POST"]),
        Route("/orders", page(orders.orders_page), methods=["GET"]),
        Route("/orders/{order_id}", page(orders.receipt_page), methods=["GET"]),
        Route("/approvals", page(approvals.approvals_page), methods=["GET"]),
        Route("/approvals/{order_id}/approve", page(approvals.approve), methods=["POST"]),
        Route("/approvals/{order_id}/reject", page(approvals.reject), methods=["POST"]),
        # web: rhythm -- the buying rhythm, and a one-tap order asked and confirmed
        Route("/rhythm", page(rhythm.rhythm_page), methods=["GET"]),
        Route("/rhythm/order", page(buy.order_ask), methods=["POST"]),
        Route("/rhythm/confirm", page(buy.order_confirm), methods=["POST"]),
        # --- subscriptions and the daemon's notifications (cancel: a confirmation page first)
        Route("/subscriptions", page(subs.subscriptions_page), methods=["GET"]),
        Route("/subscriptions/{sub_id}/pause", page(subs.pause), methods=["POST"]),
        Route("/subscriptions/{sub_id}/resume", page(subs.resume), methods=["POST"]),
        Route("/subscriptions/{sub_id}/skip", page(subs.skip), methods=["POST"]),
        Route("/subscriptions/{sub_id}/cancel", page(subs.confirm_cancel_page), methods=["GET"]),
        Route("/subscriptions/{sub_id}/cancel", page(subs.cancel), methods=["POST"]),
        Route("/notifications", page(notifications.notifications_page), methods=["GET"]),
        Route("/notifications/read-all", page(notifications.mark_all_read), methods=["POST"]),
        Route("/notifications/{note_id}/read", page(notifications.mark_read), methods=["POST"]),
        # --- web: account -- membership, cards, places, members and limits (owner and adults)
        Route("/account", page(account.account_page), methods=["GET"]),
        Route("/account/membership", page(account.membership), methods=["POST"]),
        Route("/account/members", page(account.member_add), methods=["POST"]),
        Route("/account/members/{member_id}/limits", page(account.member_limits), methods=["POST"]),
        Route("/account/members/{member_id}/remove", page(account.member_remove), methods=["POST"]),
        Route("/account/cards", page(account_places.card_add), methods=["POST"]),
        Route(
            "/account/cards/{card_id}/default", page(account_places.card_default), methods=["POST"]
        ),
        Route(
            "/account/cards/{card_id}/remove", page(account_places.card_remove), methods=["POST"]
        ),
        Route("/account/places", page(account_places.place_add), methods=["POST"]),
        Route(
            "/account/places/{place_id}/default",
            page(account_places.place_default),
            methods=["POST"],
        ),
        Route(
            "/account/places/{place_id}/remove", page(account_places.place_remove), methods=["POST"]
        ),
    ]


def build_app(factory: sessionmaker[Session], settings: WebSettings) -> Starlette:
    """The app: signed session cookies (HttpOnly, SameSite=Lax), security headers, error
    pages for every refusal and failure."""
    middleware = [
        Middleware(SecurityHeaders),
        Middleware(SessionMiddleware, secret_key=settings.secret_key,
                   session_cookie=settings.cookie_name, max_age=settings.session_max_age_s,
                   same_site="lax", https_only=settings.https_only),
    ]  # fmt: skip
    handlers = {
        Refusal: problems.on_refusal,
        JangbogiError: problems.on_shop_error,
        HTTPException: problems.on_http,
        Exception: problems.on_unexpected,
    }
    app = Starlette(routes=routes(), middleware=middleware, exception_handlers=handlers)
    app.state.factory = factory
    return app
