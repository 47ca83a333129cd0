"""Run one build and measure its wall time and peak memory."""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import threading
import time
from dataclasses import dataclass
from pathlib import Path

GNU_TIME = "/usr/bin/time"
PAGE = os.sysconf("SC_PAGE_SIZE")
SAMPLE_EVERY = 0.05  # seconds; reading a few /proc files this often costs well under 1% CPU


@dataclass(frozen=True, slots=True)
class Sample:
    """One timed build: wall and CPU seconds, exit code and peak memory in MiB (None if unknown)."""

    seconds: float
    returncode: int
    cpu_seconds: float  # user + system over the whole tree; less disturbed by a busy machine
    max_process_mib: float | None  # the largest single process (GNU time's %M)
    tree_mib: float | None  # PSS summed over the process tree, sampled from /proc


def has_gnu_time() -> bool:
    """True when GNU time (Debian package `time`) can report a child's peak RSS."""
    return os.access(GNU_TIME, os.X_OK)


class TreeSampler(threading.Thread):
    """Poll the memory of a process and all its descendants; keep the maximum.

    GNU time's %M is the peak of the single largest process, which undercounts a build
    that forks workers. Summing their RSS overcounts it instead: forked workers share most
    of their pages with the parent, and RSS counts a shared page in every process. So this
    sums PSS (each shared page split among the processes sharing it), which adds up to the
    memory the tree really holds. It is sampled, so it can miss a short spike.
    """

    def __init__(self, root_pid: int, include_root: bool) -> None:
        super().__init__(daemon=True)
        self.root = root_pid
        self.include_root = include_root  # False when the root is GNU time, not the build
        self.peak = 0
        self.parents: dict[int, int] = {}
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.wait(SAMPLE_EVERY):
            try:
                self.peak = max(self.peak, self._tree_memory())
            except OSError:
                continue

    def _tree_memory(self) -> int:
        pids = {int(name) for name in os.listdir("/proc") if name.isdigit()}
        for gone in self.parents.keys() - pids:
            del self.parents[gone]
        for pid in pids - self.parents.keys():
            # Only new processes are read: a pid's parent never changes while it lives.
            ppid = _parent(pid)
            if ppid is not None:
                self.parents[pid] = ppid
        children: dict[int, list[int]] = {}
        for pid, ppid in self.parents.items():
            children.setdefault(ppid, []).append(pid)
        total, stack = 0, [self.root]
        while stack:
            pid = stack.pop()
            stack.extend(children.get(pid, ()))
            if pid != self.root or self.include_root:
                total += _pss(pid)
        return total


def _parent(pid: int) -> int | None:
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            stat = f.read()
    except OSError:
        return None
    # The command name may contain spaces and parentheses; fields resume after the last ")".
    return int(stat[stat.rindex(b")") + 2 :].split()[1])


def _pss(pid: int) -> int:
    """A process's proportional set size in bytes (its RSS where the kernel has no PSS)."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", "rb") as f:
            for line in f:
                if line.startswith(b"Pss:"):
                    return int(line.split()[1]) * 1024
    except (OSError, IndexError, ValueError):
        pass
    return _rss(pid)


def _rss(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/statm", "rb") as f:
            return int(f.read().split()[1]) * PAGE
    except (OSError, IndexError, ValueError):
        return 0


def run_build(cmd: list[str], cwd: Path, env: dict[str, str], log: Path, timeout: float) -> Sample:
    """Run `cmd` once, output to `log`, and return what it cost."""
    log.parent.mkdir(parents=True, exist_ok=True)
    rss_file = log.with_suffix(".rss")
    timed = has_gnu_time()
    wrapped = [GNU_TIME, "-f", "%M", "-o", str(rss_file), *cmd] if timed else cmd
    with open(log, "wb") as out:
        # CPU time of reaped children is cumulative, so a difference isolates this build
        # (unlike ru_maxrss, which is a maximum over all children ever run).
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        proc = subprocess.Popen(wrapped, cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT)
        sampler = TreeSampler(proc.pid, include_root=not timed) if Path("/proc").is_dir() else None
        if sampler:
            sampler.start()
        # A blocking wait, with the time limit kept by a timer: Popen.wait(timeout=...)
        # polls in sleeps of up to 50 ms, which would round every time up by as much.
        killed = threading.Event()

        def kill() -> None:
            killed.set()
            proc.kill()

        timer = threading.Timer(timeout, kill)
        timer.start()
        try:
            code = proc.wait()
        finally:
            timer.cancel()
        seconds = time.perf_counter() - started
        if killed.is_set():
            out.write(f"\n[bench] killed after {timeout:.0f} s\n".encode())
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        if sampler:
            sampler.done.set()
            sampler.join()
    max_process = _read_time_rss(rss_file) if timed else None
    tree = sampler.peak / 2**20 if sampler and sampler.peak else None
    return Sample(seconds, code, cpu, max_process, tree)


def _read_time_rss(path: Path) -> float | None:
    # GNU time writes "Command exited with non-zero status N" before %M on failure.
    try:
        last = path.read_text(encoding="utf-8").split()[-1]
        return int(last) / 1024
    except (OSError, IndexError, ValueError):
        return None


def tree_size(path: Path) -> tuple[int, int]:
    """Number of files and their total bytes under `path`."""
    files = size = 0
    for root, _, names in os.walk(path):
        for name in names:
            files += 1
            size += os.lstat(os.path.join(root, name)).st_size
    return files, size


def fresh_dir(path: Path) -> Path:
    """Remove `path` if present and return it, so a build starts from nothing."""
    if path.exists():
        shutil.rmtree(path)
    return path
