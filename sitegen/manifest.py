"""The URL manifest: every address the archive has published, and what each was built from.

Published addresses sit in readers' bookmarks and inboxes, so a build must know
which ones it made before, to keep each of them answering. The manifest is a
text file beside the content (``urls.tsv``), sorted, one address a line, kept
by the build and committed with the content:

    /meetings/2023-01-31-antony-blinken-yoav-gallant/<TAB>meeting<TAB>-<TAB>a.txt<TAB>b.txt

Columns: the address; what kind of page it is; ``-`` while a page is built
there, or the address it now redirects to; what it is built from (a meeting's
and an article's source files, a person's name, a topic's id, a place's name,
a year). An editor may change the third column of a redirect by hand.
"""

from __future__ import annotations

import os
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from .problems import Problems

MANIFEST_FILE = "urls.tsv"


@dataclass(frozen=True)
class Redirect:
    """A page at an earlier address, sending readers on to where it is now (redirects.py plans them)."""

    old: str
    new: str
    kind: str
    #: True when this build made or changed it (a build says so); False when it was there before.
    changed: bool
#: In the third column: a page is built at this address.
BUILT_HERE = "-"
HEADER = """\
# Every address this archive has published, kept by `sitegen build`: commit it with the content.
# A page that would disappear gets a redirect to its successor (README: Links that never break).
# address<TAB>kind<TAB>'-' while a page is built there, else the address it redirects to<TAB>built from...
"""
#: A page address: folders of letters, digits, '.', '_', '~' and '-', never '..', ending in '/'.
#: (Every page but 404.html is a folder; a redirect is only ever written as such a folder's index.html.)
_ADDRESS = re.compile(r"^/(?:[A-Za-z0-9_~][A-Za-z0-9._~-]*/)*$")
_KIND = re.compile(r"^[a-z][a-z0-9-]*$")


@dataclass(frozen=True)
class Entry:
    """One published address."""

    #: The site path, as pages name it: "" for the home page, "meetings/…/" for a meeting.
    url: str
    kind: str
    built_from: tuple[str, ...] = ()
    #: None while a page is built here; else the site path this address redirects to.
    target: str | None = None
    #: The manifest line it was read from, for messages.
    line: int | None = field(default=None, compare=False)


def read_manifest(path: Path, problems: Problems) -> dict[str, Entry]:
    """The entries of the manifest at `path` (none if it does not exist yet); bad lines are errors."""
    if not path.exists():
        return {}
    try:
        text = path.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        problems.error(str(path), f"the URL manifest cannot be read ({exc}): restore it from version control")
        return {}
    entries: dict[str, Entry] = {}
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        entry = _parse_line(line, str(path), number, problems)
        if entry is not None:
            entries[entry.url] = entry
    return entries


def _parse_line(line: str, shown: str, number: int, problems: Problems) -> Entry | None:
    fields = line.rstrip("\r").split("\t")
    if len(fields) < 3:
        problems.error(shown, "a manifest line needs at least three tab-separated columns: address, kind, '-' or the new address", line=number)
        return None
    address, kind, target, *built_from = fields
    for value in (address, target if target != BUILT_HERE else "/"):
        if not _ADDRESS.match(value):
            problems.error(shown, f"{value!r} is not an address of this site (like /meetings/2023-01-31-a-b/): correct or delete the line", line=number)
            return None
    if not _KIND.match(kind):
        problems.error(shown, f"{kind!r} is not a page kind (like meeting, person, article): correct or delete the line", line=number)
        return None
    return Entry(_site_path(address), kind, tuple(built_from), None if target == BUILT_HERE else _site_path(target), number)


def write_manifest(path: Path, entries: dict[str, Entry]) -> None:
    """Replace the manifest in one step, so a build killed at any moment leaves the old one or the new one."""
    text = HEADER + "".join(_format_line(entries[url]) for url in sorted(entries, key=_address))
    if path.exists() and path.read_text(encoding="utf-8") == text:
        return  # unchanged: leave the file (and its time stamp) alone
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _format_line(entry: Entry) -> str:
    target = BUILT_HERE if entry.target is None else _address(entry.target)
    return "\t".join((_address(entry.url), entry.kind, target, *entry.built_from)) + "\n"


def _address(site_path: str) -> str:
    return "/" + site_path


def _site_path(address: str) -> str:
    return address[1:]
