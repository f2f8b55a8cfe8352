"""The output folder: one build at a time, only our own folder replaced, nothing half-written left behind."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO, build_site, make_site
from sitegen import write
from sitegen.cli import main
from sitegen.lock import output_lock
from sitegen.problems import BuildFailed
from sitegen.write import clear_leftovers
from test_build import GOOD, snapshot

def stable(folder: Path) -> dict[str, str]:
    """snapshot() without the search bundle, whose filter indexes Pagefind writes in a different order each run
    (upstream: Pagefind/pagefind#638); everything else of two builds of one input is byte-identical."""
    return {name: digest for name, digest in snapshot(folder).items() if not name.startswith("pagefind/")}


SECOND = {"seeds/b.txt": "---\ndate: 2023-03-09\n---\nAustin meets Gallant\nDefense Minister Yoav Gallant met US Secretary of Defense Lloyd Austin in Tel Aviv on Thursday.\n"}


def test_a_second_build_while_one_runs_is_refused_with_a_clear_message(tmp_path, capsys):
    root = make_site(tmp_path, GOOD)
    build_site(root)
    before = snapshot(root / "site")
    make_site(root, SECOND, with_seed_data=False)
    with output_lock(root / "site"):  # as a build in progress holds it
        assert main(["build", str(root)]) == 1
    err = capsys.readouterr().err
    assert f"another sitegen build (process {os.getpid()}) is writing this site right now: wait for it to finish" in err
    assert snapshot(root / "site") == before
    assert main(["build", str(root)]) == 0  # the lock went with the build that held it
    assert (root / "site/articles/2023-03-09-austin-meets-gallant/index.html").exists()


def test_two_builds_started_together_never_corrupt_the_site(tmp_path):
    root = make_site(tmp_path / "a", {**GOOD, **SECOND})
    reference = make_site(tmp_path / "b", {**GOOD, **SECOND})
    build_site(reference)
    command = [sys.executable, "-m", "sitegen", "build", str(root)]
    for _ in range(3):
        runs = [subprocess.Popen(command, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
        results = [(run.wait(timeout=120), run.stderr.read()) for run in runs]
        for code, err in results:
            assert code == 0 or (code == 1 and "another sitegen build" in err), err
        assert any(code == 0 for code, _ in results)
        assert stable(root / "site") == stable(reference / "site")
        assert (root / "site/pagefind/pagefind-entry.json").exists()
    assert sorted(p.name for p in (tmp_path / "a").iterdir() if p.name.startswith(".site.") and p.name != ".site.spare") == [".site.lock"]


def test_a_build_killed_after_the_swap_or_mid_fallback_is_tidied_by_the_next(tmp_path):
    root = make_site(tmp_path, GOOD)
    build_site(root)
    published = snapshot(root / "site")
    # Killed after the exchange: the hidden staging folder holds the previous site.
    shutil.copytree(root / "site", root / ".site.new-k1l13d")
    # Killed between the two renames of the fallback swap: no site/, the old one parked aside.
    (root / ".site.old-p4rk3d").mkdir()
    (root / ".site.old-p4rk3d" / write.WORK_MARKER).write_text("")  # as the build marks the folders it makes
    os.rename(root / "site", root / ".site.old-p4rk3d/site")
    clear_leftovers(root / "site")
    assert snapshot(root / "site") == published
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".site.") and p.name != ".site.spare") == [".site.lock"]


def test_a_build_killed_before_marking_its_new_folder_leaves_nothing_the_next_build_does_not_tidy(tmp_path):
    root = make_site(tmp_path, GOOD)
    build_site(root)
    (root / ".site.new-k1l13d0x").mkdir()  # made, and killed before the marker went in: empty
    (root / ".site.new-n0tmine0").mkdir()  # the same kind of name, but someone's files are in it
    (root / ".site.new-n0tmine0/notes.txt").write_text("keep me")
    clear_leftovers(root / "site")
    assert not (root / ".site.new-k1l13d0x").exists()
    assert (root / ".site.new-n0tmine0/notes.txt").read_text() == "keep me"


def test_without_renameat2_the_fallback_swap_still_replaces_the_site_whole(tmp_path, monkeypatch):
    root = make_site(tmp_path, GOOD)
    build_site(root)
    (root / "site/stale.html").write_text("old")
    monkeypatch.setattr(write, "_exchange", lambda a, b: False)  # a system or file system without it
    make_site(root, SECOND, with_seed_data=False)
    build_site(root)
    assert not (root / "site/stale.html").exists()
    assert (root / "site/articles/2023-03-09-austin-meets-gallant/index.html").exists()
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".site.") and p.name != ".site.spare") == [".site.lock"]


def test_a_disk_that_fills_up_mid_write_leaves_the_old_site(tmp_path, monkeypatch, capsys):
    root = make_site(tmp_path, GOOD)
    build_site(root)
    before = snapshot(root / "site")
    make_site(root, SECOND, with_seed_data=False)
    real_put, written = write._put_file, []

    def fill_up(staging: Path, relative: str, *args):
        if len(written) == 5:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(staging / relative))
        written.append(relative)
        return real_put(staging, relative, *args)

    monkeypatch.setattr(write, "_put_file", fill_up)
    assert main(["build", str(root)]) == 1
    err = capsys.readouterr().err
    assert "error: could not write the site: No space left on device (" in err and "Traceback" not in err
    assert snapshot(root / "site") == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".site.") and p.name != ".site.spare") == [".site.lock"]


@pytest.mark.parametrize("out", ["HOME", ".", "..", "seeds", "/", "seeds/site", "not-ours", "a-file"])
def test_an_output_folder_that_is_not_ours_is_refused(tmp_path, monkeypatch, out):
    root = make_site(tmp_path / "project", GOOD)
    monkeypatch.setenv("HOME", str(tmp_path))
    (root / "not-ours").mkdir()
    (root / "not-ours/notes.txt").write_text("mine")
    (root / "a-file").write_text("mine")
    before = snapshot(tmp_path)
    with pytest.raises(BuildFailed, match="refusing"):
        build_site(root, output_dir=str(tmp_path) if out == "HOME" else out)
    assert snapshot(tmp_path) == before
