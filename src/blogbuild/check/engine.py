"""Run the rules over a post and turn their hits into findings with configured severities."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from blogbuild.check.catalog import RULES, UNKNOWN_IGNORE
from blogbuild.check.config import DEFAULT_SETTINGS, CheckSettings
from blogbuild.check.findings import Finding, Hit, sort_findings
from blogbuild.check.rules.links import LinkRef, Site, locate_links, resolve_links
from blogbuild.model import Post

# The functions that read a post's source import the parser and the source rules when
# called: the site's link check, which every build runs, needs neither.


def check_post(post: Post, settings: CheckSettings = DEFAULT_SETTINGS) -> list[Finding]:
    """Run every enabled source rule (all but links) over one post."""
    from blogbuild.check.document import document_for
    from blogbuild.check.rules.registry import SOURCE_CHECKS

    doc = document_for(post)
    hits: list[Hit] = []
    for rule_id, check in SOURCE_CHECKS.items():
        if settings.enabled(rule_id) and rule_id not in post.check_ignore:
            hits.extend(check(doc))
    hits.extend(_unknown_ignores(post))
    return _findings(post, hits, settings)


def check_links(
    post: Post,
    html: str,
    site_paths: frozenset[str],
    ids_by_path: Mapping[str, frozenset[str]],
    base_path: str = "/",
    settings: CheckSettings = DEFAULT_SETTINGS,
    external: Mapping[str, str | None] | None = None,
) -> list[Finding]:
    """Check a rendered post's links, images and fragments against the built site."""
    from blogbuild.check.document import document_for

    refs = locate_links(document_for(post), html)
    return check_located_links(post, refs, site_paths, ids_by_path, base_path, settings, external)


def check_located_links(
    post: Post,
    refs: Iterable[LinkRef],
    site_paths: frozenset[str],
    ids_by_path: Mapping[str, frozenset[str]],
    base_path: str = "/",
    settings: CheckSettings = DEFAULT_SETTINGS,
    external: Mapping[str, str | None] | None = None,
) -> list[Finding]:
    """Check links found earlier by `locate_links` against the built site."""
    site = Site(frozenset(site_paths), ids_by_path, base_path or "/", external)
    return _findings(post, resolve_links(refs, site), settings)


def _unknown_ignores(post: Post) -> list[Hit]:
    line = post.meta_lines.get("check", 1)
    return [
        Hit(UNKNOWN_IGNORE.id, line, 1, f"check.ignore names '{rule}', which is no rule")
        for rule in post.check_ignore
        if rule not in RULES
    ]


def _findings(post: Post, hits: Iterable[Hit], settings: CheckSettings) -> list[Finding]:
    findings = []
    for hit in hits:
        severity = settings.severity(hit.rule)
        if severity is None or hit.rule in post.check_ignore:
            continue
        findings.append(
            Finding(post.source_path, hit.line, hit.col, severity, hit.rule, hit.message)
        )
    return sort_findings(findings)
