"""Short, stable hashes of text and files, for cache keys and fingerprints."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
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
