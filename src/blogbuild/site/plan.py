"""Planning the site: which pages exist, at which URLs, listing which posts."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import MutableMapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TypeVar

from blogbuild.content.config import Config
from blogbuild.content.i18n import strings
from blogbuild.content.permalinks import ARCHIVE_URL, SEARCH_URL, list_page_url, taxonomy_url
from blogbuild.content.slugs import fitted_slug, term_slug
from blogbuild.content.text import truncate_words
from blogbuild.errors import Problems
from blogbuild.hashing import digest
from blogbuild.model import PostSummary
from blogbuild.site.menu import configured_menu, menu_links
from blogbuild.site.postviews import page_views, post_views
from blogbuild.site.urls import output_file
from blogbuild.site.views import BodyStore, Link, Page, Paginator, PostView, TermView

_SEPARATORS = re.compile(r"[\s_-]+")
TERMS_PER_PAGE = 100
T = TypeVar("T")


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
    page_views: tuple[PostView, ...] = ()  # the pages that stand alone (about), by URL
    menu: tuple[Link, ...] = ()  # the pages the header links to, in order


def plan_site(
    config: Config,
    rendered: Sequence[PostSummary],
    now: datetime,
    problems: Problems,
    store: BodyStore,
    memo: MutableMapping[str, object] | None = None,
    workers: int = 1,
) -> Site:
    """Decide every page of the site from the rendered posts and pages (given newest first);
    a large site's related posts are ranked over `workers` processes."""
    standalone = sorted((s for s in rendered if s.post.kind == "page"), key=lambda s: s.post.url)
    rendered = [s for s in rendered if s.post.kind == "post"]
    categories = _terms("categories", rendered, problems)
    tags = _terms("tags", rendered, problems)
    views = post_views(
        config, rendered, categories, tags, now, store, memo if memo is not None else {}, workers
    )
    category_tax = _taxonomy("categories", views)
    tag_tax = _taxonomy("tags", views)
    pages: list[Page] = []
    pages += paginate(config, views, "/", "index.html", config.title, config.description, {})
    pages += [_post_page(view) for view in views]
    standing = page_views(config, standalone, now, store)
    pages += [Page(v.url, "page.html", v.title, v.description, {"post": v}) for v in standing]
    for taxonomy in (category_tax, tag_tax):
        pages += _taxonomy_pages(config, taxonomy)
    pages.append(_archive_page(config, views))
    if config.search:
        pages.append(Page(SEARCH_URL, "search.html", strings(config.language)["search"], "", {}))
    pages.append(Page("/404.html", "404.html", strings(config.language)["not_found"], "", {}))
    _refuse_taken_urls(pages, problems)
    return Site(
        config,
        tuple(views),
        category_tax,
        tag_tax,
        tuple(pages),
        tuple(standing),
        configured_menu(config.menu, standing, problems)
        if config.menu
        else menu_links(standing, config.layout.generator, _titled(standalone)),
    )


def _refuse_taken_urls(pages: Sequence[Page], problems: Problems) -> None:
    """An error for each post or page whose URL is one the site makes itself (`/tags/`,
    `/archive/`): one of the two pages would be lost."""
    made = {
        output_file(page.url)
        for page in pages
        if not isinstance(page.context.get("post"), PostView)
    }
    for page in pages:
        view = page.context.get("post")
        if isinstance(view, PostView) and output_file(page.url) in made:
            problems.error(
                view.source_path, None,
                f"its URL {page.url} is a page the site makes itself: give it another "
                "`permalink:` (or `url:`)",
            )  # fmt: skip


def _titled(pages: Sequence[PostSummary]) -> frozenset[str]:
    """The URLs of the pages whose front matter gives their title."""
    return frozenset(s.post.url for s in pages if "title" in s.post.meta_lines)


def _taxonomy_pages(config: Config, taxonomy: Taxonomy) -> list[Page]:
    """The overview of all terms, then each term's paginated list of posts."""
    t = strings(config.language)
    kind = taxonomy.kind
    overview = chunked(taxonomy.terms, TERMS_PER_PAGE)
    pages = []
    urls = tuple(list_page_url(taxonomy_url(kind), n) for n in range(1, len(overview) + 1))
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
    return Page(ARCHIVE_URL, "archive.html", title, "", {"years": archive})


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
    urls = tuple(list_page_url(url, n) for n in range(1, len(chunks) + 1))
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


def site_terms_digest(site: Site) -> str:
    """A digest of the site's categories and tags, which every template can read."""
    return digest(repr((site.categories.terms, site.tags.terms)))
