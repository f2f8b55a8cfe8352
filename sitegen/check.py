"""`sitegen check`: is anything wrong with the content or with the site built from it?

The content is built as a preview into a temporary folder (the output folder
and the URL manifest are left alone), so every error and warning of a build is
found; the model is then asked what it lacks (a meeting without a place, a
place missing from places.yaml); and the built pages are crawled: every link
and `#anchor` must lead somewhere in the site, and every page must be reachable
from the home page. `check_built` crawls a site that is already built.
"""

from __future__ import annotations

import posixpath
import tempfile
from collections import deque
from dataclasses import dataclass, field, replace
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .build import build
from .config import Config
from .model import Archive
from .problems import BuildFailed, Problem, Problems, Severity
from .progress import Progress
from .search import BUNDLE

#: Links in these attributes lead to a file of the site.
LINK_ATTRIBUTES = {("a", "href"), ("link", "href"), ("script", "src"), ("img", "src"), ("source", "src"),
                   ("iframe", "src"), ("form", "action"), ("a", "xlink:href"), ("use", "href")}
#: Pages no link needs to reach: the 404 page answers any address.
UNLINKED = frozenset({"404.html"})


@dataclass
class CheckReport:
    problems: list[Problem] = field(default_factory=list)
    pages: int = 0
    links: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems


def check_site(config: Config, progress: Progress | None = None) -> CheckReport:
    """Build `config`'s site as a preview, then check the content, the data and every page."""
    with tempfile.TemporaryDirectory(prefix="sitegen-check-") as folder:
        try:
            summary = build(replace(config, output_dir=str(Path(folder) / "site")), publish=False, progress=progress)
        except BuildFailed as failed:
            return CheckReport(failed.problems)
        report = check_built(Path(folder) / "site", config.base_url, shown_as=config.output_dir)
    missing = missing_data(summary.archive) if summary.archive else []
    report.problems[:0] = summary.warnings + missing
    return report


def missing_data(archive: Archive) -> list[Problem]:
    """What the archive lacks that its data or an article's front matter should give (beyond the build's warnings)."""
    problems = Problems()
    for meeting in archive.meetings:
        where = meeting.sources[0].article.name
        if meeting.place is None:
            problems.warning(where, f"the meeting of {meeting.title} ({meeting.date or 'undated'}) has no place: add 'place:' to the front matter", key="place")
    for place in archive.places:
        if place.country is None:
            where = place.meetings[0].sources[0].article.name
            problems.warning(where, f"'{place.name}' is not in places.yaml: add it there with its country", key="place")
    return problems.items


def check_built(site: Path, base_url: str, shown_as: str = "site") -> CheckReport:
    """Every link and anchor of the built `site` leads somewhere in it; every page is reachable from the home page."""
    base_path = urlsplit(base_url).path or "/"
    pages = {p.relative_to(site).as_posix(): _read(p) for p in sorted(site.rglob("*.html")) if BUNDLE not in p.relative_to(site).parts}
    report = CheckReport(pages=len(pages))
    reached_from: dict[str, set[str]] = {name: set() for name in pages}
    for name, page in pages.items():
        for line, link in page.links:
            report.links += 1
            target = _target(link, name, base_path)
            if target is None:
                continue
            path, fragment = target
            where = f"{shown_as.rstrip('/')}/{name}"
            file = _existing(site, path)
            if file is None:
                report.problems.append(Problem(where, f"broken link: {link} leads to no file of the site", line=line, key="link"))
            elif fragment and file in pages and fragment not in pages[file].ids:
                report.problems.append(Problem(where, f"broken anchor: {link} names #{fragment}, which {file} does not have", line=line, key="link"))
            elif file in pages and file != name:
                reached_from[file].add(name)
    report.problems += [Problem(f"{shown_as.rstrip('/')}/{name}", "orphan page: no link leads to it from the home page", key="orphan")
                        for name in _unreachable(pages, reached_from)]
    return report


def _unreachable(pages: dict[str, "_Page"], reached_from: dict[str, set[str]]) -> list[str]:
    """Pages no chain of links reaches from the home page (redirects, left at old addresses, need none)."""
    links: dict[str, set[str]] = {name: set() for name in pages}
    for target, sources in reached_from.items():
        for source in sources:
            links[source].add(target)
    seen, queue = {"index.html"}, deque(["index.html"])
    while queue:
        for target in links.get(queue.popleft(), ()):
            if target not in seen:
                seen.add(target)
                queue.append(target)
    return [name for name, page in pages.items() if name not in seen and name not in UNLINKED and not page.redirect]


def _target(link: str, page: str, base_path: str) -> tuple[str, str] | None:
    """The site path and fragment a link of `page` leads to; None for other sites, mail and the like."""
    parts = urlsplit(link)
    if parts.scheme or parts.netloc or link.startswith(("mailto:", "tel:", "data:", "javascript:")):
        return None
    path = unquote(parts.path)
    if path.startswith("/"):
        if not path.startswith(base_path):
            return ("/" + path, parts.fragment)  # outside the site's sub-path: reported as broken
        path = path[len(base_path):]
    elif path:
        path = posixpath.normpath(posixpath.join(posixpath.dirname(page), path)) + ("/" if path.endswith("/") else "")
    else:
        path = page
    return path, parts.fragment


def _existing(site: Path, path: str) -> str | None:
    """The site file a path names (a folder: its index.html), if it exists inside the site."""
    if path.startswith(("../", "/")) or path == "..":
        return None
    candidate = site / path
    if path in ("", ".") or path.endswith("/") or candidate.is_dir():
        candidate = candidate / "index.html"
    if not candidate.is_file():
        return None
    return candidate.relative_to(site).as_posix()


@dataclass
class _Page:
    ids: set[str] = field(default_factory=set)
    links: list[tuple[int, str]] = field(default_factory=list)
    redirect: bool = False


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = _Page()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        for name in ("id", "name" if tag == "a" else ""):
            if values.get(name):
                self.page.ids.add(values[name])
        if tag == "meta" and values.get("http-equiv", "").lower() == "refresh":
            self.page.redirect = True
        for attribute, value in values.items():
            if (tag, attribute) in LINK_ATTRIBUTES and value:
                self.page.links.append((self.getpos()[0], value))

    handle_startendtag = handle_starttag


def _read(path: Path) -> _Page:
    reader = _Reader()
    reader.feed(path.read_text(encoding="utf-8"))
    return reader.page


def severity_counts(problems: list[Problem]) -> tuple[int, int]:
    errors = sum(1 for p in problems if p.severity is Severity.ERROR)
    return errors, len(problems) - errors
