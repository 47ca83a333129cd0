"""How much of the machine-writing defects `blogbuild check` finds: recall per rule.

The cases of bench/check_cases.py (machine-written articles with planted defects, and
clean ones) are split by a fixed hash into a dev half, which rules may be designed on,
and a held-out half, which only measures them. Each half is checked as a site of its own;
a planted defect is found when its rule reports its line. A machine-writing finding on a
line with no such key is a false alarm, and any on a clean case is counted apart.

    PYTHONPATH=src python bench/check_recall.py [--half dev|held-out|both] [--misses]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.check_cases import CASES, half, materialise  # noqa: E402
from bench.check_precision import MACHINE_WRITING  # noqa: E402

from blogbuild.options import BuildOptions  # noqa: E402
from blogbuild.pipeline.recipe import assemble_site  # noqa: E402

# The rules the cases plant defects for: the machine-writing rules and broken markup.
SCORED = (*MACHINE_WRITING, "heading-stray-hash", "unclosed-fence")


def score(which: str, scratch: Path) -> tuple[Counter[str], Counter[str], list[str], list[str]]:
    """(planted per rule, found per rule, misses, false alarms) for one half of the cases."""
    posts = scratch / which / "content" / "posts"
    posts.mkdir(parents=True)
    planted: dict[str, set[tuple[int, str]]] = {}
    for case in CASES:
        if half(case.name) != which:
            continue
        text, keys = materialise(case)
        (posts / case.name).write_text(text, encoding="utf-8")
        planted[case.name] = set(keys)
    result = assemble_site(BuildOptions(source=scratch / which, use_cache=False), save=False)
    reported: dict[str, set[tuple[int, str]]] = {name: set() for name in planted}
    alarms = []
    for finding in result.findings:
        if finding.rule not in SCORED:
            continue
        name = finding.path.removeprefix("content/posts/")
        reported.setdefault(name, set()).add((finding.line, finding.rule))
        if (finding.line, finding.rule) not in planted.get(name, set()):
            alarms.append(f"{which}\t{name}:{finding.line}\t{finding.rule}\t{finding.message}")
    wanted: Counter[str] = Counter()
    found: Counter[str] = Counter()
    misses = []
    for name, keys in planted.items():
        for line, rule in sorted(keys):
            wanted[rule] += 1
            if (line, rule) in reported[name]:
                found[rule] += 1
            else:
                misses.append(f"{which}\t{name}:{line}\t{rule}")
    return wanted, found, misses, alarms


def report(which: str, wanted: Counter[str], found: Counter[str], alarms: list[str]) -> None:
    names = [case.name for case in CASES if half(case.name) == which]
    clean = sum(1 for case in CASES if half(case.name) == which and not materialise(case)[1])
    on_clean = sum(1 for alarm in alarms if alarm.split("\t")[1].startswith("clean-"))
    print(f"{which}: {len(names)} articles ({clean} clean), {sum(wanted.values())} planted defects")
    print(f"{'rule':<24}{'planted':>8}{'found':>7}{'recall':>8}{'false':>7}")
    false = Counter(alarm.split("\t")[2] for alarm in alarms)
    for rule in SCORED:
        if not (wanted[rule] or false[rule]):
            continue
        recall = f"{found[rule] / wanted[rule]:.0%}" if wanted[rule] else "-"
        print(f"{rule:<24}{wanted[rule]:>8}{found[rule]:>7}{recall:>8}{false[rule]:>7}")
    total, hit = sum(wanted.values()), sum(found.values())
    print(f"{'all':<24}{total:>8}{hit:>7}{hit / max(total, 1):>8.0%}{len(alarms):>7}")
    print(f"findings on clean articles: {on_clean}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--half", choices=("dev", "held-out", "both"), default="both")
    parser.add_argument("--misses", action="store_true", help="print misses and false alarms")
    args = parser.parse_args()
    halves = ("dev", "held-out") if args.half == "both" else (args.half,)
    with tempfile.TemporaryDirectory(prefix="check-recall-") as scratch:
        for which in halves:
            wanted, found, misses, alarms = score(which, Path(scratch))
            if args.misses:
                for line in [*(f"miss\t{m}" for m in misses), *(f"false\t{a}" for a in alarms)]:
                    print(line)
            report(which, wanted, found, alarms)
            print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
