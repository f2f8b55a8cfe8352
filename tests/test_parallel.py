"""Extraction shared among processes gives exactly what one process gives."""

import sys
from pathlib import Path

from conftest import REPO
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
