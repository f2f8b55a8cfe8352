"""Read a built page the way a link preview, a crawler or a screen reader's heading list sees it."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

#: One built page of each kind in the seeds' build, by kind (served paths under the site root).
SEED_PAGE_OF_KIND = {
    "home": "",
    "meetings index": "meetings/",
    "people index": "people/",
    "topics index": "topics/",
    "places index": "places/",
    "years index": "years/",
    "articles index": "articles/",
    "meeting": "meetings/2024-06-24-antony-blinken-yoav-gallant/",
    "person": "people/yoav-gallant/",
    "topic": "topics/iron-dome/",
    "place": "places/jerusalem/",
    "year": "years/2021/",
    "article": "articles/2022-03-27-antony-blinken-meets-benny-gantz-in-jerusalem/",
    "search": "search/",
    "data": "data/",
    "404": "no/such/page/",
}


@dataclass
class PageInfo:
    title: str = ""
    meta: dict[str, str] = field(default_factory=dict)
    links: dict[str, list[dict[str, str]]] = field(default_factory=dict)
    json_ld: list[dict] = field(default_factory=list)
    headings: list[tuple[int, str]] = field(default_factory=list)
    anchors: list[dict[str, str]] = field(default_factory=list)

    def link(self, rel: str) -> dict[str, str]:
        return self.links.get(rel, [{}])[0]


class _Reader(HTMLParser):
    def __init__(self):
        super().__init__()
        self.info = PageInfo()
        self._in: str | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = {k: v or "" for k, v in attrs}
        if tag == "meta" and ("property" in attrs or "name" in attrs):
            self.info.meta[attrs.get("property") or attrs["name"]] = attrs.get("content", "")
        elif tag == "link":
            for rel in attrs.get("rel", "").split():
                self.info.links.setdefault(rel, []).append(attrs)
        elif tag == "a":
            self.info.anchors.append(attrs)
        if tag in ("title", "h1", "h2", "h3", "h4", "h5", "h6") or (tag == "script" and attrs.get("type") == "application/ld+json"):
            self._in, self._text = tag, []

    def handle_data(self, data):
        if self._in:
            self._text.append(data)

    def handle_endtag(self, tag):
        if tag != self._in:
            return
        text = "".join(self._text)
        if tag == "title":
            # The document's own title comes first, in the head; an SVG chart's titles name only the chart.
            self.info.title = self.info.title or text
        elif tag == "script":
            self.info.json_ld.append(json.loads(text))
        else:
            self.info.headings.append((int(tag[1]), " ".join(text.split())))
        self._in = None


def read_page(path: Path) -> PageInfo:
    reader = _Reader()
    reader.feed(path.read_text(encoding="utf-8"))
    return reader.info


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def sitemap_urls(site: Path, base: str) -> dict[str, list[str]]:
    """What a crawler reads from the site's sitemap index: each sitemap it names (as an address) and the page addresses in it."""
    import xml.etree.ElementTree as ET

    index = ET.parse(site / "sitemap.xml").getroot()
    assert index.tag == SITEMAP_NS + "sitemapindex"
    found = {}
    for loc in index.iter(SITEMAP_NS + "loc"):
        assert loc.text.startswith(base), loc.text
        sitemap = ET.parse(site / loc.text.removeprefix(base)).getroot()
        assert sitemap.tag == SITEMAP_NS + "urlset"
        found[loc.text] = [url.text for url in sitemap.iter(SITEMAP_NS + "loc")]
    return found
