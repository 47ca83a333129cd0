"""Running every rule over a finished site: source findings and link positions come cached."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import replace
from typing import TYPE_CHECKING

from blogbuild.check.config import CheckSettings, settings_from_config
from blogbuild.check.engine import check_located_links
from blogbuild.check.external import external_urls, fetch_all
from blogbuild.check.findings import Finding, sort_findings
from blogbuild.model import PostSummary

if TYPE_CHECKING:
    from blogbuild.build import SiteOutput


def check_site(output: SiteOutput, external: bool = False) -> list[Finding]:
    """Source findings of every post, re-levelled by the config, and its links checked."""
    settings = settings_from_config(output.config.check)
    shown = {view.key for view in output.site.posts}
    chosen = [s for s in output.summaries if s.key in shown]
    paths = frozenset(_site_paths(output.outputs))
    ids = _ElementIds({f"/posts/{s.post.slug}/": s.element_ids for s in chosen})
    statuses = None
    if external:
        statuses = fetch_all(external_urls(ref.url for s in chosen for ref in s.links))
    findings: list[Finding] = []
    base = output.config.base_path
    for summary in chosen:
        findings += _levelled(summary, summary.findings, settings)
        links = check_located_links(
            summary.post, summary.links, paths, ids, base, external=statuses
        )
        findings += _levelled(summary, tuple(links), settings)
    return sort_findings(findings)


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
