"""Fuzz blogbuild's per-post path (load, render, check, summary) with many hostile posts.

    python bench/fuzz.py --inputs 100000 [--seed 1] [--limit 5] [--jobs 2] [--save DIR]

Inputs are random posts and real posts mutated (tests/fuzzing/inputs.py; the real ones come
from ../shared/corpora and ../shared/seeds when present). They run in forked child processes
(--jobs of them side by side), one after another, each under a time limit; the parent
replaces a child that dies (a segmentation fault in a native library) or stops answering (a
native call that ignores the limit). The report counts clean errors, built posts, crashes
by signature and hangs by where they were stopped; with --save, the first input of every
crash and hang kind is written there (as <index>-<kind>.<suffix>) for minimising into a
regression test.
"""

from __future__ import annotations

import argparse
import contextlib
import multiprocessing
import signal
import sys
import threading
import time
from collections import Counter
from multiprocessing.connection import Connection
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "src"))

from tests.fuzzing.inputs import make_input  # noqa: E402
from tests.fuzzing.runner import FuzzSite, Outcome  # noqa: E402

from blogbuild.parallel import cpu_seconds  # noqa: E402

# A child that has used this many times the limit of processor time on one input without
# answering is stuck in native code, which the limit (a signal) cannot interrupt.
GRACE = 2.0
HAS_PROC = Path("/proc/self/stat").exists()  # where processor times of others are read


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inputs", type=int, default=1000, help="how many inputs to run")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--start", type=int, default=0, help="index of the first input")
    parser.add_argument("--limit", type=float, default=5.0, help="seconds one input may take")
    parser.add_argument("--save", type=Path, help="folder for the first input of each kind")
    parser.add_argument("--only", type=int, nargs="*", help="run just these input indexes")
    parser.add_argument("--jobs", type=int, default=1, help="child processes side by side")
    parser.add_argument("--quiet", action="store_true", help="no progress line")
    return parser.parse_args(argv)


def _child(seed: int, limit: float, pipe: Connection) -> None:
    """Run the inputs the parent names, one at a time, answering with each outcome."""
    # The parent handles Ctrl-C and SIGTERM (and ends its children when it stops).
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    site = FuzzSite()
    try:
        while True:
            index = pipe.recv()
            if index is None:
                return
            pipe.send(site.run(make_input(seed, index), limit))
    finally:
        site.close()


class Supervisor:
    """The child process and its pipe, restarted after a death or a stuck input."""

    # One fork at a time: a child forked while another thread forks could inherit its locks.
    _forking = threading.Lock()

    def __init__(self, seed: int, limit: float) -> None:
        self.seed, self.limit = seed, limit
        self._context = multiprocessing.get_context("fork")
        self._start()

    def _start(self) -> None:
        with self._forking:
            self.pipe, child_end = self._context.Pipe()
            self.process = self._context.Process(
                target=_child, args=(self.seed, self.limit, child_end), daemon=True
            )
            self.process.start()
            child_end.close()

    def run(self, index: int) -> Outcome:
        started = time.perf_counter()
        assert self.process.pid is not None
        cpu_before = cpu_seconds(self.process.pid) or 0.0
        self.pipe.send(index)
        # Waited for while the child keeps within its processor time (a busy machine
        # stretches it in wall time); the first input also pays for imports.
        while not self.pipe.poll(1.0):
            used = (cpu_seconds(self.process.pid) or 0.0) - cpu_before
            waited = time.perf_counter() - started
            if not self.process.is_alive() or used > self.limit * GRACE + 2:
                break
            if not HAS_PROC and waited > self.limit * GRACE * 4 + 10:  # no processor times
                break
        else:
            try:
                result: Outcome = self.pipe.recv()
                return result
            except EOFError:
                pass
        elapsed = time.perf_counter() - started
        alive = self.process.is_alive()
        self.process.kill()
        self.process.join()
        code = self.process.exitcode
        self._start()
        if alive:
            return Outcome("hang", elapsed, "hang in native code (the limit did not stop it)")
        name = signal.Signals(-code).name if code is not None and code < 0 else f"exit {code}"
        return Outcome("crash", elapsed, f"worker died: {name}")

    def close(self) -> None:
        with contextlib.suppress(OSError):
            self.pipe.send(None)
        self.process.join(5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    # A run started in the background (`&`) ignores Ctrl-C; SIGINT or SIGTERM end it with
    # its figures all the same.
    signal.signal(signal.SIGINT, _interrupt)
    signal.signal(signal.SIGTERM, _interrupt)
    indexes = iter(args.only or range(args.start, args.start + args.inputs))
    supervisors = [Supervisor(args.seed, args.limit) for _ in range(max(1, args.jobs))]
    kinds: Counter[str] = Counter()
    signatures: dict[str, Counter[str]] = {"crash": Counter(), "hang": Counter()}
    first: dict[str, int] = {}
    slowest = (0.0, -1)
    started = time.perf_counter()
    lock = threading.Lock()  # over `indexes` and the counts
    stop = threading.Event()

    def record(index: int, outcome: Outcome) -> None:
        nonlocal slowest
        kinds[outcome.kind] += 1
        slowest = max(slowest, (outcome.seconds, index))
        if outcome.kind in signatures:
            signatures[outcome.kind][outcome.signature] += 1
            if outcome.signature not in first or index < first[outcome.signature]:
                first[outcome.signature] = index
                _save(args, index, outcome)
        done = sum(kinds.values())
        if not args.quiet and (done % 100 == 0 or outcome.kind in signatures):
            print(f"\r{done} inputs: {_counts(kinds)}", end="", file=sys.stderr, flush=True)

    def work(supervisor: Supervisor) -> None:
        while not stop.is_set():
            with lock:
                index = next(indexes, None)
            if index is None:
                return
            outcome = supervisor.run(index)
            with lock:
                record(index, outcome)

    threads = [threading.Thread(target=work, args=(s,), daemon=True) for s in supervisors]
    for thread in threads:
        thread.start()
    try:
        for thread in threads:
            while thread.is_alive():
                thread.join(0.5)
    except KeyboardInterrupt:
        stop.set()
        print("\ninterrupted", file=sys.stderr)
        for thread in threads:
            thread.join()
    finally:
        for supervisor in supervisors:
            supervisor.close()
    total = sum(kinds.values())
    print(f"\n{total} inputs (seed {args.seed}, limit {args.limit:g} s, {len(supervisors)} jobs) "
          f"in {time.perf_counter() - started:.0f} s: {_counts(kinds)}")  # fmt: skip
    print(f"slowest: input {slowest[1]}, {slowest[0]:.2f} s")
    for kind, counter in signatures.items():
        for signature, count in counter.most_common():
            print(f"  {kind} x{count}: {signature} (first: input {first[signature]})")
    return 1 if kinds["crash"] or kinds["hang"] else 0


def _counts(kinds: Counter[str]) -> str:
    return ", ".join(f"{kinds[k]} {k}" for k in ("error", "built", "crash", "hang"))


def _save(args: argparse.Namespace, index: int, outcome: Outcome) -> None:
    if args.save is None:
        return
    item = make_input(args.seed, index)
    args.save.mkdir(parents=True, exist_ok=True)
    suffix = item.name.rsplit(".", 1)[-1]
    (args.save / f"{index}-{outcome.kind}.{suffix}").write_bytes(item.data)
    (args.save / f"{index}-{outcome.kind}.txt.why").write_text(
        f"{outcome.signature}\n{item.how}\n{outcome.detail}\n", encoding="utf-8"
    )


if __name__ == "__main__":
    sys.exit(main())
