"""Themes: a site's own templates/ and static/ override the packaged ones file by file (README: Themes)."""

from __future__ import annotations

import hashlib
import re

from conftest import build_site, make_site
from sitegen.theme import default_dir

ARTICLE = """
    ---
    title: Gallant hosts Blinken
    date: 2023-01-31
    meetings:
      - date: 2023-01-31
        place: Jerusalem
        participants: [Yoav Gallant, Antony Blinken]
    ---
    They met.
    """


def test_a_site_s_own_stylesheet_and_chart_partial_replace_the_defaults_and_nothing_else(tmp_path):
    charts = (default_dir("templates") / "_charts.html").read_text(encoding="utf-8")
    root = make_site(tmp_path, {
        "seeds/a.md": ARTICLE,
        "static/style.css": "body { font-family: serif; }\n",
        # A partial that other templates import: overriding it changes every page that uses it.
        "templates/_charts.html": charts.replace("<figcaption>", '<figcaption class="house-style">'),
    })
    build_site(root)
    site = root / "site"
    assert (site / "static/style.css").read_text() == "body { font-family: serif; }\n"
    assert (site / "static/favicon.svg").read_bytes() == (default_dir("static") / "favicon.svg").read_bytes()
    home = (site / "index.html").read_text(encoding="utf-8")
    assert '<figcaption class="house-style">' in home and 'class="chart chart-columns"' in home
    # The stylesheet's link carries the site's own file's fingerprint, so browsers fetch the new one.
    fingerprint = re.search(r'href="static/style\.css\?v=(\w+)"', home)[1]
    assert fingerprint == hashlib.sha256(b"body { font-family: serif; }\n").hexdigest()[:10]
