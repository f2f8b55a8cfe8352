"""What extraction found in an article, in words, for an editor to check."""

from __future__ import annotations

import yaml

from .article import Article
from .problems import Problem


def extraction_report(article: Article, problems: list[Problem]) -> str:
    """Per article: what was extracted, from which sentence, and what is missing or uncertain."""
    lines = [f"== {article.name}"]
    lines.append(f"   title:     {article.title}" + ("   (written by sitegen: the text has no headline)" if article.title_is_derived else ""))
    lines.append(f"   published: {article.published or 'MISSING'}")
    lines.append(f"   outlet:    {article.outlet or 'unknown'}")
    lines.append(f"   people:    {', '.join(article.people) or 'none'}")
    for person in article.discovered:
        lines.append(f"   discovered: {person.name} ({person.roles[0].title}, {person.country}) - not in people.yaml")
    if not article.meetings:
        lines.append("   meetings:  none found")
    for number, meeting in enumerate(article.meetings, start=1):
        lines.append(f"   meeting {number}: {' + '.join(meeting.participants)}{_from(meeting.summary)}")
        lines.append(f"      date:  {meeting.date or 'MISSING'}" + _from(meeting.date_evidence))
        lines.append(f"      place: {meeting.place or 'MISSING'}" + (f" ({meeting.venue})" if meeting.venue else "") + _from(meeting.place_evidence))
        for topic, evidence in meeting.topics.items():
            lines.append(f"      topic: {topic}{_from(evidence.sentence)}")
    for note in article.notes:
        lines.append(f"   uncertain: {note}")
    for problem in problems:
        lines.append(f"   {problem.severity.value}: {problem.message}")
    return "\n".join(lines)


def _from(sentence: str) -> str:
    if not sentence:
        return ""
    short = sentence if len(sentence) <= 110 else sentence[:107] + "..."
    return f"\n             from: {short}"


def front_matter_for(article: Article) -> str:
    """The extracted metadata as a front-matter block an editor can correct."""
    data: dict[str, object] = {"title": article.title}
    if article.published:
        data["date"] = article.published
    if article.outlet:
        data["outlet"] = article.outlet
    if article.source_url:
        data["source"] = article.source_url
    data["people"] = list(article.people)
    data["meetings"] = [
        {
            key: value
            for key, value in (
                ("date", meeting.date),
                ("place", meeting.place),
                ("participants", list(meeting.participants)),
                ("topics", list(meeting.topics)),
            )
            if value
        }
        for meeting in article.meetings
    ]
    text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100, default_flow_style=None)
    header = "# Extracted by `sitegen import`: check every value against the text, correct it, then delete this line.\n"
    return "---\n" + header + text + "---\n"
