"""Stage 2, extract: turn a loaded file into an Article, declared values first.

`Extractor` is built once from the reference data and then applied to each
source file; it keeps no state between articles.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass
from typing import Callable

from ..article import Article, Evidence, ReportedMeeting
from ..fields import Declared, DeclaredMeeting
from ..load import SourceFile
from ..problems import Problems
from ..refdata import ReferenceData
from .dates import dateline_date, publication_date, weekdays_named
from .discover import discover_people
from .assign import assign_sentences
from .meetings import MeetingCandidate, find_meetings, lede_date, without_other_times
from .people import PersonMatcher, canonical_names, distinct, marks_and_mentions, mentions_in
from .places import PlaceFinder
from .sentences import sentence_spans
from .text import CleanText, clean_text, markdown_blocks, markdown_converter, render_markdown
from .topics import TopicFinder

UNKNOWN_COUNTRY = "unknown"
#: A dateline opening the story: a city in capitals, then a comma, a dash or the agency.
DATELINE = re.compile(r"^([A-Z][A-Z.'’ -]{2,30}?[A-Z])(?:,\s| —| –| -\s|\s\(|\s//)")
#: A dateline in title case, or before a colon: "Muscat: His Highness ...", "Riyadh (AFP) -", "Riyadh, Saudi Arabia (AP) —",
#: "Riyadh, March 20 (SPA) --", "RIYADH: ...". Taken only when it is a known city: a sentence may open the same way.
DATELINE_TITLE = re.compile(r"^([A-Z][A-Za-z'’-]+(?: [A-Z][A-Za-z'’-]+){0,2})(?::\s|,\s|\s[—–-]{1,2}\s|\s\()")
LEDE_SENTENCES = 3
#: How far into a paragraph a dateline's agency may stand.
DATELINE_REACH = 80
FIRST_HEADING = re.compile(r"^\s*<h[1-6][^>]*>.*?</h[1-6]>\s*", re.S)


@dataclass(frozen=True)
class _ArticleContext:
    """What one article adds to the reference data: the people it names with an office."""

    people: PersonMatcher
    country_of: Callable[[str], str]


class Extractor:
    """Everything extraction needs from the reference data, prepared once."""

    def __init__(self, data: ReferenceData):
        self.data = data
        self.people = PersonMatcher(data.people)
        self.places = PlaceFinder(data.places)
        self.topics = TopicFinder(data.topics, (p.name for p in data.places))
        self._countries = {p.name: p.country for p in data.people}
        self._outlets = data.outlets
        markdown_converter()  # built now, once, not inside the first Markdown article's extraction

    def country_of(self, person: str) -> str:
        return self._countries.get(person, UNKNOWN_COUNTRY)

    def extract(self, source: SourceFile, declared: Declared, problems: Problems) -> Article:
        """The Article of `source`: what the front matter declares, the rest extracted."""
        body_html, page = _read_body(source)
        blocks, title, date_lines, furniture = page.blocks, page.title, page.date_lines, page.furniture
        weekdays = functools.cache(lambda: weekdays_named(b.text for b in blocks))
        published = declared.date or publication_date(date_lines, weekdays) or next((d for b in blocks[:2] if (d := dateline_date(b.text))), None)
        if published is None:
            problems.warning(
                source.name,
                "no publication date found in the text: add 'date: YYYY-MM-DD' to the front matter; "
                "meeting dates given as weekdays cannot be resolved without it",
                key="date",
            )
        spans = [sentence_spans(block.text) for block in blocks]
        sentences = [(i, block.text[start:end]) for i, block in enumerate(blocks) for start, end in spans[i]]
        discovered = discover_people([s for _, s in sentences], self.people)
        people = self.people.with_people(discovered) if discovered else self.people
        countries = {p.name: p.country for p in discovered}
        context = _ArticleContext(people, lambda name: countries.get(name) or self.country_of(name))
        blocks, mentions = marks_and_mentions(blocks, spans, people)
        notes: list[str] = []
        meetings = self._meetings(source, declared, sentences, mentions, published, notes, problems, context)
        mentioned = declared.people or distinct(m.person for found in mentions_in(([title] if title else []), people) + mentions for m in found)
        topics = declared.topics or tuple(distinct(t for m in meetings for t in m.topics)) or tuple(
            self.topics.find(s for _, s in sentences)
        )
        final_title = declared.title or title
        if body_html and title and final_title == title:
            body_html = FIRST_HEADING.sub("", body_html, count=1)  # the page's own heading: not repeated below it
        return Article(
            name=source.name,
            title=final_title or derive_title(meetings, sentences),
            title_is_derived=final_title is None,
            published=published,
            outlet=declared.outlet or self._outlet(furniture) or self._agency([b.text[:DATELINE_REACH] for b in blocks[:LEDE_SENTENCES]]),
            source_url=declared.source,
            people=tuple(distinct((*mentioned, *(p for m in meetings for p in m.participants)))),
            topics=topics,
            meetings=tuple(meetings),
            blocks=tuple(blocks) if source.kind != "markdown" else (),
            body_html=body_html,
            notes=tuple(notes),
            discovered=tuple(discovered),
        )

    # -- meetings ------------------------------------------------------------

    def _meetings(self, source, declared, sentences, mentions, published, notes, problems, context) -> list[ReportedMeeting]:
        if declared.meetings is not None:
            return [self._declared_meeting(m, declared, context.people) for m in declared.meetings]
        candidates = find_meetings(sentences, mentions, self.places, context.country_of, published)
        if declared.participants is not None:
            wanted = canonical_names(declared.participants, context.people)
            if len(wanted) < 2:
                problems.error(source.name, f"'participants' names {len(wanted)} different person: a meeting needs two or more", key="participants")
            match = next((c for c in candidates if set(c.participants) == set(wanted)), None)
            if match is None:
                # The declared meeting is the one the text reports: its day is the day the text gives.
                sentence, found = (candidates[0].date_sentence, candidates[0].date) if candidates else (lede_date(sentences, published) or ("", None))
                match = MeetingCandidate(wanted, "", 0, found, date_sentence=sentence)
            candidates = [match]
        if not candidates:
            problems.warning(source.name, "no meeting found: add 'participants:' or 'meetings:' to the front matter if it reports one", key="meetings")
        assign_sentences(candidates, sentences, mentions, self.places, published, context.country_of)
        # Where the story is set: worked out once, and only for a meeting whose own sentences give no place.
        story_place = functools.cache(lambda: self._dateline_city(sentences) or self._main_place([s for _, s in sentences]))
        reported = []
        for candidate in candidates:
            names = " and ".join(candidate.participants)
            if candidate.date is None:
                notes.append(f"meeting of {names}: no date in its sentences")
                problems.warning(source.name, f"no date found for the meeting of {names}: add 'meetings:' with its date to the front matter", key="meetings")
            place = declared.place or (candidate.place.city if candidate.place else story_place())
            if place is None:
                notes.append(f"meeting of {names}: no place found")
            topics = self.topics.find(candidate.sentences)
            if declared.topics is not None:
                topics = {t: Evidence("declared in front matter") for t in declared.topics}
            reported.append(
                ReportedMeeting(
                    participants=candidate.participants,
                    date=candidate.date.day if candidate.date else None,
                    place=place,
                    venue=candidate.place.venue if candidate.place else None,
                    topics=topics,
                    summary=declared.summary or candidate.sentence,
                    date_evidence=candidate.date_sentence,
                    place_evidence=candidate.sentence if candidate.place else "",
                )
            )
        return reported

    def _declared_meeting(self, meeting: DeclaredMeeting, declared: Declared, people: PersonMatcher) -> ReportedMeeting:
        topics = meeting.topics if meeting.topics is not None else declared.topics or ()
        return ReportedMeeting(
            participants=canonical_names(meeting.participants, people),
            date=meeting.date or declared.date,
            place=meeting.place or declared.place,
            venue=meeting.venue,
            topics={t: Evidence("declared in front matter") for t in topics},
            summary=declared.summary or "",
            date_evidence="declared",
            place_evidence="declared",
        )


    def _dateline_city(self, sentences) -> str | None:
        """The city of the dateline ("BERLIN, March 16 (Reuters) -", "ROME —", "Riyadh (AFP) -"): where the story was filed."""
        for _, sentence in sentences[:LEDE_SENTENCES]:
            match = DATELINE.match(sentence)
            if match:
                name = match.group(1).strip().title()
                known = self.places.find(name)
                return known[0].city if known else name
            match = DATELINE_TITLE.match(sentence)
            if match and (known := self.places.find(match.group(1))) and known[0].start == 0:
                return known[0].city
        return None

    def _main_place(self, sentences: list[str]) -> str | None:
        """The city an article is set in: the one it names most often as a location."""
        counts = Counter(p.city for s in sentences if (p := self.places.meeting_place(without_other_times(s), next_stops=True)))
        return counts.most_common(1)[0][0] if counts else None

    # -- outlet ----------------------------------------------------------------

    def _agency(self, ledes: list[str]) -> str | None:
        """The agency a dateline names ("RIYADH, April 29 (Reuters) -"): an outlet's signal that opens with a bracket."""
        for outlet in self._outlets:
            if any(signal.startswith("(") and signal in lede for signal in outlet.signals for lede in ledes):
                return outlet.name
        return None

    def _outlet(self, furniture: tuple[str, ...]) -> str | None:
        for line in furniture:
            for outlet in self._outlets:
                if any(signal.lower() in line.lower() for signal in outlet.signals):
                    return outlet.name
        return None


def _read_body(source: SourceFile) -> tuple[str, CleanText]:
    """The body as sanitised HTML (Markdown only) and sorted into headline, prose and furniture."""
    if source.kind != "markdown":
        return "", clean_text(source.body)
    body_html = render_markdown(source.body)
    blocks, date_lines = markdown_blocks(body_html)
    title = None
    if blocks and blocks[0].kind == "h":
        title, blocks = blocks[0].text, blocks[1:]
    return body_html, CleanText(title, blocks, date_lines, ())


def derive_title(meetings: list[ReportedMeeting], sentences) -> str:
    """A readable headline for an article that has none: who met whom, where."""
    if meetings:
        first = meetings[0]
        title = " meets ".join((", ".join(first.participants[:-1]), first.participants[-1]))
        return f"{title} in {first.place}" if first.place else title
    if sentences:
        words = sentences[0][1].split()
        return " ".join(words[:12]) + ("…" if len(words) > 12 else "")
    return "Untitled article"
