"""Fingerprints of what a page shows, so an unchanged page is not rendered again."""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Iterable, Mapping
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from blogbuild.views import Link, Page, Paginator, PostView, TemplateReads, TermView

if TYPE_CHECKING:
    from blogbuild.site import Site

_PLAIN = (str, int, float, bool, type(None), Link, TermView)  # hold no PostView


def digest(text: str) -> str:
    """A short, stable hash of text."""
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def files_digest(paths: Iterable[Path]) -> str:
    """A hash of files' names and bytes (templates, assets), in a stable order."""
    hasher = hashlib.blake2b(digest_size=16)
    for path in sorted(paths):
        hasher.update(str(path).encode())
        hasher.update(b"\0")
        hasher.update(path.read_bytes())
    return hasher.hexdigest()


def page_fingerprint(page: Page, shared: str, reads: TemplateReads, site_terms: str) -> str:
    """A hash of everything `page` is rendered from; `shared` covers templates and config.

    `reads` says what the page's templates read beyond its context: only then do a listed
    post's body (through its full fingerprint) and `site_terms` (a digest of the site's
    categories and tags) count. The result starts with `reads.code`, so the next build knows
    which fingerprint to compare it with.
    """
    text = (
        f"{shared}|{page.url}|{page.template}|{page.title}|{page.description}|"
        f"{_value(page.context, reads.body)}"
    )
    if reads.terms:
        text += f"|{site_terms}"
    return reads.code + digest(text)


def site_terms_digest(site: Site) -> str:
    """A digest of the site's categories and tags, which every template can read."""
    return digest(repr((site.categories.terms, site.tags.terms)))


def reads_of(fingerprint: str) -> TemplateReads:
    """What the page had read when `fingerprint` was made (all of it when unknown)."""
    return TemplateReads.from_code(fingerprint[: len(TemplateReads().code)])


def _value(value: Any, body: bool) -> str:
    # Cheap checks first: pages hold thousands of posts and sequences; ABC checks are slow.
    if isinstance(value, PostView):
        # A post is represented by a fingerprint: its repr would include every field anyway.
        return f"post:{value.fingerprint if body else value.listing_fingerprint}"
    if isinstance(value, (list, tuple)):
        return "[" + ",".join([_value(item, body) for item in value]) + "]"
    if isinstance(value, _PLAIN):
        return repr(value)
    if isinstance(value, Paginator):
        # Every page of a list holds all its page URLs: their digest keeps this linear.
        shown = (value.number, value.total, value.previous_url, value.next_url)
        return f"Paginator{shown!r}{_urls_digest(value.page_urls)}"
    if isinstance(value, Mapping):
        items = sorted(value.items())
        return "{" + ",".join([f"{key!r}:{_value(item, body)}" for key, item in items]) + "}"
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = (
            f"{f.name}={_value(getattr(value, f.name), body)}" for f in dataclasses.fields(value)
        )
        return f"{type(value).__name__}(" + ",".join(fields) + ")"
    return repr(value)


@lru_cache(maxsize=64)
def _urls_digest(urls: tuple[str, ...]) -> str:
    return digest("\n".join(urls))
