"""bench/peers.py: a generated Markdown corpus becomes a Hugo site and a Pelican site with the same taxonomies."""

import sys
from pathlib import Path

import pytest
import yaml

BENCH = Path(__file__).resolve().parent.parent / "bench"
sys.path.insert(0, str(BENCH))
import peers  # noqa: E402
from generate import generate  # noqa: E402


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    site = generate(tmp_path_factory.mktemp("corpus"), 3, "markdown")
    labels = {t["id"]: t["label"] for t in yaml.safe_load((site / "seeds" / "topics.yaml").read_text(encoding="utf-8"))}
    expected = {}
    for path in sorted((site / "seeds").glob("*.md")):
        meta = yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])
        (meeting,) = meta["meetings"]
        expected[path.stem] = {
            "title": meta["title"], "date": str(meta["date"]), "people": meeting["participants"],
            "topics": [labels[t] for t in meeting["topics"]], "places": [meeting["place"]],
        }
    assert len(expected) == 3
    return site, expected


def _front_matter(path: Path) -> tuple[dict, str]:
    _, head, body = path.read_text(encoding="utf-8").split("---\n", 2)
    return yaml.safe_load(head), body


def test_hugo_site_has_the_articles_with_people_topics_and_places_as_taxonomies(corpus, tmp_path):
    site, expected = corpus
    hugo = peers.hugo_site(peers.read_articles(site / "seeds"), tmp_path / "hugo")
    config = (hugo / "hugo.toml").read_text(encoding="utf-8")
    assert 'person = "people"' in config and 'topic = "topics"' in config and 'place = "places"' in config
    for kind in ("baseof", "home", "page", "section", "taxonomy", "term"):
        assert (hugo / "layouts" / f"{kind}.html").is_file()
    articles = sorted((hugo / "content" / "articles").glob("0*.md"))
    assert [p.stem for p in articles] == sorted(expected)
    for path in articles:
        meta, body = _front_matter(path)
        assert meta == expected[path.stem]
        original = (site / "seeds" / path.name).read_text(encoding="utf-8").split("---\n", 2)[2]
        assert body.strip() == original.strip()


def test_pelican_site_files_people_as_authors_topics_as_tags_place_as_category(corpus, tmp_path):
    site, expected = corpus
    pelican = peers.pelican_site(peers.read_articles(site / "seeds"), tmp_path / "pelican")
    assert (pelican / "pelicanconf.py").is_file()
    articles = sorted((pelican / "content").glob("*.md"))
    assert [p.stem for p in articles] == sorted(expected)
    for path in articles:
        head = path.read_text(encoding="utf-8").split("\n\n", 1)[0]
        meta = dict(line.split(": ", 1) for line in head.splitlines())
        want = expected[path.stem]
        assert meta == {
            "Title": want["title"], "Date": want["date"], "Slug": path.stem,
            "Authors": "; ".join(want["people"]), "Tags": "; ".join(want["topics"]), "Category": want["places"][0],
        }


def test_pelican_reads_the_converted_metadata_as_authors_tags_and_category(corpus, tmp_path):
    readers = pytest.importorskip("pelican.readers")
    settings = pytest.importorskip("pelican.settings")
    site, expected = corpus
    pelican = peers.pelican_site(peers.read_articles(site / "seeds"), tmp_path / "pelican")
    reader = readers.MarkdownReader(settings.read_settings(str(pelican / "pelicanconf.py")))
    for path in sorted((pelican / "content").glob("*.md")):
        _, meta = reader.read(str(path))
        want = expected[path.stem]
        assert [a.name for a in meta["authors"]] == want["people"]
        assert [t.name for t in meta["tags"]] == want["topics"]
        assert meta["category"].name == want["places"][0]
