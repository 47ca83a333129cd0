"""The only code that touches the output folder: a staged copy of the site, swapped in at once."""

from __future__ import annotations

import os
import posixpath
import shutil
from collections.abc import Mapping
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from blogbuild.errors import BlogbuildError

STAGING_NAME = ".blogbuild-staging"


@dataclass(frozen=True, slots=True)
class WriteReport:
    """How many files the build wrote, and how many kept their old bytes (and mtimes)."""

    written: int
    unchanged: int


class Sink(Protocol):
    """Where a build puts its outputs: a staged folder, or memory for previews."""

    def reuse(self, rel: str) -> bool: ...
    def put(self, rel: str, data: bytes) -> None: ...
    def copy(self, rel: str, source: Path) -> None: ...


def check_output_folder(out: Path, root: Path) -> None:
    """Refuse an output folder whose replacement would destroy sources or unrelated files."""
    out, root = out.resolve(), root.resolve()
    if out == root or out in root.parents:
        raise BlogbuildError(str(out), None, "the output folder must not contain the site itself")
    for source in ("content", "templates", "assets"):
        folder = root / source
        if out == folder or folder in out.parents:
            raise BlogbuildError(str(out), None, f"the output folder must not be inside {source}/")
    if out.is_dir() and any(out.iterdir()) and not (out / "index.html").exists():
        raise BlogbuildError(
            str(out), None, "the folder exists and does not look like a built site; "
            "remove it or choose another --out",
        )  # fmt: skip


class Staging:
    """Outputs are written into a staging folder inside `out`; `commit` moves them into place.

    Only files whose bytes changed are staged; unchanged ones stay where they are, mtimes and
    all. Nothing in `out` changes before `commit`, which runs only once every page rendered,
    so a failed build leaves the previous site as it was. A site built for the first time
    appears at once, by renaming; an existing one gets each changed file replaced atomically
    and the files no longer produced removed.
    """

    def __init__(self, out: Path, before: FolderContents | None = None) -> None:
        """`before`: what `folder_contents(out)` says, when the caller had it taken already."""
        self.out = out
        self.fresh = not out.exists()
        self.folder = out / STAGING_NAME
        if self.folder.exists():
            shutil.rmtree(self.folder)  # left over from an interrupted build
        # What the folder holds before the build: the one look at every file it takes.
        if self.fresh:
            before = ({}, set())
        self.before, self._empty = before if before is not None else folder_contents(out)
        self.folder.mkdir(parents=True)
        self.produced: set[str] = set()
        self.staged: set[str] = set()
        self.written = 0
        self.unchanged = 0
        self._made: set[Path] = {self.folder}

    def reuse(self, rel: str) -> bool:
        """Keep the previous build's file as it is; False when there is none."""
        if rel not in self.before:
            return False
        self.produced.add(rel)
        self.unchanged += 1
        return True

    def put(self, rel: str, data: bytes) -> None:
        """Stage `data`, unless the previous file already has exactly these bytes."""
        self.produced.add(rel)
        old = self.before.get(rel)
        if old is not None and old[0] == len(data) and _same_bytes(self.out / rel, data):
            self.unchanged += 1
            return
        self._target(rel).write_bytes(data)
        self.staged.add(rel)
        self.written += 1

    def copy(self, rel: str, source: Path) -> None:
        """Stage a static file, unless the previous copy is the same."""
        self.produced.add(rel)
        if rel in self.before and _same_file(self.out / rel, source):
            self.unchanged += 1
            return
        shutil.copyfile(source, self._target(rel))
        self.staged.add(rel)
        self.written += 1

    def commit(self) -> Listing:
        """Put the staged files in place and remove what this build no longer produces;
        return what the folder then holds."""
        if self.fresh:
            # nothing to keep: the staged tree becomes the site in one rename
            holding = self.out.with_name(f".{self.out.name}.{os.getpid()}.new")
            self.folder.rename(holding)
            self.out.rmdir()
            holding.rename(self.out)
            return _listing(self.out)[0]
        after = dict(self.before)
        for staged in sorted(self.staged):
            target = self.out / staged
            _make_parents(self.out, target)
            os.replace(self.folder / staged, target)
            stat = target.stat()
            after[staged] = (stat.st_size, stat.st_mtime_ns)
        shutil.rmtree(self.folder)
        stale = sorted(set(self.before) - self.produced)
        for old in stale:
            path = self.out / old
            # Gone already when a new file's folders, or a new file, took its place.
            if not path.is_dir():
                with suppress(FileNotFoundError, NotADirectoryError):
                    path.unlink()
            del after[old]
        _remove_empty_folders(self.out, {posixpath.dirname(old) for old in stale} | self._empty)
        return after

    @property
    def report(self) -> WriteReport:
        return WriteReport(self.written, self.unchanged)

    def abort(self) -> None:
        """Forget everything staged; a site built for the first time leaves no folder behind."""
        shutil.rmtree(self.folder, ignore_errors=True)
        if self.fresh:
            shutil.rmtree(self.out, ignore_errors=True)

    def _target(self, rel: str) -> Path:
        target = self.folder / rel
        if target.parent not in self._made:
            target.parent.mkdir(parents=True, exist_ok=True)
            self._made.add(target.parent)
        return target


class MemorySink:
    """Outputs kept in memory (previews, checks); `previous` lends unchanged pages."""

    def __init__(self, previous: Mapping[str, bytes] | None = None) -> None:
        self.pages: dict[str, bytes] = {}
        self.files: dict[str, Path] = {}
        self._previous = previous or {}

    def reuse(self, rel: str) -> bool:
        if rel not in self._previous:
            return False
        self.pages[rel] = self._previous[rel]
        return True

    def put(self, rel: str, data: bytes) -> None:
        self.pages[rel] = data

    def copy(self, rel: str, source: Path) -> None:
        self.files[rel] = source


Listing = dict[str, tuple[int, int]]  # relative POSIX path: (size, mtime in nanoseconds)


FolderContents = tuple[Listing, set[str]]  # the files, and the empty folders


def output_listing(out: Path) -> Listing:
    """Every file in the output folder with its size and mtime."""
    return _listing(out)[0]


def folder_contents(out: Path) -> FolderContents:
    """Every file of an output folder and its empty folders, as Staging needs them; what an
    interrupted build left in the staging folder is not part of the site."""
    if not out.is_dir():
        return {}, set()
    files, empty = _listing(out)
    prefix = STAGING_NAME + "/"
    if any(rel.startswith(prefix) for rel in files) or STAGING_NAME in empty:
        files = {rel: stamp for rel, stamp in files.items() if not rel.startswith(prefix)}
        empty = {rel for rel in empty if rel != STAGING_NAME and not rel.startswith(prefix)}
    return files, empty


def stamped_fingerprints(listing: Listing, fingerprints: dict[str, str]) -> dict[str, str]:
    """Fingerprints with the size and mtime each file had when written, to notice later edits."""
    stamped = {}
    for rel, fingerprint in fingerprints.items():
        if rel in listing:
            size, mtime = listing[rel]
            stamped[rel] = f"{fingerprint}:{size}:{mtime}"
    return stamped


def untouched_fingerprints(listing: Listing, stamped: dict[str, str]) -> dict[str, str]:
    """The fingerprints of previous outputs still as they were written; edited ones drop out."""
    previous = {}
    for rel, value in stamped.items():
        fingerprint, _, stamp = value.partition(":")
        found = listing.get(rel)
        if found is not None and stamp == f"{found[0]}:{found[1]}":
            previous[rel] = fingerprint
    return previous


def write_output(pages: Mapping[str, bytes], files: Mapping[str, Path], out: Path) -> WriteReport:
    """Write a whole site held in memory into `out`, atomically."""
    staging = Staging(out)
    try:
        for rel in sorted(pages):
            staging.put(rel, pages[rel])
        for rel in sorted(files):
            staging.copy(rel, files[rel])
        staging.commit()
        return staging.report
    except BaseException:
        staging.abort()
        raise


def _listing(root: Path) -> tuple[Listing, set[str]]:
    """Every file under `root` with its size and mtime, and every empty folder; as relative
    POSIX paths. One scandir pass: dist/ of a large site holds tens of thousands of files."""
    files: Listing = {}
    empty: set[str] = set()
    pending = [("", str(root))]
    while pending:
        rel, folder = pending.pop()
        with os.scandir(folder) as entries:
            found = False
            for entry in entries:
                found = True
                if entry.is_dir(follow_symlinks=False):
                    pending.append((f"{rel}{entry.name}/", entry.path))
                else:
                    stat = entry.stat(follow_symlinks=False)
                    files[rel + entry.name] = (stat.st_size, stat.st_mtime_ns)
        if not found and rel:
            empty.add(rel.rstrip("/"))
    return files, empty


def _make_parents(root: Path, target: Path) -> None:
    """Create the folders above `target`, replacing a file that stands where a folder must."""
    for parent in reversed(target.relative_to(root).parents[:-1]):
        folder = root / parent
        if folder.is_file() or folder.is_symlink():
            folder.unlink()
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.is_dir():
        shutil.rmtree(target)


def _remove_empty_folders(root: Path, candidates: set[str]) -> None:
    """Remove each candidate folder that is empty, then its parents that became empty."""
    for rel in sorted(candidates, key=lambda rel: -rel.count("/")):
        while rel:
            folder = root / rel
            if not folder.is_dir() or any(folder.iterdir()):
                break
            folder.rmdir()
            rel = posixpath.dirname(rel)


def _same_bytes(path: Path, data: bytes) -> bool:
    try:
        if path.stat().st_size != len(data):
            return False
        return path.read_bytes() == data
    except OSError:
        return False


def _same_file(path: Path, source: Path) -> bool:
    try:
        if path.stat().st_size != source.stat().st_size:
            return False
        return path.read_bytes() == source.read_bytes()
    except OSError:
        return False
