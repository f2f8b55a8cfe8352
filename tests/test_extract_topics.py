"""Topics of a meeting: what its principals discussed, not what the story names around it."""

from pathlib import Path

import pytest

from sitegen.extract import Extractor
from sitegen.fields import read_declared
from sitegen.load import read_source
from sitegen.problems import Problems
from sitegen.refdata import load_reference_data

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
LEDE = "---\ndate: 2024-01-06\n---\nAntony Blinken met Hakan Fidan in Istanbul on Saturday. The two discussed the war in Gaza."


@pytest.fixture(scope="module")
def extractor():
    return Extractor(load_reference_data(SEEDS, Problems()))


def topics_of(extractor, text: str) -> dict[str, str]:
    """topic id -> evidence sentence of the article's one meeting."""
    problems = Problems()
    source = read_source("t.txt", text.encode(), problems)
    (meeting,) = extractor.extract(source, read_declared(source, problems), problems).meetings
    return {topic: evidence.sentence for topic, evidence in meeting.topics.items()}


def test_where_someone_goes_next_was_not_discussed(extractor):
    text = LEDE + " Blinken will head on Monday to the occupied West Bank, where he is expected to press for Palestinian Authority reform."
    assert set(topics_of(extractor, text)) == {"gaza-war"}
    later = LEDE + " Blinken was due to fly on to Doha later on Saturday for talks on the roughly 130 hostages."
    assert set(topics_of(extractor, later)) == {"gaza-war"}


def test_what_the_meeting_came_after_was_not_discussed(extractor):
    text = LEDE + " The visit came a day after Israeli strikes hit Hezbollah positions across Lebanon."
    assert set(topics_of(extractor, text)) == {"gaza-war"}


def test_before_leaving_the_talks_is_still_the_meeting(extractor):
    text = LEDE + " Before leaving, Blinken said he had asked for more humanitarian assistance for civilians."
    assert set(topics_of(extractor, text)) == {"gaza-war", "humanitarian-aid"}


def test_a_day_after_something_is_a_date_not_the_day_after_the_war(extractor):
    text = LEDE + " Blinken arrived a day after Fidan returned from Cairo."
    assert "gaza-day-after" not in topics_of(extractor, text)
    planned = LEDE + ' They also discussed "the day after" in Gaza.'
    assert topics_of(extractor, planned)["gaza-day-after"] == 'They also discussed "the day after" in Gaza.'


def test_israels_security_needs_are_not_the_us_commitment_to_it(extractor):
    text = LEDE + " Fidan said any deal must take into account Israel's security needs."
    assert "security-commitment" not in topics_of(extractor, text)
    quoted = LEDE + ' Blinken reaffirmed the "unwavering commitment" to Israel\'s security.'
    assert "security-commitment" in topics_of(extractor, quoted)
