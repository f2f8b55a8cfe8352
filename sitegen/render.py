"""Stage 4, render: every page of the archive through its Jinja template.

`plan_pages` decides every page and its address before anything renders;
`render_pages` turns each into bytes. Autoescaping is on everywhere; the only
HTML marked safe is sanitised Markdown output.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator
from urllib.parse import urlparse

import jinja2

from .config import Config
from .model import Archive
from .problems import BuildFailed, Problem
from .urls import absolute_url, output_file, relative_url

SECTIONS = [
    ("Meetings", "meetings/"),
    ("People", "people/"),
    ("Topics", "topics/"),
    ("Places", "places/"),
    ("Years", "years/"),
    ("Articles", "articles/"),
]
STYLESHEET = "static/style.css"
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


def plan_pages(archive: Archive, config: Config) -> list[Page]:
    """Every page of the site, in a stable order."""
    pages = [
        Page("", "home.html", "home", config.title, config.description),
        Page("404.html", "404.html", "not-found", "Page not found", "There is no page at this address.", absolute_links=True),
    ]
    for label, url in SECTIONS:
        kind = url.rstrip("/")
        pages.append(Page(url, "list.html", kind, f"All {label.lower()}", f"Every {kind[:-1]} in the archive.", section=url))
    for meeting in archive.meetings:
        when = f"{meeting.date:%-d %B %Y}" if meeting.date else "date unknown"
        where = f" in {meeting.place.name}" if meeting.place else ""
        pages.append(Page(meeting.url, "meeting.html", "meeting", f"{meeting.title}, {when}", _clip(f"{meeting.title} met{where}, {when}. {meeting.summary}"), {"meeting": meeting}, "meetings/"))
    for person in archive.people:
        count = len(person.meetings)
        pages.append(Page(person.url, "person.html", "person", person.name, f"{person.name}: {count} meeting{'s' if count != 1 else ''} in the archive, with roles, counterparts and topics.", {"person": person}, "people/"))
    for topic in archive.topics:
        pages.append(Page(topic.url, "group.html", "topic", topic.label, _clip(topic.description or topic.label), {"group": topic, "group_intro": topic.description}, "topics/"))
    for place in archive.places:
        pages.append(Page(place.url, "group.html", "place", f"Meetings in {place.name}", f"Every meeting in {place.name} in the archive.", {"group": place, "group_intro": ""}, "places/"))
    for year in archive.years:
        pages.append(Page(year.url, "group.html", "year", f"Meetings in {year.year}", f"Every meeting of {year.year} in the archive.", {"group": year, "group_intro": ""}, "years/"))
    for item in archive.articles:
        first = next((b.text for b in item.article.blocks if b.kind == "p"), item.title)
        pages.append(Page(item.url, "article.html", "article", item.title, _clip(first), {"item": item}, "articles/"))
    return pages


def make_environment(template_dirs: list[Path], config: Config, archive: Archive, static: dict[str, Path]) -> jinja2.Environment:
    """A Jinja environment whose loader tries the site's own templates before the defaults."""
    env = jinja2.Environment(
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
    env.filters["longdate"] = lambda day: f"{day:%-d %B %Y}" if isinstance(day, dt.date) else ""
    env.globals.update(
        site=config,
        archive=archive,
        sections=SECTIONS,
        stylesheet=_fingerprinted(STYLESHEET, static),
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


def _template_problem(exc: jinja2.TemplateError, page: Page) -> Problem:
    """A template fault, placed at the template's file and line where Jinja knows them."""
    if isinstance(exc, jinja2.TemplateSyntaxError):
        return Problem(exc.filename or exc.name or page.template, f"template error: {exc.message}", line=exc.lineno)
    if isinstance(exc, jinja2.TemplateNotFound):
        return Problem(page.template, f"template not found: {exc.name}")
    return Problem(page.template, f"template error while rendering {page.url or 'the home page'}: {exc}")


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
