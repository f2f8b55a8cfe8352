"""Full-text search (Pagefind) of the seeds' build, served under /archive/ with JavaScript on."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import build_site, make_site
from serve import serve
from sitegen import search
from sitegen.problems import BuildFailed
from test_browser import browser  # noqa: F401 - the same headless Debian Chromium
from test_build import GOOD, snapshot


@pytest.fixture
def page(browser, seed_site):
    # The pages' own Content-Security-Policy applies: search must work within it.
    context = browser.new_context()
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("response", lambda response: response.status >= 400 and errors.append(response.url))
    with serve(seed_site) as base:
        page.base = base
        yield page
    context.close()
    assert errors == []


def hits(page) -> list[tuple[str, str]]:
    """(title, address) of each result shown, once the search has finished."""
    page.wait_for_selector('#search-results[aria-busy="false"] .search-hits li')
    return page.locator(".search-hits a").evaluate_all("links => links.map(a => [a.textContent, a.href])")


def test_searching_iron_dome_finds_the_meetings_that_discussed_it(page):
    page.goto(page.base + "search/?q=Iron+Dome")
    found = hits(page)
    titles = [title for title, _ in found]
    assert titles[0] == "Iron Dome"  # the topic page itself comes first
    meetings = {address.removeprefix(page.base) for _, address in found if "/meetings/" in address}
    assert meetings == {  # the four meetings that discussed it, and no page merely counting it
        "meetings/2021-06-03-antony-blinken-benny-gantz/index.html",
        "meetings/2021-06-03-benny-gantz-jake-sullivan/index.html",
        "meetings/2021-06-03-benny-gantz-lloyd-austin/index.html",
        "meetings/2022-03-27-antony-blinken-benny-gantz/index.html",
    }
    assert not any("/people/" in address for _, address in found)
    address = dict(found)["Antony Blinken and Benny Gantz, 27 March 2022"]
    assert address == page.base + "meetings/2022-03-27-antony-blinken-benny-gantz/index.html"
    page.get_by_role("link", name="Antony Blinken and Benny Gantz, 27 March 2022").click()
    assert page.locator("h1").inner_text() == "Antony Blinken and Benny Gantz"


def test_one_search_finds_pages_of_two_years_each_from_its_own_index_shard(page):
    fetched = []
    page.on("request", lambda request: fetched.append(request.url.removeprefix(page.base)))
    page.goto(page.base + "search/?q=Iron+Dome")
    addresses = {address.removeprefix(page.base) for _, address in hits(page)}
    assert {"meetings/2021-06-03-benny-gantz-lloyd-austin/index.html", "meetings/2022-03-27-antony-blinken-benny-gantz/index.html"} <= addresses
    # Each page's excerpt came from the bundle of its year, merged in the browser into the primary one.
    shards = {url.split("/")[1] for url in fetched if re.match(r"pagefind/[^/]+/fragment/", url)}
    assert {"2021", "2022"} <= shards


def test_a_word_some_years_never_use_finds_only_pages_that_hold_it(page):
    page.goto(page.base + "search/?q=Ashkenazi")
    addresses = {address.removeprefix(page.base) for _, address in hits(page)}
    assert {a for a in addresses if a.startswith(("meetings/", "articles/"))} == {  # not "as" or "a" in other years
        "meetings/2021-05-25-antony-blinken-gabi-ashkenazi/index.html",
        "articles/2021-05-25-antony-blinken-meets-with-gabi-ashkenazi/index.html",
    }
    assert "people/gabi-ashkenazi/index.html" in addresses
    page.get_by_label("Words to find").fill("Gallant Ashkenazi")  # both words, though no year holds both
    page.get_by_role("button", name="Search").click()
    page.wait_for_selector('.search-count:has-text("Gallant Ashkenazi")')
    assert not any(address.removeprefix(page.base).startswith(("meetings/", "articles/")) for _, address in hits(page))


def test_the_count_and_more_results_cover_every_shard(page):
    page.goto(page.base + "search/?q=the")
    hits(page)
    count = int(page.locator(".search-count").inner_text().split()[0])
    assert count > 20  # more than one screenful
    page.get_by_role("button", name="More results").click()
    page.wait_for_function("count => document.querySelectorAll('.search-hits li').length === count", arg=count)
    addresses = [address.removeprefix(page.base) for _, address in hits(page)]
    assert len(set(addresses)) == count
    assert {address.split("/")[0] for address in addresses} >= {"meetings", "articles", "people", "topics"}
    assert {address[9:13] for address in addresses if address.startswith("meetings/")} == {"2021", "2022", "2023", "2024"}
    assert page.get_by_role("button", name="More results").is_hidden()


def test_a_filter_alone_finds_its_pages_in_every_year(page):
    page.goto(page.base + "search/?person=Antony+Blinken")
    addresses = [address.removeprefix(page.base) for _, address in hits(page)]
    assert addresses[0] == "people/antony-blinken/index.html"  # the person first, then the years in order
    years = [address[9:13] for address in addresses if address.startswith("meetings/")]
    assert years == sorted(years) and set(years) == {"2021", "2022", "2023", "2024"}
    assert page.locator(".search-count").inner_text() == f"{len(addresses)} pages found."


def test_the_search_box_of_any_page_leads_to_results(page):
    page.goto(page.base + "people/yoav-gallant/")
    page.get_by_role("searchbox", name="Search the archive").fill("ironclad")
    page.get_by_role("button", name="Search").click()
    titles = [title for title, _ in hits(page)]
    assert "Yoav Gallant and Antony Blinken, 24 June 2024" in titles
    assert page.get_by_label("Words to find").input_value() == "ironclad"


def test_filters_narrow_results_to_a_person_topic_and_year(page):
    page.goto(page.base + "search/")
    page.get_by_label("Person").select_option("Yoav Gallant")
    page.get_by_label("Year").select_option("2023")
    addresses = {address.removeprefix(page.base) for _, address in hits(page)}
    assert addresses == {
        "meetings/2023-01-31-antony-blinken-yoav-gallant/index.html",
        "articles/2023-01-31-defense-min-gallant-to-blinken-your-visit-sends-clear-message-to-our/index.html",
    }
    page.get_by_label("Year").select_option("")
    page.get_by_label("Topic").select_option("Hostages")
    assert {title for title, _ in hits(page)} == {
        "Yoav Gallant and Antony Blinken, 24 June 2024",
        "In meeting with Gallant, Blinken reaffirms US ‘ironclad commitment to Israel’s security’",
    }
    assert "person=Yoav+Gallant" in page.url and "topic=Hostages" in page.url  # the results can be shared


def test_a_build_writes_the_search_index(tmp_path):
    build_site(make_site(tmp_path, GOOD))
    bundle = tmp_path / "site/pagefind"
    assert (bundle / "pagefind.js").exists() and list(bundle.glob("fragment/*.pf_fragment"))


def test_a_failed_search_index_leaves_the_previous_site(tmp_path, monkeypatch):
    root = make_site(tmp_path, GOOD)
    build_site(root)
    before = snapshot(root / "site")
    article = root / "seeds/a.txt"
    article.write_text(article.read_text() + "\nThey also discussed Iron Dome.\n")  # new pages: indexed again
    monkeypatch.setattr(search, "_pagefind", lambda: Path("/bin/false"))
    with pytest.raises(BuildFailed, match="Pagefind failed"):
        build_site(root)
    assert snapshot(root / "site") == before


def test_opened_from_disk_the_search_page_says_search_cannot_start(browser, seed_site):
    page = browser.new_page()
    page.goto((seed_site / "search/index.html").as_uri())
    page.wait_for_selector('#search-results[aria-busy="false"]')
    assert "Search could not start here" in page.locator("#search-results").inner_text()
    assert page.get_by_role("link", name="Iron Dome").is_visible()  # the A to Z lists remain
    page.close()
