"""Full-text search: a Pagefind index of the finished pages, in shards, made before the new site is swapped in.

Pagefind (the `pagefind-bin` package ships its binary) reads the written HTML:
only pages marked `data-pagefind-body` (meetings, people, topics, places,
articles) are indexed, and each page's `data-pagefind-filter` elements give the
person, topic and year filters.

The index is cut into shards, so that no Pagefind run holds the whole site in
memory and a rebuild indexes again only the shards whose pages changed:

- a meeting or article page goes to the shard of its year, read from the page's
  own year filter (a meeting's date, an article's publication), or to
  `undated` where it has none;
- every other indexed page (people, topics, places) goes to `directory`;
- a shard with more than SHARD_BYTES of pages is cut into parts (`2023-1`,
  `2023-2`, ...) by a stable hash of each page's address.

Each shard is indexed on its own, by a Pagefind run over the site that a glob
limits to the shard's pages, so results point at the pages themselves. The first shard
(the directory, where there is one) is the primary bundle in `pagefind/`; each
other one is in `pagefind/<shard>/`, named in `pagefind/shards.json`, and
static/search.js merges them into the primary (Pagefind's mergeIndex). All of
it is fetched by relative address, so it works under any sub-path.
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import os
import re
import shutil
import subprocess
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

from .cache import FileStamp
from .problems import BuildFailed, Problem

log = logging.getLogger(__name__)

#: The folder of the search bundles, relative to the site root: the primary shard's bundle.
BUNDLE = "pagefind"
#: Inside each shard's bundle: the fingerprint of the pages it was made from.
FINGERPRINT = "pages.sha256"
#: Inside the primary bundle: its shard's name and the names of the others' bundles, to merge into it.
MANIFEST = "shards.json"
#: The shard of the indexed pages that are not dated: people, topics, places.
DIRECTORY = "directory"
#: The shard of meetings and articles without a year.
UNDATED = "undated"
#: The sections whose pages go to the shard of their year.
DATED_SECTIONS = ("meetings", "articles")
#: Most HTML in one shard (bytes). Pagefind's memory grows with what it indexes: a run over
#: 15 MB of pages peaks near 190 MB, over the 320 MB of a 10,000-article archive near 3.9 GB.
SHARD_BYTES = 16_000_000
#: Pagefind runs at a time, each holding its shard in memory. A run keeps about one core busy (a
#: 700-page shard: 0.5 s user, 0.5-0.7 s system, 1.1-1.3 s wall on 2 cores or pinned to one), so two
#: shards at once take 2.4 s where one after the other take 2.9 s, measured on a loaded machine.
JOBS = 2
#: Seconds one Pagefind run may take; it indexes a few thousand pages in seconds.
TIMEOUT = 600
#: How Pagefind is run, besides its folders and pages (part of every fingerprint, as its version is).
PAGEFIND_CONFIG = {"keep_index_url": True, "silent": True}
#: Inside the new site while it is indexed: each shard's Pagefind config and bundle.
WORK = ".search-shards"

_BODY = b"data-pagefind-body"
_YEAR = re.compile(rb'data-pagefind-filter="year(?::([^"]*))?"[^>]*>([^<]*)')


@dataclass
class Shard:
    """One part of the index: its name and the digest of each of its pages (by site path)."""

    name: str
    pages: dict[str, str] = field(default_factory=dict)

    @functools.cached_property
    def fingerprint(self) -> str:
        """A hash of what the bundle is made from: the pages (address and bytes), Pagefind and its options."""
        digest = hashlib.sha256(f"{self.name}\0{_pagefind_version()}\0{json.dumps(PAGEFIND_CONFIG)}\0".encode())
        for page in sorted(self.pages):
            digest.update(f"{page}\0{self.pages[page]}\0".encode())
        return digest.hexdigest()


#: Site path of a page -> (SHA-256 of its bytes, its shard or None): what a build learnt of its pages, for the next one.
ShardTable = dict[str, tuple[str, str | None]]


def index_site(site: Path, previous: Path | None = None, written: dict[str, FileStamp] | None = None,
               known: ShardTable | None = None) -> ShardTable:
    """Write the Pagefind bundles for the pages in `site`; BuildFailed if Pagefind fails.

    A shard whose pages are exactly those the `previous` site indexed for it is
    copied from there instead: Pagefind writes its filter index in a different
    order on every run, so reusing it keeps consecutive builds of the same input
    byte-identical (and saves the indexing time). `written` and `known`: see
    plan_shards. Returns the shard of every page, to be `known` next time.
    """
    started = time.perf_counter()
    table: ShardTable = {}
    shards = plan_shards(site, written, known, table)
    folders = {shard.name: _bundle_folder(shard.name, primary=i == 0) for i, shard in enumerate(shards)}
    # `site` is often the spare site being brought up to date (write.py): its bundles of
    # unchanged shards stay where they are, which saves deleting and linking again
    # thousands of files; the others are copied from the previous site or made anew.
    in_place = {s.name for s in shards if _can_reuse(site / folders[s.name], s)}
    reused = {s.name for s in shards if s.name not in in_place and previous is not None and _can_reuse(previous / folders[s.name], s)}
    work = site / WORK
    shutil.rmtree(work, ignore_errors=True)  # left by a build killed while indexing (the spare site is reused, see write.py)
    kept = _clear_bundles(site, {folders[name] for name in in_place}, work / "kept")
    try:
        _run_pagefind(site, work, [s for s in shards if s.name not in reused | in_place])
        # Order matters: the primary bundle is the folder the other bundles go into.
        for shard in shards:
            target = site / folders[shard.name]
            if shard.name in in_place:
                if target.parent != site and not target.exists():
                    os.rename(kept[folders[shard.name]], target)  # set aside while the primary was replaced
            elif shard.name in reused:
                old = previous / folders[shard.name]
                # Linked, not copied: neither site's bundle is ever written into, only replaced whole.
                shutil.copytree(old, target, ignore=functools.partial(_other_bundles, old), symlinks=False, copy_function=_link_file)
            else:
                os.rename(work / shard.name / BUNDLE, target)
                (target / FINGERPRINT).write_text(shard.fingerprint + "\n", encoding="utf-8")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if shards:
        manifest = {"primary": shards[0].name, "shards": [s.name for s in shards[1:]]}
        (site / BUNDLE / MANIFEST).unlink(missing_ok=True)  # replaced, never written into
        (site / BUNDLE / MANIFEST).write_text(json.dumps(manifest) + "\n", encoding="utf-8")
    indexed = [s.name for s in shards if s.name not in reused | in_place]
    log.info("search index: %d shards, %d indexed (%s), %d reused, %d kept in place, in %.2fs",
             len(shards), len(indexed), " ".join(indexed) or "none", len(reused), len(in_place), time.perf_counter() - started)
    return table


def plan_shards(site: Path, written: dict[str, FileStamp] | None = None, known: ShardTable | None = None,
                table: ShardTable | None = None) -> list[Shard]:
    """The shards of the indexed pages in `site`: `directory` first, then each year in order, then `undated`.

    A group of pages holding more than SHARD_BYTES of HTML is cut into parts by a
    stable hash of each page's address (`2023-1`, `2023-2`, ...): an edit still
    changes one part, and no Pagefind run holds more than about a part's worth.

    `written`: the stamps of every file of `site` as the build wrote them (write.py), whose
    hashes and sizes are the pages'; only a page not `known` with the same hash is read
    for its shard. Without it, every page in `site` is read. `table` is filled with each page's
    hash and shard.
    """
    known = known or {}
    table = {} if table is None else table
    groups: dict[str, dict[str, tuple[str, int]]] = {}  # group -> page -> (digest, size)
    for page, digest, size, group in _pages(site, written, known):
        table[page] = (digest, group)
        if group is not None:
            groups.setdefault(group, {})[page] = (digest, size)
    shards = []
    for group in sorted(groups, key=lambda g: (g != DIRECTORY, g == UNDATED, g.zfill(8))):
        pages = groups[group]
        parts = -(-sum(size for _, size in pages.values()) // SHARD_BYTES)
        cut = [Shard(group if parts == 1 else f"{group}-{part + 1}") for part in range(parts)]
        for page, (digest, _) in pages.items():
            cut[int(hashlib.sha256(page.encode()).hexdigest(), 16) % parts].pages[page] = digest
        shards += [shard for shard in cut if shard.pages]
    return shards


def _pages(site: Path, written: dict[str, FileStamp] | None, known: ShardTable):
    """(site path, digest, size, shard or None) of every HTML page of `site` but the index's own."""
    if written is None:
        found = ((path.relative_to(site).as_posix(), None) for path in sorted(site.rglob("*.html")))
    else:
        found = ((page, stamp) for page, stamp in sorted(written.items()) if page.endswith(".html"))
    for page, stamp in found:
        if page.startswith((f"{BUNDLE}/", f"{WORK}/")):
            continue
        remembered = known.get(page)
        if stamp is not None and stamp.sha and remembered is not None and remembered[0] == stamp.sha:
            yield page, stamp.sha, stamp.size, remembered[1]
            continue
        html = (site / page).read_bytes()
        yield page, hashlib.sha256(html).hexdigest(), len(html), shard_of(page, html)


def shard_of(page: str, html: bytes) -> str | None:
    """The shard of the page at site path `page`, or None where Pagefind leaves it out (no data-pagefind-body)."""
    body = html.find(_BODY)
    if body < 0:
        return None
    if page.split("/", 1)[0] not in DATED_SECTIONS:
        return DIRECTORY
    found = _YEAR.search(html, body)  # the first year filter of the page's text
    year = (found.group(1) or found.group(2)).strip() if found else b""
    return year.decode("ascii") if year.isdigit() else UNDATED


def _bundle_folder(name: str, *, primary: bool) -> str:
    return BUNDLE if primary else f"{BUNDLE}/{name}"


def _can_reuse(old: Path, shard: Shard) -> bool:
    recorded = old / FINGERPRINT
    if old.is_symlink() or not recorded.is_file():
        return False
    return recorded.read_text(encoding="utf-8").strip() == shard.fingerprint


def _clear_bundles(site: Path, keep: set[str], aside: Path) -> dict[str, Path]:
    """Remove every bundle of `site` but those at the folders `keep`; return where kept ones were set aside.

    A kept bundle nested in a primary that goes is moved to `aside` first, to be put
    back in the new primary. A bundle loses its fingerprint before the rest of it, so
    one half removed by a killed build is never taken for whole.
    """
    bundle = site / BUNDLE
    if not bundle.is_dir():
        return {}
    moved = {}
    nested = [child for child in bundle.iterdir() if child.is_dir() and (child / FINGERPRINT).is_file()]
    for child in nested:
        folder = f"{BUNDLE}/{child.name}"
        if folder not in keep:
            _remove_bundle(child)
        elif BUNDLE not in keep:
            aside.mkdir(parents=True, exist_ok=True)
            moved[folder] = aside / child.name
            os.rename(child, moved[folder])
    if BUNDLE not in keep:
        _remove_bundle(bundle)
    return moved


def _remove_bundle(folder: Path) -> None:
    (folder / FINGERPRINT).unlink(missing_ok=True)
    shutil.rmtree(folder)


def _other_bundles(bundle: Path, folder: str, names: list[str]) -> list[str]:
    """What a copy of the primary `bundle` leaves out: the manifest and the bundles of the other shards."""
    if Path(folder) != bundle:
        return []
    return [n for n in names if n == MANIFEST or (bundle / n / FINGERPRINT).is_file()]


def _run_pagefind(site: Path, work: Path, shards: list[Shard]) -> None:
    """Index each of `shards` into `work/<shard>/pagefind`, JOBS at a time; BuildFailed naming every shard that failed."""
    if not shards:
        return
    pagefind = _pagefind()
    with ThreadPoolExecutor(max_workers=JOBS) as pool:
        problems = [p for p in pool.map(lambda shard: _index_shard(pagefind, site, work / shard.name, shard), shards) if p]
    if problems:
        raise BuildFailed(problems)


def _index_shard(pagefind: Path, site: Path, folder: Path, shard: Shard) -> Problem | None:
    """Run Pagefind over the shard's pages where they are, chosen by a glob naming each; a Problem if it fails.

    The glob goes in a config file in the run's own folder (a command line caps one
    argument at 128 KB). Pagefind walks only the folders the glob's paths name, so a
    shard of a thousand pages costs no more to find than a folder holding just them.
    """
    started = time.perf_counter()
    folder.mkdir(parents=True, exist_ok=True)
    config = {"site": str(site.resolve()), "glob": "{" + ",".join(map(_glob_literal, sorted(shard.pages))) + "}",
              "output_path": str((folder / BUNDLE).resolve()), **PAGEFIND_CONFIG}
    (folder / "pagefind.json").write_text(json.dumps(config), encoding="utf-8")
    try:
        result = subprocess.run([str(pagefind)], cwd=folder, capture_output=True, text=True, timeout=TIMEOUT)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return Problem("search index", f"could not run Pagefind: {exc}")
    if result.returncode != 0 or not (folder / BUNDLE / "pagefind.js").exists():
        detail = (result.stderr or result.stdout).strip() or f"exit status {result.returncode}"
        return Problem("search index", f"Pagefind failed on the {shard.name} shard: {detail}")
    log.debug("search shard %s: %d pages in %.2fs", shard.name, len(shard.pages), time.perf_counter() - started)
    return None


def _glob_literal(page: str) -> str:
    """`page` as a glob that matches only itself."""
    return re.sub(r"([\\{}\[\]*?,])", r"\\\1", page)


def _link_file(source: str, target: str) -> None:
    """copytree's copy_function: a hard link where the file system allows it."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)


@functools.cache
def _pagefind_version() -> str:
    try:
        return metadata.version("pagefind-bin")
    except metadata.PackageNotFoundError:
        return "unknown"


def _pagefind() -> Path:
    try:
        import pagefind_bin
        return pagefind_bin.get_executable()
    except (ImportError, FileNotFoundError) as exc:
        raise BuildFailed([Problem("search index", f"the Pagefind binary is missing ({exc}): pip install pagefind-bin")]) from exc
