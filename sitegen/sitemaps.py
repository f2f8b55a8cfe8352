"""The sitemap, in parts: `sitemap.xml` is an index of sitemaps by section and year.

The sitemaps.org protocol caps a sitemap at 50,000 addresses, which an archive
passes at about 17,000 articles (a page a meeting and one an article, besides
the rest). Each meeting and article page, and each year's page of the long
meeting and article lists, goes to the sitemap of its section and year
(`sitemaps/meetings-2023.xml`); every other page goes to `sitemaps/pages.xml`.
So a sitemap's address stays the same as the archive grows, and an edit changes
one of them. One holding more than MAX_URLS is cut into numbered parts in page
order (`meetings-2023-2.xml`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Sequence

if TYPE_CHECKING:
    from .render import Page

#: The address of the index, the one crawlers are told about (robots.txt).
INDEX = "sitemap.xml"
#: The folder of the sitemaps it names.
FOLDER = "sitemaps"
#: Most addresses in one sitemap (the protocol's limit).
MAX_URLS = 50_000

_DATED = re.compile(r"(meetings|articles)/(?:(\d{4})\b)?")


@dataclass(frozen=True)
class Sitemap:
    """One sitemap file: its site path and the pages it lists."""

    file: str
    pages: tuple[Page, ...]


def plan_sitemaps(pages: Sequence[Page], most: int = MAX_URLS) -> list[Sitemap]:
    """The sitemaps of `pages`: `pages.xml` first, then each section's by year, none over `most` addresses."""
    groups: dict[str, list[Page]] = {}
    for page in pages:
        groups.setdefault(_group(page.url), []).append(page)
    sitemaps = []
    for group in sorted(groups, key=lambda g: (g != "pages", g)):
        listed = groups[group]
        parts = -(-len(listed) // most)
        for part in range(parts):
            name = group if parts == 1 else f"{group}-{part + 1}"
            sitemaps.append(Sitemap(f"{FOLDER}/{name}.xml", tuple(listed[part * most : (part + 1) * most])))
    return sitemaps


def _group(url: str) -> str:
    found = _DATED.match(url)
    if found is None or url == f"{found[1]}/":
        return "pages"
    return f"{found[1]}-{found[2]}" if found[2] else f"{found[1]}-undated"
