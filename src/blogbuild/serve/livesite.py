"""The site being previewed: the last good build, the problems of the latest one, rebuilding."""

from __future__ import annotations

import threading
import time
import traceback
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from blogbuild.content.theme import theme_dir
from blogbuild.errors import BlogbuildError, BuildFailed, Problem
from blogbuild.options import BuildOptions
from blogbuild.pipeline.cache.store import BuildCache
from blogbuild.pipeline.recipe import assemble_site
from blogbuild.pipeline.results import SiteOutput

# Past this many changed outputs browsers are just told "everything", to keep messages small.
MAX_LISTED_CHANGES = 200

FileStamp = tuple[str, int, int]  # source path, mtime in ns, size


@dataclass(frozen=True, slots=True)
class Snapshot:
    """What is served right now: the last good build and the errors of the latest attempt."""

    output: SiteOutput | None  # None until a build has succeeded
    build: int  # id of `output`; pages carry it so that a stale page knows to reload
    problems: tuple[Problem, ...] = ()  # errors of the latest build; empty when it succeeded
    stamps: Mapping[str, FileStamp] = field(default_factory=dict)
    asset_roots: tuple[Path, ...] = ()

    @property
    def base_path(self) -> str:
        return self.output.config.base_path if self.output else "/"

    def has(self, key: str) -> bool:
        return self.output is not None and (key in self.output.pages or key in self.output.files)

    def read(self, key: str) -> bytes | None:
        """The bytes of an output, or None; an asset whose real file is outside assets/ is None."""
        if self.output is None:
            return None
        page = self.output.pages.get(key)
        if page is not None:
            return page
        source = self.output.files.get(key)
        if source is None:
            return None
        try:
            real = source.resolve(strict=True)
            if not any(real.is_relative_to(root) for root in self.asset_roots):
                return None  # a symlink pointing out of the site's folders
            return real.read_bytes()
        except OSError:
            return None


@dataclass(frozen=True, slots=True)
class Rebuild:
    """What one rebuild did, for the terminal and for the browsers."""

    snapshot: Snapshot
    ok: bool
    seconds: float
    changed: tuple[str, ...] = ()  # outputs that differ from the previous good build
    recovered: bool = False  # the previous attempt had failed
    first: bool = False  # the first good build: every output is new
    warnings: tuple[Problem, ...] = ()
    traceback: str | None = None  # of an unexpected error, for --debug

    @property
    def problems(self) -> tuple[Problem, ...]:
        return self.snapshot.problems

    def browser_message(self) -> dict[str, Any] | None:
        """The `build` event for browsers, or None when they have nothing to learn."""
        if self.ok and not self.changed and not self.recovered:
            return None
        message = state_message(self.snapshot)
        everything = self.first or len(self.changed) > MAX_LISTED_CHANGES
        message["changed"] = [] if everything else list(self.changed)
        message["everything"] = everything
        return message


def state_message(snapshot: Snapshot) -> dict[str, Any]:
    """The current build id and errors, as sent to a browser when it connects."""
    problems = [
        {"path": p.path, "line": p.line, "message": p.message, "text": str(p)}
        for p in snapshot.problems
    ]
    return {"build": snapshot.build, "problems": problems}


class LiveSite:
    """Holds the snapshot being served and replaces it on every rebuild."""

    def __init__(self, options: BuildOptions) -> None:
        self.options = options
        self._lock = threading.Lock()
        self._cache: BuildCache | None = None  # kept loaded between rebuilds
        # Ids start from the clock, so a restarted server never reuses one a page still shows.
        self._current = Snapshot(output=None, build=int(time.time() * 1000))

    @property
    def current(self) -> Snapshot:
        return self._current

    def rebuild(self, changes: Collection[Path] = ()) -> Rebuild:
        """Build again; on failure keep serving the last good site and record the problems."""
        with self._lock:
            before = self._current
            started = time.perf_counter()
            detail = None
            try:
                output = self._assemble(changes)
            except BuildFailed as error:
                problems = tuple(error.problems)
            except BlogbuildError as error:
                problems = (error.problem,)
            except Exception as error:  # a bug must not stop the preview: report and go on
                problems = (
                    Problem(
                        "blogbuild", None, f"unexpected error: {type(error).__name__}: {error}"
                    ),
                )
                detail = traceback.format_exc()
            else:
                return self._succeeded(before, output, time.perf_counter() - started)
            self._current = Snapshot(
                before.output, before.build, problems, before.stamps, before.asset_roots
            )
            return Rebuild(self._current, False, time.perf_counter() - started, traceback=detail)

    def _assemble(self, changes: Collection[Path]) -> SiteOutput:
        """The build itself: cached posts and unchanged pages are reused from the last one."""
        # One process: forking a server with live threads is not safe; the cache does the work.
        options = replace(self.options, workers=1)
        output = assemble_site(
            options, previous=self._current.output, cache=self._cache, save=False
        )
        self._cache = output.cache
        # Writing the cache index takes a moment: do it after browsers have been told.
        keys = {summary.key for summary in output.summaries}
        threading.Thread(target=self._save_cache, args=(keys,), daemon=True).start()
        return output

    def _save_cache(self, keys: set[str]) -> None:
        with self._lock:
            if self._cache is not None:
                self._cache.save(keys)

    def _succeeded(self, before: Snapshot, output: SiteOutput, seconds: float) -> Rebuild:
        stamps = _stamps(output.files)
        changed = _changed_outputs(before, output, stamps)
        build = before.build + 1 if changed or before.output is None else before.build
        # bundles' files are copied from the posts and pages folders, root files from static/,
        # and a Jekyll site's files from anywhere outside its `_` folders
        config = output.config
        layout = config.layout
        roots: tuple[Path, ...] = (config.root / "assets", theme_dir() / "assets")
        folders = (*layout.post_dirs, *layout.drafts_dirs, *layout.page_dirs, *layout.static_dirs)
        roots += tuple(config.root / name for name in folders)
        if layout.generator == "jekyll":
            roots += (config.root,)
        self._current = Snapshot(output, build, (), stamps, tuple(root.resolve() for root in roots))
        return Rebuild(
            self._current,
            True,
            seconds,
            changed=changed,
            recovered=bool(before.problems),
            first=before.output is None,
            warnings=tuple(output.warnings),
        )


def _stamps(files: Mapping[str, Path]) -> dict[str, FileStamp]:
    """What identifies each copied file's content cheaply, to tell which assets changed."""
    stamps = {}
    for key, path in files.items():
        try:
            stat = path.stat()
        except OSError:
            continue
        stamps[key] = (str(path), stat.st_mtime_ns, stat.st_size)
    return stamps


def _changed_outputs(
    before: Snapshot, output: SiteOutput, stamps: Mapping[str, FileStamp]
) -> tuple[str, ...]:
    if before.output is None:
        return tuple(sorted({*output.pages, *output.files}))
    old, new = before.output.pages, output.pages
    changed = {key for key in old.keys() | new.keys() if old.get(key) != new.get(key)}
    old_stamps = before.stamps
    changed.update(
        key for key in old_stamps.keys() | stamps.keys() if old_stamps.get(key) != stamps.get(key)
    )
    return tuple(sorted(changed))
