"""Random front matter and bodies: a build either makes valid pages or reports clear problems, never a traceback.

Hypothesis writes an article file from random YAML values under the known keys
(and some unknown ones), random text mixing names, dates, markup and control
characters, in random encodings, and runs a whole build on it. Derandomized,
so CI runs the same examples every time.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path
from unittest import mock

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import SEEDS
from sitegen.build import build
from sitegen.config import load_config
from sitegen.fields import FIELD_RULES
from sitegen.problems import BuildFailed
from test_hostile import _Markup

WORDS = ["Antony Blinken", "Yoav Gallant", "Benny Gantz", "met", "hosted", "in", "Jerusalem", "Washington", "on Tuesday",
         "Iron Dome", "2023-01-31", "January 31, 2023", "Published:", "---", "...", "<script>", "&amp;", "{{", "#", "*", "\t"]
TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40)
SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(-10**6, 10**6), st.floats(allow_nan=True), TEXT,
    st.dates(min_value=dt.date(1, 1, 1)).map(dt.date.isoformat), st.sampled_from(["2023-02-30", "2999-01-01", "today", ""]),
)
VALUES = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(TEXT, inner, max_size=4), max_leaves=12)
KEYS = st.sampled_from([*FIELD_RULES, "tags", "author", "Title", "dat"])
BODY = st.lists(st.one_of(st.sampled_from(WORDS), TEXT), max_size=30).map(" ".join)
LINE_ENDS = st.sampled_from(["\n", "\r\n", "\r"])
ENCODINGS = st.sampled_from(["utf-8", "utf-8-sig", "utf-16"])


@st.composite
def article_files(draw) -> bytes:
    """The bytes of one article file: front matter (or none, or broken) and a body."""
    body = draw(st.lists(BODY, max_size=6).map("\n".join))
    form = draw(st.sampled_from(["mapping", "mapping", "mapping", "none", "raw", "unclosed"]))
    if form == "mapping":
        meta = draw(st.dictionaries(KEYS, VALUES, max_size=6))
        text = "---\n" + yaml.safe_dump(meta, allow_unicode=True) + "---\n" + body
    elif form == "raw":
        text = "---\n" + draw(TEXT) + "\n---\n" + body
    elif form == "unclosed":
        text = "---\n" + body
    else:
        text = body
    text = text.replace("\n", draw(LINE_ENDS))
    return text.encode(draw(ENCODINGS), "surrogatepass")


def _check_pages(site: Path) -> None:
    pages = list(site.rglob("*.html"))
    assert any(p.parts[-3] == "articles" for p in pages)
    for page in pages:
        parser = _Markup(page.relative_to(site).as_posix())
        parser.feed(page.read_text(encoding="utf-8"))
        assert parser.findings == []


@settings(max_examples=60, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(raw=article_files(), suffix=st.sampled_from([".txt", ".md"]))
def test_any_article_builds_valid_pages_or_gets_clear_problems(raw, suffix):
    with tempfile.TemporaryDirectory() as folder, mock.patch("sitegen.pipeline.index_site", lambda staging, **_: {}):
        # The search index (Pagefind, a separate program) is left out: it reads the pages checked here.
        root = Path(folder)
        (root / "content").mkdir()
        (root / "content" / f"article{suffix}").write_bytes(raw)
        config = load_config(root, content_dir="content", data_dir=str(SEEDS), output_dir="site")
        try:
            build(config)
        except BuildFailed as failed:
            assert failed.problems
            for problem in failed.problems:
                assert problem.path == f"article{suffix}" and problem.message.strip(), problem
                assert "Traceback" not in str(problem)
            assert not (root / "site").exists()
            return
        _check_pages(root / "site")
