"""`sitegen serve`: the preview rebuilds on every change, shows a broken article's error and recovers, all in one run."""

from __future__ import annotations

import http.client
import os
import re
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from conftest import make_site
from test_browser import browser  # noqa: F401 - the same headless Debian Chromium

MEETING = "meetings/2023-01-31-antony-blinken-yoav-gallant/"
#: The site's address is under a sub-path, as on GitHub Pages: the preview serves it there too.
CONFIG = "title: Preview test\nbase_url: https://example.org/archive/\n"
#: Generous bounds for a loaded machine; the reload figure itself is asserted against 2 s.
START, CHANGE = 90, 20


def article(summary: str, *, broken: bool = False) -> str:
    date = "2023-02-30" if broken else "2023-01-31"
    return f"""---
title: Gallant hosts Blinken
date: {date}
meetings:
  - date: 2023-01-31
    place: Jerusalem
    participants: [Yoav Gallant, Antony Blinken]
    topics: [iron-dome]
summary: {summary}
---
Defense Minister Yoav Gallant hosted US Secretary of State Antony Blinken in Jerusalem on Tuesday.
"""


class Preview:
    """A `sitegen serve` process, its output as it comes, and its address."""

    def __init__(self, root: Path):
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        self.process = subprocess.Popen([sys.executable, "-m", "sitegen", "serve", str(root), "--port", "0"],
                                        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env)
        self.lines: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()
        first = self.wait_for_line("Serving ", START)
        self.url, self.folder = re.search(r"Serving (\S+) \(a preview built in (\S+):", first).groups()

    def _read(self) -> None:
        for line in self.process.stdout:
            self.lines.append(line.rstrip("\n"))

    def wait_for_line(self, start: str, timeout: float) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = next((line for line in self.lines if line.startswith(start)), None)
            if found:
                return found
            assert self.process.poll() is None, "\n".join(self.lines)
            time.sleep(0.02)
        raise AssertionError(f"no line starting {start!r} in:\n" + "\n".join(self.lines))

    def stop(self) -> int:
        if self.process.poll() is None:
            self.process.terminate()
        try:
            return self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)
            raise


@pytest.fixture
def preview(tmp_path):
    root = make_site(tmp_path, {"sitegen.yaml": CONFIG, "seeds/a.md": article("First summary.")})
    manifest = root / "seeds/urls.tsv"
    running = Preview(root)
    try:
        yield root, running
    finally:
        code = running.stop()
    assert code == 0 and running.lines[-1] == "stopped"
    assert not Path(running.folder).exists()  # the preview's own folder is gone with it
    assert not (root / "site").exists() and not manifest.exists()  # nothing published, the output folder untouched


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=CHANGE) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


def wait_for(url: str, text: str, timeout: float = CHANGE) -> tuple[int, str, float]:
    """Poll `url` until its page holds `text`; the status, page and seconds it took."""
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        status, page = fetch(url)
        if text in page:
            return status, page, time.monotonic() - started
        time.sleep(0.02)
    raise AssertionError(f"{url} never showed {text!r}; last:\n{page[:2000]}")


def test_an_edit_shows_within_2_seconds_a_broken_article_shows_its_error_and_the_fix_brings_the_page_back(preview, record_property):
    root, server = preview
    assert server.url.startswith("http://127.0.0.1:") and server.url.endswith("/archive/")
    page_url = server.url + MEETING
    status, page, _ = wait_for(page_url, "First summary.", START)
    assert status == 200 and 'src="/archive/__sitegen__/livereload.js"' in page

    latencies = []
    for edit in range(1, 4):
        (root / "seeds/a.md").write_text(article(f"Edited summary {edit}."), encoding="utf-8")
        status, _, seconds = wait_for(page_url, f"Edited summary {edit}.")
        assert status == 200
        latencies.append(seconds)
    record_property("reload_seconds", latencies)
    print(f"\nsitegen serve: edit to changed page over HTTP in {', '.join(f'{s:.2f}' for s in latencies)} s")
    assert statistics.median(latencies) < 2.0

    (root / "seeds/a.md").write_text(article("Broken now.", broken=True), encoding="utf-8")
    status, page, _ = wait_for(page_url, "The build failed")
    assert status == 500 and "a.md:3" in page and "2023-02-30" in page
    server.wait_for_line("a.md:3: error [date]", CHANGE)  # the terminal says it too
    assert server.process.poll() is None

    (root / "seeds/a.md").write_text(article("Fixed again."), encoding="utf-8")
    status, page, _ = wait_for(page_url, "Fixed again.")
    assert status == 200 and "The build failed" not in page
    assert server.process.poll() is None


def test_the_site_is_served_under_its_sub_path_with_the_script_only_in_served_pages(preview):
    root, server = preview
    wait_for(server.url + MEETING, "First summary.", START)
    host, port = urllib.parse.urlsplit(server.url).netloc.split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=CHANGE)
    connection.request("GET", "/")
    response = connection.getresponse()
    assert (response.status, response.getheader("Location")) == (302, "/archive/")  # the bare address leads to the sub-path
    connection.close()
    status, page = fetch(server.url + "no/such/page/")
    assert status == 404 and "Page not found" in page and 'href="/archive/meetings/"' in page
    status, script = fetch(server.url + "__sitegen__/livereload.js")
    assert status == 200 and "EventSource" in script
    built = Path(server.folder)
    assert "__sitegen__" not in (built / MEETING / "index.html").read_text(encoding="utf-8")  # the preview's files stay clean
    assert fetch(server.url + "../../etc/passwd")[0] == 404
    # A theme folder made while serving is watched too: its first template shows at once.
    (root / "templates").mkdir()
    (root / "templates/404.html").write_text('{% extends "base.html" %}{% block content %}<h1>Lost in the preview</h1>{% endblock %}')
    assert wait_for(server.url + "no/such/page/", "Lost in the preview")[0] == 404


def test_the_open_page_reloads_itself_on_an_edit_a_break_and_the_fix(preview, browser):
    root, server = preview
    wait_for(server.url + MEETING, "First summary.", START)
    page = browser.new_page()
    blocked = []
    page.on("console", lambda message: "Content Security Policy" in message.text and blocked.append(message.text))
    page.goto(server.url + MEETING)
    shown(page, ".summary", "First summary.")
    # Nothing but the server tells the page: it reloads itself each time.
    (root / "seeds/a.md").write_text(article("Seen in the browser."), encoding="utf-8")
    shown(page, ".summary", "Seen in the browser.")
    (root / "seeds/a.md").write_text(article("Broken.", broken=True), encoding="utf-8")
    shown(page, "h1", "The build failed")
    assert "a.md:3" in page.locator(".problems").inner_text()
    (root / "seeds/a.md").write_text(article("Back again."), encoding="utf-8")
    shown(page, ".summary", "Back again.")
    page.close()
    assert blocked == []  # the reload script is a file of the site's own origin: the pages' policy lets it run


def shown(page, selector: str, text: str) -> None:
    """Wait until the open page shows `text` in `selector` (the page's policy forbids evaluating strings in it)."""
    page.locator(selector, has_text=text).wait_for(timeout=CHANGE * 1000)
