"""The hostile-text site in headless Chromium with JavaScript on: not one script of the text runs.

Every page is opened twice: once with the pages' Content-Security-Policy
bypassed, to show the escaping and the sanitizer alone keep every payload inert,
and once with it, as readers get it. Chromium's debugger lists every script it
compiles in the page's own world (inline scripts, event handlers, javascript:
addresses, eval); the only ones allowed are the site's own files.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import make_site
from hostile_site import make_hostile_site
from serve import serve
from test_browser import browser  # noqa: F401 - the same headless Debian Chromium
from test_build import GOOD, build_site

OUR_SCRIPTS = ("static/", "pagefind/")


class _Watch:
    """Dialogs opened and scripts compiled in the page's own world, page by page."""

    def __init__(self, browser, *, bypass_csp: bool):
        self.context = browser.new_context(bypass_csp=bypass_csp)
        self.page = self.context.new_page()
        self.dialogs: list[str] = []
        self.scripts: list[tuple[str, str]] = []
        self.page.on("dialog", self._dialog)
        self._debugger = self.context.new_cdp_session(self.page)
        self._debugger.on("Debugger.scriptParsed", self._script)

    def _dialog(self, dialog) -> None:
        self.dialogs.append(f"{self.page.url}: {dialog.message}")
        dialog.dismiss()

    def _script(self, event: dict) -> None:
        if event.get("executionContextAuxData", {}).get("isDefault"):  # not Playwright's own isolated world
            self.scripts.append((self.page.url, event["url"]))

    def visit(self, url: str) -> None:
        self.page.goto(url, wait_until="load")  # images have failed by then, so their onerror would have run
        # Enabling the debugger reports every script the document has compiled so far.
        self._debugger.send("Debugger.enable")
        self._debugger.send("Debugger.disable")

    def foreign_scripts(self, base: str) -> list[tuple[str, str]]:
        return [(page, url) for page, url in self.scripts if not url.startswith(tuple(base + s for s in OUR_SCRIPTS))]

    def close(self) -> None:
        self.context.close()


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    return make_hostile_site(tmp_path_factory.mktemp("hostile-browser"))


def _pages(site: Path, *, every: int = 1) -> list[str]:
    """The site's pages; with `every`, the indexes, home, search and 404 and a sample of the rest."""
    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))
    return [p for i, p in enumerate(pages) if p.count("/") < 2 or i % every == 0]


@pytest.mark.parametrize("bypass_csp, every", [(True, 1), (False, 7)], ids=["every page, sanitising alone", "with the CSP"])
def test_no_hostile_text_runs_on_any_page(browser, hostile_site, bypass_csp, every):
    pages = _pages(hostile_site, every=every)
    watch = _Watch(browser, bypass_csp=bypass_csp)
    with serve(hostile_site) as base:
        for page in pages:
            watch.visit(base + page)
        assert watch.dialogs == []
        assert watch.foreign_scripts(base) == []
        # The check can see a script: the search page's own one was compiled.
        assert any(url.startswith(base + "static/search.js") for _, url in watch.scripts)
    watch.close()
    assert len(pages) > (100 if every == 1 else 20)


def test_the_content_security_policy_stops_inline_script_that_gets_into_a_page(browser, tmp_path):
    injected = ('{% extends "base.html" %}{% block content %}<script>alert("inline")</script>'
                '<img src="missing.png" onerror="alert(\'handler\')"><a id="js" href="javascript:alert(\'address\')">x</a>{% endblock %}')
    root = make_site(tmp_path, {**GOOD, "templates/404.html": injected})
    build_site(root)
    with serve(root / "site") as base:
        guarded = _Watch(browser, bypass_csp=False)
        guarded.visit(base + "404.html")
        guarded.page.click("#js")
        guarded.page.wait_for_timeout(100)
        assert guarded.dialogs == [] and guarded.foreign_scripts(base) == []
        guarded.close()
        # Without the policy the same page runs all three: the watch above would have seen them.
        open_page = _Watch(browser, bypass_csp=True)
        open_page.visit(base + "404.html")
        open_page.page.click("#js")
        open_page.page.wait_for_timeout(100)
        assert sorted(m.split(": ", 1)[1] for m in open_page.dialogs) == ["address", "handler", "inline"]
        open_page.close()
