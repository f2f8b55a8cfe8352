"""Stage 5, write: build the new site beside the old one, then swap it in.

A build writes into a fresh temporary folder next to the output folder and
only then exchanges the two, so a failed or killed build leaves the previous
site exactly as it was: the swap is one renameat2(RENAME_EXCHANGE) call, so
at every moment the output folder is the whole old site or the whole new one.
A build killed mid-way leaves at most a hidden ``.site.new-…`` folder beside
it, which the next build (holding the lock, see lock.py) removes. The tool only
ever replaces a folder it made itself, recognised by the marker file it leaves
inside.

A file whose bytes did not change is not written again: the new folder gets a
hard link to the previous site's file (the cache checked it is as written).
"""

from __future__ import annotations

import ctypes
import glob
import hashlib
import os
import shutil
import tempfile
from pathlib import Path
from typing import Callable, Iterable

from .cache import FileStamp, stamp_of_bytes
from .problems import BuildFailed, Problem

#: Left in every output folder; its presence is what allows a later build to replace the folder.
MARKER = ".sitegen-output"
MARKER_TEXT = "This folder was written by sitegen build and is replaced whole by the next build.\n"
_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def check_output_dir(out_dir: Path, protected: Iterable[Path], sources: Iterable[Path] = ()) -> None:
    """Refuse an output folder that is not ours to replace, or that sits inside the `sources` it is built from."""
    out_dir = out_dir.resolve()
    forbidden = {Path("/"), Path.home().resolve(), *(p.resolve() for p in protected)}
    if out_dir in forbidden or any(out_dir in p.parents for p in forbidden if p != Path("/")):
        raise BuildFailed([Problem(str(out_dir), "refusing to write the site here: it is, or holds, the project, its content or your home folder; choose a folder of its own, such as 'site'")])
    if any(p.resolve() in out_dir.parents for p in sources):
        raise BuildFailed([Problem(str(out_dir), "refusing to write the site inside the content or data folder it is built from; choose a folder of its own, such as 'site'")])
    if out_dir.exists() and (not out_dir.is_dir() or (any(out_dir.iterdir()) and not (out_dir / MARKER).exists())):
        raise BuildFailed([Problem(str(out_dir), f"refusing to replace this folder: sitegen did not create it (no {MARKER} file in it); move it away or choose another --out")])


class _Keep:
    def __repr__(self) -> str:
        return "KEEP"


#: In place of a file's bytes: the previous site's file is unchanged and is kept.
KEEP = _Keep()


def write_site(out_dir: Path, files: Iterable[tuple[str, bytes | _Keep]], static: dict[str, Path],
               before_swap: Callable[[Path], None] | None = None,
               previous: dict[str, FileStamp] | None = None) -> dict[str, FileStamp]:
    """Write `files` and the static assets as the new `out_dir`; return the stamp of each file.

    `before_swap` runs on the complete new folder before it replaces the old one
    (the search indexer): if it fails, the previous site stays. `previous`: the
    stamps of the files of the current `out_dir`, checked by the caller; a file
    given as KEEP, or with the bytes it already has, is linked from there.
    """
    previous = previous or {}
    out_dir = out_dir.resolve()
    try:
        out_dir.parent.mkdir(parents=True, exist_ok=True)
        clear_leftovers(out_dir)
        staging = _own_temporary_folder(out_dir, "new")
    except OSError as exc:
        raise _write_failure(out_dir, exc) from exc
    try:
        stamps: dict[str, FileStamp] = {}
        for relative, data in [*files, *((f"static/{name}", source.read_bytes()) for name, source in static.items())]:
            if relative in stamps:  # a second page at one address would silently replace the first
                raise BuildFailed([Problem(relative, "two pages would be written to this address: report this as a sitegen bug")])
            stamps[relative] = _put_file(staging, relative, data, out_dir, previous.get(relative))
        (staging / MARKER).write_text(MARKER_TEXT, encoding="utf-8")
        if before_swap:
            before_swap(staging)
        (staging / WORK_MARKER).unlink()  # the site goes live without it; a kill from here leaves an untidied folder, never a wrong deletion
        _swap_in(staging, out_dir)
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise _write_failure(out_dir, exc) from exc
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return stamps


#: Left in each temporary folder a build makes beside the site, so that only those are ever tidied away.
WORK_MARKER = ".sitegen-work"


def _own_temporary_folder(out_dir: Path, kind: str) -> Path:
    folder = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.{kind}-", dir=out_dir.parent))
    (folder / WORK_MARKER).write_text("A temporary folder of a sitegen build; removed when the build ends.\n", encoding="utf-8")
    return folder


def clear_leftovers(out_dir: Path) -> None:
    """Tidy up after a build that was killed: restore a site caught mid-swap, remove half-written folders.

    Only the build holding the lock (lock.py) may call this, or it would remove
    another build's folder in progress.
    """
    name = glob.escape(out_dir.name)
    leftovers = sorted([*out_dir.parent.glob(f".{name}.new-*"), *out_dir.parent.glob(f".{name}.old-*")])
    ours = (f for f in leftovers if f.is_dir() and not f.is_symlink() and ((f / WORK_MARKER).is_file() or (f / MARKER).is_file()))
    for folder in ours:
        retired = folder / out_dir.name
        if folder.name.startswith(f".{out_dir.name}.old-") and retired.is_dir() and not out_dir.exists():
            os.rename(retired, out_dir)  # killed between the two renames of the fallback swap
        shutil.rmtree(folder)


def _write_failure(out_dir: Path, exc: OSError) -> BuildFailed:
    where = f" ({exc.filename})" if exc.filename else ""
    return BuildFailed([Problem(str(out_dir), f"could not write the site: {exc.strerror or exc}{where}; the previous site was left as it was")])


def _put_file(root: Path, relative: str, data: bytes | _Keep, out_dir: Path, before: FileStamp | None) -> FileStamp:
    """Write one file into the new folder, or link the unchanged one of the current site."""
    target = (root / relative).resolve()
    if root.resolve() not in target.parents:
        raise BuildFailed([Problem(relative, "a page address would leave the output folder")])
    target.parent.mkdir(parents=True, exist_ok=True)
    if before is not None and (data is KEEP or hashlib.sha256(data).hexdigest() == before.sha):
        try:
            os.link(out_dir / relative, target)
            return before
        except OSError:  # another file system, or links not allowed: write it after all
            if data is KEEP:
                data = (out_dir / relative).read_bytes()
    if data is KEEP:
        raise BuildFailed([Problem(relative, "the previous file to keep is missing: report this as a sitegen bug")])
    target.write_bytes(data)
    return stamp_of_bytes(str(target), data)


def _swap_in(staging: Path, out_dir: Path) -> None:
    """Put `staging` where `out_dir` is, in one step where the system allows it."""
    staging.chmod(0o755)
    if not out_dir.exists():
        os.rename(staging, out_dir)
        return
    if _exchange(staging, out_dir):
        shutil.rmtree(staging)  # now holds the previous site, which carries our marker
        return
    retired = _own_temporary_folder(out_dir, "old")
    os.rename(out_dir, retired / out_dir.name)
    os.rename(staging, out_dir)
    shutil.rmtree(retired)


def _exchange(a: Path, b: Path) -> bool:
    """Atomically swap two paths with Linux renameat2(RENAME_EXCHANGE); False where unsupported."""
    libc = ctypes.CDLL(None, use_errno=True)  # the C library this Python runs on; no library search
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    result = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    return result == 0
