"""Problems a person can act on: each names a file and, where known, a line."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from blogbuild.pickling import pickled_by_fields


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with the input, reported as `path:line: message`."""

    path: str
    line: int | None
    message: str
    severity: Severity = Severity.ERROR

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        prefix = "warning: " if self.severity is Severity.WARNING else ""
        if not where:  # a problem of the site as a whole, of no file
            return f"{prefix}{self.message}"
        return f"{where}: {prefix}{self.message}"


class BlogbuildError(Exception):
    """Raised for one problem; carries it so the CLI can print it without a traceback."""

    def __init__(self, path: str, line: int | None, message: str) -> None:
        super().__init__(f"{path}:{line}: {message}" if line else f"{path}: {message}")
        self.problem = Problem(path, line, message)


class BuildFailed(Exception):
    """Raised when a stage collected errors; the build stops before writing anything."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(f"{len(problems)} problem" + ("" if len(problems) == 1 else "s"))
        self.problems = problems


class Problems:
    """Collects problems across a stage so that one run reports all of them."""

    def __init__(self) -> None:
        self.items: list[Problem] = []

    def error(self, path: str, line: int | None, message: str) -> None:
        self.items.append(Problem(path, line, message, Severity.ERROR))

    def warning(self, path: str, line: int | None, message: str) -> None:
        self.items.append(Problem(path, line, message, Severity.WARNING))

    def add(self, problem: Problem) -> None:
        self.items.append(problem)

    def extend(self, problems: list[Problem]) -> None:
        self.items.extend(problems)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.items if p.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.items if p.severity is Severity.WARNING]

    def raise_if_errors(self) -> None:
        if self.errors:
            raise BuildFailed(sorted(self.errors, key=_problem_order))


def _problem_order(problem: Problem) -> tuple[str, int]:
    return (problem.path, problem.line or 0)
