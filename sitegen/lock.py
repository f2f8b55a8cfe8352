"""One build at a time per output folder.

Two builds writing one site at once would race on the swap and on the URL
manifest. A build holds an exclusive lock on a small file beside the output
folder (``.site.lock`` for ``site/``) from start to finish; a second build
fails at once, naming the process that holds it. The kernel drops the lock
when its process ends, however it ends, so a killed build never leaves a
stale lock behind.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
from pathlib import Path
from typing import Iterator

from .problems import BuildFailed, Problem


def lock_path(out_dir: Path) -> Path:
    return out_dir.parent / f".{out_dir.name}.lock"


@contextlib.contextmanager
def output_lock(out_dir: Path) -> Iterator[None]:
    """Hold the lock of `out_dir` for the `with` block; BuildFailed if another build holds it."""
    out_dir = out_dir.resolve()
    path = lock_path(out_dir)
    try:
        out_dir.parent.mkdir(parents=True, exist_ok=True)
        handle = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise BuildFailed([Problem(str(path), f"cannot create the build lock ({exc.strerror}): check that the folder of {out_dir.name}/ is writable")]) from exc
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(handle, 64, 0).decode("ascii", "replace").strip() or "another process"
            raise BuildFailed([Problem(str(out_dir), f"another sitegen build ({holder}) is writing this site right now: wait for it to finish, then build again")]) from None
        os.ftruncate(handle, 0)
        os.pwrite(handle, f"process {os.getpid()}\n".encode("ascii"), 0)
        yield
    finally:
        os.close(handle)  # releases the lock
