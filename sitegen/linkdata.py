"""schema.org JSON-LD for each page: what search engines and link previews read the page as.

A meeting is an Event with its attendees and place, a person a Person, a source
article a NewsArticle, the home page the WebSite with its search, every index a
CollectionPage; a year or month of a long list (sitegen/parts.py) is a
CollectionPage about its topic, place or person, with the trail of pages above
it as a BreadcrumbList. Addresses are absolute, from the configured base URL.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from .config import Config
from .model import ArticlePage, Meeting, Person, Place, Topic
from .urls import absolute_url

if TYPE_CHECKING:
    from .render import Page

CONTEXT = "https://schema.org"
#: Google shows at most this many characters of a NewsArticle headline.
HEADLINE_LENGTH = 110


def structured_data(page: Page, config: Config) -> dict | None:
    """The JSON-LD object for `page`, or None where no type fits (the 404 page)."""
    def absolute(target: str) -> str:
        return absolute_url(target, config.base_url)

    if page.kind == "not-found":
        return None
    if page.kind == "home":
        data = _website(config, absolute)
    elif page.kind == "meeting":
        data = _event(page.context["meeting"], absolute)
    elif page.kind == "person":
        data = _person(page.context["person"], absolute)
    elif page.kind == "article":
        data = _news_article(page.context["item"], absolute)
    elif page.kind == "search":
        data = {"@type": "SearchResultsPage"}
    else:
        data = {"@type": "CollectionPage"}
        group = page.context.get("group") or page.context.get("about")
        if isinstance(group, (Topic, Place, Person)):
            data["about"] = _about(group, absolute)
        if page.context.get("crumbs"):
            data["breadcrumb"] = _breadcrumbs([*page.context["crumbs"], (page.title, page.url)], absolute)
    data.setdefault("name", page.title)
    data.setdefault("description", page.description)
    data.setdefault("url", absolute(page.url))
    data.setdefault("image", absolute(page.image))
    return {"@context": CONTEXT, **data}


def _website(config: Config, absolute: Callable[[str], str]) -> dict:
    return {
        "@type": "WebSite",
        "name": config.title,
        "potentialAction": {
            "@type": "SearchAction",
            "target": {"@type": "EntryPoint", "urlTemplate": absolute("search/") + "?q={search_term_string}"},
            "query-input": "required name=search_term_string",
        },
    }


def _event(meeting: Meeting, absolute: Callable[[str], str]) -> dict:
    event: dict = {
        "@type": "Event",
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "attendee": [
            {"@type": "Person", "name": p.person.name, "url": absolute(p.person.url), **({"jobTitle": p.role} if p.role else {})}
            for p in meeting.participants
        ],
        "about": [{"@type": "Thing", "name": t.topic.label, "url": absolute(t.topic.url)} for t in meeting.topics],
        "subjectOf": [{"@type": "NewsArticle", "headline": _headline(s.title), "url": absolute(s.url)} for s in meeting.sources],
    }
    if meeting.date:
        event["startDate"] = event["endDate"] = meeting.date.isoformat()
    if meeting.place:
        event["location"] = _place(meeting.place, meeting.venue)
    return event


def _person(person: Person, absolute: Callable[[str], str]) -> dict:
    data: dict = {"@type": "Person", "name": person.name}
    if person.country:
        data["nationality"] = {"@type": "Country", "name": person.country}
    if person.roles:
        data["jobTitle"] = [role.title for role in person.roles]
    # The meetings the page lists: with more than a page lists, the latest (the pages of their years list the rest).
    listed = person.latest if person.parts else person.meetings
    data["subjectOf"] = [{"@type": "Event", "name": m.title, "url": absolute(m.url), **({"startDate": m.date.isoformat()} if m.date else {})} for m in listed]
    return data


def _about(group: Topic | Place | Person, absolute: Callable[[str], str]) -> dict:
    if isinstance(group, Place):
        return _place(group)
    if isinstance(group, Person):
        return {"@type": "Person", "name": group.name, "url": absolute(group.url)}
    return {"@type": "Thing", "name": group.label}


def _breadcrumbs(trail: list[tuple[str, str]], absolute: Callable[[str], str]) -> dict:
    """schema.org's BreadcrumbList: each page above this one, then this one, numbered from 1."""
    return {"@type": "BreadcrumbList", "itemListElement": [
        {"@type": "ListItem", "position": i, "name": name, "item": absolute(url)} for i, (name, url) in enumerate(trail, start=1)
    ]}


def _news_article(item: ArticlePage, absolute: Callable[[str], str]) -> dict:
    article = item.article
    data: dict = {
        "@type": "NewsArticle",
        "headline": _headline(item.title),
        "mentions": [{"@type": "Person", "name": p.name, "url": absolute(p.url)} for p in item.people],
        "about": [{"@type": "Event", "name": m.title, "url": absolute(m.url)} for m in item.meetings],
    }
    if article.published:
        data["datePublished"] = article.published.isoformat()
    if article.outlet:
        data["publisher"] = {"@type": "Organization", "name": article.outlet}
    if article.source_url:
        data["isBasedOn"] = article.source_url
    return data


def _place(place: Place, venue: str | None = None) -> dict:
    address = {"@type": "PostalAddress", "addressLocality": place.name}
    if place.country:
        address["addressCountry"] = place.country
    return {"@type": "Place", "name": venue or place.name, "address": address}


def _headline(title: str) -> str:
    return title if len(title) <= HEADLINE_LENGTH else title[: HEADLINE_LENGTH - 1].rsplit(" ", 1)[0] + "…"
