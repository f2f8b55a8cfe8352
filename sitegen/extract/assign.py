"""Which sentences tell which meeting: the evidence a meeting's topics are read from.

A sentence belongs to the meetings whose own participants it names; failing
that, to the meeting just told, unless it names the place or day of another
of the article's meetings. A sentence about another time (history before the
meetings, a meeting or trip still to come, what the meeting came after)
belongs to none, and neither do the sentences after it in its paragraph,
until one names a participant, "the meeting" or "the two" again: what they
tell was not discussed at the meeting.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Sequence

from .dates import date_in_sentence
from .meetings import MeetingCandidate, _unquoted, _without_relative_clauses
from .people import Mention
from .places import PlaceFinder
from .quick import folded_words
from .dates import MONTHS
from .topics import ELSEWHERE, ELSEWHERE_WORDS

#: Time words opening a sentence, setting what it tells apart from the meetings reported: before them, or still to come.
#: ("Last month, Gallant visited Paris"; but "the war that began last month" only dates the war.)
OTHER_TIME = re.compile(
    r"^(?:[\w-]+ ){0,3}?(?:(?:last|next|previous|coming) (?:week|month|year|spring|summer|autumn|fall|winter)"
    r"|(?:earlier|later) this (?:month|year)|(?:weeks|months|years|decades) ago|tomorrow|in the (?:coming|next) (?:days|weeks|months))\b"
    # "Blinken is expected to meet Abbas in Ramallah", anywhere in the sentence: a meeting still to come.
    r"|\b(?:will|(?:is|was|are|were) (?:due|expected|scheduled|set|slated) to|plans? to)\s+(?:(?:also|then|later|next)\s+)?"
    r"(?:meet|hold talks|travel|visit)\b",
    re.I,
)
#: Every match of OTHER_TIME has one of these words: a sentence with none is spared the pattern.
OTHER_TIME_WORDS = frozenset((
    "last", "next", "previous", "coming", "earlier", "later", "ago", "tomorrow", "will", "due", "expected", "scheduled", "set", "slated", "plan", "plans",
))
#: Every day date_in_sentence reads has one of these words, or is all digits ("2024-06-24").
DAY_WORDS = frozenset((
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday", "tonight", "morning",
    "afternoon", "evening", "night", *MONTHS,
))
ALL_DIGITS_DATE = re.compile(r"\d[-/]\d")
#: Every match of ABOUT_THE_MEETING has one of these words.
ABOUT_WORDS = frozenset(("meeting", "talks", "sit", "discussions", "two", "both", "leaders", "sides"))
#: The time words of OTHER_TIME anywhere: a meeting reported in them ("met in Washington last week") makes them the story's time.
TIME_WORDS = re.compile(r"\b(?:last|next|previous|coming) (?:week|month|year)|\b(?:earlier|later) this (?:month|year)|\bago\b|\btomorrow\b", re.I)
#: "the meeting", "their talks", "last week's talks", "the two leaders": a sentence that speaks of the meeting or of those
#: who met is about the meeting just told, whatever else it names.
ABOUT_THE_MEETING = re.compile(
    r"\b(?:the|this|their|that|week['’]s|month['’]s) (?:[\w-]+ )?(?:meeting|talks|sit-down|discussions)\b"
    r"|\b(?:the two|both)(?: (?:men|women|leaders|sides|ministers|officials|delegations))?\b(?!-)|\bthe (?:leaders|sides)\b",
    re.I,
)


def assign_sentences(
    candidates: list[MeetingCandidate],
    sentences: Sequence[tuple[int, str]],
    mentions: Sequence[list[Mention]],
    places: PlaceFinder | None = None,
    anchor: dt.date | None = None,
) -> None:
    """Give each meeting the sentences about it (see the module's docstring)."""
    if not candidates:
        return
    sets = [set(c.participants) for c in candidates]
    shared = set.intersection(*sets)
    own = [people - shared for people in sets]
    everyone = set().union(*sets)
    days = {c.date.day for c in candidates if c.date}
    own_sentences = {s for c in candidates for s in (c.sentence, c.date_sentence) if s}
    # An article whose meeting is itself "last week" speaks of that time throughout: the words mark nothing apart.
    marks_apart = not any(TIME_WORDS.search(s) for s in own_sentences)
    cities = {c.place.city for c in candidates if c.place} if len(candidates) > 1 else set()
    told = list(range(len(candidates)))  # the meetings just told; before any, all of them
    current = told
    block = None
    for (paragraph, sentence), found in zip(sentences, mentions):
        if paragraph != block:
            block, current = paragraph, told  # a new paragraph takes up the meetings just told
        names = {m.person for m in found}
        hit = [i for i, people in enumerate(own) if people & names]
        named_someone = not names.isdisjoint(everyone)
        day = _day_named(sentence, anchor) if days and (not named_someone or (len(candidates) > 1 and not hit)) else None
        if sentence not in own_sentences and _elsewhen(sentence, None if named_someone else day, days, marks_apart):
            current = []
            continue
        if hit:
            told = current = hit
        elif named_someone or _about_the_meeting(sentence):
            current = told
        # "In Riyadh, the crown prince had also raised ...", told after the Cairo meeting: this sentence is about another
        # meeting than the one just told, the one held where (or on the day) it names; the next may not be.
        place = places.meeting_place(sentence) if places and cities and not hit and places.may_name(sentence, cities) else None
        named = _held_where_or_when(candidates, place, day) if place or day else []
        for i in named if named and set(named).isdisjoint(current) else current:
            candidates[i].sentences.append(sentence)


def _elsewhen(sentence: str, day, days: set[dt.date], marks_apart: bool) -> bool:
    """True when `sentence` tells of another time than the meetings': before all their days, or to come."""
    words = folded_words(sentence)[1]
    if not ELSEWHERE_WORDS.isdisjoint(words) and ELSEWHERE.search(sentence):
        return True
    if day is not None and day.day < min(days):
        # "On Sunday, Hamas rejected the proposal", in a report of Monday's meeting: what came before. (`day` is
        # None for a sentence naming a participant: "... at the Kirya, after visiting a kibbutz attacked on October 7".)
        return True
    if not marks_apart or OTHER_TIME_WORDS.isdisjoint(words):
        return False
    return OTHER_TIME.search(sentence) is not None and not _about_the_meeting(sentence)


def _about_the_meeting(sentence: str) -> bool:
    return not ABOUT_WORDS.isdisjoint(folded_words(sentence)[1]) and ABOUT_THE_MEETING.search(sentence) is not None


def _day_named(sentence: str, anchor: dt.date | None):
    """The day `sentence` names (not in a quote or a clause about someone), if any; most name none, and are told so quickly."""
    if DAY_WORDS.isdisjoint(folded_words(sentence)[1]) and ALL_DIGITS_DATE.search(sentence) is None:
        return None
    return date_in_sentence(_without_relative_clauses(_unquoted(sentence)), anchor)


def _held_where_or_when(candidates: list[MeetingCandidate], place, day) -> list[int]:
    """The meetings, some of the article's, held at `place` or on `day` (those a sentence names)."""
    for value, of in ((place.city if place else None, lambda c: c.place.city if c.place else None),
                      (day.day if day else None, lambda c: c.date.day if c.date else None)):
        if value is None:
            continue
        hit = [i for i, c in enumerate(candidates) if of(c) == value]
        if 0 < len(hit) < len(candidates):
            return hit
    return []
