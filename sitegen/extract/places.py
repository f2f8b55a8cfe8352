"""Places in text, normalised to the cities of places.yaml."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from ..refdata import PlaceRecord


@dataclass(frozen=True)
class PlaceMention:
    city: str
    venue: str | None
    start: int


class PlaceFinder:
    """Finds cities, their other names and their venues ("at the Pentagon" is Washington)."""

    def __init__(self, places: Sequence[PlaceRecord]):
        self._names: list[tuple[re.Pattern, str, str | None]] = []
        entries = []
        for place in places:
            for venue in place.venues:
                entries.append((venue, place.name, venue))
            for name in (place.name, *place.aliases):
                entries.append((name, place.name, None))
        # Longest first, so "Washington, D.C." wins over "Washington".
        for phrase, city, venue in sorted(entries, key=lambda e: -len(e[0])):
            self._names.append((re.compile(r"(?<![\w-])" + re.escape(phrase) + r"(?![\w-])"), city, venue))

    def find(self, text: str) -> list[PlaceMention]:
        """Places named in `text`, in order; a venue carries its city."""
        found: list[PlaceMention] = []
        taken: list[range] = []
        for pattern, city, venue in self._names:
            for match in pattern.finditer(text):
                if any(match.start() in span for span in taken):
                    continue
                taken.append(range(match.start(), match.end()))
                found.append(PlaceMention(city, venue, match.start()))
        return sorted(found, key=lambda p: p.start)

    def meeting_place(self, text: str) -> PlaceMention | None:
        """The place a sentence puts a meeting in: a venue or a city after 'in', 'at' or 'to'."""
        mentions = self.find(text)
        venues = [m for m in mentions if m.venue]
        if venues:
            return venues[0]
        located = [m for m in mentions if re.search(r"\b(in|at|to|from)\s+(the\s+)?$", text[max(0, m.start - 12) : m.start])]
        return located[0] if located else None
