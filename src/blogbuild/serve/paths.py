"""Which site output a request asks for; anything that could leave the site is not found."""

from __future__ import annotations

import ipaddress
import mimetypes
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import PurePosixPath
from urllib.parse import quote, unquote, urlsplit


@dataclass(frozen=True, slots=True)
class Found:
    """Serve the output at `key` (`posts/x/index.html`)."""

    key: str


@dataclass(frozen=True, slots=True)
class Redirect:
    """Send the browser to `location` (a folder's URL with its slash, or the base path)."""

    location: str


@dataclass(frozen=True, slots=True)
class NotFound:
    """Serve the site's 404 page."""


Resolution = Found | Redirect | NotFound

# An encoded slash, backslash or NUL would let one path segment smuggle a separator past the
# segment checks below, so such requests are refused before decoding.
_ENCODED_SEPARATOR = re.compile(r"%(?:2f|5c|00)", re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x1f\x7f\\]")


def request_path(target: str) -> str | None:
    """The decoded path of a request target, or None when it is not a plain site path."""
    if target.startswith(("http://", "https://")):  # absolute-form, as HTTP/1.1 allows
        target = urlsplit(target).path or "/"
    path = target.split("?", 1)[0].split("#", 1)[0]
    if not path.startswith("/") or _ENCODED_SEPARATOR.search(path):
        return None
    try:
        decoded = unquote(path, errors="strict")
    except UnicodeDecodeError:
        return None
    if _CONTROL.search(decoded):
        return None
    segments = decoded[1:].split("/")
    # Empty segments (`//etc`) are refused too: they make protocol-relative redirect targets.
    if any(s in (".", "..") for s in segments) or "" in segments[:-1]:
        return None
    return decoded


def resolve(target: str, base_path: str, exists: Callable[[str], bool]) -> Resolution:
    """Map a request target to an output key of a site living under `base_path` (`/blog/`)."""
    path = request_path(target)
    if path is None:
        return NotFound()
    base = unquote(base_path)
    if base != "/" and path in ("/", base.rstrip("/")):
        return Redirect(quote(base))
    if not path.startswith(base):
        return NotFound()
    rel = path[len(base) :]
    if rel == "" or rel.endswith("/"):
        key = rel + "index.html"
        return Found(key) if exists(key) else NotFound()
    if exists(rel):
        return Found(rel)
    if exists(rel + "/index.html"):
        return Redirect(quote(path + "/"))
    return NotFound()


def host_allowed(host_header: str | None, bound_host: str) -> bool:
    """Whether a request's Host may reach a server listening on `bound_host`.

    On a loopback address only loopback names and IP literals are accepted, so that a web
    page whose domain is made to resolve to 127.0.0.1 (DNS rebinding) cannot read drafts.
    A server opened to the network with --host answers any name it is reached by.
    """
    if not _is_loopback(bound_host) or not host_header:
        return True
    name = urlsplit("//" + host_header).hostname or ""
    return name == "localhost" or name.endswith(".localhost") or _is_ip(name)


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _is_ip(name: str) -> bool:
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


_TYPES = {
    ".html": "text/html",
    ".htm": "text/html",
    ".css": "text/css",
    ".js": "text/javascript",
    ".mjs": "text/javascript",
    ".xml": "application/xml",
    ".txt": "text/plain",
    ".md": "text/markdown",
    ".json": "application/json",
    ".webmanifest": "application/manifest+json",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".webp": "image/webp",
    ".avif": "image/avif",
    ".ico": "image/x-icon",
    ".woff": "font/woff",
    ".woff2": "font/woff2",
    ".ttf": "font/ttf",
    ".otf": "font/otf",
    ".pdf": "application/pdf",
    ".mp4": "video/mp4",
    ".webm": "video/webm",
    ".mp3": "audio/mpeg",
    ".wasm": "application/wasm",
}
# Types that are text although their top-level type is not `text/`.
_TEXT_TYPES = {
    "application/xml",
    "application/json",
    "application/manifest+json",
    "image/svg+xml",
}


def content_type(key: str) -> str:
    """The Content-Type for an output path; text types say they are UTF-8, as the build writes."""
    suffix = PurePosixPath(key).suffix.lower()
    # A fixed table first: the system's mimetypes database differs between machines.
    kind = _TYPES.get(suffix) or mimetypes.guess_type(key)[0] or "application/octet-stream"
    if kind.startswith("text/") or kind in _TEXT_TYPES:
        return kind + "; charset=utf-8"
    return kind
