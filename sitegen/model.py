"""Stage 3, model: gather every article into one archive of linked objects.

Everything a page shows is computed here, once: merged meetings, each
person's counterparts and topics, previous/next links, the URL of every page.
Templates only read these objects. The objects are built in this module and
not changed afterwards.
"""

from __future__ import annotations

import bisect
import datetime as dt
import difflib
import hashlib
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from .article import Article, ReportedMeeting
from .parts import LATEST_SHOWN, Part, split_long_lists
from .problems import Problems
from .refdata import PersonRecord, ReferenceData, Role
from .urls import make_slug

#: Longest address of an article (its day and title), and the length of the mark of its file name that
#: tells apart articles of one day and title.
MAX_ARTICLE_SLUG = 90
SLUG_MARK = 6
#: Reports of the same people meeting at most this many days apart are one meeting.
SAME_MEETING_DAYS = 1
#: How many other meetings of the same people a meeting page lists.
RELATED_LIMIT = 8


@dataclass(eq=False)
class Person:
    name: str
    slug: str
    country: str | None
    roles: tuple[Role, ...]
    discovered: bool
    meetings: list[Meeting] = field(default_factory=list)
    articles: list[ArticlePage] = field(default_factory=list)
    counterparts: list[tuple[Person, int]] = field(default_factory=list)
    topics: list[tuple[Topic, int]] = field(default_factory=list)
    #: A page for each year of their meetings and articles, when there are too many for one (LIST_LIMIT).
    parts: list[Part] = field(default_factory=list)

    @property
    def url(self) -> str:
        return f"people/{self.slug}/"

    @property
    def latest(self) -> list[Meeting]:
        return _latest(self.meetings)

    @property
    def latest_articles(self) -> list[ArticlePage]:
        return self.articles[:LATEST_SHOWN]

    @property
    def feed_url(self) -> str:
        return f"{self.url}feed.xml"

    @property
    def sort_key(self) -> tuple[str, str]:
        return (self.name.split()[-1].lower(), self.name.lower())

    def role_on(self, day: dt.date | None) -> str | None:
        return PersonRecord(self.name, self.country or "", roles=self.roles).role_on(day)


@dataclass(eq=False)
class Topic:
    id: str
    label: str
    description: str
    meetings: list[Meeting] = field(default_factory=list)
    people: list[tuple[Person, int]] = field(default_factory=list)
    #: A page for each year of its meetings, when there are too many for one (LIST_LIMIT).
    parts: list[Part] = field(default_factory=list)

    @property
    def slug(self) -> str:
        return make_slug(self.id)

    @property
    def latest(self) -> list[Meeting]:
        return _latest(self.meetings)

    @property
    def url(self) -> str:
        return f"topics/{self.slug}/"

    @property
    def feed_url(self) -> str:
        return f"{self.url}feed.xml"


@dataclass(eq=False)
class Place:
    name: str
    country: str | None
    meetings: list[Meeting] = field(default_factory=list)
    people: list[tuple[Person, int]] = field(default_factory=list)
    #: A page for each year of its meetings, when there are too many for one (LIST_LIMIT).
    parts: list[Part] = field(default_factory=list)

    @property
    def slug(self) -> str:
        return make_slug(self.name)

    @property
    def latest(self) -> list[Meeting]:
        return _latest(self.meetings)

    @property
    def url(self) -> str:
        return f"places/{self.slug}/"


@dataclass(eq=False)
class Year:
    year: int
    meetings: list[Meeting] = field(default_factory=list)
    people: list[tuple[Person, int]] = field(default_factory=list)
    #: A page for each month, when the year holds too many meetings for one (LIST_LIMIT).
    months: list[Part] = field(default_factory=list)

    @property
    def url(self) -> str:
        return f"years/{self.year}/"


@dataclass(eq=False)
class Participant:
    person: Person
    #: The office held on the meeting's date, where the data knows it.
    role: str | None


@dataclass(eq=False)
class TopicMention:
    topic: Topic
    #: The sentence of a source that shows the topic.
    evidence: str


@dataclass(eq=False)
class Meeting:
    slug: str
    date: dt.date | None
    place: Place | None
    venue: str | None
    participants: list[Participant]
    topics: list[TopicMention]
    summary: str
    sources: list[ArticlePage] = field(default_factory=list)
    previous: Meeting | None = None
    next: Meeting | None = None
    #: Other meetings of each participant, nearest in time first.
    related: list[tuple[Person, list[Meeting]]] = field(default_factory=list)

    @property
    def url(self) -> str:
        return f"meetings/{self.slug}/"

    @property
    def share_image(self) -> str:
        """The link-preview picture of this meeting (1200x630 PNG beside its page)."""
        return f"{self.url}share.png"

    @property
    def updated(self) -> dt.date | None:
        """The latest day anything about this meeting was reported: for feed entries."""
        days = [d for d in (self.date, *(s.article.published for s in self.sources)) if d]
        return max(days, default=None)

    @property
    def title(self) -> str:
        names = [p.person.name for p in self.participants]
        return " and ".join((", ".join(names[:-1]), names[-1])) if len(names) > 1 else names[0]

    @property
    def people(self) -> list[Person]:
        return [p.person for p in self.participants]


@dataclass(frozen=True)
class TextBlock:
    """A block of an article's text and the people it links: (start, end, person) spans of `text`.

    `text` is the extracted block's own string, not a copy; the runs are cut from it when a template asks.
    """

    kind: str
    text: str
    links: tuple[tuple[int, int, Person], ...] = ()

    @property
    def runs(self) -> tuple[tuple[str, Person | None], ...]:
        """The text cut into runs; a run naming a person carries them, for a link (empty runs left out)."""
        runs: list[tuple[str, Person | None]] = []
        position = 0
        for start, end, person in self.links:
            runs += [(self.text[position:start], None), (self.text[start:end], person)]
            position = end
        runs.append((self.text[position:], None))
        return tuple(run for run in runs if run[0])


@dataclass(eq=False)
class ArticlePage:
    article: Article
    slug: str
    meetings: list[Meeting] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    topics: list[Topic] = field(default_factory=list)

    def __post_init__(self) -> None:
        # Not a field: the archive's people, to link the text with (see blocks).
        self._people: _People | None = None

    @property
    def blocks(self) -> list[TextBlock]:
        """The article's text, each person it names linked at their first mention.

        Made each time it is asked for (once by the article's page, once for its state in depends.py),
        not for every article while the model is linked, nor kept: a rebuild renders few article pages,
        and a render worker that kept the blocks of every article it rendered would grow by them.
        """
        return [_text_block(block, self._people, self.article.name) for block in self.article.blocks] if self._people else []

    @property
    def url(self) -> str:
        return f"articles/{self.slug}/"

    @property
    def title(self) -> str:
        return self.article.title


@dataclass
class Archive:
    meetings: list[Meeting]
    people: list[Person]
    topics: list[Topic]
    places: list[Place]
    years: list[Year]
    articles: list[ArticlePage]
    #: More meetings than one page lists: the meetings index lists the years, and the undated ones have a page.
    meetings_by_year: bool = False
    undated: Part | None = None
    #: A page for each year of publication, when there are more articles than one page lists.
    article_parts: list[Part] = field(default_factory=list)

    @property
    def latest_meetings(self) -> list[Meeting]:
        return _latest(self.meetings)


def build_archive(articles: list[Article], data: ReferenceData, problems: Problems) -> Archive:
    """Link `articles` into an Archive; URL clashes are reported as errors."""
    people = _People(data, problems)
    topics = {t.id: Topic(t.id, t.label, t.description) for t in data.topics}
    places = {p.name: Place(p.name, p.country) for p in data.places}

    pages = _with_distinct_slugs([ArticlePage(a, _article_slug(a)) for a in articles], problems)
    for page in pages:
        for record in page.article.discovered:
            people.discover(record, page.article.name)
    _check_unique([(p.url, p.article.name) for p in pages], problems, "article")

    # Order matters: meetings merge across articles before anything counts them.
    meetings = _merge_meetings(pages, people, topics, places, problems)
    for page in pages:
        page.people = [people.get(name, page.article.name) for name in page.article.people]
        page.topics = [topics[t] for t in page.article.topics if t in topics]
        for unknown in sorted({t for t in page.article.topics if t not in topics}):
            close = difflib.get_close_matches(unknown, topics, n=1)
            hint = f"did you mean '{close[0]}'? " if close else ""
            problems.warning(page.article.name, f"unknown topic '{unknown}' is left out: {hint}topic ids are in topics.yaml", key="topics")
        # Everyone the text links is known to the archive now (an unknown name is warned of here, once).
        for name in {name for block in page.article.blocks for _, _, name in block.people}:
            people.get(name, page.article.name)
        page._people = people
        for person in page.people:
            person.articles.append(page)
    _link_meetings(meetings)
    used_people = sorted((p for p in people.all() if p.meetings or p.articles), key=lambda p: p.sort_key)
    _check_people(used_people, people.origin, problems)
    for person in used_people:
        _summarise_person(person)
    years = _years(meetings)
    for group in (*topics.values(), *places.values(), *years):
        group.people = _count_people(group.meetings)
    archive = Archive(
        meetings=meetings,
        people=used_people,
        topics=sorted((t for t in topics.values() if t.meetings), key=lambda t: t.label.lower()),
        places=sorted((p for p in places.values() if p.meetings), key=lambda p: p.name),
        years=years,
        articles=sorted(pages, key=lambda p: (p.article.published or dt.date.min, p.slug), reverse=True),
    )
    split_long_lists(archive)
    return archive


class _People:
    """Person objects by canonical name, creating unknown ones as 'discovered'."""

    def __init__(self, data: ReferenceData, problems: Problems):
        self._problems = problems
        #: The article that first named each person missing from people.yaml.
        self.origin: dict[str, str] = {}
        self._by_name = {
            r.name: Person(r.name, make_slug(r.name), r.country, r.roles, r.discovered) for r in data.people
        }
        #: People missing from people.yaml by their name without accents, so 'Viktor Orban' finds 'Viktor Orbán'.
        self._discovered_unaccented: dict[str, Person] = {}

    def discover(self, record: PersonRecord, source: str) -> None:
        """A person an article names with an office, missing from people.yaml: kept, and flagged for an editor."""
        if record.name in self._by_name or self._same_spelling(record.name):
            return
        role = record.roles[0].title if record.roles else "an office"
        self._problems.warning(source, f"'{record.name}' ({role}) is not in people.yaml: shown as discovered; add them there to confirm", key="people")
        country = None if record.country == "unknown" else record.country
        self._by_name[record.name] = Person(record.name, make_slug(record.name), country, record.roles, True)
        self._discovered_unaccented.setdefault(_unaccented(record.name), self._by_name[record.name])
        self.origin[record.name] = source

    def _same_spelling(self, name: str) -> Person | None:
        """A discovered person already named with or without accents ('Viktor Orbán', 'Viktor Orban'): the same person."""
        same = self._discovered_unaccented.get(_unaccented(name))
        if same is not None:
            self._by_name[name] = same
        return same

    def get(self, name: str, source: str) -> Person:
        if name not in self._by_name and self._same_spelling(name) is None:
            self._problems.warning(source, f"'{name}' is not in people.yaml: add them there with country and roles", key="people")
            self._by_name[name] = Person(name, make_slug(name), None, (), True)
            self._discovered_unaccented.setdefault(_unaccented(name), self._by_name[name])
            self.origin[name] = source
        return self._by_name[name]

    def all(self) -> list[Person]:
        return list({id(p): p for p in self._by_name.values()}.values())  # a person filed under two spellings is one


def _unaccented(name: str) -> str:
    """The name with its accents taken off ('Orbán' -> 'Orban'); nothing else of its spelling changes."""
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def _text_block(block, people: _People, source: str) -> TextBlock:
    return TextBlock(block.kind, block.text, tuple((start, end, people.get(name, source)) for start, end, name in block.people))


def _article_slug(article: Article) -> str:
    day = article.published.isoformat() if article.published else "undated"
    return f"{day}-{make_slug(article.title)}"[:MAX_ARTICLE_SLUG].rstrip("-")


def _with_distinct_slugs(pages: list[ArticlePage], problems: Problems) -> list[ArticlePage]:
    """`pages`, where articles of one day whose titles give one address (a wire story run by two outlets)
    each end theirs with a mark of their file name instead.

    Each of them, not all but the first: another such article added later would otherwise take the
    address one of them was published at. The shared address, once published, redirects to the
    article it showed (redirects.py), and the file-name marks do not change as articles come and go.
    """
    sharing: dict[str, list[ArticlePage]] = {}
    for page in pages:
        sharing.setdefault(page.slug, []).append(page)
    for slug, group in sharing.items():
        if len(group) < 2:
            continue
        for page in group:
            mark = hashlib.sha256(page.article.name.encode("utf-8", "surrogatepass")).hexdigest()[:SLUG_MARK]
            page.slug = f"{slug[: MAX_ARTICLE_SLUG - SLUG_MARK - 1].rstrip('-')}-{mark}"
        names = ", ".join(p.article.name for p in group)
        for page in group:
            problems.warning(page.article.name, f"{names} have one day and title: each is published at articles/{slug}-... "
                                                "with a mark of its file name (check that they are not the same article twice)", key="title")
    return pages


def _check_unique(urls: list[tuple[str, str]], problems: Problems, kind: str) -> None:
    owners: dict[str, str] = {}
    for url, owner in urls:
        if url in owners:
            problems.error(owner, f"this {kind} would have the same address {url} as {owners[url]}: give one of them a different title or name")
        owners.setdefault(url, owner)


def _check_people(persons: list[Person], origin: dict[str, str], problems: Problems) -> None:
    """Two people on one address: reported in the article that named the one missing from people.yaml."""
    owners: dict[str, Person] = {}
    named_at = {name: i for i, name in enumerate(origin)}
    for person in sorted(persons, key=lambda p: named_at.get(p.name, -1)):  # people.yaml's records claim first
        other = owners.setdefault(person.url, person)
        if other is not person:
            problems.error(origin.get(person.name, "people.yaml"), f"'{person.name}' would have the same address {person.url} as '{other.name}': "
                           "write the name as people.yaml does, or add this spelling to that person's aliases", key="people")


def _merge_meetings(pages, people: _People, topics, places, problems: Problems) -> list[Meeting]:
    """One Meeting per real meeting: reports of the same people at most SAME_MEETING_DAYS apart.

    Reports are clustered in date order, not file order, and a meeting takes the
    earliest date reported, so its address does not change when files are renamed.
    """
    reports = []
    for page in pages:
        for index, report in enumerate(page.article.meetings):
            persons = [people.get(name, page.article.name) for name in report.participants]
            reports.append((frozenset(p.name for p in persons), report.date, page, index, report, persons))
    by_day = sorted(reports, key=lambda r: (sorted(r[0]), r[1] is None, r[1] or dt.date.min, r[2].article.name, r[3]))
    landed: dict[tuple[int, int], Meeting] = {}
    first_day: dict[int, dt.date | None] = {}
    current: Meeting | None = None
    for key, day, page, index, report, persons in by_day:
        if current is None or frozenset(p.name for p in current.people) != key or not _same_day(first_day[id(current)], day):
            current = _new_meeting(report, persons, topics, places)
            first_day[id(current)] = day
        else:
            _add_report(current, report, topics, places)
        landed[(id(page), index)] = current
    for page in pages:  # sources in file order, and each article's meetings in the order it reports them
        for index in range(len(page.article.meetings)):
            meeting = landed[(id(page), index)]
            if page not in meeting.sources:
                meeting.sources.append(page)
            page.meetings.append(meeting)
    meetings = sorted({id(m): m for m in landed.values()}.values(), key=_chronological)
    _check_unique([(m.url, m.sources[0].article.name) for m in meetings], problems, "meeting")
    return meetings


def _same_day(a: dt.date | None, b: dt.date | None) -> bool:
    if a is None or b is None:
        return a is b
    return abs((a - b).days) <= SAME_MEETING_DAYS


#: A summit's address names its first participants and counts the rest, so it stays a usable file name.
MAX_NAMED_IN_ADDRESS = 4


def _participant_slugs(persons: list[Person]) -> list[str]:
    slugs = sorted(p.slug for p in persons)
    if len(slugs) <= MAX_NAMED_IN_ADDRESS:
        return slugs
    return [*slugs[: MAX_NAMED_IN_ADDRESS - 1], f"and-{len(slugs) - MAX_NAMED_IN_ADDRESS + 1}-others"]


def _new_meeting(report: ReportedMeeting, persons: list[Person], topics, places) -> Meeting:
    day = report.date.isoformat() if report.date else "undated"
    slug = "-".join([day, *_participant_slugs(persons)])
    meeting = Meeting(
        slug=slug,
        date=report.date,
        place=None,
        venue=report.venue,
        participants=[Participant(p, p.role_on(report.date)) for p in persons],
        topics=[],
        summary=report.summary,
    )
    _add_report(meeting, report, topics, places)
    return meeting


def _add_report(meeting: Meeting, report: ReportedMeeting, topics, places) -> None:
    """Fill what the meeting still lacks from another report of it."""
    if meeting.place is None and report.place:
        meeting.place = _place_named(places, report.place)
    meeting.venue = meeting.venue or report.venue
    meeting.summary = meeting.summary or report.summary
    have = {t.topic.id for t in meeting.topics}
    for topic_id, evidence in report.topics.items():
        if topic_id in topics and topic_id not in have:
            meeting.topics.append(TopicMention(topics[topic_id], evidence.sentence))
    meeting.topics.sort(key=lambda t: t.topic.label.lower())


def _place_named(places: dict[str, Place], name: str) -> Place:
    """The place of this name, or of a spelling with the same address ('Tel-Aviv', 'Tel Aviv'): one page, never two."""
    slug = make_slug(name)
    same = places.get(name) or next((p for p in places.values() if p.slug == slug), None)
    return same or places.setdefault(name, Place(name, None))


def _chronological(meeting: Meeting) -> tuple:
    return (meeting.date is None, meeting.date or dt.date.min, meeting.slug)


def _link_meetings(meetings: list[Meeting]) -> None:
    """Previous/next in time, and each meeting under its people, topics and place."""
    dated = [m for m in meetings if m.date]
    for earlier, later in zip(dated, dated[1:]):
        earlier.next, later.previous = later, earlier
    for meeting in meetings:
        for person in meeting.people:
            person.meetings.append(meeting)
        for mention in meeting.topics:
            mention.topic.meetings.append(meeting)
        if meeting.place:
            meeting.place.meetings.append(meeting)
    for meeting in meetings:
        meeting.related = [
            (person, _nearest(person.meetings, meeting))
            for person in meeting.people
            if len(person.meetings) > 1
        ]


def _nearest(meetings: list[Meeting], meeting: Meeting) -> list[Meeting]:
    """The other meetings nearest in time to `meeting`, from `meetings` (in time order): a window, not a sort of all."""
    if meeting.date is None:
        return [m for m in meetings if m is not meeting][:RELATED_LIMIT]
    at = bisect.bisect_left(meetings, _chronological(meeting), key=_chronological)
    window = [m for m in meetings[max(0, at - RELATED_LIMIT) : at + RELATED_LIMIT + 1] if m is not meeting]
    near = sorted(window, key=lambda m: (abs(((m.date or dt.date.min) - meeting.date).days), _chronological(m)))[:RELATED_LIMIT]
    return sorted(near, key=_chronological)


def _summarise_person(person: Person) -> None:
    counterparts: Counter = Counter()
    topic_counts: Counter = Counter()
    for meeting in person.meetings:
        counterparts.update(p for p in meeting.people if p is not person)
        topic_counts.update(t.topic for t in meeting.topics)
    person.articles.sort(key=lambda a: (a.article.published or dt.date.min, a.slug), reverse=True)
    person.counterparts = _ranked(counterparts, lambda p: p.sort_key)
    person.topics = _ranked(topic_counts, lambda t: t.label.lower())


def _count_people(meetings: list[Meeting]) -> list[tuple[Person, int]]:
    return _ranked(Counter(p for m in meetings for p in m.people), lambda p: p.sort_key)


def _ranked(counts: Counter, name_key) -> list:
    """Most first; ties in name order, so output never depends on hash order."""
    return sorted(counts.items(), key=lambda item: (-item[1], name_key(item[0])))


def _latest(meetings: list[Meeting]) -> list[Meeting]:
    """The latest dated meetings of a list in time order, newest first."""
    return [m for m in reversed(meetings) if m.date][:LATEST_SHOWN]


def _years(meetings: list[Meeting]) -> list[Year]:
    years: dict[int, Year] = {}
    for meeting in meetings:
        if meeting.date:
            years.setdefault(meeting.date.year, Year(meeting.date.year)).meetings.append(meeting)
    return [years[y] for y in sorted(years)]
