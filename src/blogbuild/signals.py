"""Signals: workers that die with their parent, and the last step of a build that may not stop."""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import ctypes

_PR_SET_PDEATHSIG = 1
_STOPPING = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)
FINISHED = "finished"  # in a KeyboardInterrupt's args: it came once the output was in place


def become_worker(parent: int) -> None:
    """In a freshly forked worker: die with the parent `parent`, and leave Ctrl-C to it.

    A worker that outlived a killed build would keep its terminal's pipe open (so that
    `blogbuild build | cat` never returned) and wait forever on its task queue. The parent
    stops its workers itself when it is interrupted, so they ignore SIGINT (no tracebacks
    from each of them) and take the default action for SIGTERM and SIGHUP again.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for number in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(number, signal.SIG_DFL)
    if not _die_with_parent():
        threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
    if os.getppid() != parent:  # the parent died before the line above took effect
        os._exit(1)


@contextmanager
def held() -> Iterator[None]:
    """Ctrl-C, SIGTERM and SIGHUP wait until the block is done: it puts the output in place
    and records it, and stopping in its middle would leave the cache behind the output.
    One that came meanwhile is raised after, as a KeyboardInterrupt marked FINISHED."""
    if (
        not hasattr(signal, "pthread_sigmask")
        or threading.current_thread() is not threading.main_thread()
    ):
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, _STOPPING)
    try:
        yield
    finally:
        pending = signal.sigpending() & set(_STOPPING)
        for number in pending:
            signal.sigwait({number})
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)
    if pending:
        raise KeyboardInterrupt(int(min(pending)), FINISHED)


def _die_with_parent() -> bool:
    """Ask Linux to kill this process when its parent dies; False where that is not known."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        return int(libc().prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)) == 0
    except (AttributeError, OSError):
        return False


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)


@cache
def libc() -> ctypes.CDLL:
    """The C library this process runs on, with errno kept for ctypes.get_errno."""
    import ctypes  # here: a build with nothing to do never needs it

    return ctypes.CDLL(None, use_errno=True)
