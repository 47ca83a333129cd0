"""What the rules report: a rule's description, its raw hits, and the findings shown to people."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, Literal

from blogbuild.pickling import pickled_by_fields

Level = Literal["error", "warning", "info"]
LEVELS: Final = ("error", "warning", "info")
# Lower rank = more severe; used to decide what fails a run.
LEVEL_RANK: Final = {"error": 0, "warning": 1, "info": 2}


@dataclass(frozen=True, slots=True)
class Rule:
    """One check: its id, default severity, family and a one-line explanation."""

    id: str
    severity: Level
    family: str
    summary: str
    fixable: bool = False  # `check --fix` repairs some or all of its findings


@dataclass(frozen=True, slots=True)
class Hit:
    """What a rule found, before settings give it a severity; `line` is the file's line."""

    rule: str
    line: int
    col: int
    message: str


@dataclass(frozen=True, slots=True)
class Edit:
    """A certain repair of one finding: `old` at [start, end) of a file line becomes `text`.

    With `count` > 0 the edit deletes `count` whole lines from `line` on instead.
    """

    rule: str
    line: int  # the file's 1-based line
    start: int  # 0-based columns of the line as decoded, without its line end
    end: int
    text: str
    old: str
    count: int = 0

    @classmethod
    def delete(cls, rule: str, lines: range) -> Edit:
        """An edit that deletes whole file lines."""
        return cls(rule, lines.start, 0, 0, "", "", len(lines))


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Finding:
    """One defect at a position in a source file, as shown to the writer."""

    path: str
    line: int
    col: int
    severity: str  # "error" | "warning" | "info"
    rule: str
    message: str

    def sort_key(self) -> tuple[str, int, int, str, str]:
        """Deterministic order: path, line, column, rule, message."""
        return (self.path, self.line, self.col, self.rule, self.message)


def sort_findings(findings: list[Finding]) -> list[Finding]:
    """Findings in report order; duplicates (same place, rule and message) dropped."""
    return sorted(set(findings), key=Finding.sort_key)
