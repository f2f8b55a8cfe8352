"""`sitegen list`: what the archive holds (meetings, people or topics), as a table or as JSON records.

The JSON records are those of the data export (sitegen/export.py), with counts
added for people and topics, so a script reads the same fields either way.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # KINDS is read by the command line on every run; the rest only by `sitegen list`
    from .model import Archive

KINDS = ("meetings", "people", "topics")
#: A cell wider than this is cut, with an ellipsis, in the table (never in the JSON).
CELL = 48


def records(archive: Archive, kind: str) -> list[dict]:
    """The JSON records of one kind of thing in the archive, in the archive's order."""
    from .export import meeting_record, person_record

    if kind == "meetings":
        return [meeting_record(m) for m in archive.meetings]
    if kind == "people":
        return [{**person_record(p), "meetings": len(p.meetings), "counterparts": len(p.counterparts), "articles": len(p.articles)}
                for p in archive.people]
    return [{"id": t.id, "label": t.label, "description": t.description, "url": t.url, "meetings": len(t.meetings),
             "people": [{"person": p.slug, "meetings": n} for p, n in t.people]} for t in archive.topics]


def rows(archive: Archive, kind: str) -> tuple[tuple[str, ...], list[tuple[str, ...]]]:
    """The header and rows of the table of one kind."""
    if kind == "meetings":
        return ("date", "place", "participants", "topics", "sources"), [
            (str(m.date or "undated"), m.place.name if m.place else "?", ", ".join(p.name for p in m.people),
             ", ".join(t.topic.label for t in m.topics), str(len(m.sources))) for m in archive.meetings]
    if kind == "people":
        return ("name", "country", "meetings", "met", "articles", "note"), [
            (p.name, p.country or "?", str(len(p.meetings)), str(len(p.counterparts)), str(len(p.articles)),
             "not in people.yaml" if p.discovered else "") for p in archive.people]
    return ("id", "label", "meetings", "discussed most by"), [
        (t.id, t.label, str(len(t.meetings)), ", ".join(f"{p.name} ({n})" for p, n in t.people[:3])) for t in archive.topics]


def table(header: tuple[str, ...], body: list[tuple[str, ...]]) -> str:
    """Columns padded to their widest cell, a rule under the header; numbers to the right."""
    cells = [tuple(_cut(c) for c in row) for row in [header, *body]]
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]
    numeric = [all(row[i].isdigit() for row in cells[1:]) and bool(body) for i in range(len(header))]

    def line(row: tuple[str, ...]) -> str:
        return "  ".join(c.rjust(w) if n else c.ljust(w) for c, w, n in zip(row, widths, numeric)).rstrip()

    return "\n".join([line(cells[0]), "  ".join("-" * w for w in widths), *map(line, cells[1:])])


def _cut(text: str) -> str:
    return text if len(text) <= CELL else text[: CELL - 1] + "…"
