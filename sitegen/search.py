"""Full-text search: a Pagefind index of the finished pages, made before the new site is swapped in.

Pagefind (the `pagefind-bin` package ships its binary) reads the written HTML:
only pages marked `data-pagefind-body` (meetings, people, topics, places,
articles) are indexed, and each page's `data-pagefind-filter` elements give the
person, topic and year filters. The bundle lands in `pagefind/` and is loaded
by static/search.js; it is fetched by relative address, so it works under any
sub-path.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
from pathlib import Path

from .problems import BuildFailed, Problem

#: The folder of the search bundle, relative to the site root.
BUNDLE = "pagefind"
#: Inside the bundle: the fingerprint of the pages it was made from.
FINGERPRINT = "pages.sha256"
#: Seconds Pagefind may take; it indexes a few thousand pages in seconds.
TIMEOUT = 600


def index_site(site: Path, previous: Path | None = None) -> None:
    """Write the Pagefind bundle for the pages in `site`; BuildFailed if Pagefind fails.

    Where the `previous` site was indexed from exactly the same pages, its bundle
    is copied instead: Pagefind writes its filter index in a different order on
    every run, so reusing it keeps consecutive builds of the same input
    byte-identical (and saves the indexing time).
    """
    fingerprint = _pages_fingerprint(site)
    if previous is not None and _reuse_bundle(previous, site, fingerprint):
        return
    command = [str(_pagefind()), "--site", str(site), "--output-subdir", BUNDLE, "--keep-index-url", "--silent"]
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise BuildFailed([Problem("search index", f"could not run Pagefind: {exc}")]) from exc
    if result.returncode != 0 or not (site / BUNDLE / "pagefind.js").exists():
        detail = (result.stderr or result.stdout).strip() or f"exit status {result.returncode}"
        raise BuildFailed([Problem("search index", f"Pagefind failed: {detail}")])
    (site / BUNDLE / FINGERPRINT).write_text(fingerprint + "\n", encoding="utf-8")


def _pages_fingerprint(site: Path) -> str:
    """A hash of every HTML page (address and bytes): what the index is made from."""
    digest = hashlib.sha256()
    for page in sorted(site.rglob("*.html")):
        if BUNDLE not in page.relative_to(site).parts[:1]:
            digest.update(page.relative_to(site).as_posix().encode() + b"\0" + page.read_bytes() + b"\0")
    return digest.hexdigest()


def _reuse_bundle(previous: Path, site: Path, fingerprint: str) -> bool:
    old = previous / BUNDLE
    recorded = old / FINGERPRINT
    if old.is_symlink() or not recorded.is_file() or recorded.read_text(encoding="utf-8").strip() != fingerprint:
        return False
    shutil.copytree(old, site / BUNDLE, symlinks=False)
    return True


def _pagefind() -> Path:
    try:
        import pagefind_bin
        return pagefind_bin.get_executable()
    except (ImportError, FileNotFoundError) as exc:
        raise BuildFailed([Problem("search index", f"the Pagefind binary is missing ({exc}): pip install pagefind-bin")]) from exc
