"""Indexes of years, months and days: the rows a page lists to reach every part of a long list.

A row names a period, says what it holds in words ('3 meetings, 1 article') and
links its own page (or its heading on the page above), then the months or days
of it that have pages of their own. The home page and the meetings index list
the archive's years this way; a topic, place or person too big for one page, and
a year or month too long, list their parts (sitegen/parts.py).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Sequence

from .model import Year
from .parts import MONTHS, Part


@dataclass(frozen=True)
class IndexRow:
    """A year (a month, a day) of an index: its page, what it holds, and the pages of its months (or days)."""

    label: str
    url: str
    #: What the period holds, in words: '3 meetings', '1 meeting, 2 articles'.
    counted: str
    #: (month name or day, address, count) of each of its months (or days) with a page or a heading of its own.
    parts: tuple[tuple[str, str, str], ...] = ()


def year_rows(years: Sequence[Year]) -> tuple[IndexRow, ...]:
    """Each year of the archive with its count, and the months that have meetings, each linking to them."""
    rows = []
    for year in years:
        counts = Counter(m.date.month for m in year.meetings)
        months = tuple((MONTHS[m - 1], month_address(year, m), str(counts[m])) for m in sorted(counts))
        rows.append(IndexRow(str(year.year), year.url, counted(len(year.meetings), "meeting", "meetings"), months))
    return tuple(rows)


def part_rows(parts: Sequence[Part], holds: str) -> tuple[IndexRow, ...]:
    """A list's parts as rows; a year split by month names its months, a month split by day its days.

    `holds`: 'meetings', 'articles' or 'meetings and articles'.
    """
    return tuple(
        IndexRow(part.label, part.url, _holds(part, holds),
                 tuple((str(p.day) if p.day else MONTHS[p.month - 1], p.url, _holds(p, holds, short=True)) for p in part.parts))
        for part in parts
    )


def month_address(listing: Year | Part, month: int) -> str:
    """Where a month (1-12) of a year's list is: its own page when the year is split, else its heading on the year's page."""
    page = next((m for m in listing.months if m.month == month), None)
    return page.url if page else f"{listing.url}#{month_anchor(listing.year, month)}"


def month_anchor(year: int, month: int) -> str:
    """The id of a month's heading on a page that groups meetings by month: 'month-2021-05'."""
    return f"month-{year}-{month:02d}"


def counted(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def _holds(part: Part, holds: str, short: bool = False) -> str:
    """What a part holds in words: '3 meetings', or with articles '3 meetings, 1 article' (no kind it has none of).

    `short`: only the number, when the list holds one kind ('3').
    """
    if holds == "meetings":
        return str(len(part.meetings)) if short else counted(len(part.meetings), "meeting", "meetings")
    if holds == "articles":
        return str(len(part.articles)) if short else counted(len(part.articles), "article", "articles")
    held = [(len(part.meetings), "meeting", "meetings"), (len(part.articles), "article", "articles")]
    return ", ".join(counted(*kind) for kind in held if kind[0]) or "0 meetings"
