"""The account page in a real browser (Debian's Chromium, the fixtures of
``tests/test_web_browser.py``): a parent sets a child's per-order limit and adds a card by its
token and last four digits, on a phone-sized screen without horizontal scrolling."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.test_web_browser import PHONE, browser, sign_in, site
from tests.web_site import Site

__all__ = ["browser", "site"]  # the fixtures, shared with the orders' browser tests

pytestmark = pytest.mark.slow


def child_limits(site: Site) -> dict[str, Any]:
    out = site.jangbogi("member", "list", "--json")
    found: dict[str, Any] = next(
        d for d in map(json.loads, out.splitlines()) if d["name"] == "민준"
    )
    return found


def test_a_parent_limits_a_child_and_adds_a_card_on_a_phone(browser: Any, site: Site) -> None:
    phone = {"viewport": PHONE, "is_mobile": True, "has_touch": True}
    page = sign_in(browser, site, "demo", **phone)
    page.click("#nav-account")
    page.wait_for_url("**/account")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    child = page.locator("div.member[data-role='child']")
    child.locator("input[name=per_order]").fill("15000")
    child.locator("button.save-limits").click()
    page.wait_for_url("**/account?done=limits")
    assert child_limits(site)["per_order_limit"] == 15000
    assert "15,000" in page.locator("div.member[data-role='child'] .limits").inner_text()
    page.fill("#card-token", "tok_web_browser_5555")
    page.fill("#card-last4", "5555")
    page.fill("#card-label", "마스터")
    page.click("#card-add button[type=submit]")
    page.wait_for_url("**/account?done=card")
    assert "마스터 ····5555" in page.locator("#cards").inner_text()
    assert "****5555" in site.jangbogi("household", "payment", "list")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    kid = sign_in(browser, site, "민준", **phone)
    assert kid.locator("#nav-account").count() == 0
    assert kid.goto("/account").status == 403
    english = sign_in(browser, site, "demo", locale="en-US", **phone)
    english.goto("/account")
    assert english.locator("h1").inner_text() == "Household account"
    assert english.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
