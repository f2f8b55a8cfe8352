"""The seeds' build against what truth.yaml says is true about them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from sitegen.urls import make_slug

TRUTH = yaml.safe_load((Path(__file__).parent / "data" / "seeds_truth.yaml").read_text(encoding="utf-8"))
TRUE_MEETINGS = [m for article in TRUTH["articles"] for m in article["meetings"]]


def meeting_path(site: Path, meeting: dict) -> Path:
    slug = "-".join([str(meeting["date"]), *sorted(make_slug(p) for p in meeting["participants"])])
    return site / "meetings" / slug / "index.html"


def section(html: str, heading_id: str) -> str:
    """The HTML of the <section> whose heading has `heading_id`."""
    match = re.search(rf'<h2 id="{heading_id}">.*?</section>', html, re.S)
    return match.group(0) if match else ""


@pytest.mark.parametrize("meeting", TRUE_MEETINGS, ids=[m["meeting_id"] for m in TRUE_MEETINGS])
def test_each_true_meeting_has_its_page_with_date_place_and_participants(seed_site, meeting):
    page = meeting_path(seed_site, meeting)
    assert page.exists(), f"no page for {meeting['meeting_id']}"
    html = page.read_text(encoding="utf-8")
    assert f'<time datetime="{meeting["date"]}">' in html
    assert f'>{meeting["city"]}</a>' in html
    shown = set(re.findall(r'people/[a-z-]+/index.html">([^<]+)</a>', section(html, "participants")))
    assert shown == set(meeting["participants"])


def test_no_meeting_beyond_the_truth(seed_site):
    pages = {p.parent.name for p in (seed_site / "meetings").glob("*/index.html")}
    assert pages == {meeting_path(seed_site, m).parent.name for m in TRUE_MEETINGS}


def test_each_participant_page_lists_all_their_meetings(seed_site):
    people = {p for m in TRUE_MEETINGS for p in m["participants"]}
    for person in people:
        html = (seed_site / "people" / make_slug(person) / "index.html").read_text(encoding="utf-8")
        listed = set(re.findall(r'href="\.\./\.\./meetings/([^/]+)/index.html"', section(html, "meetings")))
        expected = {meeting_path(seed_site, m).parent.name for m in TRUE_MEETINGS if person in m["participants"]}
        assert listed == expected, person


def test_people_only_mentioned_are_never_participants(seed_site):
    participants = {p for m in TRUE_MEETINGS for p in m["participants"]}
    for slug in ("joe-biden", "isaac-herzog", "naftali-bennett", "william-burns", "matthew-miller", "jen-psaki"):
        html = (seed_site / "people" / slug / "index.html").read_text(encoding="utf-8")
        assert "Meetings (0)" in html, slug
        assert "Articles that mention" in html
    assert not participants & {"Joe Biden", "Isaac Herzog", "Naftali Bennett", "William Burns"}


def test_seed_texts_are_kept_as_delivered():
    shared = Path(__file__).resolve().parents[2] / "shared" / "seeds"
    if not shared.is_dir():
        pytest.skip("../shared/seeds is not beside this checkout")
    for original in shared.glob("*.txt"):
        ours = (Path(__file__).resolve().parent.parent / "seeds" / original.name).read_bytes()
        assert ours.endswith(original.read_bytes()), original.name
