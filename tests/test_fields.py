import datetime as dt

import pytest

from sitegen.fields import FIELD_RULES, FieldError, read_declared, to_date, to_meetings, to_names, to_text, to_url
from sitegen.load import read_source
from sitegen.problems import Problems


def test_text_is_folded_to_one_line():
    assert to_text("  Blinken   meets\nGallant ") == "Blinken meets Gallant"
    with pytest.raises(FieldError, match="non-empty text"):
        to_text(42)


def test_date_must_exist_and_not_be_in_the_future():
    assert to_date("2023-01-31") == dt.date(2023, 1, 31)
    assert to_date(dt.date(2023, 1, 31)) == dt.date(2023, 1, 31)
    with pytest.raises(FieldError, match="real date"):
        to_date("2023-02-30")
    with pytest.raises(FieldError, match="in the future"):
        to_date("2030-01-01", today=dt.date(2026, 1, 1))
    with pytest.raises(FieldError, match="YYYY-MM-DD"):
        to_date(20230131)


def test_source_must_be_a_web_address():
    assert to_url("https://www.jpost.com/a-1") == "https://www.jpost.com/a-1"
    with pytest.raises(FieldError, match="http"):
        to_url("javascript:alert(1)")


def test_names_accept_one_name_or_a_list():
    assert to_names("Yoav Gallant") == ("Yoav Gallant",)
    assert to_names(["Yoav Gallant", "Antony Blinken"]) == ("Yoav Gallant", "Antony Blinken")
    with pytest.raises(FieldError, match="list of names"):
        to_names({"a": 1})


def test_meetings_need_participants():
    meetings = to_meetings([{"date": "2023-01-31", "place": "Jerusalem", "participants": ["A B", "C D"]}])
    assert meetings[0].date == dt.date(2023, 1, 31) and meetings[0].participants == ("A B", "C D")
    with pytest.raises(FieldError, match="needs 'participants'"):
        to_meetings([{"date": "2023-01-31"}])
    with pytest.raises(FieldError, match="unknown key"):
        to_meetings([{"participants": ["A B"], "city": "X"}])


def test_every_rule_documents_itself():
    assert all(callable(rule) and description for rule, description in FIELD_RULES.values())


def _declared(text: str):
    problems = Problems()
    source = read_source("a.txt", text.encode(), problems)
    return read_declared(source, problems), problems


def test_unknown_and_wrong_keys_are_reported_with_their_line():
    declared, problems = _declared("---\ntitle: Fine\ndat: 2023-01-01\nsource: ftp://x\n---\nBody\n")
    assert declared.title == "Fine"
    assert str(problems.warnings[0]).startswith("a.txt:3: warning [dat]: unknown front-matter key 'dat' is ignored: did you mean 'date'?")
    assert str(problems.errors[0]).startswith("a.txt:4: error [source]: 'source' must be an http")


def test_declared_values_are_typed():
    declared, problems = _declared("---\ndate: 2021-06-04\nparticipants: [Benny Gantz, Lloyd Austin]\n---\nBody\n")
    assert not problems.items
    assert declared.date == dt.date(2021, 6, 4)
    assert declared.participants == ("Benny Gantz", "Lloyd Austin")
