"""Every kind of page for every reader: axe-core in light and dark, headings, keyboard, print, JavaScript off, w3m."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from conftest import REPO, build_site, make_site, require_tool
from pages import SEED_PAGE_OF_KIND, html_pages, read_page
from serve import serve
from test_browser import browser  # noqa: F401 - the same headless Debian Chromium

AXE = REPO / ".tools/node_modules/axe-core/axe.min.js"


def test_every_page_has_one_h1_and_headings_that_never_skip_a_level(seed_site):
    for path in html_pages(seed_site):
        levels = [level for level, _ in read_page(path).headings]
        where = path.relative_to(seed_site)
        assert levels.count(1) == 1 and levels[0] == 1, where
        assert all(b <= a + 1 for a, b in zip(levels, levels[1:])), f"{where}: {levels}"


def test_a_markdown_article_s_own_headings_nest_under_the_page_headline(tmp_path):
    root = make_site(tmp_path, {"seeds/a.md": """
        ---
        date: 2023-01-31
        title: Gallant hosts Blinken
        ---
        # Talks in Jerusalem

        Defense Minister Yoav Gallant hosted US Secretary of State Antony Blinken in Jerusalem on Tuesday.

        ### Iran

        They discussed Iran.
        """})
    build_site(root)
    (page,) = (root / "site/articles").glob("*/index.html")
    headings = read_page(page).headings
    assert headings[0] == (1, "Gallant hosts Blinken") and [level for level, _ in headings].count(1) == 1
    assert (2, "Talks in Jerusalem") in headings and (3, "Iran") in headings


@pytest.fixture(scope="module")
def served(seed_site):
    with serve(seed_site) as base:
        yield base


@pytest.fixture(scope="module")
def axe_source():
    require_tool(AXE.exists(), f"axe-core ({AXE})")
    return AXE.read_text(encoding="utf-8")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violation_on_any_kind_of_page(browser, served, axe_source, scheme):
    # bypass_csp: axe is injected as an inline script, which the pages' policy rightly forbids.
    context = browser.new_context(color_scheme=scheme, bypass_csp=True)
    page = context.new_page()
    report = []
    for kind, path in {**SEED_PAGE_OF_KIND, "search results": "search/?q=iron+dome"}.items():
        page.goto(served + path)
        if kind == "search results":
            page.wait_for_selector(".search-hits li")
        page.add_script_tag(content=axe_source)
        result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
        report += [f"{kind}: {v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}" for v in result["violations"]]
    context.close()
    assert report == []


def test_keyboard_focus_is_visible_on_links_and_the_search_box(browser, served):
    page = browser.new_page()
    page.goto(served + "people/yoav-gallant/")
    page.keyboard.press("Tab")  # the skip link
    for _ in range(2):  # the site title, then the search box
        page.keyboard.press("Tab")
        style = page.evaluate("(() => { const s = getComputedStyle(document.activeElement); return [s.outlineStyle, s.outlineWidth]; })()")
        assert style[0] == "solid" and style[1] != "0px", page.evaluate("document.activeElement.outerHTML")
    page.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_print_drops_the_navigation_and_shows_where_outside_links_go_in_dark_ink(browser, served, scheme):
    page = browser.new_page(color_scheme=scheme)
    page.goto(served + SEED_PAGE_OF_KIND["article"])
    page.emulate_media(media="print")
    for chrome in (".site-header nav", ".site-search", ".site-footer", ".skip-link"):
        assert page.locator(chrome).evaluate("e => getComputedStyle(e).display") == "none", chrome
    after = page.locator("a", has_text="original article").evaluate("e => getComputedStyle(e, '::after').content")
    assert "http" in after
    assert page.locator("h1").is_visible()
    for text in (".site-title a", "h1", ".meta", ".note"):  # on white paper, whatever the screen's scheme
        rgb = page.locator(text).first.evaluate("e => getComputedStyle(e).color.match(/\\d+/g).slice(0, 3).map(Number)")
        assert max(rgb) <= 0x55, (text, rgb)
    page.close()


def test_every_page_reads_without_javascript_on_a_320_pixel_phone(browser, served, seed_site):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 320, "height": 640})
    page = context.new_page()
    too_wide = []
    for path in html_pages(seed_site):
        address = path.relative_to(seed_site).as_posix().removesuffix("index.html")
        page.goto(served + address)
        assert page.locator("h1").is_visible(), address
        assert len(page.locator("main").inner_text()) > 60, address
        if page.evaluate("document.documentElement.scrollWidth") > 320:
            too_wide.append(address)
    context.close()
    assert too_wide == []


def test_without_javascript_the_search_page_says_so_and_offers_every_index(browser, served, seed_site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(served + "search/?q=iron+dome")
    page.get_by_role("link", name="Iron Dome").click()
    assert page.locator("h1").inner_text() == "Iron Dome"
    context.close()
    # Playwright's switch leaves <noscript> unrendered, unlike a browser whose scripting is off: ask w3m.
    require_tool(shutil.which("w3m") is not None, "w3m")
    text = w3m_dump(seed_site / "search/index.html")
    assert "Search runs in your browser with JavaScript, which is off" in " ".join(text.split())


def test_a_text_browser_reads_a_meeting_page_in_order(seed_site):
    require_tool(shutil.which("w3m") is not None, "w3m")
    page = seed_site / SEED_PAGE_OF_KIND["meeting"] / "index.html"
    text = w3m_dump(page)
    order = ["Skip to content", "Search the archive", "Meetings", "Yoav Gallant and Antony Blinken", "24 June 2024",
             "Share by email", "Participants", "Yoav Gallant, Israeli Defense Minister", "Topics", "Ceasefire",
             "Source", "Other meetings of the same people", "Previous:"]
    position = 0
    for part in order:  # each part found after the one before it
        position = text.find(part, position)
        assert position >= 0, f"{part!r} missing or out of order"
    assert "@context" not in text and "{" not in text  # no JSON-LD or style leaking into the reading


def w3m_dump(page) -> str:
    return subprocess.run(["w3m", "-dump", "-cols", "80", "-T", "text/html", str(page)], capture_output=True, text=True, check=True).stdout
