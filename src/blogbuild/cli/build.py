"""`blogbuild build`: the site into its output folder, or nothing when nothing changed."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from blogbuild.cli.common import (
    reported_problems,
    shown,
    site_options,
    stopped_cleanly,
)
from blogbuild.content.text import counted
from blogbuild.options import BuildOptions
from blogbuild.pipeline.results import left_out_notes

if TYPE_CHECKING:
    from blogbuild.pipeline.cache.unchanged import InputScan


@click.command("build")
@site_options
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    help="Output folder [default: SOURCE/dist; in a Jekyll or Hugo site _site/ or public/].",
)
@click.option(
    "--no-cache",
    "--clean",
    "no_cache",
    is_flag=True,
    help="Rebuild everything from scratch (the cache in .blogbuild-cache/ is not used).",
)
@click.option("--jobs", "-j", type=click.IntRange(min=0), default=0,
              help="Worker processes [default: one per core].")  # fmt: skip
@click.option(
    "--force",
    is_flag=True,
    help="Build into an output folder blogbuild did not write (its files are kept, "
    "except those the build makes).",
)
def build_command(
    source: Path, out: Path | None, drafts: bool, future: bool, base_url: str | None,
    debug: bool, no_cache: bool, jobs: int, force: bool,
) -> None:  # fmt: skip
    """Build the site into the output folder."""
    from blogbuild.content.foreign import default_output  # reads no config, only names

    source = source.resolve()
    options = BuildOptions(
        source, (out or default_output(source)).resolve(), drafts, future, base_url,
        use_cache=not no_cache, workers=jobs, force=force,
    )  # fmt: skip
    with stopped_cleanly(options.out_dir):
        _build(options, debug)


def _build(options: BuildOptions, debug: bool) -> None:
    scan = None
    if options.use_cache:
        from blogbuild.pipeline.cache.unchanged import scan_inputs

        scan = scan_inputs(options)
        if _unchanged_since_last_build(options, scan):
            return
    from blogbuild.check import summary
    from blogbuild.cli.progress import TerminalProgress
    from blogbuild.pipeline.recipe import build

    with reported_problems(debug), TerminalProgress() as progress:
        result = build(options, progress)
    for note in result.notes:
        click.echo(note, err=True)
    output = result.output
    # each file's warnings together, by line: read as the writer reads the file
    ordered = sorted(output.warnings, key=lambda p: (p.path, p.line or 0))
    lines = [str(problem) for problem in ordered]
    if output.config.layout.summary:  # a Jekyll or Hugo site: say what was read, and how
        lines.insert(0, output.config.layout.summary)
    posts = len(output.site.posts)
    pages = sum(1 for path in output.outputs if path.endswith(".html"))
    left_out = left_out_notes(output)
    note = f" ({'; '.join(left_out)})" if left_out else ""
    work = _work_done(output.rendered_posts, output.rendered_pages, result.written.written)
    tail = []
    if output.findings:
        tail.append(f"Check: {summary(output.findings)}; run `blogbuild check` for details.")
    for line in lines:
        click.echo(line, err=True)
    click.echo(
        f"Built {counted(posts, 'post', 'posts')} and {counted(pages, 'page', 'pages')} "
        f"into {shown(result.out)} "
        f"in {result.seconds:.2f} s ({'; '.join([work, *left_out])})"
    )
    for line in tail:
        click.echo(line)
    if scan is not None:
        from blogbuild.pipeline.cache.unchanged import record_build

        record_build(options, scan, result, lines, "".join(tail), note)


def _work_done(posts: int, pages: int, files: int) -> str:
    """What a build did, for the summary line: a CI log shows whether its cache was used."""
    return (
        f"rendered {counted(posts, 'post body', 'post bodies')} and "
        f"{counted(pages, 'page', 'pages')}, wrote {counted(files, 'file', 'files')}"
    )


def _unchanged_since_last_build(options: BuildOptions, scan: InputScan) -> bool:
    """Say so and stop when no input and no output changed since the last successful build."""
    import time

    from blogbuild.pipeline.cache.unchanged import unchanged_record

    started = time.perf_counter()
    record = unchanged_record(options, scan)
    if record is None:
        return False
    for line in record.warnings:
        click.echo(line, err=True)
    seconds = time.perf_counter() - started
    click.echo(
        f"Built {counted(record.posts, 'post', 'posts')} and "
        f"{counted(record.pages, 'page', 'pages')} into {shown(options.out_dir)} "
        f"in {seconds:.2f} s{record.note} (nothing changed)"
    )
    if record.check:
        click.echo(record.check)
    return True
