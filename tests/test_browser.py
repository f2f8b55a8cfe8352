"""The seeds' build in real headless Chromium, served under /archive/, with JavaScript off."""

from __future__ import annotations

import shutil

import pytest

from conftest import require_tool
from serve import serve

CHROMIUM = "/usr/bin/chromium"
WIDTHS = (1280, 375)


@pytest.fixture(scope="module")
def browser():
    require_tool(shutil.which(CHROMIUM) is not None, "Debian's chromium")
    playwright_api = pytest.importorskip("playwright.sync_api")
    with playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync"],
        )
        yield browser
        browser.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_a_reader_without_javascript_goes_from_home_to_a_person(seed_site, browser, width):
    context = browser.new_context(java_script_enabled=False, viewport={"width": width, "height": 800})
    page = context.new_page()
    failed = []
    page.on("requestfailed", lambda request: failed.append(request.url))
    page.on("response", lambda response: response.status >= 400 and failed.append(response.url))
    with serve(seed_site) as base:
        page.goto(base)
        assert page.locator("h1").inner_text() == "Diplomatic Meetings Archive"
        # The stylesheet loaded under the sub-path: the stats are laid out as cards, not a bullet list.
        assert page.locator(".stats").evaluate("e => getComputedStyle(e).display") == "grid"
        page.get_by_role("link", name="Yoav Gallant and Antony Blinken").first.click()
        assert page.url.startswith(base + "meetings/2024-06-24-antony-blinken-yoav-gallant/")
        assert page.locator("time").first.get_attribute("datetime") == "2024-06-24"
        page.locator("#participants + ul").get_by_role("link", name="Yoav Gallant").click()
        assert page.locator("h1").inner_text() == "Yoav Gallant"
        assert page.locator("#meetings ~ ol li").count() == 2  # the list after the chart
        # Nothing is wider than the screen.
        assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert failed == []
    context.close()


def test_the_skip_link_is_first_and_moves_focus_to_the_content(seed_site, browser):
    page = browser.new_page()
    with serve(seed_site) as base:
        page.goto(base + "people/antony-blinken/")
        page.keyboard.press("Tab")
        focused = page.evaluate("document.activeElement.textContent")
        assert focused == "Skip to content"
        assert page.evaluate("document.activeElement.getBoundingClientRect().left") >= 0  # visible when focused
        page.keyboard.press("Enter")
        assert page.evaluate("location.hash") == "#content"
    page.close()
