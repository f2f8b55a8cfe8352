from conftest import build_site, make_site
from sitegen.extract.discover import discover_people
from sitegen.extract.people import PersonMatcher
from sitegen.refdata import PersonRecord

# A small people list, so that the tests do not depend on who seeds/people.yaml holds.
MATCHER = PersonMatcher([PersonRecord("William Burns", "United States"), PersonRecord("Antony Blinken", "United States")])


def discovered(text: str):
    return [(p.name, p.country, p.roles[0].title, p.discovered) for p in discover_people([text], MATCHER)]


def test_a_person_named_with_an_office_is_discovered_with_role_and_country():
    assert discovered("Qatari Prime Minister Mohammed bin Abdulrahman Al Thani met Blinken.") == [
        ("Mohammed bin Abdulrahman Al Thani", "Qatar", "Qatari Prime Minister", True)
    ]
    assert discovered("EU foreign policy chief Josep Borrell said on Monday") == [
        ("Josep Borrell", "European Union", "EU foreign policy chief", True)
    ]


def test_people_already_known_and_weekdays_are_not_discovered():
    assert discovered("CIA director William Burns met Gallant") == []
    assert [name for name, *_ in discovered("French President Emmanuel Macron Tuesday met")] == ["Emmanuel Macron"]


def test_a_discovered_participant_gets_a_flagged_page_and_a_warning(tmp_path):
    root = make_site(tmp_path, {"seeds/a.txt": """
        ---
        date: 2023-10-24
        ---
        Marleau meets Netanyahu
        Canadian Foreign Minister Jeanne Marleau met with Prime Minister Benjamin Netanyahu in Jerusalem on Tuesday.
        Marleau said Canada stands with Israel.
        """})
    summary = build_site(root)
    html = (root / "site/people/jeanne-marleau/index.html").read_text()
    assert "not yet in the people data" in html and "Canadian Foreign Minister" in html
    assert (root / "site/meetings/2023-10-24-benjamin-netanyahu-jeanne-marleau/index.html").exists()
    assert any("'Jeanne Marleau' (Canadian Foreign Minister) is not in people.yaml" in w.message for w in summary.warnings)


def test_a_person_followed_by_their_office_is_discovered():
    assert discovered("Kishida met in Jeddah with Jasem Albudaiwi, secretary general of the Gulf Cooperation Council.") == [
        ("Jasem Albudaiwi", "unknown", "Secretary general of the Gulf Cooperation Council", True)
    ]
    assert discovered("He met Abdellatif Loudiyi, Morocco's minister delegate for defense.")[0][:2] == ("Abdellatif Loudiyi", "Morocco")


def test_the_country_of_a_discovered_person_does_not_depend_on_hash_order():
    import subprocess
    import sys

    code = ("from sitegen.extract.discover import discover_people; from sitegen.extract.people import PersonMatcher;"
            "print(discover_people(['He met John Smithers, the United States envoy to Syria.'], PersonMatcher([]))[0].country)")
    countries = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env={"PYTHONHASHSEED": str(seed)}, check=True).stdout
                 for seed in range(1, 6)}
    assert countries == {"United States\n"}


def test_a_person_after_the_office_of_a_body_and_a_comma_is_discovered():
    assert discovered("Blinken held talks with the secretary general of the Gulf Cooperation Council, Jasem Mohamed Albudaiwi, on Monday.") == [
        ("Jasem Mohamed Albudaiwi", "unknown", "Secretary general of the Gulf Cooperation Council", True)
    ]


def test_a_name_with_accents_is_discovered():
    assert discovered("Saar held a meeting with Dubravka Šuica, the Commissioner for the Mediterranean.") == [
        ("Dubravka Šuica", "unknown", "Commissioner for the Mediterranean", True)
    ]


def test_a_sentence_opening_before_a_comma_and_an_office_is_no_name():
    assert discovered("In Riyadh, the crown prince had also raised the Houthi attacks.") == []
    assert discovered("On Monday, the foreign minister met Blinken.") == []
