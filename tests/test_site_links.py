"""The built seeds served under /archive/: every page reachable from home, no broken link."""

from __future__ import annotations

import urllib.error
import urllib.request
from html.parser import HTMLParser
from urllib.parse import urldefrag, urljoin

from serve import serve


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        for key in ("href", "src"):
            if attrs.get(key) and not (tag == "link" and attrs.get("rel") == "canonical") and not (tag == "meta"):
                self.links.append(attrs[key])


def fetch(url: str) -> tuple[int, bytes, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read(), response.headers.get("Content-Type", "")
    except urllib.error.HTTPError as error:
        return error.code, error.read(), ""


def crawl(base: str) -> tuple[set[str], list[str]]:
    """Pages reached from `base` and the links that failed."""
    seen, broken, queue = set(), [], [base]
    anchors: dict[str, set[str]] = {}
    fragments: list[tuple[str, str, str]] = []
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        status, body, kind = fetch(url)
        if status != 200:
            broken.append(url)
            continue
        if "html" not in kind:
            continue
        parser = _Links()
        parser.feed(body.decode("utf-8"))
        anchors[url] = parser.ids
        for link in parser.links:
            target, fragment = urldefrag(urljoin(url, link))
            if not target.startswith(base):
                continue
            if fragment:
                fragments.append((url, target, fragment))
            queue.append(target)
    broken += [f"{page} -> {target}#{frag}" for page, target, frag in fragments if frag not in anchors.get(target, set())]
    return seen, broken


def test_crawl_from_home_reaches_every_page_without_broken_links(seed_site):
    with serve(seed_site) as base:
        reached, broken = crawl(base)
    assert broken == []
    html_files = {base + p.relative_to(seed_site).as_posix() for p in seed_site.rglob("*.html") if p.name != "404.html"}
    reached_files = {u + "index.html" if u.endswith("/") else u for u in reached}
    assert html_files - reached_files == set()


def test_the_404_page_works_at_any_depth_under_the_sub_path(seed_site):
    with serve(seed_site) as base:
        status, body, _ = fetch(base + "no/such/page/")
        assert status == 404 and b"Page not found" in body
        parser = _Links()
        parser.feed(body.decode("utf-8"))
        links = [link for link in parser.links if not link.startswith("#")]
        assert len(links) > 5
        for link in links:
            assert fetch(urljoin(base + "no/such/page/", link))[0] == 200, link
