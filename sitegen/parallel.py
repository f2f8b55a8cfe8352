"""Extraction on every core: articles are independent, so they are shared out among processes.

The workers are forked from the build process, so the prepared Extractor is
inherited rather than sent to them; only article files go out and Articles
come back. Results keep the order of the files, so the build stays
deterministic however the work was shared.
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from typing import Sequence

from .article import Article
from .extract import Extractor
from .fields import read_declared
from .load import SourceFile
from .problems import Problem, Problems

#: Below this many articles a pool costs more than it saves.
MIN_ARTICLES_FOR_POOL = 400
CHUNK = 64

_extractor: Extractor | None = None


def extract_all(sources: Sequence[SourceFile], extractor: Extractor, problems: Problems, workers: int | None = None) -> list[Article]:
    """Every source extracted, in order; problems are added to `problems` in file order."""
    workers = workers if workers is not None else (os.cpu_count() or 1)
    if workers < 2 or len(sources) < MIN_ARTICLES_FOR_POOL or "fork" not in multiprocessing.get_all_start_methods():
        return [extractor.extract(s, read_declared(s, problems), problems) for s in sources]
    global _extractor
    _extractor = extractor  # inherited by the forked workers
    chunks = [sources[i : i + CHUNK] for i in range(0, len(sources), CHUNK)]
    with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork")) as pool:
        results = list(pool.map(_extract_chunk, chunks))
    articles = []
    for chunk_articles, chunk_problems in results:
        articles.extend(chunk_articles)
        problems.items.extend(chunk_problems)
    return articles


def _extract_chunk(sources: Sequence[SourceFile]) -> tuple[list[Article], list[Problem]]:
    problems = Problems()
    articles = [_extractor.extract(s, read_declared(s, problems), problems) for s in sources]
    return articles, problems.items
