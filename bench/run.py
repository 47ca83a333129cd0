"""Time blogbuild against Hugo, Pelican and Eleventy on the same generated blog.

Usage: python bench/run.py --posts 1000 [--repeat 3] [--peers]
           [--tools blogbuild,hugo,pelican,eleventy] [--scenarios cold,noop,edit,template,ci]
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

import corpus
from measure import GNU_TIME, Sample, fresh_dir, has_gnu_time, run_build, tree_size
from posts import Corpus, PostMeta
from report import Result, table, to_json
from scenarios import DESCRIPTIONS, SCENARIOS, Scenario, link_tree
from tools import BENCH, REPO, Tool, Workspace, all_tools

WORK = BENCH / "work"
RESULTS = BENCH / "results"
PEER_NAMES = ("hugo", "pelican", "eleventy")


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=corpus.DEFAULT_SEED)
    parser.add_argument("--repeat", type=int, default=3, help="timed runs per tool and scenario")
    parser.add_argument("--warmup", type=int, default=1, help="untimed runs first (at least 1 "
                        "for the rebuild scenarios, which need a previous build)")  # fmt: skip
    parser.add_argument("--peers", action="store_true", help="add hugo, pelican and eleventy")
    parser.add_argument("--tools", help="comma-separated; overrides --peers")
    parser.add_argument("--scenarios", default=",".join(SCENARIOS))
    parser.add_argument("--blogbuild-src", type=Path, default=REPO / "src",
                        help="the source folder blogbuild is imported from")  # fmt: skip
    parser.add_argument("--python", default=sys.executable, help="the Python that runs blogbuild")
    parser.add_argument("--timeout", type=float, default=3600, help="seconds per build")
    parser.add_argument("--keep", action="store_true", help="keep each build's output folder")
    args = parser.parse_args(argv)
    known = all_tools(args.blogbuild_src, args.python)
    args.tool_names = (
        [t for t in args.tools.split(",") if t]
        if args.tools
        else ["blogbuild", *(PEER_NAMES if args.peers else ())]
    )
    args.scenario_names = [s for s in args.scenarios.split(",") if s]
    for name in args.tool_names:
        if name not in known:
            parser.error(f"unknown tool {name!r} (known: {', '.join(known)})")
    for name in args.scenario_names:
        if name not in SCENARIOS:
            parser.error(f"unknown scenario {name!r} (known: {', '.join(SCENARIOS)})")
    if args.posts < 1 or args.repeat < 1 or args.warmup < 0:
        parser.error("--posts and --repeat must be at least 1, --warmup at least 0")
    args.known = known
    return args


def say(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def log_tail(path: Path, lines: int = 15) -> str:
    try:
        return "\n".join(path.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:])
    except OSError:
        return ""


def build(scenario: Scenario, log: Path, timeout: float, timed: bool) -> Sample | None:
    """Run the scenario's tool once; keep the sample if timed; None (marked failed) on error."""
    tool, ws = scenario.tool, scenario.ws
    sample = run_build(tool.command(ws, scenario.cold), ws.site, tool.env(), log, timeout)
    if sample.returncode != 0:
        scenario.result.failed = f"exit {sample.returncode}, log {log.relative_to(BENCH)}"
        say(f"  {tool.name} failed ({scenario.result.failed}):\n{log_tail(log)}")
        return None
    if timed:
        scenario.result.samples.append(sample)
    return sample


def set_up(
    name: str,
    tools: list[Tool],
    sites: dict[str, Path],
    post: PostMeta | None,
    args: argparse.Namespace,
) -> list[Scenario]:
    """Give each tool a fresh copy of its site and the builds the scenario starts from."""
    ready = []
    for tool in tools:
        base = WORK / "runs" / f"{args.posts}-seed{args.seed}" / name / tool.name
        ws = Workspace(base / "site", base / "out", base / "cache", base / "logs")
        link_tree(sites[tool.name], ws.site)
        for path in (ws.out, ws.cache, ws.logs):
            fresh_dir(path).mkdir(parents=True)
        tool.prepare(ws)
        scenario = Scenario(name, tool, ws, post, sites[tool.name])
        why = scenario.unsupported()
        if why:
            args.skipped[f"{tool.name} ({name})"] = why
            continue
        # Rebuild scenarios need a previous build to rebuild from; cold ones just warm caches.
        warmups = args.warmup if scenario.cold else max(1, args.warmup)
        for i in range(warmups):
            if scenario.cold:
                scenario.before_run(-1)
            say(f"{name}: {tool.name} warm-up build {i + 1}/{warmups}")
            if build(scenario, ws.logs / f"warmup-{i + 1}.log", args.timeout, timed=False) is None:
                break
        ready.append(scenario)
    return ready


def measure_scenario(scenarios: list[Scenario], args: argparse.Namespace) -> None:
    """Timed runs, round-robin: each repeat runs every tool once, starting with a different one."""
    for run in range(args.repeat):
        shift = run % max(len(scenarios), 1)
        for scenario in scenarios[shift:] + scenarios[:shift]:
            if scenario.result.failed:
                continue
            scenario.before_run(run)
            log = scenario.ws.logs / f"run-{run + 1}.log"
            sample = build(scenario, log, args.timeout, timed=True)
            if sample:
                say(
                    f"{scenario.name}: {scenario.tool.name} run {run + 1}/{args.repeat}: "
                    f"{sample.seconds:.3f} s"
                )
    for scenario in scenarios:
        out = scenario.ws.out
        result = scenario.result
        result.output_files, result.output_bytes = tree_size(out)
        result.post_pages = sum(1 for _ in out.glob("posts/*/index.html"))
        if result.post_pages != args.posts and not result.failed:
            found = f"{result.post_pages} post pages, expected {args.posts}"
            say(f"  note: {scenario.tool.name} wrote {found}")
        if not args.keep:
            fresh_dir(out)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    args.skipped = {}
    versions: dict[str, Any] = {}
    ready: list[Tool] = []
    for name in args.tool_names:
        tool = args.known[name]
        why = tool.missing()
        versions[name] = {"skipped": why, "version": None if why else tool.version()}
        if why:
            args.skipped[name] = why
            say(f"skipping {name}: {why}")
        else:
            ready.append(tool)
            say(f"{name} {versions[name]['version']}")
    if not has_gnu_time():
        say(f"{GNU_TIME} not found: peak RSS of the largest process will be n/a")
    load_before = os.getloadavg()
    if load_before[0] > 0.5:
        # Other work on a 2-core machine slows builds; CPU seconds suffer less than wall time.
        say(f"note: load average {load_before[0]:.2f} before starting; wall times may be noisy")

    results: dict[str, dict[str, Result]] = {}
    if ready:
        root = WORK / "corpus" / f"{args.posts}-seed{args.seed}"
        sites = corpus.ensure(args.posts, args.seed, [t.name for t in ready], root)
        edits = {"edit", "ci"} & set(args.scenario_names)
        posts = Corpus(args.posts, args.seed).posts if edits else []
        edit_post = posts[len(posts) // 2] if posts else None
        for name in args.scenario_names:
            tools = [t for t in ready if name in t.scenarios]
            if not tools:
                continue
            say(f"== {name}: {DESCRIPTIONS[name]}")
            scenarios = set_up(name, tools, sites, edit_post, args)
            measure_scenario(scenarios, args)
            results[name] = {s.tool.name: s.result for s in scenarios}

    settings = {
        "posts": args.posts,
        "seed": args.seed,
        "repeat": args.repeat,
        "warmup": args.warmup,
        "scenarios_run": list(results),
        "load_average_before": [round(x, 2) for x in load_before],
        "load_average_after": [round(x, 2) for x in os.getloadavg()],
        "memory": "max RSS of the largest process (GNU time %M) and the PSS summed over the "
        "process tree, sampled every 50 ms from /proc; both in MiB",
    }
    suffix = "" if args.seed == corpus.DEFAULT_SEED else f"-seed{args.seed}"
    path = RESULTS / f"bench-{args.posts}{suffix}.json"
    path.parent.mkdir(exist_ok=True)
    path.write_text(to_json(results, settings, versions), encoding="utf-8")
    print(f"\n{args.posts} posts, median of {args.repeat} runs\n")
    print(table(results, args.skipped))
    print(f"\nresults: {path.relative_to(REPO)}")
    failed = any(r.failed for by_tool in results.values() for r in by_tool.values())
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
