"""Benchmark `sitegen build` on a generated corpus, as whole processes.

    python bench/run.py --articles 10000 [--format text|markdown] [--runs 3] [--work /tmp/sitegen-bench]

Prints, for each scenario, the median wall time of --runs builds, the peak
memory of the build process, pages written and output size, and the cost of
extraction alone per article. Scenarios: cold build, no-op rebuild, rebuild
after editing one article, after adding one, after editing people.yaml.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import generate  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10000)
    parser.add_argument("--format", choices=("text", "markdown"), default="text")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--work", type=Path, default=Path("/tmp/sitegen-bench"))
    args = parser.parse_args()
    site = args.work / f"{args.format}-{args.articles}"
    if not (site / "seeds").is_dir():
        generate(site, args.articles, args.format)
    print(f"corpus: {args.articles} {args.format} articles in {site}")
    print(f"extraction alone: {extraction_ms(site):.2f} ms per article")
    print(f"{'scenario':28}{'median s':>10}{'peak MB':>10}{'pages':>9}{'output MB':>11}")
    scenarios = [
        ("cold build", lambda: shutil.rmtree(site / "site", ignore_errors=True)),
        ("no-op rebuild", lambda: None),
        ("edit one article", lambda: _touch_article(site)),
        ("add one article", lambda: _add_article(site)),
        ("edit people.yaml", lambda: _edit_people(site)),
    ]
    for name, prepare in scenarios:
        walls, peaks = [], []
        for _ in range(args.runs):
            prepare()
            wall, peak = build_once(site)
            walls.append(wall)
            peaks.append(peak)
        pages = sum(1 for _ in (site / "site").rglob("*.html"))
        size = sum(p.stat().st_size for p in (site / "site").rglob("*") if p.is_file()) / 1e6
        print(f"{name:28}{statistics.median(walls):>10.2f}{max(peaks):>10.0f}{pages:>9}{size:>11.1f}")


def build_once(site: Path) -> tuple[float, float]:
    """Wall seconds and peak resident MB of one `sitegen build` process."""
    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "sitegen", "build", str(site)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"build failed: {process.stderr.read().decode()[-2000:]}")
    return wall, usage.ru_maxrss / 1024


def extraction_ms(site: Path) -> float:
    """CPU milliseconds per article of the extract stage, in this process."""
    from sitegen.extract import Extractor
    from sitegen.fields import read_declared
    from sitegen.load import read_sources
    from sitegen.problems import Problems
    from sitegen.refdata import load_reference_data

    problems = Problems()
    extractor = Extractor(load_reference_data(site / "seeds", problems))
    sources = read_sources(site / "seeds", problems)
    started = time.process_time()
    for source in sources:
        extractor.extract(source, read_declared(source, problems), problems)
    return (time.process_time() - started) * 1000 / max(1, len(sources))


def _articles(site: Path) -> list[Path]:
    return sorted(p for p in (site / "seeds").iterdir() if p.suffix in (".txt", ".md"))


def _touch_article(site: Path) -> None:
    path = _articles(site)[len(_articles(site)) // 2]
    path.write_text(path.read_text(encoding="utf-8") + "\nAn editor's correction.\n", encoding="utf-8")


def _add_article(site: Path) -> None:
    """A new article: a copy of the first under a headline of its own (two articles may not share an address)."""
    first = _articles(site)[0]
    count = len(list((site / "seeds").glob("added-*")))
    text = first.read_text(encoding="utf-8")
    if text.startswith("---"):
        new = re.sub(r"^title: .*$", f"title: Added article {count} on the talks", text, count=1, flags=re.M)
    else:
        new = f"Added article {count} on the talks\n" + text.split("\n", 1)[1]
    (site / "seeds" / f"added-{count}{first.suffix}").write_text(new, encoding="utf-8")


def _edit_people(site: Path) -> None:
    path = site / "seeds" / "people.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")


if __name__ == "__main__":
    main()
