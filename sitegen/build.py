"""The build, in one sitting: load -> extract -> model -> render -> write."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from itertools import chain

from .config import Config
from .extract import Extractor
from .fields import read_declared
from .load import read_sources
from .model import build_archive
from .problems import BuildFailed, Problem, Problems
from .refdata import load_reference_data
from .render import make_environment, plan_pages, render_documents, render_pages
from .search import index_site
from .shareimage import share_images
from .theme import search_path, static_files
from .write import check_output_dir, write_site

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class BuildSummary:
    articles: int
    meetings: int
    people: int
    topics: int
    places: int
    pages: int
    files: int
    seconds: float
    warnings: list[Problem] = field(default_factory=list)


def build(config: Config, *, strict: bool = False) -> BuildSummary:
    """Build the site described by `config`; raise BuildFailed (site untouched) on errors."""
    started = time.perf_counter()
    problems = Problems()
    content_dir, out_dir = config.path(config.content_dir), config.path(config.output_dir)
    check_output_dir(out_dir, protected=[config.root, content_dir, config.path(config.data_dir)])

    # 1. Load: reference data and every article file.
    data = load_reference_data(config.path(config.data_dir), problems)
    sources = read_sources(content_dir, problems)
    _stage("load", started, f"{len(sources)} articles")

    # 2. Extract: declared front matter first, the rest from the text.
    extractor = Extractor(data)
    articles = [extractor.extract(s, read_declared(s, problems), problems) for s in sources]
    _stage("extract", started, f"{sum(len(a.meetings) for a in articles)} meeting reports")

    # 3. Model: merge meetings, link everything, fix every address.
    archive = build_archive(articles, data, problems)
    _stage("model", started, f"{len(archive.meetings)} meetings")
    if problems.errors or (strict and problems.warnings):
        raise BuildFailed(problems.errors + (problems.warnings if strict else []))

    # 4. Render every page, feed and share image, then 5. write them as the new site
    # in one swap, indexed for search before it replaces the old one.
    static = static_files(config.root)
    env = make_environment(search_path(config.root, "templates"), config, archive, static)
    pages = plan_pages(archive, config)
    outputs = chain(render_pages(pages, env), render_documents(pages, env), share_images(archive, config))
    files = write_site(out_dir, outputs, static, before_swap=index_site)
    _stage("render+write", started, f"{files} files")

    return BuildSummary(
        articles=len(articles),
        meetings=len(archive.meetings),
        people=len(archive.people),
        topics=len(archive.topics),
        places=len(archive.places),
        pages=len(pages),
        files=files,
        seconds=time.perf_counter() - started,
        warnings=problems.warnings,
    )


def _stage(name: str, started: float, what: str) -> None:
    log.info("%-12s %6.2fs  %s", name, time.perf_counter() - started, what)
