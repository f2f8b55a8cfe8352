"""The editor's review loop: extract articles without building, and import raw ones with front matter."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .article import Article
from .config import Config
from .extract import Extractor
from .fields import read_declared
from .load import find_article_files, read_article_file
from .problems import BuildFailed, Problem, Problems
from .refdata import load_reference_data
from .report import front_matter_for
from .urls import article_file_name


@dataclass(frozen=True)
class Extracted:
    article: Article
    problems: list[Problem]


def extract_files(config: Config, files: list[Path]) -> list[Extracted]:
    """Extraction of `files` (default: every article of the content folder), with each file's problems."""
    problems = Problems()
    data = load_reference_data(config.path(config.data_dir), problems)
    if problems.errors:
        raise BuildFailed(problems.errors)
    extractor = Extractor(data)
    files = files or find_article_files(config.path(config.content_dir))
    results = []
    for path in files:
        own = Problems()
        source = read_article_file(path, own)
        if source is None:
            results.append(Extracted(_unreadable(path.name), own.items))
            continue
        article = extractor.extract(source, read_declared(source, own), own)
        results.append(Extracted(article, own.items))
    return results


def import_files(config: Config, files: list[Path]) -> list[Path]:
    """Copy raw articles into the content folder with their extracted metadata as front matter."""
    content = config.path(config.content_dir)
    written = []
    for result, path in zip(extract_files(config, files), files):
        if result.article.title == "":
            raise BuildFailed([p for p in result.problems] or [Problem(str(path), "could not be read")])
        day = result.article.published.isoformat() if result.article.published else "undated"
        target = content / article_file_name(day, result.article.title, path.suffix.lower() or ".txt")
        if target.exists():
            raise BuildFailed([Problem(str(target), "already exists: it was imported before; remove it or edit it instead")])
        body = read_article_file(path, Problems()).body
        target.write_text(front_matter_for(result.article) + body, encoding="utf-8")
        written.append(target)
    return written


def _unreadable(name: str) -> Article:
    return Article(name=name, title="", title_is_derived=True, published=None, outlet=None, source_url=None, people=(), topics=(), meetings=())
