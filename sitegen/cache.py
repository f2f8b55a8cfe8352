"""The build cache: what the last build read and made, so the next one redoes only what changed.

It lives in ``.sitegen-cache/`` in the site folder (keep it out of git; deleting
it only makes the next build a cold one). Files of their own, so that each build loads
only what it needs:

- ``state-<output>.pickle``: the stamp of every input file, a key for the whole
  build, the stamp of every output file and folder and what the last build
  reported. A rebuild whose inputs and outputs match it does nothing at all.
- ``spare-<output>.pickle``: the stamp of every file of the spare folder (write.py).
- ``articles-NN.pickle``: each article's extraction, keyed by the article's bytes
  and by everything else extraction depends on (data files, sitegen's code), in
  16 parts by key, so that an edit writes one part again.
- ``renders-<output>.pickle``: for each rendered file, what it was made from
  (see depends.py), so that unchanged pages are kept rather than rendered.
- ``search-<output>.pickle``: each page's search shard, by the hash of its bytes
  (search.py), so that only changed pages are read to plan the index.

Every file starts with a format line and a SHA-256 of its contents. One that is
unreadable, damaged, from another format or another sitegen is ignored (the
build is then a cold one), never trusted.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, NamedTuple

log = logging.getLogger(__name__)

CACHE_DIR = ".sitegen-cache"
#: Changed whenever what the cache holds changes shape.
FORMAT = b"sitegen-cache 4\n"
#: A file changed within this many seconds of being stamped may change again in the same
#: clock tick without its stamp showing it (the "racy" case): its bytes are hashed again next time.
RACY_SECONDS = 2


class FileStamp(NamedTuple):
    """What the file system says of a file, and the hash of its bytes when it said so.

    A tuple, so that the build state's hundred thousand of them unpickle as plain tuples (BuildState).
    """

    size: int
    mtime_ns: int
    inode: int
    sha: str


#: What the file system says of a folder: its modification time (which changes when an entry is added,
#: removed or renamed in it) and its inode.
FolderStamp = tuple[int, int]


@dataclass
class BuildState:
    """What the last successful build of one output folder read and made."""

    #: The hash of every input and option: equal keys mean an equal site.
    key: str = ""
    #: Input file (absolute path) -> stamp.
    inputs: dict[str, FileStamp] = field(default_factory=dict)
    #: Output file (relative to the output folder) -> stamp, as the build wrote or kept it.
    outputs: dict[str, FileStamp] = field(default_factory=dict)
    #: The summary the build returned, for a rebuild that has nothing to do.
    summary: object = None
    #: Folder of the output (relative, "" for the output folder itself) -> stamp, when the build ended.
    folders: dict[str, FolderStamp] = field(default_factory=dict)

    # Every build starts by reading this, the ones with nothing to do included: its stamps are pickled as
    # plain tuples, which unpickle three times faster than objects (0.05 s, not 0.15 s, at 10,000 articles).
    def __getstate__(self) -> dict:
        return {name: _as_tuples(value) if name in _STAMPS else value for name, value in vars(self).items()}

    def __setstate__(self, state: dict) -> None:
        vars(self).update({name: _as_stamps(value) if name in _STAMPS else value for name, value in state.items()})


_STAMPS = ("inputs", "outputs", "files")


@dataclass
class SpareState:
    """The spare folder beside the output folder (the site before; see write.py), as the last build left it.

    Apart from BuildState, which a rebuild with nothing to do reads, since only a build that writes needs it.
    """

    #: The folder (write.folder_id) the stamps describe.
    folder_id: int = 0
    #: File -> stamp.
    files: dict[str, FileStamp] = field(default_factory=dict)

    __getstate__ = BuildState.__getstate__
    __setstate__ = BuildState.__setstate__
_new_tuple = tuple.__new__


def _as_tuples(stamps: dict[str, FileStamp]) -> dict[str, tuple]:
    return {path: tuple(s) for path, s in stamps.items()}


def _as_stamps(stamps: dict[str, tuple]) -> dict[str, FileStamp]:
    return {path: _new_tuple(FileStamp, s) for path, s in stamps.items()}


def cache_dir(site_root: Path) -> Path:
    return site_root.resolve() / CACHE_DIR


def per_output(name: str, out_dir: Path) -> str:
    """A cache file name of one output folder (a preview builds elsewhere than the site)."""
    return f"{name}-{hashlib.sha256(os.fsencode(out_dir.resolve())).hexdigest()[:12]}.pickle"


def load(path: Path, expected_type: type):
    """The object cached at `path`, or None where there is none that can be trusted."""
    try:
        with open(path, "rb") as handle:
            header, digest = handle.readline(), handle.readline().rstrip(b"\n")
            if header != FORMAT or _file_digest(handle) != digest:
                log.info("cache %s is damaged or from another format: ignored", path.name)
                return None
            # Checked, then read again from the start of the payload: never the whole payload in memory
            # as bytes beside what it unpickles to (some 100 MB at 10,000 articles).
            handle.seek(len(header) + len(digest) + 1)
            try:
                value = pickle.load(handle)  # our own file, checked above; as trusted as the site folder holding it
            except Exception as exc:  # a class that changed since: the cache is stale
                log.info("cache %s could not be read (%s): ignored", path.name, exc)
                return None
    except OSError:
        return None
    return value if isinstance(value, expected_type) else None


def _file_digest(handle) -> bytes:
    """The SHA-256 (hex) of the rest of an open file, read a piece at a time."""
    digest = hashlib.sha256()
    while piece := handle.read(1 << 20):
        digest.update(piece)
    return digest.hexdigest().encode()


def save(path: Path, value: object, *, shared: bool = True) -> None:
    """Write `value` to `path` whole or not at all; a cache that cannot be written is only a slower next build.

    `shared=False`: `value` holds no object twice (nor any cycle), so pickle need not remember every object
    it wrote to find one again (its memo: some 40 MB for the renders cache at 10,000 articles).
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
        with os.fdopen(handle, "w+b") as out:
            # Pickled straight into the file, hashed on the way, its digest filled in after: never the whole
            # payload in memory as bytes (some 100 MB at 10,000 articles).
            out.write(FORMAT + b"0" * _DIGEST_LENGTH + b"\n")
            hashing = _Hashing(out)
            pickler = pickle.Pickler(hashing, protocol=pickle.HIGHEST_PROTOCOL)
            pickler.fast = not shared
            pickler.dump(value)
            out.seek(len(FORMAT))
            out.write(hashing.digest.hexdigest().encode())
        os.replace(temporary, path)
    except OSError as exc:
        log.warning("could not write the build cache %s (%s); the next build will not be faster", path, exc)


_DIGEST_LENGTH = 64  # hex digits of a SHA-256


class _Hashing:
    """A file to write that hashes what goes through it."""

    def __init__(self, out):
        self.out, self.digest = out, hashlib.sha256()

    def write(self, data) -> int:
        self.digest.update(data)
        return self.out.write(data)


def stamp(path: str, previous: FileStamp | None, now_ns: int) -> FileStamp | None:
    """The stamp of the file at `path` (None if it cannot be read), hashing its bytes only where they may have changed."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    if (previous is not None and previous.size == info.st_size and previous.mtime_ns == info.st_mtime_ns
            and previous.inode == info.st_ino and now_ns - info.st_mtime_ns > RACY_SECONDS * 1_000_000_000):
        return previous
    try:
        with open(path, "rb") as handle:
            sha = hashlib.sha256(handle.read()).hexdigest()
    except OSError:
        return None
    return FileStamp(info.st_size, info.st_mtime_ns, info.st_ino, sha)


def stamp_written(path: str, sha: str) -> FileStamp | None:
    """The stamp of a file just written, whose bytes hash to `sha` (no need to read them back)."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return FileStamp(info.st_size, info.st_mtime_ns, info.st_ino, sha)


def files_below(folders: Iterable[Path]) -> list[str]:
    """Every regular file below `folders`, as absolute paths in a stable order; hidden names skipped."""
    found: list[str] = []
    for folder in folders:
        for parent, dirs, files in os.walk(folder):
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            found.extend(os.path.join(parent, name) for name in files if not name.startswith("."))
    return sorted(found)


def survey(out_dir: Path, folders: dict[str, FolderStamp] | None = None) -> dict[str, tuple[int, int, int]]:
    """Every file below `out_dir` (relative path -> size, modification time, inode); empty if there is no folder.

    One scandir a folder and one lstat a file: a site of 10,000 articles has some 30,000 folders.
    `folders`, if given, is filled with the stamp of every folder, `out_dir` itself as "" (see unchanged).
    """
    found = {}
    pending = [(str(out_dir), "")]
    if folders is not None:
        try:
            info = os.lstat(out_dir)
            folders[""] = (info.st_mtime_ns, info.st_ino)
        except OSError:
            return found
    while pending:
        folder, prefix = pending.pop()
        try:
            entries = os.scandir(folder)
        except OSError:
            continue
        with entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    pending.append((entry.path, f"{prefix}{entry.name}/"))
                    if folders is not None:
                        info = entry.stat(follow_symlinks=False)
                        folders[f"{prefix}{entry.name}"] = (info.st_mtime_ns, info.st_ino)
                    continue
                try:
                    info = entry.stat(follow_symlinks=False)
                except OSError:
                    continue
                found[prefix + entry.name] = (info.st_size, info.st_mtime_ns, info.st_ino)
    return found


def unchanged(out_dir: Path, outputs: dict[str, FileStamp], folders: dict[str, FolderStamp]) -> bool:
    """Whether the files and folders below `out_dir` are exactly those recorded, as recorded.

    The check of a rebuild with nothing to do: where survey lists every folder (a scandir
    each, with its system calls), this takes one lstat per recorded file and folder. No file
    can have been added or removed without changing its folder's modification time.
    """
    if not folders:  # no site was recorded
        return False
    root = os.fspath(out_dir) + os.sep
    lstat = os.lstat
    try:
        for folder, recorded in folders.items():
            info = lstat(root + folder)
            if (info.st_mtime_ns, info.st_ino) != recorded:
                return False
        for relative, recorded in outputs.items():
            info = lstat(root + relative)
            if (info.st_size, info.st_mtime_ns, info.st_ino) != recorded[:3]:
                return False
    except OSError:
        return False
    return True


def intact(present: dict[str, tuple[int, int, int]], outputs: dict[str, FileStamp]) -> dict[str, FileStamp]:
    """The recorded `outputs` still `present` as written: nobody edited, replaced or removed them."""
    kept = {}
    for relative, recorded in outputs.items():
        if present.get(relative) == recorded[:3]:
            kept[relative] = recorded
    return kept


def recorded(present: dict[str, tuple[int, int, int]], written: dict[str, FileStamp]) -> dict[str, FileStamp]:
    """Stamps of every file `present` in a new site: those it wrote with their hashes, the rest (search index) without."""
    return {relative: written.get(relative) or FileStamp(*info, sha="") for relative, info in present.items()}


_CODE: str | None = None


def code_version() -> str:
    """A hash of sitegen's own code: output made by other code is not reused."""
    global _CODE
    if _CODE is None:
        digest = hashlib.sha256()
        package = Path(__file__).resolve().parent
        for path in sorted(package.rglob("*.py")):
            digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
        _CODE = digest.hexdigest()
    return _CODE


def digest(*parts: object) -> str:
    """One hash of several values, each written out with repr (values here are plain and printable)."""
    return hashlib.sha256(repr(parts).encode("utf-8", "surrogatepass")).hexdigest()
