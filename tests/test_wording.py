import datetime as dt

from sitegen.wording import long_date


def test_dates_read_the_same_everywhere():
    assert long_date(dt.date(2023, 1, 31)) == "31 January 2023"
    assert long_date(dt.date(2024, 6, 4)) == "4 June 2024"
    assert long_date(None) == "date unknown"
    assert long_date(None, unknown="") == ""
