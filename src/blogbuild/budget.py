"""A time limit on one post's work, so that no single input can keep a build from ending."""

from __future__ import annotations

import signal
import threading
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

# What one post may cost, load to check. The slowest real post seen takes well under a
# second; a post that needs this long is pathological, and is named rather than waited for.
POST_SECONDS = 30.0


class OverBudget(BaseException):
    """Raised inside the work when its time is up. A BaseException, so that code which
    treats any Exception as a cache miss or a parse failure does not swallow it."""

    def __init__(self, seconds: float, stack: traceback.StackSummary) -> None:
        super().__init__(f"over the time limit of {seconds:g} s")
        self.seconds = seconds
        self.stack = stack

    def stage(self) -> str:
        """What the work was doing when stopped, from the step the post's work was in (the
        frame below the first `work_on_post`): its package names the stage."""
        names = [frame.name for frame in self.stack]
        if "work_on_post" in names:
            step = self.stack[names.index("work_on_post") + 1 :][:1]
            name = step[0].filename.replace("\\", "/") if step else ""
            for package, doing in _STAGES:
                if f"/blogbuild/{package}/" in name:
                    return doing
        return "summarising it"


_STAGES = (
    ("content", "reading it"),
    ("markup", "rendering it"),
    ("check", "checking it"),
)


def can_limit() -> bool:
    """Whether a limit can be enforced here: POSIX timers signal the main thread only."""
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise OverBudget in the body once it has used `seconds` of processor time.

    Processor time, not wall time: a post is not to blame for a machine busy with other
    work. Python code is stopped wherever it is; a native call is stopped when it returns, so
    native libraries must get inputs bounded before they are called (see markup/limits).
    Without a main thread or POSIX timers (serve's builder thread, Windows) there is no
    limit.
    """
    if not seconds or not can_limit():
        yield
        return

    def expired(signum: int, frame: FrameType | None) -> None:
        raise OverBudget(seconds, traceback.extract_stack(frame))

    previous = signal.signal(signal.SIGPROF, expired)
    signal.setitimer(signal.ITIMER_PROF, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)
