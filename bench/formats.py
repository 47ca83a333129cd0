"""Each tool's post file: where it goes in the site and the metadata header it reads."""

from __future__ import annotations

import json

from posts import PostMeta


def _q(value: str) -> str:
    # A JSON string is also a valid double-quoted YAML string.
    return json.dumps(value, ensure_ascii=False)


def _list(values: tuple[str, ...]) -> str:
    return "[" + ", ".join(_q(v) for v in values) + "]"


def blogbuild(post: PostMeta) -> tuple[str, str]:
    """YAML front matter with the date in blogbuild's documented form."""
    head = (
        f"---\ntitle: {_q(post.title)}\n"
        f"date: {post.date:%Y-%m-%d %H:%M:%S %z}\n"
        f"categories: {_list((post.category,))}\n"
        f"tags: {_list(post.tags)}\n"
        f"description: {_q(post.description)}\n---\n\n"
    )
    return f"content/posts/{post.stem}.md", head


def hugo(post: PostMeta) -> tuple[str, str]:
    """YAML front matter; `slug` gives the same /posts/<slug>/ URL as blogbuild."""
    head = (
        f"---\ntitle: {_q(post.title)}\n"
        f"date: {post.date.isoformat()}\n"
        f"slug: {post.slug}\n"
        f"categories: {_list((post.category,))}\n"
        f"tags: {_list(post.tags)}\n"
        f"description: {_q(post.description)}\n---\n\n"
    )
    return f"content/posts/{post.stem}.md", head


def pelican(post: PostMeta) -> tuple[str, str]:
    """Markdown `Key: value` metadata; Pelican takes one category per article."""
    head = (
        f"Title: {post.title}\n"
        f"Date: {post.date.isoformat()}\n"
        f"Category: {post.category}\n"
        f"Tags: {', '.join(post.tags)}\n"
        f"Slug: {post.slug}\n"
        f"Summary: {post.description}\n\n"
    )
    return f"content/{post.stem}.md", head


def eleventy(post: PostMeta) -> tuple[str, str]:
    """YAML front matter; Eleventy drops the date prefix from the file slug itself."""
    head = (
        f"---\ntitle: {_q(post.title)}\n"
        f"date: {post.date.isoformat()}\n"
        f"categories: {_list((post.category,))}\n"
        f"tags: {_list(post.tags)}\n"
        f"description: {_q(post.description)}\n---\n\n"
    )
    return f"posts/{post.stem}.md", head


WRITERS = {"blogbuild": blogbuild, "hugo": hugo, "pelican": pelican, "eleventy": eleventy}
