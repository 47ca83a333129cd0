"""Cache files sealed with a digest of their content and key: anything else reads as a miss."""

from __future__ import annotations

import os
import shutil
import stat
from contextlib import suppress
from pathlib import Path

from blogbuild.hashing import seal, unseal


def read_sealed(path: Path, key: str) -> bytes | None:
    """What `write_sealed(path, key, ...)` stored; None, with the entry removed, when it does
    not validate, or is no regular file (a folder, a FIFO, a link that loops)."""
    data = read_regular(path)
    payload = unseal(key, data) if data is not None else None
    if payload is None:
        clear(path)
    return payload


def read_regular(path: Path) -> bytes | None:
    """The bytes of a regular file; None for anything else, without waiting on a FIFO."""
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError:
        return None
    try:
        with os.fdopen(descriptor, "rb") as stream:
            return stream.read() if stat.S_ISREG(os.fstat(stream.fileno()).st_mode) else None
    except OSError:
        return None


def write_sealed(path: Path, key: str, payload: bytes, within: Path) -> None:
    """Store `payload` under `key` (see `read_sealed`)."""
    write_file(path, seal(key, payload), within)


def write_file(path: Path, data: bytes, within: Path) -> None:
    """Write `data` to `path` atomically, clearing whatever stands in the way inside the
    cache folder `within`."""
    try:
        _write_atomically(path, data)
    except OSError:
        make_folder(path.parent, within)
        clear(path)  # a folder where the file goes
        _write_atomically(path, data)


def make_folder(folder: Path, within: Path) -> None:
    """`folder` and its parents, replacing what stands where a folder must be (a file, a
    link to nothing), but only inside `within`, the cache folder."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        return
    except OSError:
        pass
    for path in (folder, *folder.parents):
        if path != within and within not in path.parents:
            break
        if (path.exists() or path.is_symlink()) and not path.is_dir():
            clear(path)
    folder.mkdir(parents=True, exist_ok=True)


def clear(path: Path) -> None:
    """Remove a cache entry of any kind: a file, a link, a folder."""
    with suppress(OSError):
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)


def _write_atomically(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        temporary.write_bytes(data)
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
