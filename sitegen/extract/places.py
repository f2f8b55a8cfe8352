"""Places in text, normalised to the cities of places.yaml."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Iterable, Sequence

from ..refdata import PlaceRecord
from .quick import LOOKALIKE, WORD, folded_words


@dataclass(frozen=True)
class PlaceMention:
    city: str
    venue: str | None
    start: int
    end: int = -1


#: How many patterns for sets of place words are kept: a text names few places, and the same ones recur.
PATTERN_CACHE = 1024
#: What comes before a place that is where something happened: "in Jerusalem", "in the Red Sea resort of Sharm El Sheikh".
LOCATED = re.compile(r"\b(?:in|at|to|from)\s+(?:the\s+)?(?:(?:[\w-]+\s+){0,4}(?:resort|city|town|capital|village|port)\s+of\s+)?$", re.I)


#: What follows a venue named as the one speaking: "the Prime Minister's Office said in a statement".
SPEAKS = re.compile(r"[^\w,.;]*\s*(?:said|says|announced|stated|reported|noted|added|confirmed)\b", re.I)
#: What follows a venue named as the employer of someone: "Kremlin foreign policy aide Yuri Ushakov", "White House spokesman".
STAFF_AFTER = re.compile(
    r"\s+(?:[\w-]+\s+){0,2}?(?:aides?|advis[eo]rs?|spokes(?:man|woman|person)|officials?|press secretary|chief of staff|sources?)\b", re.I
)


_TRAVEL = (
    r"(?:head|heads|heading|headed|fly|flies|flying|flew|travel|travels|travell?ing|travell?ed|go|goes|going|went|leave|leaves|leaving"
    r"|depart\w*|continu\w*|move|moves|moving|moved|proceed\w*)"
)
#: "..., before heading to Cairo", "will travel on to Doha": where someone goes after the meeting, not where it was.
ONWARD = re.compile(
    rf"\b(?:before|will|would|(?:is|are|was|were) (?:due|set|expected|scheduled) to|plans? to|(?:is|was) to)\s+(?:[\w-]+\s+){{0,2}}?{_TRAVEL}"
    r"\s+(?:on\s+|onward\s+|back\s+)?(?:to|for)\s+(?:the\s+)?$",
    re.I,
)
#: "Blinken then heads to Cairo": the next stop of a tour, which is not where the story's meeting was (unless one follows).
NEXT_STOP = re.compile(rf"\b(?:then|later|next|afterwards)\s+(?:[\w-]+\s+){{0,2}}?{_TRAVEL}\s+(?:on\s+|onward\s+)?(?:to|for)\s+(?:the\s+)?$", re.I)
#: "Blinken, who arrived from Amman, ...": where someone came from, not where they met.
ORIGIN = re.compile(r"\b(?:arriv\w*|flew|fly\w*|flies|came|coming|travell?\w*|return\w*)\s+(?:in\s+|back\s+)?from\s+(?:the\s+)?$", re.I)
#: "flew on to Doha, where he held talks": the place the next clause is set in.
WHERE_AFTER = re.compile(r",?\s+where\b")


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
        self._phrases = sorted(self._by_phrase, key=len, reverse=True)
        # A phrase can only match where its longest word (run of ASCII letters and digits) stands whole in
        # the folded text: what borders it in the phrase (spaces, hyphens, punctuation, accented letters
        # such as the "É" of "Élysée") borders it in the text too. Searching with only the phrases whose
        # word a text has finds the same places: the others match nowhere in it. Only the four characters
        # that re.I takes for ASCII letters would break this, and no place name has them.
        if all(WORD.search(p) and not LOOKALIKE.search(p) for p in self._phrases):
            self._word_of: dict[str, str] | None = {p: max(WORD.findall(p), key=len) for p in self._phrases}
            self._words = frozenset(self._word_of.values())
            self._city_words: dict[str, set[str]] = {}
            for phrase, word in self._word_of.items():
                self._city_words.setdefault(self._by_phrase[phrase][0], set()).add(word)
        else:
            self._word_of, self._words, self._city_words = None, frozenset(), {}
        self._pattern_for = functools.lru_cache(maxsize=PATTERN_CACHE)(self._pattern_of)

    def find(self, text: str) -> list[PlaceMention]:
        """Places named in `text`, in order; a venue carries its city."""
        if not self._phrases:
            return []
        if self._word_of is None:
            pattern = self._pattern_for(None)
        elif words := self._words & folded_words(text)[1]:
            pattern = self._pattern_for(words)
        else:
            return []
        found = [(self._by_phrase[_fold(m.group(1))], m) for m in pattern.finditer(text)]
        # "the prime minister's office" in lower case is any prime minister's: a venue is a proper name.
        return [PlaceMention(*place, m.start(), m.end()) for place, m in found if not place[1] or _capitalised_as(m.group(1), place[1])]

    def _pattern_of(self, words: frozenset[str] | None) -> re.Pattern:
        """One pattern for the phrases filed under `words` (all of them for None), longest first."""
        phrases = [p for p in self._phrases if words is None or self._word_of[p] in words]
        # "Sharm El-Sheikh", "Sharm el Sheikh": case, hyphens and spaces do not matter.
        alternatives = "|".join(re.escape(p).replace("\\ ", r"[\s-]+") for p in phrases)
        return re.compile(r"(?<![\w-])(" + alternatives + r")(?![\w-])", re.I)

    def may_name(self, text: str, cities: Iterable[str]) -> bool:
        """False when `text` cannot name any of `cities` (by name, other name or venue): a quick test before meeting_place."""
        if self._word_of is None:
            return True
        words = folded_words(text)[1]
        return any(not words.isdisjoint(self._city_words.get(city, ())) for city in cities)

    def meeting_place(self, text: str, next_stops: bool = False) -> PlaceMention | None:
        """The place a sentence puts a meeting in: a venue or a city after 'in', 'at' or 'to'.

        Not one someone goes on to afterwards ("before heading to Cairo"), nor, with `next_stops`,
        the next stop of a tour ("then heads to Cairo").
        """
        mentions = [m for m in self.find(text) if not _onward(text, m, next_stops)]
        # "..., the President's Residence said": a venue speaking is an institution, not where anyone met.
        venues = [m for m in mentions if m.venue and not SPEAKS.match(text, m.end) and not STAFF_AFTER.match(text, m.end)]
        if venues:
            return venues[0]
        located = [m for m in mentions if LOCATED.search(before := text[max(0, m.start - 40) : m.start]) and not ORIGIN.search(before)]
        return located[0] if located else None


def _onward(text: str, mention: PlaceMention, next_stops: bool) -> bool:
    """True for a place someone travels to after the meeting, unless the text goes on to set something there."""
    before = text[max(0, mention.start - 60) : mention.start]
    if not before.endswith(("to ", "for ", "the ")):
        return False  # both patterns end in "to", "for" or "the": most places are "in" somewhere
    if not (ONWARD.search(before) or (next_stops and NEXT_STOP.search(before))):
        return False
    return WHERE_AFTER.match(text, mention.end) is None


def _capitalised_as(found: str, name: str) -> bool:
    """Whether the venue's first word is capitalised as in `name`: "Prime Minister's Office" or "Ittihadiya palace" is
    a venue, "the prime minister's office" any prime minister's. Outlets differ on the capitals of the words after it."""
    return found[:1].isupper() or not name[:1].isupper()


def _fold(phrase: str) -> str:
    return " ".join(phrase.lower().replace("-", " ").split())
