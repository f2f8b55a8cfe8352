"""Links that never break: the URL manifest, and a redirect at every address whose page moved."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import urllib.request
from pathlib import Path

import pytest

from conftest import make_site, require_tool
from serve import serve
from sitegen.cli import main
from sitegen.manifest import MANIFEST_FILE
from test_browser import browser  # noqa: F401 - the same headless Debian Chromium
from test_validator import VNU_JAR

MEETING_A = """
    ---
    date: 2023-01-31
    meetings:
      - {date: 2023-01-31, place: Jerusalem, participants: [Yoav Gallant, Antony Blinken]}
    ---
    Gallant hosts Blinken
    Defense Minister Yoav Gallant hosted US Secretary of State Antony Blinken in Jerusalem on Tuesday.
    """
ARTICLE_B = """
    ---
    date: 2023-03-09
    ---
    Austin meets Gallant
    Defense Minister Yoav Gallant met US Secretary of Defense Lloyd Austin in Tel Aviv on Thursday.
    """
BASE = "http://127.0.0.1/archive/"


def _build(root: Path, capsys, *flags: str) -> tuple[int, str]:
    code = main(["build", str(root), "--base-url", BASE, *flags])
    out = capsys.readouterr()
    return code, out.out + out.err


def _manifest(root: Path) -> list[list[str]]:
    lines = (root / "seeds" / MANIFEST_FILE).read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if not line.startswith("#")]


def _land(base: str, address: str) -> tuple[str, str]:
    """Fetch `address` like a browser: follow meta refreshes; the final address and its <h1>."""
    url = base + address.lstrip("/")
    for _ in range(5):
        with urllib.request.urlopen(url, timeout=10) as response:
            html = response.read().decode("utf-8")
        refresh = re.search(r'<meta http-equiv="refresh" content="0; url=([^"]+)">', html)
        if not refresh:
            return url.removeprefix(base), re.sub(r"<[^>]+>", "", re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S).group(1))
        url = urllib.parse.urljoin(url, refresh.group(1))
    raise AssertionError(f"redirect loop from {address}")


@pytest.fixture
def corrected(tmp_path, capsys):
    """A site built, then rebuilt after a meeting date, a person's name and a headline were corrected."""
    root = make_site(tmp_path, {"seeds/a.txt": MEETING_A, "seeds/b.txt": ARTICLE_B})
    assert _build(root, capsys)[0] == 0
    first = _manifest(root)
    (root / "seeds/a.txt").write_text((root / "seeds/a.txt").read_text().replace("{date: 2023-01-31,", "{date: 2023-01-30,"))
    people = (root / "seeds/people.yaml").read_text()
    (root / "seeds/people.yaml").write_text(people.replace("- name: Yoav Gallant\n  country: Israel\n  aliases: []", "- name: Yoav Gallant-Levi\n  country: Israel\n  aliases: [Yoav Gallant]"))
    (root / "seeds/b.txt").write_text((root / "seeds/b.txt").read_text().replace("Austin meets Gallant", "Austin and Gallant meet in Tel Aviv"))
    code, output = _build(root, capsys)
    assert code == 0, output
    return root, first, output


def test_every_earlier_address_answers_with_the_right_page(corrected):
    root, first, output = corrected
    moved = {
        "/meetings/2023-01-31-antony-blinken-yoav-gallant/": ("meetings/2023-01-30-antony-blinken-yoav-gallant-levi/index.html", "Yoav Gallant-Levi and Antony Blinken"),
        "/meetings/2023-03-09-lloyd-austin-yoav-gallant/": ("meetings/2023-03-09-lloyd-austin-yoav-gallant-levi/index.html", "Yoav Gallant-Levi and Lloyd Austin"),
        "/people/yoav-gallant/": ("people/yoav-gallant-levi/index.html", "Yoav Gallant-Levi"),
        "/articles/2023-03-09-austin-meets-gallant/": ("articles/2023-03-09-austin-and-gallant-meet-in-tel-aviv/index.html", "Austin and Gallant meet in Tel Aviv"),
    }
    with serve(root / "site") as base:
        for address, *_ in first:
            landed, heading = _land(base, address)
            if address in moved:
                assert (landed, heading) == moved[address]
            else:
                assert landed.removesuffix("index.html") == address.lstrip("/")  # still a page of its own
    for old, (new, _) in moved.items():
        assert f"redirect: {old} now leads to /{new.removesuffix('index.html')}" in output


def test_an_article_joined_by_another_of_its_day_and_title_keeps_its_old_address_answering(tmp_path, capsys):
    """The second outlet's copy of a wire story arrives later: both get marked addresses, and the one
    published before redirects to the article it showed, not to the newcomer."""
    root = make_site(tmp_path, {"seeds/a.txt": ARTICLE_B})
    assert _build(root, capsys)[0] == 0
    make_site(tmp_path, {"seeds/z.txt": ARTICLE_B.replace("met US Secretary", "held talks with US Secretary")})
    code, output = _build(root, capsys)
    assert code == 0, output
    with serve(root / "site") as base:
        landed, heading = _land(base, "/articles/2023-03-09-austin-meets-gallant/")
        assert landed.startswith("articles/2023-03-09-austin-meets-gallant-") and heading == "Austin meets Gallant"
        page = urllib.request.urlopen(base + landed, timeout=10).read().decode("utf-8")
        assert "Yoav Gallant</a> met US Secretary" in page


def test_a_redirect_page_names_its_successor_as_canonical_and_asks_not_to_be_indexed(corrected):
    root, _, _ = corrected
    html = (root / "site/people/yoav-gallant/index.html").read_text(encoding="utf-8")
    assert f'<link rel="canonical" href="{BASE}people/yoav-gallant-levi/">' in html
    assert '<meta http-equiv="refresh" content="0; url=../yoav-gallant-levi/index.html">' in html
    assert '<meta name="robots" content="noindex">' in html
    assert 'http-equiv="Content-Security-Policy"' in html


def test_the_manifest_is_sorted_and_keeps_what_each_address_was_built_from(corrected):
    root, _, _ = corrected
    rows = _manifest(root)
    assert [r[0] for r in rows] == sorted(r[0] for r in rows) and len({r[0] for r in rows}) == len(rows)
    assert ["/meetings/2023-01-31-antony-blinken-yoav-gallant/", "meeting", "/meetings/2023-01-30-antony-blinken-yoav-gallant-levi/", "a.txt"] in rows
    assert ["/meetings/2023-01-30-antony-blinken-yoav-gallant-levi/", "meeting", "-", "a.txt"] in rows
    assert ["/people/yoav-gallant/", "person", "/people/yoav-gallant-levi/", "Yoav Gallant"] in rows
    assert ["/articles/2023-03-09-austin-and-gallant-meet-in-tel-aviv/", "article", "-", "b.txt"] in rows


def test_a_second_correction_sends_the_oldest_address_straight_to_the_newest_page(corrected, capsys):
    root, _, _ = corrected
    (root / "seeds/a.txt").write_text((root / "seeds/a.txt").read_text().replace("{date: 2023-01-30,", "{date: 2023-01-29,"))
    assert _build(root, capsys)[0] == 0
    rows = {r[0]: r[2] for r in _manifest(root)}
    newest = "/meetings/2023-01-29-antony-blinken-yoav-gallant-levi/"
    assert rows["/meetings/2023-01-31-antony-blinken-yoav-gallant/"] == newest
    assert rows["/meetings/2023-01-30-antony-blinken-yoav-gallant-levi/"] == newest
    assert rows[newest] == "-"


def test_an_address_with_no_successor_fails_strict_then_redirects_to_its_list_once(tmp_path, capsys):
    root = make_site(tmp_path, {"seeds/a.txt": MEETING_A, "seeds/b.txt": ARTICLE_B})
    assert _build(root, capsys)[0] == 0
    (root / "seeds/b.txt").unlink()
    code, output = _build(root, capsys, "--strict")
    assert code == 1
    assert "warning: /articles/2023-03-09-austin-meets-gallant/ (article built from b.txt) is no longer built and nothing replaces it: it now redirects to /articles/" in output
    assert "/people/lloyd-austin/ (person built from Lloyd Austin) is no longer built" in output
    code, output = _build(root, capsys)
    assert code == 0 and "redirect: /people/lloyd-austin/ now leads to /people/" in output
    assert (root / "site/people/lloyd-austin/index.html").exists()
    code, output = _build(root, capsys, "--strict")  # recorded in the manifest: nothing vanishes any more
    assert code == 0 and "no longer built" not in output


def test_an_editor_can_point_a_redirect_somewhere_better(tmp_path, capsys):
    root = make_site(tmp_path, {"seeds/a.txt": MEETING_A, "seeds/b.txt": ARTICLE_B})
    assert _build(root, capsys)[0] == 0
    (root / "seeds/b.txt").unlink()
    assert _build(root, capsys)[0] == 0
    manifest = root / "seeds" / MANIFEST_FILE
    manifest.write_text(manifest.read_text().replace("/people/lloyd-austin/\tperson\t/people/\t", "/people/lloyd-austin/\tperson\t/people/yoav-gallant/\t"))
    assert _build(root, capsys, "--strict")[0] == 0
    assert "../yoav-gallant/index.html" in (root / "site/people/lloyd-austin/index.html").read_text()


@pytest.mark.parametrize("line", ["/../../etc/\tmeeting\t-\ta.txt", "/meetings/x/\tmeeting\t/abs/../../x/\ta.txt", "C:\\evil\tperson\t-", "/x/\t<script>\t-"])
def test_a_manifest_line_that_could_write_outside_the_site_is_an_error(tmp_path, capsys, line):
    root = make_site(tmp_path, {"seeds/a.txt": MEETING_A})
    (root / "seeds" / MANIFEST_FILE).write_text(f"# comment\n{line}\n", encoding="utf-8")
    code, output = _build(root, capsys)
    assert code == 1 and f"{MANIFEST_FILE}:2: error:" in output
    assert not (tmp_path / "etc").exists() and not (root / "site").exists()


def test_a_browser_at_an_old_address_lands_on_the_new_page(corrected, browser):
    root, _, _ = corrected
    page = browser.new_page()
    with serve(root / "site") as base:
        page.goto(base + "meetings/2023-01-31-antony-blinken-yoav-gallant/")
        page.wait_for_url(base + "meetings/2023-01-30-antony-blinken-yoav-gallant-levi/index.html")
        assert page.locator("h1").inner_text() == "Yoav Gallant-Levi and Antony Blinken"
    page.close()


def test_redirect_pages_pass_the_nu_html_checker(corrected):
    root, _, _ = corrected
    require_tool(VNU_JAR.exists() and shutil.which("java") is not None, f"the Nu HTML Checker ({VNU_JAR}) with java")
    pages = [str(root / "site" / page) for page in ("people/yoav-gallant/index.html", "articles/2023-03-09-austin-meets-gallant/index.html")]
    result = subprocess.run(["java", "-jar", str(VNU_JAR), "--format", "json", *pages], capture_output=True, text=True, timeout=120)
    messages = [m for m in json.loads(result.stderr)["messages"] if not (m["type"] == "info" and "Content Security Policy" in m["message"])]
    assert messages == []
