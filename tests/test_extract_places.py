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


def test_a_known_venue_alone_places_the_meeting_in_its_city_whatever_the_capitals_after_its_name(extractor):
    assert places_of(extractor, "Abdel Fattah el-Sisi received Antony Blinken at the Ittihadiya palace on Thursday.") == ["Cairo"]
    assert places_of(extractor, "Vladimir Putin hosted Masoud Pezeshkian at the Kremlin on Thursday.") == ["Moscow"]
    assert places_of(extractor, "Mohammed bin Salman received Antony Blinken in the Saudi capital on Thursday.") == ["Riyadh"]


@pytest.mark.parametrize("text", [
    "Mohammed bin Salman met Antony Blinken on Thursday before Blinken flew to Cairo for talks with Abdel Fattah el-Sisi.",
    "Antony Blinken met Mohammed bin Salman at his desert camp on Thursday, before heading to Cairo.",
    "Antony Blinken met Mohammed bin Salman on Thursday. Blinken then heads to Cairo, and will go on to Tel Aviv on Friday.",
])
def test_where_someone_goes_after_the_meeting_is_not_where_it_was(extractor, text):
    assert places_of(extractor, text) == [None]


def test_a_place_travelled_to_where_the_meeting_then_happens_is_its_place(extractor):
    text = "Antony Blinken met Mohammed bin Salman in Riyadh on Wednesday. He then flew to Cairo, where he held talks with Abdel Fattah el-Sisi."
    assert places_of(extractor, text) == ["Riyadh", "Cairo"]
    assert places_of(extractor, "JEDDAH, April 3 (Reuters) - Mohammed bin Salman met Antony Blinken on Thursday.") == ["Jeddah"]


@pytest.mark.parametrize("dateline", ["Riyadh (AFP) -", "Riyadh, Saudi Arabia (AP) —", "Riyadh, April 3 (SPA) --", "RIYADH:", "Riyadh —"])
def test_a_dateline_in_any_outlets_form_places_a_meeting_whose_sentence_names_none(extractor, dateline):
    assert places_of(extractor, f"{dateline} Mohammed bin Salman met Antony Blinken on Thursday.") == ["Riyadh"]
    assert places_of(extractor, f"{dateline.replace('Riyadh', 'Breaking').replace('RIYADH', 'BREAKING')} Mohammed bin Salman met Antony Blinken on Thursday.") == [None]


def test_venues_with_accents_are_found_by_the_word_index(extractor):
    finder = extractor.places
    assert finder._word_of is not None  # seeds/places.yaml has accented venues: they must not turn the index off
    assert [m.city for m in finder.find("Macron received him at the Élysée Palace.")] == ["Paris"]
    assert [m.city for m in finder.find("They met at the Sándor Palace in Budapest.")] == ["Budapest", "Budapest"]


def test_a_place_in_a_clause_of_another_time_after_the_meeting_word_is_not_the_meetings(extractor):
    text = "CAIRO (AP) — Antony Blinken met Abdel Fattah el-Sisi on Thursday, a day after talks in Riyadh with Mohammed bin Salman."
    assert places_of(extractor, text) == ["Cairo"]
    text = "Antony Blinken met Abdel Fattah el-Sisi on Thursday, following talks in Riyadh."
    assert places_of(extractor, text) == [None]
    assert places_of(extractor, "After landing in Cairo, Antony Blinken met Abdel Fattah el-Sisi on Thursday.") == ["Cairo"]
