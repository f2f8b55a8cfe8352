"""What each rendered file was made from, so that a rebuild renders only what changed.

A file's bytes follow from its template, the site's settings, the planned page
(title, description, context) and whatever the template reads from the model.
Those reads are recorded as the template runs: each attribute or item it takes
from a model object (a meeting, person, topic, place, year or article page, the
archive itself or its counts) names that object. The next build renders a file
again only where its planned page, or the state of an object it read, differs.
Recording what templates actually read, rather than guessing it from the
model, keeps this exact when a site's own template shows more than ours do.

An object's state is its own fields and properties, with the model objects it
refers to written as their addresses: a meeting's state changes when its date,
place, participants or summary change, not when one of its participants meets
someone else (the page shows that only by reading the participant, which is a
dependency of its own).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import hashlib
import io
import pickle
from pathlib import PurePath

import jinja2

from .article import Article
from .model import Archive, TextBlock


#: Between an object's key and an attribute name, in a recorded read.
SEP = "\x1f"


class ModelIndex:
    """Every model object by identity and by a stable key (its address), with states computed on demand."""

    def __init__(self, archive: Archive, counts: dict):
        self._objects: dict[str, object] = {"#archive": archive, "#counts": counts}
        for group in (archive.meetings, archive.people, archive.topics, archive.places, archive.years, archive.articles):
            for item in group:
                self._objects[item.url] = item
        # Identity -> key; the objects above stay alive for the whole build, so no id is reused.
        self._keys = {id(item): key for key, item in self._objects.items()}
        self._states: dict[str, str | None] = {}

    def key(self, item: object) -> str | None:
        return self._keys.get(id(item))

    def state(self, read: str) -> str | None:
        """The hash of what a read saw: a whole object ("key") or one attribute ("key SEP name"); None if gone."""
        if read in self._states:
            return self._states[read]
        key, _, attribute = read.partition(SEP)
        item = self._objects.get(key)
        if item is None:
            found = None
        elif not attribute:
            found = _hash(self._whole(key, item))
        else:
            try:
                value = item[attribute] if isinstance(item, dict) else getattr(item, attribute)
            except (AttributeError, KeyError):
                value = ("missing", attribute)
            # A method (person.role_on) may read anything of its object: it depends on all of it.
            if callable(value):
                found = self.state(key)
            elif type(value) in _PLAIN:  # most reads (a name, an address): the value is its own state,
                return repr(value)  # not kept: as quick to take again, and kept for every read it would fill a worker
            else:
                found = _hash(self._flat(value, set()))
        self._states[read] = found
        return found

    def forget_states(self) -> None:
        """Drop the states worked out so far (each is worked out again when asked for)."""
        self._states.clear()

    def value_state(self, value: object) -> tuple[str, set[str]]:
        """The hash of a planned value (a page, a feed) and the model objects it holds directly.

        Those objects are dependencies as a whole: Python code (a feed's entries)
        may read them on the template's behalf, unseen by the recording.
        """
        refs: set[str] = set()
        return _hash(self._flat(value, refs)), refs

    def _whole(self, key: str, item: object):
        """What a whole object is: the state of each of its fields and properties, each computed once
        (an attribute a template reads is its own read, with the same state)."""
        if isinstance(item, dict):
            return self._flat(item, set())
        names = _field_names(type(item)) + _properties(type(item))
        return (type(item).__name__, tuple([self.state(f"{key}{SEP}{name}") for name in names]))

    def _flat(self, value: object, refs: set[str]):
        """`value` as nested tuples of plain values, model objects replaced by their keys (added to `refs`).

        Called millions of times at ten thousand articles: the common types are tested first, by exact type.
        """
        kind = type(value)
        if kind in _PLAIN:
            return value
        key = self._keys.get(id(value))
        if key is not None:
            refs.add(key)
            return ("@", key)
        if kind is tuple or kind is list:
            return tuple([self._flat(v, refs) for v in value])
        if kind is TextBlock:  # some 150,000 at 10,000 articles: its links' people by key, with no call each
            links = []
            for start, end, person in value.links:
                links.append((start, end, self._keys[id(person)]))
                refs.add(links[-1][2])
            return ("TextBlock", value.kind, value.text, tuple(links))
        names = _FIELDS.get(kind)
        if names is not None:  # a dataclass met before (a participant, a topic mention)
            if kind is Article and value.fingerprint:  # an extracted article is what its fingerprint says (article.py)
                return ("Article", value.fingerprint)
            return (kind.__name__, tuple([self._flat(getattr(value, name), refs) for name in names]))
        if value is None or isinstance(value, (str, int, float, bool)):
            return value
        if isinstance(value, (list, tuple)):
            return tuple([self._flat(v, refs) for v in value])
        if isinstance(value, dict):
            return ("{", tuple([(self._flat(k, refs), self._flat(v, refs)) for k, v in value.items()]))
        if isinstance(value, (set, frozenset)):
            return ("set", tuple(sorted(repr(self._flat(v, refs)) for v in value)))
        if isinstance(value, (dt.date, PurePath, enum.Enum)):
            return repr(value)
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            _field_names(kind)
            return self._flat(value, refs)  # now a dataclass met before
        return repr(value)  # anything else: its repr (one holding an address never matches, so is always rendered)


#: Exactly these types are their own flat form (subclasses, such as Markup, take the longer way).
_PLAIN = frozenset({str, int, float, bool, type(None)})
_FIELDS: dict[type, tuple[str, ...]] = {}


def _field_names(cls: type) -> tuple[str, ...]:
    if cls not in _FIELDS:
        _FIELDS[cls] = tuple(f.name for f in dataclasses.fields(cls))
    return _FIELDS[cls]


_PROPERTIES: dict[type, tuple[str, ...]] = {}


def _properties(cls: type) -> tuple[str, ...]:
    """The properties of a model class: what templates read besides its fields (a meeting's title)."""
    if cls not in _PROPERTIES:
        _PROPERTIES[cls] = tuple(sorted({name for klass in cls.__mro__ for name, member in vars(klass).items() if isinstance(member, property)}))
    return _PROPERTIES[cls]


def _hash(value: object) -> str:
    """A hash of a flat value: its pickle, made without pickle's memo, so that equal values give equal bytes
    however their strings are shared. Three times quicker than hashing its repr where an article's text is in it."""
    out = io.BytesIO()
    pickler = pickle.Pickler(out, protocol=5)
    pickler.fast = True  # no memo: flat values hold no cycles
    pickler.dump(value)
    return hashlib.blake2b(out.getbuffer(), digest_size=16).hexdigest()


class RecordingEnvironment(jinja2.Environment):
    """A Jinja environment that notes every model object a template reads an attribute or item of.

    Templates reach model objects only through `getattr` and `getitem` (the
    attribute filters such as `selectattr` and `sort` use them too), so
    between `start()` and `stop()` these calls record each object and
    attribute read ("key SEP name"), for ModelIndex.state.
    """

    index: ModelIndex | None = None
    _reads: set[str] | None = None

    def start(self) -> None:
        self._reads = set()

    def stop(self) -> tuple[str, ...]:
        reads, self._reads = self._reads or set(), None
        return tuple(sorted(reads))

    def _note(self, item: object, name: object) -> None:
        if self._reads is not None and self.index is not None:
            key = self.index.key(item)
            if key is not None:
                self._reads.add(f"{key}{SEP}{name}" if isinstance(name, str) else key)

    def getattr(self, obj, attribute):
        self._note(obj, attribute)
        return super().getattr(obj, attribute)

    def getitem(self, obj, argument):
        self._note(obj, argument)
        return super().getitem(obj, argument)
