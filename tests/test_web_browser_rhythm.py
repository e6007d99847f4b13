"""The rhythm page in a real browser (Chromium, like ``tests/test_web_browser.py``): the demo
household's milk history seeded through the shop, then "running out soon" -> order ->
confirm -> the receipt, on a phone-sized screen."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import func, select

from assistant.store import db
from assistant.store.models import Channel, Order, OrderStatus, utcnow
from tests.test_web_browser import PHONE, _browser_or_skip, sign_in
from tests.test_web_rhythm import seed
from tests.web_site import CHROMIUM, Site, prepare, serving

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    _browser_or_skip()
    prepared = prepare(tmp_path_factory.mktemp("web-rhythm"))
    seed(db.session_factory(db.open_engine(prepared.db_url)), utcnow())
    with serving(prepared) as running:
        yield running
    assert "Traceback" not in running.log.read_text()


@pytest.fixture(scope="module")
def browser(site: Site) -> Iterator[Any]:
    with _browser_or_skip()() as p:
        launched = p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        yield launched
        launched.close()


def web_orders(site: Site) -> list[Order]:
    with db.transaction(db.session_factory(db.open_engine(site.db_url))) as s:
        return list(s.scalars(select(Order).where(Order.channel == Channel.TEXT)))


def test_order_from_running_out_soon_and_see_its_receipt(browser: Any, site: Site) -> None:
    phone: dict[str, Any] = {"viewport": PHONE, "is_mobile": True, "has_touch": True}
    page = sign_in(browser, site, "demo", **phone)
    page.click("a[href='/rhythm']")
    page.wait_for_url("**/rhythm")
    assert page.locator("section.product svg circle.purchase").count() == 4
    assert page.locator("section.product svg circle.predicted").count() == 1
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    due = page.locator("li.due").first
    assert "서울우유" in due.inner_text()
    due.locator("button.order").click()
    page.wait_for_url("**/rhythm/order")
    question = page.locator("#question").inner_text()
    assert "서울우유 흰우유 1L" in question and "결제 금액" in question
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert web_orders(site) == []  # asking orders nothing
    form = {name: page.get_attribute(f"input[name={name}]", "value") for name in ("csrf", "ticket")}
    page.click("button.yes")
    page.wait_for_url("**/orders/*")
    (order,) = web_orders(site)
    assert page.url.endswith(f"/orders/{order.id}")
    assert page.locator("#receipt").get_attribute("data-status") == "placed"
    assert f"{order.total:,}원" in page.locator("#total").inner_text()
    assert order.status is OrderStatus.PLACED
    again = page.request.post("/rhythm/confirm", form=form, max_redirects=0)  # a second "yes"
    assert again.status == 303 and again.headers["location"] == f"/orders/{order.id}"
    with db.transaction(db.session_factory(db.open_engine(site.db_url))) as s:
        assert s.scalar(select(func.count()).select_from(Order).where(
            Order.channel == Channel.TEXT)) == 1  # fmt: skip
