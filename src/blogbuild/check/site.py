"""Running every rule over a finished site: source findings and link positions come cached.

The checker is handed plain values; what it found last time comes back from its caller
(`remembered`), and what to remember is returned, so it never touches the build's cache.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace

from blogbuild.check.config import CheckSettings
from blogbuild.check.engine import check_located_links
from blogbuild.check.external import external_urls, fetch_all
from blogbuild.check.findings import Finding, sort_findings
from blogbuild.errors import Problem
from blogbuild.model import PostSummary


@dataclass(frozen=True, slots=True)
class SiteToCheck:
    """What the checker reads of a finished site."""

    settings: CheckSettings  # the rule levels of the site's config
    base_path: str
    posts: Sequence[PostSummary]  # the published posts
    outputs: frozenset[str]  # every file of the output, relative to its root
    warnings: Sequence[Problem]  # the build's warnings


@dataclass(frozen=True, slots=True)
class CheckedSite:
    findings: list[Finding]
    remember: object | None  # for the next run's `remembered`; None: keep what was given


def check_site(
    site_to_check: SiteToCheck, remembered: object = None, external: bool = False
) -> CheckedSite:
    """Source findings of every post, re-levelled by the config, and its links checked."""
    settings = site_to_check.settings
    chosen = site_to_check.posts
    paths = frozenset(_site_paths(site_to_check.outputs))
    ids = _ElementIds({s.post.url: s.element_ids for s in chosen})
    statuses = None
    if external:
        statuses = fetch_all(external_urls(ref.url for s in chosen for ref in s.links))
    base = site_to_check.base_path
    # A post's link findings depend on its own links (its key), the site's paths and element
    # ids, and the base path: while those stay, the last build's findings stand.
    site = _site_digest(paths, ids, base)
    known = remembered[1] if isinstance(remembered, tuple) and remembered[0] == site else {}
    checked: dict[str, tuple[Finding, ...]] = {}
    findings: list[Finding] = []
    for summary in chosen:
        findings += _levelled(summary, summary.findings, settings)
        links = None if statuses is not None else known.get(summary.key)
        if links is None:
            links = tuple(
                check_located_links(
                    summary.post, summary.links, paths, ids, base, external=statuses
                )
            )
        checked[summary.key] = links
        findings += _levelled(summary, links, settings)
    # (`known` is empty when the site changed, so this also stores a new site's findings)
    remember = None
    if statuses is None and checked.keys() != known.keys():
        remember = (site, checked)
    return CheckedSite(sort_findings(findings + _skipped_files(site_to_check.warnings)), remember)


def _skipped_files(warnings: Sequence[Problem]) -> list[Finding]:
    """Post files the build skipped as empty: no rule sees them, yet none is published."""
    from blogbuild.content.loader import EMPTY_FILE

    return [
        Finding(p.path, p.line or 1, 1, p.severity.value, "build-problem", p.message)
        for p in warnings
        if p.message == EMPTY_FILE
    ]


def _site_digest(paths: frozenset[str], ids: _ElementIds, base: str) -> str:
    """What link findings are checked against: every path, every post page's ids, the base."""
    text = "\n".join(sorted(paths)) + "\x1c" + ids.digest_text() + "\x1c" + base
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def _levelled(
    summary: PostSummary, findings: tuple[object, ...], settings: CheckSettings
) -> list[Finding]:
    """Apply the site's rule levels and the post's ignores to findings made with the defaults."""
    kept = []
    for finding in findings:
        assert isinstance(finding, Finding)
        severity = settings.severity(finding.rule)
        if severity is None or finding.rule in summary.post.check_ignore:
            continue
        kept.append(
            finding if severity == finding.severity else replace(finding, severity=severity)
        )
    return kept


def _site_paths(outputs: frozenset[str]) -> list[str]:
    found = []
    for path in outputs:
        found.append("/" + path)
        if path.endswith("index.html"):
            found.append("/" + path.removesuffix("index.html"))
    return found


class _ElementIds(Mapping[str, frozenset[str]]):
    """The element ids of each post page, split from the cached text when first asked for."""

    def __init__(self, joined: dict[str, str]) -> None:
        self._joined = joined
        self._split: dict[str, frozenset[str]] = {}

    def __getitem__(self, path: str) -> frozenset[str]:
        if path not in self._split:
            text = self._joined[path]
            self._split[path] = frozenset(text.split("\n")) if text else frozenset()
        return self._split[path]

    def __iter__(self) -> Iterator[str]:
        return iter(self._joined)

    def __len__(self) -> int:
        return len(self._joined)

    def digest_text(self) -> str:
        """Every page's ids as one text, for a digest."""
        return "\x1d".join(f"{path}\x1e{self._joined[path]}" for path in sorted(self._joined))
