"""`blogbuild serve`: the live preview."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from blogbuild.cli.common import (
    EXIT_PROBLEMS,
    site_options,
    unexpected,
)
from blogbuild.options import BuildOptions

if TYPE_CHECKING:
    pass


@click.command("serve")
@site_options
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
        unexpected(error, debug)
