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


def topics_by_meeting(extractor, text: str) -> dict[tuple[str, ...], set[str]]:
    """sorted participants -> topic ids, for each meeting of the article."""
    problems = Problems()
    source = read_source("t.txt", text.encode(), problems)
    return {tuple(sorted(m.participants)): set(m.topics) for m in extractor.extract(source, read_declared(source, problems), problems).meetings}


def test_a_sentence_naming_a_meetings_place_belongs_to_that_meeting_not_the_last_told(extractor):
    text = (
        "---\ndate: 2024-02-06\n---\nAntony Blinken met Mohammed bin Salman in Riyadh on Monday. The two discussed normalization with Israel.\n\n"
        "On Tuesday, Blinken travelled to Cairo, where he held talks with Abdel Fattah el-Sisi. Their talks focused on humanitarian aid.\n\n"
        "In Riyadh, the crown prince had also raised the Houthi attacks on shipping."
    )
    assert topics_by_meeting(extractor, text) == {
        ("Antony Blinken", "Mohammed bin Salman"): {"normalization", "iran-threat"},
        ("Abdel Fattah el-Sisi", "Antony Blinken"): {"humanitarian-aid"},
    }


def test_a_sentence_naming_a_meetings_day_belongs_to_that_meeting(extractor):
    text = (
        "---\ndate: 2023-07-18\n---\nFumio Kishida held talks with Mohamed bin Zayed in Abu Dhabi on Monday on clean energy.\n\n"
        "He met Tamim bin Hamad Al Thani on Tuesday, and the pair spoke of natural gas. "
        "Monday's talks had also covered the war in Ukraine."
    )
    assert topics_by_meeting(extractor, text) == {
        ("Fumio Kishida", "Mohamed bin Zayed Al Nahyan"): {"economic-cooperation", "russia-ukraine"},
        ("Fumio Kishida", "Tamim bin Hamad Al Thani"): {"economic-cooperation"},
    }


def test_history_and_plans_are_no_topic_of_the_meeting(extractor):
    text = (
        "---\ndate: 2024-06-24\n---\nYoav Gallant met Antony Blinken at the State Department in Washington on Monday. "
        "They discussed the hostages held in Gaza.\n\n"
        "Last month, Gallant visited Paris, where he spoke about Iran's nuclear program. He also warned Hezbollah.\n\n"
        "On Sunday, Hamas rejected the latest truce proposal. Blinken is expected to meet Mahmoud Abbas on Wednesday to press for "
        "Palestinian Authority reform. Two years ago, Gallant had urged a return to the two-state solution.\n\n"
        "The two men also discussed the Iron Dome."
    )
    assert topics_by_meeting(extractor, text) == {("Antony Blinken", "Yoav Gallant"): {"hostages", "iron-dome"}}


def test_an_article_about_last_weeks_meeting_keeps_its_sentences(extractor):
    text = (
        "---\ndate: 2024-06-28\n---\nYoav Gallant met Antony Blinken in Washington last week, on Monday, June 24. "
        "Last week's talks covered the hostages and a truce."
    )
    assert topics_by_meeting(extractor, text) == {("Antony Blinken", "Yoav Gallant"): {"hostages", "ceasefire"}}


def test_what_follows_a_sentence_about_another_event_is_about_it_until_the_meeting_is_named_again(extractor):
    text = (
        "---\ndate: 2024-06-24\n---\nYoav Gallant met Antony Blinken in Washington on Monday. The visit came a day after Hamas "
        "rejected a truce proposal. Hamas also refused to free more hostages. The two men discussed the Iron Dome."
    )
    assert topics_by_meeting(extractor, text) == {("Antony Blinken", "Yoav Gallant"): {"iron-dome"}}


def test_common_words_for_investment_and_escalation_show_their_topics(extractor):
    finder = extractor.topics
    assert "economic-cooperation" in finder.find(["The kingdom committed to invest $600 billion in the US."])
    assert "economic-cooperation" in finder.find(["The two leaders signed a strategic economic partnership covering investments."])
    assert "regional-escalation" in finder.find(["We hope they act in a way that does as little to escalate this as possible."])
    assert "economic-cooperation" not in finder.find(["The investigation continues."])


def test_a_name_new_to_the_meeting_just_told_moves_to_that_meeting_and_one_already_in_it_stays(extractor):
    text = (
        "---\ndate: 2025-05-15\n---\nDonald Trump held talks with Mohamed bin Zayed in Abu Dhabi on Thursday on investment.\n\n"
        "On Wednesday in Doha, Tamim bin Hamad Al Thani received Trump. Trump praised his efforts to free the hostages.\n\n"
        "Steve Witkoff met Abbas Araghchi in Muscat on Saturday to discuss uranium enrichment."
    )
    assert topics_by_meeting(extractor, text) == {
        ("Donald Trump", "Mohamed bin Zayed Al Nahyan"): {"economic-cooperation"},
        ("Donald Trump", "Tamim bin Hamad Al Thani"): {"hostages"},
        ("Abbas Araghchi", "Steve Witkoff"): {"iran-nuclear"},
    }


def test_a_participant_named_by_country_and_office_brings_the_sentence_to_their_meeting(extractor):
    text = (
        "---\ndate: 2025-05-14\n---\nDonald Trump met Mohammed bin Salman in Riyadh on Tuesday to discuss investment.\n\n"
        "On Wednesday, Trump met Ahmed al-Sharaa in Riyadh. Mohammed bin Salman's aides said the crown prince was pleased.\n\n"
        "Trump told the Syrian leader to join the Abraham Accords."
    )
    assert topics_by_meeting(extractor, text)[("Ahmed al-Sharaa", "Donald Trump")] == {"normalization"}


def test_a_quote_ending_in_a_sentence_speaks_of_its_own_days(extractor):
    text = (
        "---\ndate: 2024-04-17\n---\nDavid Cameron met Benjamin Netanyahu in Jerusalem on Wednesday. "
        'Cameron said: "Israel is making a decision to act. We hope it does so in a way that, as I said yesterday, does as little '
        'to escalate this as possible." Earlier in April, Netanyahu had promised more aid trucks.'
    )
    assert topics_by_meeting(extractor, text) == {("Benjamin Netanyahu", "David Cameron"): {"regional-escalation"}}
