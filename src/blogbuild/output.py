"""The only stage that touches the output folder: an atomic swap of a fully staged site."""

from __future__ import annotations

import os
import shutil
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from blogbuild.errors import BlogbuildError

STAGING_SUFFIX = ".staging"


@dataclass(frozen=True, slots=True)
class WriteReport:
    """How many files the build wrote, and how many kept their old bytes (and mtimes)."""

    written: int
    unchanged: int


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


def write_output(pages: Mapping[str, bytes], files: Mapping[str, Path], out: Path) -> WriteReport:
    """Stage every output beside `out`, then swap it in; unchanged files keep their mtime."""
    staging = out.with_name(out.name + STAGING_SUFFIX)
    if staging.exists():
        shutil.rmtree(staging)  # left over from an interrupted build
    written = unchanged = 0
    try:
        for rel in sorted({*pages, *files}):
            target = staging / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            previous = out / rel
            if rel in pages:
                data = pages[rel]
                if _same_bytes(previous, data):
                    _keep(previous, target)
                    unchanged += 1
                else:
                    target.write_bytes(data)
                    written += 1
            else:
                source = files[rel]
                if _same_file(previous, source):
                    _keep(previous, target)
                    unchanged += 1
                else:
                    shutil.copyfile(source, target)
                    written += 1
        _swap(staging, out)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return WriteReport(written, unchanged)


def _keep(previous: Path, target: Path) -> None:
    """Carry an unchanged file over with its mtime, so deploy syncs and caches stay warm."""
    try:
        os.link(previous, target)
    except OSError:
        shutil.copy2(previous, target)


def _swap(staging: Path, out: Path) -> None:
    retired = out.with_name(out.name + ".old")
    if retired.exists():
        shutil.rmtree(retired)
    if out.exists():
        out.rename(retired)
    staging.rename(out)
    if retired.exists():
        shutil.rmtree(retired)


def _same_bytes(path: Path, data: bytes) -> bool:
    try:
        if path.stat().st_size != len(data):
            return False
        return path.read_bytes() == data
    except OSError:
        return False


def _same_file(path: Path, source: Path) -> bool:
    try:
        old, new = path.stat(), source.stat()
        if old.st_size != new.st_size:
            return False
        return path.read_bytes() == source.read_bytes()
    except OSError:
        return False
