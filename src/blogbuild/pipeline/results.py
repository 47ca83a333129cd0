"""What the build's stages hand each other: the plan, the finished site, what changed on disk."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from blogbuild.content.config import Config
from blogbuild.content.text import counted
from blogbuild.errors import Problem
from blogbuild.model import PostSummary
from blogbuild.pipeline.cache.store import BuildCache
from blogbuild.pipeline.output.staging import Listing, WriteReport

if TYPE_CHECKING:
    from blogbuild.check.findings import Finding
    from blogbuild.site.plan import Site

Progress = Callable[[str, int, int], None]  # stage, done, total


@dataclass(slots=True)
class Plan:
    """Everything known before any page is rendered."""

    config: Config
    cache: BuildCache
    site: Site
    summaries: list[PostSummary]
    shared: str  # digest of templates, config and code: part of every page fingerprint
    machine: str  # the same without templates, for feeds and Markdown copies
    warnings: list[Problem]
    drafts_skipped: int
    future_skipped: int
    rendered_posts: int  # post bodies rendered by this build, not taken from the cache


@dataclass(slots=True)
class SiteOutput:
    """A finished site: what was written (or kept in memory) and what was found on the way."""

    config: Config
    site: Site
    summaries: list[PostSummary]
    cache: BuildCache
    pages: dict[str, bytes] = field(default_factory=dict)  # in-memory outputs only
    files: dict[str, Path] = field(default_factory=dict)
    outputs: set[str] = field(default_factory=set)  # every output path, in memory or not
    fingerprints: dict[str, str] = field(default_factory=dict)
    rendered_posts: int = 0  # post bodies rendered, not taken from the cache
    rendered_pages: int = 0
    findings: list[Finding] = field(default_factory=list)  # from `blogbuild check`'s rules
    warnings: list[Problem] = field(default_factory=list)
    drafts_skipped: int = 0
    future_skipped: int = 0


@dataclass(frozen=True, slots=True)
class BuildResult:
    """What a finished build did, for the summary line."""

    output: SiteOutput
    written: WriteReport
    seconds: float
    out: Path
    listing: Listing  # every file of the output folder as the build left it
    notes: tuple[str, ...] = ()  # said once, not warnings: files kept that blogbuild did not write


def left_out_notes(output: SiteOutput) -> list[str]:
    """What the summary line says a build left out, and which flag shows it."""
    notes = []
    if output.drafts_skipped:
        notes.append(
            f"{counted(output.drafts_skipped, 'draft', 'drafts')} left out, --drafts shows them"
        )
    if output.future_skipped:
        notes.append(
            f"{counted(output.future_skipped, 'future post', 'future posts')} left out, "
            "--future shows them"
        )
    return notes
