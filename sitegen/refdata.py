"""Reference data: the people, topics, places and outlets the archive knows.

These are content, not code: YAML files an editor maintains beside the
articles. Each record becomes a frozen dataclass; faults are reported with
file and line.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from .chars import plain_line
from .problems import Problems
from .urls import make_slug
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
    # Data file -> (record reader, the folder its records' pages go in, the text their address is made from).
    readers = {
        "people.yaml": (_person, "people", lambda r: r.name),
        "topics.yaml": (_topic, "topics", lambda r: r.id),
        "places.yaml": (_place, "places", lambda r: r.name),
        "outlets.yaml": (_outlet, None, None),
    }
    loaded = {name: tuple(_read_records(data_dir / name, *rule, problems)) for name, rule in readers.items()}
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


def _read_records(path: Path, reader, folder: str | None, named, problems: Problems):
    """The good records of one data file; each bad one is reported with its line and skipped."""
    text = _read_text(path, problems)
    if text is None:
        return
    shown = str(path)
    data = parse_yaml(text, with_lines=True)
    if isinstance(data, YamlFailure):
        problems.error(shown, f"is {data.message}; until it is fixed, none of its records are used", line=data.line)
        return
    if data is None:
        return
    if not isinstance(data, list):
        problems.error(shown, "must be a list of records, each starting with '- '", line=1)
        return
    addresses: dict[str, tuple[str, int | None]] = {}
    for entry in data:
        if not isinstance(entry, dict):
            problems.error(shown, f"each record must be a mapping of key: value, not {str(entry)[:60]!r}", key="record")
            continue
        line = entry.pop(LINE_KEY, None)
        try:
            record = reader(entry)
        except _RecordError as exc:
            problems.error(shown, f"{exc}; this record is skipped until it is fixed", line=line, key=exc.key)
            continue
        if folder:
            address = f"{folder}/{make_slug(named(record))}/"
            if address in addresses:
                other, other_line = addresses[address]
                problems.error(shown, f"'{named(record)}' would have the same address {address} as '{other}' (line {other_line}): "
                               "if they are one, keep one record and list the other spelling under its aliases; if not, spell one differently", line=line)
                continue
            addresses[address] = (named(record), line)
        yield record


def _read_text(path: Path, problems: Problems) -> str | None:
    if not path.exists():
        return None
    try:
        return path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        problems.error(str(path), f"is not UTF-8 text (byte at offset {exc.start}): save it as UTF-8")
    except OSError as exc:
        problems.error(str(path), f"cannot be read ({exc.strerror})")
    return None


def _text(entry: dict, key: str, *, required: bool = True) -> str:
    value = entry.get(key)
    if value is None and not required:
        return ""
    text = plain_line(value) if isinstance(value, str) else ""
    if not text:
        raise _RecordError(key, f"'{key}' must be non-empty text, not {str(value)[:60]!r}")
    return text


def _texts(entry: dict, key: str) -> tuple[str, ...]:
    value = entry.get(key) or []
    texts = tuple(plain_line(v) for v in value if isinstance(v, str)) if isinstance(value, list) else ()
    if not isinstance(value, list) or len(texts) != len(value) or not all(texts):
        raise _RecordError(key, f"'{key}' must be a list of text, like [one, two]")
    return texts


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
    unknown = sorted(map(str, set(entry) - allowed))
    if unknown:
        raise _RecordError(unknown[0], f"unknown key(s) {', '.join(unknown)}; allowed: {', '.join(sorted(allowed))}")


def _person(entry: dict) -> PersonRecord:
    _check_keys(entry, {"name", "country", "aliases", "misspellings", "roles"})
    roles = []
    if not isinstance(entry.get("roles") or [], list):
        raise _RecordError("roles", "'roles' must be a list of mappings with title, from and to")
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
