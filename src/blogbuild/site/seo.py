"""What search engines and link previews read: JSON-LD and Open Graph values."""

from __future__ import annotations

from typing import Any

from blogbuild.content.config import Config
from blogbuild.site.urls import absolute
from blogbuild.site.views import PostView

OG_LOCALES = {"ru": "ru_RU", "en": "en_US"}


def post_json_ld(post: PostView, config: Config) -> dict[str, Any]:
    """schema.org BlogPosting for a post; the AI provenance goes in as contributor and reviewer."""
    url = absolute(post.url, config.public_base)
    author = post.extra.get("author") or config.author or config.title
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "BlogPosting",
        "headline": post.title,
        "description": post.description,
        "url": url,
        "datePublished": post.date.isoformat(timespec="seconds"),
        "dateModified": (post.updated or post.date).isoformat(timespec="seconds"),
        "author": {"@type": "Person", "name": str(author)},
        "publisher": {"@type": "Organization", "name": config.title},
        "inLanguage": config.language,
        "wordCount": post.word_count,
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
    }
    keywords = [term.name for term in (*post.categories, *post.tags)]
    if keywords:
        data["keywords"] = keywords
    if post.image:
        data["image"] = (
            absolute(post.image, config.public_base) if post.image.startswith("/") else post.image
        )
    if post.ai is not None:
        if post.ai.model:
            role = "generator" if post.ai.generated else "assistant"
            data["contributor"] = {
                "@type": "SoftwareApplication",
                "name": post.ai.model,
                "description": role,
            }
        if post.ai.reviewed_by:
            data["mainEntityOfPage"]["reviewedBy"] = {
                "@type": "Person",
                "name": post.ai.reviewed_by,
            }
    return data


def image_url(image: str | None, config: Config) -> str | None:
    """An image URL fit for og:image: absolute when the site knows its host."""
    if not image:
        return None
    return absolute(image, config.public_base) if image.startswith("/") else image
