"""Running per-item work over all cores with forked workers, in input order."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, TypeVar

from blogbuild.signals import become_worker

if TYPE_CHECKING:
    from multiprocessing.connection import Connection
    from multiprocessing.pool import Pool

T = TypeVar("T")
R = TypeVar("R")

# Below this many items a pool of all cores costs more than it saves.
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
    with _pool(workers) as pool:
        yield from pool.imap(func, items, chunksize=_chunk(items, workers))


@contextmanager
def started(func: Callable[[T], R], items: Sequence[T], workers: int) -> Iterator[Iterator[R]]:
    """Like `run_all`, but the workers begin before the `with` body runs, so the caller can
    do work of its own meanwhile; iterating gives the results in order.

    Fewer items than MIN_ITEMS_FOR_POOL go to a single worker: the caller's own work is
    what runs beside it. With one worker allowed they run here, as they are iterated.
    """
    if workers <= 1 or not items:
        yield map(func, items)
        return
    if len(items) < MIN_ITEMS_FOR_POOL:
        workers = 1
    with _pool(workers) as pool:
        yield pool.imap(func, items, chunksize=_chunk(items, workers))


@contextmanager
def in_background(func: Callable[[T], R], argument: T, workers: int) -> Iterator[Callable[[], R]]:
    """func(argument) in a forked process, begun now; calling what this gives waits for the
    result (and raises what func raised). With one worker allowed it runs here, when called.

    The process runs at low priority: it is meant for cores the build leaves idle, and must
    not slow the work it runs beside. It is a bare process with a pipe, not a pool, so the
    parent has no helper threads alive when it forks its workers.
    """
    if workers <= 1:
        yield lambda: func(argument)
        return
    import multiprocessing

    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(
        target=_send_result, args=(func, argument, sender, os.getpid()), daemon=True
    )
    process.start()
    sender.close()
    received: list[R] = []

    def result() -> R:
        if not received:
            done, value = receiver.recv()
            if not done:
                raise value
            received.append(value)
        return received[0]

    try:
        yield result
    finally:
        receiver.close()
        if process.is_alive():
            process.kill()
        process.join()


def _send_result(func: Callable[[T], R], argument: T, sender: Connection, parent: int) -> None:
    become_worker(parent)
    os.nice(10)
    try:
        outcome: tuple[bool, object] = (True, func(argument))
    except BaseException as error:  # handed to the parent, which raises it
        outcome = (False, error)
    sender.send(outcome)


def _pool(workers: int) -> Pool:
    import multiprocessing  # here: a build that starts no worker does not need it

    context = multiprocessing.get_context("fork")
    return context.Pool(workers, initializer=become_worker, initargs=(os.getpid(),))


def _chunk(items: Sequence[object], workers: int) -> int:
    return max(1, min(32, len(items) // (workers * 8)))
