"""Putting a new output tree in the old one's place in one step; clearing what killed builds
left beside it."""

from __future__ import annotations

import errno
import os
import shutil
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import suppress
from pathlib import Path

from blogbuild.signals import libc

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2  # Linux renameat2 flag
_RENAME_SWAP = 2  # macOS renamex_np flag
_RENAMEAT2_SYSCALL = {"x86_64": 316, "amd64": 316, "aarch64": 276, "arm64": 276}
# What a file system or kernel without the exchange answers: the fallback is used then.
_UNSUPPORTED = {errno.EINVAL, errno.ENOSYS, errno.ENOTSUP, errno.EOPNOTSUPP}
_REMOVERS = 16  # threads making or removing folders: each waits on the disk, not on a core
# A sibling whose build is alive is left alone, unless it is this old (its pid was reused).
_ABANDONED_SECONDS = 24 * 3600


def sibling(out: Path, kind: str) -> Path:
    """The folder beside `out` that this process builds the next tree in (`kind` "new"),
    or moves the old tree to when no exchange is possible ("old")."""
    return out.with_name(f".{out.name}.{os.getpid()}.{kind}")


def put_in_place(new: Path, out: Path) -> Path | None:
    """Make the complete tree `new` the output folder `out`, so that `out` is at every instant
    either its old complete self or the new tree; where the old tree is now (None after a
    first build), for the caller to keep or remove."""
    if not out.exists():
        os.rename(new, out)  # a first build: one rename
        return None
    if exchange(new, out):
        return new  # `new` holds the old tree now
    # No atomic exchange here: for a moment between these renames `out` is missing; a build
    # killed in that moment leaves the old tree beside it, and the next build puts it back.
    old = sibling(out, "old")
    os.rename(out, old)
    os.rename(new, out)
    return old


def exchange(a: Path, b: Path) -> bool:
    """Swap two paths atomically; False where the system cannot (then nothing changed)."""
    import ctypes  # here: a build with nothing to do never needs it

    try:
        if sys.platform.startswith("linux"):
            result = _renameat2(os.fsencode(a), os.fsencode(b))
        elif sys.platform == "darwin":
            function = libc().renamex_np
            function.argtypes = [ctypes.c_char_p, ctypes.c_char_p, ctypes.c_uint]
            result = function(os.fsencode(a), os.fsencode(b), _RENAME_SWAP)
        else:
            return False
    except (AttributeError, OSError):  # no such function in this C library
        return False
    if result == 0:
        return True
    code = ctypes.get_errno()
    if code in _UNSUPPORTED:
        return False
    raise OSError(code, os.strerror(code), str(a), None, str(b))


def clear_leftovers(out: Path) -> bool:
    """Remove the trees that killed builds left beside `out`, and give `out` back its old
    tree when a build was killed between the two renames of the fallback (True then)."""
    parent, prefix = out.parent, f".{out.name}."
    try:
        names = [name for name in os.listdir(parent) if name.startswith(prefix)]
    except OSError:
        return False
    restored = False
    for name in sorted(names):
        pid, _, kind = name[len(prefix) :].partition(".")
        path = parent / name
        if kind not in ("new", "old") or not pid.isdigit() or _still_building(int(pid), path):
            continue
        if kind == "old" and not out.exists():
            os.rename(path, out)
            restored = True
        else:
            remove_tree(path)
    return restored


def remove_tree(root: Path) -> None:
    """Remove a folder tree, as shutil.rmtree(ignore_errors=True) does, but with the folders
    removed many at a time: on some file systems removing a folder whose entries were just
    unlinked waits for the journal (3 ms each), and a site has a folder per page."""
    folders: list[list[str]] = []
    pending = [(0, str(root))]
    while pending:
        depth, folder = pending.pop()
        if len(folders) <= depth:
            folders.append([])
        folders[depth].append(folder)
        try:
            with os.scandir(folder) as entries:
                for entry in entries:
                    if entry.is_dir(follow_symlinks=False):
                        pending.append((depth + 1, entry.path))
                    else:
                        with suppress(OSError):
                            os.unlink(entry.path)
        except OSError:
            continue
    with ThreadPoolExecutor(_REMOVERS) as pool:
        for level in reversed(folders):
            list(pool.map(_rmdir, level))
    if root.exists():
        shutil.rmtree(root, ignore_errors=True)  # what appeared meanwhile


def make_folders(root: Path, rels: set[str]) -> None:
    """Create the folders `rels` (relative POSIX paths, with all their parents) under `root`,
    many at a time, parents first."""
    levels: dict[int, list[str]] = {}
    for rel in rels:
        levels.setdefault(rel.count("/"), []).append(os.path.join(root, rel))
    with ThreadPoolExecutor(_REMOVERS) as pool:
        for depth in sorted(levels):
            list(pool.map(_mkdir, levels[depth]))


def remove_empty_folders(root: Path, rels: set[str]) -> None:
    """Remove those of the folders `rels` under `root` that are empty, deepest first."""
    levels: dict[int, list[str]] = {}
    for rel in rels:
        levels.setdefault(rel.count("/"), []).append(os.path.join(root, rel))
    with ThreadPoolExecutor(_REMOVERS) as pool:
        for depth in sorted(levels, reverse=True):
            list(pool.map(_rmdir, levels[depth]))


def _mkdir(folder: str) -> None:
    with suppress(FileExistsError):
        os.mkdir(folder)


def _rmdir(folder: str) -> None:
    with suppress(OSError):  # not empty: kept
        os.rmdir(folder)


def _still_building(pid: int, path: Path) -> bool:
    if pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass
    try:
        return time.time() - path.lstat().st_mtime < _ABANDONED_SECONDS
    except OSError:
        return False


def _renameat2(a: bytes, b: bytes) -> int:
    import ctypes
    import platform

    c = libc()
    function = getattr(c, "renameat2", None)
    if function is not None:
        function.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p]
        function.argtypes += [ctypes.c_uint]
        return int(function(_AT_FDCWD, a, _AT_FDCWD, b, _RENAME_EXCHANGE))
    number = _RENAMEAT2_SYSCALL.get(platform.machine().lower())
    if number is None:
        raise OSError(errno.ENOSYS, "renameat2")
    syscall = c.syscall
    syscall.restype = ctypes.c_long
    return int(
        syscall(
            ctypes.c_long(number), ctypes.c_int(_AT_FDCWD), ctypes.c_char_p(a),
            ctypes.c_int(_AT_FDCWD), ctypes.c_char_p(b), ctypes.c_uint(_RENAME_EXCHANGE),
        )
    )  # fmt: skip


def move_into(new: Path, out: Path) -> None:
    """Move every file of the tree `new` into the folder `out`, which stays itself (inode,
    mode, owner, the files it already holds): for a folder of someone else's, built into with
    --force, whose replacement as a whole would re-create all it holds. Not atomic."""
    for folder, _folders, files in os.walk(new):
        rel = os.path.relpath(folder, new)
        target = out if rel == "." else out / rel
        if target.is_symlink() or (target.exists() and not target.is_dir()):
            target.unlink()  # a clash --force was asked to replace
        target.mkdir(exist_ok=True)
        for name in files:
            source, place = os.path.join(folder, name), target / name
            if place.is_dir() and not place.is_symlink():
                remove_tree(place)
            with suppress(FileNotFoundError):
                if os.path.samestat(os.lstat(source), os.lstat(place)):
                    continue  # a file of `out` linked into the tree
            os.replace(source, place)
    remove_tree(new)
