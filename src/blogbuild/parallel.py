"""Running per-item work over all cores with forked workers, in input order."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterator, Sequence
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

# Below this many items a pool costs more than it saves.
MIN_ITEMS_FOR_POOL = 24


def default_workers() -> int:
    """One worker per core this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def run_all(func: Callable[[T], R], items: Sequence[T], workers: int) -> Iterator[R]:
    """Yield func(item) for each item, in order; forked workers see the parent's state as it
    was when this was called, so callers put read-only inputs in module globals first."""
    if workers <= 1 or len(items) < MIN_ITEMS_FOR_POOL:
        yield from map(func, items)
        return
    context = multiprocessing.get_context("fork")
    chunk = max(1, min(32, len(items) // (workers * 8)))
    with context.Pool(workers) as pool:
        yield from pool.imap(func, items, chunksize=chunk)
