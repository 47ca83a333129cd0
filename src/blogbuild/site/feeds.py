"""Atom 1.0 feeds (RFC 4287) of the newest posts, with their full content."""

from __future__ import annotations

import html
import uuid
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from datetime import UTC, datetime
from urllib.parse import urlsplit

from blogbuild import __version__
from blogbuild.content.config import Config
from blogbuild.content.permalinks import taxonomy_url
from blogbuild.site.urls import place_under, public_url
from blogbuild.site.views import PostView, TermView
from blogbuild.site.xmlout import sub, to_bytes, w3c_datetime

FEED_URL = "/feed.xml"  # the whole site's feed; each category has one beside its page
ATOM_NS = "http://www.w3.org/2005/Atom"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
XML_BASE = "{http://www.w3.org/XML/1998/namespace}base"
# RFC 4287 requires feed/updated; a feed with no posts has no date to give, and `now()` would
# make every build differ, so it gets a fixed moment instead.
EMPTY_FEED_UPDATED = datetime(1970, 1, 1, tzinfo=UTC)


def atom_feed(
    config: Config,
    posts: Sequence[PostView],
    *,
    feed_url: str,
    page_url: str,
    title: str,
    language: str,
) -> bytes:
    """An Atom feed of the newest `config.feed_size` posts; `feed_url`/`page_url` are site URLs.

    URLs are absolute when `config.absolute_base` is set, else root-relative under the base
    path (feed readers may then fail to resolve them; the caller should warn).
    """
    newest = newest_posts(posts, config.feed_size)
    feed = ET.Element("feed", {"xmlns": ATOM_NS, XML_LANG: language})
    feed_href = _url(config, feed_url)
    sub(feed, "title", title)
    if config.description:
        sub(feed, "subtitle", config.description)
    sub(feed, "link", rel="alternate", type="text/html", href=_url(config, page_url))
    sub(feed, "link", rel="self", type="application/atom+xml", href=feed_href)
    sub(feed, "id", feed_href if _is_absolute(feed_href) else _urn(config.title, feed_url))
    updated = max((entry_updated(post) for post in newest), default=EMPTY_FEED_UPDATED)
    sub(feed, "updated", w3c_datetime(updated, config.tz))
    _author(feed, config)
    sub(feed, "generator", "blogbuild", version=__version__)
    for post in newest:
        _entry(feed, config, post)
    return to_bytes(feed)


def category_feed_url(term: TermView) -> str:
    """Where a category's or tag's own feed lives: `/categories/<slug>/feed.xml`, `/tags/…`."""
    return term.url + "feed.xml"


def newest_posts(posts: Sequence[PostView], size: int) -> list[PostView]:
    """The `size` newest posts, newest first; equal dates go by slug so the order is stable."""
    return sorted(posts, key=lambda post: (post.date, post.slug), reverse=True)[:size]


def entry_updated(post: PostView) -> datetime:
    """When a post last changed: its `updated` date, never earlier than its publication date."""
    return max(post.date, post.updated) if post.updated else post.date


def entry_id(config: Config, post: PostView) -> str:
    """A post's permanent Atom id: its absolute URL, or a name-based UUID URN without a host."""
    url = _url(config, post.url)
    # RFC 4287 needs an absolute IRI; a root-relative URL is not one.
    return url if _is_absolute(url) else _urn(config.title, post.url)


def _entry(feed: ET.Element, config: Config, post: PostView) -> None:
    entry = sub(feed, "entry")
    post_url = _url(config, post.url)
    sub(entry, "title", post.title, type="text")
    sub(entry, "link", rel="alternate", type="text/html", href=post_url)
    sub(entry, "id", entry_id(config, post))
    sub(entry, "published", w3c_datetime(post.date, config.tz))
    sub(entry, "updated", w3c_datetime(entry_updated(post), config.tz))
    # Repeated from the feed so an entry copied into another feed keeps its author.
    _author(entry, config)
    for term in (*post.categories, *post.tags):
        _category(entry, config, term)
    if post.description:
        sub(entry, "summary", post.description, type="text")
    # xml:base lets readers resolve links relative to the post page (`img.png`, `#notes`).
    sub(entry, "content", content_html(config, post), type="html", **{XML_BASE: post_url})


def content_html(config: Config, post: PostView) -> str:
    """The post's HTML as the feed carries it: cover image first, root-relative URLs absolute."""
    body = post.html
    if post.image:
        body = f'<p><img src="{html.escape(post.image)}" alt=""></p>\n{body}'
    prefix = config.absolute_base or config.base_path
    return place_under(body, prefix)


def _category(entry: ET.Element, config: Config, term: TermView) -> None:
    # The scheme tells categories from tags of the same name; it must be an absolute IRI.
    scheme = _url(config, taxonomy_url(term.kind))
    if _is_absolute(scheme):
        sub(entry, "category", term=term.name, scheme=scheme, label=term.name)
    else:
        sub(entry, "category", term=term.name, label=term.name)


def _author(parent: ET.Element, config: Config) -> None:
    author = sub(parent, "author")
    sub(author, "name", config.author or config.title)


def _url(config: Config, url: str) -> str:
    return public_url(url, config.public_base)


def _is_absolute(url: str) -> bool:
    parts = urlsplit(url)
    return bool(parts.scheme and parts.netloc)


def _urn(site_title: str, url: str) -> str:
    """A stable id without a host: the same site title and URL always give the same UUID."""
    return uuid.uuid5(uuid.NAMESPACE_URL, f"blogbuild:{site_title}:{url}").urn
