"""Whole builds of small sites: output safety, overrides, errors with their place, the CLI."""

from __future__ import annotations

import gc
import hashlib
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from conftest import REPO, build_site, make_site
from sitegen.cli import main
from sitegen.problems import BuildFailed
from sitegen.write import MARKER

GOOD = {
    "seeds/a.txt": """
        ---
        date: 2023-01-31
        ---
        Gallant hosts Blinken
        Defense Minister Yoav Gallant hosted US Secretary of State Antony Blinken in Jerusalem on Tuesday.
        """,
}


def snapshot(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_build_writes_the_site_and_its_marker(tmp_path):
    summary = build_site(make_site(tmp_path, GOOD))
    site = tmp_path / "site"
    assert (site / MARKER).exists()
    assert (site / "meetings/2023-01-31-antony-blinken-yoav-gallant/index.html").exists()
    assert summary.meetings == 1 and summary.articles == 1 and summary.pages > 10


def test_article_text_links_each_person_at_first_mention(tmp_path):
    build_site(make_site(tmp_path, GOOD))
    html = (tmp_path / "site/articles/2023-01-31-gallant-hosts-blinken/index.html").read_text()
    assert 'Defense Minister <a href="../../people/yoav-gallant/index.html">Yoav Gallant</a> hosted' in html
    assert html.count('href="../../people/antony-blinken/index.html">Antony Blinken</a> in Jerusalem') == 1


def test_a_failed_build_leaves_the_previous_site_exactly_as_it_was(tmp_path):
    root = make_site(tmp_path, GOOD)
    build_site(root)
    before = snapshot(root / "site")
    (root / "seeds/b.txt").write_text("---\ndate: 2023-02-30\n---\nText\n", encoding="utf-8")
    with pytest.raises(BuildFailed) as failed:
        build_site(root)
    assert str(failed.value.problems[0]).startswith("b.txt:2: error [date]: 'date' must be a real date")
    assert snapshot(root / "site") == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".site.") and p.name != ".site.spare"] == [".site.lock"]  # no staging left behind


def test_builds_in_one_process_hand_every_object_back_to_the_garbage_collector(tmp_path):
    """`sitegen serve` builds again and again in one process: a build pauses collection and freezes what
    it made while planning (sitegen/collection.py), and must leave neither in place, failed or not."""
    root = make_site(tmp_path, GOOD)
    build_site(root)
    assert gc.isenabled() and gc.get_freeze_count() == 0
    (root / "seeds/b.txt").write_text("---\ndate: 2023-02-30\n---\nText\n", encoding="utf-8")
    with pytest.raises(BuildFailed):
        build_site(root)
    assert gc.isenabled() and gc.get_freeze_count() == 0


def test_a_rebuild_replaces_the_old_site_whole(tmp_path):
    root = make_site(tmp_path, GOOD)
    build_site(root)
    (root / "site/stale.html").write_text("old")
    build_site(root)
    assert not (root / "site/stale.html").exists()


def test_a_folder_the_tool_did_not_create_is_never_replaced(tmp_path):
    root = make_site(tmp_path, GOOD)
    (root / "site").mkdir()
    (root / "site/precious.txt").write_text("mine")
    with pytest.raises(BuildFailed, match="did not create it"):
        build_site(root)
    assert (root / "site/precious.txt").read_text() == "mine"


@pytest.mark.parametrize("out", [".", "seeds", "/"])
def test_the_project_its_content_and_root_are_refused_as_output(tmp_path, out):
    root = make_site(tmp_path, GOOD)
    with pytest.raises(BuildFailed, match="refusing"):
        build_site(root, output_dir=out)
    assert (root / "seeds/a.txt").exists()


def test_site_templates_and_static_files_override_the_defaults_file_by_file(tmp_path):
    root = make_site(tmp_path, {
        **GOOD,
        "templates/404.html": '{% extends "base.html" %}{% block content %}<h1>Lost in the archive</h1>{% endblock %}',
        "static/extra.css": "p { color: red; }",
    })
    build_site(root)
    assert "Lost in the archive" in (root / "site/404.html").read_text()
    assert "Diplomatic Meetings Archive" in (root / "site/index.html").read_text()  # home still the default
    assert (root / "site/static/extra.css").exists() and (root / "site/static/style.css").exists()


def test_a_broken_override_template_is_reported_with_file_and_line(tmp_path):
    root = make_site(tmp_path, {**GOOD, "templates/404.html": "line one\n{% if %}\n"})
    with pytest.raises(BuildFailed) as failed:
        build_site(root)
    problem = failed.value.problems[0]
    assert problem.path.endswith("404.html") and problem.line == 2


def test_articles_of_one_day_and_title_each_get_an_address_marked_with_their_file_name(tmp_path):
    """Two outlets running one wire story: both published, told apart by a mark of the file name, and warned of."""
    same = GOOD["seeds/a.txt"]
    root = make_site(tmp_path, {"seeds/a.txt": same, "seeds/b.txt": same})
    summary = build_site(root)
    addresses = sorted(p.parent.name for p in (tmp_path / "site/articles").glob("*/index.html"))
    marks = {name: hashlib.sha256(name.encode()).hexdigest()[:6] for name in ("a.txt", "b.txt")}
    assert addresses == sorted(f"2023-01-31-gallant-hosts-blinken-{mark}" for mark in marks.values())
    assert summary.articles == 2 and summary.meetings == 1  # one meeting, reported twice
    assert [str(w) for w in summary.warnings if w.key == "title"] == [
        f"{name}: warning [title]: a.txt, b.txt have one day and title: each is published at articles/2023-01-31-gallant-hosts-blinken-... "
        "with a mark of its file name (check that they are not the same article twice)" for name in ("a.txt", "b.txt")]


def test_cli_prints_a_summary_and_maps_errors_to_exit_1(tmp_path, capsys):
    root = make_site(tmp_path, GOOD)
    assert main(["build", str(root)]) == 0
    assert "1 articles, 1 meetings" in capsys.readouterr().out
    (root / "seeds/c.txt").write_text("---\ntitle: [\n---\n", encoding="utf-8")
    assert main(["build", str(root)]) == 1
    err = capsys.readouterr().err
    assert "c.txt:3: error: front matter is not valid YAML" in err and "previous site was left as it was" in err
    assert "Traceback" not in err


def test_strict_turns_warnings_into_a_failed_build(tmp_path):
    root = make_site(tmp_path, {"seeds/a.txt": "Yoav Gallant met Antony Blinken in Jerusalem on Tuesday.\n"})
    assert main(["build", str(root)]) == 0
    assert main(["build", str(root), "--strict"]) == 1


def test_a_wheel_carries_the_default_templates_and_static_files(tmp_path):
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(REPO)], check=True, capture_output=True)
    wheel = next(tmp_path.glob("sitegen-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert "sitegen/templates/base.html" in names and "sitegen/static/style.css" in names
    assert "sitegen/extract/meetings.py" in names


def test_a_folder_beside_the_site_that_looks_like_a_leftover_but_is_not_ours_is_kept(tmp_path):
    root = make_site(tmp_path, GOOD)
    backup = root / ".site.old-backup-2023"
    backup.mkdir()
    (backup / "notes.txt").write_text("mine")
    build_site(root)
    build_site(root)
    assert (backup / "notes.txt").read_text() == "mine"
    assert not (root / "site/.sitegen-work").exists()


def test_a_meeting_keeps_its_address_when_its_source_files_are_renamed(tmp_path):
    report = """
        ---
        date: {day}
        ---
        Gallant hosts Blinken {n}
        Defense Minister Yoav Gallant hosted US Secretary of State Antony Blinken in Jerusalem on {weekday}.
        """
    files = {"seeds/a.txt": report.format(day="2023-01-30", n=1, weekday="Monday"), "seeds/b.txt": report.format(day="2023-01-31", n=2, weekday="Tuesday")}
    first = make_site(tmp_path / "one", files)
    build_site(first)
    second = make_site(tmp_path / "two", {"seeds/c.txt": files["seeds/a.txt"], "seeds/b.txt": files["seeds/b.txt"]})
    build_site(second)
    for root in (first, second):
        meetings = sorted(p.name for p in (root / "site/meetings").iterdir() if p.is_dir())
        assert meetings == ["2023-01-30-antony-blinken-yoav-gallant"]  # one meeting, at its earliest reported date


def test_an_unknown_declared_topic_is_reported_and_a_summit_address_stays_short(tmp_path):
    names = ["Antony Blinken", "Yoav Gallant", "Yair Lapid", "Benny Gantz", "Isaac Herzog", "Naftali Bennett"]
    root = make_site(tmp_path, {"seeds/a.txt": f"""
        ---
        date: 2023-01-31
        topics: [iron_dome]
        meetings:
          - {{date: 2023-01-31, place: Jerusalem, participants: [{', '.join(names)}]}}
        ---
        A summit in Jerusalem.
        """})
    summary = build_site(root)
    assert any("unknown topic 'iron_dome'" in w.message and "did you mean 'iron-dome'" in w.message for w in summary.warnings)
    meeting = next((root / "site/meetings").glob("2023-01-31-*"))
    assert meeting.name == "2023-01-31-antony-blinken-benny-gantz-isaac-herzog-and-3-others"


def test_a_base_url_that_is_not_an_address_is_refused_and_deep_markdown_is_text(tmp_path, capsys):
    root = make_site(tmp_path, GOOD)
    assert main(["build", str(root), "--base-url", "example.org/archive"]) == 1
    assert "base_url must be a full address" in capsys.readouterr().err
    nested = "".join("    " * depth + "- item\n" for depth in range(300))  # deep enough to exhaust Python-Markdown
    (root / "seeds/deep.md").write_text("---\ndate: 2023-02-01\ntitle: Deep\n---\n" + nested, encoding="utf-8")
    assert main(["build", str(root)]) == 0
    assert "Traceback" not in capsys.readouterr().err


def test_an_article_dated_tomorrow_by_the_build_machines_clock_is_not_refused():
    import datetime as dt

    from sitegen.fields import to_date

    today = dt.date(2026, 1, 1)
    assert to_date("2026-01-02", today=today) == dt.date(2026, 1, 2)


def test_a_markdown_headline_is_the_page_heading_and_not_repeated_in_the_text(tmp_path):
    root = make_site(tmp_path, {"seeds/a.md": "---\ndate: 2023-01-31\n---\n# Gallant hosts Blinken\n\nYoav Gallant hosted Antony Blinken in Jerusalem on Tuesday.\n"})
    build_site(root)
    html = (root / "site/articles/2023-01-31-gallant-hosts-blinken/index.html").read_text()
    assert html.count("Gallant hosts Blinken</h") == 1
