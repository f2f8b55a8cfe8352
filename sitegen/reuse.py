"""Which files of the last build can stay, and what each new one was made from.

A page is rendered again unless all three hold: its planned value (title,
description, context, chart and link data) and everything global (sitegen's
code, the templates, static files and settings) are as when it was made; every
model object and attribute its template read then is unchanged (depends.py);
and its file in the current site is as that build wrote it.

What changed in the model is found once, not page by page: the cache holds the
state each read had at the last build (`seen`, one entry per read, whichever
pages made it), the reads whose state differs now are the changed ones, and a
page is stale if it made one of them. A share card is
drawn again unless what it says changed. Everything else (feeds, the sitemap,
redirects, the data files) is made every time, and written only where its
bytes changed (write.py).
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from typing import Iterable, Iterator

from . import cache
from .cache import FileStamp
from .depends import ModelIndex, RecordingEnvironment
from .parallel import render_all
from .render import Page, render_pages
from .shareimage import Card
from .urls import output_file


@dataclass(frozen=True)
class Made:
    """What one file was made from."""

    #: The hash of its planned value and of everything global.
    own: str
    #: The model objects and attributes it read (depends.ModelIndex.state keys).
    reads: tuple[str, ...] = ()


#: What the last build's files were made from, and the state (depends.ModelIndex.state) of every read they made.
Remembered = tuple[dict[str, Made], dict[str, str]]
#: How many parts the reads are checked in, shared out among the cores.
SLICES = 8
#: The state remembered of a read whose object is gone: unlike any state, so it always counts as changed.
GONE = "\0gone"


@dataclass
class Renders:
    previous: dict[str, Made]
    #: The hash of everything global: code, templates, static files, settings.
    salt: str
    index: ModelIndex
    #: Files of the current site that are as the last build wrote them.
    present: dict[str, FileStamp]
    #: The state of every read of the `previous` files, when they were made; each one must be here.
    seen: dict[str, str] = field(default_factory=dict)
    #: What this build's files were made from (kept ones included): the cache for the next build.
    records: dict[str, Made] = field(default_factory=dict)
    #: Files of the current site to keep as they are.
    kept: list[str] = field(default_factory=list)
    _planned: dict[str, tuple[str, set[str]]] = field(default_factory=dict)
    _changed: set[str] | None = None

    @classmethod
    def remembered(cls, previous: Remembered | None, **fields) -> Renders:
        """Renders of a build that starts from what the last one left (None: nothing to reuse)."""
        records, seen = previous if previous is not None else ({}, {})
        return cls(previous=records, seen=seen, **fields)

    def reusable(self, page: Page, structured: dict | None) -> bool:
        """Whether the current site's file of `page` is what rendering it again would give.

        `page` is as planned, and `structured` its JSON-LD (render.with_structured): hashed as JSON text,
        which costs a tenth of flattening it with the page."""
        file = output_file(page.url)
        state, refs = self.index.value_state(page)
        own = cache.digest(self.salt, state, json.dumps(structured, ensure_ascii=False, sort_keys=True))
        self._planned[file] = (own, refs)
        made = self.previous.get(file)
        if made is None or made.own != own or file not in self.present or not self.changed.isdisjoint(made.reads):
            return False
        self.records[file] = made
        self.kept.append(file)
        return True

    @property
    def changed(self) -> set[str]:
        """The reads whose state is not what it was at the last build (an object gone included): found once,
        on every core (each state is a hash of what was read, and there are some 200,000 at 10,000 articles)."""
        if self._changed is None:
            seen = list(self.seen.items())
            size = -(-len(seen) // SLICES) or 1
            units = [lambda part=seen[i : i + size]: self._differing(part) for i in range(0, len(seen), size)]
            self._changed = set(render_all(units, items=len(seen)))
        return self._changed

    def _differing(self, seen: list[tuple[str, str]]) -> list[str]:
        state = self.index.state
        return [read for read, before in seen if state(read) != before]

    def remember(self) -> Remembered:
        """What to cache for the next build: the records, and the state now of every read they made."""
        # Reads not changed have the state they had; kept files made none of the changed ones, and
        # the reads of rendered files are added below.
        seen = {read: before for read, before in self.seen.items() if read not in self.changed}
        kept = set(self.kept)
        state = self.index.state
        for file, made in self.records.items():
            if file not in kept:
                for read in made.reads:
                    if read not in seen:
                        now = state(read)
                        seen[read] = GONE if now is None else now
        return self.records, seen

    def reusable_card(self, file: str, card: Card) -> bool:
        """Whether the current site's share card `file` already says what `card` says."""
        made = Made(cache.digest(self.salt, card))
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
            rendered.append((file, data, Made(own, tuple(sorted({*reads, *refs})))))  # interned by collect, where they stay
        return rendered

    def collect(self, outputs: Iterable[tuple]) -> Iterator[tuple[str, bytes]]:
        """The files of `outputs` as (file, bytes), noting what rendered pages were made from."""
        for output in outputs:
            if len(output) == 3:
                file, data, made = output
                self.records[file] = Made(made.own, _interned(made.reads))
                yield file, data
            else:
                yield output


def _interned(reads: Iterable[str]) -> tuple[str, ...]:
    """`reads` as one shared string each: the cache then stores each read once, not once a page (200 MB -> 50 MB at 10,000 articles)."""
    return tuple(map(sys.intern, reads))
