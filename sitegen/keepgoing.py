"""--keep-going: build what can be built, and say what was left out.

An article with an error is dropped and the archive modelled again without it,
until no article has an error left: a clash of two addresses drops the later
article, and dropping it cannot cause a new clash, so this ends. Data-file
records with an error were already left out when the file was read. Errors
about anything else (the content folder, the URL manifest, the output folder)
cannot be skipped around and still fail the build.
"""

from __future__ import annotations

from pathlib import Path

from .article import Article
from .model import Archive, build_archive
from .problems import Problem, Problems
from .refdata import ReferenceData


def build_archive_skipping(articles: list[Article], data: ReferenceData, problems: Problems) -> Archive:
    """The archive of every article without an error; the errors of those left out stay in `problems`."""
    failed = {p.path for p in problems.errors}
    dropped: list[Problem] = []
    while True:
        attempt = Problems()
        kept = [a for a in articles if a.name not in failed]
        archive = build_archive(kept, data, attempt)
        drop = {p.path for p in attempt.errors} & {a.name for a in kept}
        if not drop:
            break
        failed |= drop
        dropped += [p for p in attempt.errors if p.path in drop]
    # The last attempt's warnings and errors stand; earlier attempts only count for what they dropped.
    problems.items.extend(dropped + attempt.items)
    return archive


def skippable(problem: Problem, data_files: set[str]) -> bool:
    """Whether --keep-going can leave out what `problem` is about: an article file, or a data-file record."""
    # Article problems are named relative to the content folder; everything else by its full path.
    # Of a data file only a bad record (its problems carry a key) can be left out: a file that does
    # not parse would take every person, topic or place with it, and that is no site to publish.
    return not Path(problem.path).is_absolute() or (problem.path in data_files and problem.key is not None)
