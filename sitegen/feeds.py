"""Atom feeds: every meeting, and the meetings of each person and each topic.

A feed is planned with the page it follows (the page links it with
rel=alternate) and rendered through templates/feed.xml. Dates are the
meetings' own, never the build time, so a rebuild of the same content gives
byte-identical feeds and readers show nothing new.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .model import Archive, Meeting, Person, Topic
from .wording import long_date

#: Every meeting of the archive, beside the meetings index.
ALL_MEETINGS = "meetings/feed.xml"
#: Atom needs an `updated` time; a feed whose meetings carry no date at all gets this one.
NO_DATE = dt.date(1970, 1, 1)
#: Meetings a feed holds, the newest. Feed readers poll for what is new; a feed of every
#: meeting would grow with the archive (megabytes a poll) and change on every edit.
FEED_ENTRIES = 50


@dataclass(frozen=True)
class Entry:
    """A meeting as a feed entry: the day it was last reported and a one-paragraph summary."""

    meeting: Meeting
    updated: dt.date
    summary: str


@dataclass(frozen=True)
class Feed:
    """One Atom feed: its address, its title and the page it follows."""

    url: str
    title: str
    #: The HTML page showing the same meetings (a site path).
    page: str
    meetings: tuple[Meeting, ...]

    @property
    def entries(self) -> list[Entry]:
        """Every meeting as an entry, newest first."""
        newest = self.updated  # once: it looks at every meeting of the feed
        entries = [Entry(m, m.updated or newest, meeting_summary(m)) for m in self.meetings]
        return sorted(entries, key=lambda e: (e.meeting.date or e.updated, e.meeting.slug), reverse=True)

    @property
    def updated(self) -> dt.date:
        return max((m.updated for m in self.meetings if m.updated), default=NO_DATE)


def all_meetings_feed(archive: Archive) -> Feed:
    return Feed(ALL_MEETINGS, "All meetings", "meetings/", _newest(archive.meetings))


def person_feed(person: Person) -> Feed:
    return Feed(person.feed_url, f"Meetings of {person.name}", person.url, _newest(person.meetings))


def topic_feed(topic: Topic) -> Feed:
    return Feed(topic.feed_url, f"Meetings about {topic.label}", topic.url, _newest(topic.meetings))


def _newest(meetings: list[Meeting]) -> tuple[Meeting, ...]:
    """The FEED_ENTRIES newest meetings (by the day they met, or were last reported where that is unknown)."""
    if len(meetings) <= FEED_ENTRIES:
        return tuple(meetings)
    newest = sorted(meetings, key=lambda m: (m.date or m.updated or NO_DATE, m.slug), reverse=True)[:FEED_ENTRIES]
    return tuple(newest)


def meeting_summary(meeting: Meeting) -> str:
    """One line saying who met, where and when, then the summary: for descriptions and feed entries."""
    when = long_date(meeting.date)
    where = f" in {meeting.place.name}" if meeting.place else ""
    return " ".join(f"{meeting.title} met{where}, {when}. {meeting.summary}".split())
