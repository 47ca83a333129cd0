"""The only code that touches the output folder: a staged copy of the site, swapped in at once."""

from __future__ import annotations

import os
import shutil
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from blogbuild.errors import BlogbuildError

STAGING_SUFFIX = ".staging"


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
    """A new copy of the site beside `out`; `commit` swaps it in, `abort` removes it.

    Nothing is staged until some output differs from the previous build: a rebuild in which
    every file came out the same touches nothing at all.
    """

    def __init__(self, out: Path) -> None:
        self.out = out
        self.folder = out.with_name(out.name + STAGING_SUFFIX)
        if self.folder.exists():
            shutil.rmtree(self.folder)  # left over from an interrupted build
        self.written = 0
        self.unchanged = 0
        self._kept: list[str] = []  # unchanged outputs, linked only once staging starts
        self._staging = False
        self._made: set[Path] = set()

    def reuse(self, rel: str) -> bool:
        """Carry the previous build's file over unchanged; False when there is none."""
        if not (self.out / rel).is_file():
            return False
        self._keep(rel)
        return True

    def put(self, rel: str, data: bytes) -> None:
        """Write `data`, or keep the previous file when its bytes are the same."""
        if _same_bytes(self.out / rel, data):
            self._keep(rel)
            return
        self._start()
        self._target(rel).write_bytes(data)
        self.written += 1

    def copy(self, rel: str, source: Path) -> None:
        """Copy a static file, or keep the previous copy when it is the same."""
        if _same_file(self.out / rel, source):
            self._keep(rel)
            return
        self._start()
        shutil.copyfile(source, self._target(rel))
        self.written += 1

    def commit(self) -> WriteReport:
        """Swap the staged site in for the old one (if anything differs from it)."""
        if not self._staging and self._same_files_as_before():
            return WriteReport(0, self.unchanged)
        self._start()
        retired = self.out.with_name(self.out.name + ".old")
        if retired.exists():
            shutil.rmtree(retired)
        if self.out.exists():
            self.out.rename(retired)
        self.folder.rename(self.out)
        if retired.exists():
            shutil.rmtree(retired)
        return WriteReport(self.written, self.unchanged)

    def abort(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)

    def _keep(self, rel: str) -> None:
        self.unchanged += 1
        if self._staging:
            _keep(self.out / rel, self._target(rel))
        else:
            self._kept.append(rel)

    def _start(self) -> None:
        if self._staging:
            return
        self._staging = True
        self.folder.mkdir(parents=True)
        self._made.add(self.folder)
        for rel in self._kept:
            _keep(self.out / rel, self._target(rel))
        self._kept.clear()

    def _same_files_as_before(self) -> bool:
        """True when the old output holds exactly the files this build kept."""
        if not self.out.is_dir():
            return False
        existing = {
            p.relative_to(self.out).as_posix() for p in self.out.rglob("*") if not p.is_dir()
        }
        return existing == set(self._kept)

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


def _keep(previous: Path, target: Path) -> None:
    """Carry an unchanged file over with its mtime, so deploy syncs and caches stay warm."""
    try:
        os.link(previous, target)
    except OSError:
        shutil.copy2(previous, target)


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
