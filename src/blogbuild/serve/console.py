"""The terminal side of serve: the address once, then one line per rebuild."""

from __future__ import annotations

import time
from collections.abc import Iterable
from pathlib import Path

import click

from blogbuild.content.text import counted
from blogbuild.errors import Problem
from blogbuild.pipeline.results import left_out_notes
from blogbuild.serve.livesite import Rebuild


class Console:
    """Prints status lines to stdout, and problems as `path:line: message` to stderr."""

    def __init__(self, root: Path, debug: bool) -> None:
        self._root = root
        self._debug = debug
        self._warned: set[str] = set()

    def serving(self, url: str, rebuild: Rebuild, notes: Iterable[str]) -> None:
        """The first build's problems, the address, and what was built."""
        for note in notes:
            click.echo(note)
        new = self._new_warnings(rebuild)
        self._report(new, rebuild)
        output = rebuild.snapshot.output
        if output is None:
            click.echo(
                f"The site could not be built ({_count(rebuild.problems, 'problem')}); "
                "fix and save, pages reload by themselves. Ctrl-C stops."
            )
            return
        posts = output.site.posts
        shown = []
        if drafts := sum(1 for post in posts if post.draft):
            shown.append(counted(drafts, "draft", "drafts"))
        if future := sum(1 for post in posts if post.future and not post.draft):
            shown.append(f"{future} scheduled")
        left_out = left_out_notes(output)
        notes_text = "; ".join(([f"with {' and '.join(shown)}"] if shown else []) + left_out)
        click.echo(
            f"Built {counted(len(posts), 'post', 'posts')} in {rebuild.seconds:.2f} s"
            + (f" ({notes_text})" if notes_text else "")
            + "; watching for changes, Ctrl-C stops."
        )

    def rebuilt(self, rebuild: Rebuild, changes: Iterable[Path]) -> None:
        """One line: what changed, how long the rebuild took, and its outcome; then problems."""
        what = f"{_clock()} {self._describe(changes)}"
        if rebuild.ok:
            count = len(rebuild.changed)
            updated = f"{count} file{'s' if count != 1 else ''} updated" if count else "no change"
            new = self._new_warnings(rebuild)
            extra = f", {_count(new, 'new warning')}" if new else ""
            fixed = "fixed; " if rebuild.recovered else ""
            click.echo(f"{what}: {fixed}rebuilt in {rebuild.seconds:.2f} s, {updated}{extra}")
            self._report(new, rebuild)
        else:
            click.echo(
                f"{what}: build failed in {rebuild.seconds:.2f} s with "
                f"{_count(rebuild.problems, 'problem')}; still serving the last good site"
            )
            self._report([], rebuild)

    def _new_warnings(self, rebuild: Rebuild) -> list[Problem]:
        """Warnings not shown by the previous good build, so each rebuild does not repeat them."""
        current = {str(warning): warning for warning in rebuild.warnings}
        new = [warning for text, warning in current.items() if text not in self._warned]
        self._warned = set(current)
        return new

    def _report(self, warnings: Iterable[Problem], rebuild: Rebuild) -> None:
        for problem in [*warnings, *rebuild.problems]:
            click.echo(str(problem), err=True)
        if self._debug and rebuild.traceback:
            click.echo(rebuild.traceback, err=True)

    def _describe(self, changes: Iterable[Path]) -> str:
        paths = sorted(changes)
        files = [path for path in paths if not path.is_dir()] or paths
        if not files:
            return "rebuild"
        first = files[0]
        try:
            name = first.relative_to(self._root).as_posix()
        except ValueError:
            name = str(first)
        name += " removed" if not first.exists() else " changed"
        return name if len(files) == 1 else f"{name} (and {len(files) - 1} more)"


def _count(items: Iterable[object], noun: str) -> str:
    number = len(list(items))
    return f"{number} {noun}{'s' if number != 1 else ''}"


def _clock() -> str:
    return time.strftime("%H:%M:%S")
