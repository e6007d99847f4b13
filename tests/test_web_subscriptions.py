"""The web door's subscriptions and notifications without a browser (Starlette's test client):
each action changes the database exactly as the CLI's would, and every refusal (no session,
forged token, a child, another household's or an unknown id) changes nothing."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any

import pytest
from starlette.testclient import TestClient

from assistant.cli import main
from assistant.doors.web.app import build_app
from assistant.doors.web.settings import WebSettings
from assistant.store import db
from tests.shop_helpers import execute, rows
from tests.subscription_helpers import notify, runs, subscriptions

PASSWORDS = {"demo": "owner-pass-1", "민준": "child-pass-1"}
EN = {"accept-language": "en"}
AT = datetime(2026, 12, 1, 0, 0, tzinfo=UTC)


@pytest.fixture
def client(db_url: str) -> TestClient:
    from assistant.shop.signin import set_password

    assert main(["member", "add", "민준", "--role", "child", "--db", db_url]) == 0
    assert main(["household", "create", "이웃집", "--owner", "이웃", "--db", db_url]) == 0
    factory = db.session_factory(db.open_engine(db_url))
    for name, password in PASSWORDS.items():
        set_password(factory, name, password)
    app = build_app(factory, WebSettings(secret_key="k" * 40))
    return TestClient(app, raise_server_exceptions=False, follow_redirects=False)


def add_subscription(url: str, product: str = "DAI-001", *more: str) -> int:
    args = ["subscriptions", "add", "--product", product, "--every", "week", "--on", "mon"]
    assert main([*args, *more, "--db", url]) == 0
    found = subscriptions(url)[-1][0]
    assert isinstance(found, int)
    return found


def _token(client: TestClient, path: str) -> str:
    found = re.search(r'name="csrf" value="([^"]+)"', client.get(path, headers=EN).text)
    assert found is not None
    return found.group(1)


def signed_in(client: TestClient, name: str = "demo") -> str:
    """Signs ``name`` in; returns the session's token."""
    form = {"csrf": _token(client, "/signin"), "name": name, "password": PASSWORDS[name]}
    assert client.post("/signin", data=form).status_code == 303
    return _token(client, "/subscriptions")


def post(client: TestClient, path: str, token: str, **extra: str) -> Any:
    return client.post(path, data={"csrf": token, **extra}, headers=EN)


def state(url: str, sub: int) -> tuple[object, ...]:
    return next(r for r in subscriptions(url) if r[0] == sub)


def test_the_page_lists_product_schedule_next_date_and_last_outcome(
    client: TestClient, db_url: str
) -> None:
    sub = add_subscription(db_url)
    signed_in(client)
    page = client.get("/subscriptions", headers=EN).text
    assert f'data-sub="{sub}"' in page and 'data-status="active"' in page
    assert '<p class="schedule">every Monday at 9 am</p>' in page  # as the locales say it
    assert re.search(r"Next: Monday, [A-Z][a-z]+ [0-9]{1,2} at 9 am", page)  # Seoul's clock
    assert "Not ordered yet" in page
    ko = client.get("/subscriptions?lang=ko").text
    assert "다음 주문: " in ko and "월요일" in ko


def test_pause_resume_and_skip_change_exactly_that(client: TestClient, db_url: str) -> None:
    sub = add_subscription(db_url)
    other = add_subscription(db_url, "EGG-001")
    token = signed_in(client)
    before_next, untouched = state(db_url, sub)[4], state(db_url, other)
    answer = post(client, f"/subscriptions/{sub}/skip", token)
    assert answer.status_code == 303
    assert answer.headers["location"] == f"/subscriptions?done=skip&id={sub}"
    assert [r[0] for r in runs(db_url)] == [sub]
    assert runs(db_url)[0][2] == "skipped" and runs(db_url)[0][3] == "web"
    assert state(db_url, sub)[4] > before_next
    assert post(client, f"/subscriptions/{sub}/pause", token).status_code == 303
    assert state(db_url, sub)[3] == "paused"
    page = client.get(f"/subscriptions?done=pause&id={sub}", headers=EN).text
    assert f"Regular delivery {sub}: paused." in page
    assert post(client, f"/subscriptions/{sub}/resume", token).status_code == 303
    assert state(db_url, sub)[3] == "active"
    assert state(db_url, other) == untouched


def test_cancel_asks_first_and_only_confirm_yes_cancels(client: TestClient, db_url: str) -> None:
    sub = add_subscription(db_url)
    token = signed_in(client)
    answer = post(client, f"/subscriptions/{sub}/cancel", token)
    assert answer.status_code == 303
    assert answer.headers["location"] == f"/subscriptions/{sub}/cancel"
    assert state(db_url, sub)[3] == "active"
    confirm = client.get(f"/subscriptions/{sub}/cancel", headers=EN)
    assert confirm.status_code == 200 and 'name="confirm" value="yes"' in confirm.text
    assert state(db_url, sub)[3] == "active"  # the GET changed nothing
    assert post(client, f"/subscriptions/{sub}/cancel", token, confirm="yes").status_code == 303
    assert state(db_url, sub)[3:] == ("cancelled", None)
    assert f'data-sub="{sub}"' not in client.get("/subscriptions").text


def test_a_wrong_state_is_a_clear_page_and_changes_nothing(client: TestClient, db_url: str) -> None:
    sub = add_subscription(db_url)
    token = signed_in(client)
    before = state(db_url, sub)
    answer = post(client, f"/subscriptions/{sub}/resume", token)
    assert answer.status_code == 409
    assert 'id="error-message"' in answer.text and "Traceback" not in answer.text
    assert state(db_url, sub) == before


def test_refusals_change_nothing(client: TestClient, db_url: str) -> None:
    sub = add_subscription(db_url)
    before = state(db_url, sub)
    assert client.post(f"/subscriptions/{sub}/pause", data={"csrf": "x"}).status_code == 403
    token = signed_in(client)
    assert post(client, f"/subscriptions/{sub}/pause", "forged-" + token).status_code == 403
    assert client.post(f"/subscriptions/{sub}/pause").status_code == 403  # no token at all
    assert state(db_url, sub) == before


def test_a_child_sees_them_and_may_change_none(client: TestClient, db_url: str) -> None:
    sub = add_subscription(db_url)
    before = state(db_url, sub)
    token = signed_in(client, "민준")
    page = client.get("/subscriptions", headers=EN).text
    assert f'data-sub="{sub}"' in page and "Only an adult can change them." in page
    assert 'action="/subscriptions/' not in page
    for action in ("pause", "skip", "cancel"):
        answer = post(client, f"/subscriptions/{sub}/{action}", token, confirm="yes")
        assert answer.status_code == 403, action
        assert "only an adult" in answer.text
    assert client.get(f"/subscriptions/{sub}/cancel").status_code == 403
    assert state(db_url, sub) == before and runs(db_url) == []


@pytest.mark.parametrize("path", ["pause", "skip", "resume"])
def test_another_households_or_an_unknown_id_is_not_found(
    client: TestClient, db_url: str, path: str
) -> None:
    sub = add_subscription(db_url)
    execute(db_url, f"update subscriptions set household_id = 2 where id = {sub}")
    before = state(db_url, sub)
    token = signed_in(client)
    for wanted in (str(sub), "999999", "abc", "0", "9" * 30):
        answer = post(client, f"/subscriptions/{wanted}/{path}", token)
        assert answer.status_code == 404, wanted
        assert 'id="error-message"' in answer.text
    assert client.get(f"/subscriptions/{sub}/cancel", headers=EN).status_code == 404
    assert f'data-sub="{sub}"' not in client.get("/subscriptions").text
    assert state(db_url, sub) == before


def notes(url: str) -> list[tuple[object, ...]]:
    return rows(url, "select id, household_id, told_at is not null from notifications order by id")


def test_notifications_are_listed_and_marked_read_one_and_all(
    client: TestClient, db_url: str
) -> None:
    placed = notify(db_url, "placed", {"product": "서울우유", "product_en": "Seoul Milk",
                                       "order_id": 7, "total": 5980}, AT)  # fmt: skip
    held = notify(db_url, "held", {"product": "달걀", "product_en": "Eggs", "old_price": 9000,
                                   "new_price": 11000, "pct": 22}, AT)  # fmt: skip
    theirs = notify(db_url, "missed", {"product": "두부"}, AT, household_id=2)
    token = signed_in(client)
    page = client.get("/notifications", headers=EN).text
    assert 'data-unread="2"' in page and "Notifications (2)" in page
    assert "Seoul Milk" in page and "Eggs" in page
    assert f'data-note="{theirs}"' not in page
    assert post(client, f"/notifications/{theirs}/read", token).status_code == 404
    assert post(client, "/notifications/999999/read", token).status_code == 404
    answer = post(client, f"/notifications/{placed}/read", token)
    assert answer.status_code == 303 and answer.headers["location"] == "/notifications?marked=1"
    assert notes(db_url) == [(placed, 1, 1), (held, 1, 0), (theirs, 2, 0)]
    assert "Notifications (1)" in client.get("/notifications", headers=EN).text
    assert post(client, "/notifications/read-all", "forged").status_code == 403
    assert notes(db_url)[1] == (held, 1, 0)
    assert post(client, "/notifications/read-all", token).status_code == 303
    assert notes(db_url) == [(placed, 1, 1), (held, 1, 1), (theirs, 2, 0)]
    page = client.get("/notifications?marked=1", headers=EN).text
    assert 'data-unread="0"' in page and "One notification marked as read." in page
