"""Scale: no page grows with the whole archive, and every meeting stays a few links from its topic, place, person and year.

A generated archive of 200 articles, and the same one grown to 800 (bench/generate.py
draws the same first 200), are built with the real limits; a small hand-written one
with a limit of two meetings a page shows the split of people, places and undated
meetings, and what happens to a split page's address when its list gets short again.
"""

from __future__ import annotations

import json
import posixpath
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import SEEDS, build_site, make_site, require_tool
from pages import read_page
from serve import serve
from sitegen import parts
from sitegen.check import check_built
from test_accessibility import axe_source  # noqa: F401 - axe-core, as every page kind is checked with
from test_browser import browser  # noqa: F401 - the same headless Debian Chromium
from test_validator import VNU_JAR

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
from generate import generate  # noqa: E402

MEETING_PAGE = re.compile(r"^meetings/(?!undated/)[^/]+/index\.html$")
ARTICLE_PAGE = re.compile(r"^articles/(?!undated/|\d{4}/)[^/]+/index\.html$")
HREF = re.compile(r'href="([^"]+)"')


@pytest.fixture(scope="module")
def grown(tmp_path_factory) -> dict[int, Path]:
    """The built sites of the first 200 generated articles and of the first 800."""
    sites = {}
    for count in (200, 800):
        root = generate(tmp_path_factory.mktemp(f"scale{count}"), count, "markdown")
        build_site(root)
        sites[count] = root / "site"
    return sites


def links_of(site: Path, page: str) -> set[str]:
    """The site files the page at `page` (a file of the site) links to, without fragments."""
    found = set()
    for href in HREF.findall((site / page).read_text(encoding="utf-8")):
        path = href.partition("#")[0]
        if not path or "://" in path or path.startswith("mailto:"):
            continue
        target = posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
        found.add(target + "/index.html" if (site / target).is_dir() else target)
    return found


def reached_below(site: Path, start: str, within: tuple[str, ...], pattern: re.Pattern) -> set[str]:
    """The pages matching `pattern` linked from `start` or from any page under the folders `within` it leads to."""
    seen, queue, found = {start}, [start], set()
    while queue:
        for target in links_of(site, queue.pop()):
            if pattern.match(target):
                found.add(target)
            elif target.endswith(".html") and target.startswith(within) and target not in seen:
                seen.add(target)
                queue.append(target)
    return found


def page_of(url: str) -> str:
    """The site file of a record's absolute URL in data/archive.json."""
    return re.sub(r"^https?://[^/]+/", "", url) + "index.html"


def test_no_page_lists_more_meetings_or_articles_than_the_limit_however_big_the_archive(grown):
    largest = {}
    for count, site in grown.items():
        pages = [p.relative_to(site).as_posix() for p in site.rglob("*.html") if "pagefind" not in p.parts]
        meetings = max((len({t for t in links_of(site, p) if MEETING_PAGE.match(t)}), p) for p in pages)
        articles = max((len({t for t in links_of(site, p) if ARTICLE_PAGE.match(t)}), p) for p in pages)
        assert meetings[0] <= parts.LIST_LIMIT and articles[0] <= parts.LIST_LIMIT, (count, meetings, articles)
        largest[count] = max((site / p).stat().st_size for p in pages)
    # Four times the articles: the largest page stays the size of a page at the limit (about 150 kB),
    # where the meetings index alone of 800 articles used to be about 250 kB.
    assert largest[800] < 160_000, largest


def test_the_indexes_of_a_big_archive_list_years_and_months_and_reach_every_meeting_and_article(grown):
    site = grown[800]
    data = json.loads((site / "data/archive.json").read_text(encoding="utf-8"))
    every_meeting = {page_of(m["url"]) for m in data["meetings"]}
    every_article = {page_of(a["url"]) for a in data["articles"]}
    assert reached_below(site, "meetings/index.html", ("years/", "meetings/undated/"), MEETING_PAGE) == every_meeting
    assert reached_below(site, "articles/index.html", ("articles/",), ARTICLE_PAGE) == every_article
    index = read_page(site / "meetings/index.html")
    assert {a["href"] for a in index.anchors} >= {"../years/2023/index.html", "../years/2023/05/index.html"}
    month = read_page(site / "years/2023/05/index.html")
    assert month.title.startswith("Meetings in May 2023") and month.headings[0] == (1, "Meetings in May 2023")
    assert read_page(site / "articles/2023/index.html").headings[0] == (1, "Source articles published in 2023")


def test_every_meeting_is_reached_from_the_pages_of_its_topics_and_year(grown):
    site = grown[800]
    data = json.loads((site / "data/archive.json").read_text(encoding="utf-8"))
    split = 0
    for topic in data["topics"]:
        start = page_of(topic["url"])
        expected = {page_of(m["url"]) for m in data["meetings"] if topic["id"] in {t["topic"] for t in m["topics"]}}
        assert reached_below(site, start, (start.removesuffix("index.html"),), MEETING_PAGE) == expected, topic["id"]
        split += len(expected) > parts.LIST_LIMIT
    assert split > 10  # most topics have more meetings than a page lists
    for year in ("2021", "2022", "2023", "2024"):
        expected = {page_of(m["url"]) for m in data["meetings"] if m["date"].startswith(year)}
        assert reached_below(site, f"years/{year}/index.html", (f"years/{year}/",), MEETING_PAGE) == expected


def test_a_topic_with_too_many_meetings_shows_its_latest_and_a_page_a_year_at_a_stable_address(grown):
    site = grown[800]
    topic = next(p for p in sorted((site / "topics").glob("*/2023/index.html")))
    slug = topic.parent.parent.name
    page = read_page(site / f"topics/{slug}/index.html")
    assert [h for _, h in page.headings[2:4]] == ["Every meeting, year by year", "Latest meetings"]
    year = read_page(topic)
    assert year.headings[0][1].startswith("Meetings about ") and year.headings[0][1].endswith(" in 2023")
    trail = next(ld for ld in year.json_ld)["breadcrumb"]["itemListElement"]
    assert [item["item"].split("/", 3)[3] for item in trail] == ["topics/", f"topics/{slug}/", f"topics/{slug}/2023/"]
    html = topic.read_text(encoding="utf-8")
    assert 'aria-label="Breadcrumb"' in html and "data-pagefind-body" not in html  # not searched: its meetings have pages
    assert f"/topics/{slug}/2023/</loc>" in (site / "sitemaps/pages.xml").read_text(encoding="utf-8")
    # The same period keeps its address as the archive grows: 2023 of the small archive is there, holding more.
    small = grown[200] / f"topics/{slug}/index.html"
    assert small.is_file()


def test_the_big_archive_passes_check_nothing_broken_no_orphan(grown):
    report = check_built(grown[800], "http://localhost:8000/")
    assert report.problems == [] and report.pages > 800


def test_the_footer_holds_no_counts_so_an_added_article_changes_only_the_pages_it_touches(tmp_path):
    shutil.copytree(SEEDS, tmp_path / "seeds")
    build_site(tmp_path)
    before = {p.relative_to(tmp_path / "site").as_posix(): p.read_bytes() for p in (tmp_path / "site").rglob("*.html")}
    (tmp_path / "seeds/herzog-biden.md").write_text(
        "---\ntitle: Herzog visits Biden\ndate: 2024-11-20\n"
        "meetings:\n  - {date: 2024-11-20, place: Washington, participants: [Isaac Herzog, Joe Biden], topics: [hostages]}\n"
        "---\nPresident Isaac Herzog met President Joe Biden at the White House on Wednesday.\n", encoding="utf-8")
    build_site(tmp_path)
    after = {p.relative_to(tmp_path / "site").as_posix(): p.read_bytes() for p in (tmp_path / "site").rglob("*.html")}
    changed = {page for page in before if after.get(page) != before[page]}
    touched = {"index.html", "search/index.html", "data/index.html", "meetings/index.html", "people/index.html",
               "topics/index.html", "places/index.html", "years/index.html", "articles/index.html",
               "people/isaac-herzog/index.html", "people/joe-biden/index.html", "topics/hostages/index.html",
               "places/washington/index.html", "years/2024/index.html",
               "meetings/2024-06-24-antony-blinken-yoav-gallant/index.html"}  # its 'next meeting' is the new one
    assert changed <= touched, sorted(changed - touched)
    assert "meetings/2021-05-25-antony-blinken-gabi-ashkenazi/index.html" not in changed
    assert b"source articles" not in after["people/yoav-gallant/index.html"].split(b'<footer')[1]


def test_a_small_archive_keeps_one_page_a_topic_person_and_index(seed_site):
    assert not [p for p in seed_site.rglob("*/20[0-9][0-9]/index.html") if not p.parent.parent.name == "years"]
    meetings = read_page(seed_site / "meetings/index.html")
    assert len([a for a in meetings.anchors if a.get("href", "").startswith("2021-")]) == 4


SPLIT_SITE = {
    **{f"seeds/m{i}.md": f"""
        ---
        title: Gallant and Blinken, meeting {i}
        date: {day}
        meetings:
          - {{date: {day}, place: Jerusalem, participants: [Yoav Gallant, Antony Blinken], topics: [iron-dome]}}
        ---
        Defense Minister Yoav Gallant met Secretary of State Antony Blinken in Jerusalem.
        """ for i, day in enumerate(["2023-01-31", "2023-03-02", "2023-03-20", "2024-06-24", "2023-03-25"])},
    "seeds/undated.md": """
        ---
        title: Gallant and Blinken, some day
        meetings:
          - {participants: [Yoav Gallant, Antony Blinken], topics: [iron-dome]}
        ---
        They met at some point.
        """,
}


def build_split(root: Path) -> Path:
    """A site of six meetings (three in March 2023, one undated) built with a limit of two a page."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(parts, "LIST_LIMIT", 2)
        make_site(root, SPLIT_SITE)
        build_site(root)
    return root


@pytest.fixture(scope="module")
def split_site(tmp_path_factory) -> Path:
    return build_split(tmp_path_factory.mktemp("split")) / "site"


@pytest.fixture
def split(tmp_path) -> Path:
    return build_split(tmp_path)


#: A page of each kind a split makes or changes, in the site of six meetings.
SPLIT_PAGES = ["meetings/", "meetings/undated/", "articles/", "articles/2023/", "articles/undated/", "years/2023/", "years/2023/03/",
               "topics/iron-dome/", "topics/iron-dome/2023/", "topics/iron-dome/2023/03/", "topics/iron-dome/2023/03/20/", "topics/iron-dome/undated/",
               "places/jerusalem/", "places/jerusalem/2024/", "people/antony-blinken/", "people/antony-blinken/2023/",
               "people/antony-blinken/2024/", "people/antony-blinken/undated/"]


def test_people_places_and_undated_meetings_split_too_each_meeting_a_link_or_two_away(split_site):
    site = split_site
    every = {p.relative_to(site).as_posix() for p in site.glob("meetings/*/index.html") if p.parent.name != "undated"}
    dated = {m for m in every if not m.startswith("meetings/undated-")}
    for owner, held, periods in (("people/antony-blinken/", every, ("2023", "2024", "undated")), ("people/yoav-gallant/", every, ("2023", "2024", "undated")),
                                 ("topics/iron-dome/", every, ("2023", "2024", "undated")), ("places/jerusalem/", dated, ("2023", "2024"))):
        assert reached_below(site, owner + "index.html", (owner,), MEETING_PAGE) == held, owner
        assert sorted(p.parent.name for p in (site / owner).glob("*/index.html")) == sorted(periods), owner
    # 2023 holds four meetings: by month; March three: by day.
    assert sorted(p.parent.name for p in (site / "people/antony-blinken/2023").glob("*/index.html")) == ["01", "03"]
    assert sorted(p.parent.name for p in (site / "people/antony-blinken/2023/03").glob("*/index.html")) == ["02", "20", "25"]
    day = read_page(site / "topics/iron-dome/2023/03/20/index.html")
    assert day.headings[0] == (1, "Meetings about Iron Dome on 20 March 2023")
    trail = day.json_ld[0]["breadcrumb"]["itemListElement"]
    assert [item["name"] for item in trail] == ["Topics", "Iron Dome", "2023", "March 2023", "Meetings about Iron Dome on 20 March 2023"]
    assert {a["href"] for a in day.anchors if a.get("rel") in ("prev", "next")} == {"../02/index.html", "../25/index.html"}
    year = read_page(site / "people/antony-blinken/2024/index.html")
    assert [h for _, h in year.headings] == ["Antony Blinken in 2024", "Meetings (1)", "June 2024 1 meeting", "Articles that mention Antony Blinken (1)"]
    assert {a["href"] for a in year.anchors if a.get("rel") == "prev"} == {"../2023/index.html"}
    assert read_page(site / "meetings/undated/index.html").headings[0] == (1, "Meetings with no known date")
    assert reached_below(site, "meetings/index.html", ("years/", "meetings/undated/"), MEETING_PAGE) == every
    assert check_built(site, "http://localhost:8000/").problems == []


def test_a_split_page_no_longer_needed_redirects_to_the_page_above_it_without_a_warning(split):
    for name in ("m1.md", "m2.md", "m4.md", "undated.md"):  # two meetings left: one page each again
        (split / "seeds" / name).unlink()
    summary = build_site(split)
    assert not [w for w in summary.warnings if "/topics/" in w.message or "/people/" in w.message], summary.warnings
    assert not (split / "site/topics/iron-dome/2024/index.html").read_text(encoding="utf-8").count("<h2")  # a redirect
    moved = (split / "site/topics/iron-dome/2023/03/index.html").read_text(encoding="utf-8")
    assert 'http-equiv="refresh" content="0; url=../../index.html"' in moved
    manifest = (split / "seeds/urls.tsv").read_text(encoding="utf-8")
    assert "/topics/iron-dome/2023/\tpart\t/topics/iron-dome/\n" in manifest
    assert "/people/antony-blinken/undated/\tpart\t/people/antony-blinken/\n" in manifest


def test_split_pages_have_one_h1_and_headings_that_never_skip_a_level(split_site):
    for path in SPLIT_PAGES:
        levels = [level for level, _ in read_page(split_site / path / "index.html").headings]
        assert levels.count(1) == 1 and levels[0] == 1 and all(b <= a + 1 for a, b in zip(levels, levels[1:])), (path, levels)


def test_split_pages_pass_the_nu_html_checker(split_site):
    require_tool(VNU_JAR.exists() and shutil.which("java") is not None, f"the Nu HTML Checker ({VNU_JAR}) with java")
    files = [str(split_site / path / "index.html") for path in SPLIT_PAGES]
    assert all(Path(f).is_file() for f in files)
    result = subprocess.run(["java", "-jar", str(VNU_JAR), "--format", "json", *files], capture_output=True, text=True, timeout=300)
    messages = [m for m in json.loads(result.stderr)["messages"] if not (m["type"] == "info" and "Content Security Policy" in m["message"])]
    assert [f"{m['url'].rsplit('/site/', 1)[-1]}:{m.get('lastLine')}: {m['message']}" for m in messages] == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violation_on_split_pages(split_site, browser, axe_source, scheme):
    context = browser.new_context(color_scheme=scheme, bypass_csp=True)
    page = context.new_page()
    report = []
    with serve(split_site) as base:
        for path in SPLIT_PAGES:
            assert page.goto(base + path).status == 200, path
            page.add_script_tag(content=axe_source)
            result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
            report += [f"{path}: {v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}" for v in result["violations"]]
    context.close()
    assert report == []


def test_a_person_only_mentioned_in_more_articles_than_a_page_lists_gets_years_of_articles(tmp_path, monkeypatch):
    monkeypatch.setattr(parts, "LIST_LIMIT", 2)
    root = make_site(tmp_path, {f"seeds/b{i}.md": f"""
        ---
        title: Biden statement {i}
        date: 2023-0{i + 1}-10
        ---
        President Joe Biden said the talks would continue.
        """ for i in range(4)})
    build_site(root)
    page = read_page(root / "site/people/joe-biden/index.html")
    assert [h for _, h in page.headings] == ["Joe Biden", "Roles", "Meetings (0)", "Every meeting and article, year by year",
                                             "Articles that mention Joe Biden"]
    html = (root / "site/people/joe-biden/index.html").read_text(encoding="utf-8")
    assert '<a href="2023/index.html">2023</a>: 4 articles: <a href="2023/01/index.html">January</a> (1 article)' in html
