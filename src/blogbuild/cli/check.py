"""`blogbuild check`: the findings of every rule, as text, JSON or GitHub annotations; --fix."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

import click

from blogbuild.cli.common import (
    reported_problems,
    site_options,
)
from blogbuild.content.text import counted
from blogbuild.errors import BlogbuildError, BuildFailed, Problem
from blogbuild.options import BuildOptions

if TYPE_CHECKING:
    from blogbuild.check.findings import Finding


@click.command("check")
@site_options
@click.option(
    "--format",
    "report_format",
    type=click.Choice(["text", "json", "github"]),
    default="text",
    show_default=True,
    help="text, JSON, or GitHub workflow annotations.",
)
@click.option("--strict", is_flag=True, help="Fail on warnings too, not only on errors.")
@click.option("--external", is_flag=True, help="Also fetch external links (off: they are listed).")
@click.option("--list-rules", is_flag=True, help="List every rule with its level and stop.")
@click.option("--fix", is_flag=True, help="Repair the findings whose repair is certain.")
@click.option("--diff", is_flag=True, help="Show what --fix would change; write nothing.")
@click.option(
    "--require-clean", is_flag=True, help="With --fix: refuse files with uncommitted changes."
)
def check_command(
    source: Path, drafts: bool, future: bool, base_url: str | None, debug: bool,
    report_format: str, strict: bool, external: bool, list_rules: bool,
    fix: bool, diff: bool, require_clean: bool,
) -> None:  # fmt: skip
    """Check posts for the defects of machine-written text, broken links and missing metadata.

    Writes nothing but its cache (.blogbuild-cache/), unless --fix: then the posts are
    rewritten for the findings whose repair is certain (see --list-rules), each change is
    listed, and what remains is reported. --diff shows those changes as a diff instead, and
    exits 1 when there are any. Exit 0 when no finding reaches the failing level (error, or
    warning with --strict), 1 otherwise.
    """
    from blogbuild.check import (
        check_settings,
        exit_code,
        format_github,
        format_json,
        format_rules,
        format_text,
        summary,
    )
    from blogbuild.check.config import load_checked_config
    from blogbuild.pipeline.recipe import assemble_site

    options = BuildOptions(source.resolve(), None, drafts, future, base_url)
    with reported_problems(debug, "Check failed"):
        if list_rules:
            settings = check_settings(load_checked_config(options.source))
            click.echo(format_rules(settings), nl=False)
            return
        if fix or diff:
            _fix_posts(options, write=not diff, require_clean=require_clean)
        try:
            output = assemble_site(options, external=external)
        except (BuildFailed, BlogbuildError) as failed:
            if report_format != "text":  # a machine reading the report gets one still
                problems = failed.problems if isinstance(failed, BuildFailed) else [failed.problem]
                report = format_json if report_format == "json" else format_github
                click.echo(report(_problem_findings(problems)), nl=False)
            raise
        findings = output.findings
    formatter = {"text": format_text, "json": format_json, "github": format_github}
    text = formatter[report_format](findings)
    if text:
        click.echo(text, nl=not text.endswith("\n"))
    if report_format == "text":
        click.echo(summary(findings), err=True)
    settings = check_settings(output.config)
    sys.exit(exit_code(findings, strict or settings.strict, settings.fail_on))


def _problem_findings(problems: Iterable[Problem]) -> list[Finding]:
    """Problems that stopped a check, as findings of its report."""
    from blogbuild.check.findings import Finding

    return [
        Finding(p.path, p.line or 1, 1, p.severity.value, "build-problem", p.message)
        for p in problems
    ]


def _fix_posts(options: BuildOptions, *, write: bool, require_clean: bool) -> None:
    """Make (or, with `write` off, show and exit on) the certain repairs of the site's posts."""
    from blogbuild.check.fix import describe, fix_site, uncommitted, write_fixes

    fixes = fix_site(options)
    total = sum(sum(f.fixed.values()) for f in fixes)
    if not write:
        for item in fixes:
            click.echo(item.diff(), nl=False)
        click.echo(f"Would fix {_findings_in_files(total, len(fixes))}.", err=True)
        sys.exit(1 if fixes else 0)
    if require_clean and fixes:
        dirty = uncommitted(options.source, fixes)
        if dirty:
            why = "has uncommitted changes; commit or stash them, or drop --require-clean"
            raise BuildFailed([Problem(rel, None, why) for rel in dirty])
    write_fixes(fixes)
    for item in fixes:
        click.echo(describe(item), err=True)
    click.echo(f"Fixed {_findings_in_files(total, len(fixes))}.", err=True)


def _findings_in_files(findings: int, files: int) -> str:
    """'1 finding in 1 file', '3 findings in 2 files'."""
    return f"{counted(findings, 'finding', 'findings')} in {counted(files, 'file', 'files')}"
