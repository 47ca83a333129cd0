"""sitemap.xml (sitemaps.org protocol 0.9) and the robots.txt that points crawlers to it."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from html import escape
from urllib.parse import quote

from blogbuild.content.config import Config
from blogbuild.site.urls import public_url
from blogbuild.site.xmlout import w3c_datetime

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
SITEMAP_URL = "/sitemap.xml"
# Everything RFC 3986 allows unencoded in a URL, plus `%` so existing escapes are kept.
_URL_SAFE = ":/?#[]@!$&'()*+,;=%~"


def sitemap_xml(config: Config, entries: Sequence[tuple[str, datetime | None]]) -> bytes:
    """A sitemap of site URLs with their last change; sorted, one `<url>` per distinct URL.

    The schema requires at least one `<url>`, so a site with no entries lists its home page.
    """
    latest: dict[str, datetime | None] = {}
    for url, lastmod in entries:
        loc = sitemap_loc(config, url)
        latest[loc] = _later(latest.get(loc), lastmod)
    if not latest:
        latest[sitemap_loc(config, "/")] = None
    # Written as text rather than through ElementTree, which took most of a one-post
    # rebuild's time for a large site: every value is ASCII (URLs are percent-encoded,
    # dates ISO 8601), and only `&` and `<`/`>` need escaping.
    lines = ['<?xml version="1.0" encoding="utf-8"?>', f'<urlset xmlns="{SITEMAP_NS}">']
    for loc in sorted(latest):
        lines += ["  <url>", f"    <loc>{escape(loc, quote=False)}</loc>"]
        lastmod = latest[loc]
        if lastmod is not None:
            lines.append(f"    <lastmod>{w3c_datetime(lastmod, config.tz)}</lastmod>")
        lines.append("  </url>")
    lines.append("</urlset>")
    return ("\n".join(lines) + "\n").encode("utf-8")


def sitemap_loc(config: Config, url: str) -> str:
    """A site URL as the protocol wants it: absolute (when a host is known) and ASCII-only."""
    return quote(public_url(url, config.public_base), safe=_URL_SAFE)


def robots_txt(config: Config) -> bytes:
    """Allow every crawler everything and name the sitemap (only when its absolute URL is known).

    Crawlers read robots.txt only at a host's root, so under a subpath base URL this file is
    informative at best; the site owner's root robots.txt has to carry the Sitemap line.
    """
    lines = ["User-agent: *", "Allow: /"]
    if config.absolute_base:  # a relative Sitemap URL is not allowed
        lines += ["", f"Sitemap: {sitemap_loc(config, SITEMAP_URL)}"]
    return ("\n".join(lines) + "\n").encode("utf-8")


def _later(first: datetime | None, second: datetime | None) -> datetime | None:
    if first is None or second is None:
        return first or second
    return max(first, second)
