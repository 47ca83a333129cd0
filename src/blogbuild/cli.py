"""The `blogbuild` command line."""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import click

from blogbuild import __version__
from blogbuild.errors import BlogbuildError, BuildFailed, Problem
from blogbuild.options import BuildOptions

if TYPE_CHECKING:
    from blogbuild.build.unchanged import InputScan
    from blogbuild.check.findings import Finding

# The pipeline's modules are imported inside the commands: `blogbuild build` with nothing
# to do answers before they would have finished loading.

EXIT_PROBLEMS = 1
BASE_URL_ENV = "BLOGBUILD_BASE_URL"  # one config for preview deploys and production


def run() -> NoReturn:
    """The command's entry point: run it, then leave without tearing the interpreter down.

    A build holds hundreds of thousands of objects; freeing them one by one at exit took
    longer than the rest of a small rebuild. Everything is written and closed by then: the
    output is flushed here, worker pools are closed by the code that opened them.
    """
    # The cyclic collector runs every 700 new objects by default, and each full pass walks
    # every object alive: decoding a large site's cache set off several, a tenth of a
    # rebuild. The build makes few cycles, so it runs far less often here (as mypy does).
    gc.set_threshold(100_000, 20, 20)
    try:
        main()
        code: object = 0
    except SystemExit as stop:
        code = stop.code
    if code is None:
        code = 0
    elif not isinstance(code, int):
        print(code, file=sys.stderr)  # as Python prints a non-numeric exit status
        code = 1
    for stream in (sys.stdout, sys.stderr):
        with suppress(OSError, ValueError):  # a closed pipe or stream: nothing more to say
            stream.flush()
    os._exit(code)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="blogbuild")
def main() -> None:
    """Build a blog of Markdown articles into a static site."""


def _valid_base_url(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """A usage error for a bad --base-url or BLOGBUILD_BASE_URL, naming where it came from."""
    from blogbuild.content.config import base_url_problem

    why = base_url_problem(value) if value is not None else None
    if why is None:
        return value
    given = ctx.get_parameter_source("base_url") is click.core.ParameterSource.ENVIRONMENT
    raise click.UsageError(f"{BASE_URL_ENV} in the environment: {why}" if given else
                           f"--base-url: {why}", ctx)  # fmt: skip


def _site_options(command: Callable[..., Any]) -> Callable[..., Any]:
    for option in reversed(
        [
            click.option("--source", type=click.Path(file_okay=False, path_type=Path), default=".",
                         show_default=True, help="The site folder (holds content/posts)."),
            click.option("--drafts", is_flag=True, help="Include posts marked draft."),
            click.option("--future", is_flag=True, help="Include posts dated in the future."),
            click.option("--base-url", envvar=BASE_URL_ENV, show_envvar=True,
                         callback=_valid_base_url,
                         help="Where the site will live, e.g. https://x.github.io/blog/; "
                              "wins over the environment's, which wins over the config's."),
            click.option("--debug", is_flag=True, help="Show tracebacks for unexpected errors."),
        ]
    ):  # fmt: skip
        command = option(command)
    return command


@main.command("build")
@_site_options
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    help="Output folder [default: SOURCE/dist].",
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
    options = BuildOptions(
        source.resolve(), out.resolve() if out else None, drafts, future, base_url,
        use_cache=not no_cache, workers=jobs, force=force,
    )  # fmt: skip
    with _stopped_cleanly(options.out_dir):
        _build(options, debug)


def _build(options: BuildOptions, debug: bool) -> None:
    scan = None
    if options.use_cache:
        from blogbuild.build.unchanged import scan_inputs

        scan = scan_inputs(options)
        if _unchanged_since_last_build(options, scan):
            return
    from blogbuild.build.recipe import build
    from blogbuild.check import summary
    from blogbuild.progress import TerminalProgress

    with _reported_problems(debug), TerminalProgress() as progress:
        result = build(options, progress)
    for note in result.notes:
        click.echo(note, err=True)
    output = result.output
    # each file's warnings together, by line: read as the writer reads the file
    ordered = sorted(output.warnings, key=lambda p: (p.path, p.line or 0))
    lines = [str(problem) for problem in ordered]
    posts = len(output.site.posts)
    pages = sum(1 for path in output.outputs if path.endswith(".html"))
    left_out = []
    if output.drafts_skipped:
        left_out.append(f"{output.drafts_skipped} draft(s) left out, --drafts shows them")
    if output.future_skipped:
        left_out.append(f"{output.future_skipped} future post(s) left out, --future shows them")
    note = f" ({'; '.join(left_out)})" if left_out else ""
    work = _work_done(output.rendered_posts, output.rendered_pages, result.written.written)
    tail = []
    if output.findings:
        tail.append(f"Check: {summary(output.findings)}; run `blogbuild check` for details.")
    for line in lines:
        click.echo(line, err=True)
    click.echo(
        f"Built {posts} posts and {pages} pages into {_shown(result.out)} "
        f"in {result.seconds:.2f} s ({'; '.join([work, *left_out])})"
    )
    for line in tail:
        click.echo(line)
    if scan is not None:
        from blogbuild.build.unchanged import record_build

        record_build(options, scan, result, lines, "".join(tail), note)


def _work_done(posts: int, pages: int, files: int) -> str:
    """What a build did, for the summary line: a CI log shows whether its cache was used."""
    return (
        f"rendered {_counted(posts, 'post body', 'post bodies')} and "
        f"{_counted(pages, 'page', 'pages')}, wrote {_counted(files, 'file', 'files')}"
    )


def _counted(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _unchanged_since_last_build(options: BuildOptions, scan: InputScan) -> bool:
    """Say so and stop when no input and no output changed since the last successful build."""
    import time

    from blogbuild.build.unchanged import unchanged_record

    started = time.perf_counter()
    record = unchanged_record(options, scan)
    if record is None:
        return False
    for line in record.warnings:
        click.echo(line, err=True)
    seconds = time.perf_counter() - started
    click.echo(
        f"Built {record.posts} posts and {record.pages} pages into {_shown(options.out_dir)} "
        f"in {seconds:.2f} s{record.note} (nothing changed)"
    )
    if record.check:
        click.echo(record.check)
    return True


@main.command("check")
@_site_options
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
    from blogbuild.build.recipe import assemble_site
    from blogbuild.check import (
        exit_code,
        format_github,
        format_json,
        format_rules,
        format_text,
        settings_from_config,
        summary,
    )
    from blogbuild.content.config import load_config

    options = BuildOptions(source.resolve(), None, drafts, future, base_url)
    with _reported_problems(debug, "Check failed"):
        if list_rules:
            settings = settings_from_config(load_config(options.source).check)
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
    settings = settings_from_config(output.config.check)
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
        click.echo(f"Would fix {total} findings in {len(fixes)} files.", err=True)
        sys.exit(1 if fixes else 0)
    if require_clean and fixes:
        dirty = uncommitted(options.source, fixes)
        if dirty:
            why = "has uncommitted changes; commit or stash them, or drop --require-clean"
            raise BuildFailed([Problem(rel, None, why) for rel in dirty])
    write_fixes(fixes)
    for item in fixes:
        click.echo(describe(item), err=True)
    click.echo(f"Fixed {total} findings in {len(fixes)} files.", err=True)


@main.command("serve")
@_site_options
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on; 0.0.0.0 shows the preview to your whole network.",
)
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=8000,
    show_default=True,
    help="Port to listen on; 0 picks any free port. See above for a busy port.",
)
@click.option("--open", "open_browser", is_flag=True, help="Open the site in your web browser.")
@click.pass_context
def serve_command(
    ctx: click.Context,
    source: Path,
    drafts: bool,
    future: bool,
    base_url: str | None,
    debug: bool,
    host: str,
    port: int,
    open_browser: bool,
) -> None:
    """Preview the site and reload open pages whenever you save.

    Builds the site into memory (dist/ is left alone), serves it, and watches
    content/, templates/, assets/ and blogbuild.yaml. Every save rebuilds the
    site and reloads the browser tabs showing a page that changed; a CSS change
    restyles them without a reload. Drafts and future posts (with --drafts,
    --future) carry a badge; with a base URL such as https://x.github.io/blog/
    the preview lives under /blog/.

    A build that fails keeps the last good site on screen, prints each problem
    as path:line: message, and shows them over the page until you fix them.

    If the default port 8000 is busy, the next free port is used and printed.
    A port you name with --port must be free: otherwise serve exits with
    status 1, because something may rely on that exact address.
    """
    from blogbuild.serve import ServeError, ServeOptions, serve

    if not source.is_dir():
        raise click.BadParameter(f"no such folder: {source}", param_hint="--source")
    port_given = ctx.get_parameter_source("port") is not click.core.ParameterSource.DEFAULT
    options = ServeOptions(
        BuildOptions(source.resolve(), None, drafts, future, base_url),
        host=host,
        port=port,
        port_given=port_given,
        open_browser=open_browser,
        debug=debug,
    )
    try:
        serve(options)
    except ServeError as error:
        click.echo(f"blogbuild serve: {error}", err=True)
        sys.exit(EXIT_PROBLEMS)
    except KeyboardInterrupt:
        click.echo(("\n" if sys.stdout.isatty() else "") + "Stopped.")
    except Exception as error:
        _unexpected(error, debug)


@contextmanager
def _reported_problems(debug: bool, failed: str = "Build failed") -> Iterator[None]:
    """Print known failures as `path:line: message` and exit 1; tracebacks only with --debug."""
    try:
        yield
    except BuildFailed as error:
        _print_problems(error.problems)
        click.echo(f"{failed}: {_count(error.problems)}; nothing was written.", err=True)
        _exit_unless_debug(debug)
    except BlogbuildError as error:
        _print_problems([error.problem])
        click.echo(f"{failed}; nothing was written.", err=True)
        _exit_unless_debug(debug)
    except Exception as error:
        _unexpected(error, debug)


@contextmanager
def _stopped_cleanly(out: Path) -> Iterator[None]:
    """Ctrl-C, or a SIGTERM or SIGHUP, stops the build without a traceback; what it had
    begun to write is removed on the way out, so the output folder is as it was."""
    import signal

    def stop(number: int, _frame: object) -> None:
        raise KeyboardInterrupt(number)

    previous = {number: signal.signal(number, stop) for number in (signal.SIGTERM, signal.SIGHUP)}
    try:
        yield
    except KeyboardInterrupt as interrupted:
        from blogbuild.signals import FINISHED

        number = interrupted.args[0] if interrupted.args else signal.SIGINT
        said = f"Interrupted; {_shown(out)} unchanged."
        if FINISHED in interrupted.args:
            said = f"Interrupted once the build had finished: {_shown(out)} holds the new site."
        with suppress(OSError, ValueError):
            click.echo(said, err=True)
        sys.exit(128 + int(number))
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


def _unexpected(error: Exception, debug: bool) -> None:
    """A bug, not a content problem: one line unless --debug asks for the traceback."""
    if debug:
        raise error
    click.echo(f"blogbuild: unexpected error: {type(error).__name__}: {error}", err=True)
    click.echo("Run again with --debug to see the traceback.", err=True)
    sys.exit(EXIT_PROBLEMS)


def _exit_unless_debug(debug: bool) -> None:
    if debug:
        raise
    sys.exit(EXIT_PROBLEMS)


def _print_problems(problems: Iterable[Problem]) -> None:
    for problem in problems:
        click.echo(str(problem), err=True)


def _count(problems: list[Problem]) -> str:
    return f"{len(problems)} problem" + ("" if len(problems) == 1 else "s")


def _shown(path: Path) -> str:
    try:
        return str(path.relative_to(Path.cwd())) + "/"
    except ValueError:
        return str(path) + "/"
