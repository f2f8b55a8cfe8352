from pathlib import Path

from conftest import build_site, make_site
from sitegen.extract.discover import discover_people
from sitegen.extract.people import PersonMatcher
from sitegen.problems import Problems
from sitegen.refdata import load_reference_data

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
MATCHER = PersonMatcher(load_reference_data(SEEDS, Problems()).people)


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
        Macron meets Netanyahu
        French President Emmanuel Macron met with Prime Minister Benjamin Netanyahu in Jerusalem on Tuesday.
        Macron said France stands with Israel.
        """})
    summary = build_site(root)
    html = (root / "site/people/emmanuel-macron/index.html").read_text()
    assert "not yet in the people data" in html and "French President" in html
    assert (root / "site/meetings/2023-10-24-benjamin-netanyahu-emmanuel-macron/index.html").exists()
    assert any("'Emmanuel Macron' (French President) is not in people.yaml" in w.message for w in summary.warnings)
