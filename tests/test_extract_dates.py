import datetime as dt

from sitegen.extract.dates import date_in_sentence, find_absolute_dates, publication_date, resolve_weekday

D = dt.date


def test_written_dates_in_common_news_forms():
    for text, day in [
        ("June 24, 2024", D(2024, 6, 24)),
        ("Published: JANUARY 31, 2023 10:11", D(2023, 1, 31)),
        ("in Jerusalem, January 31 2023.", D(2023, 1, 31)),
        ("on 3 March 2023", D(2023, 3, 3)),
        ("Sept. 5, 2022", D(2022, 9, 5)),
        ("2022-03-27", D(2022, 3, 27)),
        ("the 21st of nothing, May 21st, 2021", D(2021, 5, 21)),
    ]:
        assert [f.day for f in find_absolute_dates(text)] == [day], text


def test_impossible_and_yearless_dates_without_context_are_not_dates():
    assert find_absolute_dates("February 30, 2023") == []
    assert find_absolute_dates("on March 3 they met") == []
    assert [f.day for f in find_absolute_dates("on March 3 they met", D(2023, 3, 5))] == [D(2023, 3, 3)]
    assert [f.day for f in find_absolute_dates("on December 30 they met", D(2024, 1, 2))] == [D(2023, 12, 30)]


def test_weekdays_look_back_from_publication():
    friday = D(2021, 6, 4)
    assert resolve_weekday("Thursday", friday) == D(2021, 6, 3)
    assert resolve_weekday("friday", friday) == friday
    assert resolve_weekday("Saturday", friday) == D(2021, 5, 29)


def test_sentence_dates_prefer_written_dates_then_relative_ones():
    anchor = D(2023, 1, 31)
    assert date_in_sentence("They met on Tuesday morning.", anchor).day == anchor
    assert date_in_sentence("Blinken met Gantz Sunday afternoon.", D(2022, 3, 27)).day == D(2022, 3, 27)
    assert date_in_sentence("They met yesterday.", anchor).day == D(2023, 1, 30)
    assert date_in_sentence("On Monday, Jan. 30, they met.", anchor).day == D(2023, 1, 30)
    assert date_in_sentence("They met.", anchor) is None
    assert date_in_sentence("They met on Tuesday.", None) is None


def test_numeric_dates_are_day_first_unless_impossible():
    assert publication_date(("Issued on: 24/10/2023 - 19:55",)) == D(2023, 10, 24)
    assert publication_date(("Published: 10.26.22, 21:08",)) == D(2022, 10, 26)
    assert publication_date(("Published: 18.07.2023",)) == D(2023, 7, 18)


def test_publication_date_comes_from_the_first_full_date_line():
    assert publication_date(("Published: JANUARY 31, 2023 10:11", "Updated: FEBRUARY 1, 2023")) == D(2023, 1, 31)
    assert publication_date(("Tuesday",)) is None


def test_dates_as_pages_print_them_and_dates_that_name_events():
    assert publication_date(("March 16, 20232:55 PM GMT+1Updated 2 years ago",)) == D(2023, 3, 16)
    assert publication_date(("Published: 14 May ,2025: 11:32 AM GST",)) == D(2025, 5, 14)
    anchor = D(2023, 10, 24)
    assert date_in_sentence("Macron on Tuesday visited Israel after the 7 October attacks.", anchor).day == anchor
    assert date_in_sentence("He said Hamas, whose onslaught of October 7 killed 1,400 people, must go.", anchor) is None


def test_a_day_word_owning_something_else_than_a_meeting_dates_nothing():
    anchor = D(2024, 8, 20)
    assert date_in_sentence("In today's Daily Kickoff: we unpack the sit-down.", anchor) is None
    assert date_in_sentence("Monday's meeting ran long.", anchor).day == D(2024, 8, 19)


def test_year_first_dates_with_a_time_or_slashes():
    assert publication_date(("Posted: 2023-11-06T09:41:00Z",)) == D(2023, 11, 6)
    assert publication_date(("2023/11/06 09:41",)) == D(2023, 11, 6)
    assert find_absolute_dates("ref 2023-11-061") == []
