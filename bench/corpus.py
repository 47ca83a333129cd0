"""Write the benchmark corpus as a site for blogbuild and for each peer generator.

Usage: python bench/corpus.py --posts 1000 [--seed 1] [--tools blogbuild,hugo] --out DIR
"""

from __future__ import annotations

import argparse
import hashlib
import multiprocessing
import os
import shutil
import sys
import time
from pathlib import Path

from formats import WRITERS
from posts import Corpus

BENCH = Path(__file__).resolve().parent
SKELETONS = BENCH / "sites"  # each tool's config and theme, copied as they are
STAMP = ".bench-corpus"
DEFAULT_SEED = 1


def fingerprint(tool: str) -> str:
    """A hash of everything that shapes a tool's tree, so a stale cached tree is rebuilt."""
    digest = hashlib.sha256()
    for path in sorted(BENCH.glob("*.py")):
        if path.name in ("corpus.py", "posts.py", "prose.py", "formats.py"):
            digest.update(path.read_bytes())
    for path in sorted((SKELETONS / tool).rglob("*")):
        if path.is_file():
            digest.update(str(path.relative_to(SKELETONS)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def write_trees(corpus: Corpus, root: Path, tools: list[str]) -> None:
    """Write `root/<tool>/` for every tool, each from its skeleton plus the posts."""
    for tool in tools:
        site = root / tool
        if site.exists():
            shutil.rmtree(site)
        shutil.copytree(SKELETONS / tool, site)
        for rel in {WRITERS[tool](post)[0].rsplit("/", 1)[0] for post in corpus.posts[:1]}:
            (site / rel).mkdir(parents=True, exist_ok=True)
    # Every post's text depends only on (seed, index), so workers can split the posts
    # and the tree is the same whatever order they run in. Forked workers share `corpus`.
    global _JOB
    _JOB = (corpus, root, tools)
    workers = min(os.cpu_count() or 1, 4)
    count = len(corpus.posts)
    chunks = [range(start, count, workers) for start in range(workers)]
    if workers > 1 and count >= 200:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            pool.map(_write_posts, chunks)
    else:
        _write_posts(range(count))
    for tool in tools:
        (root / tool / STAMP).write_text(fingerprint(tool) + "\n", encoding="utf-8")


_JOB: tuple[Corpus, Path, list[str]] | None = None


def _write_posts(indexes: range) -> None:
    assert _JOB is not None
    corpus, root, tools = _JOB
    writers = [(root / tool, WRITERS[tool]) for tool in tools]
    for i in indexes:
        post = corpus.posts[i]
        body = corpus.body(post)
        for site, writer in writers:
            rel, head = writer(post)
            # newline="" keeps LF line ends on every platform, so trees are byte-identical.
            with open(site / rel, "w", encoding="utf-8", newline="") as f:
                f.write(head + body)


def ensure(posts: int, seed: int, tools: list[str], root: Path) -> dict[str, Path]:
    """Return each tool's site under `root`, writing only the trees that are missing or stale."""
    stale = []
    for tool in tools:
        stamp = root / tool / STAMP
        if not stamp.exists() or stamp.read_text(encoding="utf-8").strip() != fingerprint(tool):
            stale.append(tool)
    if stale:
        started = time.perf_counter()
        write_trees(Corpus(posts, seed), root, stale)
        took = time.perf_counter() - started
        print(
            f"corpus: wrote {posts} posts for {', '.join(stale)} in {took:.1f} s", file=sys.stderr
        )
    return {tool: root / tool for tool in tools}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, required=True)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--tools", default=",".join(WRITERS), help="comma-separated")
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    tools = [t for t in args.tools.split(",") if t]
    unknown = [t for t in tools if t not in WRITERS]
    if unknown:
        parser.error(f"unknown tools: {', '.join(unknown)} (known: {', '.join(WRITERS)})")
    started = time.perf_counter()
    write_trees(Corpus(args.posts, args.seed), args.out, tools)
    took = time.perf_counter() - started
    print(f"wrote {args.posts} posts for {', '.join(tools)} to {args.out} in {took:.1f} s")


if __name__ == "__main__":
    main()
