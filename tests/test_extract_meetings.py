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


def meetings_of(extractor, text: str, problems=None):
    problems = problems or Problems()
    source = read_source("t.txt", text.encode(), problems)
    article = extractor.extract(source, read_declared(source, problems), problems)
    return [(sorted(m.participants), m.date, m.place) for m in article.meetings]


def test_back_references_are_not_meetings(extractor):
    text = " date 2022-03-27 Antony Blinken met with Benny Gantz in Jerusalem on Sunday, following meetings with Isaac Herzog, Naftali Bennett and Yair Lapid."
    assert meetings_of(extractor, text) == [(["Antony Blinken", "Benny Gantz"], dt.date(2022, 3, 27), "Jerusalem")]


def test_planned_meetings_are_not_meetings(extractor):
    text = "---\ndate: 2024-06-24\n---\nGallant was scheduled to meet with Amos Hochstein and Brett McGurk. Yoav Gallant described the upcoming meeting with Antony Blinken as critical."
    assert meetings_of(extractor, text) == []


def test_a_delegation_meets_together_unless_the_article_shows_them_one_by_one(extractor):
    lede = "---\ndate: 2023-01-31\n---\nDefense Minister Yoav Gallant and Opposition Leader Yair Lapid met with US Secretary of State Anthony Blinken in Jerusalem on Tuesday morning."
    assert meetings_of(extractor, lede) == [(["Antony Blinken", "Yair Lapid", "Yoav Gallant"], dt.date(2023, 1, 31), "Jerusalem")]
    one_by_one = lede + " Shortly after, the Leader of the opposition MK Yair Lapid also met with Secretary Blinken."
    assert meetings_of(extractor, one_by_one) == [
        (["Antony Blinken", "Yoav Gallant"], dt.date(2023, 1, 31), "Jerusalem"),
        (["Antony Blinken", "Yair Lapid"], dt.date(2023, 1, 31), "Jerusalem"),
    ]


def test_spokespeople_and_adjectives_do_not_take_part(extractor):
    text = ("---\ndate: 2024-06-24\n---\nDuring a meeting in Washington on Monday with Yoav Gallant, Antony Blinken reaffirmed support, "
            "Matthew Miller said. The National Security Council said after the meeting that Jake Sullivan had reaffirmed President Biden’s support.")
    assert meetings_of(extractor, text) == [(["Antony Blinken", "Yoav Gallant"], dt.date(2024, 6, 24), "Washington")]


def test_a_meeting_without_a_date_is_reported_not_invented(extractor):
    problems = Problems()
    result = meetings_of(extractor, "Yoav Gallant met Antony Blinken in Washington on Monday.", problems)
    assert result == [(["Antony Blinken", "Yoav Gallant"], None, "Washington")]
    messages = [p.message for p in problems.warnings]
    assert any("no publication date found" in m and "date: YYYY-MM-DD" in m for m in messages)
    assert any("no date found for the meeting of Yoav Gallant and Antony Blinken" in m for m in messages)


def test_declared_participants_and_place_win(extractor):
    text = "---\ndate: 2021-06-04\nparticipants: [Benny Gantz, Lloyd Austin]\nplace: Tel Aviv\n---\nBenny Gantz met Lloyd Austin on Thursday in Washington."
    assert meetings_of(extractor, text) == [(["Benny Gantz", "Lloyd Austin"], dt.date(2021, 6, 3), "Tel Aviv")]


def test_who_stands_before_the_meeting_word_met_each_of_those_after_it(extractor):
    text = "---\ndate: 2023-10-13\n---\nAntony Blinken held talks with Jordan's King Abdullah and Palestinian President Mahmoud Abbas in Amman on Friday."
    assert [m[0] for m in meetings_of(extractor, text)] == [["Abdullah II bin Al-Hussein", "Antony Blinken"], ["Antony Blinken", "Mahmoud Abbas"]]


def test_a_trilateral_is_one_meeting(extractor):
    text = ("---\ndate: 2022-03-22\n---\nMohamed bin Zayed met Abdel Fattah el-Sisi and Naftali Bennett in the Red Sea resort of "
            "Sharm El Sheikh on Tuesday. The three leaders discussed energy.")
    assert meetings_of(extractor, text) == [
        (["Abdel Fattah el-Sisi", "Mohamed bin Zayed Al Nahyan", "Naftali Bennett"], dt.date(2022, 3, 22), "Sharm el-Sheikh")
    ]


def test_people_who_came_along_and_earlier_or_planned_meetings_do_not_count(extractor):
    text = ("---\ndate: 2023-12-18\n---\nLloyd Austin held talks with Yoav Gallant in Tel Aviv on Monday, joined by IDF chief of staff Herzi Halevi. "
            "It was the first visit since Benjamin Netanyahu met Joe Biden. "
            "Netanyahu's office said Biden invited him, though it was unclear whether the meeting would be at the White House.")
    assert meetings_of(extractor, text) == [(["Lloyd Austin", "Yoav Gallant"], dt.date(2023, 12, 18), "Tel Aviv")]


def test_a_trip_told_with_pronouns_and_the_subjects_own_talks(extractor):
    text = ("---\ndate: 2024-01-07\n---\nIn Amman on Sunday, Antony Blinken met King Abdullah II. "
            "He then flew to Doha, where he held talks with Qatar's emir, Sheikh Tamim bin Hamad Al Thani.\n\n"
            "David Cameron said on Sunday that Israel must act smartly, after holding talks with Benjamin Netanyahu in Jerusalem.")
    assert [m[0] for m in meetings_of(extractor, text)] == [
        ["Abdullah II bin Al-Hussein", "Antony Blinken"],
        ["Antony Blinken", "Tamim bin Hamad Al Thani"],
        ["Benjamin Netanyahu", "David Cameron"],
    ]


def test_plans_and_references_back_make_no_new_meeting(extractor):
    text = ("---\ndate: 2023-10-18\n---\nJoe Biden sat down with Benjamin Netanyahu in Tel Aviv on Wednesday. "
            "A planned stop in Jordan, where Biden was to meet King Abdullah II and Mahmoud Abbas, was cancelled. "
            "Al-Sharaa thanked Joe Biden and Mahmoud Abbas for their efforts to arrange the meeting, Leavitt said.")
    assert meetings_of(extractor, text) == [(["Benjamin Netanyahu", "Joe Biden"], dt.date(2023, 10, 18), "Tel Aviv")]


def test_talks_held_at_length_and_being_received_are_meetings(extractor):
    text = ("---\ndate: 2024-01-07\n---\nIn Amman, Antony Blinken met King Abdullah II on Sunday. The top US diplomat began the tour on "
            "Saturday in Istanbul, where he first held some two hours of talks with Turkish Foreign Minister Hakan Fidan, and was then "
            "received by President Recep Tayyip Erdogan.")
    assert [m[0] for m in meetings_of(extractor, text)][1:] == [["Antony Blinken", "Hakan Fidan"], ["Antony Blinken", "Recep Tayyip Erdogan"]]


def test_the_dateline_city_places_a_meeting_whose_sentence_names_none(extractor):
    text = "---\ndate: 2023-03-10\n---\nROME — Giorgia Meloni rolled out the red carpet for Benjamin Netanyahu on Friday, hosting him for talks on gas."
    assert meetings_of(extractor, text) == [(["Benjamin Netanyahu", "Giorgia Meloni"], dt.date(2023, 3, 10), "Rome")]
    text = "---\ndate: 2022-08-18\n---\nLVOV-ON-SEA, Aug 18 (Reuters) - Antonio Guterres held a trilateral meeting with Volodymyr Zelensky and Recep Tayyip Erdogan."
    assert meetings_of(extractor, text)[0][2] == "Lvov-On-Sea"  # a city not in places.yaml is kept as written


def test_a_topic_named_only_in_someones_title_is_not_discussed(extractor):
    finder = extractor.topics
    assert "palestinian-authority" not in finder.find(["Blinken met Palestinian Authority President Mahmoud Abbas in Ramallah."])
    assert "palestinian-authority" in finder.find(["They discussed strengthening the Palestinian Authority."])
    assert "normalization" not in finder.find(["Trump arrived in Saudi Arabia on Tuesday."])


def test_meetings_of_another_time_and_datelines_do_not_date_the_story(extractor):
    text = ("RAMALLAH, Wednesday, December 29, 2021 (WAFA) - President Mahmoud Abbas met late yesterday evening with "
            "Defense Minister Benny Gantz. Flashback: Burns and Barnea met the Qatari prime minister in Doha in November. "
            "Netanyahu flies to Florida for Friday meeting with Joe Biden. India's Subrahmanyam Jaishankar and his counterpart "
            "Yair Lapid announced on Tuesday, after holding talks in Jerusalem, a trade deal.")
    assert meetings_of(extractor, text) == [
        (["Benny Gantz", "Mahmoud Abbas"], dt.date(2021, 12, 28), "Ramallah"),
        (["Subrahmanyam Jaishankar", "Yair Lapid"], dt.date(2021, 12, 28), "Jerusalem"),
    ]


def test_a_meeting_needs_two_people_even_when_he_is_the_host(extractor):
    text = "---\ndate: 2025-05-14\n---\nMohammed bin Salman met Donald Trump in Riyadh on Tuesday. He then met Mohammed bin Salman's guests."
    assert [m[0] for m in meetings_of(extractor, text)] == [["Donald Trump", "Mohammed bin Salman"]]


def test_declared_participants_take_the_day_the_text_gives(extractor):
    text = ("---\ndate: 2023-01-31\nparticipants: [Antony Blinken, Yoav Gallant, Yair Lapid]\n---\n"
            "Antony Blinken met Yoav Gallant in Jerusalem on Tuesday.")
    assert meetings_of(extractor, text) == [(["Antony Blinken", "Yair Lapid", "Yoav Gallant"], dt.date(2023, 1, 31), "Jerusalem")]
    problems = Problems()
    meetings_of(extractor, "---\nparticipants: [Antony Blinken, Anthony Blinken]\n---\nText.", problems)
    assert [p.key for p in problems.errors] == ["participants"]


def test_a_phone_call_received_is_not_a_meeting(extractor):
    text = ("---\ndate: 2023-10-11\n---\nMohammed bin Salman received a phone call from Ebrahim Raisi on Wednesday. "
            "The crown prince also received phone calls on Wednesday from Abdel Fattah el-Sisi and King Abdullah II.")
    assert meetings_of(extractor, text) == []


def test_the_sender_of_a_message_handed_over_did_not_take_part(extractor):
    text = ("---\ndate: 2025-04-17\n---\nAbbas Araghchi met Vladimir Putin at the Kremlin on Thursday and handed him "
            "a written message from Ali Khamenei.")
    assert [m[0] for m in meetings_of(extractor, text)] == [["Abbas Araghchi", "Vladimir Putin"]]


def test_met_with_one_and_with_another_is_two_meetings(extractor):
    text = "---\ndate: 2024-06-24\n---\nYoav Gallant met with Antony Blinken in Washington on Monday and with CIA Director William Burns."
    assert [m[0] for m in meetings_of(extractor, text)] == [["Antony Blinken", "Yoav Gallant"], ["William Burns", "Yoav Gallant"]]


def test_co_chairing_a_dialogue_is_meeting(extractor):
    text = "---\ndate: 2024-09-18\n---\nAntony Blinken and Badr Abdelatty co-chaired the US-Egypt Strategic Dialogue in Cairo on Wednesday."
    assert meetings_of(extractor, text) == [(["Antony Blinken", "Badr Abdelatty"], dt.date(2024, 9, 18), "Cairo")]


def test_a_title_case_dateline_with_a_colon_places_the_meeting(extractor):
    text = "---\ndate: 2025-04-12\n---\nMuscat: Badr Albusaidi received on Saturday Abbas Araghchi, who heads his country's delegation."
    assert meetings_of(extractor, text) == [(["Abbas Araghchi", "Badr Albusaidi"], dt.date(2025, 4, 12), "Muscat")]
    assert meetings_of(extractor, text.replace("Muscat:", "Update:"))[0][2] is None


def test_the_host_called_by_a_given_name_meets_again(extractor):
    text = ("---\ndate: 2025-04-12\n---\nMuscat: Badr bin Hamad Albusaidi received on Saturday Abbas Araghchi. "
            "His Highness Sayyid Badr also received Steven Witkoff, who heads the American delegation.")
    assert [m[0] for m in meetings_of(extractor, text)] == [["Abbas Araghchi", "Badr Albusaidi"], ["Badr Albusaidi", "Steve Witkoff"]]


def test_a_meeting_in_the_present_perfect_is_on_the_day_of_publication(extractor):
    text = "---\ndate: 2024-10-02\n---\nMasoud Pezeshkian has met Qatar's Emir Tamim bin Hamad Al Thani in the Qatari capital."
    assert [m[1] for m in meetings_of(extractor, text)] == [dt.date(2024, 10, 2)]


def test_the_day_in_a_clause_about_a_participant_is_not_the_meetings(extractor):
    text = ("---\ndate: 2024-12-22\n---\nHakan Fidan on Sunday met with Ahmed al-Sharaa in Damascus. Fidan also held talks with "
            "Foreign Minister Asaad Hassan al-Shaibani, who was named to the post on Saturday.")
    assert [m[1] for m in meetings_of(extractor, text)] == [dt.date(2024, 12, 22), dt.date(2024, 12, 22)]


def test_guests_received_separately_did_not_meet_each_other(extractor):
    text = "---\ndate: 2024-04-17\n---\nPrime minister receives David Cameron and Annalena Baerbock separately in Jerusalem."
    assert meetings_of(extractor, text) == []


def test_the_agency_in_the_dateline_is_the_outlet(extractor):
    problems = Problems()
    for text, outlet in (("RIYADH, April 29 (Reuters) - Antony Blinken met Mohammed bin Salman on Monday.", "Reuters"),
                         ("WASHINGTON (AP) — Lloyd Austin met Yoav Gallant on Tuesday.", "Associated Press")):
        source = read_source("t.txt", text.encode(), problems)
        assert extractor.extract(source, read_declared(source, problems), problems).outlet == outlet


def test_a_country_or_city_saying_where_someone_met_or_comes_from_is_no_topic(extractor):
    finder = extractor.topics
    assert "russia-ukraine" not in finder.find(["Sergei Lavrov held talks with Abbas Araghchi in Moscow on Friday."])
    assert "russia-ukraine" not in finder.find(["Araghchi sat down with his Russian counterpart in the Russian capital."])
    assert "russia-ukraine" not in finder.find(["Araghchi met Russian Deputy Foreign Minister Sergei Ryabkov."])
    assert "syria" in finder.find(["They discussed the situation in Syria."])
    assert "russia-ukraine" in finder.find(["Moscow considers the war in Ukraine a priority."])


def test_a_delegation_whose_members_the_next_sentence_lists_met_as_one(extractor):
    text = ("---\ndate: 2023-11-20\n---\nBEIJING, Nov. 20 (Xinhua) -- Chinese Foreign Minister Wang Yi met here on Monday with a delegation of foreign ministers. "
            "The delegation includes Jordanian Foreign Minister Ayman Safadi and Egyptian Foreign Minister Sameh Shoukry.")
    assert meetings_of(extractor, text) == [(["Ayman Safadi", "Sameh Shoukry", "Wang Yi"], dt.date(2023, 11, 20), "Beijing")]


def test_a_principal_named_in_the_possessive_is_not_in_the_room(extractor):
    text = ("---\ndate: 2025-01-11\n---\nDonald Trump's incoming Middle East envoy Steve Witkoff met with Benjamin Netanyahu "
            "in Jerusalem on Saturday.")
    assert [m[0] for m in meetings_of(extractor, text)] == [["Benjamin Netanyahu", "Steve Witkoff"]]
    text = "---\ndate: 2025-01-11\n---\nBenjamin Netanyahu's meeting with Donald Trump in Washington lasted two hours."
    assert [m[0] for m in meetings_of(extractor, text)] == [["Benjamin Netanyahu", "Donald Trump"]]


def test_a_delegation_that_met_someone_and_its_members_set_off_by_dashes_met_as_one(extractor):
    text = ("---\ndate: 2023-11-20\n---\nA delegation of foreign ministers met with Wang Yi in Beijing on Monday. "
            "The delegation — Jordan's Ayman Safadi and Egypt's Sameh Shoukry — was mandated by the summit.")
    assert meetings_of(extractor, text) == [(["Ayman Safadi", "Sameh Shoukry", "Wang Yi"], dt.date(2023, 11, 20), "Beijing")]


def test_a_venue_that_speaks_is_not_where_they_met(extractor):
    text = ("---\ndate: 2021-09-02\n---\nIsaac Herzog met with King Abdullah II at the royal palace in Amman on Thursday, "
            "the President's Residence said in a statement.")
    assert meetings_of(extractor, text) == [(["Abdullah II bin Al-Hussein", "Isaac Herzog"], dt.date(2021, 9, 2), "Amman")]


def test_a_second_clause_with_its_own_subject_is_its_own_meeting(extractor):
    text = ("---\ndate: 2021-09-02\n---\nNaftali Bennett met King Abdullah II at the palace in Amman on Thursday, and "
            "Foreign Minister Yair Lapid held talks with Ayman Safadi.")
    assert [m[0] for m in meetings_of(extractor, text)] == [["Abdullah II bin Al-Hussein", "Naftali Bennett"], ["Ayman Safadi", "Yair Lapid"]]


def test_a_month_first_date_line_is_read_from_the_weekdays_the_report_names(extractor):
    # 12-01-2023 read day first is Thursday 12 January; the report's Thursday and Friday fit 1 December.
    text = (
        "Herzog at the summit\n\nPublished on 12-01-2023 17:05\n\n"
        "Shortly after landing on Thursday evening, Isaac Herzog was received by Mohamed bin Zayed in Dubai.\n\n"
        "On Friday, Herzog met Indian Prime Minister Narendra Modi in Dubai."
    )
    assert meetings_of(extractor, text) == [
        (["Isaac Herzog", "Mohamed bin Zayed Al Nahyan"], dt.date(2023, 11, 30), "Dubai"),
        (["Isaac Herzog", "Narendra Modi"], dt.date(2023, 12, 1), "Dubai"),
    ]


def test_a_day_first_date_line_under_a_section_label_is_the_publication_date(extractor):
    text = (
        "Orban Welcomes Netanyahu With Military Honours as Hungary Announces ICC Exit\n\nHungary Today\nPublished: 3.4.2025, 14:48\n\n"
        "Benjamin Netanyahu met Isaac Herzog in Jerusalem on Thursday morning before they held talks."
    )
    assert meetings_of(extractor, text) == [(["Benjamin Netanyahu", "Isaac Herzog"], dt.date(2025, 4, 3), "Jerusalem")]


def test_meetings_on_the_sidelines_of_a_summit_are_each_their_own(extractor):
    text = (
        " date 2023-12-01 Isaac Herzog was received by Mohamed bin Zayed upon arrival in Dubai on Friday and met Narendra Modi, "
        "holding a series of meetings on the sidelines of the summit."
    )
    assert meetings_of(extractor, text) == [
        (["Isaac Herzog", "Mohamed bin Zayed Al Nahyan"], dt.date(2023, 12, 1), "Dubai"),
        (["Isaac Herzog", "Narendra Modi"], dt.date(2023, 12, 1), "Dubai"),
    ]


def test_hours_of_talks_the_speaker_came_from_are_a_meeting(extractor):
    text = (
        " date 2024-08-19 Benjamin Netanyahu has accepted the proposal, Antony Blinken said Monday after nearly three hours "
        "of talks with the Israeli leader in Jerusalem, and he urged Hamas to do the same."
    )
    assert meetings_of(extractor, text) == [(["Antony Blinken", "Benjamin Netanyahu"], dt.date(2024, 8, 19), "Jerusalem")]


def test_a_day_owning_something_else_does_not_date_the_meeting(extractor):
    # "today's Daily Kickoff" is the newsletter's day; the sit-down was on Monday, in Jerusalem.
    text = (
        "---\ndate: 2024-08-20\n---\n\nIn today's Daily Kickoff: we unpack Antony Blinken's long sit-down with Benjamin Netanyahu, "
        "and hear from hostage families who came to Washington.\n\n"
        "After roughly three hours closeted with Netanyahu at the Prime Minister's Office in Jerusalem on Monday, Blinken told reporters "
        "that a deal was close.\n\nThe sit-down followed a shorter morning meeting with Isaac Herzog in Tel Aviv."
    )
    assert meetings_of(extractor, text) == [(["Antony Blinken", "Benjamin Netanyahu"], dt.date(2024, 8, 19), "Jerusalem")]


def test_a_meeting_timed_by_the_one_told_before_takes_its_day_and_place(extractor):
    text = (
        "Araghchi's Gulf tour\n\nOctober 11, 2024\n\n"
        "Iran's top diplomat is touring the Gulf. The region braces for a strike. Its capitals are anxious.\n\n"
        "Abbas Araghchi was received by Mohammed bin Salman in Riyadh on Wednesday.\n\nTehran wants a ceasefire in Lebanon.\n\n"
        "Before his audience with the crown prince, Araghchi held talks with Faisal bin Farhan at the foreign ministry.\n\n"
        "On Thursday, Araghchi travelled on to Doha, where he held talks with Mohammed bin Abdulrahman Al Thani. "
        "Doha has long hosted talks, and Qatar's capital Doha is a mediator."
    )
    assert meetings_of(extractor, text) == [
        (["Abbas Araghchi", "Mohammed bin Salman"], dt.date(2024, 10, 9), "Riyadh"),
        (["Abbas Araghchi", "Faisal bin Farhan Al Saud"], dt.date(2024, 10, 9), "Riyadh"),
        (["Abbas Araghchi", "Mohammed bin Abdulrahman Al Thani"], dt.date(2024, 10, 10), "Doha"),
    ]


def test_the_meeting_referred_back_to_gives_its_day(extractor):
    text = (
        "Erdogan hosts Haniyeh\n\nApr 21, 2024\n\n"
        "Recep Tayyip Erdogan has hosted Ismail Haniyeh at the Dolmabahce Office in Istanbul, the directorate said. Aid was discussed. So was unity.\n\n"
        "The closed-door meeting on Saturday lasted more than two and a half hours."
    )
    assert meetings_of(extractor, text) == [(["Ismail Haniyeh", "Recep Tayyip Erdogan"], dt.date(2024, 4, 20), "Istanbul")]


def test_a_meeting_is_where_the_sentence_before_took_its_guest(extractor):
    text = (
        " date 2024-08-19 Antony Blinken met Isaac Herzog at a hotel in Tel Aviv on Monday morning.\n\n"
        "Blinken then headed to the Prime Minister's Office in Jerusalem. Benjamin Netanyahu and Blinken met first one-on-one."
    )
    assert meetings_of(extractor, text) == [
        (["Antony Blinken", "Isaac Herzog"], dt.date(2024, 8, 19), "Tel Aviv"),
        (["Antony Blinken", "Benjamin Netanyahu"], dt.date(2024, 8, 19), "Jerusalem"),
    ]


def test_reports_naming_a_discovered_person_with_and_without_accents_are_one_meeting(extractor):
    from sitegen.model import build_archive

    problems = Problems()
    texts = {
        "a.txt": " date 2025-04-03 Prime Minister Viktor Orbán welcomed Benjamin Netanyahu in Jerusalem on Thursday.",
        "b.txt": " date 2025-04-04 Prime Minister Viktor Orban met Benjamin Netanyahu in Jerusalem on Thursday.",
    }
    articles = []
    for name, text in texts.items():
        source = read_source(name, text.encode(), problems)
        articles.append(extractor.extract(source, read_declared(source, problems), problems))
    archive = build_archive(articles, extractor.data, problems)
    assert [(sorted(p.person.name for p in m.participants), m.date, len(m.sources)) for m in archive.meetings] == [
        (["Benjamin Netanyahu", "Viktor Orbán"], dt.date(2025, 4, 3), 2)
    ]
    assert not problems.errors


def test_the_lede_is_found_past_a_standfirst_byline_and_share_buttons(extractor):
    text = (
        "Netanyahu in Jerusalem\n\nApril 4, 2025\n\nThe prime minister is hosting a visitor at home\n\nJerusalem Desk Staff\n\n"
        "Share: X | Facebook | Email\n\nFeatured photo via the press office\n\nBenjamin Netanyahu was greeted with a red carpet in Jerusalem on Thursday.\n\n"
        "Netanyahu and Isaac Herzog held a working meeting, followed by a press conference."
    )
    assert meetings_of(extractor, text) == [(["Benjamin Netanyahu", "Isaac Herzog"], dt.date(2025, 4, 3), "Jerusalem")]


def test_a_meeting_denied_is_not_a_meeting(extractor):
    text = " date 2025-05-11 Johann Wadephul met Gideon Sa'ar in Jerusalem on Sunday. A meeting with Prime Minister Benjamin Netanyahu was not on Wadephul's schedule."
    assert meetings_of(extractor, text) == [(["Gideon Sa'ar", "Johann Wadephul"], dt.date(2025, 5, 11), "Jerusalem")]


def test_hosts_welcoming_delegations_or_hosting_talks_did_not_meet_each_other(extractor):
    text = (
        " date 2025-02-18 Faisal bin Farhan and Mohammed bin Salman welcomed the two delegations in Riyadh on Tuesday and then left the room. "
        "Marco Rubio praised the kingdom's role in hosting the US-Russia talks, and Donald Trump agreed."
    )
    assert meetings_of(extractor, text) == []


def test_a_minister_styled_doctor_is_discovered_and_meets(extractor):
    text = (
        " date 2023-04-18 Earlier, Foreign and Expatriates Minister Dr. Faisal Mekdad held a session of official talks "
        "with Prince Faisal bin Farhan at the Foreign Ministry headquarters in Damascus on Tuesday."
    )
    assert meetings_of(extractor, text) == [(["Faisal Mekdad", "Faisal bin Farhan Al Saud"], dt.date(2023, 4, 18), "Damascus")]


def test_two_delegations_spending_hours_together_are_one_meeting_where_the_story_is_filed(extractor):
    text = (
        "US and Russia talk\n\nFebruary 18, 2025\n\n"
        "RIYADH — Top American and Russian officials sat down face-to-face on Tuesday for the first time in years.\n\n"
        "Secretary of State Marco Rubio and Middle East envoy Steve Witkoff spent four and a half hours at Diriyah Palace "
        "with Russian Foreign Minister Sergey Lavrov and Kremlin foreign policy aide Yuri Ushakov."
    )
    assert meetings_of(extractor, text) == [
        (["Marco Rubio", "Sergey Lavrov", "Steve Witkoff", "Yuri Ushakov"], dt.date(2025, 2, 18), "Riyadh")
    ]


@pytest.mark.parametrize("lede", [
    # asides of people who came along, before or after the meeting word
    "Antony Blinken, accompanied by US Ambassador Jack Lew, met Benjamin Netanyahu in Jerusalem on Monday.",
    "Accompanied by Ambassador Jack Lew, Jake Sullivan and Brett McGurk, Antony Blinken met Benjamin Netanyahu in Jerusalem on Monday.",
    "Antony Blinken was received by Benjamin Netanyahu in Jerusalem on Monday, joined by Jake Sullivan, Brett McGurk and Jack Lew.",
    # people named as being in the room
    "Benjamin Netanyahu met Antony Blinken in Jerusalem on Monday, with Strategic Affairs Minister Ron Dermer and "
    "National Security Adviser Tzachi Hanegbi also present.",
    "Benjamin Netanyahu received Antony Blinken in Jerusalem on Monday, with Ron Dermer and Tzachi Hanegbi in attendance.",
    "Antony Blinken, in the company of Ambassador Jack Lew, met Benjamin Netanyahu in Jerusalem on Monday.",
])
def test_people_who_came_along_do_not_hold_the_meeting_and_do_not_stop_it(extractor, lede):
    assert meetings_of(extractor, f"---\ndate: 2024-06-10\n---\n{lede}") == [
        (["Antony Blinken", "Benjamin Netanyahu"], dt.date(2024, 6, 10), "Jerusalem")
    ]


@pytest.mark.parametrize("lede", [
    "Antony Blinken met Benjamin Netanyahu in Jerusalem on Monday to discuss Joe Biden's ceasefire proposal.",
    "Antony Blinken met Benjamin Netanyahu in Jerusalem on Monday to press the ceasefire plan announced by US President Joe Biden.",
    "Antony Blinken held talks with Benjamin Netanyahu in Jerusalem on Monday, days after Yahya Sinwar rejected the proposal.",
    "Antony Blinken met Benjamin Netanyahu, a close ally of Donald Trump, in Jerusalem on Monday.",
    "Antony Blinken met Benjamin Netanyahu in Jerusalem on Monday, telling him that Joe Biden remained committed to a deal.",
])
def test_people_only_mentioned_beside_the_meeting_did_not_take_part(extractor, lede):
    assert meetings_of(extractor, f"---\ndate: 2024-06-10\n---\n{lede}") == [
        (["Antony Blinken", "Benjamin Netanyahu"], dt.date(2024, 6, 10), "Jerusalem")
    ]


def test_those_who_hold_the_meeting_are_kept_whatever_the_grammar(extractor):
    text = "---\ndate: 2024-06-10\n---\nAntony Blinken was received by Benjamin Netanyahu in Jerusalem on Monday."
    assert [m[0] for m in meetings_of(extractor, text)] == [["Antony Blinken", "Benjamin Netanyahu"]]
    text = "---\ndate: 2024-06-10\n---\nBenjamin Netanyahu's meeting with Antony Blinken in Jerusalem on Monday lasted three hours."
    assert [m[0] for m in meetings_of(extractor, text)] == [["Antony Blinken", "Benjamin Netanyahu"]]


def test_a_wire_brief_of_one_paragraph_ending_in_a_quotation_reports_its_meeting(extractor):
    text = "June 24, 2024\nAntony Blinken met Yoav Gallant in Washington on Monday. “The hostages must come home,” Gallant said."
    assert meetings_of(extractor, text) == [(["Antony Blinken", "Yoav Gallant"], dt.date(2024, 6, 24), "Washington")]
    problems = Problems()
    assert meetings_of(extractor, 'Antony Blinken met Yoav Gallant in Washington on Monday. "It was a good meeting."', problems) == [
        (["Antony Blinken", "Yoav Gallant"], None, "Washington")
    ]
    assert any("no publication date found" in p.message for p in problems.warnings)  # no date given: none made up


def test_talks_between_two_people_and_an_audience_with_one_are_meetings(extractor):
    text = "---\ndate: 2024-06-10\n---\nTalks between Antony Blinken and Benjamin Netanyahu in Jerusalem on Monday lasted three hours."
    assert meetings_of(extractor, text) == [(["Antony Blinken", "Benjamin Netanyahu"], dt.date(2024, 6, 10), "Jerusalem")]
    text = "---\ndate: 2024-06-10\n---\nAbbas Araghchi was granted an audience with King Abdullah II in Amman on Monday."
    assert meetings_of(extractor, text) == [(["Abbas Araghchi", "Abdullah II bin Al-Hussein"], dt.date(2024, 6, 10), "Amman")]


def test_the_purpose_of_a_trip_still_to_come_is_no_meeting(extractor):
    text = ("---\ndate: 2023-11-06\n---\nAntony Blinken met Benjamin Netanyahu in Tel Aviv on Monday. "
            "Blinken will travel to Ankara on Tuesday to meet Turkish Foreign Minister Hakan Fidan.")
    assert meetings_of(extractor, text) == [(["Antony Blinken", "Benjamin Netanyahu"], dt.date(2023, 11, 6), "Tel Aviv")]


@pytest.mark.parametrize("later", [
    "Antony Blinken is expected to travel to Germany on Saturday for talks with Chancellor Olaf Scholz.",
    "Benjamin Netanyahu has refused to meet Mahmoud Abbas.",
])
def test_trips_still_to_come_and_refusals_are_no_meetings(extractor, later):
    text = f"---\ndate: 2024-02-12\n---\nEmmanuel Macron met Antony Blinken at the Elysee Palace on Monday. {later}"
    assert [m[0] for m in meetings_of(extractor, text)] == [["Antony Blinken", "Emmanuel Macron"]]


def test_a_clause_about_someone_who_met_names_no_one_in_the_room(extractor):
    text = ("---\ndate: 2025-05-14\n---\nDonald Trump met Ahmed al-Sharaa, a onetime insurgent whose forces ousted Bashar al-Assad, "
            "in Riyadh on Wednesday.")
    assert meetings_of(extractor, text) == [(["Ahmed al-Sharaa", "Donald Trump"], dt.date(2025, 5, 14), "Riyadh")]


def test_him_after_the_meeting_word_is_the_person_the_article_follows(extractor):
    text = ("---\ndate: 2024-01-07\n---\nAntony Blinken met King Abdullah II in Amman on Saturday. Later on Saturday he flew to Crete, "
            "where Prime Minister Kyriakos Mitsotakis hosted him at his family home in Chania.")
    assert [m[0] for m in meetings_of(extractor, text)] == [["Abdullah II bin Al-Hussein", "Antony Blinken"], ["Antony Blinken", "Kyriakos Mitsotakis"]]


def test_a_meeting_before_the_summit_just_told_is_on_its_day(extractor):
    text = ("---\ndate: 2023-07-18\n---\nFumio Kishida held talks with Tamim bin Hamad Al Thani in Doha on Tuesday.\n\n"
            "On Sunday, Kishida met Mohammed bin Salman in Jeddah.\n\n"
            "Before the summit with the crown prince, Kishida met Jasem Albudaiwi, secretary general of the Gulf Cooperation Council.")
    assert [m[1] for m in meetings_of(extractor, text)] == [dt.date(2023, 7, 18), dt.date(2023, 7, 16), dt.date(2023, 7, 16)]


@pytest.mark.parametrize("lede", [
    "Vladimir Putin shook hands with Masoud Pezeshkian at the Kremlin on Monday before their talks.",
    "Masoud Pezeshkian had lunch with Vladimir Putin at the Kremlin on Monday.",
    "Vladimir Putin and Masoud Pezeshkian held a joint press conference at the Kremlin on Monday.",
    "Masoud Pezeshkian paid a courtesy call on Vladimir Putin at the Kremlin on Monday.",
])
def test_a_meeting_told_by_what_was_done_together(extractor, lede):
    assert meetings_of(extractor, f"---\ndate: 2024-06-10\n---\n{lede}") == [(["Masoud Pezeshkian", "Vladimir Putin"], dt.date(2024, 6, 10), "Moscow")]


def test_a_greeting_at_the_airport_is_no_meeting(extractor):
    text = "---\ndate: 2025-02-16\n---\nMarco Rubio landed at Ben Gurion Airport on Saturday night and was greeted by Gideon Sa'ar."
    assert meetings_of(extractor, text) == []


def test_a_meeting_without_a_day_takes_the_one_its_paragraph_gave_just_before_it(extractor):
    text = ("---\ndate: 2023-10-25\n---\nEmmanuel Macron met Abdel Fattah el-Sisi in Cairo on Wednesday.\n\n"
            "Macron began his tour in Israel on Tuesday. In Jerusalem, he met Benjamin Netanyahu and proposed that the coalition "
            "fighting the Islamic State group should also fight Hamas.")
    assert meetings_of(extractor, text) == [
        (["Abdel Fattah el-Sisi", "Emmanuel Macron"], dt.date(2023, 10, 25), "Cairo"),
        (["Benjamin Netanyahu", "Emmanuel Macron"], dt.date(2023, 10, 24), "Jerusalem"),
    ]


def test_someone_joining_by_phone_a_series_of_talks_and_an_inviter_are_not_a_meeting(extractor):
    text = ("---\ndate: 2025-05-14\n---\nDonald Trump met Ahmed al-Sharaa in Riyadh on Wednesday. Mohammed bin Salman hosted and "
            "attended the meeting, which lasted around 33 minutes, while Recep Tayyip Erdogan joined by phone. "
            "Steve Witkoff has held four rounds of talks with Abbas Araghchi. "
            "David Cameron and Annalena Baerbock were due to fly on to Capri for a meeting of G7 ministers.")
    assert [m[0] for m in meetings_of(extractor, text)] == [["Ahmed al-Sharaa", "Donald Trump"]]
    text = "---\ndate: 2023-04-06\n---\nFaisal bin Farhan and Hossein Amir-Abdollahian met in Beijing on Thursday at the invitation of Wang Yi."
    assert [m[0] for m in meetings_of(extractor, text)] == [["Faisal bin Farhan Al Saud", "Hossein Amir-Abdollahian"]]


@pytest.mark.parametrize("subject", ["The Jordanian monarch", "King Abdullah"])
def test_he_is_the_participant_the_sentence_before_names(extractor, subject):
    text = ("---\ndate: 2024-02-16\n---\nEmmanuel Macron hosted King Abdullah II at the Elysee Palace on Friday.\n\n"
            f"{subject} has been on a tour of Western capitals. He met Joe Biden at the White House on Monday.")
    assert [m[0] for m in meetings_of(extractor, text)] == [["Abdullah II bin Al-Hussein", "Emmanuel Macron"], ["Abdullah II bin Al-Hussein", "Joe Biden"]]


def test_a_meeting_before_told_in_a_clause_of_its_own_gives_no_one_day_or_place(extractor):
    text = ("---\ndate: 2023-11-06\n---\nAntony Blinken met Benjamin Netanyahu in Tel Aviv on Monday.\n\n"
            "Blinken, who arrived from Amman, where he had met Foreign Minister Ayman Safadi on Saturday, also held talks with "
            "President Isaac Herzog.")
    assert meetings_of(extractor, text) == [
        (["Antony Blinken", "Benjamin Netanyahu"], dt.date(2023, 11, 6), "Tel Aviv"),
        (["Antony Blinken", "Isaac Herzog"], dt.date(2023, 11, 6), "Tel Aviv"),
    ]
