"""How a long build is going: `Progress` hears of stages and finished files; on a terminal it draws a bar.

The build reports to a `Progress` whatever runs it; the default hears nothing.
`TerminalProgress` draws one line on the terminal, rewritten in place, and only
once the build has taken more than `delay` seconds, so a quick build prints
nothing but its summary. A background thread keeps the clock on the line moving
through stages that report nothing until they end (extraction). The line is
erased when the build ends, however it ends.
"""

from __future__ import annotations

import threading
import time
from typing import Callable, Iterable, Iterator, TextIO, TypeVar

T = TypeVar("T")

#: A build quicker than this shows no progress at all.
DELAY = 1.0
#: Seconds between redraws, and the width of the bar in characters.
REFRESH, BAR = 0.2, 24


class Progress:
    """Hears how a build goes and shows nothing: the default, for scripts, tests, pipes and CI."""

    def stage(self, name: str, what: str = "", total: int | None = None) -> None:
        """A stage begins; `total`: how many items it will report, where known."""

    def advance(self, count: int = 1) -> None:
        """`count` more items of the current stage are done."""

    def done(self) -> None:
        """The build is over (finished or failed)."""

    def track(self, items: Iterable[T], what: str = "", total: int | None = None, stage: str = "") -> Iterator[T]:
        """`items`, passed through, each one counted as done; a new stage named `stage` if given."""
        if stage:
            self.stage(stage, what, total)
        for item in items:
            yield item
            self.advance()


class TerminalProgress(Progress):
    """A one-line bar on a terminal, drawn after `delay` seconds, erased at the end."""

    def __init__(self, stream: TextIO, *, delay: float = DELAY, clock: Callable[[], float] = time.monotonic, ticker: bool = True):
        self._stream, self._delay, self._clock = stream, delay, clock
        self._lock = threading.Lock()
        self._started = clock()
        self._name, self._what, self._total, self._count = "", "", None, 0
        self._drawn, self._drawn_at = False, 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._tick, name="sitegen-progress", daemon=True) if ticker else None
        if self._thread:
            self._thread.start()

    def stage(self, name: str, what: str = "", total: int | None = None) -> None:
        with self._lock:
            self._name, self._what, self._total, self._count = name, what, total, 0
            self._draw(force=True)

    def advance(self, count: int = 1) -> None:
        with self._lock:
            self._count += count
            self._draw()

    def done(self) -> None:
        self._stop.set()
        if self._thread and self._thread is not threading.current_thread():
            self._thread.join(timeout=2)
        with self._lock:
            if self._drawn:
                self._stream.write("\r\x1b[K")
                self._stream.flush()
                self._drawn = False

    def line(self) -> str:
        """What the bar says now: the stage, a bar and a count where the total is known, the time so far."""
        elapsed = f"{self._clock() - self._started:5.1f}s"
        if self._total:
            share = min(self._count / self._total, 1.0)
            filled = int(share * BAR)
            bar = "#" * filled + "-" * (BAR - filled)
            return f"{self._name:<13} [{bar}] {min(self._count, self._total)}/{self._total} {self._what}  {elapsed}"
        return f"{self._name:<13} {self._what}  {elapsed}"

    def _draw(self, force: bool = False) -> None:
        now = self._clock()
        if self._stop.is_set() or now - self._started < self._delay or not self._name:
            return
        if not force and self._drawn and now - self._drawn_at < REFRESH / 2:
            return  # a terminal redrawn thousands of times a second only flickers
        self._stream.write("\r\x1b[K" + self.line())
        self._stream.flush()
        self._drawn, self._drawn_at = True, now

    def _tick(self) -> None:
        while not self._stop.wait(REFRESH):
            with self._lock:
                self._draw()
