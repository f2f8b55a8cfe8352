"""Every page of the seeds' build through the Nu HTML Checker (vnu.jar): no error, no warning.

The checker reads HTML, CSS and SVG; the Atom feeds and the sitemap are parsed in test_feeds.py.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

from conftest import REPO, require_tool

VNU_JAR = Path(os.environ.get("VNU_JAR", REPO / ".tools/node_modules/vnu-jar/build/dist/vnu.jar"))


def test_every_page_the_stylesheet_and_the_icon_pass_the_nu_html_checker(seed_site):
    require_tool(VNU_JAR.exists() and shutil.which("java") is not None, f"the Nu HTML Checker ({VNU_JAR}) with java")
    files = sorted(str(p) for p in seed_site.rglob("*") if p.suffix in (".html", ".css", ".svg") and "pagefind" not in p.parts)
    assert len(files) > 40
    result = subprocess.run(
        ["java", "-jar", str(VNU_JAR), "--format", "json", "--also-check-css", "--also-check-svg", *files],
        capture_output=True, text=True, timeout=300,
    )
    # The checker's notes (type "info") on the pages' Content-Security-Policy model it wrongly for files read
    # from disk: it counts the JSON-LD data block as an inline script (browsers never run a data block, so CSP
    # does not apply to it) and static/search.js as not 'self' (Chromium runs it, from disk and served:
    # test_hostile_browser.py). Every other message, and every error and warning, counts.
    messages = [m for m in json.loads(result.stderr)["messages"]
                if not (m["type"] == "info" and "Content Security Policy" in m["message"])]
    report = [f"{m['url'].rsplit('/site/', 1)[-1]}:{m.get('lastLine')}: {m['type']}: {m['message']}" for m in messages]
    assert report == []
