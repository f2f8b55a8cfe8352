"""`sitegen new` and `sitegen list`: an article to fill in, and what the archive holds."""

from __future__ import annotations

import json
import shutil

import pytest

from conftest import SEEDS, build_site, make_site
from sitegen.cli import main


def test_new_writes_an_article_to_fill_in_that_builds_into_its_meeting(tmp_path, capsys):
    root = make_site(tmp_path, {})
    args = ["new", "Blinken meets Herzog", "--site", str(root), "--date", "2023-02-01", "--participants", "Antony Blinken",
            "Isaac Herzog", "--place", "Jerusalem", "--topics", "iron-dome", "--outlet", "Haaretz"]
    assert main(args) == 0
    path = root / "seeds/2023-02-01-blinken-meets-herzog.md"
    assert f"created {path}" in capsys.readouterr().out
    text = path.read_text(encoding="utf-8")
    assert text.startswith("---\ntitle: Blinken meets Herzog\ndate: 2023-02-01\n")
    assert "# source: " in text and "# summary: " in text  # the keys left to fill in, with an example each
    build_site(root)
    meeting = root / "site/meetings/2023-02-01-antony-blinken-isaac-herzog/index.html"
    assert meeting.is_file() and "Jerusalem" in meeting.read_text(encoding="utf-8")
    assert "2023-02-01-antony-blinken-isaac-herzog" in (root / "site/topics/iron-dome/index.html").read_text(encoding="utf-8")
    # A second article of the same title and day never replaces the first.
    path.write_text(text + "\nEdited by hand.\n", encoding="utf-8")
    assert main(args) == 1
    assert "already exists" in capsys.readouterr().err and path.read_text(encoding="utf-8").endswith("Edited by hand.\n")


def test_new_refuses_a_topic_the_data_does_not_know_and_suggests_one(tmp_path, capsys):
    root = make_site(tmp_path, {})
    assert main(["new", "Talks", "--site", str(root), "--participants", "Antony Blinken", "Yoav Gallant", "--topics", "iron-dom"]) == 1
    assert "unknown topic 'iron-dom' (did you mean 'iron-dome'?)" in capsys.readouterr().err
    assert not list((root / "seeds").glob("*.md"))


@pytest.fixture(scope="module")
def seeds_root(tmp_path_factory):
    root = tmp_path_factory.mktemp("listing")
    shutil.copytree(SEEDS, root / "seeds")
    return root


def test_list_prints_each_kind_as_a_table(seeds_root, capsys):
    assert main(["list", "meetings", str(seeds_root)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["date", "place", "participants", "topics", "sources"] and set(lines[1]) <= {"-", " "}
    assert len(lines) == 2 + 8 and lines[-1].startswith("2024-06-24  Washington  Yoav Gallant, Antony Blinken")
    assert main(["list", "topics", str(seeds_root)]) == 0
    iron_dome = next(line for line in capsys.readouterr().out.splitlines() if line.startswith("iron-dome "))
    assert iron_dome.split()[3] == "4" and "Benny Gantz (4)" in iron_dome


def test_list_json_gives_scripts_the_fields_of_the_data_export(seeds_root, capsys):
    assert main(["list", "people", str(seeds_root), "--json"]) == 0
    people = {p["id"]: p for p in json.loads(capsys.readouterr().out)}
    assert people["antony-blinken"]["meetings"] == 6 and people["antony-blinken"]["counterparts"] == 4
    assert people["antony-blinken"]["roles"][-1]["title"] == "US Secretary of State"
    assert main(["list", "meetings", str(seeds_root), "--json"]) == 0
    meetings = json.loads(capsys.readouterr().out)
    assert [p["person"] for p in meetings[0]["participants"]] == ["gabi-ashkenazi", "antony-blinken"]
    assert not (seeds_root / "site").exists()  # listing builds nothing
