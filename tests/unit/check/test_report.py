"""Output formats and the exit code."""

from __future__ import annotations

import json

from blogbuild.check import (
    Finding,
    exit_code,
    format_github,
    format_json,
    format_rules,
    format_text,
    settings_from_config,
    summary,
)

FINDINGS = [
    Finding("b.md", 3, 1, "warning", "long-title", "too long"),
    Finding("a.md", 10, 2, "error", "placeholder-text", "placeholder '[x]'"),
    Finding("a.md", 2, 5, "info", "external-link", "external link https://x.org"),
    Finding("a.md", 2, 5, "error", "broken-link", "50% off,\nline two: yes"),
]


def test_text_format_is_one_sorted_line_per_finding() -> None:
    assert format_text(FINDINGS).splitlines() == [
        "a.md:2:5: error broken-link 50% off, line two: yes",
        "a.md:2:5: info external-link external link https://x.org",
        "a.md:10:2: error placeholder-text placeholder '[x]'",
        "b.md:3:1: warning long-title too long",
    ]


def test_json_format_has_every_field_in_order() -> None:
    rows = json.loads(format_json(FINDINGS))
    assert [(r["path"], r["line"], r["rule"]) for r in rows] == [
        ("a.md", 2, "broken-link"),
        ("a.md", 2, "external-link"),
        ("a.md", 10, "placeholder-text"),
        ("b.md", 3, "long-title"),
    ]
    assert set(rows[0]) == {"path", "line", "col", "severity", "rule", "message"}
    assert json.loads(format_json([])) == []


def test_github_annotations_map_levels_and_escape() -> None:
    lines = format_github(FINDINGS).splitlines()
    assert (
        lines[0] == "::error file=a.md,line=2,col=5,title=broken-link::50%25 off,%0Aline two: yes"
    )
    assert lines[1].startswith("::notice file=a.md,line=2,col=5,title=external-link::")
    assert lines[3].startswith("::warning file=b.md,")
    odd = Finding("dir,x/a:b.md", 1, 1, "error", "r", "m")
    assert format_github([odd]).startswith("::error file=dir%2Cx/a%3Ab.md,")


def test_exit_code_fails_on_errors_and_with_strict_on_warnings() -> None:
    warning_only = [FINDINGS[0], FINDINGS[2]]
    assert exit_code([], strict=True) == 0
    assert exit_code(warning_only, strict=False) == 0
    assert exit_code(warning_only, strict=True) == 1
    assert exit_code([FINDINGS[2]], strict=True) == 0  # info never fails
    assert exit_code(FINDINGS, strict=False) == 1


def test_summary_counts_levels_and_files() -> None:
    assert summary(FINDINGS) == "2 errors, 1 warning, 1 info in 2 files"
    assert summary([]) == "no findings"


def test_rule_list_shows_configured_levels() -> None:
    listing = format_rules(settings_from_config({"rules": {"long-title": "off"}}))
    lines = {line.split()[0]: line.split()[1] for line in listing.splitlines()}
    assert lines["long-title"] == "off"
    assert lines["placeholder-text"] == "error"
    assert lines["external-link"] == "info"
