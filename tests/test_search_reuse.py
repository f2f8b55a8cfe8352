"""A shard of the search index whose pages are unchanged is reused, so consecutive builds are byte-identical."""

import shutil
import sys
from pathlib import Path

from conftest import REPO, build_site
from sitegen import search
from sitegen.search import BUNDLE, FINGERPRINT, MANIFEST, index_site
from test_build import snapshot

sys.path.insert(0, str(REPO / "bench"))
from generate import generate  # noqa: E402


def test_an_unchanged_site_keeps_its_bundles(tmp_path):
    site = generate(tmp_path / "a", 120, "markdown", seed=5)
    build_site(site)
    first = snapshot(site / "site" / BUNDLE)
    assert {FINGERPRINT, MANIFEST, f"2023/{FINGERPRINT}"} <= set(first)
    build_site(site)
    assert snapshot(site / "site" / BUNDLE) == first  # Pagefind alone would reorder its filter indexes


def test_the_same_pages_indexed_again_copy_every_shard_without_running_pagefind(tmp_path, monkeypatch):
    site = generate(tmp_path / "a", 120, "markdown", seed=5)
    build_site(site)
    staging = tmp_path / "staging"
    shutil.copytree(site / "site", staging)
    shutil.rmtree(staging / BUNDLE)
    monkeypatch.setattr(search, "_pagefind", lambda: Path("/bin/false"))  # would fail the build if it ran
    index_site(staging, previous=site / "site")
    assert snapshot(staging / BUNDLE) == snapshot(site / "site" / BUNDLE)


def test_a_changed_page_is_indexed_again_in_its_own_shard(tmp_path):
    site = generate(tmp_path / "a", 120, "markdown", seed=5)
    build_site(site)
    staging = tmp_path / "staging"
    shutil.copytree(site / "site", staging)
    shutil.rmtree(staging / BUNDLE)
    page = next(staging.glob("meetings/2023-*/index.html"))
    page.write_text(page.read_text().replace("</main>", "<p>A new paragraph.</p></main>"))
    index_site(staging, previous=site / "site")
    old, new = snapshot(site / "site" / BUNDLE), snapshot(staging / BUNDLE)
    assert new[f"2023/{FINGERPRINT}"] != old[f"2023/{FINGERPRINT}"]
    assert (staging / BUNDLE / "2023/pagefind.js").exists()
    assert {path: digest for path, digest in new.items() if not path.startswith("2023/")} == \
           {path: digest for path, digest in old.items() if not path.startswith("2023/")}


def test_a_site_that_already_holds_its_unchanged_shards_keeps_them_in_place(tmp_path, monkeypatch):
    """The spare site a rebuild brings up to date has the bundles of most shards already: they stay, untouched."""
    site = generate(tmp_path / "a", 120, "markdown", seed=5)
    build_site(site)
    staging = tmp_path / "staging"
    shutil.copytree(site / "site", staging)
    for changed in (next(staging.glob("meetings/2023-*/index.html")), next(staging.glob("people/*/index.html"))):
        changed.write_text(changed.read_text().replace("</main>", "<p>A new paragraph.</p></main>"))
    others = [p for p in (staging / BUNDLE).iterdir() if (p / FINGERPRINT).is_file() and p.name != "2023"]
    assert others  # shards of other years, nested in the primary (the directory), which changed
    before = {p.name: (p / FINGERPRINT).stat().st_ino for p in others}
    indexed = []
    index_shard = search._index_shard
    monkeypatch.setattr(search, "_index_shard", lambda *args: indexed.append(args[-1].name) or index_shard(*args))
    index_site(staging)
    assert sorted(indexed) == ["2023", "directory"]
    assert {p.name: (staging / BUNDLE / p.name / FINGERPRINT).stat().st_ino for p in others} == before
    old, new = snapshot(site / "site" / BUNDLE), snapshot(staging / BUNDLE)
    assert {path: digest for path, digest in new.items() if path.split("/")[0] in before} == \
           {path: digest for path, digest in old.items() if path.split("/")[0] in before}
    assert (staging / BUNDLE / "pagefind.js").exists() and not (staging / search.WORK).exists()
