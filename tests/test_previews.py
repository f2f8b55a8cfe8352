"""Link previews and identity: what a chat app, a mail client or a search engine reads from each page."""

from __future__ import annotations

import io
from urllib.parse import parse_qs, urlsplit

import pytest
from PIL import Image, ImageFont

from conftest import ARCHIVE_BASE, build_site, make_site
from pages import html_pages, read_page
from sitegen import shareimage

MEETING = "meetings/2024-06-24-antony-blinken-yoav-gallant/"


def canonical_of(site, path) -> str:
    relative = path.relative_to(site).as_posix()
    return ARCHIVE_BASE + (relative.removesuffix("index.html") if relative.endswith("index.html") else relative)


def test_every_page_has_a_title_description_canonical_url_open_graph_and_twitter_card(seed_site):
    for path in html_pages(seed_site):
        info, where = read_page(path), path.relative_to(seed_site)
        canonical = canonical_of(seed_site, path)
        assert info.title.endswith(" · Diplomatic Meetings Archive") and len(info.title) > 32, where
        assert len(info.meta["description"]) > 20, where
        assert info.link("canonical")["href"] == canonical, where
        assert info.meta["og:url"] == canonical, where
        assert info.meta["og:title"] and info.meta["og:description"] == info.meta["description"], where
        assert info.meta["og:type"] in {"website", "article", "profile"}, where
        image = info.meta["og:image"]
        assert image.startswith(ARCHIVE_BASE) and image.endswith(".png"), where  # absolute, sub-path included
        assert (seed_site / image.removeprefix(ARCHIVE_BASE)).is_file(), where
        assert info.meta["og:image:alt"], where
        assert info.meta["twitter:card"] == "summary_large_image" and info.meta["twitter:image"] == image, where


def test_each_meeting_has_its_own_share_image_of_the_preview_size(seed_site):
    images = {}
    for page in (seed_site / "meetings").glob("*/index.html"):
        image = read_page(page).meta["og:image"]
        assert image == canonical_of(seed_site, page) + "share.png"
        data = (seed_site / image.removeprefix(ARCHIVE_BASE)).read_bytes()
        assert Image.open(io.BytesIO(data)).size == (1200, 630)
        images[image] = data
    assert len(images) == 8 and len(set(images.values())) == 8  # each card tells its own meeting
    site_card = read_page(seed_site / "index.html").meta["og:image"]
    assert site_card == ARCHIVE_BASE + "share.png" and Image.open(seed_site / "share.png").size == (1200, 630)


def test_a_meeting_card_says_who_when_and_where(seed_site):
    from sitegen.config import Config
    from sitegen.model import Meeting, Participant, Person, Place
    import datetime as dt

    person = lambda name: Participant(Person(name, name.lower(), None, (), False), None)  # noqa: E731
    meeting = Meeting("m", dt.date(2024, 6, 24), Place("Washington", "United States"), None, [person("Yoav Gallant"), person("Antony Blinken")], [], "")
    card = shareimage.meeting_card(meeting, Config())
    assert card.headline == "Yoav Gallant and Antony Blinken"
    assert card.details[0] == "24 June 2024 · Washington, United States"


def test_share_images_are_drawn_even_without_the_dejavu_font(monkeypatch):
    truetype = ImageFont.truetype

    def no_system_fonts(font, *args, **kwargs):
        if isinstance(font, str):  # a font file by name: as on a machine without fonts-dejavu-core
            raise OSError("cannot open resource")
        return truetype(font, *args, **kwargs)  # Pillow's own bundled font, read from memory

    monkeypatch.setattr(ImageFont, "truetype", no_system_fonts)
    monkeypatch.setattr(shareimage, "_FONTS", {})
    png = shareimage.draw_card(shareimage.Card("Archive", "A very long list of names " * 8, ("1 January 2024 · Paris",)))
    assert Image.open(io.BytesIO(png)).size == (1200, 630)


def test_json_ld_describes_a_meeting_as_an_event_with_its_participants_and_place(seed_site):
    (event,) = read_page(seed_site / MEETING / "index.html").json_ld
    assert event["@context"] == "https://schema.org" and event["@type"] == "Event"
    assert event["startDate"] == "2024-06-24" and event["url"] == ARCHIVE_BASE + MEETING
    assert {a["name"] for a in event["attendee"]} == {"Yoav Gallant", "Antony Blinken"}
    assert all(a["url"].startswith(ARCHIVE_BASE + "people/") for a in event["attendee"])
    assert event["location"]["address"]["addressLocality"] == "Washington"
    assert event["image"] == ARCHIVE_BASE + MEETING + "share.png"


def test_json_ld_fits_each_kind_of_page(seed_site):
    (person,) = read_page(seed_site / "people/yoav-gallant/index.html").json_ld
    assert person["@type"] == "Person" and person["name"] == "Yoav Gallant"
    (article,) = read_page(seed_site / "articles/2022-03-27-antony-blinken-meets-benny-gantz-in-jerusalem/index.html").json_ld
    assert article["@type"] == "NewsArticle" and article["datePublished"] == "2022-03-27"
    assert article["headline"] == "Antony Blinken meets Benny Gantz in Jerusalem"
    (home,) = read_page(seed_site / "index.html").json_ld
    assert home["@type"] == "WebSite"
    assert home["potentialAction"]["target"]["urlTemplate"] == ARCHIVE_BASE + "search/?q={search_term_string}"
    (topic,) = read_page(seed_site / "topics/iron-dome/index.html").json_ld
    assert topic["@type"] == "CollectionPage" and topic["about"]["name"] == "Iron Dome"
    assert read_page(seed_site / "404.html").json_ld == []


def test_a_meeting_page_offers_share_by_email_without_script(seed_site):
    info = read_page(seed_site / MEETING / "index.html")
    (mailto,) = [a["href"] for a in info.anchors if a.get("href", "").startswith("mailto:")]
    query = parse_qs(urlsplit(mailto).query)
    assert query["subject"] == [info.meta["og:title"]]
    assert query["body"][0].endswith("\n\n" + ARCHIVE_BASE + MEETING)


@pytest.mark.parametrize("base", ["https://example.org/", "https://example.org/deep/archive/"])
def test_preview_addresses_follow_the_configured_base_url(tmp_path, base):
    root = make_site(tmp_path, {"seeds/a.txt": "---\ndate: 2023-01-31\n---\nGallant hosts Blinken\nDefense Minister Yoav Gallant hosted US Secretary of State Antony Blinken in Jerusalem on Tuesday.\n"})
    build_site(root, base_url=base)
    info = read_page(root / "site/meetings/2023-01-31-antony-blinken-yoav-gallant/index.html")
    assert info.meta["og:image"] == base + "meetings/2023-01-31-antony-blinken-yoav-gallant/share.png"
    assert info.json_ld[0]["url"] == base + "meetings/2023-01-31-antony-blinken-yoav-gallant/"
