"""How much `blogbuild check` says about human writing: findings per 100 posts, per rule.

Each blog of ../shared/corpora is checked as a site of its own (a temporary copy of its
posts), then once more as `.txt` copies of the same posts (their article text, no page
chrome), which the rules for scraped text posts read. The five seed articles of the
repository's own blog (machine-written, with the defects the rules exist for) are
checked too, apart: their findings join the labelled sample, not the rates. The sample
(bench/check_labels.tsv: rule, file:line, true/false, why) gives each rule's precision:
the share of its labelled findings that are real defects. A finding the sample does not
label is counted as unlabelled, and a label whose finding is gone as stale.

    PYTHONPATH=src python bench/check_precision.py [--corpora DIR] [--labels FILE]
        [--list RULE] [--unlabelled]
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.corpus_text import POST_SUFFIXES, write_text_copies  # noqa: E402

from blogbuild.check import Finding  # noqa: E402
from blogbuild.options import BuildOptions  # noqa: E402
from blogbuild.pipeline.recipe import assemble_site  # noqa: E402

MACHINE_WRITING = (
    "placeholder-text",
    "truncated-ending",
    "foreign-script",
    "mixed-script-word",
    "scrape-debris",
    "flattened-table",
    "duplicate-heading",
    "bold-pseudo-heading",
    "empty-section",
    "h1-repeats-title",
)
TEXT_RULES = ("scrape-debris", "flattened-table")
TARGET_PER_100 = 5.0
TARGET_PRECISION = 0.9
TEXT_SITE = "text-copies"
SEEDS = "seeds"


def corpus_posts(corpus: Path) -> list[Path]:
    """The post files of one corpus folder."""
    return sorted(p for p in corpus.iterdir() if p.suffix in POST_SUFFIXES and p.is_file())


def _check(site: Path) -> list[Finding]:
    return list(assemble_site(BuildOptions(source=site, use_cache=False), save=False).findings)


def run(corpora: Path, scratch: Path) -> tuple[list[tuple[str, Finding]], int, int]:
    """Every finding as (corpus-relative path, finding), the Markdown and text post counts."""
    found: list[tuple[str, Finding]] = []
    markdown = 0
    all_posts: list[Path] = []
    for corpus in sorted(p for p in corpora.iterdir() if p.is_dir()):
        posts = corpus_posts(corpus)
        markdown += len(posts)
        all_posts += posts
        site = scratch / corpus.name
        for post in posts:
            (site / "content" / "posts").mkdir(parents=True, exist_ok=True)
            shutil.copy(post, site / "content" / "posts" / post.name)
        for finding in _check(site):
            name = finding.path.removeprefix("content/posts/")
            found.append((f"{corpus.name}/{name}", finding))
    text_site = scratch / TEXT_SITE
    write_text_copies(all_posts, text_site / "content" / "posts")
    for finding in _check(text_site):
        found.append((f"{TEXT_SITE}/{finding.path.removeprefix('content/posts/')}", finding))
    seeds = scratch / SEEDS
    shutil.copytree(REPO / "content", seeds / "content")
    shutil.copy(REPO / "blogbuild.yaml", seeds / "blogbuild.yaml")
    for finding in _check(seeds):
        found.append((f"{SEEDS}/{finding.path.removeprefix('content/posts/')}", finding))
    return found, markdown, len(all_posts)


def read_labels(path: Path) -> dict[tuple[str, str], tuple[bool, str]]:
    """(rule, file:line) -> (true?, why) from the labelled sample."""
    labels = {}
    if not path.is_file():
        return labels
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) < 4 or fields[2] not in ("true", "false"):
            raise SystemExit(f"{path}:{number}: expected rule, file:line, true/false, why")
        labels[(fields[0], fields[1])] = (fields[2] == "true", fields[3])
    return labels


def report(
    found: list[tuple[str, Finding]],
    markdown: int,
    text: int,
    labels: dict[tuple[str, str], tuple[bool, str]],
) -> bool:
    """Print the per-rule table; True when every machine-writing rule meets its targets."""
    md_counts: Counter[str] = Counter()
    txt_counts: Counter[str] = Counter()
    places = {(f.rule, f"{where}:{f.line}") for where, f in found}
    seed_counts: Counter[str] = Counter()
    for where, finding in found:
        if where.startswith(SEEDS + "/"):
            seed_counts[finding.rule] += 1
        elif where.startswith(TEXT_SITE + "/"):
            txt_counts[finding.rule] += 1
        else:
            md_counts[finding.rule] += 1
    verdicts: dict[str, list[bool]] = defaultdict(list)
    stale: Counter[str] = Counter()
    for (rule, place), (true, _) in labels.items():
        if place.startswith(TEXT_SITE + "/") and rule not in TEXT_RULES:
            continue  # measured on Markdown: a text copy makes code and contents into text
        if (rule, place) in places:
            verdicts[rule].append(true)
        else:
            stale[rule] += 1
    rules = sorted(set(md_counts) | set(txt_counts) | set(seed_counts) | set(MACHINE_WRITING))
    print(f"{markdown} Markdown posts; {text} text copies of them; the seed articles")
    print(
        f"{'rule':<24}{'md':>6}{'/100':>7}{'txt':>6}{'/100':>7}{'seeds':>6}"
        f"{'labelled':>10}{'true':>6}{'precision':>11}{'stale':>7}"
    )
    ok = True
    for rule in rules:
        md, txt = md_counts[rule], txt_counts[rule]
        md_rate, txt_rate = 100 * md / max(markdown, 1), 100 * txt / max(text, 1)
        seen = verdicts[rule]
        precision = f"{sum(seen) / len(seen):.0%}" if seen else "-"
        mark = ""
        if rule in MACHINE_WRITING:
            # Text rules read text posts only; the others are measured on Markdown, the
            # form the blogs were written in (a text copy turns code lines into text).
            rate = txt_rate if rule in TEXT_RULES else md_rate
            good = rate < TARGET_PER_100 and (not seen or sum(seen) / len(seen) >= TARGET_PRECISION)
            ok = ok and good
            mark = "" if good else "  <- over target"
        print(
            f"{rule:<24}{md:>6}{md_rate:>7.2f}{txt:>6}{txt_rate:>7.2f}{seed_counts[rule]:>6}"
            f"{len(seen):>10}{sum(seen):>6}{precision:>11}{stale[rule]:>7}{mark}"
        )
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", type=Path, default=REPO.parent / "shared" / "corpora")
    parser.add_argument("--labels", type=Path, default=REPO / "bench" / "check_labels.tsv")
    parser.add_argument("--list", metavar="RULE", help="print the findings of one rule")
    parser.add_argument("--unlabelled", action="store_true", help="print unlabelled findings")
    args = parser.parse_args()
    if not args.corpora.is_dir():
        print(f"no corpora at {args.corpora}", file=sys.stderr)
        return 2
    labels = read_labels(args.labels)
    with tempfile.TemporaryDirectory(prefix="check-precision-") as scratch:
        found, markdown, text = run(args.corpora, Path(scratch))
    for where, finding in found:
        place = f"{where}:{finding.line}"
        wanted = args.list == finding.rule or (
            args.unlabelled
            and finding.rule in MACHINE_WRITING
            and (finding.rule, place) not in labels
        )
        if wanted:
            print(f"{finding.rule}\t{place}\t{finding.message}")
    ok = report(found, markdown, text, labels)
    from bench.check_recall import report as recall_report
    from bench.check_recall import score

    print()
    with tempfile.TemporaryDirectory(prefix="check-recall-") as scratch:
        wanted, hits, _, alarms = score("held-out", Path(scratch))
    recall_report("held-out", wanted, hits, alarms)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
