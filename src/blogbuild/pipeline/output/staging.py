"""The only code that writes the output folder: a new tree of the site, swapped in at once."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from blogbuild.errors import BlogbuildError, BuildFailed, Problem
from blogbuild.pipeline.output.guard import forbidden_output
from blogbuild.pipeline.output.manifest import (
    MANIFEST_NAME,
    Manifest,
    kept_note,
    manifest_bytes,
    read_manifest,
    refusal,
)
from blogbuild.pipeline.output.newtree import NewTree, parents_of
from blogbuild.pipeline.output.swap import clear_leftovers, move_into, put_in_place

STAGING_NAME = ".blogbuild-staging"  # where older versions staged, inside the output folder


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
    def read(self, rel: str) -> bytes: ...


SOURCE_FOLDERS = ("content", "templates", "assets", "static")


def check_output_folder(out: Path, root: Path, force: bool = False) -> None:
    """Refuse an output folder whose replacement would destroy sources or unrelated files."""
    out, root = out.resolve(), root.resolve()
    forbidden = forbidden_output(out, root)
    if forbidden is not None:
        raise BlogbuildError(str(out), None, forbidden)
    if out == root or out in root.parents:
        raise BlogbuildError(str(out), None, "the output folder must not contain the site itself")
    from blogbuild.pipeline.cache.store import CACHE_DIR_NAME  # not needed by "nothing changed"

    for source in (*SOURCE_FOLDERS, CACHE_DIR_NAME):
        folder = root / source
        if out == folder or folder in out.parents:
            raise BlogbuildError(str(out), None, f"the output folder must not be inside {source}/")
    if out.exists() and not out.is_dir():
        raise BlogbuildError(str(out), None, "the output folder is a file, not a folder")
    if out.is_dir() and os.path.ismount(out):
        raise BlogbuildError(
            str(out), None, "the output folder is a mount point, and a build replaces the folder "
            "as a whole; build into a folder inside it",
        )  # fmt: skip
    if not force and read_manifest(out) is None and out.is_dir() and os.listdir(out):
        raise BlogbuildError(str(out), None, refusal())


class Staging:
    """A build's outputs become a new tree beside `out`, which then takes its place at once.

    Files whose bytes did not change are hard links to the previous ones, so they keep their
    inode and mtime; the files of the new build are written there; files in `out` that
    blogbuild did not write (its manifest says which it did) are linked in too, so only this
    build's stale files disappear. Nothing in `out` changes before `commit`, whose one atomic
    exchange leaves `out` at every instant either the old complete site or the new one.
    """

    def __init__(
        self,
        out: Path,
        before: FolderContents | None = None,
        *,
        force: bool = False,
        spare: Path | None = None,
    ) -> None:
        """`before`: what `folder_contents(out)` says, when the caller had it taken already;
        `force`: build into a folder without a manifest, and replace files it did not write;
        `spare`: where the tree a build replaces is kept for the next (see NewTree)."""
        self.out = out.resolve()
        self.force = force
        if clear_leftovers(self.out) or before is None:
            before = folder_contents(self.out)
        files, self._empty = before
        files = dict(files)
        self._old_manifest = files.pop(MANIFEST_NAME, None) is not None
        manifest = read_manifest(self.out)
        if manifest is None and (files or self._empty) and not force:
            raise BlogbuildError(str(self.out), None, refusal())
        # A folder of someone else's, taken with --force, is written into, never replaced.
        self._adopting = manifest is None and bool(files or self._empty)
        self.ours = manifest.files if manifest is not None else frozenset()
        self.announced = manifest.announced if manifest is not None else frozenset()
        self.before = files
        folders = {parent for rel in files.keys() & self.ours for parent in parents_of(rel)}
        self.tree = NewTree(self.out, spare, folders)
        self.folder = self.tree.path
        self.produced: set[str] = set()
        self.kept: set[str] = set()  # previous files, linked into the new tree
        self.stamps: Listing = {}  # files written anew
        self.clashes: set[str] = set()  # files not ours that the build would replace
        self.notes: list[str] = []
        self.written = 0
        self.unchanged = 0

    def reuse(self, rel: str) -> bool:
        """Keep the previous build's file as it is; False when there is none."""
        if rel not in self.before or rel not in self.ours:
            return False
        self.produced.add(rel)
        self.kept.add(rel)
        self.unchanged += 1
        return True

    def put(self, rel: str, data: bytes) -> None:
        """Write `data`, unless the previous file already has exactly these bytes."""
        self.produced.add(rel)
        old = self.before.get(rel)
        if old is not None and old[0] == len(data) and _same_bytes(self.out / rel, data):
            self.kept.add(rel)
            self.unchanged += 1
            return
        self._note_clash(rel)
        self._written(rel, self.tree.write(rel, data))

    def copy(self, rel: str, source: Path) -> None:
        """Copy a static file, unless the previous copy is the same."""
        self.produced.add(rel)
        if rel in self.before and _same_file(self.out / rel, source):
            self.kept.add(rel)
            self.unchanged += 1
            return
        self._note_clash(rel)
        self._written(rel, self.tree.copy(rel, source))

    def read(self, rel: str) -> bytes:
        """The bytes this build gives `rel`, written anew or kept from the previous build."""
        return (self.folder / rel if rel in self.stamps else self.out / rel).read_bytes()

    def commit(self) -> Listing:
        """Complete the new tree and put it in place of the old; return what it holds."""
        foreign = self._foreign()
        if self.clashes and not self.force:
            raise BuildFailed(
                [Problem(str(self.out / rel), None, _CLASH) for rel in sorted(self.clashes)]
            )
        after: Listing = dict(self.stamps)
        for rel in sorted(self.kept | foreign):
            self.tree.link(rel, self.out / rel)
            after[rel] = self.before[rel]
        announced = frozenset(foreign)
        if foreign - self.announced:
            self.notes.append(kept_note(self.out, sorted(foreign - self.announced)))
        data = manifest_bytes(Manifest(frozenset(self.produced), announced))
        if self._old_manifest and _same_bytes(self.out / MANIFEST_NAME, data):
            self.tree.link(MANIFEST_NAME, self.out / MANIFEST_NAME)
        else:
            self.tree.write(MANIFEST_NAME, data)
        stat = (self.folder / MANIFEST_NAME).stat()
        after[MANIFEST_NAME] = (stat.st_size, stat.st_mtime_ns)
        self.tree.keep_only(set(after))
        for rel in sorted(self._empty):
            if rel not in self.produced and not any(p in self.produced for p in parents_of(rel)):
                self.tree.make_folder(rel)
        if self._adopting:
            move_into(self.folder, self.out)
            return after
        self.tree.match_folders(self.out)
        self.tree.keep_as_spare(put_in_place(self.folder, self.out))
        return after

    @property
    def report(self) -> WriteReport:
        return WriteReport(self.written, self.unchanged)

    def abort(self) -> None:
        """Forget the new tree: the output folder is as it was."""
        self.tree.discard()

    def _foreign(self) -> set[str]:
        """The files of the old tree that blogbuild did not write and this build leaves be;
        those in the way of a file or folder the build makes are clashes."""
        folders = {parent for rel in self.produced for parent in parents_of(rel)}
        foreign = set()
        for rel in self.before.keys() - self.ours - self.produced:
            if rel in folders or any(parent in self.produced for parent in parents_of(rel)):
                self.clashes.add(rel)
            else:
                foreign.add(rel)
        return foreign

    def _note_clash(self, rel: str) -> None:
        if rel in self.before and rel not in self.ours:
            self.clashes.add(rel)

    def _written(self, rel: str, target: Path) -> None:
        stat = target.stat()
        self.stamps[rel] = (stat.st_size, stat.st_mtime_ns)
        self.written += 1


_CLASH = (
    "not written by blogbuild, and the build makes a file or folder here; move it out of the "
    "output folder, or build with --force to replace it"
)


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

    def read(self, rel: str) -> bytes:
        return self.pages[rel] if rel in self.pages else self.files[rel].read_bytes()


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


def write_output(
    pages: Mapping[str, bytes],
    files: Mapping[str, Path],
    out: Path,
    *,
    force: bool = False,
    spare: Path | None = None,
) -> WriteReport:
    """Write a whole site held in memory into `out`, atomically."""
    staging = Staging(out, force=force, spare=spare)
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
