"""The archive as the next build would make it, without writing anything: for `sitegen list` and scripts."""

from __future__ import annotations

from .config import Config
from .extract import Extractor
from .load import read_sources
from .model import Archive, build_archive
from .parallel import extract_all
from .problems import Problems
from .refdata import load_reference_data


def gather(config: Config) -> tuple[Archive, Problems]:
    """Stages 1 to 3 of a build (load, extract, model): the linked archive and every problem found on the way."""
    problems = Problems()
    data = load_reference_data(config.path(config.data_dir), problems)
    sources = read_sources(config.path(config.content_dir), problems)
    articles = extract_all(sources, Extractor(data), problems)
    return build_archive(articles, data, problems), problems
