"""The build, in one sitting: load -> extract -> model -> render -> write."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from pathlib import Path

from .config import Config
from .export import export_files
from .extract import Extractor
from .keepgoing import build_archive_skipping, skippable
from .load import read_sources
from .lock import output_lock
from .manifest import MANIFEST_FILE, read_manifest, write_manifest
from .model import Archive, build_archive
from .parallel import extract_all, in_slices, render_all
from .problems import BuildFailed, Problem, Problems
from .progress import Progress
from .redirects import Redirect, plan_links, published_entries, redirect_pages
from .refdata import DATA_FILES, load_reference_data
from .render import make_environment, plan_pages, render_documents, render_pages
from .search import index_site
from .shareimage import meeting_images, site_image
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
    #: With keep_going: the errors of what was left out (articles, data records).
    skipped: list[Problem] = field(default_factory=list)
    #: Every redirect at an earlier address; `changed` ones were made or moved by this build.
    redirects: list[Redirect] = field(default_factory=list)
    #: The linked archive the site was built from (for `sitegen check`).
    archive: Archive | None = field(default=None, repr=False, compare=False)


def build(config: Config, *, strict: bool = False, keep_going: bool = False,
          progress: Progress | None = None, publish: bool = True) -> BuildSummary:
    """Build the site described by `config`; raise BuildFailed (site untouched) on errors.

    `strict`: warnings fail the build too. `keep_going`: leave out articles and
    data records with errors and build the rest (they are listed in the summary).
    `progress` hears of each stage and file. `publish=False` builds a preview
    (`sitegen serve`, `sitegen check`): the URL manifest is read for its
    redirects but not written, since nothing built is published.
    """
    content_dir, data_dir, out_dir = config.path(config.content_dir), config.path(config.data_dir), config.path(config.output_dir)
    check_output_dir(out_dir, protected=[config.root, content_dir, data_dir], sources=[content_dir, data_dir])
    progress = progress or Progress()
    try:
        with output_lock(out_dir):  # one build at a time per site, released however this one ends
            return _build(config, content_dir, data_dir, out_dir, strict=strict, keep_going=keep_going, progress=progress, publish=publish)
    finally:
        progress.done()


def _build(config: Config, content_dir: Path, data_dir: Path, out_dir: Path, *, strict: bool, keep_going: bool,
           progress: Progress, publish: bool) -> BuildSummary:
    started = time.perf_counter()
    problems = Problems()

    # 1. Load: reference data and every article file.
    data = load_reference_data(data_dir, problems)
    sources = read_sources(content_dir, problems)
    _stage("load", started, f"{len(sources)} articles")
    progress.stage("extract", f"{len(sources)} articles")

    # 2. Extract: declared front matter first, the rest from the text.
    articles = extract_all(sources, Extractor(data), problems)
    _stage("extract", started, f"{sum(len(a.meetings) for a in articles)} meeting reports")

    # 3. Model: merge meetings, link everything, fix every address (with keep_going, without the articles in error).
    archive = build_archive_skipping(articles, data, problems) if keep_going else build_archive(articles, data, problems)
    pages = plan_pages(archive, config)
    _stage("model", started, f"{len(archive.meetings)} meetings")

    # Every address published before keeps answering: a redirect where its page moved.
    manifest = content_dir / MANIFEST_FILE
    links = plan_links(read_manifest(manifest, problems), published_entries(pages, archive), data.people, str(manifest), problems)
    data_files = {str(data_dir / name) for name in DATA_FILES}
    skipped = [p for p in problems.errors if keep_going and skippable(p, data_files)]
    fatal = [p for p in problems.errors if p not in skipped]
    if fatal or (strict and (problems.warnings or skipped)):
        raise BuildFailed(problems.errors + (problems.warnings if strict else []))

    # 4. Render every page, feed and share image, then 5. write them as the new site
    # in one swap, indexed for search before it replaces the old one.
    static = static_files(config.root)
    env = make_environment(search_path(config.root, "templates"), config, archive, static)
    # Pages and pictures are independent once the model exists: rendered on every core.
    outputs = render_all([
        *in_slices(pages, lambda part: render_pages(part, env)),
        lambda: list(render_pages(redirect_pages(links, pages), env)),
        lambda: list(render_documents(pages, env)),
        lambda: [site_image(archive, config)],
        lambda: export_files(archive, config),  # data/: the archive as JSON and CSV
        *in_slices(archive.meetings, lambda part: meeting_images(part, config), size=50),
    ], items=len(pages))
    # About that many files: every page, a share image a meeting, a feed a person and a topic.
    outputs = progress.track(outputs, "files", total=len(pages) + len(archive.meetings) + len(archive.people) + len(archive.topics), stage="render")

    def before_swap(staging: Path) -> None:
        progress.stage("search index")
        index_site(staging, previous=out_dir)
        # Order matters: the manifest records the new addresses before they go live, so none is ever
        # published unrecorded (a build killed in between only leaves a harmless extra redirect later).
        if publish:
            write_manifest(manifest, links.manifest)

    files = write_site(out_dir, outputs, static, before_swap=before_swap)
    _stage("render+write", started, f"{files} files")

    return BuildSummary(
        articles=len(archive.articles),
        meetings=len(archive.meetings),
        people=len(archive.people),
        topics=len(archive.topics),
        places=len(archive.places),
        pages=len(pages),
        files=files,
        seconds=time.perf_counter() - started,
        warnings=problems.warnings,
        skipped=skipped,
        redirects=links.redirects,
        archive=archive,
    )


def _stage(name: str, started: float, what: str) -> None:
    log.info("%-12s %6.2fs  %s", name, time.perf_counter() - started, what)
