"""A build killed at any moment leaves the published site whole: the old one, or (after the swap) the new one.

A generated archive of a few hundred articles is built; then the content
changes (headlines reworded, meeting dates corrected, so redirects appear too)
and a rebuild is killed with SIGKILL at points spread over its whole run,
Pagefind and all. After every kill the site must be byte for byte the old one,
or, once the swap is past, the complete new one; and the URL manifest must be
the old one or the new one, never behind the site it describes.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from conftest import REPO, build_site, make_site
from test_build import snapshot
from test_determinism import pagefind_unstable

ARTICLES = 200
KILLS = 20
PEOPLE = ["Antony Blinken", "Yoav Gallant", "Benny Gantz", "Lloyd Austin", "Jake Sullivan", "Isaac Herzog", "Yair Lapid", "Joe Biden"]
PLACES = ["Jerusalem", "Washington", "Tel Aviv", "New York"]


def _corpus(root: Path, version: int) -> None:
    """`ARTICLES` articles; version 2 rewords every third headline and moves every fifth meeting a day earlier."""
    rng = random.Random(6)
    for number in range(ARTICLES):
        day = dt.date(2021, 1, 1) + dt.timedelta(days=3 * number)
        met = day - dt.timedelta(days=1 if version == 2 and number % 5 == 0 else 0)
        first, second = rng.sample(PEOPLE, 2)
        title = f"{first} and {second} talk {'again ' if version == 2 and number % 3 == 0 else ''}in {PLACES[number % 4]}, report {number}"
        (root / f"seeds/article-{number:03}.txt").write_text(
            f"---\ndate: {day.isoformat()}\ntitle: {title}\n"
            f"meetings:\n  - {{date: {met.isoformat()}, place: {PLACES[number % 4]}, participants: [{first}, {second}]}}\n---\n"
            f"{first} met {second} in {PLACES[number % 4]}. They discussed the Iron Dome and the hostages.\n",
            encoding="utf-8",
        )


def _state(site: Path) -> dict[str, str]:
    return snapshot(site) if site.exists() else {}


def _comparable(files: dict[str, str]) -> dict[str, str]:
    return {name: digest for name, digest in files.items() if not pagefind_unstable(name)}


def _kill_at(root: Path, seconds: float) -> bool:
    """Run a build and SIGKILL it (and Pagefind under it) after `seconds`; True if it was still running."""
    build = subprocess.Popen([sys.executable, "-m", "sitegen", "build", str(root)], cwd=REPO, start_new_session=True,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(seconds)
    running = build.poll() is None
    if running:
        os.killpg(build.pid, signal.SIGKILL)
    build.wait()
    return running


def test_a_build_killed_at_any_moment_leaves_a_whole_site(tmp_path):
    root = make_site(tmp_path / "archive", {})
    _corpus(root, 1)
    build_site(root)
    site, manifest = root / "site", root / "seeds/urls.tsv"
    old_site, old_manifest = _state(site), manifest.read_bytes()
    shutil.copytree(site, tmp_path / "old-site")
    _corpus(root, 2)
    # One uninterrupted rebuild, in a copy, times a whole run to spread the kills over.
    shutil.copytree(root, tmp_path / "timing", ignore=shutil.ignore_patterns(".site.lock"))
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "sitegen", "build", str(tmp_path / "timing")], cwd=REPO, check=True, capture_output=True)
    duration = time.perf_counter() - started

    rng = random.Random(20)
    after_kill: list[tuple[float, dict[str, str], bytes]] = []
    for attempt in range(KILLS + 10):
        at = (len(after_kill) + rng.random()) / KILLS * duration * 0.97  # one random point in each slice of the run
        if not _kill_at(root, at):  # it finished first (machines vary): shorten the run and try that slice again
            duration *= 0.9
            shutil.rmtree(site)
            shutil.copytree(tmp_path / "old-site", site)
            manifest.write_bytes(old_manifest)
            continue
        now_site, now_manifest = _state(site), manifest.read_bytes()
        after_kill.append((at, now_site, now_manifest))
        if now_site != old_site:  # the kill came after the swap: publish the old site again for the next one
            shutil.rmtree(site)
            shutil.copytree(tmp_path / "old-site", site)
        manifest.write_bytes(old_manifest)
        if len(after_kill) == KILLS:
            break
    assert len(after_kill) == KILLS

    # An uninterrupted build tidies whatever the kills left and publishes the new site.
    final = subprocess.run([sys.executable, "-m", "sitegen", "build", str(root)], cwd=REPO, capture_output=True, text=True)
    assert final.returncode == 0, final.stderr[-3000:]
    new_site, new_manifest = _comparable(_state(site)), manifest.read_bytes()
    assert new_manifest != old_manifest and _comparable(old_site) != new_site
    assert sorted(p.name for p in root.iterdir() if p.name.startswith(".site.") and p.name != ".site.spare") == [".site.lock"]
    for at, now_site, now_manifest in after_kill:
        if now_site == old_site:
            assert now_manifest in (old_manifest, new_manifest), f"kill at {at:.2f}s"  # the manifest may go first
        else:
            assert _comparable(now_site) == new_site, f"the kill at {at:.2f}s left a site that is neither the old nor the new"
            assert now_manifest == new_manifest, f"the kill at {at:.2f}s left the site ahead of its manifest"
    old_kept = sum(now_site == old_site for _, now_site, _ in after_kill)
    assert old_kept >= KILLS // 4  # the early slices (start-up, load, extract) always fall before the swap
    print(f"build {duration:.2f}s; {KILLS} kills: {old_kept} left the old site, {KILLS - old_kept} the whole new one")
