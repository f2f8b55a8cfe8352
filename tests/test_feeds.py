"""Atom feeds, the sitemaps and robots.txt of the seeds' build, read as feed readers and crawlers read them."""

from __future__ import annotations

import feedparser

from conftest import ARCHIVE_BASE, build_site, make_site
from pages import html_pages, read_page, sitemap_urls
from serve import serve
from test_site_links import fetch


def feeds(site):
    return sorted(site.rglob("feed.xml"))


def test_every_feed_parses_cleanly_and_lists_its_meetings(seed_site):
    found = feeds(seed_site)
    assert len(found) == 1 + 18 + 17  # all meetings, each person, each topic
    for path in found:
        feed = feedparser.parse(path.read_bytes())
        where = path.relative_to(seed_site)
        assert not feed.bozo, f"{where}: {feed.get('bozo_exception')}"
        assert feed.version == "atom10", where
        assert feed.feed.title.endswith(" · Diplomatic Meetings Archive"), where
        assert feed.feed.updated_parsed and feed.feed.id.startswith(ARCHIVE_BASE), where
        for entry in feed.entries:
            assert entry.link.startswith(ARCHIVE_BASE + "meetings/") and entry.updated_parsed and entry.summary, where


def test_the_feed_of_all_meetings_is_newest_first(seed_site):
    feed = feedparser.parse((seed_site / "meetings/feed.xml").read_bytes())
    assert len(feed.entries) == 8
    assert feed.entries[0].link == ARCHIVE_BASE + "meetings/2024-06-24-antony-blinken-yoav-gallant/"
    assert feed.entries[0].title == "Yoav Gallant and Antony Blinken, 24 June 2024, Washington"
    assert [e.published for e in feed.entries] == sorted((e.published for e in feed.entries), reverse=True)


def test_a_person_and_a_topic_page_link_their_own_feed(seed_site):
    for page, count in (("people/yoav-gallant/", 2), ("topics/iron-dome/", 4)):
        alternate = read_page(seed_site / page / "index.html").link("alternate")
        assert alternate["type"] == "application/atom+xml" and alternate["href"] == "feed.xml"
        feed = feedparser.parse((seed_site / page / "feed.xml").read_bytes())
        assert len(feed.entries) == count
        assert [link.href for link in feed.feed.links if link.rel == "alternate"] == [ARCHIVE_BASE + page]


def test_a_rebuild_of_the_same_content_gives_the_same_feed(tmp_path):
    root = make_site(tmp_path, {"seeds/a.txt": "---\ndate: 2023-01-31\n---\nGallant hosts Blinken\nDefense Minister Yoav Gallant hosted US Secretary of State Antony Blinken in Jerusalem on Tuesday.\n"})
    build_site(root)
    first = (root / "site/meetings/feed.xml").read_bytes()
    build_site(root)
    assert (root / "site/meetings/feed.xml").read_bytes() == first  # readers see nothing new
    assert b"<updated>2023-01-31T00:00:00Z</updated>" in first


def test_the_sitemaps_list_every_page_once_by_section_and_year_and_robots_names_their_index(seed_site):
    sitemaps = sitemap_urls(seed_site, ARCHIVE_BASE)
    urls = [url for listed in sitemaps.values() for url in listed]
    pages = {read_page(p).link("canonical")["href"] for p in html_pages(seed_site) if p.name != "404.html"}
    assert sorted(urls) == sorted(pages) and len(urls) == len(set(urls))
    assert f"{ARCHIVE_BASE}sitemaps/meetings-2023.xml" in sitemaps and f"{ARCHIVE_BASE}sitemaps/pages.xml" in sitemaps
    assert all(url.startswith(f"{ARCHIVE_BASE}meetings/2023-") for url in sitemaps[f"{ARCHIVE_BASE}sitemaps/meetings-2023.xml"])
    assert f"Sitemap: {ARCHIVE_BASE}sitemap.xml" in (seed_site / "robots.txt").read_text().splitlines()


def test_a_sitemap_past_the_protocol_s_limit_is_cut_into_parts_at_stable_addresses():
    from sitegen.render import Page
    from sitegen.sitemaps import plan_sitemaps

    pages = [Page(f"meetings/2023-01-{day:02}-a-b/", "meeting.html", "meeting", "", "") for day in range(1, 6)]
    pages += [Page("people/a/", "person.html", "person", "", ""), Page("meetings/2023/", "part.html", "part", "", "")]
    sitemaps = {s.file: [p.url for p in s.pages] for s in plan_sitemaps(pages, most=3)}
    assert sitemaps == {
        "sitemaps/pages.xml": ["people/a/"],
        "sitemaps/meetings-2023-1.xml": [p.url for p in pages[:3]],
        "sitemaps/meetings-2023-2.xml": [pages[3].url, pages[4].url, "meetings/2023/"],
    }


def test_every_sitemap_address_answers_200_under_the_sub_path(seed_site):
    sitemaps = sitemap_urls(seed_site, ARCHIVE_BASE)
    urls = [*sitemaps, *(url for listed in sitemaps.values() for url in listed)]
    with serve(seed_site) as base:
        failing = [url for url in urls if fetch(url.replace(ARCHIVE_BASE, base))[0] != 200]
        assert fetch(base + "robots.txt")[0] == 200
    assert failing == [] and len(urls) > 40


def test_a_feed_holds_the_newest_meetings_only(tmp_path):
    """A feed reader polls for what is new: a person with many meetings gets a feed of the latest FEED_ENTRIES."""
    from sitegen.feeds import FEED_ENTRIES

    import datetime as dt

    files = {}
    for number in range(FEED_ENTRIES + 5):  # three days apart: reports a day apart would be one meeting
        day = (dt.date(2023, 1, 1) + dt.timedelta(days=3 * number)).isoformat()
        files[f"seeds/a{number:03}.txt"] = (f"---\ndate: {day}\n---\nGallant hosts Blinken, report {number}\n"
                                            f"Defense Minister Yoav Gallant hosted US Secretary of State Antony Blinken in Jerusalem on {day}.\n")
    root = make_site(tmp_path, files)
    build_site(root)
    feed = feedparser.parse((root / "site/people/antony-blinken/feed.xml").read_bytes())
    assert len(feed.entries) == FEED_ENTRIES
    published = [e.published for e in feed.entries]
    newest = (dt.date(2023, 1, 1) + dt.timedelta(days=3 * (FEED_ENTRIES + 4))).isoformat()
    assert published[0].startswith(newest) and published == sorted(published, reverse=True)
