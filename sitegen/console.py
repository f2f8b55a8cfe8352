"""What the terminal shows: problems with their file names in colour, progress on long builds, summaries.

Colour and the progress bar appear only on a terminal: never when the output
goes to a file or a pipe, in CI (the CI variable is set), with NO_COLOR set or
with TERM=dumb. `--quiet` keeps only errors; `--verbose` adds each stage with
its timing.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from typing import TextIO

from .problems import Problem, Severity
from .progress import Progress, TerminalProgress

QUIET, NORMAL, VERBOSE = -1, 0, 1
_RESET, _BOLD, _RED, _YELLOW, _GREEN, _DIM = "\x1b[0m", "\x1b[1m", "\x1b[31m", "\x1b[33m", "\x1b[32m", "\x1b[2m"


def is_terminal(stream: TextIO) -> bool:
    """True where colour and a redrawn line make sense: an interactive terminal, not CI, not NO_COLOR."""
    interactive = hasattr(stream, "isatty") and stream.isatty()
    return interactive and not os.environ.get("CI") and "NO_COLOR" not in os.environ and os.environ.get("TERM") != "dumb"


@dataclass
class Console:
    """Where the command line writes: results to `out`, problems and progress to `err`."""

    verbosity: int = NORMAL
    out: TextIO = field(default_factory=lambda: sys.stdout)
    err: TextIO = field(default_factory=lambda: sys.stderr)
    color: bool | None = None

    def __post_init__(self) -> None:
        if self.color is None:
            self.color = is_terminal(self.err)

    def problems(self, problems: list[Problem]) -> None:
        """Each problem on a line of its own; warnings only unless --quiet."""
        for problem in problems:
            if problem.severity is Severity.ERROR or self.verbosity > QUIET:
                print(self.format(problem), file=self.err)

    def format(self, problem: Problem) -> str:
        """'file:line: error [key]: message', the file in bold and the severity in its colour, on a terminal."""
        if not self.color:
            return str(problem)
        place = problem.path if problem.line is None else f"{problem.path}:{problem.line}"
        colour = _RED if problem.severity is Severity.ERROR else _YELLOW
        key = f" {_DIM}[{problem.key}]{_RESET}" if problem.key else ""
        return f"{_BOLD}{place}{_RESET}: {colour}{_BOLD}{problem.severity.value}{_RESET}{key}: {problem.message}"

    def result(self, text: str) -> None:
        """What a command made or found: shown unless --quiet."""
        if self.verbosity > QUIET:
            print(text, file=self.out, flush=True)

    def success(self, text: str) -> None:
        """A closing summary that all went well, green on a terminal."""
        if self.verbosity > QUIET:
            print(f"{_GREEN}{text}{_RESET}" if self.color and is_terminal(self.out) else text, file=self.out, flush=True)

    def failure(self, text: str) -> None:
        """A closing line that something failed: always shown, red on a terminal."""
        print(f"{_RED}{_BOLD}{text}{_RESET}" if self.color else text, file=self.err, flush=True)

    def note(self, text: str) -> None:
        """A side remark on the error stream (what was skipped, where a redirect leads): unless --quiet."""
        if self.verbosity > QUIET:
            print(text, file=self.err, flush=True)

    def progress(self) -> Progress:
        """A bar for a long build on a terminal; silence everywhere else and with --quiet."""
        if self.verbosity > QUIET and is_terminal(self.err):
            return TerminalProgress(self.err)
        return Progress()
