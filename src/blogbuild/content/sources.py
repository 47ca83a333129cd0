"""Which files of a site a build may read: regular files, and links that stay inside the site."""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator
from pathlib import Path


def entries_under(folder: Path) -> Iterator[tuple[str, os.DirEntry[str]]]:
    """Every entry below `folder`, with its relative POSIX path; a folder comes before what
    it holds, and links to folders are not entered."""
    pending = [("", str(folder))]
    while pending:
        prefix, current = pending.pop()
        with os.scandir(current) as entries:
            for entry in entries:
                yield prefix + entry.name, entry
                if entry.is_dir(follow_symlinks=False):
                    pending.append((f"{prefix}{entry.name}/", entry.path))


def unreadable_reason(entry: os.DirEntry[str], root: Path) -> str | None:
    """Why the file `entry` under the site folder `root` (resolved) is not read, or None.

    A link is followed only to a regular file inside the site: a post or asset linked to
    `/etc/shadow` must not end up published. FIFOs, sockets and devices are not files to
    build from (reading a FIFO would wait forever).
    """
    if entry.is_symlink():
        reason = outside_reason(Path(entry.path), root)
        if reason:
            return reason
        target = Path(entry.path).resolve()
        if target.is_dir():
            return "a link to a folder: not followed"
        mode = target.stat().st_mode
    else:
        mode = entry.stat(follow_symlinks=False).st_mode
    if not stat.S_ISREG(mode):
        return f"not a regular file ({_kind(mode)}): skipped"
    return None


def outside_reason(path: Path, root: Path, where: str = "the site") -> str | None:
    """Why `path` (a file or folder below `root`, reached through any links) may not be
    read, or None: every file a build reads goes through here.

    `root` is resolved. A link, of the file or of a folder on its way, is followed only
    when it leads to something inside `root`: `_includes/env.txt -> /proc/self/environ`
    would publish the build's environment, its tokens with it.
    """
    try:
        target = path.resolve(strict=True)
    except FileNotFoundError:
        return f"a link to nothing ({_link_text(path)}): skipped"
    except RuntimeError:  # a loop of links, as Python before 3.13 says it
        return "a link that loops: skipped"
    except OSError as error:
        if error.errno == errno.ELOOP:
            return "a link that loops: skipped"
        return f"cannot be read ({error.strerror or error}): skipped"
    if not _within(target, root):
        what = "a folder" if target.is_dir() else "a file"
        return f"a link to {what} outside {where} ({target}): not followed"
    return None


def leads_inside(path: Path, root: Path) -> bool:
    """Whether `path`, existing or not (a deleted file), is inside `root` once every link on
    its way is followed: `outside_reason`'s rule for paths that may be gone."""
    try:
        return _within(path.resolve(), root.resolve())
    except (OSError, RuntimeError):  # a loop of links
        return False


def _within(target: Path, root: Path) -> bool:
    return target == root or root in target.parents


def confined_files(folder: Path, root: Path) -> list[Path]:
    """The regular files below `folder` that `outside_reason` lets a build read from `root`
    (resolved), in path order: what a digest of templates may hash."""
    found: list[Path] = []
    seen: set[Path] = set()
    pending = [folder]
    while pending:  # linked folders inside `root` are entered, each once (links may loop)
        current = pending.pop()
        if outside_reason(current, root) or current.resolve() in seen:
            continue
        seen.add(current.resolve())
        with os.scandir(current) as entries:
            for entry in entries:
                if entry.is_dir():
                    pending.append(Path(entry.path))
                elif entry.is_file() and outside_reason(Path(entry.path), root) is None:
                    found.append(Path(entry.path))
    return sorted(found)


def _link_text(path: Path) -> str:
    try:
        return os.readlink(path)
    except OSError:
        return str(path)


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a file"
