"""The `blogbuild` command line: one module per command, `common` for what they share.

The pipeline's modules are imported inside the commands: `blogbuild build` with nothing
to do answers before they would have finished loading."""

from __future__ import annotations

import gc
import os
import sys
from contextlib import suppress
from typing import NoReturn

import click

from blogbuild import __version__
from blogbuild.cli.build import build_command
from blogbuild.cli.check import check_command
from blogbuild.cli.init import init_command
from blogbuild.cli.new import new_command
from blogbuild.cli.serve import serve_command


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


main.add_command(build_command)
main.add_command(check_command)
main.add_command(serve_command)
main.add_command(init_command)
main.add_command(new_command)
