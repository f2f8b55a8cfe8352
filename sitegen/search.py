"""Full-text search: a Pagefind index of the finished pages, made before the new site is swapped in.

Pagefind (the `pagefind-bin` package ships its binary) reads the written HTML:
only pages marked `data-pagefind-body` (meetings, people, topics, places,
articles) are indexed, and each page's `data-pagefind-filter` elements give the
person, topic and year filters. The bundle lands in `pagefind/` and is loaded
by static/search.js; it is fetched by relative address, so it works under any
sub-path.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from .problems import BuildFailed, Problem

#: The folder of the search bundle, relative to the site root.
BUNDLE = "pagefind"
#: Seconds Pagefind may take; it indexes a few thousand pages in seconds.
TIMEOUT = 600


def index_site(site: Path) -> None:
    """Write the Pagefind bundle for the pages in `site`; BuildFailed if Pagefind fails."""
    command = [str(_pagefind()), "--site", str(site), "--output-subdir", BUNDLE, "--keep-index-url", "--silent"]
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise BuildFailed([Problem("search index", f"could not run Pagefind: {exc}")]) from exc
    if result.returncode != 0 or not (site / BUNDLE / "pagefind.js").exists():
        detail = (result.stderr or result.stdout).strip() or f"exit status {result.returncode}"
        raise BuildFailed([Problem("search index", f"Pagefind failed: {detail}")])


def _pagefind() -> Path:
    try:
        import pagefind_bin
        return pagefind_bin.get_executable()
    except (ImportError, FileNotFoundError) as exc:
        raise BuildFailed([Problem("search index", f"the Pagefind binary is missing ({exc}): pip install pagefind-bin")]) from exc
