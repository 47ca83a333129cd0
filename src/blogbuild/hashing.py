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
