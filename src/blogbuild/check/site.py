"""Running every rule over a finished site: source findings and link positions come cached."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Mapping
from dataclasses import replace
from typing import TYPE_CHECKING

from blogbuild.check.config import CheckSettings, settings_from_config
from blogbuild.check.engine import check_located_links
from blogbuild.check.external import external_urls, fetch_all
from blogbuild.check.findings import Finding, sort_findings
from blogbuild.content.permalinks import post_url
from blogbuild.model import PostSummary

if TYPE_CHECKING:
    from blogbuild.pipeline.results import SiteOutput

_LINKS_MEMO = "link-findings"  # (site digest, link findings by post key)


def check_site(output: SiteOutput, external: bool = False) -> list[Finding]:
    """Source findings of every post, re-levelled by the config, and its links checked."""
    settings = settings_from_config(output.config.check)
    shown = {view.key for view in output.site.posts}
    chosen = [s for s in output.summaries if s.key in shown]
    paths = frozenset(_site_paths(output.outputs))
    ids = _ElementIds({post_url(s.post.slug): s.element_ids for s in chosen})
    statuses = None
    if external:
        statuses = fetch_all(external_urls(ref.url for s in chosen for ref in s.links))
    base = output.config.base_path
    # A post's link findings depend on its own links (its key), the site's paths and element
    # ids, and the base path: while those stay, the last build's findings stand.
    site = _site_digest(paths, ids, base)
    remembered = output.cache.memo.get(_LINKS_MEMO)
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
    if statuses is None and checked.keys() != known.keys():
        output.cache.memo[_LINKS_MEMO] = (site, checked)
    return sort_findings(findings + _skipped_files(output))


def _skipped_files(output: SiteOutput) -> list[Finding]:
    """Post files the build skipped as empty: no rule sees them, yet none is published."""
    from blogbuild.content.loader import EMPTY_FILE

    return [
        Finding(p.path, p.line or 1, 1, p.severity.value, "build-problem", p.message)
        for p in output.warnings
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


def _site_paths(outputs: set[str]) -> list[str]:
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
