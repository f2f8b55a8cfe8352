"""Stage 1, load: read article files into text and front matter, nothing more.

Anything an editor might paste or drop into the content folder is met with a
message rather than a traceback: links out of the folder, links that loop,
files too big to be an article, binary files, other encodings.
"""

from __future__ import annotations

import codecs
import os
from dataclasses import dataclass, field
from pathlib import Path

from .chars import describe, remove_invisible
from .problems import Problems
from .yamlio import YamlFailure, parse_yaml

ARTICLE_SUFFIXES = {".txt": "text", ".md": "markdown", ".markdown": "markdown"}
FENCE_OPEN = "---"
FENCE_CLOSE = ("---", "...")
#: A long news article is 50 kB; anything this big is the wrong file, and would take minutes to extract.
MAX_FILE_BYTES = 2_000_000
#: Longer than any paragraph; text without line breaks this long is not an article.
MAX_LINE_CHARS = 100_000
#: What common binary formats start with, to say what a misplaced file is.
_MAGIC = {b"%PDF": "a PDF document", b"\x89PNG": "a PNG image", b"\xff\xd8\xff": "a JPEG image",
          b"GIF8": "a GIF image", b"PK\x03\x04": "a zip archive (a .docx or .odt document?)"}


@dataclass(frozen=True)
class SourceFile:
    """One article file as read from disk: front matter separated from body."""

    #: Path relative to the content folder, with forward slashes (used in messages).
    name: str
    #: "text" (copied from a news page) or "markdown".
    kind: str
    body: str
    #: The 1-based line of the file on which the body starts.
    body_line: int = 1
    front_matter: dict = field(default_factory=dict)
    #: 1-based line of each front-matter key, for messages.
    key_lines: dict = field(default_factory=dict)


def find_article_files(content_dir: Path) -> list[Path]:
    """Every article file below `content_dir`, in a stable order; hidden and _private names skipped."""
    return scan_content(content_dir, Problems())


def scan_content(content_dir: Path, problems: Problems) -> list[Path]:
    """Article files below `content_dir`; links that leave it, loop or name a folder are reported."""
    root = content_dir.resolve()
    if not root.is_dir():
        problems.error(str(content_dir), "the content folder does not exist: create it, or point --content at the folder of articles")
        return []
    found = []
    for folder, dirs, files in os.walk(root):  # never descends into linked folders
        dirs[:] = sorted(d for d in dirs if not d.startswith((".", "_")))
        linked_dirs = [d for d in dirs if (Path(folder) / d).is_symlink()]
        articles = [f for f in files if not f.startswith((".", "_")) and Path(f).suffix.lower() in ARTICLE_SUFFIXES]
        for name in articles + linked_dirs:
            if _usable(Path(folder) / name, root, problems):
                found.append(Path(folder) / name)
    return sorted(found)


def _usable(path: Path, root: Path, problems: Problems) -> bool:
    shown = path.relative_to(root).as_posix()
    if path.is_symlink():
        try:
            target = path.resolve(strict=True)
        except (RuntimeError, OSError):  # Python 3.11 raises RuntimeError for a loop, later ones OSError
            problems.error(shown, f"is a symbolic link that loops or points nowhere ({os.readlink(path)}): remove it")
            return False
        if root not in target.parents:
            problems.error(shown, f"is a symbolic link to {target}, outside the content folder; sitegen reads only articles inside it: copy the file in instead")
            return False
        if target.is_dir():
            problems.error(shown, "is a symbolic link to a folder, which sitegen does not follow (its articles would be read twice): remove it")
            return False
    return path.is_file()


def read_sources(content_dir: Path, problems: Problems) -> list[SourceFile]:
    """Read every article in `content_dir`; unreadable files are reported, not skipped silently."""
    sources = []
    for path in scan_content(content_dir, problems):
        source = read_article(path, article_name(path, content_dir), problems)
        if source is not None:
            sources.append(source)
    return sources


def article_name(path: Path, content_dir: Path) -> str:
    """How messages, the manifest and the cache name an article: its path in the content folder."""
    return path.relative_to(content_dir.resolve()).as_posix()


def read_article(path: Path, name: str, problems: Problems) -> SourceFile | None:
    """One article file found by `scan_content`, read and split; None (with a problem) if it cannot be."""
    raw = _read_file(name, path, problems)
    return read_source(name, raw, problems) if raw is not None else None


def read_article_file(path: Path, problems: Problems) -> SourceFile | None:
    """One article file named on the command line, with the same checks as the content folder's."""
    if not path.is_file():
        problems.error(str(path), "is not an article file: give the path of a .txt or .md file")
        return None
    raw = _read_file(path.name, path, problems)
    return read_source(path.name, raw, problems) if raw is not None else None


def _read_file(name: str, path: Path, problems: Problems) -> bytes | None:
    shown = _printable_name(name)
    if shown != name:
        problems.error(shown, "the file name has a control character or bytes that are not UTF-8: rename the file")
        return None
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            problems.error(name, f"is {size / 1e6:.1f} MB; an article file is at most {MAX_FILE_BYTES / 1e6:.0f} MB: is this the right file? Split it or move it out of the content folder")
            return None
        return path.read_bytes()
    except OSError as exc:
        problems.error(name, f"cannot be read ({exc.strerror}): check its permissions")
        return None


def _printable_name(name: str) -> str:
    """`name` as it can be shown; control characters and undecodable bytes escaped."""
    text = name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


def read_source(name: str, raw: bytes, problems: Problems) -> SourceFile | None:
    """Decode one file and split off its front matter; None if it cannot be read."""
    text = _decode(name, raw, problems)
    if text is None:
        return None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not _lines_fit(name, text, problems):
        return None
    text, removed = remove_invisible(text)
    if removed:
        offset, char = removed[0]
        problems.warning(name, f"{len(removed)} invisible control character(s) removed, the first {describe(char)}: they can reorder or hide text on the page", line=text.count("\n", 0, offset) + 1)
    kind = ARTICLE_SUFFIXES.get(Path(name).suffix.lower(), "text")
    lines = text.split("\n")
    if lines[0].rstrip() != FENCE_OPEN:
        return _with_body(SourceFile(name=name, kind=kind, body=text), problems)
    close = next((i for i, line in enumerate(lines[1:], start=1) if line.rstrip() in FENCE_CLOSE), None)
    if close is None:
        problems.error(name, "the front matter opened here with '---' is never closed: add a line '---' after it", line=1)
        return None
    meta = _parse_front_matter(name, "\n".join(lines[1:close]), problems)
    if meta is None:
        return None
    key_lines = {}
    for number, line in enumerate(lines[1:close], start=2):
        key = line.split(":", 1)[0].strip()
        if ":" in line and not line[:1].isspace() and key not in key_lines:
            key_lines[key] = number
    body = "\n".join(lines[close + 1 :])
    return _with_body(SourceFile(name=name, kind=kind, body=body, body_line=close + 2, front_matter=meta, key_lines=key_lines), problems)


def _with_body(source: SourceFile, problems: Problems) -> SourceFile | None:
    if source.body.strip():
        return source
    where = "below the front matter " if source.body_line > 1 else ""
    problems.error(source.name, f"has no article text: paste the article {where}or delete the file", line=source.body_line)
    return None


def _decode(name: str, raw: bytes, problems: Problems) -> str | None:
    kind = next((what for magic, what in _MAGIC.items() if raw.startswith(magic)), None)
    if kind:
        problems.error(name, f"is {kind}, not text: copy the article's text into a .txt or .md file")
        return None
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = raw.decode("utf-16")
        except UnicodeDecodeError:
            problems.error(name, "starts like UTF-16 text but is not valid UTF-16: save it as UTF-8")
            return None
    elif b"\x00" in raw:
        problems.error(name, "contains NUL bytes: this looks like a binary file, not an article; remove it or save it as UTF-8 text", line=raw[: raw.index(b"\x00")].count(b"\n") + 1)
        return None
    else:
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line = raw[: exc.start].count(b"\n") + 1
            problems.error(name, f"is not UTF-8 text (byte 0x{raw[exc.start]:02x} at offset {exc.start}): save it as UTF-8", line=line)
            return None
    if "\x00" in text:
        problems.error(name, "contains NUL characters: this looks like a binary file, not an article; remove it or save it as UTF-8 text", line=text[: text.index("\x00")].count("\n") + 1)
        return None
    return text


def _lines_fit(name: str, text: str, problems: Problems) -> bool:
    for number, line in enumerate(text.split("\n"), start=1):
        if len(line) > MAX_LINE_CHARS:
            problems.error(name, f"line {number} is {len(line):,} characters long (at most {MAX_LINE_CHARS:,}): is this the right file? Break the text into paragraphs", line=number)
            return False
    return True


def _parse_front_matter(name: str, text: str, problems: Problems) -> dict | None:
    data = parse_yaml(text, first_line=2)  # line 1 is the opening fence
    if isinstance(data, YamlFailure):
        problems.error(name, f"front matter is {data.message}", line=data.line or 1)
        return None
    if data is None:
        return {}
    if not isinstance(data, dict):
        problems.error(name, f"front matter must be a mapping, one 'key: value' a line, not {_kind(data)}", line=2)
        return None
    return data


def _kind(data: object) -> str:
    return {list: "a list", str: "a single text"}.get(type(data), f"a {type(data).__name__}")
