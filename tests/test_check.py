"""`sitegen check`: the content and the site built from it, without touching the output folder."""

from __future__ import annotations

import shutil

from conftest import SEEDS, make_site
from sitegen.check import check_built
from sitegen.cli import main

GOOD = """
    ---
    title: Gallant hosts Blinken
    date: 2023-01-31
    meetings:
      - date: 2023-01-31
        place: Jerusalem
        participants: [Yoav Gallant, Antony Blinken]
        topics: [iron-dome]
    ---
    Defense Minister Yoav Gallant hosted US Secretary of State Antony Blinken in Jerusalem.
    """


def test_check_passes_on_the_seeds_and_leaves_no_output_and_no_manifest(tmp_path, capsys):
    root = tmp_path / "archive"
    shutil.copytree(SEEDS, root / "seeds")
    manifest = (root / "seeds/urls.tsv").read_bytes()
    assert main(["check", str(root)]) == 0
    assert "check passed" in capsys.readouterr().out
    assert not (root / "site").exists() and (root / "seeds/urls.tsv").read_bytes() == manifest


def test_check_finds_a_broken_link_an_orphan_page_a_missing_person_and_a_meeting_without_a_place(tmp_path, capsys):
    root = make_site(tmp_path, {
        "seeds/good.md": GOOD,
        "seeds/planted.md": """
            ---
            title: Blinken and a stranger
            date: 2023-02-01
            meetings:
              - date: 2023-02-01
                participants: [Antony Blinken, Jane Nobody]
            ---
            They met. See also [the earlier talks](../../meetings/2020-01-01-nobody-somebody/).
            """,
        "static/about.html": "<!DOCTYPE html><title>About</title><p>Nothing links here.</p>\n",
    })
    assert main(["check", str(root)]) == 1
    err = capsys.readouterr().err
    lines = err.splitlines()
    broken = [line for line in lines if "broken link" in line]
    assert len(broken) == 1 and broken[0].startswith("site/articles/2023-02-01-blinken-and-a-stranger/index.html:")
    assert "../../meetings/2020-01-01-nobody-somebody/" in broken[0]
    assert any(line.startswith("site/static/about.html: error [orphan]: orphan page") for line in lines)
    assert any(line.startswith("planted.md: warning [people]: 'Jane Nobody' is not in people.yaml") for line in lines)
    assert any(line.startswith("planted.md: warning [place]: the meeting of Antony Blinken and Jane Nobody") for line in lines)
    assert "check found 4 problem(s)" in lines[-1]
    assert not (root / "site").exists()


def test_check_of_a_built_site_finds_an_anchor_no_page_has(seed_site, tmp_path):
    site = tmp_path / "site"
    shutil.copytree(seed_site, site)
    page = site / "people/yoav-gallant/index.html"
    html = page.read_text(encoding="utf-8")
    page.write_text(html.replace("</main>", '<p><a href="../../years/2021/index.html#month-2021-13">Smarch</a></p></main>'), encoding="utf-8")
    report = check_built(site, "http://127.0.0.1/archive/")
    assert [(p.path, p.key) for p in report.problems] == [("site/people/yoav-gallant/index.html", "link")]
    assert "#month-2021-13" in report.problems[0].message and report.links > 1000
