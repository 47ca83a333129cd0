"""The view of each post that templates see: its terms, neighbours and related posts, and
the fingerprints that say when one of its pages must be rendered again."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, MutableMapping, Sequence
from datetime import datetime

from blogbuild.content.config import Config
from blogbuild.content.permalinks import term_url
from blogbuild.content.text import truncate_words
from blogbuild.hashing import digest
from blogbuild.model import PostSummary
from blogbuild.site.related import Document, related_keys_memoized
from blogbuild.site.views import BodyStore, Link, PostView, TermView

DESCRIPTION_LENGTH = 160
# What a post's pages show of other posts and terms: neighbours, related posts, its terms.
_Shown = tuple[
    Link | None, Link | None, tuple[Link, ...], tuple[TermView, ...], tuple[TermView, ...]
]


def _term_views(
    kind: str, slug_of: dict[str, str], rendered: Sequence[PostSummary]
) -> dict[str, TermView]:
    """One view per slug, named by the spelling most posts use (ties: alphabetical)."""
    spellings: dict[str, Counter[str]] = defaultdict(Counter)
    for item in rendered:
        for name in getattr(item.post, kind):
            if name in slug_of:
                spellings[slug_of[name]][name] += 1
    views = {}
    for slug, counts in spellings.items():
        name = min(counts, key=lambda n: (-counts[n], n))
        views[slug] = TermView(kind, name, slug, term_url(kind, slug), sum(counts.values()))
    return views


def post_views(
    config: Config,
    rendered: Sequence[PostSummary],
    categories: dict[str, str],
    tags: dict[str, str],
    now: datetime,
    store: BodyStore,
    memo: MutableMapping[str, object],
    workers: int,
) -> list[PostView]:
    """A view of each post (given newest first) with its neighbours, related posts and terms."""
    category_views = _term_views("categories", categories, rendered)
    tag_views = _term_views("tags", tags, rendered)
    links = [Link(item.post.title, item.post.url) for item in rendered]
    terms = [
        (_pick(item.post.categories, categories, category_views),
         _pick(item.post.tags, tags, tag_views))
        for item in rendered
    ]  # fmt: skip
    related = _related(links, terms, rendered, memo, workers)
    described: dict[int, str] = {}  # links and terms as fingerprint text, by identity
    views = []
    for index, item in enumerate(rendered):
        previous = links[index + 1] if index + 1 < len(links) else None
        next_ = links[index - 1] if index > 0 else None
        post_categories, post_tags = terms[index]
        shown: _Shown = (previous, next_, related[index], post_categories, post_tags)
        views.append(_view(config, item, now, store, shown, described))
    return views


def page_views(
    config: Config, rendered: Sequence[PostSummary], now: datetime, store: BodyStore
) -> list[PostView]:
    """A view of each page that stands alone (about): no neighbours, related posts or terms."""
    described: dict[int, str] = {}
    return [
        _view(config, item, now, store, (None, None, (), (), ()), described) for item in rendered
    ]


def _view(
    config: Config,
    item: PostSummary,
    now: datetime,
    store: BodyStore,
    shown: _Shown,
    described: dict[int, str],
) -> PostView:
    post = item.post
    description = post.description or truncate_words(item.excerpt_text, DESCRIPTION_LENGTH)
    previous, next_, related, categories, tags = shown
    future = post.date > now and post.kind == "post"
    fingerprint, listing_fingerprint = _view_fingerprints(item, future, shown, described)
    return PostView(
        title=post.title,
        slug=post.slug,
        url=post.url,
        date=post.date.astimezone(config.tz),
        updated=post.updated.astimezone(config.tz) if post.updated else None,
        categories=categories,
        tags=tags,
        description=description,
        excerpt_html=item.excerpt_html,
        word_count=item.word_count,
        reading_minutes=item.reading_minutes,
        image=post.image,
        ai=post.ai,
        draft=post.draft,
        future=future,
        source_path=post.source_path,
        key=item.key,
        store=store,
        extra=post.extra,
        previous=previous,
        next=next_,
        related=related,
        aliases=post.aliases,
        kind=post.kind,
        fingerprint=fingerprint,
        listing_fingerprint=listing_fingerprint,
    )


def _related(
    links: list[Link],
    terms: list[tuple[tuple[TermView, ...], tuple[TermView, ...]]],
    rendered: Sequence[PostSummary],
    memo: MutableMapping[str, object],
    workers: int,
) -> list[tuple[Link, ...]]:
    """Each post's related posts, as links."""
    documents = [
        Document(
            link.url,
            tuple(t.slug for t in post_categories),
            tuple(t.slug for t in post_tags),
            item.key_terms,
        )
        for link, (post_categories, post_tags), item in zip(links, terms, rendered, strict=True)
    ]
    related = related_keys_memoized(documents, memo, workers)
    by_url = {link.url: link for link in links}
    return [tuple(by_url[url] for url in related[link.url]) for link in links]


def _view_fingerprints(
    item: PostSummary, future: bool, shown: _Shown, known: dict[int, str]
) -> tuple[str, str]:
    """A post view's fingerprint, and its listing fingerprint, which leaves the body out.

    Both hold what a post's pages show that its file does not: the neighbours, related
    posts and terms shown with it. The rest of a view comes from the post's file (its key,
    or its listing key without the body) and the config (in every page's fingerprint).
    """
    previous, next_, related, categories, tags = shown
    described = "\x1d".join(
        _described(items, known) for items in ((previous, next_), related, categories, tags)
    )
    post = item.post
    rest = f"{future}|{post.draft}|{post.date.isoformat()}|{described}"
    return digest(f"{item.key}|{rest}"), digest(f"{item.listing_key}|{rest}")


def _described(items: Iterable[Link | TermView | None], known: dict[int, str]) -> str:
    """Links and terms as fingerprint text; `known` keeps each one's text by identity, as
    the same objects are shown by many posts."""
    return "\x1e".join([known.get(id(item)) or _describe(item, known) for item in items])


def _describe(shown: Link | TermView | None, known: dict[int, str]) -> str:
    if isinstance(shown, Link):
        text = f"L{shown.title}\x1f{shown.url}"
    elif isinstance(shown, TermView):
        text = f"T{shown.name}\x1f{shown.url}\x1f{shown.count}"
    else:
        text = "-"
    known[id(shown)] = text
    return text


def _pick(
    names: Sequence[str], slug_of: dict[str, str], views: dict[str, TermView]
) -> tuple[TermView, ...]:
    slugs = dict.fromkeys(slug_of[name] for name in names if name in slug_of)
    return tuple(views[slug] for slug in slugs)
