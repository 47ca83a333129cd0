"""Planning the site: which pages exist, at which URLs, listing which posts."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, MutableMapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TypeVar

from blogbuild.content.config import Config
from blogbuild.content.slugs import fitted_slug, term_slug
from blogbuild.content.text import truncate_words
from blogbuild.errors import Problems
from blogbuild.hashing import digest
from blogbuild.model import PostSummary
from blogbuild.site.i18n import strings
from blogbuild.site.related import Document, related_keys_memoized
from blogbuild.site.views import BodyStore, Link, Page, Paginator, PostView, TermView

_SEPARATORS = re.compile(r"[\s_-]+")
DESCRIPTION_LENGTH = 160
TERMS_PER_PAGE = 100
T = TypeVar("T")
# What a post's pages show of other posts and terms: neighbours, related posts, its terms.
_Shown = tuple[
    Link | None, Link | None, tuple[Link, ...], tuple[TermView, ...], tuple[TermView, ...]
]


@dataclass(frozen=True, slots=True)
class ArchiveMonth:
    """One month of the archive: its first post's date names it."""

    date: datetime
    posts: tuple[PostView, ...]


@dataclass(frozen=True, slots=True)
class ArchiveYear:
    """One year of the archive, months newest first."""

    year: int
    months: tuple[ArchiveMonth, ...]


@dataclass(frozen=True, slots=True)
class Taxonomy:
    """All terms of one kind (categories or tags) with their posts, newest first."""

    kind: str
    terms: tuple[TermView, ...]
    posts: dict[str, tuple[PostView, ...]]  # by term slug


@dataclass(frozen=True, slots=True)
class Site:
    """Everything to render: post views and every page."""

    config: Config
    posts: tuple[PostView, ...]  # newest first
    categories: Taxonomy
    tags: Taxonomy
    pages: tuple[Page, ...]


def plan_site(
    config: Config,
    rendered: Sequence[PostSummary],
    now: datetime,
    problems: Problems,
    store: BodyStore,
    memo: MutableMapping[str, object] | None = None,
    workers: int = 1,
) -> Site:
    """Decide every page of the site from the rendered posts (given newest first); a large
    site's related posts are ranked over `workers` processes."""
    categories = _terms("categories", rendered, problems)
    tags = _terms("tags", rendered, problems)
    views = _post_views(
        config, rendered, categories, tags, now, store, memo if memo is not None else {}, workers
    )
    category_tax = _taxonomy("categories", views)
    tag_tax = _taxonomy("tags", views)
    pages: list[Page] = []
    pages += paginate(config, views, "/", "index.html", config.title, config.description, {})
    pages += [_post_page(view) for view in views]
    for taxonomy in (category_tax, tag_tax):
        pages += _taxonomy_pages(config, taxonomy)
    pages.append(_archive_page(config, views))
    pages.append(Page("/404.html", "404.html", strings(config.language)["not_found"], "", {}))
    return Site(config, tuple(views), category_tax, tag_tax, tuple(pages))


def _taxonomy_pages(config: Config, taxonomy: Taxonomy) -> list[Page]:
    """The overview of all terms, then each term's paginated list of posts."""
    t = strings(config.language)
    kind = taxonomy.kind
    overview = chunked(taxonomy.terms, TERMS_PER_PAGE)
    pages = []
    urls = tuple(
        f"/{kind}/" if n == 1 else f"/{kind}/page/{n}/" for n in range(1, len(overview) + 1)
    )
    for number, chunk in enumerate(overview, start=1):
        paginator = _paginator(number, urls)
        context = {"kind": kind, "terms": chunk, "paginator": paginator}
        pages.append(Page(urls[number - 1], "terms.html", t[kind], "", context))
    for term in taxonomy.terms:
        title_key = "posts_in_category" if kind == "categories" else "posts_with_tag"
        title = t[title_key].format(name=term.name)
        posts = taxonomy.posts[term.slug]
        pages += paginate(config, posts, term.url, "term.html", title, "", {"term": term})
    return pages


def _archive_page(config: Config, views: Sequence[PostView]) -> Page:
    """Every post on one page, grouped by year, then month (in the site's time zone)."""
    years: dict[int, dict[int, list[PostView]]] = defaultdict(lambda: defaultdict(list))
    for view in views:
        years[view.date.year][view.date.month].append(view)
    archive = tuple(
        ArchiveYear(
            year,
            tuple(
                ArchiveMonth(months[month][0].date, tuple(months[month]))
                for month in sorted(months, reverse=True)
            ),
        )
        for year, months in sorted(years.items(), reverse=True)
    )
    title = strings(config.language)["archive"]
    return Page("/archive/", "archive.html", title, "", {"years": archive})


def chunked(items: Sequence[T], size: int) -> list[Sequence[T]]:
    """Split into pages of `size`; an empty sequence still makes one (empty) page."""
    return [items[i : i + size] for i in range(0, len(items), size)] or [items[:0]]


def _paginator(number: int, urls: tuple[str, ...]) -> Paginator:
    return Paginator(
        number=number,
        total=len(urls),
        previous_url=urls[number - 2] if number > 1 else None,
        next_url=urls[number] if number < len(urls) else None,
        page_urls=urls,
    )


def paginate(
    config: Config,
    posts: Sequence[PostView],
    url: str,
    template: str,
    title: str,
    description: str,
    context: dict[str, object],
) -> list[Page]:
    """List pages of `posts_per_page` posts: `url`, then `url/page/2/`, ...; always one page."""
    chunks = chunked(posts, config.posts_per_page)
    urls = tuple(url if n == 1 else f"{url}page/{n}/" for n in range(1, len(chunks) + 1))
    pages = []
    for number, chunk in enumerate(chunks, start=1):
        paginator = _paginator(number, urls)
        page_context = {**context, "posts": tuple(chunk), "paginator": paginator}
        pages.append(Page(urls[number - 1], template, title, description, page_context))
    return pages


def _post_page(view: PostView) -> Page:
    return Page(view.url, "post.html", view.title, view.description, {"post": view})


def _terms(kind: str, rendered: Sequence[PostSummary], problems: Problems) -> dict[str, str]:
    """Map each term name to its slug; names that share a slug become one term (with a
    warning when they differ by more than case and separators: `ИИ` and `II`)."""
    names: Counter[str] = Counter()
    for item in rendered:
        names.update(getattr(item.post, kind))
    slug_of: dict[str, str] = {}
    by_slug: dict[str, list[str]] = defaultdict(list)
    for name in sorted(names):
        slug, cut = fitted_slug(term_slug(name))
        if not slug:
            for item in rendered:
                if name in getattr(item.post, kind):
                    line = item.post.meta_lines.get(kind)
                    problems.error(
                        item.post.source_path,
                        line,
                        f"{kind}: '{name}' has no letters or digits to make a URL of",
                    )
            continue
        if cut:
            problems.warning(
                *_first_with(rendered, kind, name),
                f"{kind}: '{truncate_words(name, 60)}' is too long for a URL: "
                f"shortened to /{kind}/{slug}/",
            )  # fmt: skip
        slug_of[name] = slug
        by_slug[slug].append(name)
    for slug, group in sorted(by_slug.items()):
        if len({_SEPARATORS.sub(" ", name.lower()).strip() for name in group}) > 1:
            shown = ", ".join(f"'{name}'" for name in group)
            problems.warning(
                *_first_with(rendered, kind, group[0]),
                f"{kind}: {shown} share the URL /{kind}/{slug}/ and are listed as one",
            )  # fmt: skip
    return slug_of


def _first_with(rendered: Sequence[PostSummary], kind: str, name: str) -> tuple[str, int | None]:
    """The first post (by path) that has the term `name`, and the line of its `kind`."""
    post = min(
        (item.post for item in rendered if name in getattr(item.post, kind)),
        key=lambda p: p.source_path,
    )
    return post.source_path, post.meta_lines.get(kind)


def _taxonomy(kind: str, views: Sequence[PostView]) -> Taxonomy:
    by_slug: dict[str, list[PostView]] = defaultdict(list)
    for view in views:
        for term in getattr(view, kind):
            by_slug[term.slug].append(view)
    terms = {term.slug: term for view in views for term in getattr(view, kind)}
    ordered = tuple(sorted(terms.values(), key=lambda t: (t.name.lower(), t.slug)))
    return Taxonomy(kind, ordered, {slug: tuple(posts) for slug, posts in by_slug.items()})


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
        views[slug] = TermView(kind, name, slug, f"/{kind}/{slug}/", sum(counts.values()))
    return views


def _post_views(
    config: Config,
    rendered: Sequence[PostSummary],
    categories: dict[str, str],
    tags: dict[str, str],
    now: datetime,
    store: BodyStore,
    memo: MutableMapping[str, object],
    workers: int,
) -> list[PostView]:
    category_views = _term_views("categories", categories, rendered)
    tag_views = _term_views("tags", tags, rendered)
    links = [Link(item.post.title, f"/posts/{item.post.slug}/") for item in rendered]
    terms = [
        (_pick(item.post.categories, categories, category_views),
         _pick(item.post.tags, tags, tag_views))
        for item in rendered
    ]  # fmt: skip
    related = _related(links, terms, rendered, memo, workers)
    described: dict[int, str] = {}  # links and terms as fingerprint text, by identity
    views = []
    for index, item in enumerate(rendered):
        post = item.post
        description = post.description or truncate_words(item.excerpt_text, DESCRIPTION_LENGTH)
        previous = links[index + 1] if index + 1 < len(links) else None
        next_ = links[index - 1] if index > 0 else None
        post_categories, post_tags = terms[index]
        future = post.date > now
        shown: _Shown = (previous, next_, related[index], post_categories, post_tags)
        fingerprint, listing_fingerprint = _view_fingerprints(item, future, shown, described)
        views.append(
            PostView(
                title=post.title,
                slug=post.slug,
                url=links[index].url,
                date=post.date.astimezone(config.tz),
                updated=post.updated.astimezone(config.tz) if post.updated else None,
                categories=post_categories,
                tags=post_tags,
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
                related=related[index],
                fingerprint=fingerprint,
                listing_fingerprint=listing_fingerprint,
            )
        )
    return views


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


def site_terms_digest(site: Site) -> str:
    """A digest of the site's categories and tags, which every template can read."""
    return digest(repr((site.categories.terms, site.tags.terms)))
