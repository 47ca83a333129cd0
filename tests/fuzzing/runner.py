"""One fuzzed post through the real load, render, check and summary path, in this process.

Each input is written as the only post of a temporary site and handed to the worker
function of the build (`postwork.work_on_post`), under a time limit. The outcome is one of:
`error` (the project's own problems, each naming the post), `built`, `crash` (any other
exception, or a problem that does not name the post) or `hang` (over the limit of processor time).
"""

from __future__ import annotations

import re
import tempfile
import time
import traceback
from dataclasses import dataclass
from pathlib import Path

from blogbuild.budget import OverBudget, time_limit
from blogbuild.content.config import load_config
from blogbuild.errors import Severity
from blogbuild.markup.sitedata import PostUrls
from blogbuild.pipeline.cache.store import BuildCache
from blogbuild.pipeline.posts import work as postwork

from .inputs import FuzzInput

POSTS = Path("content") / "posts"


@dataclass(frozen=True, slots=True)
class Outcome:
    """What became of one input; `signature` groups crashes and hangs by their kind."""

    kind: str  # "error", "built", "crash" or "hang"
    seconds: float
    signature: str = ""
    detail: str = ""


class FuzzSite:
    """A temporary one-post site, reused for every input."""

    def __init__(self) -> None:
        self._folder = tempfile.TemporaryDirectory(prefix="blogbuild-fuzz-")
        self.root = Path(self._folder.name)
        (self.root / POSTS).mkdir(parents=True)
        self.config = load_config(self.root)
        self.cache = BuildCache(self.root / ".cache", persistent=False)
        postwork.prepare_workers(self.config, self.cache, PostUrls(), seconds=None)

    def run(self, item: FuzzInput, seconds: float) -> Outcome:
        """Process `item` as the site's only post, stopping it after `seconds`."""
        for old in (self.root / POSTS).iterdir():
            old.unlink()
        path = self.root / POSTS / item.name
        path.write_bytes(item.data)
        rel = (POSTS / item.name).as_posix()
        task = postwork.PostTask(str(path), f"fuzz{item.index}")
        started = time.process_time()
        try:
            with time_limit(seconds):
                outcome = postwork.work_on_post(task)
        except OverBudget as over:
            return Outcome("hang", time.process_time() - started, _where(over.stack), over.stage())
        except RecursionError as error:  # its traceback is a thousand frames of one function
            stack = traceback.extract_tb(error.__traceback__)
            return Outcome("crash", time.process_time() - started, _crash(error, stack), "")
        except Exception as error:
            stack = traceback.extract_tb(error.__traceback__)
            detail = "".join(traceback.format_exception(error)[-6:])
            return Outcome("crash", time.process_time() - started, _crash(error, stack), detail)
        elapsed = time.process_time() - started
        stray = [p for p in outcome.problems if p.path != rel]
        if stray:
            return Outcome("crash", elapsed, f"problem naming {stray[0].path!r}", str(stray[0]))
        errors = [p for p in outcome.problems if p.severity is Severity.ERROR]
        if errors:
            return Outcome("error", elapsed, detail=str(errors[0]))
        return Outcome("built", elapsed)

    def close(self) -> None:
        self._folder.cleanup()


def _frames(stack: traceback.StackSummary) -> tuple[str, str]:
    """The innermost frame of blogbuild's own code and the innermost frame of all."""
    ours = [f for f in stack if "/blogbuild/" in f.filename and "/tests/" not in f.filename]
    inner = stack[-1] if stack else None
    mine = ours[-1] if ours else None
    return (
        f"{_module(mine.filename)}.{mine.name}" if mine else "?",
        f"{_module(inner.filename)}.{inner.name}" if inner else "?",
    )


def _module(filename: str) -> str:
    path = filename.replace("\\", "/").removesuffix(".py")
    for marker in ("/site-packages/", "/src/"):
        if marker in path:
            return path.split(marker, 1)[1].replace("/", ".")
    return re.sub(r"^.*/python3\.\d+/", "", path).replace("/", ".")


def _crash(error: BaseException, stack: traceback.StackSummary) -> str:
    mine, inner = _frames(stack)
    return f"{type(error).__name__} in {mine}" + (f" (at {inner})" if inner != mine else "")


def _where(stack: traceback.StackSummary) -> str:
    mine, inner = _frames(stack)
    return f"hang in {mine}" + (f" (at {inner})" if inner != mine else "")
