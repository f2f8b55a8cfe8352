"""Which files of the last build can stay, and what each new one was made from.

A page is rendered again unless all three hold: its planned value (title,
description, context, chart and link data) and everything global (sitegen's
code, the templates, static files and settings) are as when it was made; every
model object and attribute its template read then is unchanged (depends.py);
and its file in the current site is as that build wrote it.

What changed in the model is found once, not page by page: the cache holds a
table of every read the last build's files made, with the state each had then
(one entry per read, whichever pages made it); the reads whose state differs
now are the changed ones, and a page is stale if it made one of them. Each file
names its reads by their numbers in the table, so the 3 million of them at
10,000 articles load as one small array a file. A share card is drawn again
unless what it says changed. Everything else (feeds, the sitemap, redirects,
the data files) is made every time, and written only where its bytes changed
(write.py).
"""

from __future__ import annotations

import json
from array import array
from dataclasses import dataclass, field
from typing import Iterable, Iterator

from . import cache
from .cache import FileStamp
from .depends import ModelIndex, RecordingEnvironment
from .render import Page, render_pages
from .shareimage import Card
from .urls import output_file


@dataclass(frozen=True)
class Made:
    """What one rendered file was made from, as a worker hands it back."""

    #: The hash of its planned value and of everything global.
    own: str
    #: The model objects and attributes it read (depends.ModelIndex.state keys).
    reads: tuple[str, ...] = ()


#: What a file was made from, as remembered: its own hash, and the numbers of its reads in the read table.
Record = tuple[str, array]
#: What the last build left: the read table, the state of each read then, each file's record,
#: and the size of the table when it was last renumbered.
Remembered = tuple[list[str], list[str], dict[str, Record], int]
#: The state remembered of a read whose object is gone: unlike any state, so it always counts as changed.
GONE = "\0gone"
#: The table keeps the reads of files since gone or made again (numbers never change while it grows);
#: it is renumbered, leaving them out, once it has grown by this much since the last time.
COMPACT_GROWTH = 1.25
_NO_READS = array("I")


@dataclass
class Renders:
    #: The last build's files: what each was made from.
    previous: dict[str, Record]
    #: The hash of everything global: code, templates, static files, settings.
    salt: str
    index: ModelIndex
    #: Files of the current site that are as the last build wrote them.
    present: dict[str, FileStamp]
    #: The read table: every read a file made, numbered by its place here.
    reads: list[str] = field(default_factory=list)
    #: The state of each read when it was last checked (depends.ModelIndex.state, or GONE).
    states: list[str] = field(default_factory=list)
    #: The size of the table when it was last renumbered (0: never).
    compacted: int = 0
    #: What this build's files were made from (kept ones included): the cache for the next build.
    records: dict[str, Record] = field(default_factory=dict)
    #: Files of the current site to keep as they are.
    kept: list[str] = field(default_factory=list)
    _planned: dict[str, tuple[str, set[str]]] = field(default_factory=dict)
    #: How many reads of the table the last build left (those after are new in this build).
    _known: int = 0
    _changed: set[int] | None = None
    _numbers: dict[str, int] | None = None

    @classmethod
    def remembered(cls, previous: object, **fields) -> Renders:
        """Renders of a build that starts from what the last one left (None, or anything else: nothing to reuse)."""
        if not (isinstance(previous, tuple) and len(previous) == 4):
            previous = ([], [], {}, 0)
        reads, states, records, compacted = previous
        return cls(previous=records, reads=reads, states=states, compacted=compacted, _known=len(reads), **fields)

    def reusable(self, page: Page, structured: dict | None) -> bool:
        """Whether the current site's file of `page` is what rendering it again would give.

        `page` is as planned, and `structured` its JSON-LD (render.with_structured): hashed as JSON text,
        which costs a tenth of flattening it with the page."""
        file = output_file(page.url)
        state, refs = self.index.value_state(page)
        own = cache.digest(self.salt, state, json.dumps(structured, ensure_ascii=False, sort_keys=True))
        self._planned[file] = (own, refs)
        made = self.previous.get(file)
        if made is None or made[0] != own or file not in self.present or not self.changed.isdisjoint(made[1]):
            return False
        self.records[file] = made
        self.kept.append(file)
        return True

    @property
    def changed(self) -> set[int]:
        """The numbers of the reads whose state is not what it was at the last build (an object gone included).

        Found once, in the build process: shared out among forked workers it took longer (2.9 s against
        2.1 s at 10,000 articles), since each worker writes to, and so copies, most of the model's memory
        as it reads it.
        """
        if self._changed is None:
            state, reads, states = self.index.state, self.reads, self.states
            self._changed = {number for number in range(self._known) if state(reads[number]) != states[number]}
            self.index.forget_states()  # some 40 MB at 10,000 articles; the few needed again are quick to make
        return self._changed

    def remember(self) -> Remembered:
        """What to cache for the next build: the read table with the state now of every read, and the records."""
        state = self.index.state
        for number in self.changed:
            now = state(self.reads[number])
            self.states[number] = GONE if now is None else now
        if not self.compacted:
            self.compacted = len(self.reads)
        elif len(self.reads) > COMPACT_GROWTH * self.compacted:
            self._compact()
        return self.reads, self.states, self.records, self.compacted

    def _compact(self) -> None:
        """Number again only the reads some file of this build made (in the same order)."""
        used = sorted(set().union(*(numbers for _, numbers in self.records.values())))
        renumbered = {old: new for new, old in enumerate(used)}
        self.reads = [self.reads[number] for number in used]
        self.states = [self.states[number] for number in used]
        self.records = {file: (own, array("I", map(renumbered.__getitem__, numbers))) for file, (own, numbers) in self.records.items()}
        self.compacted = len(self.reads)

    def reusable_card(self, file: str, card: Card) -> bool:
        """Whether the current site's share card `file` already says what `card` says."""
        made = (cache.digest(self.salt, card), _NO_READS)
        self.records[file] = made
        if self.previous.get(file) == made and file in self.present:
            self.kept.append(file)
            return True
        return False

    def render(self, pages: Iterable[Page], env: RecordingEnvironment) -> list[tuple[str, bytes, Made]]:
        """Each page's file, bytes and what it was made from (in a worker, or in the build process)."""
        rendered = []
        for page in pages:
            env.start()
            try:
                [(file, data)] = render_pages([page], env)
            finally:
                reads = env.stop()
            own, refs = self._planned[file]
            rendered.append((file, data, Made(own, tuple({*reads, *refs}))))
        return rendered

    def collect(self, outputs: Iterable[tuple]) -> Iterator[tuple[str, bytes]]:
        """The files of `outputs` as (file, bytes), noting what rendered pages were made from."""
        for output in outputs:
            if len(output) == 3:
                file, data, made = output
                self.records[file] = (made.own, array("I", sorted(map(self._number, made.reads))))
                yield file, data
            else:
                yield output

    def _number(self, read: str) -> int:
        """The number of `read` in the table, where it is added (with its state now) if it is new."""
        if self._numbers is None:
            self._numbers = {read: number for number, read in enumerate(self.reads)}
        number = self._numbers.get(read)
        if number is None:
            number = self._numbers[read] = len(self.reads)
            self.reads.append(read)
            now = self.index.state(read)
            self.states.append(GONE if now is None else now)
        return number
