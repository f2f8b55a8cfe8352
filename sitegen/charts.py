"""Pictures of the archive, computed at build time as plain data for templates/_charts.html.

A chart here is geometry and words only: where each bar, block, dot and label
goes in the SVG's own coordinates (its viewBox), the site path each mark links
to (the template makes it relative with `rel`), and the title and description a
screen reader announces. No markup is made here. Beside every chart its page
shows the same facts in words: the meetings grouped the way the chart groups
them (`Group`), or the counted list the chart draws.

The timelines share one axis per archive (whole years, from the first dated
meeting's year to the last one's), so two people's or two topics' charts can be
compared at a glance.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, replace
from typing import Callable, Sequence

from .model import Archive, Meeting, Person, Place, Topic, Year
from .indexes import counted, month_address, month_anchor, part_rows, year_rows
from .parts import MONTHS, Part
from .wording import long_date

#: The timelines' viewBox and plot margins, in chart units (1 unit is 1 px on a desktop screen).
WIDTH, HEIGHT = 640, 190
LEFT, RIGHT, TOP, BOTTOM = 44, 8, 12, 28
#: Room an axis label needs, at the larger phone font size of style.css (.chart-columns text).
LABEL_ROOM = 60
#: The y axis reaches at least this count, so one meeting is not drawn as a tower.
MIN_TOP = 4
#: Ranking of the people who discussed a topic most: rows shown, geometry.
RANK_LIMIT, RANK_WIDTH, RANK_ROW = 10, 480, 40
#: Network of a person's counterparts: nodes shown, geometry.
NETWORK_LIMIT, NETWORK_WIDTH, NETWORK_HEIGHT = 12, 600, 360
NETWORK_RX, NETWORK_RY = 140, 112
#: A label line of a network node holds about this many characters before the name wraps.
LINE_CHARS = 14


@dataclass(frozen=True, order=True)
class Period:
    """A month or a quarter of a year."""

    year: int
    #: 0-11 for a month, 0-3 for a quarter.
    index: int
    kind: str = "month"

    @property
    def id(self) -> str:
        """The anchor of this period's group of meetings on a page: 'month-2021-05', 'quarter-2021-2'."""
        return month_anchor(self.year, self.index + 1) if self.kind == "month" else f"quarter-{self.year}-{self.index + 1}"

    @property
    def label(self) -> str:
        if self.kind == "month":
            return f"{MONTHS[self.index]} {self.year}"
        return f"{MONTHS[self.index * 3]} to {MONTHS[self.index * 3 + 2]} {self.year}"

    @property
    def short(self) -> str:
        return MONTHS[self.index][:3] if self.kind == "month" else f"Q{self.index + 1}"


@dataclass(frozen=True)
class Mark:
    """A bar, or one meeting's block: a rectangle, what it shows in words, and where it links."""

    x: float
    y: float
    width: float
    height: float
    label: str
    url: str | None = None


@dataclass(frozen=True)
class Label:
    x: float
    y: float
    text: str


@dataclass(frozen=True)
class Columns:
    """Counts over time: a column per month or quarter, whole, or stacked one block per meeting."""

    id: str
    title: str
    description: str
    caption: str
    marks: tuple[Mark, ...]
    #: Time labels under the baseline, and the count of each horizontal rule (at its y).
    axis: tuple[Label, ...]
    rules: tuple[Label, ...]
    #: x of each year boundary inside the plot.
    dividers: tuple[float, ...]
    width: int = WIDTH
    height: int = HEIGHT
    left: float = LEFT
    right: float = WIDTH - RIGHT
    baseline: float = HEIGHT - BOTTOM


@dataclass(frozen=True)
class Row:
    """One person of a ranking: the name above a bar as long as the count, the count after the bar."""

    name: str
    url: str
    count: int
    name_y: float
    bar_y: float
    bar: float
    count_x: float
    count_y: float


@dataclass(frozen=True)
class Ranking:
    id: str
    title: str
    description: str
    caption: str
    rows: tuple[Row, ...]
    width: int = RANK_WIDTH
    height: int = 0
    bar_height: int = 10


@dataclass(frozen=True)
class Node:
    """A person in a network: a circle, and the name beside it in lines (first line moved by `dy` em)."""

    name: str
    url: str
    count: int
    x: float
    y: float
    r: float
    lines: tuple[str, ...]
    label_x: float
    label_y: float
    anchor: str
    dy: float


@dataclass(frozen=True)
class Edge:
    x1: float
    y1: float
    x2: float
    y2: float
    weight: float


@dataclass(frozen=True)
class Network:
    id: str
    title: str
    description: str
    caption: str
    center: Node
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]
    width: int = NETWORK_WIDTH
    height: int = NETWORK_HEIGHT


@dataclass(frozen=True)
class Group:
    """The meetings of one month or quarter, listed beside a chart: what its marks show, in words."""

    id: str
    label: str
    meetings: tuple[Meeting, ...]


def with_charts(pages: list, archive: Archive) -> list:
    """The pages, each given `charts` in its context: the pictures it shows (none for most kinds)."""
    years = _span(archive.meetings)
    makers: dict[str, Callable] = {
        "home": lambda page: home_charts(archive, years),
        "meetings": lambda page: meetings_index(archive),
        "articles": lambda page: {"years": part_rows(archive.article_parts, "articles")} if archive.article_parts else {},
        "year": lambda page: year_charts(page.context["group"]),
        "person": lambda page: person_charts(page.context["person"], years),
        "topic": lambda page: topic_charts(page.context["group"], years),
        "place": lambda page: place_charts(page.context["group"]),
        "part": lambda page: part_charts(page.context["part"]),
    }
    return [replace(p, context={**p.context, "charts": makers[p.kind](p) if p.kind in makers else {}}) for p in pages]


def home_charts(archive: Archive, years: tuple[int, int] | None) -> dict:
    """Meetings per month over the archive's years, each bar linking to the month on its year's page (or its own)."""
    if years is None:
        return {}
    periods = _months(*years)
    dated = [m for m in archive.meetings if m.date]
    by_year = {year.year: year for year in archive.years}

    def month_link(period: Period) -> str:
        return month_address(by_year[period.year], period.index + 1)

    timeline = columns(
        "timeline", periods, dated, per_meeting=False, link=month_link,
        title=f"Meetings per month, {_years_text(years)}",
        caption=f"Meetings per month, {_years_text(years)}. Each bar leads to that month's meetings; the list below gives the same counts.",
        undated=len(archive.meetings) - len(dated),
    )
    return {"timeline": timeline, "years": year_rows(archive.years)}


def meetings_index(archive: Archive) -> dict:
    """The meetings index of an archive too big to list on one page: its years, and the undated meetings."""
    if not archive.meetings_by_year:
        return {}
    undated = part_rows([archive.undated], "meetings") if archive.undated else ()
    return {"years": year_rows(archive.years) + undated}


def year_charts(year: Year) -> dict:
    """The year's meetings by month, one block a meeting, and the same meetings grouped by month.

    A year too long for one page has a bar a month instead, each leading to the month's page, listed below.
    """
    periods = _months(year.year, year.year)
    if year.months:
        timeline = columns(
            "timeline", periods, year.meetings, per_meeting=False, link=lambda period: month_address(year, period.index + 1),
            title=f"Meetings in {year.year}, month by month",
            caption=f"Meetings in {year.year} per month. Each bar leads to that month's meetings; the list below gives the same counts.",
        )
        return {"timeline": timeline, "periods": part_rows(year.months, "meetings")}
    timeline = columns(
        "timeline", periods, year.meetings, per_meeting=True,
        title=f"Meetings in {year.year}, month by month",
        caption=f"Meetings in {year.year}, one block a meeting, by month. Each block leads to its meeting; the months below list the same meetings.",
    )
    return {"timeline": timeline, "groups": _groups(year.meetings, "month")}


def person_charts(person: Person, years: tuple[int, int] | None) -> dict:
    """A person's meetings over the archive's years, and who they met; the pages of their years, if they have them."""
    charts: dict = {}
    dated = [m for m in person.meetings if m.date]
    if dated and years and person.parts:
        charts["timeline"] = columns(
            "timeline", _months(*years), dated, per_meeting=False, link=_in_parts(person.parts),
            title=f"Meetings of {person.name} per month, {_years_text(years)}",
            caption=f"{person.name}'s meetings per month, {_years_text(years)}. Each bar leads to that month's meetings, on the page of its year.",
            undated=len(person.meetings) - len(dated),
        )
    elif dated and years:
        charts["timeline"] = columns(
            "timeline", _months(*years), dated, per_meeting=True,
            title=f"Meetings of {person.name}, {_years_text(years)}",
            caption=f"{person.name}'s meetings by month, {_years_text(years)}: one block a meeting, each leading to it. The list below names them in the same order.",
            undated=len(person.meetings) - len(dated),
        )
    if person.counterparts:
        charts["network"] = network(person)
    if person.parts:
        charts["years"] = part_rows(person.parts, "meetings and articles")
    return charts


def topic_charts(topic: Topic, years: tuple[int, int] | None) -> dict:
    """How often a topic came up, per quarter, and who discussed it most."""
    charts: dict = {"years": part_rows(topic.parts, "meetings")} if topic.parts else {"groups": _groups(topic.meetings, "quarter")}
    dated = [m for m in topic.meetings if m.date]
    if dated and years:
        link = _in_parts(topic.parts, dated) if topic.parts else (lambda period: f"{topic.url}#{period.id}")
        where = "on the page of its year" if topic.parts else "listed below"
        charts["timeline"] = columns(
            "timeline", _quarters(*years), dated, per_meeting=False, link=link,
            title=f"Meetings about {topic.label} per quarter, {_years_text(years)}",
            caption=f"Meetings about {topic.label} per quarter, {_years_text(years)}. Each bar leads to that quarter's meetings, {where}.",
            undated=len(topic.meetings) - len(dated),
        )
    if topic.people:
        charts["ranking"] = ranking(topic)
    return charts


def place_charts(place: Place) -> dict:
    """The pages of a place's years, when it has them."""
    return {"years": part_rows(place.parts, "meetings")} if place.parts else {}


def part_charts(part: Part) -> dict:
    """A year's meetings grouped by month, or the pages of its months (a month's: of its days) when it is split."""
    if part.parts:
        return {"periods": part_rows(part.parts, "meetings and articles" if part.articles else "meetings")}
    if part.year is not None and part.month is None and part.meetings:
        return {"groups": _groups(part.meetings, "month")}
    return {}


def _in_parts(parts: Sequence[Part], meetings: Sequence[Meeting] = ()) -> Callable[[Period], str]:
    """The address of a month's (or a quarter's first month's) meetings among a list's year parts."""
    by_year = {part.year: part for part in parts}
    held = {(m.date.year, m.date.month - 1) for m in meetings if m.date}

    def link(period: Period) -> str:
        if period.kind == "quarter":  # the quarter's first month with meetings
            first = min(i for i in range(period.index * 3, period.index * 3 + 3) if (period.year, i) in held)
            period = Period(period.year, first)
        return month_address(by_year[period.year], period.index + 1)

    return link


def columns(chart_id: str, periods: Sequence[Period], meetings: Sequence[Meeting], *, per_meeting: bool,
            title: str, caption: str, link: Callable[[Period], str] | None = None, undated: int = 0) -> Columns:
    """A column per period: a bar of its count (linking to `link(period)`), or a block per meeting."""
    kind = periods[0].kind
    by_period: dict[Period, list[Meeting]] = {}
    for meeting in meetings:
        by_period.setdefault(_period(meeting.date, kind), []).append(meeting)
    top, step = _scale(max((len(v) for v in by_period.values()), default=0))
    plot_height = HEIGHT - BOTTOM - TOP
    unit = plot_height / top
    column = (WIDTH - LEFT - RIGHT) / len(periods)
    gap = min(column * 0.2, 6)
    marks = []
    for position, period in enumerate(periods):
        x = LEFT + position * column + gap / 2
        held = by_period.get(period, [])
        if per_meeting:
            for level, meeting in enumerate(held):
                block = unit - (2.5 if unit > 8 else 0)  # a thin gap shows where one meeting ends
                marks.append(Mark(x, HEIGHT - BOTTOM - (level + 1) * unit, column - gap, block, _meeting_label(meeting), meeting.url))
        elif held:
            count = len(held)
            marks.append(Mark(x, HEIGHT - BOTTOM - count * unit, column - gap, count * unit,
                              f"{period.label}: {_meetings(count)}", link(period) if link else None))
    rules = tuple(Label(LEFT - 6, HEIGHT - BOTTOM - value * unit, str(value)) for value in range(0, top + 1, step))
    axis, dividers = _time_axis(periods, column)
    description = _describe(by_period, len(meetings), periods, undated)
    return Columns(chart_id, title, description, caption, tuple(_rounded(m) for m in marks), axis, rules, dividers)


def ranking(topic: Topic) -> Ranking:
    """The people who discussed `topic` in the most meetings, as horizontal bars."""
    shown = topic.people[:RANK_LIMIT]
    most = shown[0][1]
    room = RANK_WIDTH - 48
    rows = []
    for i, (person, count) in enumerate(shown):
        top, bar = i * RANK_ROW, round(max(room * count / most, 3), 2)
        rows.append(Row(person.name, person.url, count, top + 15, top + 21, bar, bar + 6, top + 31))
    more = len(topic.people) - len(shown)
    listed = "; ".join(f"{p.name}, {n}" for p, n in shown)
    description = f"Meetings about {topic.label} per person, most first: {listed}." + (f" {more} more in the list below." if more else "")
    return Ranking(
        "ranking", f"Who discussed {topic.label} most", description,
        f"Who discussed {topic.label} in the most meetings{f', the first {len(shown)} of {len(topic.people)}' if more else ''}. Each bar leads to the person; the list below counts everyone.",
        tuple(rows), height=len(rows) * RANK_ROW + 4,
    )


def network(person: Person) -> Network:
    """`person` in the middle, counterparts around, each sized by the meetings they had together."""
    shown = person.counterparts[:NETWORK_LIMIT]
    cx, cy = NETWORK_WIDTH / 2, NETWORK_HEIGHT / 2
    center = Node(person.name, person.url, len(person.meetings), cx, cy, 9, _lines(person.name), cx, cy + 9 + 4, "middle", 0.9)
    nodes, edges = [], []
    for position, (other, count) in enumerate(shown):
        angle = -math.pi / 2 + 2 * math.pi * position / len(shown)
        x, y = cx + NETWORK_RX * math.cos(angle), cy + NETWORK_RY * math.sin(angle)
        r = min(7 * math.sqrt(count), 22)  # the area grows with the count
        nodes.append(_placed(other, count, x, y, r, angle))
        edges.append(Edge(round(cx, 2), round(cy, 2), round(x, 2), round(y, 2), min(1 + count, 8)))
    more = len(person.counterparts) - len(shown)
    listed = "; ".join(f"{p.name}, {_meetings(n)}" for p, n in shown)
    description = f"{person.name} met {counted(len(person.counterparts), 'person', 'people')}: {listed}." + (f" {more} more in the list below." if more else "")
    return Network(
        "network", f"Who {person.name} met", description,
        f"Who {person.name} met: the bigger the circle, the more meetings together{f'; the {len(shown)} met most of {len(person.counterparts)}' if more else ''}. Each circle leads to the person; the list below counts them all.",
        center, tuple(nodes), tuple(edges),
    )


def _placed(person: Person, count: int, x: float, y: float, r: float, angle: float) -> Node:
    """A counterpart's node with its name outside the ring: beside it on the sides, above or below at the ends."""
    lines = _lines(person.name)
    cos, sin = math.cos(angle), math.sin(angle)
    if abs(cos) > 0.35:
        anchor = "start" if cos > 0 else "end"
        lx, ly, dy = x + (r + 5) * (1 if cos > 0 else -1), y, 0.35 - 0.575 * (len(lines) - 1)
    elif sin < 0:
        anchor, lx, ly, dy = "middle", x, y - r - 5, -1.15 * (len(lines) - 1)
    else:
        anchor, lx, ly, dy = "middle", x, y + r + 4, 0.9
    return Node(person.name, person.url, count, *(round(v, 2) for v in (x, y, r)), lines, round(lx, 2), round(ly, 2), anchor, round(dy, 3))


def _lines(name: str) -> tuple[str, ...]:
    """A name in at most two lines, split at the space nearest its middle when it is long."""
    if len(name) <= LINE_CHARS or " " not in name:
        return (name,)
    spaces = [i for i, c in enumerate(name) if c == " "]
    cut = min(spaces, key=lambda i: abs(i - len(name) / 2))
    return (name[:cut], name[cut + 1:])


def _span(meetings: Sequence[Meeting]) -> tuple[int, int] | None:
    """First and last year with a dated meeting."""
    years = [m.date.year for m in meetings if m.date]
    return (min(years), max(years)) if years else None


def _months(first: int, last: int) -> list[Period]:
    return [Period(year, month) for year in range(first, last + 1) for month in range(12)]


def _quarters(first: int, last: int) -> list[Period]:
    return [Period(year, quarter, "quarter") for year in range(first, last + 1) for quarter in range(4)]


def _period(day: dt.date, kind: str) -> Period:
    return Period(day.year, day.month - 1) if kind == "month" else Period(day.year, (day.month - 1) // 3, "quarter")


def _groups(meetings: Sequence[Meeting], kind: str) -> tuple[Group, ...]:
    """Dated meetings by month or quarter, in time order; undated ones last."""
    groups: dict[Period | None, list[Meeting]] = {}
    for meeting in meetings:
        groups.setdefault(_period(meeting.date, kind) if meeting.date else None, []).append(meeting)
    ordered = sorted((p for p in groups if p), key=lambda p: (p.year, p.index))
    result = [Group(p.id, p.label, tuple(groups[p])) for p in ordered]
    if None in groups:
        result.append(Group("undated", "Date unknown", tuple(groups[None])))
    return tuple(result)


def _scale(most: int) -> tuple[int, int]:
    """The top of the count axis and the step between its rules: at most four rules above zero."""
    step = next(s for s in (m * 10**e for e in range(9) for m in (1, 2, 5)) if math.ceil(most / s) <= 4)
    return max(math.ceil(most / step) * step, MIN_TOP if step == 1 else step), step


def _time_axis(periods: Sequence[Period], column: float) -> tuple[tuple[Label, ...], tuple[float, ...]]:
    """Labels under the columns, and a divider at each new year when the axis spans several."""
    y = HEIGHT - BOTTOM + 18
    if len({p.year for p in periods}) == 1:
        every = math.ceil(LABEL_ROOM / 1.6 / column)  # month names are shorter than the room a year label needs
        return tuple(Label(round(LEFT + (i + 0.5) * column, 2), y, p.short) for i, p in enumerate(periods) if i % every == 0), ()
    per_year = sum(1 for p in periods if p.year == periods[0].year) * column
    every = math.ceil(LABEL_ROOM / per_year)
    labels, dividers = [], []
    for i, period in enumerate(periods):
        if period.index == 0:
            year_number = period.year - periods[0].year
            if i:
                dividers.append(round(LEFT + i * column, 2))
            if year_number % every == 0:
                labels.append(Label(round(LEFT + i * column + per_year / 2, 2), y, str(period.year)))
    return tuple(labels), tuple(dividers)


def _describe(by_period: dict[Period, list[Meeting]], total: int, periods: Sequence[Period], undated: int) -> str:
    """The chart in a sentence or two: the span, the total, the busiest period, what is left out."""
    noun = periods[0].kind
    span = f"{periods[0].label} to {periods[-1].label}" if noun == "month" else f"{periods[0].year} to {periods[-1].year}"
    busiest = max(by_period.items(), key=lambda item: (len(item[1]), -item[0].year, -item[0].index), default=None)
    text = f"From {span}: {_meetings(total)} in {len(by_period)} of {len(periods)} {noun}s."
    if busiest and total:
        text += f" The most in {busiest[0].label}: {len(busiest[1])}."
    if undated:
        text += f" {counted(undated, 'undated meeting is', 'undated meetings are')} not shown."
    return text


def _meeting_label(meeting: Meeting) -> str:
    return f"{meeting.title}, {long_date(meeting.date)}" if meeting.date else meeting.title


def _rounded(mark: Mark) -> Mark:
    return replace(mark, x=round(mark.x, 2), y=round(mark.y, 2), width=round(mark.width, 2), height=round(mark.height, 2))


def _meetings(count: int) -> str:
    return counted(count, "meeting", "meetings")


def _years_text(years: tuple[int, int]) -> str:
    return str(years[0]) if years[0] == years[1] else f"{years[0]} to {years[1]}"
