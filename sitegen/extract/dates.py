"""Dates in news text: absolute forms, weekdays and 'yesterday' resolved against publication."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Callable, Iterable

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
            ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
            ("october", "oct"), ("november", "nov"), ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
# A year may run straight into a time where a page lost its spaces: "March 16, 20232:55 PM".
_YEAR = r"(?P<year>(?:19|20)\d\d)(?=\d{1,2}:\d\d|\b)"
ABSOLUTE_FORMS = [
    re.compile(rf"\b{_MONTH}\s+{_DAY}\s*,?\s*{_YEAR}", re.I),  # June 24, 2024 / JANUARY 31 2023
    re.compile(rf"\b{_DAY}\s+{_MONTH}\s*,?\s*{_YEAR}", re.I),  # 24 June 2024 / 14 May ,2025
    # 2024-06-24, 2024-06-24T09:41:00Z, 2024/06/24: year first is never read the other way round.
    re.compile(r"\b(?P<year>(?:19|20)\d\d)([-/])(?P<month>[01]\d)\2(?P<day>[0-3]\d)(?![\d/-])"),
    re.compile(rf"\b{_MONTH}\s+{_DAY}\b(?!,?\s+\d)", re.I),  # June 24 (year from context)
    re.compile(rf"\b{_DAY}\s+{_MONTH}\b(?!,?\s+\d)", re.I),  # 24 June
]
#: 24/10/2023, 18.07.2023, 10.26.22, 12-01-2023: only trusted in date lines, never in prose.
NUMERIC = re.compile(r"(?<![\d./-])(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})(?![\d./-])")
_HAS_DIGIT = re.compile(r"\d")
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
WEEKDAY = re.compile(r"\b(?:on\s+|last\s+)?(" + "|".join(WEEKDAYS) + r")\b", re.I)
#: Relative day words -> days before the publication date.
RELATIVE_DAYS = [
    (re.compile(r"\b(?:earlier )?today\b|\bthis (?:morning|afternoon|evening)\b|\btonight\b", re.I), 0),
    (re.compile(r"\byesterday\b|\blast night\b", re.I), 1),
]


@dataclass(frozen=True)
class FoundDate:
    day: dt.date
    start: int
    end: int
    #: True where the text gave the day itself; False where it was resolved from a weekday or year-less form.
    explicit: bool


def find_absolute_dates(text: str, anchor: dt.date | None = None) -> list[FoundDate]:
    """Calendar dates written out in `text`; year-less ones only when an anchor gives the year."""
    found: list[FoundDate] = []
    if not _HAS_DIGIT.search(text):
        return found  # every form has a day number: most sentences are done here
    taken: list[range] = []
    for form in ABSOLUTE_FORMS:
        for match in form.finditer(text):
            if any(match.start() in span for span in taken):
                continue
            day = _to_date(match, anchor)
            if day is not None:
                found.append(FoundDate(day, match.start(), match.end(), "year" in match.groupdict()))
                taken.append(range(match.start(), match.end()))
    return sorted(found, key=lambda f: f.start)


def _to_date(match: re.Match, anchor: dt.date | None) -> dt.date | None:
    parts = match.groupdict()
    month_text = parts["month"].lower().rstrip(".")
    month = int(month_text) if month_text.isdigit() else MONTHS[month_text]
    day = int(parts["day"])
    if parts.get("year"):
        year = int(parts["year"])
    elif anchor is not None:
        # A year-less date in a report is the latest such day on or shortly after publication.
        year = anchor.year if (month, day) <= (anchor.month, anchor.day + 1) else anchor.year - 1
    else:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def find_numeric_dates(text: str, weekdays: Callable[[], frozenset[str]] | None = None) -> list[FoundDate]:
    """All-digit dates, day first unless that is impossible (10.26.22 is October 26).

    Where both readings are possible (12-01-2023), `weekdays` (the weekday names the
    article's prose uses, asked for only then) settles it: a report names the day it
    is published or the day before ("on Friday", "Thursday evening"), so the reading
    that falls on more of those days is the outlet's own.
    """
    found = []
    for match in NUMERIC.finditer(text):
        first, second, year = int(match.group(1)), int(match.group(3)), int(match.group(4))
        year += 2000 if year < 100 else 0
        readings = [(first, second), (second, first)] if second <= 12 else [(second, first)]
        days = []
        for day, month in readings:
            try:
                days.append(dt.date(year, month, day))
            except ValueError:
                continue
        if len(days) == 2 and days[0] != days[1] and weekdays is not None:
            named = weekdays()
            days.sort(key=lambda d: -sum(WEEKDAYS[(d - dt.timedelta(days=back)).weekday()] in named for back in (0, 1)))
        if days:
            found.append(FoundDate(days[0], match.start(), match.end(), True))
    return found


def weekdays_named(texts: Iterable[str]) -> frozenset[str]:
    """The weekday names `texts` use, lower case."""
    return frozenset(m.group(1).lower() for text in texts for m in WEEKDAY.finditer(text))


def resolve_weekday(name: str, anchor: dt.date) -> dt.date:
    """The last day named `name` on or before `anchor` (news reports look back)."""
    back = (anchor.weekday() - WEEKDAYS.index(name.lower())) % 7
    return anchor - dt.timedelta(days=back)


#: "Monday's meeting": a day word owning a meeting dates it.
DAY_OWNS_MEETING = re.compile(r"['’]s\s+(?:[\w-]+\s+){0,3}?(?:meeting|talks|sit-down|visit|summit|session)\b", re.I)


def _dates_the_event(text: str, match: re.Match) -> bool:
    """False for a day word owning something else than a meeting: "In today's Daily Kickoff", "Sunday's edition"."""
    return text[match.end() : match.end() + 2] not in ("'s", "’s") or DAY_OWNS_MEETING.match(text, match.end()) is not None


def find_relative_date(text: str, anchor: dt.date | None) -> FoundDate | None:
    """A weekday or 'yesterday'/'today' in `text`, resolved against `anchor`."""
    if anchor is None:
        return None
    match = next((m for m in WEEKDAY.finditer(text) if _dates_the_event(text, m)), None)
    if match:
        return FoundDate(resolve_weekday(match.group(1), anchor), match.start(), match.end(), False)
    for pattern, days_back in RELATIVE_DAYS:
        found = next((m for m in pattern.finditer(text) if _dates_the_event(text, m)), None)
        if found:
            return FoundDate(anchor - dt.timedelta(days=days_back), found.start(), found.end(), False)
    return None


#: "the onslaught of October 7", "since March 3": a date naming another event, not when this one happened.
OTHER_EVENT_BEFORE = re.compile(r"(?:\bthe|\bof|\bsince|\buntil|\bbefore|\bafter|['’]s)\s*$", re.I)


#: "RAMALLAH, Wednesday, December 29, 2021 (WAFA) - ": the filing line before a story, not when its events happened.
DATELINE_PREFIX = re.compile(r"^[A-Z][A-Z .'’-]+,[^()]{0,60}\([A-Za-z ]+\)\s*[-—–]\s*")


def dateline_date(text: str) -> dt.date | None:
    """The full date of a story's opening dateline, if it has one."""
    prefix = DATELINE_PREFIX.match(text)
    found = [f for f in find_absolute_dates(prefix.group(0)) if f.explicit] if prefix else []
    return found[0].day if found else None


def date_in_sentence(text: str, anchor: dt.date | None) -> FoundDate | None:
    """The day a sentence says something happened: a written date first, then a relative one."""
    prefix = DATELINE_PREFIX.match(text)
    if prefix:
        text = " " * prefix.end() + text[prefix.end() :]
    absolute = [f for f in find_absolute_dates(text, anchor) if not OTHER_EVENT_BEFORE.search(text[: f.start])]
    if absolute:
        return absolute[0]
    return find_relative_date(text, anchor)


def publication_date(date_lines: tuple[str, ...], weekdays: Callable[[], frozenset[str]] | None = None) -> dt.date | None:
    """The first date line that holds a full date (the outlet's own date line wins over prose).

    `weekdays` gives the weekday names of the prose, to read an all-digit date either way round.
    """
    for line in date_lines:
        for found in [f for f in find_absolute_dates(line) if f.explicit] or find_numeric_dates(line, weekdays):
            return found.day
    return None
