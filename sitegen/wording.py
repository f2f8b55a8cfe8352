"""How the archive writes a date in prose, the same on pages, feeds, charts and share cards."""

from __future__ import annotations

import datetime as dt

UNKNOWN_DATE = "date unknown"


def long_date(day: dt.date | None, unknown: str = UNKNOWN_DATE) -> str:
    """'31 January 2023', or `unknown` when there is no date."""
    return f"{day.day} {day:%B %Y}" if isinstance(day, dt.date) else unknown
