"""Stage 1, load: read article files into text and front matter, nothing more."""

from __future__ import annotations

import codecs
from dataclasses import dataclass, field
from pathlib import Path

from .problems import Problems
from .yamlio import YamlFailure, parse_yaml

ARTICLE_SUFFIXES = {".txt": "text", ".md": "markdown", ".markdown": "markdown"}
FENCE_OPEN = "---"
FENCE_CLOSE = ("---", "...")


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
    found = []
    for path in sorted(content_dir.rglob("*")):
        relative = path.relative_to(content_dir)
        if any(part.startswith((".", "_")) for part in relative.parts):
            continue
        if path.suffix.lower() in ARTICLE_SUFFIXES and path.is_file():
            found.append(path)
    return found


def read_sources(content_dir: Path, problems: Problems) -> list[SourceFile]:
    """Read every article in `content_dir`; unreadable files are reported, not skipped silently."""
    sources = []
    for path in find_article_files(content_dir):
        name = path.relative_to(content_dir).as_posix()
        source = read_source(name, path.read_bytes(), problems)
        if source is not None:
            sources.append(source)
    return sources


def read_source(name: str, raw: bytes, problems: Problems) -> SourceFile | None:
    """Decode one file and split off its front matter; None if it cannot be read."""
    text = _decode(name, raw, problems)
    if text is None:
        return None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    kind = ARTICLE_SUFFIXES.get(Path(name).suffix.lower(), "text")
    lines = text.split("\n")
    if lines[0].rstrip() != FENCE_OPEN:
        return SourceFile(name=name, kind=kind, body=text)
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
    return SourceFile(name=name, kind=kind, body=body, body_line=close + 2, front_matter=meta, key_lines=key_lines)


def _decode(name: str, raw: bytes, problems: Problems) -> str | None:
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return raw.decode("utf-16")
    if b"\x00" in raw:
        problems.error(name, "contains NUL bytes: this looks like a binary file, not an article; remove it or save it as UTF-8 text")
        return None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        problems.error(name, f"is not UTF-8 text (byte 0x{raw[exc.start]:02x} at offset {exc.start}): save it as UTF-8", line=line)
        return None


def _parse_front_matter(name: str, text: str, problems: Problems) -> dict | None:
    data = parse_yaml(text)
    if isinstance(data, YamlFailure):
        line = data.line + 1 if data.line else 1  # +1: the opening fence is line 1
        problems.error(name, f"front matter is {data.message}", line=line)
        return None
    if data is None:
        return {}
    if not isinstance(data, dict):
        problems.error(name, f"front matter must be a mapping of key: value, not {type(data).__name__}", line=2)
        return None
    return data
