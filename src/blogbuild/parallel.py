"""Running per-item work over all cores with forked workers, in input order.

A watchdog stands by the pool: a worker that dies (a segmentation fault in a native
library) would leave its items unanswered and the build waiting forever, and one stuck in
a native call never returns to the Python code where the per-item time limit (budget.py)
is raised. Either stops the build with an error naming the item, and the pool is ended.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, TypeVar

from blogbuild.budget import POST_SECONDS
from blogbuild.errors import BlogbuildError
from blogbuild.signals import become_worker

if TYPE_CHECKING:
    from multiprocessing.connection import Connection
    from multiprocessing.pool import Pool

T = TypeVar("T")
R = TypeVar("R")

# Below this many items a pool of all cores costs more than it saves.
MIN_ITEMS_FOR_POOL = 24
# For work under the per-post time limit: processor seconds on one item after which its
# worker is taken to be stuck where the limit cannot reach it. How often the watchdog looks.
STUCK_AFTER = POST_SECONDS + 30.0
_WATCH_EVERY = 1.0


def default_workers() -> int:
    """One worker per core this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


Describe = Callable[[Any], str]  # names an item in an error: the post's path


def run_all(
    func: Callable[[T], R],
    items: Sequence[T],
    workers: int,
    describe: Describe = repr,
    stuck_after: float | None = None,
) -> Iterator[R]:
    """Yield func(item) for each item, in order; forked workers see the parent's state as it
    was when this was called, so callers put read-only inputs in module globals first.
    A worker that dies, or that uses over `stuck_after` processor seconds on one item,
    raises BlogbuildError naming the item (by `describe`)."""
    if workers <= 1 or len(items) < MIN_ITEMS_FOR_POOL:
        yield from map(func, items)
        return
    with _WatchedPool(workers, func, items, describe, stuck_after) as pool:
        yield from pool.results()


@contextmanager
def started(
    func: Callable[[T], R],
    items: Sequence[T],
    workers: int,
    describe: Describe = repr,
    stuck_after: float | None = None,
) -> Iterator[Iterator[R]]:
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
    with _WatchedPool(workers, func, items, describe, stuck_after) as pool:
        yield pool.results()


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


class _Slots:
    """Per worker, in memory shared with the parent: its pid, the index of the item it is
    on (-1: none) and the processor time it had used when the item began."""

    def __init__(self, context: Any, workers: int) -> None:
        self.pids = context.RawArray("q", workers)
        self.current = context.RawArray("q", [-1] * workers)
        self.began = context.RawArray("d", workers)
        self.taken = context.Value("i", 0)

    def take(self) -> int | None:
        """A slot for the worker calling this, or None for one that replaces a dead one."""
        with self.taken.get_lock():
            slot: int = self.taken.value
            self.taken.value += 1
        if slot >= len(self.pids):
            return None
        self.pids[slot] = os.getpid()
        return slot


# The slots of the pool being forked and this worker's own, inherited by the workers (shared
# memory cannot be pickled with the tasks).
_SLOTS: _Slots | None = None
_MY_SLOT: int | None = None


class _WatchedPool:
    """A pool whose parent, while it waits for results, looks at what each worker is on."""

    def __init__(
        self,
        workers: int,
        func: Callable[[T], R],
        items: Sequence[T],
        describe: Describe,
        stuck_after: float | None,
    ) -> None:
        import multiprocessing  # here: a build that starts no worker does not need it

        global _SLOTS
        context = multiprocessing.get_context("fork")
        self._items, self._describe, self._stuck_after = items, describe, stuck_after
        self._slots = _SLOTS = _Slots(context, workers)
        self._pool: Pool = context.Pool(workers, initializer=_start_worker, initargs=(os.getpid(),))
        # Chunks made here, one task each: imap's own chunking gives an iterator that cannot
        # wait with a timeout, and the watchdog looks while it waits.
        size = _chunk(items, workers)
        chunks = [(start, items[start : start + size]) for start in range(0, len(items), size)]
        self._results = self._pool.imap(_Tracked(func), chunks)

    def __enter__(self) -> _WatchedPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self._pool.terminate()
        self._pool.join()

    def results(self) -> Iterator[Any]:
        import multiprocessing

        while True:
            try:
                yield from self._results.next(timeout=_WATCH_EVERY)
            except StopIteration:
                return
            except multiprocessing.TimeoutError:
                self._watch()

    def _watch(self) -> None:
        """Raise BlogbuildError for an item whose worker died or is stuck."""
        slots = self._slots
        for slot, pid in enumerate(slots.pids):
            index = slots.current[slot]
            if not pid or index < 0:
                continue
            used = _cpu_seconds(pid)
            if used is None:
                why = "the worker processing it died (a crash in native code)"
            elif self._stuck_after and used - slots.began[slot] > self._stuck_after:
                why = (
                    f"the worker processing it used over {self._stuck_after:g} s of "
                    "processor time inside native code, where the time limit cannot stop it"
                )
            else:
                continue
            name = self._describe(self._items[index])
            raise BlogbuildError(name, None, f"{why}; the build stopped")


class _Tracked:
    """func of each item of a chunk, with this worker's slot saying which item it is on."""

    def __init__(self, func: Callable[[Any], Any]) -> None:
        self.func = func

    def __call__(self, chunk: tuple[int, Sequence[Any]]) -> list[Any]:
        start, items = chunk
        slots, slot = _SLOTS, _MY_SLOT
        if slots is None or slot is None:
            return [self.func(item) for item in items]
        results = []
        try:
            for index, item in enumerate(items, start):
                slots.began[slot] = _own_cpu_seconds()
                slots.current[slot] = index
                results.append(self.func(item))
        finally:
            slots.current[slot] = -1
        return results


def _start_worker(parent: int) -> None:
    global _MY_SLOT
    become_worker(parent)
    _MY_SLOT = _SLOTS.take() if _SLOTS is not None else None


def _own_cpu_seconds() -> float:
    times = os.times()
    return times.user + times.system


def _cpu_seconds(pid: int) -> float | None:
    """Processor time process `pid` has used; None when it has died. Without /proc (not
    Linux) a live process reads as having used none: only deaths are seen there."""
    try:
        stat = open(f"/proc/{pid}/stat", "rb").read()  # noqa: SIM115 - read at once
    except FileNotFoundError:
        return None
    except OSError:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return None
        return 0.0
    fields = stat.rsplit(b")", 1)[1].split()
    if fields[0] == b"Z":  # exited, not yet reaped
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _chunk(items: Sequence[object], workers: int) -> int:
    return max(1, min(32, len(items) // (workers * 8)))
