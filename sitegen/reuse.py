"""Which files of the last build can stay, and what each new one was made from.

A page is rendered again unless all three hold: its planned value (title,
description, context, chart and link data) and everything global (sitegen's
code, the templates, static files and settings) are as when it was made; every
model object and attribute its template read then is unchanged (depends.py);
and its file in the current site is as that build wrote it. A share card is
drawn again unless what it says changed. Everything else (feeds, the sitemap,
redirects, the data files) is made every time, and written only where its
bytes changed (write.py).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field, replace
from typing import Iterable, Iterator

from . import cache
from .cache import FileStamp
from .depends import ModelIndex, RecordingEnvironment
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
    #: The hash of their states when it was made.
    seen: str = ""


@dataclass
class Renders:
    previous: dict[str, Made]
    #: The hash of everything global: code, templates, static files, settings.
    salt: str
    index: ModelIndex
    #: Files of the current site that are as the last build wrote them.
    present: dict[str, FileStamp]
    #: What this build's files were made from (kept ones included): the cache for the next build.
    records: dict[str, Made] = field(default_factory=dict)
    #: Files of the current site to keep as they are.
    kept: list[str] = field(default_factory=list)
    _planned: dict[str, tuple[str, set[str]]] = field(default_factory=dict)

    def reusable(self, page: Page) -> bool:
        """Whether the current site's file of `page` is what rendering it again would give."""
        file = output_file(page.url)
        state, refs = self.index.value_state(page)
        own = cache.digest(self.salt, state)
        self._planned[file] = (own, refs)
        made = self.previous.get(file)
        if made is None or made.own != own or file not in self.present or self.index.states(made.reads) != made.seen:
            return False
        self.records[file] = made
        self.kept.append(file)
        return True

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
            reads = tuple(sorted({*reads, *refs}))
            rendered.append((file, data, Made(own, reads, self.index.states(reads) or "")))
        return rendered

    def collect(self, outputs: Iterable[tuple]) -> Iterator[tuple[str, bytes]]:
        """The files of `outputs` as (file, bytes), noting what rendered pages were made from."""
        for output in outputs:
            if len(output) == 3:
                file, data, made = output
                # Pages read the same objects (one person, the counts...): with each read held once, not once a
                # page, the records take a tenth of the memory, and of the cache file (pickle writes a shared string once).
                self.records[file] = replace(made, reads=tuple([sys.intern(read) for read in made.reads]))
                yield file, data
            else:
                yield output

