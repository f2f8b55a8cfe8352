"""The build, in one sitting: load -> extract -> model -> render -> write.

This module decides whether there is anything to do: a rebuild whose inputs,
options and site are as the last build left them returns at once, without
loading the stages (pipeline.py), whose imports alone cost more than the check.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from . import cache, collection
from .cache import BuildState, FileStamp, cache_dir, code_version, per_output
from .config import CONFIG_FILE, Config
from .lock import output_lock
from .manifest import Redirect
from .problems import Problem
from .progress import Progress
from .theme import search_path
from .write import check_output_dir

if TYPE_CHECKING:
    from .model import Archive

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Options:
    """How to build: the flags of `sitegen build`, and whether the site is published."""

    strict: bool = False
    keep_going: bool = False
    publish: bool = True
    use_cache: bool = True


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
    #: True when nothing had changed since the last build, which was kept as it was.
    unchanged: bool = False


def build(config: Config, *, strict: bool = False, keep_going: bool = False,
          progress: Progress | None = None, publish: bool = True, use_cache: bool = True) -> BuildSummary:
    """Build the site described by `config`; raise BuildFailed (site untouched) on errors.

    `strict`: warnings fail the build too. `keep_going`: leave out articles and
    data records with errors and build the rest (they are listed in the summary).
    `progress` hears of each stage and file. `publish=False` builds a preview
    (`sitegen serve`, `sitegen check`): the URL manifest is read for its
    redirects but not written, since nothing built is published.
    `use_cache=False` builds everything afresh, as if there were no cache
    (cache.py); the cache is written anew for the next build.
    """
    content_dir, data_dir, out_dir = config.path(config.content_dir), config.path(config.data_dir), config.path(config.output_dir)
    check_output_dir(out_dir, protected=[config.root, content_dir, data_dir], sources=[content_dir, data_dir])
    progress = progress or Progress()
    try:
        with output_lock(out_dir):  # one build at a time per site, released however this one ends
            return _build(config, content_dir, data_dir, out_dir, Options(strict, keep_going, publish, use_cache), progress)
    finally:
        progress.done()


def _build(config: Config, content_dir: Path, data_dir: Path, out_dir: Path, options: Options, progress: Progress) -> BuildSummary:
    started = time.perf_counter()
    store = cache_dir(config.root)
    state_file = store / per_output("state", out_dir)
    before = (cache.load(state_file, BuildState) if options.use_cache else None) or BuildState()

    # 0. What every input holds now. The same inputs and options as the last build,
    # and its site as it left it: there is nothing to do.
    inputs = _stamp_inputs(config, content_dir, data_dir, before.inputs)
    key = build_key(config, options, inputs)
    if (options.publish and key == before.key and isinstance(before.summary, BuildSummary)
            and cache.unchanged(out_dir, before.outputs, before.folders)):
        log_stage("up to date", started, "nothing changed since the last build")
        return replace(before.summary, seconds=time.perf_counter() - started, unchanged=True)
    present = cache.survey(out_dir)
    site_files = cache.intact(present, before.outputs)

    from .pipeline import make_site  # only now: the stages' imports (Jinja, Pillow, Markdown...) take a while

    with collection.paused():  # until make_site resumes it to render
        return make_site(config, content_dir, data_dir, out_dir, options, progress, inputs, present, site_files, started)


def build_key(config: Config, options: Options, inputs: dict[str, FileStamp]) -> str:
    """One hash of everything a build depends on: equal keys, equal sites."""
    return cache.digest(code_version(), config, options, sorted((path, s.sha) for path, s in inputs.items()))


def as_remembered(summary: BuildSummary) -> BuildSummary:
    """The summary a rebuild with nothing to do returns: the same counts and warnings, no redirect new."""
    return replace(summary, archive=None, seconds=0.0, redirects=[replace(r, changed=False) for r in summary.redirects])


def _stamp_inputs(config: Config, content_dir: Path, data_dir: Path, previous: dict[str, FileStamp]) -> dict[str, FileStamp]:
    """Every file the build reads: articles, data, templates, static files and the config file."""
    folders = dict.fromkeys([content_dir, data_dir, *search_path(config.root, "templates"), *search_path(config.root, "static")])
    paths = cache.files_below(f for f in folders if f.is_dir())
    config_file = config.root.resolve() / CONFIG_FILE
    if config_file.is_file():
        paths.append(str(config_file))
    now = time.time_ns()
    stamps = ((path, cache.stamp(path, previous.get(path), now)) for path in paths)
    return {path: found for path, found in stamps if found is not None}


def log_stage(name: str, started: float, what: str) -> None:
    log.info("%-12s %6.2fs  %s", name, time.perf_counter() - started, what)
