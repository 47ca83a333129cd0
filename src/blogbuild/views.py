"""Read-only views of the site that templates see."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from blogbuild.model import AiProvenance, Heading


@dataclass(frozen=True, slots=True)
class Link:
    """A titled link to another page of the site."""

    title: str
    url: str


@dataclass(frozen=True, slots=True)
class TermView:
    """A category or tag as shown on pages."""

    kind: str  # "categories" or "tags"
    name: str
    slug: str
    url: str
    count: int


@dataclass(frozen=True, slots=True)
class PostView:
    """Everything a template may show about a post."""

    title: str
    slug: str
    url: str
    date: datetime
    updated: datetime | None
    categories: tuple[TermView, ...]
    tags: tuple[TermView, ...]
    description: str  # the front matter description, else the excerpt cut to length
    excerpt_html: str
    html: str
    headings: tuple[Heading, ...]
    word_count: int
    reading_minutes: int
    image: str | None
    ai: AiProvenance | None
    draft: bool
    future: bool
    source_path: str
    markdown: str  # the body as written, for the Markdown copy beside the page
    extra: dict[str, Any] = field(hash=False, compare=False)
    previous: Link | None = None  # the older neighbour
    next: Link | None = None  # the newer neighbour
    related: tuple[Link, ...] = ()

    @property
    def toc(self) -> tuple[Heading, ...]:
        """Headings for a table of contents: h2 and h3, when there are three or more."""
        entries = tuple(h for h in self.headings if h.level in (2, 3))
        return entries if len(entries) >= 3 else ()


@dataclass(frozen=True, slots=True)
class Paginator:
    """Where a list page stands among its siblings."""

    number: int
    total: int
    previous_url: str | None  # newer posts
    next_url: str | None  # older posts
    page_urls: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Page:
    """One output page: its URL, the template that renders it and what that template sees."""

    url: str
    template: str
    title: str
    description: str
    context: dict[str, Any] = field(hash=False, compare=False)
