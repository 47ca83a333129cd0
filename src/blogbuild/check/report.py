"""Findings as text for people, JSON for tools and annotations for GitHub Actions."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable

from blogbuild.check.catalog import RULES
from blogbuild.check.config import DEFAULT_SETTINGS, CheckSettings
from blogbuild.check.findings import LEVEL_RANK, Finding, sort_findings
from blogbuild.content.text import counted

_GITHUB_COMMAND = {"error": "error", "warning": "warning", "info": "notice"}


def format_text(findings: Iterable[Finding]) -> str:
    """One `path:line:col: severity rule-id message` line per finding."""
    return "".join(
        f"{f.path}:{f.line}:{f.col}: {f.severity} {f.rule} {_one_line(f.message)}\n"
        for f in sort_findings(list(findings))
    )


def _one_line(text: str) -> str:
    return " ".join(text.splitlines())


def format_json(findings: Iterable[Finding]) -> str:
    """A JSON list of findings with path, line, col, severity, rule and message."""
    rows = [
        {
            "path": f.path,
            "line": f.line,
            "col": f.col,
            "severity": f.severity,
            "rule": f.rule,
            "message": f.message,
        }
        for f in sort_findings(list(findings))
    ]
    return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def format_github(findings: Iterable[Finding]) -> str:
    """GitHub Actions workflow commands (::error, ::warning, ::notice), one per finding."""
    lines = []
    for f in sort_findings(list(findings)):
        command = _GITHUB_COMMAND.get(f.severity, "warning")
        properties = ",".join(
            (
                f"file={_escape_property(f.path)}",
                f"line={f.line}",
                f"col={f.col}",
                f"title={_escape_property(f.rule)}",
            )
        )
        lines.append(f"::{command} {properties}::{_escape_data(f.message)}\n")
    return "".join(lines)


def summary(findings: Iterable[Finding]) -> str:
    """A count line such as '3 errors, 1 warning, 2 infos in 2 files'."""
    items = list(findings)
    counts = Counter(f.severity for f in items)
    parts = [
        counted(counts[level], level, f"{level}s")
        for level in sorted(counts, key=lambda level: LEVEL_RANK.get(level, 9))
    ]
    files = len({f.path for f in items})
    if not parts:
        return "no findings"
    return f"{', '.join(parts)} in {counted(files, 'file', 'files')}"


def exit_code(findings: Iterable[Finding], strict: bool = False, fail_on: str = "error") -> int:
    """1 when any finding reaches `fail_on` (an error; with strict, a warning), else 0; never
    with `fail_on="never"`, unless strict."""
    level = "warning" if strict else fail_on
    if level == "never":
        return 0
    worst = LEVEL_RANK[level]
    return int(any(LEVEL_RANK.get(f.severity, 9) <= worst for f in findings))


def format_rules(settings: CheckSettings = DEFAULT_SETTINGS) -> str:
    """One line per rule: id, its level under `settings` ('off' when disabled), whether
    `--fix` repairs it, and its explanation."""
    width = max(len(rule_id) for rule_id in RULES)
    return "".join(
        f"{rule.id:<{width}}  {settings.severity(rule.id) or 'off':<7}  "
        f"{'fixable' if rule.fixable else '':<7}  {rule.summary}\n"
        for rule in RULES.values()
    )
