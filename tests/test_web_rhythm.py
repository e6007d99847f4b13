"""The rhythm page and the one-tap order from "running out soon", without a browser: the chart
(escaped names), and the confirmation flow through the shop's tickets and rules."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker
from starlette.testclient import TestClient

from assistant.cli import main
from assistant.doors.web import buy
from assistant.doors.web.app import build_app
from assistant.doors.web.chart import place_days
from assistant.doors.web.settings import WebSettings
from assistant.shop import controls
from assistant.shop.history import day_index
from assistant.shop.service import ShopService
from assistant.store import db
from assistant.store.models import Channel, Household, Order, OrderStatus, Product, utcnow

PASSWORDS = {"demo": "owner-pass-1", "민준": "child-pass-1"}
MILK = "서울우유 흰우유 1L"
WEEKS = (28, 21, 14, 7)
"""Milk bought every 7 days, last a week ago: due today."""


def seed(factory: sessionmaker[Session], now: datetime) -> int:
    """The demo household's milk history, placed through the shop; returns the milk's id."""
    shop = ShopService(factory)
    (milk,) = shop.find_products(MILK)
    for ago in WEEKS:
        shop.place(((milk.id, 2),), key=f"seed-{ago}", channel=Channel.AUTO,
                   now=now - timedelta(days=ago))  # fmt: skip
    return milk.id


@pytest.fixture
def factory(db_url: str) -> sessionmaker[Session]:
    from assistant.shop.signin import set_password

    assert main(["member", "add", "민준", "--role", "child", "--db", db_url]) == 0
    made = db.session_factory(db.open_engine(db_url))
    for name, password in PASSWORDS.items():
        set_password(made, name, password)
    return made


@pytest.fixture
def milk(factory: sessionmaker[Session]) -> int:
    return seed(factory, utcnow())


def client_for(factory: sessionmaker[Session], name: str = "demo") -> TestClient:
    app = build_app(factory, WebSettings(secret_key="k" * 40))
    client = TestClient(app, raise_server_exceptions=False, follow_redirects=False)
    form = {"csrf": token(client, "/signin"), "name": name, "password": PASSWORDS[name]}
    assert client.post("/signin", data=form).status_code == 303
    return client


def token(client: TestClient, path: str = "/rhythm") -> str:
    found = re.search(r'name="csrf" value="([^"]+)"', client.get(path).text)
    assert found is not None
    return found.group(1)


def ticket(html: str) -> str:
    found = re.search(r'name="ticket" value="([^"]+)"', html)
    assert found is not None
    return found.group(1)


def orders(factory: sessionmaker[Session]) -> list[Order]:
    with db.transaction(factory) as s:
        found = list(s.scalars(select(Order).where(Order.channel == Channel.TEXT)))
        for o in found:
            _ = [(ln.product_id, ln.quantity) for ln in o.lines]
        return found


def ask(client: TestClient, product: int, quantity: int = 2) -> str:
    form = {"csrf": token(client), "product": str(product), "quantity": str(quantity)}
    response = client.post("/rhythm/order", data=form)
    assert response.status_code == 200, response.text
    return response.text


def test_chart_places_purchases_today_and_the_prediction() -> None:
    chart = place_days([(100, 1), (107, 2), (114, 1)], 120, 121.0)
    xs = [m.x for m in chart.purchases]
    assert xs == sorted(xs) and xs[0] == 12
    assert chart.predicted is not None and chart.predicted.x == chart.width - 12
    assert chart.purchases[1].quantity == 2 and chart.purchases[1].day == date.fromordinal(107)
    assert xs[-1] < chart.today.x < chart.predicted.x
    once = place_days([(100, 1)], 100, None)
    assert once.predicted is None and once.purchases[0].x == 12


def test_rhythm_page_shows_each_products_chart_from_the_insights(
    factory: sessionmaker[Session], milk: int
) -> None:
    client = client_for(factory)
    html = client.get("/rhythm", headers={"accept-language": "en"}).text
    with db.transaction(factory) as s:
        sku = s.get(Product, milk).sku  # type: ignore[union-attr]
        zone = s.scalars(select(Household)).first().timezone  # type: ignore[union-attr]
    section = html.split(f'data-sku="{sku}"')[1].split("</section>")[0]
    assert section.count('class="purchase"') == len(WEEKS)
    today = day_index(utcnow(), zone)
    assert 'class="predicted"' in section
    assert f'data-day="{date.fromordinal(today).isoformat()}"' in section  # due today
    assert "Bought 4 times, usually 2" in section and "About every 7 days" in section
    assert section.startswith(' data-due="yes"') and "Probably running out" in section
    assert f'<li class="card due" data-product="{milk}">' in html
    assert "Order 2" in html


def test_product_names_are_escaped_in_the_page_and_the_chart(
    factory: sessionmaker[Session], milk: int
) -> None:
    with db.transaction(factory, write=True) as s:
        product = s.get(Product, milk)
        assert product is not None
        product.name_en = '<script>alert("x")</script> & Milk'
    client = client_for(factory)
    html = client.get("/rhythm?lang=en").text
    assert "<script>" not in html
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; Milk" in html
    assert 'aria-label="Purchases of &lt;script&gt;' in html


def test_confirm_places_exactly_one_order_and_a_second_tap_changes_nothing(
    factory: sessionmaker[Session], milk: int
) -> None:
    client = client_for(factory)
    page = ask(client, milk)
    assert orders(factory) == []  # the question orders nothing
    assert "서울우유 흰우유 1L" in page and 'id="total"' in page and "90초" in page
    form = {"csrf": token(client), "ticket": ticket(page)}
    first = client.post("/rhythm/confirm", data=form)
    assert first.status_code == 303
    (order,) = orders(factory)
    assert first.headers["location"] == f"/orders/{order.id}"
    assert [(ln.product_id, ln.quantity) for ln in order.lines] == [(milk, 2)]
    assert order.status is OrderStatus.PLACED
    quote = ShopService(factory).quote([(milk, 2)])
    assert order.total == quote.total and f"{quote.total:,}원" in page
    again = client.post("/rhythm/confirm", data=form)  # the double tap
    assert again.status_code == 303 and again.headers["location"] == first.headers["location"]
    assert len(orders(factory)) == 1
    second_question = ask(client, milk)  # tapped "order" again from the list
    assert f"주문 {order.id}번" in second_question
    form2 = {"csrf": token(client), "ticket": ticket(second_question)}
    assert client.post("/rhythm/confirm", data=form2).status_code == 303
    assert len(orders(factory)) == 1  # the duplicate guard: the first order answers


def test_an_expired_or_forged_ticket_orders_nothing(
    factory: sessionmaker[Session], milk: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    client = client_for(factory)
    page = ask(client, milk)
    later = utcnow() + timedelta(seconds=91)
    monkeypatch.setattr(buy, "utcnow", lambda: later)
    expired = client.post("/rhythm/confirm", data={"csrf": token(client), "ticket": ticket(page)},
                          headers={"accept-language": "en"})  # fmt: skip
    assert expired.status_code == 409
    assert "nothing was ordered" in expired.text and 'id="error-message"' in expired.text
    monkeypatch.undo()
    forged = client.post("/rhythm/confirm", data={"csrf": token(client), "ticket": "f" * 32})
    assert forged.status_code == 409
    assert orders(factory) == []


def test_without_a_session_or_with_a_forged_token_nothing_is_ordered(
    factory: sessionmaker[Session], milk: int
) -> None:
    client = client_for(factory)
    page = ask(client, milk)
    forged = {"csrf": "forged", "ticket": ticket(page)}
    assert client.post("/rhythm/confirm", data=forged).status_code == 403
    assert client.post("/rhythm/order", data={"csrf": "x", "product": str(milk),
                                              "quantity": "2"}).status_code == 403  # fmt: skip
    stranger = TestClient(client.app, raise_server_exceptions=False, follow_redirects=False)
    assert stranger.post("/rhythm/confirm", data={"csrf": "x", "ticket": ticket(page)}
                         ).status_code == 403  # fmt: skip
    assert stranger.get("/rhythm").status_code == 303
    assert orders(factory) == []


@pytest.mark.parametrize("form", [{"product": "abc", "quantity": "1"},
                                  {"product": "1", "quantity": "0"},
                                  {"product": "1", "quantity": "100"}, {}])  # fmt: skip
def test_a_bad_order_form_is_a_clear_page(
    factory: sessionmaker[Session], milk: int, form: dict[str, str]
) -> None:
    client = client_for(factory)
    response = client.post("/rhythm/order", data={"csrf": token(client), **form})
    assert response.status_code == 400 and 'id="error-message"' in response.text
    assert orders(factory) == []


def test_a_childs_one_tap_order_waits_for_approval(
    factory: sessionmaker[Session], milk: int
) -> None:
    client = client_for(factory, "민준")
    page = ask(client, milk, 1)
    assert 'id="needs-approval"' in page and 'name="pin"' not in page
    response = client.post("/rhythm/confirm", data={"csrf": token(client), "ticket": ticket(page)})
    assert response.status_code == 303
    (order,) = orders(factory)
    assert order.status is OrderStatus.PENDING_APPROVAL


def test_a_pin_household_asks_the_pin_before_placing(
    factory: sessionmaker[Session], milk: int
) -> None:
    with db.transaction(factory, write=True) as s:
        household = s.scalars(select(Household)).first()
        assert household is not None
        controls.set_pin(household, "2468")
    client = client_for(factory)
    page = ask(client, milk)
    assert 'name="pin"' in page
    form = {"csrf": token(client), "ticket": ticket(page)}
    for wrong in ({}, {"pin": "1111"}):
        again = client.post("/rhythm/confirm", data={**form, **wrong})
        assert again.status_code == 400 and 'id="error-message"' in again.text
        assert ticket(again.text) == form["ticket"] and 'name="pin"' in again.text
    assert orders(factory) == []
    assert client.post("/rhythm/confirm", data={**form, "pin": "2468"}).status_code == 303
    assert len(orders(factory)) == 1


def test_a_same_named_member_of_another_household_orders_for_their_own(
    factory: sessionmaker[Session], milk: int, db_url: str
) -> None:
    client = client_for(factory)  # signed in before the second "demo" exists
    assert main(["household", "create", "이웃집", "--owner", "demo", "--db", db_url]) == 0
    page = ask(client, milk)
    response = client.post("/rhythm/confirm", data={"csrf": token(client), "ticket": ticket(page)})
    assert response.status_code == 303
    (order,) = orders(factory)
    with db.transaction(factory) as s:
        household = s.scalars(select(Household).where(Household.name == "데모 가족")).one()
        assert order.household_id == household.id


def test_without_history_the_page_says_so(factory: sessionmaker[Session]) -> None:
    html = client_for(factory).get("/rhythm?lang=en").text
    assert 'id="no-rhythm"' in html and 'id="nothing-running-out"' in html
    assert "<svg" not in html


def test_the_question_in_english_names_product_quantity_price_and_delivery(
    factory: sessionmaker[Session], milk: int
) -> None:
    client = client_for(factory)
    client.get("/rhythm?lang=en")
    page = ask(client, milk)
    quote = ShopService(factory).quote([(milk, 2)])
    (line,) = quote.lines
    assert "Order this?" in page and line.name_en in page
    assert '<td class="n quantity">2</td>' in page
    assert f"{line.unit_price:,}" in page and f"Total charged {quote.total:,}" in page
    assert f"fee {quote.delivery_fee:,}" in page or quote.delivery_fee == 0
    assert "90 seconds" in page
