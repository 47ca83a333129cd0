"""Building `Config` and `PostView` objects directly, for tests of the outputs made from them."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from blogbuild.content.config import Config
from blogbuild.content.slugs import slugify
from blogbuild.model import Heading, Post, RenderedPost
from blogbuild.site.views import MemoryBodies, PostView, TermView

BODIES = MemoryBodies()  # the rendered bodies behind every view made here

MOSCOW = ZoneInfo("Europe/Moscow")
START = datetime(2025, 1, 1, 9, 30, tzinfo=MOSCOW)


def make_config(base_url: str = "https://example.org/", **values: Any) -> Config:
    """A site config as `load_config` would give it, without a file on disk."""
    values.setdefault("title", "Блог об ИИ")
    return Config(root=Path("/nonexistent-site"), base_url=base_url, **values)


def term(kind: str, name: str) -> TermView:
    """A category or tag view as the site plan makes it."""
    slug = slugify(name)
    return TermView(kind, name, slug, f"/{kind}/{slug}/", 1)


def make_post(slug: str = "post", **values: Any) -> PostView:
    """A published post view with plain defaults; keyword arguments override any field."""
    fields: dict[str, Any] = {
        "title": f"Заголовок {slug}",
        "slug": slug,
        "url": f"/posts/{slug}/",
        "date": START,
        "updated": None,
        "categories": (),
        "tags": (),
        "description": f"Описание {slug}",
        "markdown": f"Текст поста {slug}.\n",
        "excerpt_html": "<p>Начало.</p>",
        "html": f"<p>Текст записи {slug}.</p>",
        "headings": (),
        "word_count": 3,
        "reading_minutes": 1,
        "image": None,
        "ai": None,
        "draft": False,
        "future": False,
        "source_path": f"content/posts/{slug}.md",
        "extra": {},
    }
    fields.update(values)
    html, markdown = fields.pop("html"), fields.pop("markdown")
    headings = fields.pop("headings")
    key = f"{slug}:{len(BODIES.bodies)}"
    BODIES.store_body(key, _rendered(fields, html, markdown, headings))
    return PostView(**fields, key=key, store=BODIES)


def _rendered(
    fields: dict[str, Any], html: str, markdown: str, headings: tuple[Heading, ...]
) -> RenderedPost:
    post = Post(
        source_path=fields["source_path"], slug=fields["slug"], url=fields["url"],
        title=fields["title"],
        date=fields["date"], updated=fields["updated"], categories=(), tags=(), draft=False,
        description=fields["description"], image=fields["image"], body=markdown, body_line=1,
        source_format="markdown",
    )  # fmt: skip
    return RenderedPost(post, html, headings, fields["excerpt_html"], "", "", 0, 1)


def make_posts(count: int) -> list[PostView]:
    """`count` posts a day apart, newest first, as the site plan orders them."""
    posts = [make_post(f"post-{n:02d}", date=START + timedelta(days=n)) for n in range(count)]
    return posts[::-1]
