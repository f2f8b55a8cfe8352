"""The archive as data for researchers: ``data/archive.json`` and one CSV file a table.

`SCHEMA` lists every table and column with its meaning, once: the CSV files are
written from it, the data page (templates/data.html) shows it, and the README
documents it. The JSON holds each meeting, person, topic, place and article
once, by id; the links between them are lists of ids inside the records
(a meeting's participants, topics and sources; an article's people and topics),
and each such list is also a CSV table of its own (meeting_people.csv, ...).
`read_archive` turns the JSON back into linked objects.

Nothing here depends on the time of the build: the same content gives the
same bytes. A CSV cell that a spreadsheet would run as a formula (it starts
with =, +, -, @) is written with a leading ' (the JSON keeps the text as is).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

from .config import Config
from .model import Archive, ArticlePage, Meeting, Person, Topic
from .urls import absolute_url

FOLDER = "data/"
#: The page that lists the files and explains every column (templates/data.html).
DATA_PAGE = FOLDER
JSON_FILE = f"{FOLDER}archive.json"
FORMAT, VERSION = "sitegen-archive", 1


@dataclass(frozen=True)
class Column:
    name: str
    meaning: str


@dataclass(frozen=True)
class Table:
    """A CSV file: the records of one JSON list (`source`), or the ids listed in each of them (`nested`)."""

    name: str
    meaning: str
    columns: tuple[Column, ...]
    source: str
    nested: str | None = None

    @property
    def file(self) -> str:
        return f"{FOLDER}{self.name}.csv"


def _columns(*pairs: tuple[str, str]) -> tuple[Column, ...]:
    return tuple(Column(name, meaning) for name, meaning in pairs)


_URL = ("url", "its page in the archive")
SCHEMA: tuple[Table, ...] = (
    Table("meetings", "One row a meeting, merged from every article that reports it", _columns(
        ("id", "the meeting's id, also the last part of its address: date and participants"),
        ("date", "the day it took place, YYYY-MM-DD; empty when no article says"),
        ("place", "id of the city (places.csv); empty when unknown"),
        ("venue", "the building or venue, where an article names it"),
        ("summary", "one or two sentences about it"), _URL), "meetings"),
    Table("people", "Everyone who met or is mentioned", _columns(
        ("id", "the person's id, also the last part of their address"),
        ("name", "the canonical name"),
        ("country", "the country they serve; empty when unknown"),
        ("discovered", "true for someone found in an article but not yet confirmed in people.yaml"), _URL), "people"),
    Table("roles", "The offices each person held", _columns(
        ("person", "id of the person (people.csv)"),
        ("title", "the office"),
        ("from", "first day, YYYY-MM-DD; empty when unknown"),
        ("to", "last day, YYYY-MM-DD; empty while held")), "people", "roles"),
    Table("topics", "What meetings were about", _columns(
        ("id", "the topic's id, also the last part of its address"),
        ("label", "its name"),
        ("description", "what it covers"),
        ("url", "its page in the archive; empty for a topic only articles touch, with no meeting about it")), "topics"),
    Table("places", "The cities meetings took place in", _columns(
        ("id", "the place's id, also the last part of its address"),
        ("name", "the city"),
        ("country", "its country; empty when unknown"), _URL), "places"),
    Table("articles", "The news articles the archive is built from", _columns(
        ("id", "the article's id, also the last part of its address"),
        ("title", "its headline"),
        ("published", "publication day, YYYY-MM-DD; empty when unknown"),
        ("outlet", "the news outlet; empty when unknown"),
        ("source_url", "address of the original article; empty when unknown"), _URL), "articles"),
    Table("meeting_people", "Who took part in each meeting", _columns(
        ("meeting", "id of the meeting (meetings.csv)"),
        ("person", "id of a participant (people.csv)"),
        ("role", "the office they held on the meeting's day; empty when unknown")), "meetings", "participants"),
    Table("meeting_topics", "What each meeting was about", _columns(
        ("meeting", "id of the meeting (meetings.csv)"),
        ("topic", "id of a topic (topics.csv)"),
        ("evidence", "the sentence of a source that shows the topic")), "meetings", "topics"),
    Table("meeting_articles", "The articles that report each meeting", _columns(
        ("meeting", "id of the meeting (meetings.csv)"),
        ("article", "id of an article that reports it (articles.csv)")), "meetings", "sources"),
    Table("article_people", "Everyone each article mentions", _columns(
        ("article", "id of the article (articles.csv)"),
        ("person", "id of a person it mentions (people.csv)")), "articles", "people"),
    Table("article_topics", "The topics each article touches", _columns(
        ("article", "id of the article (articles.csv)"),
        ("topic", "id of a topic (topics.csv)")), "articles", "topics"),
)


def export_files(archive: Archive, config: Config) -> Iterator[tuple[str, bytes]]:
    """data/archive.json and every table of SCHEMA as CSV, as (output path, bytes), one file at a time."""
    records = archive_records(archive, config)
    yield JSON_FILE, _json(records)
    for table in SCHEMA:
        yield table.file, _csv(table, table_rows(table, records))


def _json(records: dict) -> bytes:
    """`records` as JSON, one record a line: readable, diffable, and dumped a record at a time by the C encoder.

    One json.dumps of the whole archive with an indent runs Python's own encoder and holds millions
    of small strings at once (some 120 MB at 10,000 articles, for 20 MB of JSON).
    """
    def dumps(value) -> bytes:
        return json.dumps(value, ensure_ascii=False).encode("utf-8")

    lines = []
    for name, value in records.items():
        if isinstance(value, list):
            items = b",\n  ".join(map(dumps, value))
            lines.append(dumps(name) + (b": [\n  " + items + b"\n ]" if value else b": []"))
        else:
            lines.append(dumps(name) + b": " + dumps(value))
    return b"{\n " + b",\n ".join(lines) + b"\n}\n"


def archive_records(archive: Archive, config: Config) -> dict:
    """The whole archive as JSON-ready records, each linked to the others by id."""
    def url(target: str) -> str:
        return absolute_url(target, config.base_url)

    return {
        "format": FORMAT,
        "version": VERSION,
        "title": config.title,
        "meetings": [meeting_record(m, url) for m in archive.meetings],
        "people": [person_record(p, url) for p in archive.people],
        "topics": [{"id": t.id, "label": t.label, "description": t.description, "url": url(t.url) if t.meetings else None}
                   for t in _every_topic(archive)],
        "places": [{"id": p.slug, "name": p.name, "country": p.country, "url": url(p.url)} for p in archive.places],
        "articles": [_article_record(a, url) for a in archive.articles],
    }


def _every_topic(archive: Archive) -> list[Topic]:
    """The topics of meetings (each with a page), then those only articles touch (no page of their own)."""
    named = {t.id: t for item in archive.articles for t in item.topics}
    return archive.topics + sorted((t for t in named.values() if not t.meetings), key=lambda t: t.label.lower())


def meeting_record(meeting: Meeting, url=lambda target: target) -> dict:
    return {
        "id": meeting.slug,
        "date": _day(meeting.date),
        "place": meeting.place.slug if meeting.place else None,
        "venue": meeting.venue,
        "summary": meeting.summary,
        "url": url(meeting.url),
        "participants": [{"person": p.person.slug, "role": p.role} for p in meeting.participants],
        "topics": [{"topic": t.topic.id, "evidence": t.evidence} for t in meeting.topics],
        "sources": [source.slug for source in meeting.sources],
    }


def person_record(person: Person, url=lambda target: target) -> dict:
    return {
        "id": person.slug,
        "name": person.name,
        "country": person.country,
        "discovered": person.discovered,
        "url": url(person.url),
        "roles": [{"title": r.title, "from": _day(r.start), "to": _day(r.end)} for r in person.roles],
    }


def _article_record(item: ArticlePage, url) -> dict:
    article = item.article
    return {
        "id": item.slug,
        "title": article.title,
        "published": _day(article.published),
        "outlet": article.outlet,
        "source_url": article.source_url,
        "url": url(item.url),
        "people": [p.slug for p in item.people],
        "topics": [t.id for t in item.topics],
    }


def table_rows(table: Table, records: dict) -> Iterator[dict]:
    """The rows of `table`: the records of its JSON list, or one row per id listed in each record."""
    names = [c.name for c in table.columns]
    if table.nested is None:
        for record in records[table.source]:
            yield {name: record[name] for name in names}
        return
    for record in records[table.source]:
        for item in record[table.nested]:
            values = item if isinstance(item, dict) else {names[1]: item}
            yield {names[0]: record["id"], **{name: values[name] for name in names[1:]}}


def _csv(table: Table, rows: Iterable[dict]) -> bytes:
    """The table as CSV, its rows taken one at a time (one table holds some 100,000 rows at 10,000 articles)."""
    out = io.BytesIO()
    with io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True) as text:
        writer = csv.writer(text, lineterminator="\n")
        writer.writerow([c.name for c in table.columns])
        writer.writerows([_cell(row[c.name]) for c in table.columns] for row in rows)
        return out.getvalue()


#: A spreadsheet runs a cell starting with one of these as a formula: such a cell gets a leading "'".
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    text = str(value)
    return f"'{text}" if text.startswith(FORMULA_START) else text


def csv_value(cell: str) -> str:
    """A CSV cell's value as the JSON holds it: without the quote mark that keeps a formula from running."""
    return cell[1:] if cell.startswith("'") and cell[1:].startswith(FORMULA_START) else cell


def _day(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


# Reading the export back: the JSON as linked objects, as a researcher's script would use it.

@dataclass(eq=False)
class DataPerson:
    id: str
    name: str
    country: str | None
    discovered: bool
    url: str
    roles: list[dict]
    meetings: list[DataMeeting] = field(default_factory=list)


@dataclass(eq=False)
class DataTopic:
    id: str
    label: str
    description: str
    url: str | None
    meetings: list[DataMeeting] = field(default_factory=list)


@dataclass(eq=False)
class DataPlace:
    id: str
    name: str
    country: str | None
    url: str


@dataclass(eq=False)
class DataArticle:
    id: str
    title: str
    published: dt.date | None
    outlet: str | None
    source_url: str | None
    url: str
    people: list[DataPerson]
    topics: list[DataTopic]


@dataclass(eq=False)
class DataMeeting:
    id: str
    date: dt.date | None
    place: DataPlace | None
    venue: str | None
    summary: str
    url: str
    participants: list[tuple[DataPerson, str | None]]
    topics: list[tuple[DataTopic, str]]
    sources: list[DataArticle]


@dataclass
class DataArchive:
    title: str
    meetings: list[DataMeeting]
    people: dict[str, DataPerson]
    topics: dict[str, DataTopic]
    places: dict[str, DataPlace]
    articles: dict[str, DataArticle]


def read_archive(path: Path) -> DataArchive:
    """Load data/archive.json into linked objects: each meeting holds its people, topics, place and sources."""
    records = json.loads(path.read_text(encoding="utf-8"))
    if records.get("format") != FORMAT or records.get("version") != VERSION:
        raise ValueError(f"{path} is not a {FORMAT} file of version {VERSION}")
    people = {r["id"]: DataPerson(**r) for r in records["people"]}
    topics = {r["id"]: DataTopic(**r) for r in records["topics"]}
    places = {r["id"]: DataPlace(**r) for r in records["places"]}
    articles = {r["id"]: DataArticle(**{**r, "published": _date(r["published"]),
                                        "people": [people[i] for i in r["people"]], "topics": [topics[i] for i in r["topics"]]})
                for r in records["articles"]}
    meetings = []
    for r in records["meetings"]:
        meeting = DataMeeting(
            r["id"], _date(r["date"]), places[r["place"]] if r["place"] else None, r["venue"], r["summary"], r["url"],
            [(people[p["person"]], p["role"]) for p in r["participants"]],
            [(topics[t["topic"]], t["evidence"]) for t in r["topics"]],
            [articles[a] for a in r["sources"]],
        )
        for person, _ in meeting.participants:
            person.meetings.append(meeting)
        for topic, _ in meeting.topics:
            topic.meetings.append(meeting)
        meetings.append(meeting)
    return DataArchive(records["title"], meetings, people, topics, places, articles)


def _date(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def csv_tables(folder: Path) -> Iterator[tuple[Table, list[dict[str, str]]]]:
    """Each table of SCHEMA as read from its CSV file in `folder` (the site's data/ folder)."""
    for table in SCHEMA:
        with (folder / f"{table.name}.csv").open(encoding="utf-8", newline="") as handle:
            yield table, [{k: csv_value(v) for k, v in row.items()} for row in csv.DictReader(handle)]
