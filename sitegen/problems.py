"""Problems found in the content, carried as values with a place.

Every stage reports into one `Problems` collection instead of raising at the
first error, so a build can tell the editor about everything at once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one file: where, which key, what, and what to do."""

    path: str
    message: str
    severity: Severity = Severity.ERROR
    line: int | None = None
    key: str | None = None

    def __str__(self) -> str:
        place = self.path if self.line is None else f"{self.path}:{self.line}"
        key = f" [{self.key}]" if self.key else ""
        return f"{place}: {self.severity.value}{key}: {self.message}"


@dataclass
class Problems:
    """The problems of one build, in the order they were found."""

    items: list[Problem] = field(default_factory=list)

    def error(self, path: str, message: str, *, line: int | None = None, key: str | None = None) -> None:
        self.items.append(Problem(path, message, Severity.ERROR, line, key))

    def warning(self, path: str, message: str, *, line: int | None = None, key: str | None = None) -> None:
        self.items.append(Problem(path, message, Severity.WARNING, line, key))

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.items if p.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.items if p.severity is Severity.WARNING]


class BuildFailed(Exception):
    """Raised at the end of a stage when errors were collected; the site is untouched."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))
