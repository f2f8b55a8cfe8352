"""Long lists in parts: no page grows with the whole archive.

A page lists at most LIST_LIMIT meetings (or articles). A topic, place or
person with more, the meetings index and the articles index get a page for
each year of their list instead, a year still too long a page for each of its
months, and a month still too long a page for each of its days; what has no
known date gets a page of its own. (A single day, or the undated, with more
than LIST_LIMIT is not split further: there is no finer period to split by.) The page of the
topic, place or person itself keeps its summary, its charts, its latest
meetings and an index of those parts.

Parts are split by time, never numbered: the address of a year, a month or a day
('topics/iron-dome/2023/', 'topics/iron-dome/2023/05/', '.../2023/05/17/') keeps showing that
period's meetings as others are added, so a link pasted into an email stays
right. A short list stays whole, so a small archive reads as one page a topic.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .wording import long_date

if TYPE_CHECKING:
    from .model import Archive, ArticlePage, Meeting

#: A page lists at most this many meetings (or articles): a longer list gets a page for each year,
#: a year still longer a page for each month, and a month still longer a page for each day.
LIST_LIMIT = 100
#: How many of its latest meetings (and articles) a page whose list is split still shows itself.
LATEST_SHOWN = 10

MONTHS = ("January", "February", "March", "April", "May", "June", "July",
          "August", "September", "October", "November", "December")


@dataclass(eq=False)
class Part:
    """A year, a month, a day, or the undated rest of a list too long for one page: a page of its own.

    Its address is the list's own plus the year, then the month, then the day, or 'undated/'.
    """

    url: str
    #: None for the meetings (or articles) with no known date.
    year: int | None
    #: 1 to 12 for a month's part (and a day's).
    month: int | None = None
    #: 1 to 31 for a day's part.
    day: int | None = None
    meetings: list[Meeting] = field(default_factory=list)
    #: For a person's parts and the articles index's: the articles published in the period.
    articles: list[ArticlePage] = field(default_factory=list)
    #: A page for each month, when the year alone is still too long.
    months: list[Part] = field(default_factory=list)
    #: A page for each day, when the month alone is still too long.
    days: list[Part] = field(default_factory=list)

    @property
    def label(self) -> str:
        """'2023', 'May 2023', '17 May 2023' or 'Date unknown'."""
        if self.year is None:
            return "Date unknown"
        if self.day:
            return long_date(dt.date(self.year, self.month, self.day))
        return f"{MONTHS[self.month - 1]} {self.year}" if self.month else str(self.year)

    @property
    def parts(self) -> list[Part]:
        """Its own parts one period down: the months of a year, the days of a month (none when it fits a page)."""
        return self.months or self.days


def split_long_lists(archive: Archive) -> None:
    """Parts for every list of the archive longer than LIST_LIMIT; short lists stay whole."""
    for group in (*archive.topics, *archive.places):
        if len(group.meetings) > LIST_LIMIT:
            group.parts = by_year(group.url, group.meetings, [])
    for person in archive.people:
        if len(person.meetings) > LIST_LIMIT or len(person.articles) > LIST_LIMIT:
            person.parts = by_year(person.url, person.meetings, person.articles)
    for year in archive.years:  # the meetings index's years have had their own pages all along
        if len(year.meetings) > LIST_LIMIT:
            year.months = by_month(year.url, year.year, year.meetings, [])
    if len(archive.meetings) > LIST_LIMIT:
        archive.meetings_by_year = True
        undated = [m for m in archive.meetings if m.date is None]
        archive.undated = Part("meetings/undated/", None, meetings=undated) if undated else None
    if len(archive.articles) > LIST_LIMIT:
        archive.article_parts = by_year("articles/", [], archive.articles)


def by_year(url: str, meetings: list[Meeting], articles: list[ArticlePage]) -> list[Part]:
    """A list's parts under `url`: one a year in time order (by month, and a month by day, when still too long), the undated last.

    Meetings and articles keep the order they have in the list.
    """
    years: dict[int | None, Part] = {}
    for meeting in meetings:
        year = meeting.date.year if meeting.date else None
        years.setdefault(year, _year_part(url, year)).meetings.append(meeting)
    for item in articles:
        year = item.article.published.year if item.article.published else None
        years.setdefault(year, _year_part(url, year)).articles.append(item)
    dated = [years[y] for y in sorted(y for y in years if y is not None)]
    for part in dated:
        if len(part.meetings) > LIST_LIMIT or len(part.articles) > LIST_LIMIT:
            part.months = by_month(part.url, part.year, part.meetings, part.articles)
    return dated + ([years[None]] if None in years else [])


def by_month(url: str, year: int, meetings: list[Meeting], articles: list[ArticlePage]) -> list[Part]:
    """One year's list by month, under the year's `url`: the months that hold anything, in order (each by day when still too long)."""
    months = _by(lambda day: day.month, lambda day: Part(f"{url}{day.month:02d}/", year, day.month), meetings, articles)
    for part in months:
        if len(part.meetings) > LIST_LIMIT or len(part.articles) > LIST_LIMIT:
            part.days = _by(lambda day: day.day, lambda day, month=part: Part(f"{month.url}{day.day:02d}/", year, day.month, day.day),
                            part.meetings, part.articles)
    return months


def _by(key, make, meetings: list[Meeting], articles: list[ArticlePage]) -> list[Part]:
    """Meetings and articles (all dated) in a part for each `key` of their date, in order."""
    found: dict[int, Part] = {}
    for day, kind, item in [(m.date, "meetings", m) for m in meetings] + [(a.article.published, "articles", a) for a in articles]:
        getattr(found.setdefault(key(day), make(day)), kind).append(item)
    return [found[k] for k in sorted(found)]


def every_part(parts: list[Part]) -> list[tuple[Part, list[Part], Part | None, Part | None]]:
    """Each part and its own parts, down to days: with the parts above it and its dated neighbours before and after.

    Neighbours are not kept in the parts themselves: the model holds no cycles.
    """
    found = []

    def walk(siblings: list[Part], above: list[Part]) -> None:
        dated = [p for p in siblings if p.year is not None]
        for part in siblings:
            at = dated.index(part) if part.year is not None else -1
            before = dated[at - 1] if at > 0 else None
            after = dated[at + 1] if 0 <= at < len(dated) - 1 else None
            found.append((part, above, before, after))
            walk(part.parts, [*above, part])

    walk(parts, [])
    return found


def _year_part(url: str, year: int | None) -> Part:
    return Part(f"{url}{year}/" if year is not None else f"{url}undated/", year)
