"""Rebuilds use the build cache: they redo only what changed, and give exactly what a cold build gives.

Each rebuild after an edit is compared, file by file, with a cold build of
the same content made elsewhere without any cache.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

from conftest import REPO
from sitegen import cache, reuse
from sitegen.cli import main
from test_build import snapshot

sys.path.insert(0, str(REPO / "bench"))
from generate import generate  # noqa: E402

#: Pagefind's own output differs run to run (see test_determinism.py); the pages it indexes are compared.
SEARCH_BUNDLE = "pagefind/"
ARTICLES = 40


def build(root: Path, *flags: str) -> None:
    assert main(["build", *flags, str(root)]) == 0


def comparable(site: Path) -> dict[str, str]:
    return {name: digest for name, digest in snapshot(site).items() if not name.startswith(SEARCH_BUNDLE)}


def cold_copy(root: Path, where: Path) -> dict[str, str]:
    """The site a build from scratch makes of `root`'s content: no cache, no earlier site."""
    shutil.rmtree(where, ignore_errors=True)
    shutil.copytree(root, where, ignore=shutil.ignore_patterns("site", ".sitegen-cache", ".site.*"))
    build(where)
    return comparable(where / "site")


def inodes(site: Path) -> dict[str, int]:
    return {p.relative_to(site).as_posix(): p.stat().st_ino for p in site.rglob("*") if p.is_file()}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return generate(tmp_path_factory.mktemp("corpus"), ARTICLES, "text")


@pytest.fixture
def site(corpus, tmp_path) -> Path:
    root = tmp_path / "site-folder"
    shutil.copytree(corpus, root)
    build(root)
    return root


def article(root: Path, number: int) -> Path:
    return sorted((root / "seeds").glob("*.txt"))[number]


def edit_article(root: Path) -> None:
    """A corrected headline and a paragraph more (each edit adds words the text did not have)."""
    path = article(root, 7)
    headline, body = path.read_text(encoding="utf-8").split("\n", 1)
    edits = headline.count("Corrected")
    path.write_text(f"Corrected: {headline}\n{body}\nAn editor's note, number {edits + 1}: the talks lasted two hours.\n", encoding="utf-8")


def change_participant(root: Path) -> None:
    """Someone else at the meeting an article reports: its title, address and every list showing it change."""
    path = article(root, 7)
    text = path.read_text(encoding="utf-8")
    people = [line.split(":", 1)[1].strip() for line in (root / "seeds" / "people.yaml").read_text(encoding="utf-8").splitlines()
              if line.startswith("- name:")]
    present = next(name for name in people if name in text)
    other = next(name for name in people if name.split()[-1] not in text)
    path.write_text(text.replace(present, other).replace(present.split()[-1], other.split()[-1]), encoding="utf-8")


def add_article(root: Path) -> None:
    text = article(root, 3).read_text(encoding="utf-8").split("\n", 1)[1]
    (root / "seeds" / "added.txt").write_text("A second report of the same talks\n" + text, encoding="utf-8")


def delete_article(root: Path) -> None:
    article(root, 11).unlink()


def edit_people(root: Path) -> None:
    people = root / "seeds" / "people.yaml"
    people.write_text(people.read_text(encoding="utf-8").replace("Antony Blinken", "Antony J. Blinken", 1), encoding="utf-8")


def override_template(root: Path) -> None:
    (root / "templates").mkdir(exist_ok=True)
    base = (REPO / "templates" / "meeting.html").read_text(encoding="utf-8")
    (root / "templates" / "meeting.html").write_text(base.replace("<h2 id=\"participants\">Participants</h2>", "<h2 id=\"participants\">Who took part</h2>"), encoding="utf-8")


def edit_config(root: Path) -> None:
    (root / "sitegen.yaml").write_text("title: Another Archive\n", encoding="utf-8")


@pytest.mark.parametrize("change", [edit_article, change_participant, add_article, delete_article, edit_people, override_template, edit_config])
def test_a_rebuild_after_a_change_is_what_a_cold_build_makes(site, tmp_path, change):
    change(site)
    build(site)
    assert comparable(site / "site") == cold_copy(site, tmp_path / "cold")


def test_a_chain_of_changes_stays_identical_to_cold_builds(site, tmp_path):
    for change in (edit_article, add_article, change_participant, edit_article, delete_article, edit_people, change_participant):
        change(site)
        build(site)
    assert comparable(site / "site") == cold_copy(site, tmp_path / "cold")


def test_an_edit_rewrites_only_the_files_it_changes(site):
    before = inodes(site / "site")
    edit_article(site)
    build(site)
    after = inodes(site / "site")
    rewritten = {name for name in after if before.get(name) != after[name] and not name.startswith(SEARCH_BUNDLE)}
    edited = article(site, 7).stem
    assert any(name.startswith("articles/") for name in rewritten)  # the edited article's own page
    # The edited article is one of 40: most pages of the site are the very same files as before.
    pages = [name for name in after if name.endswith(".html")]
    assert len({n for n in rewritten if n.endswith(".html")}) < len(pages) / 4, (edited, sorted(rewritten))


def test_a_rebuild_with_nothing_changed_touches_nothing(site, capsys):
    before = inodes(site / "site")
    capsys.readouterr()
    build(site)
    assert inodes(site / "site") == before
    assert "nothing changed" in capsys.readouterr().out


def test_a_file_changed_or_added_in_the_site_by_hand_is_put_right(site, tmp_path):
    page = next((site / "site" / "meetings").glob("*/index.html"))
    page.write_text("vandalised", encoding="utf-8")
    (site / "site" / "stray.html").write_text("not ours", encoding="utf-8")
    build(site)
    assert comparable(site / "site") == cold_copy(site, tmp_path / "cold")


def test_the_read_table_forgets_reads_no_file_makes_any_more(site, tmp_path, monkeypatch):
    """The cache's table of reads grows as pages change what they read, and is renumbered once it has
    grown enough (here: at once): every read left is made by some file, and the rebuilds stay exact."""
    monkeypatch.setattr(reuse, "COMPACT_GROWTH", 1.0)
    edit_article(site)  # a headline corrected: the article moves, and its old address's reads are made by no file now
    build(site)
    [renders] = (site / ".sitegen-cache").glob("renders-*.pickle")
    reads, states, records, compacted = cache.load(renders, tuple)
    made = set().union(*(numbers for _, numbers in records.values()))
    assert made == set(range(len(reads))) and len(states) == len(reads) == compacted
    edit_article(site)
    build(site)
    assert comparable(site / "site") == cold_copy(site, tmp_path / "cold")


def test_an_edit_writes_again_only_the_parts_of_the_extraction_cache_it_touches(site):
    parts = sorted((site / ".sitegen-cache").glob("articles-*.pickle"))
    before = {p.name: p.stat().st_mtime_ns for p in parts}
    assert len(before) > 8
    edit_article(site)  # its old extraction leaves one part, its new one joins one
    build(site)
    assert 1 <= sum(p.stat().st_mtime_ns != before[p.name] for p in parts) <= 2


def vandalise_page(site: Path) -> None:
    next((site / "meetings").glob("*/index.html")).write_text("vandalised", encoding="utf-8")


def stray_file_deep(site: Path) -> None:
    (next((site / "people").glob("*/")) / "notes.txt").write_text("not ours", encoding="utf-8")


def stray_folder(site: Path) -> None:
    (site / "topics" / "extra").mkdir()


def missing_file(site: Path) -> None:
    next((site / "articles").glob("*/index.html")).unlink()


def missing_folder(site: Path) -> None:
    shutil.rmtree(next((site / "places").glob("*/")))


@pytest.mark.parametrize("change", [vandalise_page, stray_file_deep, stray_folder, missing_file, missing_folder])
def test_a_rebuild_with_no_input_changed_still_puts_the_site_right(site, tmp_path, change, capsys):
    """The quick check of a rebuild with nothing to do (a stamp per recorded file and folder) misses no change to the site."""
    change(site / "site")
    capsys.readouterr()
    build(site)
    assert "nothing changed" not in capsys.readouterr().out
    assert comparable(site / "site") == cold_copy(site, tmp_path / "cold")


@pytest.mark.parametrize("damage", ["truncate", "garble", "wrong-format"])
def test_a_damaged_cache_is_not_trusted(site, tmp_path, damage):
    edit_article(site)
    for file in (site / ".sitegen-cache").iterdir():
        data = file.read_bytes()
        if damage == "truncate":
            file.write_bytes(data[: len(data) // 2])
        elif damage == "garble":
            middle = len(data) // 2
            file.write_bytes(data[:middle] + bytes([data[middle] ^ 0xFF]) + data[middle + 1 :])
        else:
            file.write_bytes(b"something else entirely\n")
    build(site)
    assert comparable(site / "site") == cold_copy(site, tmp_path / "cold")


def test_no_cache_builds_everything_afresh(site):
    before = inodes(site / "site")
    build(site, "--no-cache")
    after = inodes(site / "site")
    pages = [name for name in after if name.endswith(".html")]
    assert all(before.get(name) != after[name] for name in pages)


def test_the_cache_lives_beside_the_content_and_nowhere_else(site):
    assert (site / ".sitegen-cache").is_dir()
    assert not any(name.startswith(".sitegen-cache") for name in os.listdir(site / "site"))


def test_a_stray_file_never_comes_back_through_the_spare_folder(site, tmp_path):
    """The site before is kept beside it (.site.spare) to become the next one: what was wrong in it is put right."""
    (site / "site" / "stray.html").write_text("not ours", encoding="utf-8")
    edit_article(site)
    build(site)  # the site with the stray file is now the spare
    edit_article(site)
    build(site)  # ... and is brought up to date to be published again
    assert not (site / "site" / "stray.html").exists()
    assert comparable(site / "site") == cold_copy(site, tmp_path / "cold")


def test_a_spare_folder_left_half_updated_by_a_killed_build_is_put_right(site, tmp_path):
    edit_article(site)
    build(site)
    spare = site / ".site.spare"
    ghost = spare / "meetings" / "ghost" / "index.html"
    ghost.parent.mkdir(parents=True)
    ghost.write_text("added by a build that was killed", encoding="utf-8")
    (spare / ".sitegen-intent").write_text("meetings/ghost/index.html\n", encoding="utf-8")
    touched = next(spare.glob("people/*/index.html"))
    touched.unlink()
    touched.write_text("half written", encoding="utf-8")
    edit_article(site)
    build(site)
    assert not (site / "site" / "meetings" / "ghost").exists()
    assert comparable(site / "site") == cold_copy(site, tmp_path / "cold")
