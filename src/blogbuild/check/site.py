"""Running every rule over a whole site assembled in memory."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from blogbuild.check.config import CheckSettings
from blogbuild.check.engine import check_links, check_post
from blogbuild.check.external import external_urls, fetch_all
from blogbuild.check.findings import Finding, sort_findings
from blogbuild.check.rules.links import links_in_html
from blogbuild.model import RenderedPost

_ID = re.compile(r"""\sid=["']([^"']+)["']""")


def check_site(
    rendered: Iterable[RenderedPost],
    pages: Mapping[str, bytes],
    files: Iterable[str],
    base_path: str,
    settings: CheckSettings,
    external: bool = False,
) -> list[Finding]:
    """Source rules for every post, and its links checked against every output path."""
    rendered = list(rendered)
    statuses = None
    if external:
        links = (url for item in rendered for _, url in links_in_html(item.html))
        statuses = fetch_all(external_urls(links))
    site_paths = frozenset(_site_paths([*pages, *files]))
    ids_by_path = {
        _page_url(path): frozenset(_ID.findall(data.decode("utf-8")))
        for path, data in pages.items()
        if path.endswith(".html")
    }
    findings: list[Finding] = []
    for item in rendered:
        findings += check_post(item.post, settings)
        findings += check_links(
            item.post, item.html, site_paths, ids_by_path, base_path, settings, statuses
        )
    return sort_findings(findings)


def _site_paths(outputs: Iterable[str]) -> Iterable[str]:
    for path in outputs:
        yield "/" + path
        if path.endswith("index.html"):
            yield _page_url(path)


def _page_url(path: str) -> str:
    return "/" + path.removesuffix("index.html")
