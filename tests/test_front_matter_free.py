"""Front matter is a correction, not a crutch: without it the seeds give the same meetings."""

import re
from pathlib import Path

from conftest import SEEDS
from sitegen.extract import Extractor
from sitegen.fields import Declared, read_declared
from sitegen.load import read_sources
from sitegen.problems import Problems
from sitegen.refdata import load_reference_data


def meetings(content: Path, keep_date: bool):
    problems = Problems()
    extractor = Extractor(load_reference_data(SEEDS, problems))
    found = {}
    for source in read_sources(content, problems):
        declared = read_declared(source, problems)
        declared = Declared(date=declared.date) if keep_date else Declared()
        article = extractor.extract(source, declared, problems)
        found[source.name] = [(sorted(m.participants), m.date, m.place) for m in article.meetings]
    return found, problems


def test_the_seeds_give_the_same_meetings_with_only_their_publication_date_declared(tmp_path):
    with_front_matter = {}
    problems = Problems()
    extractor = Extractor(load_reference_data(SEEDS, problems))
    for source in read_sources(SEEDS, problems):
        article = extractor.extract(source, read_declared(source, problems), problems)
        with_front_matter[source.name] = [(sorted(m.participants), m.date, m.place) for m in article.meetings]
    without, _ = meetings(SEEDS, keep_date=True)
    assert without == with_front_matter


def test_without_any_front_matter_only_the_days_of_undated_articles_are_lost_and_reported(tmp_path):
    bare = tmp_path / "seeds"
    bare.mkdir()
    for path in SEEDS.glob("*.txt"):
        text = path.read_text(encoding="utf-8")
        (bare / path.name).write_text(re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.S), encoding="utf-8")
    full, _ = meetings(SEEDS, keep_date=True)
    found, problems = meetings(bare, keep_date=False)
    # 001 and 002 never state their year: their meetings keep people and place, lose the day, and say so.
    for name in full:
        assert [(people, place) for people, _, place in found[name]] == [(people, place) for people, _, place in full[name]]
        undated = name.startswith(("001", "002"))
        assert all((day is None) == undated for _, day, _ in found[name]), name
    assert {p.path for p in problems.warnings if p.key == "date"} == {"001_5d6da31c5601ee12.txt", "002_16d755ad347ce88d.txt"}
