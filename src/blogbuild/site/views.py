"""Read-only views of the site that templates see."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol

from blogbuild.model import AiProvenance, Heading, RenderedPost


class BodyStore(Protocol):
    """Where rendered post bodies are kept out of the planning process's memory."""

    def load_body(self, key: str) -> RenderedPost | None: ...


class MemoryBodies:
    """A BodyStore in memory, for previews and tests."""

    def __init__(self) -> None:
        self.bodies: dict[str, RenderedPost] = {}

    def load_body(self, key: str) -> RenderedPost | None:
        return self.bodies.get(key)

    def store_body(self, key: str, rendered: RenderedPost) -> None:
        self.bodies[key] = rendered


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
    word_count: int
    reading_minutes: int
    image: str | None
    ai: AiProvenance | None
    draft: bool
    future: bool
    source_path: str
    # Where the rendered body lies in `store`. Not in the repr, with the fingerprints: a
    # template printing a post must not show what changes with the body.
    key: str = field(repr=False)
    store: BodyStore = field(repr=False, hash=False, compare=False)
    extra: dict[str, Any] = field(hash=False, compare=False)
    previous: Link | None = None  # the older neighbour
    next: Link | None = None  # the newer neighbour
    related: tuple[Link, ...] = ()
    aliases: tuple[str, ...] = ()  # the post's old URLs, each redirected here
    kind: str = "post"  # or "page": one that stands alone (about), in no list
    # Changes whenever anything a page shows of this post changes, ...
    fingerprint: str = field(default="", repr=False)
    # ... and this whenever anything but its body does (see TemplateReads).
    listing_fingerprint: str = field(default="", repr=False)

    @property
    def html(self) -> str:
        """The rendered body, read from the store only when a page shows it."""
        return self._body().html

    @property
    def markdown(self) -> str:
        """The body as written, for the Markdown copy beside the page."""
        return self._body().post.body

    def _body(self) -> RenderedPost:
        body = self.store.load_body(self.key)
        if body is None:
            raise LookupError(f"the rendered body of {self.source_path} is missing from the cache")
        return body

    @property
    def headings(self) -> tuple[Heading, ...]:
        """The body's headings, read with it: only the post's own page shows them."""
        return self._body().headings

    @property
    def toc(self) -> tuple[Heading, ...]:
        """Headings for a table of contents: the top level the body uses and the one below it,
        when there are three or more."""
        headings = self.headings
        if not headings:
            return ()
        top = min(h.level for h in headings)
        entries = tuple(h for h in headings if h.level <= top + 1)
        return entries if len(entries) >= 3 else ()


# What reads a listed post's body, or what changes with any edit of it: its word count, its
# identity in the cache. (Its excerpt and reading time change far more rarely: lists show
# them, and they count as listing data.)
BODY_READS = frozenset(
    {"html", "markdown", "headings", "toc", "word_count", "key", "store", "fingerprint"}
)


@dataclass(slots=True)
class TemplateReads:
    """What a page's templates read besides its own context's plain data.

    A list page that shows titles and excerpts (the default theme's) need not be rendered
    again when a listed post's body changes, nor a post page when a category elsewhere gains
    a post; one whose template shows either must be. Each render records what it read.
    """

    body: bool = False  # some listed post's body (BODY_READS)
    terms: bool = False  # the site's categories or tags, which every template can read

    @property
    def code(self) -> str:
        return ("b" if self.body else "-") + ("t" if self.terms else "-")

    @classmethod
    def from_code(cls, code: str) -> TemplateReads:
        """The reads `code` stands for; all of them when it is not a code."""
        if len(code) != 2 or code[0] not in "b-" or code[1] not in "t-":
            return cls(body=True, terms=True)
        return cls(body=code[0] == "b", terms=code[1] == "t")


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
