"""Where a meeting was: the city a user sees on the meeting's page."""

import datetime as dt
from pathlib import Path

import pytest

from sitegen.extract import Extractor
from sitegen.fields import read_declared
from sitegen.load import read_source
from sitegen.problems import Problems
from sitegen.refdata import load_reference_data

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture(scope="module")
def extractor():
    return Extractor(load_reference_data(SEEDS, Problems()))


def places_of(extractor, text: str) -> list[str | None]:
    problems = Problems()
    source = read_source("t.txt", f"---\ndate: 2025-04-03\n---\n{text}".encode(), problems)
    return [m.place for m in extractor.extract(source, read_declared(source, problems), problems).meetings]


def test_a_countrys_capital_named_by_its_country_is_the_capital(extractor):
    text = "Hungarian Prime Minister Viktor Orban met Benjamin Netanyahu in the Hungarian capital on Thursday."
    assert places_of(extractor, text) == ["Budapest"]
    assert places_of(extractor, "Antony Blinken met Benjamin Netanyahu in the Belgian capital on Thursday.") == ["Brussels"]


def test_an_office_in_lower_case_is_not_a_known_venue(extractor):
    text = "Antony Blinken met Hakan Fidan at the prime minister's office in Ankara on Thursday."
    assert places_of(extractor, text) == ["Ankara"]
    assert places_of(extractor, "Antony Blinken met Benjamin Netanyahu at the Prime Minister's Office on Thursday.") == ["Jerusalem"]


def test_venues_with_accents_are_found_by_the_word_index(extractor):
    finder = extractor.places
    assert finder._word_of is not None  # seeds/places.yaml has accented venues: they must not turn the index off
    assert [m.city for m in finder.find("Macron received him at the Élysée Palace.")] == ["Paris"]
    assert [m.city for m in finder.find("They met at the Sándor Palace in Budapest.")] == ["Budapest", "Budapest"]
