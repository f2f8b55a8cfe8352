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
from typing import Callable, Sequence

from .dates import MONTHS, date_in_sentence
from .discover import countries_named
from .meetings import MeetingCandidate, _unquoted, _without_relative_clauses
from .people import Mention
from .places import PlaceFinder
from .quick import folded_words
from .topics import ELSEWHERE_WORDS, about_another_event

#: Time words opening a sentence, setting what it tells apart from the meetings reported: before them, or still to come.
#: ("Last month, Gallant visited Paris"; but "the war that began last month" only dates the war.)
OTHER_TIME = re.compile(
    r"(?:[\w-]+ ){0,3}?(?:(?:last|next|previous|coming) (?:week|month|year|spring|summer|autumn|fall|winter)"
    r"|(?:earlier|later) this (?:month|year)|(?:weeks|months|years|decades) ago|tomorrow|in the (?:coming|next) (?:days|weeks|months)"
    r"|(?:earlier|later|back) in (?:January|February|March|April|May|June|July|August|September|October|November|December))\b",
    re.I,
)
#: "Blinken is expected to meet Abbas in Ramallah", anywhere in the sentence: a meeting still to come.
PLANNED = re.compile(
    r"\b(?:will|(?:is|was|are|were) (?:due|expected|scheduled|set|slated) to|plans? to)\s+(?:(?:also|then|later|next)\s+)?"
    r"(?:meet|hold talks|travel|visit)\b",
    re.I,
)
#: Every match of OTHER_TIME or PLANNED has one of these words: a sentence with none is spared the patterns.
OTHER_TIME_WORDS = frozenset((
    "last", "next", "previous", "coming", "earlier", "later", "ago", "tomorrow",
    "will", "due", "expected", "scheduled", "set", "slated", "plan", "plans",
))
ELSEWHEN_WORDS = OTHER_TIME_WORDS | ELSEWHERE_WORDS
#: ... and every match of PLANNED one of these.
PLANNED_VERBS = frozenset(("meet", "hold", "travel", "visit"))
#: Every day date_in_sentence reads before the day of publication has one of these words, or a month's name and a
#: digit, or is all digits: "2024-06-24" in prose is rare, and not looked for here. ("This morning" is the day of
#: publication, never before a meeting reported.)
DAY_WORDS = frozenset(("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday", "night"))
MONTH_WORDS = frozenset(MONTHS)
DIGIT = re.compile(r"\d")
#: Every match of ABOUT_THE_MEETING has one of these words.
ABOUT_WORDS = frozenset(("meeting", "talks", "sit", "discussions", "two", "both", "leaders", "sides"))
#: The time words of OTHER_TIME anywhere: a meeting reported in them ("met in Washington last week") makes them the story's time.
TIME_WORDS = re.compile(r"\b(?:last|next|previous|coming) (?:week|month|year)|\b(?:earlier|later) this (?:month|year)|\bago\b|\btomorrow\b", re.I)
TIME_WORD_SET = frozenset(("last", "next", "previous", "coming", "earlier", "later", "ago", "tomorrow"))
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
    country_of: Callable[[str], str] | None = None,
) -> None:
    """Give each meeting the sentences about it (see the module's docstring)."""
    if not candidates:
        return
    sets = [set(c.participants) for c in candidates]
    shared = set.intersection(*sets)
    own = [people - shared for people in sets]
    everyone = set().union(*sets)
    own_people = set().union(*own)  # empty for one meeting: its participants are all shared
    days = {c.date.day for c in candidates if c.date}
    first_day = min(days, default=None)
    # The sentence that reports a meeting is about it, whatever else it names; it and the one that dates it are
    # never about another time.
    reporting: dict[str, list[int]] = {}
    for i, c in enumerate(candidates):
        reporting.setdefault(c.sentence, []).append(i)
    own_sentences = {s for c in candidates for s in (c.sentence, c.date_sentence) if s}
    # An article whose meeting is itself "last week" speaks of that time throughout: the words mark nothing apart.
    marks_apart = not any(not TIME_WORD_SET.isdisjoint(folded_words(s)[1]) and TIME_WORDS.search(s) for s in own_sentences)
    cities = {c.place.city for c in candidates if c.place} if len(candidates) > 1 else set()
    told = list(range(len(candidates)))  # the meetings just told; before any, all of them
    current = told
    block = None
    for (paragraph, sentence), found in zip(sentences, mentions):
        if paragraph != block:
            block, current = paragraph, told  # a new paragraph takes up the meetings just told
        names = {m.person for m in found}
        words = folded_words(sentence)[1]
        hit = reporting.get(sentence) or (_named_meetings(own, names, current) if not names.isdisjoint(own_people) else [])
        if not hit and country_of and len(candidates) > 1:
            hit = _by_country(own, sentence, country_of)
        named_someone = not names.isdisjoint(everyone)
        day = _day_named(sentence, words, anchor) if days and (not named_someone or (len(candidates) > 1 and not hit)) else None
        if named_someone:
            day_before = None  # "... at the Kirya, after visiting a kibbutz attacked on October 7": the meeting's own
        else:
            day_before = day if day is not None and day.day < first_day else None
        maybe_elsewhen = day_before is not None or not words.isdisjoint(ELSEWHEN_WORDS)
        if maybe_elsewhen and sentence not in own_sentences and _elsewhen(sentence, words, day_before, marks_apart):
            current = []
            continue
        if hit:
            told = current = hit
        elif named_someone or (not current and _about_the_meeting(sentence, words)):
            current = told
        # "In Riyadh, the crown prince had also raised ...", told after the Cairo meeting: this sentence is about another
        # meeting than the one just told, the one held where (or on the day) it names; the next may not be.
        place = places.meeting_place(sentence) if places and cities and not hit and places.may_name(sentence, cities) else None
        named = _held_where_or_when(candidates, place, day) if place or day else []
        for i in named if named and set(named).isdisjoint(current) else current:
            candidates[i].sentences.append(sentence)


def _elsewhen(sentence: str, words: frozenset[str], day_before, marks_apart: bool) -> bool:
    """True when `sentence` (of folded `words`) tells of another time than the meetings': before all their days, or to come.

    `day_before` is the day it names when that is before all the meetings': "On Sunday, Hamas rejected the proposal",
    in a report of Monday's meeting, tells what came before."""
    if day_before is not None:
        return True
    if about_another_event(sentence, words):
        return True
    if not marks_apart or OTHER_TIME_WORDS.isdisjoint(words):
        return False
    told_apart = OTHER_TIME.match(sentence) is not None or (not PLANNED_VERBS.isdisjoint(words) and PLANNED.search(sentence) is not None)
    return told_apart and not _about_the_meeting(sentence, words)


def _about_the_meeting(sentence: str, words: frozenset[str]) -> bool:
    return not ABOUT_WORDS.isdisjoint(words) and ABOUT_THE_MEETING.search(sentence) is not None


def _named_meetings(own: list[set[str]], names: set[str], current: list[int]) -> list[int]:
    """The meetings a sentence names by their own participants.

    A name new to the meetings just told moves to that person's meetings ("Trump then flew to Doha, where the emir
    received him"); names all of the meetings just told keep to those of them ("Trump" alone, after his meeting with
    the emir, is still about that meeting, though he met others too)."""
    told = set().union(*(own[i] for i in current))
    new = {name for name in names if any(name in people for people in own)} - told
    if new:
        return _naming_most(own, new, range(len(own)))
    return _naming_most(own, names, current) or _naming_most(own, names, range(len(own)))


def _naming_most(own: list[set[str]], names: set[str], among) -> list[int]:
    """Of the meetings `among`, those whose own participants `names` holds most of ("Trump held talks with Mohamed
    bin Zayed" is about that meeting, not every one of Trump's)."""
    counts = {i: len(own[i] & names) for i in among}
    most = max(counts.values(), default=0)
    return [i for i, count in counts.items() if count == most] if most else []


def _by_country(own: list[set[str]], sentence: str, country_of: Callable[[str], str]) -> list[int]:
    """The meetings of the participant a sentence names by country and office ("Trump told the Syrian leader ...")."""
    countries = countries_named(sentence)
    return [i for i, people in enumerate(own) if any(country_of(p) in countries for p in people)] if countries else []


def _day_named(sentence: str, words: frozenset[str], anchor: dt.date | None):
    """The day `sentence` names (not in a quote or a clause about someone), if any; most name none, and are told so quickly."""
    if DAY_WORDS.isdisjoint(words) and (MONTH_WORDS.isdisjoint(words) or DIGIT.search(sentence) is None):
        return None
    return date_in_sentence(_without_relative_clauses(_unquoted(_after_quote_closed(sentence))), anchor)


def _after_quote_closed(sentence: str) -> str:
    """The sentence with the end of a quote begun in an earlier sentence blanked: 'We hope they do so in a way that, as
    I said yesterday, is smart as well as tough."' is the speaker's, who spoke of another day."""
    close, opening = sentence.find("”"), sentence.find("“")
    if close == -1 and sentence.count('"') % 2 == 1:
        first = sentence.find('"')
        close = first if first > 0 and sentence[first - 1] in ".,!?…" else -1  # a straight quote after punctuation closes one
    if close == -1 or -1 < opening < close:
        return sentence
    return " " * (close + 1) + sentence[close + 1 :]


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
