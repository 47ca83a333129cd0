"""Work handed to forked processes comes back in order, with its errors."""

from __future__ import annotations

import faulthandler
import os
import re
import signal
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from blogbuild.errors import BlogbuildError
from blogbuild.parallel import MIN_ITEMS_FOR_POOL, in_background, run_all, started


def _pid_and_square(n: int) -> tuple[int, int]:
    return os.getpid(), n * n


def _fail(message: str) -> None:
    raise ValueError(message)


@pytest.mark.parametrize("workers", [1, 2])
def test_background_work_returns_its_result_and_runs_elsewhere_when_allowed(workers: int) -> None:
    with in_background(_pid_and_square, 7, workers) as result:
        pid, square = result()
        assert result() == (pid, square)  # asked again: the same answer, not a second run
    assert square == 49
    assert (pid != os.getpid()) == (workers > 1)


@pytest.mark.parametrize("workers", [1, 2])
def test_background_work_raises_its_error_in_the_caller(workers: int) -> None:
    with in_background(_fail, "no listing", workers) as result, pytest.raises(ValueError):
        result()


@pytest.mark.parametrize("count", [3, MIN_ITEMS_FOR_POOL + 5])
def test_started_and_run_all_keep_input_order(count: int) -> None:
    items = list(range(count))
    with started(_pid_and_square, items, 2) as outcomes:
        started_results = [square for _, square in outcomes]
    assert started_results == [n * n for n in items]
    assert [square for _, square in run_all(_pid_and_square, items, 2)] == started_results


def _crash_on_seven(n: int) -> int:
    if n == 7:
        faulthandler.disable()  # the crash is meant: no dump of this worker's stack
        os.kill(os.getpid(), signal.SIGSEGV)
    return n


def _stuck_on_seven(n: int) -> int:
    if n == 7:  # a regular expression backtracking in C: no Python signal handler runs
        re.match(r"(a+)+$", "a" * 60 + "b")
    return n


def _workers_of(parent: int) -> set[int]:
    found = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == parent and fields[0] != "Z":
            found.add(int(stat.parent.name))
    return found


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc (Linux)")
@pytest.mark.parametrize(
    ("func", "stuck_after", "why"),
    [
        (_crash_on_seven, None, "died"),
        pytest.param(_stuck_on_seven, 1.0, "inside native code", marks=pytest.mark.slow),
    ],
)
def test_a_lost_worker_stops_the_work_with_an_error_naming_its_item(
    func: Callable[[int], int], stuck_after: float | None, why: str
) -> None:
    items = list(range(MIN_ITEMS_FOR_POOL * 2))
    before = _workers_of(os.getpid())
    started_at = time.monotonic()
    with pytest.raises(BlogbuildError) as caught:
        list(run_all(func, items, 2, lambda n: f"item-{n}", stuck_after))
    assert caught.value.problem.path == "item-7"
    assert why in caught.value.problem.message
    assert time.monotonic() - started_at < 60  # without the watchdog: never
    assert _workers_of(os.getpid()) == before  # the pool is ended, nothing left running
