"""Places in text, normalised to the cities of places.yaml."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from ..refdata import PlaceRecord
from .quick import WORD, folded_words


@dataclass(frozen=True)
class PlaceMention:
    city: str
    venue: str | None
    start: int


#: What comes before a place that is where something happened: "in Jerusalem", "in the Red Sea resort of Sharm El Sheikh".
LOCATED = re.compile(r"\b(?:in|at|to|from)\s+(?:the\s+)?(?:(?:[\w-]+\s+){0,4}(?:resort|city|town|capital|village|port)\s+of\s+)?$", re.I)


class PlaceFinder:
    """Finds cities, their other names and their venues ("at the Pentagon" is Washington)."""

    def __init__(self, places: Sequence[PlaceRecord]):
        self._by_phrase: dict[str, tuple[str, str | None]] = {}
        for place in places:
            for name in (place.name, *place.aliases):
                self._by_phrase[name] = (place.name, None)
            for venue in place.venues:
                self._by_phrase[venue] = (place.name, venue)
        # One pattern for every name, longest first, so "Washington, D.C." wins over "Washington".
        self._by_phrase = {_fold(k): v for k, v in self._by_phrase.items()}
        phrases = sorted(self._by_phrase, key=len, reverse=True)
        # "Sharm El-Sheikh", "Sharm el Sheikh": case, hyphens and spaces do not matter.
        alternatives = "|".join(re.escape(p).replace("\\ ", r"[\s-]+") for p in phrases)
        self._pattern = re.compile(r"(?<![\w-])(" + alternatives + r")(?![\w-])", re.I) if phrases else None
        # A phrase can only match where its longest word stands whole in the folded text (its other
        # characters are spaces, hyphens or punctuation): without one of these words, no place is named.
        self._words = None if any(not p.isascii() or not WORD.search(p) for p in phrases) else {max(WORD.findall(p), key=len) for p in phrases}

    def find(self, text: str) -> list[PlaceMention]:
        """Places named in `text`, in order; a venue carries its city."""
        if self._pattern is None or (self._words is not None and self._words.isdisjoint(folded_words(text)[1])):
            return []
        return [PlaceMention(*self._by_phrase[_fold(m.group(1))], m.start()) for m in self._pattern.finditer(text)]

    def meeting_place(self, text: str) -> PlaceMention | None:
        """The place a sentence puts a meeting in: a venue or a city after 'in', 'at' or 'to'."""
        mentions = self.find(text)
        venues = [m for m in mentions if m.venue]
        if venues:
            return venues[0]
        located = [m for m in mentions if LOCATED.search(text[max(0, m.start - 40) : m.start])]
        return located[0] if located else None


def _fold(phrase: str) -> str:
    return " ".join(phrase.lower().replace("-", " ").split())
