from pathlib import Path

import pytest

from sitegen.extract.people import PersonMatcher
from sitegen.problems import Problems
from sitegen.refdata import load_reference_data

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture(scope="module")
def matcher():
    return PersonMatcher(load_reference_data(SEEDS, Problems()).people)


def names(matcher, text, known=()):
    return [m.person for m in matcher.find(text, known)]


def test_full_names_aliases_and_surnames(matcher):
    assert names(matcher, "US Secretary of State Antony Blinken met Defense Minister Benny Gantz.") == ["Antony Blinken", "Benny Gantz"]
    assert names(matcher, "my good friend Tony Blinken") == ["Antony Blinken"]
    assert names(matcher, "Gantz’s efforts, Blinken said") == ["Benny Gantz", "Antony Blinken"]


def test_misspellings_are_caught_without_listing_each(matcher):
    assert names(matcher, "Secretary of State Anthony Blinkin met") == ["Antony Blinken"]
    assert names(matcher, "Yoav Galantt said") == ["Yoav Gallant"]
    assert names(matcher, "Gallent said", known={"Yoav Gallant"}) == ["Yoav Gallant"]
    assert names(matcher, "Gallent said") == []  # a near-miss surname needs the person named before


def test_capitalised_words_that_are_not_people(matcher):
    assert names(matcher, "The Jerusalem Post - Israel News WORLD NEWS Middle East") == []


def test_a_surname_used_as_an_adjective_is_marked(matcher):
    mentions = matcher.find("officials of the Biden administration")
    assert [(m.person, m.attributive) for m in mentions] == [("Joe Biden", True)]


def test_names_with_particles_accents_and_numerals():
    from sitegen.refdata import PersonRecord

    matcher = PersonMatcher([
        PersonRecord("Mohammed bin Salman", "Saudi Arabia"),
        PersonRecord("Ursula von der Leyen", "European Union"),
        PersonRecord("Abdullah II bin Al-Hussein", "Jordan", aliases=("King Abdullah II",)),
        PersonRecord("Pedro Sánchez", "Spain"),
    ])
    assert names(matcher, "Saudi Crown Prince Mohammed bin Salman met") == ["Mohammed bin Salman"]
    assert names(matcher, "said Ursula von der Leyen.") == ["Ursula von der Leyen"]
    assert names(matcher, "Jordan's King Abdullah II hosted") == ["Abdullah II bin Al-Hussein"]
    assert names(matcher, "after World War II, Sánchez said") == ["Pedro Sánchez"]
    assert names(matcher, "the de facto ruler") == []


def test_a_word_that_extends_a_known_surname_is_not_its_misspelling(matcher):
    assert names(matcher, "Blinken arrived in the Saudi capital", known={"Faisal bin Farhan Al Saud"}) == ["Antony Blinken"]
