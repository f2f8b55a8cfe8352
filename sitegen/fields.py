"""The front-matter keys an article may declare, one normaliser per key, in one table.

A declared value always wins over what extraction would find. Every value is
checked here, so later stages receive clean, typed values only.
"""

from __future__ import annotations

import datetime as dt
import difflib
from dataclasses import dataclass
from typing import Callable
from urllib.parse import urlparse

from .chars import plain_line
from .load import SourceFile
from .problems import Problems


#: Dates before this are typing slips (and would overflow date arithmetic near year 1).
EARLIEST_YEAR = 1800


class FieldError(ValueError):
    """A declared value that cannot be used; the message says what to write instead."""


@dataclass(frozen=True)
class DeclaredMeeting:
    date: dt.date | None
    place: str | None
    participants: tuple[str, ...]
    topics: tuple[str, ...] | None = None
    venue: str | None = None


@dataclass(frozen=True)
class Declared:
    """What an article's front matter says; None means 'not declared, extract it'."""

    title: str | None = None
    date: dt.date | None = None
    source: str | None = None
    outlet: str | None = None
    place: str | None = None
    participants: tuple[str, ...] | None = None
    people: tuple[str, ...] | None = None
    topics: tuple[str, ...] | None = None
    meetings: tuple[DeclaredMeeting, ...] | None = None
    summary: str | None = None


def to_text(value: object) -> str:
    """Non-empty text on one line, without invisible characters (see chars.plain_line)."""
    text = plain_line(value) if isinstance(value, str) else ""
    if not text:
        hint = ": put it in quotes to keep it as text" if isinstance(value, (bool, int, float)) else ""
        raise FieldError(f"must be non-empty text, not {_describe(value)}{hint}")
    return text


def to_date(value: object, *, today: dt.date | None = None) -> dt.date:
    """A real calendar date, not in the future, written YYYY-MM-DD."""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, str):
        try:
            value = dt.date.fromisoformat(value.strip())
        except ValueError:
            raise FieldError(f"must be a real date written YYYY-MM-DD, not {value!r}") from None
    if not isinstance(value, dt.date):
        raise FieldError(f"must be a date written YYYY-MM-DD, not {_describe(value)}")
    # A day of slack: an article dated today in Jerusalem is still 'tomorrow' on a UTC build machine.
    if value > (today or dt.date.today()) + dt.timedelta(days=1):
        raise FieldError(f"{value.isoformat()} is in the future; check the year")
    if value.year < EARLIEST_YEAR:
        raise FieldError(f"{value.isoformat()} is before {EARLIEST_YEAR}; check the year")
    return value


def to_url(value: object) -> str:
    """An absolute http(s) address."""
    text = to_text(value)
    parsed = urlparse(text)
    if parsed.scheme not in ("http", "https") or not parsed.netloc:
        raise FieldError(f"must be an http:// or https:// address, not {text!r}")
    return text


def to_names(value: object) -> tuple[str, ...]:
    """A list of names (a single name is accepted as a list of one)."""
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        raise FieldError(f"must be a list of names, not {_describe(value)}")
    names = []
    for number, item in enumerate(value, start=1):
        try:
            names.append(to_text(item))
        except FieldError as exc:
            raise FieldError(f"item {number} {exc}") from None
    return tuple(names)


def to_participants(value: object) -> tuple[str, ...]:
    """The names of the people who met: at least two."""
    names = to_names(value)
    if len(set(names)) < 2:
        raise FieldError(f"must name at least two people who met, not {_describe(value)}")
    return names


def to_meetings(value: object) -> tuple[DeclaredMeeting, ...]:
    """A list of meetings, each with participants and optionally date, place, topics, venue."""
    if not isinstance(value, list):
        raise FieldError(f"must be a list of meetings, not {_describe(value)}")
    meetings = []
    for number, item in enumerate(value, start=1):
        if not isinstance(item, dict):
            raise FieldError(f"meeting {number} must be a mapping with participants, date and place")
        unknown = sorted(map(str, set(item) - {"date", "place", "participants", "topics", "venue"}))
        if unknown:
            raise FieldError(f"meeting {number} has unknown key(s) {', '.join(unknown)}; known: date, place, participants, topics, venue")
        if "participants" not in item:
            raise FieldError(f"meeting {number} needs 'participants'")
        try:
            meetings.append(
                DeclaredMeeting(
                    date=to_date(item["date"]) if item.get("date") is not None else None,
                    place=to_text(item["place"]) if item.get("place") is not None else None,
                    participants=to_participants(item["participants"]),
                    topics=to_names(item["topics"]) if item.get("topics") is not None else None,
                    venue=to_text(item["venue"]) if item.get("venue") is not None else None,
                )
            )
        except FieldError as exc:
            raise FieldError(f"meeting {number}: {exc}") from None
    return tuple(meetings)


#: key -> (normaliser, what the key means). The README's table is written from this.
FIELD_RULES: dict[str, tuple[Callable[[object], object], str]] = {
    "title": (to_text, "the headline"),
    "date": (to_date, "publication date, YYYY-MM-DD"),
    "source": (to_url, "address of the original article"),
    "outlet": (to_text, "the news outlet that published it"),
    "place": (to_text, "city where the meeting(s) took place"),
    "participants": (to_participants, "people who met (one meeting)"),
    "people": (to_names, "everyone the article mentions"),
    "topics": (to_names, "topic ids from topics.yaml"),
    "meetings": (to_meetings, "several meetings, each with date, place, participants, topics"),
    "summary": (to_text, "one or two sentences shown on meeting pages"),
}


def read_declared(source: SourceFile, problems: Problems) -> Declared:
    """Check every front-matter key of `source` against FIELD_RULES."""
    values: dict[str, object] = {}
    for key, raw in source.front_matter.items():
        line = source.key_lines.get(str(key))
        rule = FIELD_RULES.get(key) if isinstance(key, str) else None
        if rule is None:
            # A warning, not an error: Markdown from other tools carries keys of its own (tags, author).
            problems.warning(source.name, _unknown_key_message(key), line=line, key=str(key))
            continue
        if raw is None:
            continue
        try:
            values[key] = rule[0](raw)
        except FieldError as exc:
            problems.error(source.name, f"'{key}' {exc}", line=line, key=key)
    return Declared(**values)


def _unknown_key_message(key: object) -> str:
    close = difflib.get_close_matches(str(key), FIELD_RULES, n=1)
    hint = f"did you mean '{close[0]}'? " if close else ""
    return f"unknown front-matter key '{key}' is ignored: {hint}known keys are {', '.join(FIELD_RULES)}"


def _describe(value: object) -> str:
    return f"{type(value).__name__} {value!r}"[:80]
