"""Short, stable hashes of text and files, for cache keys and fingerprints."""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Iterable, Mapping
from datetime import date, time, timedelta
from enum import Enum
from pathlib import Path


def digest(text: str) -> str:
    """A short, stable hash of text."""
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def files_digest(paths: Iterable[Path]) -> str:
    """A hash of files' names and bytes (templates, assets), in a stable order."""
    hasher = hashlib.blake2b(digest_size=16)
    for path in sorted(paths):
        hasher.update(str(path).encode())
        hasher.update(b"\0")
        hasher.update(path.read_bytes())
    return hasher.hexdigest()


_SEAL = b"bbseal1\n"
_SEAL_SIZE = 16


def seal(key: str, payload: bytes) -> bytes:
    """`payload` with a digest of itself and of the `key` it is kept under in front, so that
    a damaged, truncated or misplaced copy is known when read back (see `unseal`)."""
    check = hashlib.blake2b(payload, digest_size=_SEAL_SIZE, key=_seal_key(key)).digest()
    return _SEAL + check + payload


def unseal(key: str, data: bytes) -> bytes | None:
    """The payload that `seal(key, payload)` made `data` of; None when `data` is anything else."""
    start = len(_SEAL) + _SEAL_SIZE
    if len(data) < start or not data.startswith(_SEAL):
        return None
    payload = data[start:]
    check = hashlib.blake2b(payload, digest_size=_SEAL_SIZE, key=_seal_key(key)).digest()
    return payload if data[len(_SEAL) : start] == check else None


def _seal_key(key: str) -> bytes:
    # blake2b takes a key of at most 64 bytes
    return hashlib.blake2b(key.encode("utf-8", "surrogatepass"), digest_size=32).digest()


def value_digest(value: object) -> str:
    """A short, stable hash of a value that may hold what front matter can: containers
    nested deeper than the recursion limit, shared or cyclic ones (YAML anchors), ints
    too long for `repr`, sets (in an order that does not depend on string hashing)."""
    hasher = hashlib.blake2b(digest_size=16)
    seen: dict[int, int] = {}  # id of a container walked already -> its number
    pending: list[object] = [value]
    while pending:
        item = pending.pop()
        if isinstance(item, _Close):
            hasher.update(b")")
            continue
        scalar = _scalar_text(item)
        if scalar is not None:
            hasher.update(scalar.encode("utf-8", "surrogatepass"))
            hasher.update(b"\0")
            continue
        if id(item) in seen:  # walked once: a shared subtree costs nothing more
            hasher.update(f"ref{seen[id(item)]}\0".encode())
            continue
        seen[id(item)] = len(seen)
        children = _children(item)
        hasher.update(f"{type(item).__name__}(".encode())
        pending.append(_CLOSE)
        pending.extend(reversed(children))
    return hasher.hexdigest()


class _Close:
    """The end of a container in value_digest's walk."""


_CLOSE = _Close()


def _scalar_text(item: object) -> str | None:
    if isinstance(item, str):
        return f"s{len(item)}:{item}"
    if isinstance(item, bool) or item is None:
        return repr(item)
    if isinstance(item, int):
        return f"i{item:x}"  # hex: no digit limit, unlike str(int)
    if isinstance(item, (float, bytes, date, time, timedelta, Enum)):
        return f"{type(item).__name__}:{item!r}"
    return None


def _children(item: object) -> list[object]:
    if isinstance(item, Mapping):
        return [part for pair in item.items() for part in pair]
    if isinstance(item, (list, tuple)):
        return list(item)
    if isinstance(item, (set, frozenset)):
        return sorted(item, key=value_digest)
    if dataclasses.is_dataclass(item) and not isinstance(item, type):
        return [part for f in dataclasses.fields(item) for part in (f.name, getattr(item, f.name))]
    return [repr(item)]
