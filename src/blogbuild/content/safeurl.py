"""Which URLs a page may carry in links and media: web, relative, and inline images."""

from __future__ import annotations

import re

# Browsers drop tabs and newlines anywhere in a URL and C0 controls and spaces around it,
# so `java\tscript:` is `javascript:`; the scheme is read the way they read it.
_IGNORED = re.compile(r"[\t\n\r]")
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
_AROUND = "".join(chr(code) for code in range(33))
_WEB = frozenset({"http", "https"})
LINK_SCHEMES = frozenset({*_WEB, "mailto", "tel"})


def url_scheme(url: str) -> str | None:
    """The scheme of `url` in lower case as a browser reads it, None for a relative URL."""
    match = _SCHEME.match(_bare(url))
    return match.group(1).lower() if match else None


def _bare(url: str) -> str:
    return _IGNORED.sub("", url).strip(_AROUND)


def is_link_url(url: str) -> bool:
    """A link target a reader may follow: web, mail, phone or relative."""
    scheme = url_scheme(url)
    return scheme is None or scheme in LINK_SCHEMES


def is_media_url(url: str, *, inline_images: bool = True) -> bool:
    """A source for an image, a video or a poster: web, relative, or `data:image/…`."""
    scheme = url_scheme(url)
    if scheme is None or scheme in _WEB:
        return True
    return inline_images and scheme == "data" and _bare(url)[5:].lower().startswith("image/")


def is_media_srcset(srcset: str) -> bool:
    """Every candidate of a `srcset` is a media URL (a `data:` candidate's commas included)."""
    for candidate in srcset.split(","):
        url = candidate.strip().split(" ")[0] if candidate.strip() else ""
        # The part of a data: URL after its comma reads as a relative URL: harmless.
        if url and not is_media_url(url):
            return False
    return True
