"""Page addresses: slugs, links relative to the page they sit on, absolute URLs.

Every page has a site path such as ``meetings/2023-01-31-antony-blinken-yoav-gallant/``
(a folder holding ``index.html``) or ``404.html``. Templates link only through
`relative_url`, so one build works at a domain root, under a sub-path and from
disk; canonical and feed URLs come only from `absolute_url`.
"""

from __future__ import annotations

import functools
import posixpath

from slugify import slugify as _slugify

MAX_SLUG_LENGTH = 72
#: Names Windows reserves for devices: a folder called "con" or "nul" cannot be copied there.
RESERVED_SLUGS = frozenset({"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))})


@functools.lru_cache(maxsize=1 << 16)
def make_slug(text: str) -> str:
    """A lowercase ASCII slug that can never leave the output folder.

    Only a-z, 0-9 and single hyphens survive, so no slug holds '/', '.' or '..';
    an empty result and the device names Windows reserves get a safe stand-in.
    """
    slug = _slugify(text, max_length=MAX_SLUG_LENGTH, word_boundary=True, save_order=True)
    if slug in RESERVED_SLUGS:
        return f"{slug}-page"
    return slug or "untitled"


def article_file_name(day: str, title: str, suffix: str) -> str:
    """The file name an editor's new or imported article gets: '2023-01-31-gallant-hosts-blinken.md'."""
    return f"{day}-{make_slug(title)[:60].rstrip('-')}{suffix}"


def output_file(site_path: str) -> str:
    """The file that holds the page at `site_path` (folders get index.html)."""
    if site_path == "" or site_path.endswith("/"):
        return site_path + "index.html"
    return site_path


def relative_url(target: str, from_page: str) -> str:
    """Link from the page at `from_page` to `target`, both site paths.

    Links name ``index.html`` explicitly so that they also work when the
    archive is opened from disk, where no server maps folders to index files.
    """
    path, hash_mark, fragment = target.partition("#")
    return _relative_file(output_file(path), posixpath.dirname(output_file(from_page))) + hash_mark + fragment


@functools.lru_cache(maxsize=1 << 16)
def _relative_file(target_file: str, start_dir: str) -> str:
    """posixpath.relpath for clean site paths, without its normalising work (it runs for every link)."""
    target_parts = target_file.split("/")
    start_parts = start_dir.split("/") if start_dir else []
    common = 0
    while common < min(len(start_parts), len(target_parts) - 1) and start_parts[common] == target_parts[common]:
        common += 1
    return "/".join([".."] * (len(start_parts) - common) + target_parts[common:])


def absolute_url(target: str, base_url: str) -> str:
    """The public URL of a site path under the configured base URL."""
    return base_url.rstrip("/") + "/" + target.lstrip("/")
