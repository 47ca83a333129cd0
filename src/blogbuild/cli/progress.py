"""A progress bar for builds that take more than a second in a terminal; silence elsewhere."""

from __future__ import annotations

import sys
import time
from types import TracebackType
from typing import Any

SHOW_AFTER_SECONDS = 1.0
_LABELS = {"posts": "Rendering posts", "pages": "Writing pages"}


class TerminalProgress:
    """Called as progress(stage, done, total); draws with rich once the build is slow enough."""

    def __init__(self, enabled: bool | None = None) -> None:
        self.enabled = sys.stderr.isatty() if enabled is None else enabled
        self.started = time.perf_counter()
        self._bar: Any = None
        self._tasks: dict[str, Any] = {}

    def __call__(self, stage: str, done: int, total: int) -> None:
        if not self.enabled:
            return
        if self._bar is None:
            if time.perf_counter() - self.started < SHOW_AFTER_SECONDS:
                return
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

            self._bar = Progress(
                TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                console=Console(stderr=True), transient=True,
            )  # fmt: skip
            self._bar.start()
        if stage not in self._tasks:
            self._tasks[stage] = self._bar.add_task(_LABELS.get(stage, stage), total=total)
        self._bar.update(self._tasks[stage], completed=done, total=total)

    def __enter__(self) -> TerminalProgress:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._bar is not None:
            self._bar.stop()
