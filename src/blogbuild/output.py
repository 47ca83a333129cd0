"""The only code that touches the output folder: a staged copy of the site, swapped in at once."""

from __future__ import annotations

import os
import posixpath
import shutil
from collections.abc import Mapping
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

    def __init__(self, out: Path) -> None:
        self.out = out
        self.fresh = not out.exists()
        self.folder = out / STAGING_NAME
        if self.folder.exists():
            shutil.rmtree(self.folder)  # left over from an interrupted build
        self.folder.mkdir(parents=True)
        self.produced: set[str] = set()
        self.written = 0
        self.unchanged = 0
        self._made: set[Path] = {self.folder}

    def reuse(self, rel: str) -> bool:
        """Keep the previous build's file as it is; False when there is none."""
        if self.fresh or not os.path.isfile(os.path.join(self.out, rel)):
            return False
        self.produced.add(rel)
        self.unchanged += 1
        return True

    def put(self, rel: str, data: bytes) -> None:
        """Stage `data`, unless the previous file already has exactly these bytes."""
        self.produced.add(rel)
        if not self.fresh and _same_bytes(self.out / rel, data):
            self.unchanged += 1
            return
        self._target(rel).write_bytes(data)
        self.written += 1

    def copy(self, rel: str, source: Path) -> None:
        """Stage a static file, unless the previous copy is the same."""
        self.produced.add(rel)
        if not self.fresh and _same_file(self.out / rel, source):
            self.unchanged += 1
            return
        shutil.copyfile(source, self._target(rel))
        self.written += 1

    def commit(self) -> WriteReport:
        """Put the staged files in place and remove what this build no longer produces."""
        if self.fresh:
            # nothing to keep: the staged tree becomes the site in one rename
            holding = self.out.with_name(f".{self.out.name}.{os.getpid()}.new")
            self.folder.rename(holding)
            self.out.rmdir()
            holding.rename(self.out)
            return WriteReport(self.written, self.unchanged)
        for staged in sorted(_tree(self.folder)[0]):
            target = self.out / staged
            _make_parents(self.out, target)
            os.replace(self.folder / staged, target)
        shutil.rmtree(self.folder)
        present, empty = _tree(self.out)
        stale = sorted(present - self.produced)
        for old in stale:
            (self.out / old).unlink()
        _remove_empty_folders(self.out, {posixpath.dirname(old) for old in stale} | empty)
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


def output_listing(out: Path) -> Listing:
    """Every file in the output folder with its size and mtime."""
    found: Listing = {}
    pending = [("", str(out))]
    while pending:
        rel, folder = pending.pop()
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    pending.append((f"{rel}{entry.name}/", entry.path))
                else:
                    stat = entry.stat(follow_symlinks=False)
                    found[rel + entry.name] = (stat.st_size, stat.st_mtime_ns)
    return found


def stamped_fingerprints(listing: Listing, fingerprints: dict[str, str]) -> dict[str, str]:
    """Fingerprints with the size and mtime each file had when written, to notice later edits."""
    stamped = {}
    for rel, fingerprint in fingerprints.items():
        if rel in listing:
            size, mtime = listing[rel]
            stamped[rel] = f"{fingerprint}:{size}:{mtime}"
    return stamped


def untouched_fingerprints(out: Path, stamped: dict[str, str]) -> dict[str, str]:
    """The fingerprints of previous outputs still as they were written; edited ones drop out."""
    previous = {}
    for rel, value in stamped.items():
        fingerprint, _, stamp = value.partition(":")
        try:
            stat = os.stat(os.path.join(out, rel))
        except OSError:
            continue
        if stamp == f"{stat.st_size}:{stat.st_mtime_ns}":
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
        return staging.commit()
    except BaseException:
        staging.abort()
        raise


def _tree(root: Path) -> tuple[set[str], set[str]]:
    """Every file under `root` and every empty folder, as relative POSIX paths."""
    files: set[str] = set()
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
                    files.add(rel + entry.name)
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
