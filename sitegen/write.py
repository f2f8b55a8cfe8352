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

The folder swapped out is not deleted but kept beside the site as the spare
(``.site.spare``): the next build brings it up to date, file by file, and
swaps it in. At ten thousand articles a site has some 20,000 folders, and
making and deleting them all took longer than everything else in a rebuild.
Files are replaced in the spare, never written into, since many are links to
the live site's own; a file the build adds is first noted in the spare's
intent list, so that one left by a killed build is removed by the next.
"""

from __future__ import annotations

import contextlib
import ctypes
import glob
import hashlib
import itertools
import os
import posixpath
import re
import shutil
import tempfile
from pathlib import Path
from typing import Callable, Iterable

from .cache import FileStamp, stamp_written
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
               before_swap: Callable[[Path, dict[str, FileStamp]], None] | None = None,
               previous: dict[str, FileStamp] | None = None,
               spare: dict[str, FileStamp] | None = None,
               strays: Iterable[str] = (), spare_folder_id: int = 0) -> dict[str, FileStamp]:
    """Write `files` and the static assets as the new `out_dir`; return the stamp of each file.

    `before_swap` runs on the complete new folder, given the stamps of its files, before it
    replaces the old one (the search indexer): if it fails, the previous site stays. `previous`: the
    stamps of the files of the current `out_dir`, checked by the caller; a file
    given as KEEP, or with the bytes it already has, is linked from there.
    `spare`: the stamps of the spare folder (the site before the current one),
    which is brought up to date and swapped in rather than a new folder built
    from nothing: making and deleting tens of thousands of folders costs more
    than a rebuild. `strays`: files of the current site that no build made
    (edited or added by hand); once it is the spare they are removed.
    The spare is used only if it is the folder (by inode, which moves with
    it) that the `spare` stamps describe: a build killed between the swap and
    saving its cache leaves another one there.
    """
    previous = previous or {}
    out_dir = out_dir.resolve()
    try:
        out_dir.parent.mkdir(parents=True, exist_ok=True)
        clear_leftovers(out_dir)
        staging, staged = _staging(out_dir, spare, spare_folder_id)
    except OSError as exc:
        raise _write_failure(out_dir, exc) from exc
    fresh = staging != spare_folder(out_dir)
    try:
        stamps: dict[str, FileStamp] = {}
        folders = {os.path.dirname(relative) for relative in staged}
        with open(staging / INTENT, "a", encoding="utf-8") as intent:
            # One file at a time as rendered, never all of them at once in a list (some 600 MB at 10,000 articles).
            for relative, data in itertools.chain(files, ((f"static/{name}", source.read_bytes()) for name, source in static.items())):
                if relative in stamps:  # a second page at one address would silently replace the first
                    raise BuildFailed([Problem(relative, "two pages would be written to this address: report this as a sitegen bug")])
                if relative not in staged and not fresh:  # a kill from here on must not leave it behind unrecorded
                    intent.write(relative + "\n")
                    intent.flush()
                stamps[relative] = _put_file(staging, relative, data, out_dir, previous.get(relative), staged.get(relative), folders, fresh)
        for relative in staged.keys() - stamps.keys():
            _remove(staging, relative)
        (staging / MARKER).write_text(MARKER_TEXT, encoding="utf-8")
        if before_swap:
            before_swap(staging, stamps)
        (staging / WORK_MARKER).unlink(missing_ok=True)  # the site goes live without it; a kill from here leaves an untidied folder, never a wrong deletion
        (staging / INTENT).unlink()
        retired = _swap_in(staging, out_dir)
        if retired is not None and retired != spare_folder(out_dir) and spare_folder(out_dir).exists():
            shutil.rmtree(retired)  # something else has the spare's name: keep no spare
        elif retired is not None:  # the previous site, to be brought up to date as the spare by the next build
            if retired != spare_folder(out_dir):
                os.rename(retired, spare_folder(out_dir))
                if retired.parent != out_dir.parent:  # the fallback swap's own folder, now holding only its marker
                    shutil.rmtree(retired.parent)
            (spare_folder(out_dir) / INTENT).write_text("".join(f"{s}\n" for s in strays), encoding="utf-8")
    except OSError as exc:
        if fresh:
            shutil.rmtree(staging, ignore_errors=True)
        raise _write_failure(out_dir, exc) from exc
    except BaseException:
        if fresh:
            shutil.rmtree(staging, ignore_errors=True)
        raise
    return stamps


#: Beside the site, the site before it, kept to become the next one.
SPARE = "spare"
#: In the spare: files a build added to it, or found in the site unrecorded, to remove if no build records them.
INTENT = ".sitegen-intent"


def spare_folder(out_dir: Path) -> Path:
    return out_dir.parent / f".{out_dir.name}.{SPARE}"


def _staging(out_dir: Path, spare: dict[str, FileStamp] | None, spare_folder_id: int) -> tuple[Path, dict[str, FileStamp]]:
    """The folder to build the new site in, and the stamps of the files it already holds as recorded."""
    folder = spare_folder(out_dir)
    usable = (spare is not None and folder.is_dir() and not folder.is_symlink() and (folder / MARKER).is_file()
              and folder_id(folder) == spare_folder_id)
    if not usable:
        if folder.is_dir() and not folder.is_symlink() and ((folder / MARKER).is_file() or (folder / WORK_MARKER).is_file()):
            shutil.rmtree(folder)  # a spare nobody can vouch for
        return _own_temporary_folder(out_dir, "new"), {}
    intent = folder / INTENT
    if intent.is_file():  # a build killed while adding to it, or files found in the site it was
        for relative in intent.read_text(encoding="utf-8").splitlines():
            if relative and relative not in spare and not relative.startswith("pagefind/"):
                _remove(folder, relative)
    staged = {}
    for relative, recorded in spare.items():
        if not recorded.sha:  # not written by write_site (the search bundle, the marker): left to their makers
            continue
        try:
            info = os.stat(folder / relative)
        except OSError:
            continue
        if (info.st_size, info.st_mtime_ns, info.st_ino) == (recorded.size, recorded.mtime_ns, recorded.inode):
            staged[relative] = recorded
    intent.write_text("", encoding="utf-8")
    return folder, staged


def folder_id(folder: Path) -> int:
    """Which folder this is, whatever it is called now (its inode moves with it through a rename); 0 if none."""
    try:
        return os.stat(folder, follow_symlinks=False).st_ino
    except OSError:
        return 0


def _remove(root: Path, relative: str) -> None:
    """Remove a file of a folder this build owns, and its folder if that is left empty."""
    if not _inside(relative):
        return
    try:
        os.unlink(root / relative)
        os.rmdir((root / relative).parent)
    except OSError:
        pass


def _inside(relative: str) -> bool:
    """Whether a site path stays inside the folder it is written to (checked without touching the disk)."""
    normal = posixpath.normpath(relative)
    return not (normal.startswith(("/", "../")) or normal in ("..", "."))


#: Left in each temporary folder a build makes beside the site, so that only those are ever tidied away.
WORK_MARKER = ".sitegen-work"


def _own_temporary_folder(out_dir: Path, kind: str) -> Path:
    folder = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.{kind}-", dir=out_dir.parent))
    (folder / WORK_MARKER).write_text("A temporary folder of a sitegen build; removed when the build ends.\n", encoding="utf-8")
    return folder


#: The end of the name of a folder _own_temporary_folder makes (tempfile.mkdtemp's eight random characters).
_TEMPORARY_NAME = re.compile(r"\.(new|old)-[a-z0-9_]{8}")


def clear_leftovers(out_dir: Path) -> None:
    """Tidy up after a build that was killed: restore a site caught mid-swap, remove half-written folders.

    Only the build holding the lock (lock.py) may call this, or it would remove
    another build's folder in progress.
    """
    name = glob.escape(out_dir.name)
    leftovers = sorted([*out_dir.parent.glob(f".{name}.new-*"), *out_dir.parent.glob(f".{name}.old-*")])
    folders = [f for f in leftovers if f.is_dir() and not f.is_symlink()]
    for folder in folders:
        if not ((folder / WORK_MARKER).is_file() or (folder / MARKER).is_file()):
            if _TEMPORARY_NAME.fullmatch(folder.name.removeprefix(f".{out_dir.name}")):
                # Killed between making its folder and marking it: still empty, so removing it loses
                # nothing (rmdir refuses a folder with anything in it).
                with contextlib.suppress(OSError):
                    folder.rmdir()
            continue
        retired = folder / out_dir.name
        if folder.name.startswith(f".{out_dir.name}.old-") and retired.is_dir() and not out_dir.exists():
            os.rename(retired, out_dir)  # killed between the two renames of the fallback swap
        shutil.rmtree(folder)


def _write_failure(out_dir: Path, exc: OSError) -> BuildFailed:
    where = f" ({exc.filename})" if exc.filename else ""
    return BuildFailed([Problem(str(out_dir), f"could not write the site: {exc.strerror or exc}{where}; the previous site was left as it was")])


def _put_file(root: Path, relative: str, data: bytes | _Keep, out_dir: Path, live: FileStamp | None,
              staged: FileStamp | None, folders: set[str], fresh: bool = True) -> FileStamp:
    """Give the new folder one file: as it already holds it, linked from the current site, or written.

    A file there is never written into: it may be the current site's own (a link),
    so it is replaced by a new one.
    """
    if not _inside(relative):
        raise BuildFailed([Problem(relative, "a page address would leave the output folder")])
    if data is KEEP and live is None:
        raise BuildFailed([Problem(relative, "the previous file to keep is missing: report this as a sitegen bug")])
    sha = live.sha if data is KEEP else hashlib.sha256(data).hexdigest()
    if staged is not None and staged.sha == sha:
        return staged
    target = root / relative
    folder = os.path.dirname(relative)
    if folder not in folders:
        target.parent.mkdir(parents=True, exist_ok=True)
        folders.add(folder)
    if not fresh:  # the spare: whatever is at this name may be the current site's file too
        target.unlink(missing_ok=True)
    if live is not None and live.sha == sha:
        try:
            os.link(out_dir / relative, target)
            return live
        except OSError:  # another file system, or links not allowed: write it after all
            if data is KEEP:
                data = (out_dir / relative).read_bytes()
    target.write_bytes(data)
    return stamp_written(str(target), sha)


def _swap_in(staging: Path, out_dir: Path) -> Path | None:
    """Put `staging` where `out_dir` is, in one step where the system allows it; return where the old site went."""
    staging.chmod(0o755)
    if not out_dir.exists():
        os.rename(staging, out_dir)
        return None
    if _exchange(staging, out_dir):
        return staging  # now holds the previous site, which carries our marker
    retired = _own_temporary_folder(out_dir, "old")
    os.rename(out_dir, retired / out_dir.name)
    os.rename(staging, out_dir)
    return retired / out_dir.name


def _exchange(a: Path, b: Path) -> bool:
    """Atomically swap two paths with Linux renameat2(RENAME_EXCHANGE); False where unsupported."""
    libc = ctypes.CDLL(None, use_errno=True)  # the C library this Python runs on; no library search
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    result = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    return result == 0
