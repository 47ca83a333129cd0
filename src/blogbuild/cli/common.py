"""What every command shares: the site options, and reporting problems as `path:line: message`
(tracebacks only with --debug)."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from blogbuild.errors import BlogbuildError, BuildFailed, Problem

if TYPE_CHECKING:
    pass


EXIT_PROBLEMS = 1
BASE_URL_ENV = "BLOGBUILD_BASE_URL"  # one config for preview deploys and production


def valid_base_url(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """A usage error for a bad --base-url or BLOGBUILD_BASE_URL, naming where it came from."""
    from blogbuild.content.baseurl import base_url_problem

    why = base_url_problem(value) if value is not None else None
    if why is None:
        return value
    given = ctx.get_parameter_source("base_url") is click.core.ParameterSource.ENVIRONMENT
    raise click.UsageError(f"{BASE_URL_ENV} in the environment: {why}" if given else
                           f"--base-url: {why}", ctx)  # fmt: skip


def site_options(command: Callable[..., Any]) -> Callable[..., Any]:
    for option in reversed(
        [
            click.option("--source", type=click.Path(exists=True, file_okay=False, path_type=Path),
                         default=".",
                         show_default=True, help="The site folder (holds content/posts)."),
            click.option("--drafts", is_flag=True, help="Include posts marked draft."),
            click.option("--future", is_flag=True, help="Include posts dated in the future."),
            click.option("--base-url", envvar=BASE_URL_ENV, show_envvar=True,
                         callback=valid_base_url,
                         help="Where the site will live, e.g. https://x.github.io/blog/; "
                              "wins over the environment's, which wins over the config's."),
            click.option("--debug", is_flag=True, help="Show tracebacks for unexpected errors."),
        ]
    ):  # fmt: skip
        command = option(command)
    return command


@contextmanager
def reported_problems(debug: bool, failed: str = "Build failed") -> Iterator[None]:
    """Print known failures as `path:line: message` and exit 1; tracebacks only with --debug."""
    try:
        yield
    except BuildFailed as error:
        print_problems(error.problems)
        click.echo(f"{failed}: {count(error.problems)}; nothing was written.", err=True)
        exit_unless_debug(debug)
    except BlogbuildError as error:
        print_problems([error.problem])
        click.echo(f"{failed}; nothing was written.", err=True)
        exit_unless_debug(debug)
    except Exception as error:
        unexpected(error, debug)


@contextmanager
def stopped_cleanly(out: Path) -> Iterator[None]:
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
        said = f"Interrupted; {shown(out)} unchanged."
        if FINISHED in interrupted.args:
            said = f"Interrupted once the build had finished: {shown(out)} holds the new site."
        with suppress(OSError, ValueError):
            click.echo(said, err=True)
        sys.exit(128 + int(number))
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


def unexpected(error: Exception, debug: bool) -> None:
    """A bug, not a content problem: one line unless --debug asks for the traceback."""
    if debug:
        raise error
    click.echo(f"blogbuild: unexpected error: {type(error).__name__}: {error}", err=True)
    click.echo("Run again with --debug to see the traceback.", err=True)
    sys.exit(EXIT_PROBLEMS)


def exit_unless_debug(debug: bool) -> None:
    if debug:
        raise
    sys.exit(EXIT_PROBLEMS)


def print_problems(problems: Iterable[Problem]) -> None:
    for problem in problems:
        click.echo(str(problem), err=True)


def count(problems: list[Problem]) -> str:
    return f"{len(problems)} problem" + ("" if len(problems) == 1 else "s")


def shown(path: Path) -> str:
    try:
        return str(path.relative_to(Path.cwd())) + "/"
    except ValueError:
        return str(path) + "/"
