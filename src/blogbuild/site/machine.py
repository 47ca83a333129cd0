"""Outputs read by machines: Atom feeds, sitemap, robots.txt, llms.txt and Markdown copies."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from blogbuild.content.config import CONFIG_NAME
from blogbuild.content.permalinks import SEARCH_URL
from blogbuild.errors import Problems
from blogbuild.hashing import digest
from blogbuild.site.feeds import FEED_URL, atom_feed, category_feed_url, entry_updated, newest_posts
from blogbuild.site.jsonfeed import JSON_FEED_URL, json_feed
from blogbuild.site.llms import LLMS_URL, llms_txt, markdown_copy, markdown_url
from blogbuild.site.plan import Site
from blogbuild.site.sitemap import SITEMAP_URL, robots_txt, sitemap_xml
from blogbuild.site.urls import output_file
from blogbuild.site.views import Page, PostView

NOT_IN_SITEMAP = frozenset({"/404.html", SEARCH_URL})  # no content of their own


@dataclass(frozen=True, slots=True)
class MachineFile:
    """One machine-readable output, made only when its fingerprint changed."""

    rel: str
    fingerprint: str
    make: Callable[[], bytes]


def machine_files(site: Site, shared: str, problems: Problems) -> list[MachineFile]:
    """Every machine-readable file of the site; drafts and future posts stay out of them."""
    config = site.config
    if not config.absolute_base:
        # named after the config file only when there is one to edit
        config_file = CONFIG_NAME if (config.root / CONFIG_NAME).is_file() else ""
        problems.warning(
            config_file, None,
            "base_url has no host: feeds, sitemap and llms.txt use relative links; "
            "set base_url to the address the site is published at",
        )  # fmt: skip
    public = [post for post in site.posts if not post.draft and not post.future]
    language = config.language

    def feed(posts: Sequence[PostView], feed_url: str, page_url: str, title: str) -> MachineFile:
        newest = newest_posts(posts, config.feed_size)

        def make() -> bytes:
            return atom_feed(
                config, posts, feed_url=feed_url, page_url=page_url, title=title, language=language
            )

        return MachineFile(output_file(feed_url), _fingerprint(shared, feed_url, newest), make)

    files = [feed(public, FEED_URL, "/", config.title)]
    newest = newest_posts(public, config.feed_size)
    files.append(
        MachineFile(
            output_file(JSON_FEED_URL), _fingerprint(shared, JSON_FEED_URL, newest),
            lambda: json_feed(config, public, title=config.title, language=language),
        )
    )  # fmt: skip
    for taxonomy in (site.categories, site.tags):
        for term in taxonomy.terms:
            posts = [p for p in taxonomy.posts[term.slug] if not p.draft and not p.future]
            files.append(
                feed(posts, category_feed_url(term), term.url, f"{config.title} — {term.name}")
            )
    # Made from metadata alone; fingerprinted by exactly what they show, since they change
    # far more rarely than the posts (a post's text is not in them).
    entries = _sitemap_entries(site.pages)
    pages = [page for page in site.page_views if not page.draft]
    listed = "\n".join(
        f"{p.kind}|{p.url}|{p.title}|{p.date.isoformat()}|{p.description}"
        for p in (*public, *pages)
    )  # fmt: skip
    shown = "\n".join(f"{url}|{moment.isoformat() if moment else ''}" for url, moment in entries)
    files += [
        MachineFile(
            output_file(SITEMAP_URL), digest(f"{shared}|sitemap|{shown}"),
            lambda: sitemap_xml(config, entries),
        ),
        MachineFile("robots.txt", "", lambda: robots_txt(config)),
        MachineFile(
            output_file(LLMS_URL), digest(f"{shared}|llms|{listed}"),
            lambda: llms_txt(config, public, pages),
        ),
    ]  # fmt: skip
    for post in (*site.posts, *site.page_views):
        files.append(
            MachineFile(
                output_file(markdown_url(post)),
                _fingerprint(shared, "md", [post]),
                lambda post=post: markdown_copy(post, post.markdown, config),  # type: ignore[misc]
            )
        )
    return files


def _fingerprint(shared: str, name: str, posts: Sequence[PostView]) -> str:
    return digest(f"{shared}|{name}|" + ",".join(post.fingerprint for post in posts))


def _sitemap_entries(pages: tuple[Page, ...]) -> list[tuple[str, datetime | None]]:
    entries: list[tuple[str, datetime | None]] = []
    for page in pages:
        if page.url in NOT_IN_SITEMAP:
            continue
        post = page.context.get("post")
        posts = page.context.get("posts", ())
        if isinstance(post, PostView):
            if post.draft or post.future:
                continue
            entries.append((page.url, entry_updated(post)))
        else:
            dates = [entry_updated(p) for p in posts if isinstance(p, PostView)]
            entries.append((page.url, max(dates) if dates else None))
    return entries
