"""Scoring extraction against a truth file (the format of tests/data/seeds_truth.yaml).

Each truth meeting is matched to the extracted meeting of the same article
that shares most participants; then dates, places, participants and topics
are compared, and reports of one meeting in several articles are checked to
have been merged into one meeting page.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .article import Article, ReportedMeeting
from .extract import Extractor
from .extract.people import canonical_names
from .fields import Declared, read_declared
from .load import read_source
from .model import build_archive
from .problems import Problems
from .refdata import load_reference_data


@dataclass
class Tally:
    """Counts for one group of articles; the ratios are what the issue's thresholds speak of."""

    articles: int = 0
    truth_meetings: int = 0
    found: int = 0
    spurious: int = 0
    date_exact: int = 0
    place_right: int = 0
    participants_true_positive: int = 0
    participants_predicted: int = 0
    participants_truth: int = 0
    topics_true_positive: int = 0
    topics_predicted: int = 0
    topics_truth: int = 0
    duplicate_groups: int = 0
    duplicate_groups_merged: int = 0
    misses: list[str] = field(default_factory=list)

    def ratios(self) -> dict[str, float]:
        def share(a: int, b: int) -> float:
            return a / b if b else 1.0

        return {
            "meetings_found": share(self.found, self.truth_meetings),
            "date_exact": share(self.date_exact, self.truth_meetings),
            "place": share(self.place_right, self.truth_meetings),
            "participants_precision": share(self.participants_true_positive, self.participants_predicted),
            "participants_recall": share(self.participants_true_positive, self.participants_truth),
            "topics_precision": share(self.topics_true_positive, self.topics_predicted),
            "topics_recall": share(self.topics_true_positive, self.topics_truth),
            "duplicates_merged": share(self.duplicate_groups_merged, self.duplicate_groups),
        }


def score(truth_file: Path, content_dir: Path, data_dir: Path, *, ignore_front_matter: bool = False) -> dict[str, Tally]:
    """Tallies by split ("all", plus each `split:` value the truth file uses)."""
    truth = yaml.safe_load(truth_file.read_text(encoding="utf-8"))
    problems = Problems()
    data = load_reference_data(data_dir, problems)
    extractor = Extractor(data)
    tallies: dict[str, Tally] = defaultdict(Tally)
    extracted: list[tuple[dict, Article, list[ReportedMeeting | None]]] = []
    for entry in truth["articles"]:
        raw = (content_dir / entry["file"]).read_bytes()
        source = read_source(entry["file"], raw, problems)
        declared = read_declared(source, problems)
        if ignore_front_matter:
            declared = Declared(date=declared.date)
        article = extractor.extract(source, declared, problems)
        # The truth may spell a name otherwise than people.yaml ("King Abdullah II"): compare canonical names.
        for meeting in (*entry["meetings"], *(entry.get("mentioned_meetings") or [])):
            meeting["participants"] = list(canonical_names(meeting.get("participants") or [], extractor.people))
        matched = _match(entry["meetings"], article.meetings)
        extracted.append((entry, article, matched))
        for split in {"all", entry.get("split", "all")}:
            _tally_article(tallies[split], entry, article, matched)
    _tally_duplicates(tallies, extracted, data, problems)
    return dict(tallies)


def _match(truth_meetings: list[dict], found: tuple[ReportedMeeting, ...]) -> list[ReportedMeeting | None]:
    """For each truth meeting, the extracted meeting sharing most participants (each used once)."""
    free = list(found)
    matched = []
    for meeting in truth_meetings:
        wanted = set(meeting["participants"])
        best = max(free, key=lambda m: (len(wanted & set(m.participants)), -len(set(m.participants) ^ wanted)), default=None)
        if best is not None and wanted & set(best.participants):
            free.remove(best)
            matched.append(best)
        else:
            matched.append(None)
    return matched


def _tally_article(tally: Tally, entry: dict, article: Article, matched: list[ReportedMeeting | None]) -> None:
    tally.articles += 1
    tally.truth_meetings += len(entry["meetings"])
    # A meeting the article only names in passing may be extracted or not; it is neither right nor wrong.
    mentioned = [set(m.get("participants") or []) for m in entry.get("mentioned_meetings") or []]
    extra = [m for m in article.meetings if m not in matched and set(m.participants) not in mentioned]
    tally.spurious += len(extra)
    tally.participants_predicted += sum(len(m.participants) for m in (*filter(None, matched), *extra))
    for meeting in extra:
        tally.misses.append(f"{entry['file']}: extra meeting {' + '.join(meeting.participants)} {meeting.date}")
    for truth, found in zip(entry["meetings"], matched):
        wanted = set(truth["participants"])
        tally.participants_truth += len(wanted)
        tally.topics_truth += len(truth.get("topics") or [])
        label = f"{entry['file']}: {truth['meeting_id']}"
        if found is None:
            tally.misses.append(f"{label}: not found")
            continue
        tally.found += 1
        tally.participants_true_positive += len(wanted & set(found.participants))
        if set(found.participants) != wanted:
            tally.misses.append(f"{label}: participants {sorted(found.participants)}")
        if found.date == _day(truth["date"]):
            tally.date_exact += 1
        else:
            tally.misses.append(f"{label}: date {found.date}")
        if found.place == truth.get("city"):
            tally.place_right += 1
        else:
            tally.misses.append(f"{label}: place {found.place}")
        topics, optional = set(truth.get("topics") or []), set(truth.get("topics_optional") or [])
        predicted = set(found.topics) - optional
        tally.topics_predicted += len(predicted)
        tally.topics_true_positive += len(predicted & topics)
        if predicted != topics:
            tally.misses.append(f"{label}: topics missing {sorted(topics - predicted)} extra {sorted(predicted - topics)}")


def _tally_duplicates(tallies, extracted, data, problems) -> None:
    """A meeting that several articles report must end as one meeting of the model."""
    archive = build_archive([article for _, article, _ in extracted], data, problems)
    pages = {page.article.name: page for page in archive.articles}
    landed: dict[str, set[int]] = defaultdict(set)
    split_of: dict[str, str] = {}
    reports: dict[str, int] = defaultdict(int)
    for entry, article, matched in extracted:
        page = pages[article.name]
        for truth, found in zip(entry["meetings"], matched):
            reports[truth["meeting_id"]] += 1
            split_of.setdefault(truth["meeting_id"], entry.get("split", "all"))
            if found is not None:
                landed[truth["meeting_id"]].add(id(page.meetings[article.meetings.index(found)]))
            else:
                landed[truth["meeting_id"]].add(-reports[truth["meeting_id"]])
    for meeting_id, count in reports.items():
        if count < 2:
            continue
        for split in {"all", split_of[meeting_id]}:
            tallies[split].duplicate_groups += 1
            if len(landed[meeting_id]) == 1:
                tallies[split].duplicate_groups_merged += 1
            else:
                tallies[split].misses.append(f"{meeting_id}: {count} reports became {len(landed[meeting_id])} meetings")


def _day(value) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return None
