"""The build recipe: gather and check everything first, then write dist/ in one swap."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from blogbuild.assets import collect_assets
from blogbuild.check import Finding, settings_from_config
from blogbuild.check.site import check_site
from blogbuild.config import Config, load_config
from blogbuild.errors import Problem, Problems
from blogbuild.loader import LoadOptions, load_posts
from blogbuild.machine import machine_outputs
from blogbuild.markdown import MarkdownRenderer, highlight_css
from blogbuild.model import RenderedPost
from blogbuild.output import WriteReport, check_output_folder, write_output
from blogbuild.render import render_post
from blogbuild.site import Site, plan_site
from blogbuild.templates import make_environment, render_pages

HIGHLIGHT_CSS = "assets/css/highlight.css"


@dataclass(frozen=True, slots=True)
class BuildOptions:
    """What the person asked for on the command line."""

    source: Path
    out: Path | None = None
    drafts: bool = False
    future: bool = False
    base_url: str | None = None

    @property
    def out_dir(self) -> Path:
        return self.out if self.out is not None else self.source / "dist"


@dataclass(frozen=True, slots=True)
class SiteOutput:
    """A whole site in memory: rendered pages and files to copy, by output path."""

    config: Config
    site: Site
    pages: dict[str, bytes]
    files: dict[str, Path]
    rendered: tuple[RenderedPost, ...] = ()
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


def assemble_site(options: BuildOptions, now: datetime | None = None) -> SiteOutput:
    """Load, render and plan the whole site in memory; raise BuildFailed listing every problem."""
    config = load_config(options.source, options.base_url)
    now = now or datetime.now(config.tz)
    problems = Problems()
    loaded = load_posts(config, LoadOptions(options.drafts, options.future), now, problems)
    problems.raise_if_errors()
    renderer = MarkdownRenderer(trusted_html=config.trusted_html)
    rendered = [render_post(post, renderer) for post in loaded.posts]
    site = plan_site(config, rendered, now, problems)
    problems.raise_if_errors()
    pages = render_pages(site, make_environment(config), problems)
    problems.raise_if_errors()
    pages.update(machine_outputs(site, problems))
    files = collect_assets(config)
    if HIGHLIGHT_CSS not in files:
        pages[HIGHLIGHT_CSS] = highlight_css().encode("utf-8")
    return SiteOutput(
        config=config,
        site=site,
        pages=pages,
        files=files,
        rendered=tuple(rendered),
        warnings=problems.warnings,
        drafts_skipped=loaded.drafts_skipped,
        future_skipped=loaded.future_skipped,
    )


def check_output(output: SiteOutput, external: bool = False) -> list[Finding]:
    """Every `blogbuild check` finding for an assembled site."""
    config = output.config
    settings = settings_from_config(config.check)
    return check_site(
        output.rendered, output.pages, output.files, config.base_path, settings, external
    )


def build(options: BuildOptions) -> BuildResult:
    """Build the site into its output folder; on any problem the old folder is left as it was."""
    started = time.perf_counter()
    out = options.out_dir
    check_output_folder(out, options.source)
    output = assemble_site(options)
    report = write_output(output.pages, output.files, out)
    return BuildResult(output, report, time.perf_counter() - started, out)
