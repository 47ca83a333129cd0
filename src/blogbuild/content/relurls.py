"""Relative URLs in a post resolved against the post's own folder in the output, so that
they work wherever the post's HTML is shown (its page, list pages, feeds)."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable

_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")  # "https:", "mailto:": already absolute
_SRCSET = re.compile(r"""(\ssrcset=)(["'])([^"']*)\2""")
# href="x.png", src='img/a.png': relative, with no scheme, root, fragment or query first
_RELATIVE_ATTR = re.compile(
    r"""(\s(?:href|src|poster|data-src)=)(["'])(?![/#?]|[a-zA-Z][a-zA-Z0-9+.-]*:)([^"'<>]+)\2"""
)


def resolve_url(url: str, source: str, folder: str) -> str:
    """One URL of a post made root-relative (see resolve_relative); others stay as they are.

    `source` is the post's path under its posts folder; `folder` the URL of the folder its
    page is in (`page_folder`). A URL into the post's own folder of
    files (`x/` for `x/index.md` or for `x.md`) points at the copy beside its page; any other
    relative URL is read as a browser on the post's page would read it.
    """
    path, mark, rest = _split_suffix(url)
    if not path or path.startswith("/") or _SCHEME.match(path):
        return url
    directory, name = posixpath.split(source)
    stem = posixpath.splitext(name)[0]
    own = directory if stem.lower() == "index" else posixpath.join(directory, stem)
    joined = posixpath.normpath(posixpath.join(directory, path))
    in_own = own and joined.startswith(own + "/")
    inside = joined[len(own) + 1 :] if in_own else path
    target = posixpath.normpath(folder + inside)
    if path.endswith("/") and not target.endswith("/"):
        target += "/"
    return target + mark + rest


def resolve_relative(html: str, source: str, folder: str) -> str:
    """Every relative URL in a post's HTML made root-relative (see resolve_url)."""

    def resolved(url: str) -> str:
        return resolve_url(url, source, folder)

    def attr(match: re.Match[str]) -> str:
        return f"{match.group(1)}{match.group(2)}{resolved(match.group(3))}{match.group(2)}"

    html = _RELATIVE_ATTR.sub(attr, html)
    return _SRCSET.sub(lambda m: _relative_srcset(m, resolved), html)


def _split_suffix(url: str) -> tuple[str, str, str]:
    """A URL's path, and the `?`/`#` that starts the rest, and the rest."""
    cut = min((i for i in (url.find("?"), url.find("#")) if i >= 0), default=len(url))
    return url[:cut], url[cut : cut + 1], url[cut + 1 :]


def _relative_srcset(match: re.Match[str], resolved: Callable[[str], str]) -> str:
    candidates = []
    for candidate in match.group(3).split(","):
        url, _, size = candidate.strip().partition(" ")
        if url and not url.startswith(("/", "#")) and not _SCHEME.match(url):
            url = resolved(url)
        candidates.append(f"{url} {size}".strip())
    return f"{match.group(1)}{match.group(2)}{', '.join(candidates)}{match.group(2)}"
