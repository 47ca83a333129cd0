"""Every URL the site gives a post, a taxonomy term or a list page: made here and only here.

A permalink pattern (Jekyll's, Hugo's or blogbuild's own) changes these functions alone.
"""

from __future__ import annotations

ARCHIVE_URL = "/archive/"
SEARCH_URL = "/search/"


def post_url(slug: str) -> str:
    """The site-root URL of the post with `slug`: its page and its bundle's files live there."""
    return f"/posts/{slug}/"


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
