"""Every URL the site gives a post, a taxonomy term or a list page: made here and only here.

A permalink pattern (Jekyll's, Hugo's or blogbuild's own) changes these functions alone.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from blogbuild.content.patterns import (
    DEFAULT_PERMALINK,
    JEKYLL_STYLES,
    PostFacts,
    expand_hugo,
    expand_jekyll,
    hugo_default,
    tidy_url,
)

if TYPE_CHECKING:
    from blogbuild.content.layout import SiteLayout

ARCHIVE_URL = "/archive/"
SEARCH_URL = "/search/"


def post_url(slug: str) -> str:
    """The site-root URL of the post with `slug`: its page and its bundle's files live there."""
    return f"/posts/{slug}/"


def post_permalink(facts: PostFacts, layout: SiteLayout, given: str | None = None) -> str:
    """The URL a post gets on a site of `layout`. `given`: the post's own `permalink:`
    (Jekyll, blogbuild) or `url:` (Hugo), which wins over the site's pattern."""
    if layout.generator == "jekyll":
        return expand_jekyll(given or layout.permalink, facts)
    if layout.generator == "hugo":
        if given:  # Hugo's `url: /faq` is the folder /faq/, `url: /x.html` a file
            url = tidy_url(given)
            return url if url.endswith("/") or "." in url.rsplit("/", 1)[-1] else url + "/"
        section = facts.folder.split("/", 1)[0]
        pattern = layout.section_permalinks.get(section)
        lower = layout.lower_case_urls
        return (
            expand_hugo(pattern, facts, section, lower=lower)
            if pattern
            else hugo_default(facts, lower=lower)
        )
    pattern = given or layout.permalink
    if pattern == DEFAULT_PERMALINK:
        return post_url(facts.slug)
    date = facts.date
    url = (
        pattern.replace(":year", f"{date.year:04d}")
        .replace(":month", f"{date.month:02d}")
        .replace(":day", f"{date.day:02d}")
        .replace(":slug", facts.slug)
    )
    return url if url.startswith("/") else "/" + url


def page_permalink(rel: str, facts: PostFacts, layout: SiteLayout, given: str | None = None) -> str:
    """The URL a page (`rel`: its file from the site root) gets: `content/pages/about.md` ->
    `/about/`, a bundle's `contacts/index.md` -> `/contacts/`; `given` (`permalink:`,
    Hugo's `url:`) wins. A Hugo page's URL follows its section's rules as a post's does."""
    if layout.generator == "hugo":
        return post_permalink(facts, layout, given)
    if layout.generator == "jekyll":
        folder, _, name = rel.rpartition("/")
        stem = name.rsplit(".", 1)[0]
        if given:
            return expand_jekyll(given, replace(facts, folder=folder, base_name=stem))
        if stem == "index":
            return tidy_url(f"/{folder}/")
        # Jekyll's `Page#template`: a page follows the site's style in its ending alone
        pattern = JEKYLL_STYLES.get(layout.permalink, layout.permalink)
        ending = "/" if pattern.endswith("/") else ".html"
        return tidy_url(f"/{folder}/{stem}{ending}")
    if given:
        return tidy_url(given)
    return tidy_url(f"/{facts.folder}/{facts.slug}/")


def page_folder(url: str) -> str:
    """The folder a page at `url` is in, as a browser resolves its relative links:
    `/posts/x/` -> itself, `/2020/01/02/x.html` -> `/2020/01/02/`."""
    return url if url.endswith("/") else url.rsplit("/", 1)[0] + "/"


def suffixed_url(url: str, number: int) -> str:
    """The URL a later post gets when an earlier one has `url`: `/posts/x/` -> `/posts/x-2/`,
    `/2020/x.html` -> `/2020/x-2.html`."""
    if url.endswith("/"):
        return f"{url[:-1]}-{number}/"
    head, dot, ext = url.rpartition(".")
    if dot and "/" not in ext:
        return f"{head}-{number}.{ext}"
    return f"{url}-{number}"


def taxonomy_url(kind: str) -> str:
    """The overview of a taxonomy's terms: `/tags/`, `/categories/`."""
    return f"/{kind}/"


def term_url(kind: str, slug: str) -> str:
    """The list of one term's posts: `/tags/<slug>/`."""
    return f"{taxonomy_url(kind)}{slug}/"


def list_page_url(first: str, number: int) -> str:
    """Page `number` of a paginated list whose first page is `first`: `first`, `first/page/2/`."""
    return first if number == 1 else f"{first}page/{number}/"


def theme_urls() -> dict[str, str]:
    """The site's own list pages, as templates link to them: `{{ urls.tags }}`."""
    return {
        "home": "/",
        "archive": ARCHIVE_URL,
        "search": SEARCH_URL,
        "categories": taxonomy_url("categories"),
        "tags": taxonomy_url("tags"),
    }
