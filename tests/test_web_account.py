"""The web door's account page without a browser (Starlette's test client): each action
changes the database exactly as ``jangbogi household|member`` would, and every refusal (no
session, forged token, a child, bad input, a card number, another household's or an unknown
id) is a clear page and changes nothing."""

from __future__ import annotations

from typing import Any

import pytest
from starlette.testclient import TestClient

from tests.shop_helpers import execute, rows
from tests.test_web_subscriptions import EN, client, signed_in

__all__ = ["client"]  # the fixture: demo household, child 민준, neighbours 이웃집

CARD = "4111 1111 1111 1111"


def post(client: TestClient, path: str, csrf: str, /, **fields: str) -> Any:
    return client.post(path, data={"csrf": csrf, **fields}, headers=EN)


def cards(url: str) -> list[tuple[object, ...]]:
    return rows(url, "select id, household_id, token, last4, label, is_default "
                     "from payment_methods order by id")  # fmt: skip


def places(url: str) -> list[tuple[object, ...]]:
    return rows(url, "select id, household_id, kind, label, detail, is_default "
                     "from addresses order by id")  # fmt: skip


def members(url: str) -> list[tuple[object, ...]]:
    return rows(url, "select id, household_id, name, role, per_order_limit, per_day_limit "
                     "from members order by id")  # fmt: skip


def household(url: str) -> tuple[object, ...]:
    return rows(url, "select membership_active, default_delivery from households where id = 1")[0]


def everything(url: str) -> tuple[object, ...]:
    return cards(url), places(url), members(url), household(url)


def member_id(url: str, name: str) -> int:
    found = next(m[0] for m in members(url) if m[2] == name)
    assert isinstance(found, int)
    return found


def test_the_page_shows_membership_cards_places_members(client: TestClient, db_url: str) -> None:
    signed_in(client)
    page = client.get("/account", headers={"accept-language": "en"})
    assert page.status_code == 200
    text = page.text
    assert 'id="nav-account"' in text and 'data-active="yes"' in text
    assert "VISA ····4242" in text and 'data-default="yes"' in text
    assert 'data-kind="locker"' in text and 'data-role="child"' in text
    assert "Per order (won): none" in text
    assert "tok_demo" not in text  # the token is never shown
    ko = client.get("/account?lang=ko").text
    assert "가족 계정" in ko and "아이" in ko


def test_membership_off_and_on(client: TestClient, db_url: str) -> None:
    token = signed_in(client)
    answer = post(client, "/account/membership", token, state="off")
    assert answer.status_code == 303 and answer.headers["location"] == "/account?done=membership"
    assert household(db_url)[0] in (0, False)
    assert post(client, "/account/membership", token, state="on").status_code == 303
    assert household(db_url)[0] in (1, True)
    assert post(client, "/account/membership", token, state="maybe").status_code == 400


def test_cards_added_made_default_and_removed(client: TestClient, db_url: str) -> None:
    token = signed_in(client)
    answer = post(client, "/account/cards", token, token="tok_web_mc_5555", last4="5555",
                  label="Master")  # fmt: skip
    assert answer.status_code == 303
    first, added = cards(db_url)
    assert added[1:] == (1, "tok_web_mc_5555", "5555", "Master", 0)
    assert post(client, f"/account/cards/{added[0]}/default", token).status_code == 303
    assert [c[5] for c in cards(db_url)] == [0, 1]
    assert post(client, f"/account/cards/{added[0]}/remove", token).status_code == 303
    assert [(c[0], c[5]) for c in cards(db_url)] == [(first[0], 1)]


@pytest.mark.parametrize(
    ("fields", "status", "says"),
    [
        ({"token": CARD, "last4": "1111"}, 409, "card number"),
        ({"token": "tok_ok_1234", "last4": "1111", "label": CARD}, 409, "card number"),
        ({"token": "tok_ok_1234", "last4": "11a1"}, 409, "four digits"),
        ({"token": "tok_ok_1234", "last4": "1111", "label": "x" * 51}, 409, "50"),
        ({"token": "tok_demo_visa_4242", "last4": "4242"}, 409, ""),
    ],
)
def test_a_bad_card_is_refused_with_the_shops_message(
    client: TestClient, db_url: str, fields: dict[str, str], status: int, says: str
) -> None:
    token = signed_in(client)
    before = everything(db_url)
    answer = post(client, "/account/cards", token, **fields)
    assert answer.status_code == status
    assert 'id="error-message"' in answer.text and says in answer.text
    assert "4111" not in answer.text and "Traceback" not in answer.text
    assert everything(db_url) == before


def test_places_added_made_default_and_removed(client: TestClient, db_url: str) -> None:
    token = signed_in(client)
    answer = post(client, "/account/places", token, kind="locker", label="역 앞 택배함",
                  detail="2번 출구")  # fmt: skip
    assert answer.status_code == 303
    added = places(db_url)[-1]
    assert added[1:] == (1, "locker", "역 앞 택배함", "2번 출구", 0)
    form = {"delivery": "yes"}
    assert post(client, f"/account/places/{added[0]}/default", token, **form).status_code == 303
    lockers = [(p[0], p[5]) for p in places(db_url) if p[2] == "locker"]
    assert lockers == [(lockers[0][0], 0), (added[0], 1)]
    assert household(db_url)[1] == "locker"
    assert post(client, f"/account/places/{added[0]}/remove", token).status_code == 303
    assert [p[5] for p in places(db_url) if p[2] == "locker"] == [1]
    assert post(client, "/account/places", token, kind="moon", label="x").status_code == 400
    assert post(client, "/account/places", token, kind="home", label="").status_code == 409


def test_members_added_limited_and_removed(client: TestClient, db_url: str) -> None:
    token = signed_in(client)
    answer = post(client, "/account/members", token, name="지우", role="adult",
                  per_order="50,000", per_day="none")  # fmt: skip
    assert answer.status_code == 303
    assert members(db_url)[-1][2:] == ("지우", "adult", 50000, None)
    child = member_id(db_url, "민준")
    form = {"per_order": "20000", "per_day": "none"}
    assert post(client, f"/account/members/{child}/limits", token, **form).status_code == 303
    assert next(m for m in members(db_url) if m[0] == child)[4:] == (20000, None)
    jiwoo = member_id(db_url, "지우")
    assert post(client, f"/account/members/{jiwoo}/remove", token).status_code == 303
    assert "지우" not in [m[2] for m in members(db_url)]


@pytest.mark.parametrize(
    ("path", "fields", "status"),
    [
        ("limits", {"per_order": "-5", "per_day": "none"}, 400),
        ("limits", {"per_order": "12abc", "per_day": "none"}, 400),
        ("limits", {"per_order": "99999999999", "per_day": "none"}, 409),
        ("limits", {"per_order": "0", "per_day": "none"}, 409),
        ("add", {"name": "x" * 101, "role": "adult"}, 409),
        ("add", {"name": CARD, "role": "adult"}, 409),
        ("add", {"name": "새 사람", "role": "king"}, 400),
        ("add", {"name": "민준", "role": "adult"}, 409),
        ("remove-owner", {}, 409),
    ],
)
def test_bad_member_input_changes_nothing(
    client: TestClient, db_url: str, path: str, fields: dict[str, str], status: int
) -> None:
    token = signed_in(client)
    before = everything(db_url)
    urls = {
        "limits": f"/account/members/{member_id(db_url, '민준')}/limits",
        "add": "/account/members",
        "remove-owner": f"/account/members/{member_id(db_url, 'demo')}/remove",
    }
    url = urls[path]
    answer = post(client, url, token, **fields)
    assert answer.status_code == status
    assert 'id="error-message"' in answer.text and "Traceback" not in answer.text
    assert "4111" not in answer.text
    assert everything(db_url) == before


def test_another_households_or_unknown_ids_are_not_found(client: TestClient, db_url: str) -> None:
    token = signed_in(client)
    neighbour = member_id(db_url, "이웃")
    execute(db_url, "insert into payment_methods (household_id, token, last4, label, "
                    "is_default, created_at) values (2, 'tok_theirs_1', '9999', 'theirs', 1, "
                    "'2026-12-01 00:00:00')")  # fmt: skip
    theirs = cards(db_url)[-1][0]
    before = everything(db_url)
    for path in [f"/account/members/{neighbour}/remove", f"/account/members/{neighbour}/limits",
                 f"/account/cards/{theirs}/remove", f"/account/cards/{theirs}/default",
                 "/account/cards/999999/remove", "/account/places/999999/default",
                 "/account/places/abc/remove", "/account/members/0/remove",
                 f"/account/cards/{'9' * 30}/remove"]:  # fmt: skip
        answer = post(client, path, token, per_order="1000", per_day="none")
        assert answer.status_code == 404, path
    assert everything(db_url) == before
    assert "theirs" not in client.get("/account").text


def test_refusals_change_nothing(client: TestClient, db_url: str) -> None:
    before = everything(db_url)
    assert client.get("/account").status_code == 303  # to the sign-in page
    data = {"csrf": "x", "state": "off"}
    assert client.post("/account/membership", data=data).status_code == 403
    token = signed_in(client)
    assert post(client, "/account/membership", "forged-" + token, state="off").status_code == 403
    assert client.post("/account/cards", data={"token": "tok_x_1234"}).status_code == 403
    assert everything(db_url) == before


def test_a_child_gets_403_everywhere_and_no_link(client: TestClient, db_url: str) -> None:
    before = everything(db_url)
    token = signed_in(client, "민준")
    assert 'id="nav-account"' not in client.get("/subscriptions").text
    answer = client.get("/account", headers={"accept-language": "en"})
    assert answer.status_code == 403 and "Only the owner or an adult" in answer.text
    me = member_id(db_url, "민준")
    for path, fields in [
        ("/account/membership", {"state": "off"}),
        ("/account/cards", {"token": "tok_kid_1234", "last4": "1234"}),
        ("/account/cards/1/default", {}), ("/account/cards/1/remove", {}),
        ("/account/places", {"kind": "home", "label": "x"}),
        ("/account/places/1/default", {}), ("/account/places/1/remove", {}),
        ("/account/members", {"name": "친구", "role": "owner"}),
        (f"/account/members/{me}/limits", {"per_order": "none", "per_day": "none"}),
        ("/account/members/1/remove", {}),
    ]:  # fmt: skip
        assert post(client, path, token, **fields).status_code == 403, path
    assert everything(db_url) == before
