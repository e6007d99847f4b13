"""Subscriptions and the daemon's notifications in a real browser (Debian's Chromium, the
fixtures of ``tests/test_web_browser.py``): subscriptions made with ``jangbogi subscriptions
add``, a notification left by one real run of ``jangbogi daemon --run-due``."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.shop_helpers import execute
from tests.test_web_browser import PHONE, browser, sign_in, site
from tests.web_site import Site

__all__ = ["browser", "site"]  # the fixtures, shared with the orders' browser tests

pytestmark = pytest.mark.slow


def listed(site: Site, sub_id: int) -> dict[str, Any]:
    """The subscription as ``jangbogi subscriptions list --all --json`` prints it."""
    out = site.jangbogi("subscriptions", "list", "--all", "--json")
    found: dict[str, Any] = next(d for d in map(json.loads, out.splitlines()) if d["id"] == sub_id)
    return found


def add(site: Site, *args: str) -> int:
    out = site.jangbogi("subscriptions", "add", "--json", *args)
    sub_id: int = json.loads(out)["id"]
    return sub_id


@pytest.fixture(scope="module")
def subs(site: Site) -> dict[str, int]:
    """Milk every Monday (to skip and pause), the same milk on the 1st (by its name, to
    cancel), and eggs every day whose price then rose: one real run of the daemon holds
    them and leaves a 'held' notification."""
    milk = add(site, "--product", "DAI-001", "--every", "week", "--on", "mon")
    monthly = add(site, "--product", "서울우유 흰우유 1L", "--every", "month", "--day", "1")
    eggs = add(site, "--product", "EGG-001", "--every", "day")
    execute(site.db_url, "update products set price = 30000, member_price = 30000 "
                         "where sku = 'EGG-001'")  # fmt: skip
    site.jangbogi("daemon", "--run-due", "--now", listed(site, eggs)["next_run_at"])
    return {"milk": milk, "monthly": monthly, "eggs": eggs}


def test_a_subscription_skipped_and_paused(browser: Any, site: Site, subs: dict[str, int]) -> None:
    milk = subs["milk"]
    before = listed(site, milk)
    page = sign_in(browser, site, "demo")
    page.click("a[href='/subscriptions']")
    card = page.locator(f"section[data-sub='{milk}']")
    assert "매주 월요일 오전 9시" in card.locator(".schedule").inner_text()
    assert "아직 주문 전" in card.locator(".last").inner_text()
    next_before = card.locator(".next").inner_text()
    card.locator("button.skip").click()
    page.wait_for_url(f"**/subscriptions?done=skip&id={milk}")
    assert page.locator("#done").is_visible()
    assert card.locator(".next").inner_text() != next_before
    assert "건너뜀" in card.locator(".last").inner_text()
    after = listed(site, milk)
    assert after["last_run"] == "skipped" and after["last_run_at"] == before["next_run_at"]
    card.locator("button.pause").click()
    page.wait_for_url(f"**/subscriptions?done=pause&id={milk}")
    assert card.get_attribute("data-status") == "paused"
    assert card.locator("button.skip").count() == 0
    assert card.locator("button.resume").is_visible()
    assert listed(site, milk)["status"] == "paused"


def test_cancel_asks_first(browser: Any, site: Site, subs: dict[str, int]) -> None:
    monthly = subs["monthly"]
    page = sign_in(browser, site, "demo", locale="en-US")
    page.goto("/subscriptions")
    page.locator(f"section[data-sub='{monthly}'] button.cancel").click()
    page.wait_for_url(f"**/subscriptions/{monthly}/cancel?")  # a GET form
    assert page.locator("h1").inner_text() == "Cancel this regular delivery?"
    page.click("button.keep")
    page.wait_for_url("**/subscriptions?")
    assert listed(site, monthly)["status"] == "active"
    page.locator(f"section[data-sub='{monthly}'] button.cancel").click()
    page.click("button.confirm")
    page.wait_for_url(f"**/subscriptions?done=cancel&id={monthly}")
    assert f"Regular delivery {monthly}: cancelled." in page.locator("#done").inner_text()
    assert page.locator(f"section[data-sub='{monthly}']").count() == 0
    assert listed(site, monthly)["status"] == "cancelled"


def _unread(site: Site) -> list[dict[str, Any]]:
    return [json.loads(line) for line in site.jangbogi("notifications", "--json").splitlines()]


def test_a_notification_marked_read(browser: Any, site: Site, subs: dict[str, int]) -> None:
    held = next(n for n in _unread(site) if n["subscription_id"] == subs["eggs"])
    assert held["kind"] == "held" and held["data"]["new_price"] == 30000
    page = sign_in(browser, site, "demo")
    count = len(_unread(site))
    nav = page.locator("#nav-notifications")
    assert nav.get_attribute("data-unread") == str(count) and f"({count})" in nav.inner_text()
    nav.click()
    note = page.locator(f"section[data-note='{held['id']}']")
    assert note.get_attribute("data-unread") == "yes"
    assert "풀무원" in note.locator(".sentence").inner_text()
    assert "30,000원" in note.locator(".sentence").inner_text()
    note.locator("button.read").click()
    page.wait_for_url("**/notifications?marked=1")
    assert note.get_attribute("data-unread") == "no"
    assert note.locator("button.read").count() == 0
    assert page.locator("#nav-notifications").get_attribute("data-unread") == str(count - 1)
    assert held["id"] not in [n["id"] for n in _unread(site)]


def test_the_new_pages_fit_a_phone(browser: Any, site: Site, subs: dict[str, int]) -> None:
    phone = {"viewport": PHONE, "is_mobile": True, "has_touch": True}
    for locale in ("ko-KR", "en-US"):
        page = sign_in(browser, site, "demo", locale=locale, **phone)
        child = sign_in(browser, site, "민준", locale=locale, **phone)
        for p, path in [(page, "/subscriptions"), (page, f"/subscriptions/{subs['eggs']}/cancel"),
                        (page, "/notifications"), (child, "/subscriptions"),
                        (child, "/notifications")]:  # fmt: skip
            p.goto(path)
            width = p.evaluate("document.documentElement.scrollWidth")
            assert width <= PHONE["width"], f"{locale} {path}: {width}px wide"
