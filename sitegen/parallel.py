"""Work on every core: extraction and rendering are shared out among forked processes.

Articles are independent, and so are pages once the model is built. The
workers are forked from the build process, so the prepared Extractor, the
model and the Jinja environment are inherited rather than sent to them; only
article files go out, and Articles or finished files come back. Results keep
their order, so the build stays deterministic however the work was shared.
"""

from __future__ import annotations

import collections
import ctypes
import ctypes.util
import gc
import multiprocessing
import os
import signal
from pathlib import Path
from concurrent.futures import ProcessPoolExecutor
from typing import Callable, Iterable, Iterator, Sequence

from .article import Article
from .extract import Extractor
from .fields import read_declared
from .load import SourceFile, read_article
from .problems import Problem, Problems

#: Below this many articles (or pages) a pool costs more than it saves.
MIN_ITEMS_FOR_POOL = 400
CHUNK = 64
#: Units of rendering queued a worker: enough to keep every worker busy while the build process writes.
AHEAD = 2

_extractor: Extractor | None = None


def extract_all(sources: Sequence[SourceFile], extractor: Extractor, problems: Problems, workers: int | None = None) -> list[Article]:
    """Every source extracted, in order; problems are added to `problems` in file order."""
    workers = workers if workers is not None else (os.cpu_count() or 1)
    if workers < 2 or len(sources) < MIN_ITEMS_FOR_POOL or "fork" not in multiprocessing.get_all_start_methods():
        return [extractor.extract(s, read_declared(s, problems), problems) for s in sources]
    global _extractor
    _extractor = extractor  # inherited by the forked workers
    chunks = [sources[i : i + CHUNK] for i in range(0, len(sources), CHUNK)]
    with _pool(workers) as pool:
        results = list(pool.map(_extract_chunk, chunks))
    articles = []
    for chunk_articles, chunk_problems in results:
        articles.extend(chunk_articles)
        problems.items.extend(chunk_problems)
    return articles


#: One article file's outcome: its extraction (None if it could not be read) and the problems found on the way.
Extracted = tuple[Article | None, list[Problem]]


def extract_files(files: Sequence[tuple[Path, str]], extractor: Extractor, workers: int | None = None) -> list[Extracted]:
    """Each (path, name) read and extracted, in order: reading is shared out with extraction, since it parses front matter."""
    workers = workers if workers is not None else (os.cpu_count() or 1)
    if workers < 2 or len(files) < MIN_ITEMS_FOR_POOL or "fork" not in multiprocessing.get_all_start_methods():
        return [_extract_file(path, name, extractor) for path, name in files]
    global _extractor
    _extractor = extractor  # inherited by the forked workers
    chunks = [files[i : i + CHUNK] for i in range(0, len(files), CHUNK)]
    with _pool(workers) as pool:
        return [outcome for chunk in pool.map(_extract_file_chunk, chunks) for outcome in chunk]


def _extract_file(path: Path, name: str, extractor: Extractor) -> Extracted:
    problems = Problems()
    source = read_article(path, name, problems)
    article = extractor.extract(source, read_declared(source, problems), problems) if source is not None else None
    return article, problems.items


def _extract_file_chunk(files: Sequence[tuple[Path, str]]) -> list[Extracted]:
    return [_extract_file(path, name, _extractor) for path, name in files]


def _pool(workers: int) -> ProcessPoolExecutor:
    """Forked workers that end with the build: a killed build must not leave them holding its lock."""
    return ProcessPoolExecutor(
        max_workers=workers, mp_context=multiprocessing.get_context("fork"), initializer=_die_with_parent, initargs=(os.getpid(),)
    )


def _die_with_parent(parent: int) -> None:
    """Ask Linux to kill this worker when the build process dies (prctl PR_SET_PDEATHSIG)."""
    libc_name = ctypes.util.find_library("c")
    if libc_name:
        ctypes.CDLL(libc_name, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the build died before the request took effect
        os._exit(1)


_PR_SET_PDEATHSIG = 1


def _extract_chunk(sources: Sequence[SourceFile]) -> tuple[list[Article], list[Problem]]:
    problems = Problems()
    articles = [_extractor.extract(s, read_declared(s, problems), problems) for s in sources]
    return articles, problems.items


#: A piece of rendering: when called, the files it makes as (output path, bytes), in a list or one at a time.
Unit = Callable[[], Iterable[tuple[str, bytes]]]
_units: Sequence[Unit] = ()


def render_all(units: Sequence[Unit], items: int, workers: int | None = None) -> Iterator[tuple[str, bytes]]:
    """The files of every unit, in unit order, made by forked workers where `items` (pages) are many enough."""
    workers = workers if workers is not None else (os.cpu_count() or 1)
    if workers < 2 or items < MIN_ITEMS_FOR_POOL or "fork" not in multiprocessing.get_all_start_methods():
        for unit in units:
            yield from unit()
        return
    global _units
    _units = units  # inherited by the forked workers
    # The model, shared with the workers as forked: left out of garbage collection until they are done, since
    # a collection in a worker writes to every object it visits, and so makes the worker a copy of every page of them.
    gc.freeze()
    try:
        yield from _render_in_pool(units, workers)
    finally:
        gc.unfreeze()


def _render_in_pool(units: Sequence[Unit], workers: int) -> Iterator[tuple[str, bytes]]:
    with _pool(workers) as pool:
        # A few units ahead of the caller, not all at once (as pool.map would): finished files wait in
        # memory until written, and workers render faster than one process writes (GBs at 10,000 articles).
        queued: collections.deque = collections.deque()
        for index in range(len(units)):
            queued.append(pool.submit(_run_unit, index))
            if len(queued) > AHEAD * workers:
                yield from queued.popleft().result()
        while queued:
            yield from queued.popleft().result()


def _run_unit(index: int) -> list[tuple[str, bytes]]:
    return list(_units[index]())  # a unit may make its files one at a time; they go back to the caller together


def in_slices(items: Sequence, make: Callable[[Sequence], Iterator[tuple[str, bytes]]], size: int = 200) -> list[Unit]:
    """Units that each make the files of `size` items."""
    return [lambda part=items[i : i + size]: list(make(part)) for i in range(0, len(items), size)]
