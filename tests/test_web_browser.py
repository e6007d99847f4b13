"""``jangbogi web`` in a real browser: Debian's Chromium (``/usr/bin/chromium``) driven by
Playwright, against a real server process (``tests/web_site.py``).

Without Chromium these tests are skipped, unless ``JANGBOGI_REQUIRE_BROWSER`` is set (CI),
when its absence is a failure. No browser is ever downloaded.
"""

from __future__ import annotations

import json
import os
import struct
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from assistant.store.models import OrderStatus
from tests.web_site import CHROMIUM, NEIGHBOURS, PASSWORDS, REQUIRE_ENV, Site, prepare, serving

pytestmark = pytest.mark.slow

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
SCREENSHOTS_ENV = "JANGBOGI_SCREENSHOTS"
"""A directory: the screenshots go there (``make screenshots``: docs/screenshots) instead of
the test's temporary directory."""


def _browser_or_skip() -> Any:
    missing = None if CHROMIUM.exists() else f"{CHROMIUM} is not installed"
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing = "playwright (the Python package) is not installed"
    if missing:
        if os.environ.get(REQUIRE_ENV):
            pytest.fail(f"{missing} and {REQUIRE_ENV} is set")
        pytest.skip(missing)
    return sync_playwright


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    _browser_or_skip()
    prepared = prepare(tmp_path_factory.mktemp("web"))
    with serving(prepared) as running:
        yield running
    assert "Traceback" not in running.log.read_text()


@pytest.fixture(scope="module")
def orders(site: Site) -> dict[str, int]:
    """A child's order left waiting, and an owner's placed order (member price, card)."""
    waiting = site.child_order("메로나 하나 사줘")
    site.jangbogi("text", stdin="서울우유 흰우유 1L 두 개 주문해 줘\n응\n")
    return {"waiting": waiting, "placed": site.latest_order()}


@pytest.fixture(scope="module")
def browser(site: Site) -> Iterator[Any]:
    with _browser_or_skip()() as p:
        launched = p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        yield launched
        launched.close()


def sign_in(browser: Any, site: Site, name: str, *, locale: str = "ko-KR", **ctx: Any) -> Any:
    """A new browser context signed in as ``name``; returns its page (on the orders)."""
    page = browser.new_context(base_url=site.url, locale=locale, **ctx).new_page()
    page.goto("/signin")
    page.fill("#name", name)
    page.fill("#password", PASSWORDS[name])
    if name == "이웃":
        page.fill("#household", NEIGHBOURS)
    page.click("main button[type=submit]")
    page.wait_for_url("**/orders")
    return page


def token(page: Any) -> str:
    value: str = page.get_attribute("input[name=csrf]", "value")
    return value


def test_sign_in_wrong_then_right_then_out(browser: Any, site: Site) -> None:
    page = browser.new_context(base_url=site.url, locale="ko-KR").new_page()
    page.goto("/signin")
    page.fill("#name", "demo")
    page.fill("#password", "not-the-password")
    page.click("main button[type=submit]")
    assert page.locator("#error-message").is_visible()
    assert page.url.endswith("/signin")
    page.fill("#password", PASSWORDS["demo"])
    page.click("main button[type=submit]")
    page.wait_for_url("**/orders")
    assert page.locator("h1").inner_text() == "주문 내역"
    assert page.evaluate("document.cookie") == ""  # the session cookie is HttpOnly
    page.click("header button[type=submit]")  # sign out
    page.wait_for_url("**/signin")
    page.goto("/orders")
    assert page.url.endswith("/signin")


def test_orders_list_filter_and_receipt(browser: Any, site: Site, orders: dict[str, int]) -> None:
    placed, waiting = orders["placed"], orders["waiting"]
    page = sign_in(browser, site, "demo")
    listed = page.locator("li.order")
    assert page.locator(f"li[data-order='{placed}']").get_attribute("data-status") == "placed"
    assert page.locator(f"li[data-order='{waiting}']").count() == 1
    page.select_option("#status", "placed")
    page.click("main form button[type=submit]")
    page.wait_for_url("**/orders?status=placed")
    statuses = {listed.nth(i).get_attribute("data-status") for i in range(listed.count())}
    assert statuses == {"placed"}
    page.click(f"li[data-order='{placed}'] a")
    page.wait_for_url(f"**/orders/{placed}")
    text = page.locator("#receipt").inner_text()
    receipt = json.loads(site.jangbogi("receipt", str(placed), "--json"))
    assert f"{receipt['total']:,}원" in page.locator("#total").inner_text()
    assert f"{receipt['member_savings']:,}원" in page.locator("#savings").inner_text()
    assert f"****{receipt['payment']['last4']}" in page.locator("#card").inner_text()
    assert receipt["local_time"][:16].replace("T", " ") in text  # the household's clock
    assert "KST" in text
    line = receipt["lines"][0]
    row = page.locator("tr.line").first.inner_text()
    assert line["name"] in row
    assert f"{line['unit_price']:,}원" in row
    assert f"{line['regular_unit_price']:,}원" in row  # the regular price beside it
    page.emulate_media(media="print")
    assert not page.locator("header").is_visible()
    assert page.locator("#receipt").is_visible()


def test_a_child_order_approved_by_a_parent_in_another_context(
    browser: Any, site: Site, orders: dict[str, int]
) -> None:
    order_id = site.child_order("새우깡 하나 사줘")
    child = sign_in(browser, site, "민준")
    child.goto("/approvals")
    mine = child.locator(f"section[data-order='{order_id}']")
    assert mine.get_attribute("data-status") == "pending_approval"
    assert child.locator("button.approve").count() == 0  # a child cannot decide

    parent = sign_in(browser, site, "demo")
    parent.goto("/approvals")
    waiting = parent.locator(f"section[data-order='{order_id}']")
    assert "민준" in waiting.inner_text()
    assert "새우깡" in waiting.inner_text()
    assert "원" in waiting.locator("strong").inner_text()
    waiting.locator("button.approve").click()
    parent.wait_for_url("**/approvals?decided=*")
    assert parent.locator("#decided").is_visible()
    assert parent.locator(f"section[data-order='{order_id}']").count() == 0

    child.reload()
    assert mine.get_attribute("data-status") == "placed"
    assert "demo" in mine.inner_text()
    assert site.status(order_id) is OrderStatus.PLACED


def test_language_switch_and_accept_language(browser: Any, site: Site) -> None:
    page = sign_in(browser, site, "demo")
    assert page.locator("h1").inner_text() == "주문 내역"
    page.click("a[hreflang=en]")
    assert page.locator("h1").inner_text() == "Orders"
    page.goto("/approvals")  # the choice stays with the session
    assert page.locator("h1").inner_text() == "Orders waiting for approval"
    assert page.locator("html").get_attribute("lang") == "en"
    page.click("a[hreflang=ko]")
    assert page.locator("h1").inner_text() == "승인을 기다리는 주문"

    english = browser.new_context(base_url=site.url, locale="en-US").new_page()
    english.goto("/signin")
    assert english.locator("h1").inner_text() == "Sign in"


def test_phone_viewport_has_no_horizontal_scrolling(
    browser: Any, site: Site, orders: dict[str, int]
) -> None:
    phone = {"viewport": PHONE, "is_mobile": True, "has_touch": True}
    for locale in ("ko-KR", "en-US"):
        child_page = sign_in(browser, site, "민준", locale=locale, **phone)
        page = sign_in(browser, site, "demo", locale=locale, **phone)
        for p, path in [(page, "/orders"), (page, f"/orders/{orders['placed']}"),
                        (page, "/approvals"), (child_page, "/approvals"),
                        (page, "/orders/999999"), (page, "/signin")]:  # fmt: skip
            p.goto(path)
            width = p.evaluate("document.documentElement.scrollWidth")
            assert width <= PHONE["width"], f"{locale} {path}: {width}px wide"


def test_without_a_session_pages_redirect_and_posts_are_refused(
    browser: Any, site: Site, orders: dict[str, int]
) -> None:
    request = browser.new_context(base_url=site.url).request
    for path in ["/", "/orders", f"/orders/{orders['placed']}", "/approvals", "/orders?status=x"]:
        response = request.get(path, max_redirects=0)
        assert response.status == 303, path
        assert response.headers["location"] == "/signin"
    waiting = orders["waiting"]
    for path in [f"/approvals/{waiting}/approve", f"/approvals/{waiting}/reject", "/signout",
                 "/signin"]:  # fmt: skip
        response = request.post(path, form={"csrf": "guess"}, max_redirects=0)
        assert response.status == 403, path
        assert "Traceback" not in response.text()
    assert site.status(waiting) is OrderStatus.PENDING_APPROVAL
    page = browser.new_context(base_url=site.url).new_page()
    page.goto(f"/orders/{orders['placed']}")
    assert page.url.endswith("/signin")


def test_a_forged_or_missing_csrf_token_is_refused_and_changes_nothing(
    browser: Any, site: Site, orders: dict[str, int]
) -> None:
    waiting = orders["waiting"]
    page = sign_in(browser, site, "demo")
    for forge in ("e => e.value = 'forged-token'", "e => e.remove()"):
        page.goto("/approvals")
        form = page.locator(f"section[data-order='{waiting}'] form").first
        form.locator("input[name=csrf]").evaluate(forge)
        with page.expect_response(f"**/approvals/{waiting}/approve") as answer:
            form.locator("button").click()
        assert answer.value.status == 403
        assert "아무것도 바뀌지 않았어요" in page.locator("#error-message").inner_text()
        assert site.status(waiting) is OrderStatus.PENDING_APPROVAL


def test_a_child_posting_approve_is_refused(
    browser: Any, site: Site, orders: dict[str, int]
) -> None:
    waiting = orders["waiting"]
    child = sign_in(browser, site, "민준")
    child.goto("/approvals")
    for verb in ("approve", "reject"):
        response = child.request.post(f"/approvals/{waiting}/{verb}", form={"csrf": token(child)},
                                      max_redirects=0)  # fmt: skip
        assert response.status == 403
        assert "error-message" in response.text()
    assert site.status(waiting) is OrderStatus.PENDING_APPROVAL


def test_another_households_receipt_is_not_found(
    browser: Any, site: Site, orders: dict[str, int]
) -> None:
    page = sign_in(browser, site, "이웃")
    assert page.locator("li.order").count() == 0
    for order_id in orders.values():
        response = page.goto(f"/orders/{order_id}")
        assert response.status == 404
        assert page.locator("#receipt").count() == 0
        assert page.locator("#error-message").is_visible()
    page.goto("/orders")
    response = page.request.post(f"/approvals/{orders['waiting']}/approve",
                                 form={"csrf": token(page)}, max_redirects=0)  # fmt: skip
    assert response.status == 404
    assert site.status(orders["waiting"]) is OrderStatus.PENDING_APPROVAL


def test_unknown_ids_and_bad_input_get_a_clear_page(
    browser: Any, site: Site, orders: dict[str, int]
) -> None:
    page = sign_in(browser, site, "demo")
    for path, status in [("/orders/999999", 404), ("/orders/abc", 404), ("/orders/-1", 404),
                         ("/orders/" + "9" * 30, 404), ("/nowhere", 404),
                         ("/orders?status=bogus", 400)]:  # fmt: skip
        response = page.goto(path)
        assert response.status == status, path
        message = page.locator("#error-message").inner_text()
        assert message and "Traceback" not in page.content(), path
    assert "bogus" in message
    page.goto("/orders")
    placed = orders["placed"]  # deciding an order that waits for nobody
    response = page.request.post(f"/approvals/{placed}/approve", form={"csrf": token(page)},
                                 max_redirects=0)  # fmt: skip
    assert response.status == 409
    assert site.status(placed) is OrderStatus.PLACED
    empty = browser.new_context(base_url=site.url).new_page()
    empty.goto("/signin")
    response = empty.request.post("/signin", form={"csrf": token(empty), "name": "demo"})
    assert response.status == 400


def png_size(path: Path) -> tuple[int, int]:
    """(width, height) of a PNG file; anything else fails the test."""
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n" and head[12:16] == b"IHDR", f"{path}: not a PNG"
    width, height = struct.unpack(">II", head[16:24])
    return width, height


def test_screenshots_of_the_main_pages(
    browser: Any, site: Site, orders: dict[str, int], tmp_path: Path
) -> None:
    """Sign-in, orders, a receipt and the approvals (a parent's), on a phone and a desktop."""
    chosen = os.environ.get(SCREENSHOTS_ENV)
    folder = Path(chosen) if chosen else tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    for name, viewport, extra in [("phone", PHONE, {"is_mobile": True, "has_touch": True}),
                                  ("desktop", DESKTOP, {})]:  # fmt: skip
        ctx = {"viewport": viewport, "device_scale_factor": 1, **extra}
        signin = browser.new_context(base_url=site.url, locale="ko-KR", **ctx).new_page()
        signin.goto("/signin")
        page = sign_in(browser, site, "demo", **ctx)
        for shot, p, path, ready in [
            ("signin", signin, "/signin", "#password"),
            ("orders", page, "/orders", f"li[data-order='{orders['placed']}']"),
            ("receipt", page, f"/orders/{orders['placed']}", "#receipt"),
            ("approvals", page, "/approvals", f"section[data-order='{orders['waiting']}']"),
        ]:
            p.goto(path)
            p.wait_for_selector(ready)
            p.evaluate("document.fonts.ready")
            file = folder / f"{shot}-{name}.png"
            p.screenshot(path=str(file))
            assert png_size(file) == (viewport["width"], viewport["height"]), file
