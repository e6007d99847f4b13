"""The web door without a browser (Starlette's test client): the secret key file, the cookie's
attributes, the language choice, CSRF, error pages, the command's first line."""

from __future__ import annotations

import logging
import re
import stat
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from assistant.doors.web import orders
from assistant.doors.web.app import build_app
from assistant.doors.web.language import choose, from_accept_language
from assistant.doors.web.settings import SECRET_FILE, WebSettings, is_loopback, load_secret
from assistant.errors import ConfigError
from assistant.store import db
from tests.conftest import Runner

PASSWORD = "owner-pass-1"


@pytest.fixture
def client(db_url: str) -> TestClient:
    from assistant.shop.signin import set_password

    factory = db.session_factory(db.open_engine(db_url))
    set_password(factory, "demo", PASSWORD)
    app = build_app(factory, WebSettings(secret_key="k" * 40))
    return TestClient(app, raise_server_exceptions=False, follow_redirects=False)


def _token(client: TestClient, path: str = "/signin") -> str:
    found = re.search(r'name="csrf" value="([^"]+)"', client.get(path).text)
    assert found is not None
    return found.group(1)


def _signed_in(client: TestClient) -> TestClient:
    form = {"csrf": _token(client), "name": "demo", "password": PASSWORD}
    assert client.post("/signin", data=form).status_code == 303
    return client


def test_the_secret_key_is_made_once_with_mode_0600(tmp_path: Path) -> None:
    key = load_secret(tmp_path / "data")
    path = tmp_path / "data" / SECRET_FILE
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert load_secret(tmp_path / "data") == key
    assert len(key) >= 32
    path.write_text("short")
    with pytest.raises(ConfigError):
        load_secret(tmp_path / "data")


def test_the_session_cookie_is_signed_httponly_and_lax(client: TestClient) -> None:
    cookie = client.get("/signin").headers["set-cookie"].lower()
    assert "httponly" in cookie
    assert "samesite=lax" in cookie
    client.cookies.set("jangbogi_session", "eyJtZW1iZXJfaWQiOiAxfQ==.forged.sig")
    assert client.get("/orders").status_code == 303  # a forged cookie is no session


def test_signing_in_gives_a_new_token(client: TestClient) -> None:
    before = _token(client)
    _signed_in(client)
    assert _token(client, "/orders") != before
    assert client.get("/orders").status_code == 200


def test_a_post_with_the_old_token_after_sign_in_is_refused(client: TestClient) -> None:
    before = _token(client)
    _signed_in(client)
    response = client.post("/signout", data={"csrf": before})
    assert response.status_code == 403
    assert client.get("/orders").status_code == 200  # still signed in


@pytest.mark.parametrize(
    ("header", "lang"),
    [("en-US,en;q=0.9", "en"), ("ko-KR,ko;q=0.9,en;q=0.8", "ko"), ("fr, en;q=0.5", "en"),
     ("de", "ko"), ("", "ko"), (None, "ko"), ("en;q=0.1, ko;q=0.2", "ko"), ("en;q=x", "ko")],
)  # fmt: skip
def test_accept_language(header: str | None, lang: str) -> None:
    assert from_accept_language(header) == lang


def test_a_switch_link_beats_the_session_and_the_browser() -> None:
    assert choose("ko", "en", "ko") == "en"
    assert choose("en", None, "ko") == "en"
    assert choose("xx", "yy", "en") == "en"


def test_loopback_hosts() -> None:
    assert is_loopback("127.0.0.1") and is_loopback("localhost") and is_loopback("::1")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.0.2")


def test_an_unexpected_error_is_a_page_and_a_log_line(
    client: TestClient, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    _signed_in(client)

    def broken(*args: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(orders, "household_orders", broken)
    with caplog.at_level(logging.ERROR, logger="jangbogi.web"):
        response = client.get("/orders", headers={"accept-language": "en"})
    assert response.status_code == 500
    assert "Something went wrong on the server" in response.text
    assert "boom" not in response.text and "Traceback" not in response.text
    assert "GET /orders failed" in caplog.text


def test_every_response_carries_the_security_headers(client: TestClient) -> None:
    headers = client.get("/signin").headers
    assert headers["x-frame-options"] == "DENY"
    assert "frame-ancestors 'none'" in headers["content-security-policy"]
    assert headers["cache-control"] == "no-store"


def test_the_command_says_first_when_other_machines_can_reach_it(jangbogi: Runner) -> None:
    result = jangbogi("web", "--host", "0.0.0.0", "--port", "70000")
    assert result.code != 0
    first = result.err.splitlines()[0]
    assert "0.0.0.0" in first and "other machines" in first
    assert "--port 70000" in result.err


@pytest.mark.parametrize(
    ("path", "status"),
    [("/orders/999999", 404), ("/orders/abc", 404), ("/orders/0", 404),
     ("/orders/" + "9" * 30, 404), ("/orders/%EF%BC%91", 404), ("/orders?status=bogus", 400),
     ("/nowhere", 404)],
)  # fmt: skip
def test_bad_ids_and_input_are_clear_pages(client: TestClient, path: str, status: int) -> None:
    _signed_in(client)
    response = client.get(path, headers={"accept-language": "en"})
    assert response.status_code == status
    assert 'id="error-message"' in response.text
    assert "Traceback" not in response.text


def test_the_orders_list_comes_in_pages_newest_first(client: TestClient, db_url: str) -> None:
    """120 orders: 50 on a page, newest first, a link to the older ones; the last page has
    no link; the status filter and a bad ``before`` are kept or refused."""
    from datetime import UTC, datetime, timedelta

    from assistant.shop.service import ShopService
    from assistant.store.models import Channel

    factory = db.session_factory(db.open_engine(db_url))
    shop = ShopService(factory)
    start = datetime(2026, 1, 1, 9, 0, tzinfo=UTC)
    placed = [shop.place([(1, 1)], key=f"page-{i}", channel=Channel.AUTO,
                         now=start + timedelta(days=i))[0].id for i in range(120)]  # fmt: skip
    _signed_in(client)

    def page(path: str) -> tuple[list[int], str | None]:
        body = client.get(path).text
        shown = [int(n) for n in re.findall(r'class="card order" data-order="(\d+)"', body)]
        older = re.search(r'id="older" href="([^"]+)"', body)
        return shown, older.group(1).replace("&amp;", "&") if older else None

    newest = sorted(placed, reverse=True)
    first, older = page("/orders")
    assert first == newest[:50] and older == f"/orders?before={newest[49]}"
    second, older = page(older)
    assert second == newest[50:100] and older is not None
    third, older = page(older)
    assert third == newest[100:] and older is None
    filtered, older = page("/orders?status=placed")
    assert filtered == newest[:50] and older is not None and "status=placed" in older
    assert client.get("/orders?before=abc").status_code == 400
