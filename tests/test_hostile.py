"""Hostile text appears as text, never as markup; no address leaves the output folder.

Every payload of hostile/xss.txt goes into titles, names, places, outlets,
summaries, source addresses, text and Markdown bodies and the data files
(hostile_site.py). The built pages are then read back as a browser's parser
would: no script but our own, no event handler, no javascript: address, no
style or frame smuggled in. test_hostile_browser.py runs them in Chromium.
"""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest

from hostile_site import MARKDOWN_ARTICLES, PAYLOADS, make_hostile_site
from sitegen.urls import make_slug

URL_ATTRIBUTES = {"href", "src", "action", "formaction", "poster", "data", "xlink:href", "background", "cite", "srcset"}
NEVER = {"iframe", "frame", "frameset", "object", "embed", "applet", "base", "style", "svg", "math", "template", "noscript",
         "textarea", "input", "button", "select", "marquee", "video", "audio", "form"}
#: The templates' own forms (the search box of every page, the search page's form); fields are allowed inside them only.
OUR_FORMS = {"site-search", "search-form"}
FIELDS = {"input", "button", "select"}
SAFE_SCHEME = re.compile(r"^(?:https?:|mailto:|#|\?|[^:]*(?:/|$))", re.I)
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")


class _Markup(HTMLParser):
    """Everything on a page that could run script or restyle it, as (tag, detail) findings."""

    def __init__(self, page: str):
        super().__init__(convert_charrefs=True)
        self.page = page
        self.findings: list[str] = []
        self.h1: list[str] = []
        self._in_h1 = False
        self._in_our_form = False
        self._in_chart = False  # the templates' own SVG charts (_charts.html), each in a <figure class="chart">

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "h1":
            self._in_h1 = True
            self.h1.append("")
        self._in_chart = self._in_chart or (tag == "figure" and "chart" in (attributes.get("class") or "").split())
        ours = (tag == "form" and attributes.get("class") in OUR_FORMS) or (tag in FIELDS and self._in_our_form) \
            or (tag == "noscript" and self.page == "search/index.html") or (tag == "svg" and self._in_chart)
        self._in_our_form = self._in_our_form or (tag == "form" and ours)
        if tag in NEVER and not ours:
            self.findings.append(f"<{tag} {attributes}>")
        if tag == "script" and attributes.get("type") != "application/ld+json" and not (attributes.get("src") or "").lstrip("./").startswith(("static/", "pagefind/")):
            self.findings.append(f"<script {attributes}>")
        if tag == "meta" and (attributes.get("http-equiv") or "").lower() == "refresh":
            self.findings.append("<meta refresh>")
        for name, value in attrs:
            if name.startswith("on") or name in ("style", "srcdoc"):
                self.findings.append(f"<{tag} {name}=...>")
            if name in URL_ATTRIBUTES and value is not None:
                plain = re.sub(r"[\x00-\x20]", "", value)  # browsers drop these before reading a scheme
                if not SAFE_SCHEME.match(plain):
                    self.findings.append(f"<{tag} {name}={value!r}>")

    def handle_endtag(self, tag):
        if tag == "h1":
            self._in_h1 = False
        if tag == "form":
            self._in_our_form = False
        if tag == "figure":
            self._in_chart = False

    def handle_data(self, data):
        if self._in_h1:
            self.h1[-1] += data


def _read(page: Path, site: Path) -> _Markup:
    parser = _Markup(page.relative_to(site).as_posix())
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    return make_hostile_site(tmp_path_factory.mktemp("hostile"))


def test_the_hostile_site_has_a_page_for_every_article(hostile_site):
    articles = [p for p in (hostile_site / "articles").iterdir() if p.is_dir()]
    assert len(articles) == len(PAYLOADS) + MARKDOWN_ARTICLES


def test_no_page_carries_markup_from_the_text(hostile_site):
    pages = sorted(hostile_site.rglob("*.html"))
    assert len(pages) > 2 * len(PAYLOADS) + 20  # an article and a meeting page per payload, people, places, indexes
    findings = {page.relative_to(hostile_site).as_posix(): _read(page, hostile_site).findings for page in pages}
    assert {page: found for page, found in findings.items() if found} == {}


def _article_page(site: Path, number: int) -> Path:
    day = dt.date(2020, 1, 1) + dt.timedelta(days=number)  # as hostile_site dates them
    return next((site / "articles").glob(f"{day.isoformat()}-*/index.html"))


def test_hostile_titles_read_as_the_text_they_are(hostile_site):
    for number in (0, 4, 12, 42):
        assert _read(_article_page(hostile_site, number), hostile_site).h1 == [" ".join(PAYLOADS[number].split())]
    template = PAYLOADS.index("{{ 7*7 }} {% if true %}jinja{% endif %}")  # shown as written, never run as a template
    assert _read(_article_page(hostile_site, template), hostile_site).h1 == ["{{ 7*7 }} {% if true %}jinja{% endif %}"]


def test_no_bidi_override_reaches_any_output(hostile_site):
    assert "\u202e" in "".join(PAYLOADS)
    files = [p for p in hostile_site.rglob("*") if p.suffix in (".html", ".xml", ".txt", ".json")]
    assert [p.name for p in files if BIDI_CONTROLS.search(p.read_text(encoding="utf-8"))] == []


def test_feeds_and_sitemap_stay_well_formed_xml(hostile_site):
    documents = sorted(hostile_site.rglob("*.xml"))
    assert len(documents) > 3
    for document in documents:
        ET.parse(document)  # raises on markup injected into the XML


def test_every_output_file_is_inside_the_site_under_a_plain_name(hostile_site):
    for path in hostile_site.rglob("*"):
        assert hostile_site.resolve() in path.resolve().parents
        relative = path.relative_to(hostile_site)
        if relative.parts[0] not in ("static", "pagefind", ".sitegen-output"):
            assert all(re.fullmatch(r"[a-z0-9][a-z0-9._-]*", part) for part in relative.parts), relative


@pytest.mark.parametrize("text", ["../../etc/passwd", "/etc/passwd", "..", ".", "", "C:\\Windows\\system32", "%2e%2e%2f",
                                  "\uff0e\uff0e\uff0f", "con", "NUL", "lpt1", "\u202e\u200d", "~root", "a/../../b"])
def test_a_slug_never_leaves_its_folder_nor_takes_a_reserved_name(text):
    slug = make_slug(text)
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", slug)
    assert slug not in {"con", "nul", "prn", "aux", "lpt1", "com1"}
