"""JSON Feed 1.1 (https://jsonfeed.org/version/1.1) of the newest posts, beside the Atom feed:
the same entries, ids and content, for readers and tools that read JSON."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from blogbuild.content.config import Config
from blogbuild.site.feeds import content_html, entry_id, entry_updated, newest_posts
from blogbuild.site.urls import public_url
from blogbuild.site.views import PostView
from blogbuild.site.xmlout import w3c_datetime

JSON_FEED_URL = "/feed.json"
JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"


def json_feed(config: Config, posts: Sequence[PostView], *, title: str, language: str) -> bytes:
    """The feed of the newest `config.feed_size` posts; URLs absolute when the site has a host."""
    feed: dict[str, Any] = {
        "version": JSON_FEED_VERSION,
        "title": title,
        "home_page_url": _url(config, "/"),
        "feed_url": _url(config, JSON_FEED_URL),
        "language": language,
        "authors": [{"name": config.author or config.title}],
    }
    if config.description:
        feed["description"] = config.description
    feed["items"] = [_item(config, post) for post in newest_posts(posts, config.feed_size)]
    return (json.dumps(feed, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _item(config: Config, post: PostView) -> dict[str, Any]:
    item: dict[str, Any] = {
        "id": entry_id(config, post),  # the Atom entry's id: a reader of both sees one post
        "url": _url(config, post.url),
        "title": post.title,
        "content_html": content_html(config, post),
        "date_published": w3c_datetime(post.date, config.tz),
        "date_modified": w3c_datetime(entry_updated(post), config.tz),
    }
    if post.description:
        item["summary"] = post.description
    if post.image:
        item["image"] = _url(config, post.image)
    names = list(dict.fromkeys(term.name for term in (*post.categories, *post.tags)))
    if names:
        item["tags"] = names
    return item


def _url(config: Config, url: str) -> str:
    return public_url(url, config.public_base)
