"""Running per-item work over all cores with forked workers, in input order.

A watchdog stands by the pool: a worker that dies (a segmentation fault in a native
library) would leave its items unanswered and the build waiting forever, and one stuck in
a native call never returns to the Python code where the per-item time limit (budget.py)
is raised. Either stops the build with an error naming the item, and the pool is ended.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from typing import TYPE_CHECKING, Any, TypeVar, cast

from blogbuild.budget import POST_SECONDS
from blogbuild.errors import BlogbuildError
from blogbuild.signals import become_worker

if TYPE_CHECKING:
    from multiprocessing.connection import Connection

T = TypeVar("T")
R = TypeVar("R")

# Below this many items a pool of all cores costs more than it saves.
MIN_ITEMS_FOR_POOL = 24
# For work under the per-post time limit: processor seconds on one item after which its
# worker is taken to be stuck where the limit cannot reach it. How often the watchdog looks.
STUCK_AFTER = POST_SECONDS + 30.0
_WATCH_EVERY = 1.0
_DIED = "the worker processing it died (a crash in native code)"


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


class _WatchedPool:
    """Forked workers, each with a pipe, handed chunks of the items one at a time.

    Not multiprocessing.Pool: it replaces a dead worker without answering its task, and
    its terminate() then waits forever on a queue lock the replacement holds. Here each
    worker notes, in memory shared with the parent, the item it is on and the processor
    time it had used when the item began; the parent looks at them while it waits.
    """

    def __init__(
        self,
        workers: int,
        func: Callable[[T], R],
        items: Sequence[T],
        describe: Describe,
        stuck_after: float | None,
    ) -> None:
        import multiprocessing  # here: a build that starts no worker does not need it

        context = multiprocessing.get_context("fork")
        self._items, self._describe, self._stuck_after = items, describe, stuck_after
        size = _chunk(items, workers)
        self._chunks = [(at, items[at : at + size]) for at in range(0, len(items), size)]
        workers = min(workers, len(self._chunks))
        self._current = context.RawArray("q", [-1] * workers)  # item index, -1: none
        self._began = context.RawArray("d", workers)  # its processor time at the start
        self._pipes: list[Connection] = []
        self._processes = []
        for slot in range(workers):
            ours, theirs = context.Pipe()
            process = context.Process(
                target=_work,
                args=(func, theirs, os.getpid(), slot, self._current, self._began),
                daemon=True,
            )
            process.start()
            theirs.close()
            self._pipes.append(ours)
            self._processes.append(process)
        # Each worker gets its first chunk now, so that it works while the caller does too.
        # One chunk at a time: a second sent to a busy worker could fill the pipe while the
        # worker fills the other way with its answer, each waiting for the other.
        self._waiting = iter(enumerate(self._chunks))
        self._given = {pipe: self._give(pipe) for pipe in self._pipes}

    def __enter__(self) -> _WatchedPool:
        return self

    def __exit__(self, *exc: object) -> None:
        for pipe in self._pipes:
            with suppress(OSError):
                pipe.send(None)  # stop when done; a worker in the middle is killed below
            pipe.close()
        for process in self._processes:
            process.join(0.5 if exc[0] is None else 0)
            if process.is_alive():
                process.kill()
                process.join()

    def results(self) -> Iterator[Any]:
        """The results in the items' order, as the chunks come back."""
        from multiprocessing.connection import wait

        given = self._given  # pipe -> number of the chunk its worker is on (-1: none)
        done: dict[int, list[Any]] = {}
        for number in range(len(self._chunks)):
            while number not in done:
                ready = wait([pipe for pipe, chunk in given.items() if chunk >= 0], _WATCH_EVERY)
                if not ready:
                    self._watch()
                for pipe in cast("list[Connection]", ready):
                    try:
                        ok, value = pipe.recv()
                    except EOFError:  # its worker died
                        self._lost(self._pipes.index(pipe), _DIED)
                        raise
                    if not ok:
                        raise value
                    done[given[pipe]] = value
                    given[pipe] = self._give(pipe)
            yield from done.pop(number)

    def _give(self, pipe: Connection) -> int:
        """Send `pipe`'s worker the next chunk; its number, or -1 when none is left."""
        number, chunk = next(self._waiting, (-1, None))
        if chunk is not None:
            try:
                pipe.send(chunk)
            except OSError:  # its worker died between two chunks
                self._lost(self._pipes.index(pipe), _DIED)
        return number

    def _watch(self) -> None:
        """Raise BlogbuildError for an item whose worker died or is stuck."""
        for slot, process in enumerate(self._processes):
            index = self._current[slot]
            if index < 0:
                continue
            assert process.pid is not None
            used = cpu_seconds(process.pid) if process.is_alive() else None
            if used is None:
                self._lost(slot, _DIED)
            elif self._stuck_after and used - self._began[slot] > self._stuck_after:
                self._lost(
                    slot,
                    f"the worker processing it used over {self._stuck_after:g} s of "
                    "processor time inside native code, where the time limit cannot stop it",
                )

    def _lost(self, slot: int, why: str) -> None:
        """Raise BlogbuildError naming the item the worker in `slot` was on."""
        index = self._current[slot]
        name = self._describe(self._items[index]) if index >= 0 else "a worker process"
        raise BlogbuildError(name, None, f"{why}; the build stopped")


def _work(
    func: Callable[[Any], Any], pipe: Connection, parent: int, slot: int, current: Any, began: Any
) -> None:
    """A worker: run func over each chunk the parent sends, answering with the results."""
    become_worker(parent)
    while (chunk := pipe.recv()) is not None:
        start, items = chunk
        try:
            results = []
            for index, item in enumerate(items, start):
                began[slot] = time.process_time()
                current[slot] = index
                results.append(func(item))
            answer: tuple[bool, object] = (True, results)
        except BaseException as error:  # handed to the parent, which raises it
            answer = (False, error)
        current[slot] = -1
        pipe.send(answer)


def cpu_seconds(pid: int) -> float | None:
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
