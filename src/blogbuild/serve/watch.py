"""Watching a site's sources in the background and handing each settled batch to a callback."""

from __future__ import annotations

import queue
import re
import threading
import traceback
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path

import watchfiles

from blogbuild.content.config import CONFIG_NAME
from blogbuild.content.foreign import foreign_kind
from blogbuild.content.layout import SiteLayout
from blogbuild.content.sources import leads_inside

STATIC_DIRS = SiteLayout().static_dirs  # copied as they are, dotfiles too
# _includes: Jekyll's, for posts
SOURCE_DIRS = ("content", "templates", "assets", "_includes", *STATIC_DIRS)
# A Jekyll or Hugo site reads (nearly) every folder at its top; never these, which it writes
# or which only hold tools.
_NOT_SOURCES = frozenset({"_site", "public", "resources", "dist", "node_modules", "vendor"})
# Short enough that a save reaches the browser quickly, long enough that an editor's
# write-then-rename lands in one batch.
DEBOUNCE_MS = 50
STEP_MS = 20

# Editors' swap, backup and lock files: saving a post must not also rebuild for these.
_EDITOR_FILES = re.compile(r"(~|\.sw[a-p]|\.tmp|___jb_(?:tmp|old)___)$|^#.*#$|^4913$")

OnChange = Callable[[frozenset[Path]], None]


def is_source(root: Path, path: Path) -> bool:
    """Whether a changed path can affect the site: under a source folder, or the config."""
    try:
        parts = path.relative_to(root).parts
    except ValueError:
        return False
    if not parts:
        return False
    foreign = _is_foreign(root)
    if len(parts) == 1:
        if foreign:  # its config, pages and copied files lie at the top
            return _may_hold_sources(parts[0])
        return parts[0] == CONFIG_NAME or parts[0] in SOURCE_DIRS
    if not (_may_hold_sources(parts[0]) if foreign else parts[0] in SOURCE_DIRS):
        return False
    # Hidden files are skipped by the build too, and so is what a link leads to outside the
    # site (a log file there would rebuild the site in a loop).
    hidden = parts[0] not in STATIC_DIRS and any(part.startswith(".") for part in parts)
    if hidden or _EDITOR_FILES.search(parts[-1]):
        return False
    return leads_inside(path, root)


@cache
def _is_foreign(root: Path) -> bool:
    """A Jekyll or Hugo site, read in place (see content.foreign), as it was at start."""
    return foreign_kind(root) is not None


def _foreign_folders(root: Path) -> tuple[str, ...]:
    """The folders at the top of a Jekyll or Hugo site that hold its sources."""
    try:
        names = [p.name for p in root.iterdir() if p.is_dir()]
    except OSError:
        return ()
    return tuple(sorted(n for n in names if _may_hold_sources(n)))


def _may_hold_sources(name: str) -> bool:
    """A name at the top of a Jekyll or Hugo site that may hold its sources."""
    return name[:1] != "." and name not in _NOT_SOURCES


def watched_folders(root: Path) -> tuple[str, ...]:
    """The folders at the top of the site that are watched, recursively."""
    return _foreign_folders(root) if _is_foreign(root) else SOURCE_DIRS


class SourceWatcher:
    """Watches content/, templates/, assets/, static/ and the config file in daemon threads.

    The folders are watched recursively; the site folder itself only one level deep, so the
    config file survives editors that save by renaming, and folders created later are picked
    up, while a `.venv` or `.git` beside them costs nothing.
    """

    def __init__(self, root: Path, on_change: OnChange) -> None:
        self.root = root
        self._on_change = on_change
        self._pending: queue.SimpleQueue[frozenset[Path] | None] = queue.SimpleQueue()
        self._stopping = threading.Event()
        self._rewatch = threading.Event()  # the set of folders to watch changed

    def start(self) -> None:
        for target, name in (
            (self._watch_root, "watch-site"),
            (self._watch_folders, "watch-sources"),
            (self._deliver, "rebuild"),
        ):
            threading.Thread(target=target, name=f"blogbuild-{name}", daemon=True).start()

    def stop(self) -> None:
        self._stopping.set()
        self._rewatch.set()
        self._pending.put(None)

    def _watch_root(self) -> None:
        while not self._stopping.is_set():
            for batch in _batches(self.root, [self.root], recursive=False, stop=self._stopping):
                if any(path.name in watched_folders(self.root) or path.is_dir() for path in batch):
                    self._rewatch.set()
                self._pending.put(batch)

    def _watch_folders(self) -> None:
        while not self._stopping.is_set():
            self._rewatch.clear()
            names = watched_folders(self.root)
            folders = [self.root / name for name in names if (self.root / name).is_dir()]
            if not folders:
                self._rewatch.wait()
                continue
            for batch in _batches(self.root, folders, recursive=True, stop=self._rewatch):
                self._pending.put(batch)

    def _deliver(self) -> None:
        """Rebuild once per batch, folding in whatever arrived while the last rebuild ran."""
        while True:
            batch = self._pending.get()
            if batch is None:
                return
            pending = set(batch)
            while True:
                try:
                    more = self._pending.get_nowait()
                except queue.Empty:
                    break
                if more is None:
                    return
                pending.update(more)
            try:
                self._on_change(frozenset(pending))
            except Exception:  # a bug in one rebuild must not end watching
                traceback.print_exc()


def _batches(
    root: Path, paths: list[Path], *, recursive: bool, stop: threading.Event
) -> Iterator[frozenset[Path]]:
    """Batches of changed source paths until `stop` is set, or until a watched folder vanishes."""
    try:
        for changes in watchfiles.watch(
            *paths,
            watch_filter=lambda _change, path: is_source(root, Path(path)),
            debounce=DEBOUNCE_MS,
            step=STEP_MS,
            stop_event=stop,
            recursive=recursive,
            raise_interrupt=False,
        ):
            yield frozenset(Path(path) for _change, path in changes)
    except Exception:
        # The folder was deleted or replaced; the caller watches again, after a pause so
        # that a folder that stays missing does not spin.
        stop.wait(0.5)
