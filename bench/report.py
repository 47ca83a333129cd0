"""Summaries of the samples: the printed table and the JSON results file."""

from __future__ import annotations

import json
import os
import platform
import statistics
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from measure import Sample


@dataclass
class Result:
    """All samples of one tool in one scenario, plus what its last build wrote."""

    samples: list[Sample] = field(default_factory=list)
    failed: str | None = None
    output_files: int = 0
    output_bytes: int = 0
    post_pages: int = 0

    @property
    def seconds(self) -> list[float]:
        return [s.seconds for s in self.samples if s.returncode == 0]

    @property
    def median(self) -> float | None:
        return statistics.median(self.seconds) if self.seconds else None

    @property
    def median_cpu(self) -> float | None:
        cpu = [s.cpu_seconds for s in self.samples if s.returncode == 0]
        return statistics.median(cpu) if cpu else None

    def rss(self, attr: str) -> float | None:
        values = [getattr(s, attr) for s in self.samples if getattr(s, attr) is not None]
        return max(values) if values else None


def baseline(results: dict[str, dict[str, Result]], scenario: str, tool: str) -> float | None:
    """The peer's median in the same scenario, else its nearest: a rebuild, then a cold build.

    Hugo and Pelican rebuild everything on every run, so an edit costs them a full rebuild.
    """
    for name in (scenario, "noop", "cold"):
        result = results.get(name, {}).get(tool)
        if result and result.median:
            return result.median
    return None


def _ratio(value: float | None, base: float | None) -> str:
    return f"{value / base:.2f}×" if value and base else "—"


def _num(value: float | None, fmt: str) -> str:
    return format(value, fmt) if value is not None else "n/a"


def table(results: dict[str, dict[str, Result]], skipped: dict[str, str]) -> str:
    """A Markdown table of medians, ratios and peak memory, one row per scenario and tool."""
    head = (
        "| scenario | tool | median s | min–max s | CPU s | × Hugo | × Pelican "
        "| max RSS MiB (1 process) | tree PSS MiB (sampled) | files |"
    )
    lines = [head, "|" + " --- |" * 2 + " ---: |" * 8]
    for scenario, by_tool in results.items():
        for tool, result in by_tool.items():
            if result.failed and not result.seconds:
                lines.append(f"| {scenario} | {tool} | failed: {result.failed} |" + " |" * 7)
                continue
            secs = result.seconds
            cells = [
                scenario,
                tool,
                _num(result.median, ".3f"),
                f"{min(secs):.3f}–{max(secs):.3f}",
                _num(result.median_cpu, ".2f"),
                _ratio(result.median, baseline(results, scenario, "hugo")),
                _ratio(result.median, baseline(results, scenario, "pelican")),
                _num(result.rss("max_process_mib"), ".0f"),
                _num(result.rss("tree_mib"), ".0f"),
                str(result.output_files),
            ]
            lines.append("| " + " | ".join(cells) + " |")
    lines += [f"| skipped | {tool} | {reason} |" + " |" * 7 for tool, reason in skipped.items()]
    return "\n".join(lines)


def machine() -> dict[str, Any]:
    """What the numbers depend on besides the code: cores, CPU, memory, OS."""
    info: dict[str, Any] = {
        "nproc": os.cpu_count(),
        "platform": platform.platform(),
        "python": platform.python_version(),
    }
    try:
        cpuinfo = Path("/proc/cpuinfo").read_text(encoding="utf-8")
        info["cpu"] = next(
            line.split(":", 1)[1].strip()
            for line in cpuinfo.splitlines()
            if line.startswith("model name")
        )
        meminfo = Path("/proc/meminfo").read_text(encoding="utf-8").split()
        info["memory_gib"] = round(int(meminfo[1]) / 2**20, 1)
    except (OSError, StopIteration, IndexError, ValueError):
        pass
    return info


def _round(value: float | None) -> float | None:
    return round(value, 4) if value is not None else None


def to_json(
    results: dict[str, dict[str, Result]], settings: dict[str, Any], tools: dict[str, Any]
) -> str:
    """The results file: settings, versions, machine, and every sample (keys sorted)."""
    scenarios: dict[str, Any] = {}
    for scenario, by_tool in results.items():
        scenarios[scenario] = {}
        for tool, result in by_tool.items():
            median = result.median
            scenarios[scenario][tool] = {
                "failed": result.failed,
                "median_s": _round(median),
                "min_s": _round(min(result.seconds, default=None)),
                "max_s": _round(max(result.seconds, default=None)),
                "samples_s": [_round(s.seconds) for s in result.samples],
                "cpu_samples_s": [_round(s.cpu_seconds) for s in result.samples],
                "median_cpu_s": _round(result.median_cpu),
                "returncodes": [s.returncode for s in result.samples],
                "max_process_rss_mib": [_round(s.max_process_mib) for s in result.samples],
                "tree_pss_mib": [_round(s.tree_mib) for s in result.samples],
                "peak_max_process_rss_mib": _round(result.rss("max_process_mib")),
                "peak_tree_pss_mib": _round(result.rss("tree_mib")),
                "vs_hugo": _round(_div(median, baseline(results, scenario, "hugo"))),
                "vs_pelican": _round(_div(median, baseline(results, scenario, "pelican"))),
                "output_files": result.output_files,
                "output_bytes": result.output_bytes,
                "post_pages": result.post_pages,
            }
    data = {**settings, "machine": machine(), "tools": tools, "scenarios": scenarios}
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def _div(a: float | None, b: float | None) -> float | None:
    return a / b if a and b else None
