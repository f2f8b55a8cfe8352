"""Waiting for the editor's changes: the folders and files a build reads, watched through the system's file events.

`watchdog` turns the kernel's notifications (inotify on Linux) into events, so
a change is seen at once and an idle preview costs nothing, however many
articles there are. Only changes count: a build opening and reading files is
not a change (else every build would start the next). Hidden files (an
editor's swap file, a half-written temporary) and backups ending in ``~`` are
ignored.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path

from watchdog.events import (EVENT_TYPE_CREATED, EVENT_TYPE_DELETED, EVENT_TYPE_MODIFIED, EVENT_TYPE_MOVED,
                             FileSystemEvent, FileSystemEventHandler)
from watchdog.observers import Observer

#: Kinds of event that change what a build reads.
CHANGES = frozenset({EVENT_TYPE_CREATED, EVENT_TYPE_DELETED, EVENT_TYPE_MODIFIED, EVENT_TYPE_MOVED})
#: After a change, wait until nothing more has changed for this long: an editor's save is often several writes.
SETTLE = 0.05


class Watcher(FileSystemEventHandler):
    """Watches `folders` (with everything in them) and single `files`; `wait` returns what changed."""

    def __init__(self, folders: list[Path], files: list[Path]):
        super().__init__()
        self._folders = sorted({f.resolve() for f in folders})
        self._files = {f.resolve() for f in files}
        self._changed: list[str] = []
        self._last = 0.0
        self._event = threading.Condition()
        self._observer = Observer()
        self._watched: set[Path] = set()
        for folder in self._folders:
            self._watch(folder)
        # Single files, and folders that do not exist yet (a theme's templates/), through their parent folder.
        for parent in sorted({p.parent for p in self._files} | {f.parent for f in self._folders if not f.is_dir()}):
            if parent.is_dir() and not any(w == parent or w in parent.parents for w in self._watched):
                self._observer.schedule(self, str(parent), recursive=False)

    def start(self) -> None:
        self._observer.start()

    def stop(self) -> None:
        self._observer.stop()
        self._observer.join(timeout=5)
        with self._event:
            self._event.notify_all()

    def wait(self, stopped: threading.Event, settle: float = SETTLE) -> list[str] | None:
        """Block until a change, then until changes have settled; the changed paths (None once `stopped` is set)."""
        with self._event:
            while not self._changed and not stopped.is_set():
                self._event.wait(0.5)
            while not stopped.is_set() and time.monotonic() - self._last < settle:
                self._event.wait(settle)
            if stopped.is_set():
                return None
            changed, self._changed = sorted(set(self._changed)), []
            return changed

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type not in CHANGES or (event.is_directory and event.event_type == EVENT_TYPE_MODIFIED):
            return  # a folder is 'modified' whenever a file in it changes: that file's own event says which
        paths = [p for p in (event.src_path, getattr(event, "dest_path", "")) if p]
        relevant = [p for p in map(_str, paths) if self._relevant(Path(p))]
        if not relevant:
            return
        with self._event:
            self._changed += relevant
            self._last = time.monotonic()
            self._event.notify_all()

    def _relevant(self, path: Path) -> bool:
        if path.name.startswith(".") or path.name.endswith("~"):
            return False
        if path in self._files:
            return True
        folder = next((f for f in self._folders if f == path or f in path.parents), None)
        if folder is None:
            return False
        if folder == path:
            self._watch(folder)  # a theme folder made while serving: watch what goes into it
        return not any(part.startswith(".") for part in path.relative_to(folder).parts)

    def _watch(self, folder: Path) -> None:
        if folder.is_dir() and not any(w == folder or w in folder.parents for w in self._watched):
            self._observer.schedule(self, str(folder), recursive=True)
            self._watched.add(folder)


def _str(path: str | bytes) -> str:
    return path.decode() if isinstance(path, bytes) else path
