"""Links that never break: every address published before keeps answering.

The build compares the addresses it is about to publish with the manifest of
those it published before (`manifest.py`). An address that would disappear
gets a redirect page to its successor:

- a meeting: the meeting now built from the same source article(s), the one
  sharing the most of them (its date or participants were corrected);
- a person: the person whose record in people.yaml lists the old name among
  its aliases or misspellings (they were renamed);
- an article, topic, place or year: the page built from the same source file,
  id, name or year.

Failing that, a redirect an editor wrote into the manifest is kept; and failing
that, the address redirects to the list of its kind, with a warning (which
fails --strict), once: the manifest then records that redirect.

A year or month page of a long list (sitegen/parts.py) that is no longer built
had its meetings merged back into the page above it (the list got shorter):
it redirects there, without a warning, or where that page moved, to the same
year there when it is built.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, replace

from .manifest import Entry, Redirect
from .model import Archive
from .problems import Problems
from .refdata import PersonRecord
from .render import Page

#: The list page a vanished address of each kind falls back to.
SECTION_OF = {"meeting": "meetings/", "person": "people/", "topic": "topics/", "place": "places/",
              "year": "years/", "article": "articles/"}


@dataclass(frozen=True)
class LinkPlan:
    #: The manifest to write: every address built now, and every earlier one with its redirect.
    manifest: dict[str, Entry]
    redirects: list[Redirect]


def published_entries(pages: list[Page], archive: Archive) -> dict[str, Entry]:
    """The manifest entry of every page this build publishes, with what it is built from."""
    built_from: dict[str, tuple[str, ...]] = {}
    for meeting in archive.meetings:
        built_from[meeting.url] = tuple(sorted({s.article.name for s in meeting.sources}))
    for person in archive.people:
        built_from[person.url] = (person.name,)
    for topic in archive.topics:
        built_from[topic.url] = (topic.id,)
    for place in archive.places:
        built_from[place.url] = (place.name,)
    for year in archive.years:
        built_from[year.url] = (str(year.year),)
    for item in archive.articles:
        built_from[item.url] = (item.article.name,)
    # 404.html is served at any missing address; it is not an address of its own.
    return {p.url: Entry(p.url, p.kind, built_from.get(p.url, ())) for p in pages if not p.absolute_links}


def plan_links(earlier: dict[str, Entry], now: dict[str, Entry], people: tuple[PersonRecord, ...],
               manifest_name: str, problems: Problems) -> LinkPlan:
    """Where each earlier address that is no longer built now leads; warnings for those with no successor."""
    finder = _Successors(now, people)
    manifest = dict(now)
    redirects = []
    for url, entry in sorted(earlier.items()):
        if url in now:
            continue
        target = finder.successor(entry) or _follow(entry.target, earlier, now, finder, {url})
        if target is None and entry.kind == "part":
            target = _enclosing(url, manifest)  # earlier addresses run in sorted order: those above it are settled
        if target is None:
            target = SECTION_OF.get(entry.kind, "")
            what = f"{entry.kind} built from {', '.join(entry.built_from)}" if entry.built_from else entry.kind
            problems.warning(
                manifest_name,
                f"/{url} ({what}) is no longer built and nothing replaces it: it now redirects to /{target}. "
                "To send it somewhere better, put that address in its third column",
                line=entry.line,
            )
        manifest[url] = replace(entry, target=target)
        redirects.append(Redirect(url, target, entry.kind, changed=target != entry.target))
    return LinkPlan(manifest, redirects)


def redirect_pages(plan: LinkPlan, pages: list[Page]) -> list[Page]:
    """A page at each redirected address, sending the reader on to the new one."""
    titles = {p.url: p.title for p in pages}
    return [
        Page(r.old, "redirect.html", "redirect", titles.get(r.new, "the archive"),
             f"This page has moved to {titles.get(r.new, 'a new address')}.", {"target": r.new})
        for r in plan.redirects
    ]


def _enclosing(url: str, manifest: dict[str, Entry]) -> str | None:
    """The nearest address above `url` that still answers, or where it moved (to the same year or month there, if built)."""
    steps = url.rstrip("/").split("/")
    for cut in range(len(steps) - 1, 0, -1):
        above, rest = "/".join(steps[:cut]) + "/", "/".join(steps[cut:]) + "/"
        entry = manifest.get(above)
        if entry is None:
            continue
        if entry.target is None:
            return above
        same = manifest.get(entry.target + rest)
        return same.url if same and same.target is None else entry.target
    return None


def _follow(target: str | None, earlier: dict[str, Entry], now: dict[str, Entry], finder: _Successors, seen: set[str]) -> str | None:
    """The page an earlier redirect leads to now, through any chain of later redirects."""
    while target is not None and target not in now:
        if target in seen or target not in earlier:
            return None
        seen.add(target)
        entry = earlier[target]
        found = finder.successor(entry)
        if found:
            return found
        target = entry.target
    return target


class _Successors:
    """The rules that find what replaces an address, per kind of page."""

    def __init__(self, now: dict[str, Entry], people: tuple[PersonRecord, ...]):
        self._by_kind: dict[str, list[Entry]] = {}
        #: Meetings by each source article, so a moved meeting is compared only with those sharing one.
        self._meetings_from: dict[str, list[Entry]] = {}
        for entry in now.values():
            self._by_kind.setdefault(entry.kind, []).append(entry)
            if entry.kind == "meeting":
                for source in entry.built_from:
                    self._meetings_from.setdefault(source, []).append(entry)
        self._renamed: dict[str, set[str]] = {}
        for record in people:
            for alias in record.aliases:
                self._renamed.setdefault(alias.casefold(), set()).add(record.name)

    def successor(self, old: Entry) -> str | None:
        candidates = self._by_kind.get(old.kind, [])
        if not old.built_from:
            return None
        if old.kind == "meeting":
            sharing = {e.url: e for source in old.built_from for e in self._meetings_from.get(source, [])}
            return self._meeting(old, list(sharing.values()))
        if old.kind == "person":
            names = {old.built_from[0], *self._renamed.get(old.built_from[0].casefold(), ())}
            return next((e.url for e in candidates if e.built_from and e.built_from[0] in names), None)
        return next((e.url for e in candidates if e.built_from == old.built_from), None)

    @staticmethod
    def _meeting(old: Entry, candidates: list[Entry]) -> str | None:
        """The meeting built from most of the same articles; ties go to the same people, then the closest address."""
        sources = set(old.built_from)
        people = old.url.rstrip("/").split("/")[-1][len("YYYY-MM-DD-"):]
        scored = [
            (len(sources & set(e.built_from)), e.url.rstrip("/").endswith(people),
             difflib.SequenceMatcher(None, old.url, e.url).ratio(), e.url)
            for e in candidates
        ]
        best = min((s for s in scored if s[0] > 0), default=None, key=lambda s: (-s[0], not s[1], -s[2], s[3]))
        return best[3] if best else None
