"""What extraction produces: plain typed records of one article and the meetings it reports."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .refdata import PersonRecord


@dataclass(frozen=True)
class Evidence:
    """The sentence that shows a fact, so pages and reports can quote why."""

    sentence: str


@dataclass(frozen=True)
class ReportedMeeting:
    """A meeting as one article reports it; the model merges reports of the same meeting."""

    participants: tuple[str, ...]
    date: dt.date | None
    place: str | None
    venue: str | None = None
    #: topic id -> the sentence that shows it
    topics: dict[str, Evidence] = field(default_factory=dict)
    summary: str = ""
    #: How the facts were found: "declared" (front matter) or the sentence they came from.
    date_evidence: str = ""
    place_evidence: str = ""


@dataclass(frozen=True)
class Block:
    """A block of the cleaned text: a paragraph ("p") or a sub-heading ("h")."""

    kind: str
    text: str
    #: (start, end, canonical name) of the people to link in this block: each person's first mention.
    people: tuple[tuple[int, int, str], ...] = ()


@dataclass(frozen=True)
class Article:
    """One source article after extraction: declared values merged with extracted ones."""

    name: str
    title: str
    title_is_derived: bool
    published: dt.date | None
    outlet: str | None
    source_url: str | None
    people: tuple[str, ...]
    topics: tuple[str, ...]
    meetings: tuple[ReportedMeeting, ...]
    #: The cleaned text, for text articles; empty for Markdown ones.
    blocks: tuple[Block, ...] = ()
    #: Sanitised HTML of a Markdown body; empty for text articles.
    body_html: str = ""
    #: What extraction was unsure of, in words, for the report.
    notes: tuple[str, ...] = ()
    #: People named with an office but missing from people.yaml.
    discovered: tuple[PersonRecord, ...] = ()
    #: What it was extracted from: the build cache's key of its bytes, the data files and sitegen's
    #: code (empty when not known). Equal fingerprints mean equal articles, so depends.py takes it
    #: for the state of the whole article instead of hashing every field of it again on every build.
    fingerprint: str = field(default="", compare=False)
