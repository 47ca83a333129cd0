"""Each tool's post file: where it goes in the site and the metadata header it reads."""

from __future__ import annotations

import json

from posts import PostMeta


def _q(value: str) -> str:
    # A JSON string is also a valid double-quoted YAML string.
    return json.dumps(value, ensure_ascii=False)


def _list(values: tuple[str, ...]) -> str:
    return "[" + ", ".join(_q(v) for v in values) + "]"


def _yaml_head(post: PostMeta, date: str, *extra: str) -> str:
    """YAML front matter with the fields every YAML-reading tool shares, plus `extra` lines."""
    lines = [
        "---", f"title: {_q(post.title)}", f"date: {date}", *extra,
        f"categories: {_list((post.category,))}", f"tags: {_list(post.tags)}",
        f"description: {_q(post.description)}", "---", "", "",
    ]  # fmt: skip
    return "\n".join(lines)


def blogbuild(post: PostMeta) -> tuple[str, str]:
    """YAML front matter with the date in blogbuild's documented form."""
    return f"content/posts/{post.stem}.md", _yaml_head(post, f"{post.date:%Y-%m-%d %H:%M:%S %z}")


def hugo(post: PostMeta) -> tuple[str, str]:
    """YAML front matter; `slug` gives the same /posts/<slug>/ URL as blogbuild."""
    head = _yaml_head(post, post.date.isoformat(), f"slug: {post.slug}")
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
    return f"posts/{post.stem}.md", _yaml_head(post, post.date.isoformat())


WRITERS = {"blogbuild": blogbuild, "hugo": hugo, "pelican": pelican, "eleventy": eleventy}
