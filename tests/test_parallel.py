"""Extraction shared among processes gives exactly what one process gives."""

import shutil
import sys
from pathlib import Path

from conftest import REPO
from test_build import snapshot
from sitegen.extract import Extractor
from sitegen.load import read_sources
from sitegen import parallel
from sitegen.parallel import extract_all
from sitegen.problems import Problems
from sitegen.refdata import load_reference_data

sys.path.insert(0, str(REPO / "bench"))
from generate import generate  # noqa: E402


def test_parallel_extraction_equals_serial_in_order_and_problems(tmp_path, monkeypatch):
    pools = []

    class CountedPool(parallel.ProcessPoolExecutor):
        def __init__(self, *args, **kwargs):
            pools.append(self)
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(parallel, "ProcessPoolExecutor", CountedPool)
    site = generate(tmp_path, 450, "text", seed=7)
    (site / "seeds/000003.txt").write_text("No date and no meeting here.\n", encoding="utf-8")
    problems = Problems()
    extractor = Extractor(load_reference_data(site / "seeds", problems))
    sources = read_sources(site / "seeds", problems)
    serial_problems, parallel_problems = Problems(), Problems()
    serial = extract_all(sources, extractor, serial_problems, workers=1)
    shared = extract_all(sources, extractor, parallel_problems, workers=2)
    assert len(pools) == 1  # the work really was shared out
    assert shared == serial
    assert parallel_problems.items == serial_problems.items and serial_problems.warnings


def test_a_large_site_rendered_on_every_core_is_the_same_as_on_one(tmp_path, monkeypatch):
    """Byte for byte: the same files whether pages were rendered by one process or shared out."""
    from conftest import build_site
    from sitegen import pipeline as pipeline_module

    site = generate(tmp_path / "a", 300, "markdown", seed=3)
    shutil.copytree(site, tmp_path / "b")
    build_site(site)
    monkeypatch.setattr(pipeline_module, "render_all", lambda units, items: parallel.render_all(units, items, workers=1))
    build_site(tmp_path / "b")
    # Pagefind's filter index is not byte-stable between runs (its maintainers say so), whoever renders.
    pages = {k: v for k, v in snapshot(site / "site").items() if not k.startswith("pagefind/")}
    assert pages == {k: v for k, v in snapshot(tmp_path / "b" / "site").items() if not k.startswith("pagefind/")}
    assert len(pages) > 900


def test_workers_end_with_a_killed_build_and_leave_no_lock(tmp_path):
    """Only the build process is killed (an out-of-memory kill): its workers must not live on holding the lock."""
    import os
    import signal
    import subprocess
    import time

    site = generate(tmp_path, 1500, "text", seed=11)
    build = subprocess.Popen([sys.executable, "-m", "sitegen", "build", str(site)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    children: list[int] = []
    while time.monotonic() < deadline and not children:  # wait until the pool has forked
        time.sleep(0.2)
        children = [int(pid) for pid in Path(f"/proc/{build.pid}/task/{build.pid}/children").read_text().split()]
    assert children, "the build never started its workers"
    os.kill(build.pid, signal.SIGKILL)
    build.wait()
    time.sleep(1.5)
    alive = [pid for pid in children if Path(f"/proc/{pid}").exists() and "Z" not in Path(f"/proc/{pid}/stat").read_text().split()[2]]
    for pid in alive:  # end what this test started, even when it fails
        os.kill(pid, signal.SIGKILL)
    assert alive == []
    again = subprocess.run([sys.executable, "-m", "sitegen", "build", str(site)], capture_output=True, text=True, timeout=600)
    assert "another sitegen build" not in again.stderr
