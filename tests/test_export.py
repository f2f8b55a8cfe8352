"""data/: the whole archive as JSON and CSV, for researchers, and read back into linked objects."""

from __future__ import annotations

import csv
import json
import posixpath

from conftest import ARCHIVE_BASE, REPO, build_site, make_site
from dom import parse
from sitegen.config import load_config
from sitegen.export import SCHEMA, csv_tables, read_archive, table_rows
from sitegen.gather import gather


def test_loading_the_json_gives_back_every_meeting_person_and_topic_with_their_links(seed_site):
    archive, _ = gather(load_config(seed_site.parent, base_url=ARCHIVE_BASE))
    data = read_archive(seed_site / "data/archive.json")

    assert [m.id for m in data.meetings] == [m.slug for m in archive.meetings]
    for meeting, loaded in zip(archive.meetings, data.meetings):
        assert loaded.date == meeting.date and loaded.summary == meeting.summary and loaded.venue == meeting.venue
        assert (loaded.place and loaded.place.name) == (meeting.place and meeting.place.name)
        assert [(p.name, role) for p, role in loaded.participants] == [(p.person.name, p.role) for p in meeting.participants]
        assert [(t.label, evidence) for t, evidence in loaded.topics] == [(t.topic.label, t.evidence) for t in meeting.topics]
        assert [a.title for a in loaded.sources] == [s.title for s in meeting.sources]

    assert sorted(data.people) == sorted(p.slug for p in archive.people)
    for person in archive.people:
        loaded = data.people[person.slug]
        assert (loaded.name, loaded.country, loaded.discovered) == (person.name, person.country, person.discovered)
        assert [m.id for m in loaded.meetings] == [m.slug for m in person.meetings]
        assert [(r["title"], r["from"], r["to"]) for r in loaded.roles] == [
            (r.title, r.start and r.start.isoformat(), r.end and r.end.isoformat()) for r in person.roles]

    for topic in archive.topics:
        assert [m.id for m in data.topics[topic.id].meetings] == [m.slug for m in topic.meetings]
        assert data.topics[topic.id].label == topic.label
    for item in archive.articles:
        loaded = data.articles[item.slug]
        assert [p.name for p in loaded.people] == [p.name for p in item.people]
        assert [t.id for t in loaded.topics] == [t.id for t in item.topics]


def test_every_address_in_the_data_is_a_page_of_the_site(seed_site):
    records = json.loads((seed_site / "data/archive.json").read_text(encoding="utf-8"))
    urls = [r["url"] for key in ("meetings", "people", "topics", "places", "articles") for r in records[key] if r["url"]]
    assert len(urls) > 40
    for url in urls:
        assert url.startswith(ARCHIVE_BASE) and (seed_site / url.removeprefix(ARCHIVE_BASE) / "index.html").is_file(), url


def test_archive_json_holds_each_record_on_a_line_of_its_own(seed_site):
    """So that a diff of two exports shows one line a changed record."""
    text = (seed_site / "data/archive.json").read_text(encoding="utf-8")
    records = json.loads(text)
    lines = [line.strip().rstrip(",") for line in text.splitlines()]
    for key in ("meetings", "people", "topics", "places", "articles"):
        assert records[key]
        for record in records[key]:
            assert json.dumps(record, ensure_ascii=False) in lines, (key, record["id"])


def test_every_csv_table_holds_the_same_rows_as_the_json(seed_site):
    records = json.loads((seed_site / "data/archive.json").read_text(encoding="utf-8"))
    tables = dict((table.name, rows) for table, rows in csv_tables(seed_site / "data"))
    assert set(tables) == {t.name for t in SCHEMA}
    as_text = {None: "", True: "true", False: "false"}
    for table in SCHEMA:
        expected = [{k: as_text.get(v, v) if not isinstance(v, str) else v for k, v in row.items()} for row in table_rows(table, records)]
        assert tables[table.name] == expected, table.name
    participants = {(r["meeting"], r["person"]) for r in tables["meeting_people"]}
    assert participants == {(m["id"], p["person"]) for m in records["meetings"] for p in m["participants"]}
    assert len(tables["meetings"]) == 8 and len(participants) == 16


def test_a_csv_cell_a_spreadsheet_would_run_as_a_formula_is_quoted_and_the_json_keeps_the_text(tmp_path):
    title = '=HYPERLINK("http://evil.example/","click")'
    root = make_site(tmp_path, {"seeds/a.md": f"""
        ---
        title: '{title}'
        date: 2023-01-31
        participants: [Yoav Gallant, Antony Blinken]
        ---
        They met.
        """})
    build_site(root)
    with (root / "site/data/articles.csv").open(encoding="utf-8", newline="") as handle:
        header, row = list(csv.reader(handle))
    assert row[header.index("title")] == "'" + title  # a spreadsheet shows it as text
    rows = dict((t.name, r) for t, r in csv_tables(root / "site/data"))
    assert rows["articles"][0]["title"] == title
    assert read_archive(root / "site/data/archive.json").articles[rows["articles"][0]["id"]].title == title


def test_the_home_page_leads_to_the_data_page_which_links_every_file_and_explains_every_column(seed_site):
    home = parse(seed_site / "index.html")
    assert any(a.attrs["href"] == "data/index.html" for a in home.iter("a"))
    page = parse(seed_site / "data/index.html")
    links = {a.attrs["href"] for a in page.iter("a")}
    for table in SCHEMA:
        assert f"{table.name}.csv" in links and (seed_site / table.file).is_file()
        rows = page.by_id(table.name)  # the heading; its table follows
        assert rows is not None
    assert "archive.json" in links
    cells = {td.text for td in page.iter("td")}
    assert {c.name for t in SCHEMA for c in t.columns} <= cells


def test_the_readme_documents_every_table_and_column():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Data for researchers", 1)[1].split("\n## ", 1)[0]
    for table in SCHEMA:
        assert f"`{posixpath.basename(table.file)}`" in section, table.name
        for column in table.columns:
            assert f"`{column.name}`" in section, (table.name, column.name)
