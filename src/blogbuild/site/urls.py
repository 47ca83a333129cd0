"""Site URLs: pages are written with root-relative URLs, then placed under the base path."""

from __future__ import annotations

import re

# href="/x", src='/x', and the like; "//host" (protocol-relative) is not root-relative
_ROOT_ATTR = re.compile(r"""(\s(?:href|src|poster|action|data-src)=)(["'])/(?!/)""")
_SRCSET = re.compile(r"""(\ssrcset=)(["'])([^"']*)\2""")
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")  # "https:", "mailto:": already absolute


def output_file(url: str) -> str:
    """Where a page URL lives in dist/: `/posts/x/` -> `posts/x/index.html`."""
    path = url.lstrip("/")
    return path + "index.html" if path == "" or path.endswith("/") else path


def place_under(html: str, prefix: str) -> str:
    """Put every root-relative URL in a page under `prefix` (a base path or an absolute base URL).

    URLs that already start with the prefix's path are left alone, so a writer who typed the
    full path by hand is not punished with a doubled prefix.
    """
    if prefix == "/":
        return html
    stem = prefix.rstrip("/")
    path_part = re.sub(r"^[a-z]+://[^/]+", "", stem)

    def attr(match: re.Match[str]) -> str:
        start = match.end()
        if path_part and html.startswith(path_part + "/", start - 1):
            return match.group(0)
        return f"{match.group(1)}{match.group(2)}{stem}/"

    html = _ROOT_ATTR.sub(attr, html)
    return _SRCSET.sub(lambda m: _srcset(m, stem, path_part), html)


def _srcset(match: re.Match[str], stem: str, path_part: str) -> str:
    candidates = []
    for candidate in match.group(3).split(","):
        url, _, size = candidate.strip().partition(" ")
        if (
            url.startswith("/")
            and not url.startswith("//")
            and not (path_part and url.startswith(path_part + "/"))
        ):
            url = stem + url
        candidates.append(f"{url} {size}".strip())
    return f"{match.group(1)}{match.group(2)}{', '.join(candidates)}{match.group(2)}"


def absolute(url: str, base: str) -> str:
    """A root-relative site URL under `base`: an absolute base URL, or a base path."""
    return base.rstrip("/") + url


def public_url(url: str, base: str) -> str:
    """A URL for files read outside the site's pages (feeds, sitemap) under `base`.

    No later pass puts these files' URLs under the base path, so it is done here;
    URLs that already have a scheme pass through unchanged.
    """
    return url if _SCHEME.match(url) else absolute(url, base)
