"""Fingerprints of what a page shows, so an unchanged page is not rendered again."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from blogbuild.hashing import digest
from blogbuild.site.views import Link, Page, Paginator, PostView, TemplateReads, TermView

_PLAIN = (str, int, float, bool, type(None), Link, TermView)  # hold no PostView


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
