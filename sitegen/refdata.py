"""Reference data: the people, topics, places and outlets the archive knows.

These are content, not code: YAML files an editor maintains beside the
articles. Each record becomes a frozen dataclass; faults are reported with
file and line.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from .problems import Problems
from .yamlio import LINE_KEY, YamlFailure, parse_yaml

DATA_FILES = ("people.yaml", "topics.yaml", "places.yaml", "outlets.yaml")


@dataclass(frozen=True)
class Role:
    """An office held from `start` to `end` (None: open-ended)."""

    title: str
    start: dt.date | None
    end: dt.date | None

    def held_on(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True)
class PersonRecord:
    name: str
    country: str
    aliases: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()
    #: True for a person found in an article by title and name but not in people.yaml.
    discovered: bool = False

    def role_on(self, day: dt.date | None) -> str | None:
        """The office this person held on `day`, if the data knows it."""
        if day is None:
            return None
        held = [role for role in self.roles if role.held_on(day)]
        return held[-1].title if held else None


@dataclass(frozen=True)
class TopicRecord:
    id: str
    label: str
    description: str
    signals: tuple[str, ...]


@dataclass(frozen=True)
class PlaceRecord:
    name: str
    country: str
    aliases: tuple[str, ...] = ()
    venues: tuple[str, ...] = ()


@dataclass(frozen=True)
class OutletRecord:
    name: str
    signals: tuple[str, ...]


@dataclass(frozen=True)
class ReferenceData:
    people: tuple[PersonRecord, ...] = ()
    topics: tuple[TopicRecord, ...] = ()
    places: tuple[PlaceRecord, ...] = ()
    outlets: tuple[OutletRecord, ...] = ()


def load_reference_data(data_dir: Path, problems: Problems) -> ReferenceData:
    """Read every data file that exists in `data_dir`; missing files mean no records."""
    readers = {
        "people.yaml": _person,
        "topics.yaml": _topic,
        "places.yaml": _place,
        "outlets.yaml": _outlet,
    }
    loaded = {name: tuple(_read_records(data_dir / name, reader, problems)) for name, reader in readers.items()}
    return ReferenceData(
        people=loaded["people.yaml"],
        topics=loaded["topics.yaml"],
        places=loaded["places.yaml"],
        outlets=loaded["outlets.yaml"],
    )


class _RecordError(ValueError):
    def __init__(self, key: str, message: str):
        self.key = key
        super().__init__(message)


def _read_records(path: Path, reader, problems: Problems):
    if not path.exists():
        return
    shown = str(path)
    data = parse_yaml(path.read_text(encoding="utf-8"), with_lines=True)
    if isinstance(data, YamlFailure):
        problems.error(shown, data.message, line=data.line)
        return
    if data is None:
        return
    if not isinstance(data, list):
        problems.error(shown, "must be a list of records, each starting with '- '", line=1)
        return
    for entry in data:
        if not isinstance(entry, dict):
            problems.error(shown, f"each record must be a mapping, not {entry!r}")
            continue
        line = entry.pop(LINE_KEY, None)
        try:
            yield reader(entry)
        except _RecordError as exc:
            problems.error(shown, str(exc), line=line, key=exc.key)


def _text(entry: dict, key: str, *, required: bool = True) -> str:
    value = entry.get(key)
    if value is None and not required:
        return ""
    if not isinstance(value, str) or not value.strip():
        raise _RecordError(key, f"'{key}' must be non-empty text")
    return value.strip()


def _texts(entry: dict, key: str) -> tuple[str, ...]:
    value = entry.get(key) or []
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise _RecordError(key, f"'{key}' must be a list of text")
    return tuple(v.strip() for v in value)


def _day(value: object, key: str) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise _RecordError(key, f"'{key}' must be a date written YYYY-MM-DD, not {value!r}")


def _check_keys(entry: dict, allowed: set[str]) -> None:
    unknown = sorted(set(entry) - allowed)
    if unknown:
        raise _RecordError(unknown[0], f"unknown key(s) {', '.join(unknown)}; allowed: {', '.join(sorted(allowed))}")


def _person(entry: dict) -> PersonRecord:
    _check_keys(entry, {"name", "country", "aliases", "misspellings", "roles"})
    roles = []
    for role in entry.get("roles") or []:
        if not isinstance(role, dict):
            raise _RecordError("roles", "each role must be a mapping with title, from and to")
        role.pop(LINE_KEY, None)
        roles.append(Role(_text(role, "title"), _day(role.get("from"), "from"), _day(role.get("to"), "to")))
    roles.sort(key=lambda r: r.start or dt.date.min)
    return PersonRecord(
        name=_text(entry, "name"),
        country=_text(entry, "country"),
        aliases=_texts(entry, "aliases") + _texts(entry, "misspellings"),
        roles=tuple(roles),
    )


def _topic(entry: dict) -> TopicRecord:
    _check_keys(entry, {"id", "label", "description", "signals"})
    signals = _texts(entry, "signals")
    if not signals:
        raise _RecordError("signals", "a topic needs at least one signal phrase")
    return TopicRecord(_text(entry, "id"), _text(entry, "label"), _text(entry, "description", required=False), signals)


def _place(entry: dict) -> PlaceRecord:
    _check_keys(entry, {"name", "country", "aliases", "venues"})
    return PlaceRecord(_text(entry, "name"), _text(entry, "country"), _texts(entry, "aliases"), _texts(entry, "venues"))


def _outlet(entry: dict) -> OutletRecord:
    _check_keys(entry, {"name", "signals"})
    return OutletRecord(_text(entry, "name"), _texts(entry, "signals"))
