"""Stage 4, render: every page of the archive through its Jinja template.

`plan_pages` decides every page and its address before anything renders;
`render_pages` turns each into bytes. Autoescaping is on everywhere; the only
HTML marked safe is sanitised Markdown output.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Iterator
from urllib.parse import urlparse

import jinja2
from markupsafe import Markup

from .charts import with_charts
from .config import Config
from .depends import RecordingEnvironment
from .export import DATA_PAGE, JSON_FILE, SCHEMA
from .feeds import ALL_MEETINGS, Feed, all_meetings_feed, meeting_summary, person_feed, topic_feed
from .linkdata import structured_data
from .model import Archive, Place
from .parts import Part, every_part
from .problems import BuildFailed, Problem
from .shareimage import SITE_IMAGE
from .sitemaps import INDEX, plan_sitemaps
from .shareimage import SIZE as SHARE_IMAGE_SIZE
from .urls import absolute_url, output_file, relative_url
from .wording import long_date

SECTIONS = [
    ("Meetings", "meetings/"),
    ("People", "people/"),
    ("Topics", "topics/"),
    ("Places", "places/"),
    ("Years", "years/"),
    ("Articles", "articles/"),
]
STYLESHEET = "static/style.css"
SEARCH_SCRIPT = "static/search.js"
#: Pages whose text goes into the search index (indexes, the pages of a long list's years and the home page only repeat it).
SEARCHABLE = frozenset({"meeting", "person", "topic", "place", "article"})
DESCRIPTION_LENGTH = 160


@dataclass(frozen=True)
class Page:
    """One page to write: its address, template, title, and the objects it shows."""

    url: str
    template: str
    kind: str
    title: str
    description: str
    context: dict = field(default_factory=dict)
    #: The section of the navigation this page belongs to.
    section: str = ""
    #: Links as root-relative paths (for 404.html, which is served at any address).
    absolute_links: bool = False
    #: The link-preview picture (a site path) and what it shows.
    image: str = SITE_IMAGE
    image_alt: str = ""
    #: The Atom feed of the meetings this page lists, linked with rel=alternate.
    feed: Feed | None = None
    #: schema.org JSON-LD for the page: None as planned, filled in by `with_structured`.
    structured: dict | None = None

    @property
    def searchable(self) -> bool:
        return self.kind in SEARCHABLE


def plan_pages(archive: Archive, config: Config) -> list[Page]:
    """Every page of the site, in a stable order (their JSON-LD aside: see `with_structured`)."""
    every_meeting = all_meetings_feed(archive)
    # Only the home page names the archive's size: a page that did would change with every article added.
    site_image_alt = f"{config.title}: {config.description}"
    home_image_alt = f"{config.title}: {len(archive.meetings)} meetings, {len(archive.people)} people"
    pages = [
        Page("", "home.html", "home", config.title, config.description, feed=every_meeting, image_alt=home_image_alt),
        Page("404.html", "404.html", "not-found", "Page not found", "There is no page at this address.", absolute_links=True),
        Page("search/", "search.html", "search", "Search the archive", "Search every meeting, person, topic, place and source article, or browse them A to Z."),
        Page(DATA_PAGE, "data.html", "data", "The archive as data", "Every meeting, person, topic, place and source article, with the links between them, as JSON and CSV for research.",
             {"tables": SCHEMA, "json_file": JSON_FILE}),
    ]
    for label, url in SECTIONS:
        kind = url.rstrip("/")
        pages.append(Page(url, "list.html", kind, f"All {label.lower()}", f"Every {kind[:-1]} in the archive.", section=url, feed=every_meeting if url == "meetings/" else None))
    for meeting in archive.meetings:
        when = long_date(meeting.date)
        where = f", {meeting.place.name}" if meeting.place else ""
        pages.append(Page(meeting.url, "meeting.html", "meeting", f"{meeting.title}, {when}", _clip(meeting_summary(meeting)), {"meeting": meeting}, "meetings/", image=meeting.share_image, image_alt=f"{meeting.title}, {when}{where}"))
    for person in archive.people:
        count = len(person.meetings)
        pages.append(Page(person.url, "person.html", "person", person.name, f"{person.name}: {count} meeting{'s' if count != 1 else ''} in the archive, with roles, counterparts and topics.", {"person": person}, "people/", feed=person_feed(person)))
    for topic in archive.topics:
        pages.append(Page(topic.url, "group.html", "topic", topic.label, _clip(topic.description or topic.label), {"group": topic, "group_intro": topic.description}, "topics/", feed=topic_feed(topic)))
    for place in archive.places:
        pages.append(Page(place.url, "group.html", "place", f"Meetings in {place.name}", f"Every meeting in {place.name} in the archive.", {"group": place, "group_intro": ""}, "places/"))
    for year in archive.years:
        pages.append(Page(year.url, "group.html", "year", f"Meetings in {year.year}", f"Every meeting of {year.year} in the archive.", {"group": year, "group_intro": ""}, "years/"))
    for item in archive.articles:
        first = next((b.text for b in item.article.blocks if b.kind == "p"), item.title)
        pages.append(Page(item.url, "article.html", "article", item.title, _clip(first), {"item": item}, "articles/"))
    pages += _part_pages(archive)
    pages = [replace(p, image_alt=p.image_alt or site_image_alt) for p in pages]
    return with_charts(pages, archive)


def with_structured(page: Page, config: Config) -> Page:
    """`page` with its JSON-LD, which follows from the page and the settings alone.

    Made where a page is hashed (for reuse, reuse.Renders.reusable) and again where it renders, rather
    than held for every page from planning to the end (some 70 MB at 10,000 articles).
    """
    return replace(page, structured=structured_data(page, config))


def _part_pages(archive: Archive) -> list[Page]:
    """A page for each year, month and undated rest of every list too long for one page (sitegen/parts.py)."""
    pages = []

    def add(parts: list[Part], trail: list[tuple[str, str]], section: str, title, about=None, articles: str = "") -> None:
        for part, above, before, after in every_part(parts):
            # Neighbours as (label, address) only: the page shows nothing else of them.
            context = {"part": part, "about": about, "crumbs": trail + [(p.label, p.url) for p in above],
                       "show_place": not isinstance(about, Place), "articles_heading": articles,
                       "previous": (before.label, before.url) if before else None, "next": (after.label, after.url) if after else None}
            pages.append(Page(part.url, "part.html", "part", title(part), _part_description(part), context, section))

    for topic in archive.topics:
        add(topic.parts, [("Topics", "topics/"), (topic.label, topic.url)], "topics/", lambda p, t=topic: f"Meetings about {t.label} {_when(p)}", topic)
    for place in archive.places:
        add(place.parts, [("Places", "places/"), (place.name, place.url)], "places/", lambda p, pl=place: f"Meetings in {pl.name} {_when(p)}", place)
    for person in archive.people:
        add(person.parts, [("People", "people/"), (person.name, person.url)], "people/",
            lambda p, n=person.name: f"{n} {_when(p)}" if p.year else f"{n}: meetings and articles with no known date",
            person, f"Articles that mention {person.name}")
    for year in archive.years:
        add(year.months, [("Years", "years/"), (str(year.year), year.url)], "years/", lambda p: f"Meetings {_when(p)}")
    if archive.undated:
        add([archive.undated], [("Meetings", "meetings/")], "meetings/", lambda p: "Meetings with no known date")
    add(archive.article_parts, [("Articles", "articles/")], "articles/",
        lambda p: f"Source articles published {_when(p)}" if p.year else "Source articles with no known publication date",
        articles="Source articles")
    return pages


def _when(part: Part) -> str:
    """'in 2023', 'in May 2023', 'on 17 May 2023' or 'with no known date'."""
    if part.year is None:
        return "with no known date"
    return f"on {part.label}" if part.day else f"in {part.label}"


def _part_description(part: Part) -> str:
    held = [f"{len(items)} {noun if len(items) == 1 else noun + 's'}" for noun, items in (("meeting", part.meetings), ("source article", part.articles)) if items]
    listed = " and ".join(held) or "Nothing"
    return f"{listed} {_when(part)}" + (", month by month." if part.months else ", day by day." if part.days else ", in time order." if part.meetings else ".")


def make_environment(template_dirs: list[Path], config: Config, archive: Archive, static: dict[str, Path]) -> jinja2.Environment:
    """A Jinja environment whose loader tries the site's own templates before the defaults."""
    env = RecordingEnvironment(  # notes what each page reads, for the build cache (depends.py)
        loader=jinja2.ChoiceLoader([jinja2.FileSystemLoader(str(d)) for d in template_dirs]),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=False,
        lstrip_blocks=False,
    )
    base_path = urlparse(config.base_url).path or "/"

    @jinja2.pass_context
    def rel(context, target: str) -> str:
        page: Page = context["page"]
        if page.absolute_links:
            return base_path + output_file(target).removesuffix("index.html")
        return relative_url(target, page.url)

    env.filters["rel"] = rel
    env.filters["absolute"] = lambda target: absolute_url(target, config.base_url)
    env.filters["nest_headings"] = nest_headings
    env.filters["longdate"] = lambda day: long_date(day, unknown="")
    env.globals.update(
        site=config,
        archive=archive,
        sections=SECTIONS,
        stylesheet=_fingerprinted(STYLESHEET, static),
        search_script=_fingerprinted(SEARCH_SCRIPT, static),
        share_image_size=SHARE_IMAGE_SIZE,
        all_meetings_feed=ALL_MEETINGS,
        #: For the home page (and the indexes): no other page shows them, so adding an article leaves the others as they were.
        counts={
            "meetings": len(archive.meetings),
            "people": len(archive.people),
            "topics": len(archive.topics),
            "places": len(archive.places),
            "articles": len(archive.articles),
        },
    )
    return env


def render_pages(pages: list[Page], env: jinja2.Environment) -> Iterator[tuple[str, bytes]]:
    """(output file, bytes) for each page."""
    for page in pages:
        try:
            html = env.get_template(page.template).render(page=page, **page.context)
        except jinja2.TemplateError as exc:
            raise BuildFailed([_template_problem(exc, page)]) from exc
        yield output_file(page.url), html.encode("utf-8")


def render_documents(pages: list[Page], env: jinja2.Environment) -> Iterator[tuple[str, bytes]]:
    """(output file, bytes) for every Atom feed, the sitemaps and their index, and robots.txt."""
    feeds = {page.feed.url: page.feed for page in pages if page.feed}
    sitemaps = plan_sitemaps([page for page in pages if page.kind != "not-found"])
    jobs = [(url, "feed.xml", {"feed": feed}) for url, feed in feeds.items()]
    jobs += [(sitemap.file, "sitemap.xml", {"pages": sitemap.pages}) for sitemap in sitemaps]
    jobs += [(INDEX, "sitemap-index.xml", {"sitemaps": sitemaps}), ("robots.txt", "robots.txt", {})]
    for output, template, context in jobs:
        try:
            text = env.get_template(template).render(**context)
        except jinja2.TemplateError as exc:
            raise BuildFailed([_template_problem(exc, Page(output, template, "document", "", ""))]) from exc
        yield output, text.encode("utf-8")


def _template_problem(exc: jinja2.TemplateError, page: Page) -> Problem:
    """A template fault, placed at the template's file and line where Jinja knows them."""
    if isinstance(exc, jinja2.TemplateSyntaxError):
        return Problem(exc.filename or exc.name or page.template, f"template error: {exc.message}", line=exc.lineno)
    if isinstance(exc, jinja2.TemplateNotFound):
        return Problem(page.template, f"template not found: {exc.name}")
    return Problem(page.template, f"template error while rendering {page.url or 'the home page'}: {exc}")


def nest_headings(html: str, top: int = 2) -> Markup:
    """Sanitised article HTML with its headings renumbered from `top` down, in order, none skipped.

    The page's own h1 is the headline, so a Markdown article's "# Title" becomes an h2,
    and "# A" followed by "### B" become h2 and h3: one h1 a page, a heading list that nests.
    """
    used = sorted({int(level) for level in _HEADING.findall(html)})
    levels = {level: min(top + rank, 6) for rank, level in enumerate(used)}
    return Markup(re.sub(r"<(/?)h([1-6])\b", lambda m: f"<{m[1]}h{levels[int(m[2])]}", html))


_HEADING = re.compile(r"<h([1-6])\b")


def _fingerprinted(name: str, static: dict[str, Path]) -> str:
    """The asset's address with a content hash, so browsers never keep a stale stylesheet."""
    path = static.get(name.removeprefix("static/"))
    if path is None:
        return name
    return f"{name}?v={hashlib.sha256(path.read_bytes()).hexdigest()[:10]}"


def _clip(text: str) -> str:
    text = " ".join(text.split())
    if len(text) <= DESCRIPTION_LENGTH:
        return text
    return text[: DESCRIPTION_LENGTH - 1].rsplit(" ", 1)[0] + "…"
