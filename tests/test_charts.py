"""The pictures: SVG charts drawn at build time, each beside a list that says the same in words."""

from __future__ import annotations

import posixpath
import re

import pytest

from conftest import build_site, make_site
from dom import Node, parse
from sitegen.charts import _lines, _scale
from test_browser import browser  # noqa: F401 - the same headless Debian Chromium
from serve import serve


def chart(page: Node, kind: str) -> Node:
    """The figure of one chart kind ('columns', 'network', 'ranking'), checked to be named and described."""
    figure = next(f for f in page.iter("figure") if f"chart-{kind}" in f.classes)
    svg = figure.find("svg")
    title, desc = svg.by_id(svg.attrs["aria-labelledby"]), svg.by_id(svg.attrs["aria-describedby"])
    assert title.tag == "title" and title.text and desc.tag == "desc" and desc.text
    assert figure.find("figcaption").text
    return figure


def marks(figure: Node) -> list[tuple[str, str]]:
    """(link, name) of every linked mark of a chart."""
    return [(a.attrs["href"], a.find("title").text) for a in figure.find("svg").iter("a")]


def resolve(site, page: str, href: str):
    """The file and fragment a relative link of the page at `page` leads to."""
    path, _, fragment = href.partition("#")
    return site / posixpath.normpath(posixpath.join(posixpath.dirname(page), path)), fragment


def listed_after(page: Node, heading_id: str) -> list[str]:
    """The links of the meeting list that follows the heading `heading_id`."""
    siblings = [n for n in _parent_of(page, heading_id).children if isinstance(n, Node)]
    position = next(i for i, n in enumerate(siblings) if n.attrs.get("id") == heading_id)
    listing = next(n for n in siblings[position + 1:] if n.tag == "ol")
    return [li.find("a").attrs["href"] for li in listing.iter("li")]


def _parent_of(page: Node, ident: str) -> Node:
    return next(n for n in page.iter() if any(isinstance(c, Node) and c.attrs.get("id") == ident for c in n.children))


def test_the_home_timeline_has_a_bar_a_month_leading_to_that_month_s_meetings(seed_site):
    home = parse(seed_site / "index.html")
    figure = chart(home, "columns")
    bars = marks(figure)
    assert [name for _, name in bars] == ["May 2021: 1 meeting", "June 2021: 3 meetings", "March 2022: 1 meeting",
                                          "January 2023: 2 meetings", "June 2024: 1 meeting"]
    for href, name in bars:
        target, fragment = resolve(seed_site, "index.html", href)
        month = parse(target)
        assert month.by_id(fragment).tag == "h3", href
        assert len(listed_after(month, fragment)) == int(re.search(r": (\d+) meeting", name)[1]), href
    heights = [float(r.attrs["height"]) for r in figure.find("svg").iter("rect")]
    assert heights[1] == pytest.approx(3 * heights[0]) and heights[3] == pytest.approx(2 * heights[0])


def test_a_year_page_draws_a_block_a_meeting_each_leading_to_it_and_lists_them_by_month(seed_site):
    page = parse(seed_site / "years/2021/index.html")
    blocks = marks(chart(page, "columns"))
    listed = listed_after(page, "month-2021-05") + listed_after(page, "month-2021-06")
    assert [href for href, _ in blocks] == listed and len(blocks) == 4
    assert blocks[0][1] == "Gabi Ashkenazi and Antony Blinken, 25 May 2021"
    for href, _ in blocks:
        assert resolve(seed_site, "years/2021/index.html", href)[0].is_file()


def test_a_person_page_charts_their_meetings_and_who_they_met_sized_by_meetings_together(seed_site):
    where = "people/antony-blinken/index.html"
    page = parse(seed_site / where)
    timeline = marks(chart(page, "columns"))
    assert len(timeline) == 6 and all(resolve(seed_site, where, href)[0].is_file() for href, _ in timeline)
    network = chart(page, "network")
    nodes = {a.find("title").text: float(a.find("circle").attrs["r"]) for a in network.find("svg").iter("a")}
    assert set(nodes) == {"Yoav Gallant: 2 meetings together", "Benny Gantz: 2 meetings together",
                          "Gabi Ashkenazi: 1 meeting together", "Yair Lapid: 1 meeting together"}
    assert nodes["Yoav Gallant: 2 meetings together"] > nodes["Yair Lapid: 1 meeting together"]
    # The list beside the network holds the same people, as links a keyboard reaches.
    beside = [a.attrs["href"] for a in page.find("ul", class_="counted").iter("a")]
    assert sorted(beside) == sorted(href for href, _ in marks(network))


def test_a_topic_page_counts_its_meetings_per_quarter_and_ranks_who_discussed_it(seed_site):
    where = "topics/iron-dome/index.html"
    page = parse(seed_site / where)
    bars = marks(chart(page, "columns"))
    assert [name for _, name in bars] == ["April to June 2021: 3 meetings", "January to March 2022: 1 meeting"]
    for href, name in bars:  # each bar leads to its quarter's meetings on the same page
        target, fragment = resolve(seed_site, where, href)
        assert target == seed_site / where and page.by_id(fragment).text.startswith(name.split(":")[0])
    ranking = [name for _, name in marks(chart(page, "ranking"))]
    assert ranking == ["Benny Gantz: 4 meetings", "Antony Blinken: 2 meetings", "Lloyd Austin: 1 meeting", "Jake Sullivan: 1 meeting"]
    people = page.by_id("people")
    assert [a.text for a in _parent_of(page, "people").find("ul", class_="counted").iter("a")] == [r.split(":")[0] for r in ranking]
    assert people.text == "People involved"


def test_undated_meetings_are_left_out_of_the_timelines_and_the_description_says_so(tmp_path):
    root = make_site(tmp_path, {
        "seeds/a.md": """
            ---
            title: Gallant hosts Blinken
            date: 2023-01-31
            participants: [Yoav Gallant, Antony Blinken]
            topics: [iron-dome]
            ---
            They met.
            """,
        "seeds/b.md": """
            ---
            title: Lapid and Blinken
            date: 2023-03-01
            meetings:
              - participants: [Yair Lapid, Antony Blinken]
                topics: [iron-dome]
            ---
            They met at some point.
            """,
    })
    build_site(root)
    page = parse(root / "site/topics/iron-dome/index.html")
    figure = chart(page, "columns")
    assert len(marks(figure)) == 1
    desc = figure.find("desc").text
    assert "1 meeting in 1 of 4 quarters" in desc and "1 undated meeting is not shown" in desc
    assert page.by_id("undated").text == "Date unknown 1 meeting"


def test_the_count_axis_keeps_a_few_round_steps_and_one_meeting_is_not_a_tower():
    assert _scale(0) == (4, 1) and _scale(1) == (4, 1) and _scale(4) == (4, 1)
    assert _scale(7) == (8, 2) and _scale(16) == (20, 5) and _scale(230) == (300, 100)


def test_a_long_name_in_the_network_wraps_at_the_space_nearest_its_middle():
    assert _lines("Yair Lapid") == ("Yair Lapid",)
    assert _lines("Abdullah II bin Al-Hussein") == ("Abdullah II", "bin Al-Hussein")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_charts_draw_in_the_page_s_colours_stay_legible_on_a_phone_and_a_bar_leads_to_its_month(seed_site, browser, scheme):
    context = browser.new_context(color_scheme=scheme, viewport={"width": 320, "height": 700})
    page = context.new_page()
    with serve(seed_site) as base:
        page.goto(base)
        bar = page.locator("figure.chart-columns svg a rect").first
        link_colour = page.evaluate("getComputedStyle(document.querySelector('main a')).color")
        assert bar.evaluate("e => getComputedStyle(e).fill") == link_colour
        label = page.locator("figure.chart-columns .chart-axis text").first
        assert label.bounding_box()["height"] >= 9  # chart units grow on a phone, so the years stay readable
        assert page.evaluate("document.documentElement.scrollWidth") <= 320
        bar.click()
        assert page.url.endswith("years/2021/index.html#month-2021-05")
        assert page.locator("#month-2021-05").is_visible()
    context.close()
