"""The data that flows through the pipeline: each stage makes a new, frozen type."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal, NamedTuple

from blogbuild.pickling import pickled_by_fields

SourceFormat = Literal["markdown", "text", "html"]  # html: a Jekyll or Hugo .html post
# Each highlighted code block's HTML, by a digest of its language and code.
CodeHtml = tuple[tuple[str, str], ...]
# (name of another post as a post links to it, the URL it got), sorted by name
References = tuple[tuple[str, str], ...]
DateSource = Literal["front_matter", "file_name", "git", "mtime"]
# A post is dated and listed; a page (`content/pages/about.md`) stands alone: no date
# shown, in no list, feed or archive.
SourceKind = Literal["post", "page"]


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class AiProvenance:
    """Who wrote a post and who checked it, from front matter `ai:`."""

    model: str | None
    generated: bool
    reviewed_by: str | None


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Post:
    """A post as loaded from its file: metadata validated, body still Markdown."""

    source_path: str  # relative to the site root, as shown in messages
    slug: str
    url: str  # site-root URL of its page, from the site's permalink pattern
    title: str
    date: datetime  # always time-zone aware
    updated: datetime | None
    categories: tuple[str, ...]
    tags: tuple[str, ...]
    draft: bool
    description: str | None
    image: str | None
    body: str  # Markdown; a plain-text post is converted to Markdown on load
    body_line: int  # 1-based line of the file where `body` starts
    source_format: SourceFormat
    date_source: DateSource = "front_matter"
    ai: AiProvenance | None = None
    check_ignore: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()  # old URLs that redirect to `url` (aliases:, redirect_from:)
    extra: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)
    # 1-based line of each front matter key in the file, for positions in messages
    meta_lines: dict[str, int] = field(default_factory=dict, hash=False, compare=False)
    content_hash: str = ""  # hash of the file's bytes, for caching
    # A plain-text post's body as written, before its conversion to Markdown (same lines)
    text_body: str | None = None
    kind: SourceKind = "post"


class Heading(NamedTuple):
    """A heading in a rendered post, with its unique anchor id.

    A named tuple rather than a dataclass: every cached post carries dozens of them, and
    tuples load from the cache several times faster.
    """

    level: int
    id: str
    text: str
    line: int | None = None  # 1-based line in the source file


@dataclass(frozen=True, slots=True)
class RenderedMarkdown:
    """What the Markdown renderer returns for one document."""

    html: str
    headings: tuple[Heading, ...]
    excerpt_html: str  # before <!--more-->, else the first paragraph
    excerpt_text: str  # the same as plain text, for descriptions
    plain_text: str  # the whole body as text, for word counts and key terms
    word_count: int
    code_html: CodeHtml = ()
    warnings: tuple[tuple[int, str], ...] = ()  # (file line, message) from Liquid, shortcodes
    # Other posts named by post_url, link or ref, with the URL each was given ("": none)
    references: References = ()


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class PostSummary:
    """What the site plan needs of a rendered post; its body and HTML stay in the cache."""

    key: str  # the cache key of the rendered body
    listing_key: str  # a digest of what list pages can show of the post: all but the body
    post: Post  # with an empty body
    excerpt_html: str
    excerpt_text: str
    word_count: int
    reading_minutes: int
    key_terms: tuple[str, ...]  # the post's most frequent words, for related posts
    # ids in the body, one per line, for fragment link checks: a string loads faster from
    # the cache than a set, and only the pages that links point into need splitting
    element_ids: str = ""
    findings: tuple[Any, ...] = ()  # `blogbuild check` findings from the source alone
    links: tuple[Any, ...] = ()  # every link and image with its position, checked per build
    warnings: tuple[Any, ...] = ()  # problems to repeat on every build (date fallbacks, ...)
    references: References = ()  # other posts linked to by name, with the URLs they got


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class RenderedPost:
    """A post with its body rendered to HTML."""

    post: Post
    html: str
    headings: tuple[Heading, ...]
    excerpt_html: str
    excerpt_text: str
    plain_text: str  # empty in the cache: only the worker that rendered the post reads it
    word_count: int
    reading_minutes: int
    code_html: CodeHtml = ()  # kept so the next version of the post need not highlight again
    references: References = ()
