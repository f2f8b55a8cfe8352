"""The search index in shards: which page goes where, and a rebuild indexes again only the shards that changed."""

from __future__ import annotations

import json
import re
import sys

from conftest import REPO, build_site
from sitegen import search
from sitegen.search import BUNDLE, MANIFEST, plan_shards, shard_of
from test_build import snapshot

sys.path.insert(0, str(REPO / "bench"))
from generate import generate  # noqa: E402

MEETING = '<main data-pagefind-body><h1>A and B</h1><p>31 January 2023 · <a data-pagefind-filter="year" href="../../years/2023/index.html">2023</a></p></main>'
ARTICLE = '<main data-pagefind-body><h1>A hosts B</h1><p class="meta" data-pagefind-filter="year:2021">Published 4 June 2021</p></main>'
UNDATED = '<main data-pagefind-body><h1>A and B</h1><p>Date unknown</p></main>'
PERSON = '<main data-pagefind-body><h1 data-pagefind-filter="person">A</h1><p>2023: met B</p></main>'
LIST = '<main><h1>All meetings</h1><a data-pagefind-filter="year" href="#">2023</a></main>'


def test_a_dated_page_goes_to_its_years_shard_and_people_topics_places_to_the_directory():
    assert shard_of("meetings/2023-01-31-a-b/index.html", MEETING.encode()) == "2023"
    assert shard_of("articles/a-hosts-b/index.html", ARTICLE.encode()) == "2021"  # its publication, not its address
    assert shard_of("meetings/a-b/index.html", UNDATED.encode()) == "undated"
    assert shard_of("people/a/index.html", PERSON.encode()) == "directory"
    assert shard_of("meetings/index.html", LIST.encode()) is None  # not indexed at all


def write_pages(site, pages: dict[str, str]) -> None:
    for address, html in pages.items():
        (site / address).parent.mkdir(parents=True, exist_ok=True)
        (site / address).write_text(html, encoding="utf-8")


def test_shards_come_directory_first_then_years_in_order_then_undated(tmp_path):
    write_pages(tmp_path, {
        "meetings/b/index.html": UNDATED, "meetings/a/index.html": MEETING, "articles/a/index.html": ARTICLE,
        "people/a/index.html": PERSON, "meetings/index.html": LIST,
    })
    shards = plan_shards(tmp_path)
    assert [(shard.name, sorted(shard.pages)) for shard in shards] == [
        ("directory", ["people/a/index.html"]),
        ("2021", ["articles/a/index.html"]),
        ("2023", ["meetings/a/index.html"]),
        ("undated", ["meetings/b/index.html"]),
    ]


def test_a_big_year_is_cut_into_parts_and_an_edit_changes_one_part(tmp_path, monkeypatch):
    monkeypatch.setattr(search, "SHARD_BYTES", 4 * len(MEETING.encode()) + 50)  # 5 parts, with room for the edit
    write_pages(tmp_path, {f"meetings/2023-01-{day:02d}-a-b/index.html": MEETING for day in range(1, 21)})
    before = plan_shards(tmp_path)
    assert [shard.name for shard in before] == ["2023-1", "2023-2", "2023-3", "2023-4", "2023-5"]
    assert sorted(page for shard in before for page in shard.pages) == sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*.html"))
    (tmp_path / "meetings/2023-01-07-a-b/index.html").write_text(MEETING.replace("A and B", "A, B and C"), encoding="utf-8")
    after = plan_shards(tmp_path)
    assert [shard.name for shard in after] == [shard.name for shard in before]  # every page stays in its part
    changed = [new.name for old, new in zip(before, after) if old.fingerprint != new.fingerprint]
    assert changed == [next(shard.name for shard in after if "meetings/2023-01-07-a-b/index.html" in shard.pages)]


def stamps(site) -> dict:
    """The stamps write_site would give each page of `site`."""
    from sitegen.cache import stamp
    return {p.relative_to(site).as_posix(): stamp(str(p), None, 0) for p in site.rglob("*.html")}


def test_the_shards_of_a_rebuild_are_those_of_its_pages_whatever_the_last_build_knew(tmp_path):
    """Pages the last build knew with the same bytes are not read again; a page whose bytes changed is."""
    write_pages(tmp_path, {"meetings/a/index.html": MEETING, "meetings/b/index.html": UNDATED, "people/a/index.html": PERSON})
    table = {}
    first = plan_shards(tmp_path, stamps(tmp_path), {}, table)
    assert [(s.name, s.fingerprint) for s in first] == [(s.name, s.fingerprint) for s in plan_shards(tmp_path)]
    # The undated meeting gets a date: its shard moves though the table knew the page (with its old bytes).
    write_pages(tmp_path, {"meetings/b/index.html": MEETING.replace("A and B", "C and D")})
    (tmp_path / "people/a/index.html").unlink()  # a known page gone
    after = plan_shards(tmp_path, stamps(tmp_path), table)
    assert [(s.name, sorted(s.pages), s.fingerprint) for s in after] == [(s.name, sorted(s.pages), s.fingerprint) for s in plan_shards(tmp_path)]
    assert [s.name for s in after] == ["2023"]


def bundles(site) -> dict[str, dict[str, str]]:
    """Each shard's bundle files (path inside the bundle -> digest), by shard name."""
    manifest = json.loads((site / BUNDLE / MANIFEST).read_text())
    files = snapshot(site / BUNDLE)
    shards = {name: {path.removeprefix(f"{name}/"): digest for path, digest in files.items() if path.startswith(f"{name}/")}
              for name in manifest["shards"]}
    shards[manifest["primary"]] = {path: digest for path, digest in files.items()
                                   if path != MANIFEST and path.split("/")[0] not in manifest["shards"]}
    return shards


def test_editing_one_article_indexes_again_only_the_shards_its_pages_are_in(tmp_path, monkeypatch):
    site = generate(tmp_path / "a", 120, "markdown", seed=5)
    build_site(site)
    before = bundles(site / "site")
    assert {"directory", "2021", "2022", "2023", "2024"} <= set(before)
    article = next(path for path in sorted((site / "seeds").glob("*.md")) if re.search(r"^date: '2022-", path.read_text(), re.MULTILINE))
    article.write_text(article.read_text() + "\nThe delegations also compared notes on zebrafish quotas.\n")
    indexed = []
    index_shard = search._index_shard
    monkeypatch.setattr(search, "_index_shard", lambda *args: indexed.append(args[-1].name) or index_shard(*args))

    build_site(site)
    after = bundles(site / "site")
    assert "2022" in indexed and set(indexed) <= {"2022", "directory"}
    assert after["2022"] != before["2022"]
    assert {name: files for name, files in after.items() if name not in indexed} == {name: files for name, files in before.items() if name not in indexed}
    assert set(after) == set(before)
