"""`sitegen new`: a new article file with its front matter laid out, ready for the editor to fill in."""

from __future__ import annotations

import datetime as dt
import difflib
import textwrap
from pathlib import Path

import yaml

from .config import Config
from .problems import BuildFailed, Problem, Problems
from .refdata import load_reference_data
from .urls import article_file_name

BODY = "Paste or write the article's text here, below the front matter.\n"


def new_article(config: Config, title: str, *, day: dt.date | None = None, participants: tuple[str, ...] = (),
                place: str | None = None, topics: tuple[str, ...] = (), source: str | None = None,
                outlet: str | None = None, met: dt.date | None = None) -> Path:
    """Write `<date>-<title>.md` into the content folder; BuildFailed if it exists or a topic is unknown.

    `day` is the publication date (default: today); with `participants`, the
    article reports a meeting, dated `met` (default: `day`), in `place`, about `topics`.
    """
    problems = Problems()
    data = load_reference_data(config.path(config.data_dir), problems)
    if problems.errors:
        raise BuildFailed(problems.errors)
    known = [t.id for t in data.topics]
    unknown = [t for t in topics if t not in known]
    if unknown:
        raise BuildFailed([Problem("topics", f"unknown topic '{t}'{_did_you_mean(t, known)}; topics.yaml has: {', '.join(known)}", key="topics")
                           for t in unknown])
    day = day or dt.date.today()
    target = config.path(config.content_dir) / article_file_name(day.isoformat(), title, ".md")
    if target.exists():
        raise BuildFailed([Problem(str(target), "already exists: edit it, or give the new article another title")])
    given: dict[str, object] = {"title": title, "date": day, "source": source, "outlet": outlet}
    if participants:
        meeting = {"date": met or day, "place": place, "participants": list(participants), "topics": list(topics)}
        given["meetings"] = [{k: v for k, v in meeting.items() if v}]
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("x", encoding="utf-8") as out:
        out.write(front_matter(given, known) + "\n" + BODY)
    return target


def front_matter(given: dict[str, object], topic_ids: list[str]) -> str:
    """The block between '---' lines: the values given, and the other keys as comments with an example each."""
    lines = ["---"]
    examples = {
        "title": "The headline",
        "date": "2023-01-31   # publication date",
        "source": "https://www.example.com/news/the-article   # address of the original article",
        "outlet": "The Jerusalem Post   # the news outlet",
        "meetings": "[{date: 2023-01-31, place: Jerusalem, participants: [Antony Blinken, Yoav Gallant], topics: [iron-dome]}]",
    }
    for key in ("title", "date", "source", "outlet", "meetings"):
        value = given.get(key)
        if key == "meetings" and value:
            lines.append("# The meeting(s) the article reports: check the date (the day they met) against the text.")
        if value:
            lines.append(yaml.safe_dump({key: value}, allow_unicode=True, sort_keys=False, default_flow_style=False, width=1000).strip())
        else:
            lines.append(f"# {key}: {examples[key]}")
    lines.append("# summary: One or two sentences shown on the meeting page.")
    if topic_ids:
        lines += textwrap.wrap("topic ids: " + ", ".join(topic_ids), 98, initial_indent="# ", subsequent_indent="#   ",
                               break_on_hyphens=False)
    lines.append("---")
    return "\n".join(lines) + "\n"


def _did_you_mean(word: str, choices: list[str]) -> str:
    close = difflib.get_close_matches(word, choices, n=1)
    return f" (did you mean '{close[0]}'?)" if close else ""
