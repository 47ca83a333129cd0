"""Work handed to forked processes comes back in order, with its errors."""

from __future__ import annotations

import os

import pytest

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
