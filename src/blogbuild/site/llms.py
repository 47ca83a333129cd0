"""llms.txt (https://llmstxt.org) and the clean Markdown copy of each post it links to."""

from __future__ import annotations

import re
from collections.abc import Sequence
from urllib.parse import quote

from blogbuild.content.config import Config
from blogbuild.content.i18n import strings
from blogbuild.model import AiProvenance
from blogbuild.site.feeds import FEED_URL, newest_posts
from blogbuild.site.urls import public_url
from blogbuild.site.views import PostView

LLMS_URL = "/llms.txt"
POSTS_SECTION = "Posts"  # section names are read by tools, so they stay English
PAGES_SECTION = "Pages"

_TEXT = {
    "ru": {
        "about": "Блог на русском языке.",
        "author": "Автор: {author}.",
        "links": (
            "Каждая ссылка ниже ведёт на Markdown-копию записи; страница записи — "
            "тот же адрес без `index.md`."
        ),
        "feed": "Лента Atom: <{url}>.",
        "date": "Дата",
        "url": "Адрес",
    },
    "en": {
        "about": "A blog in English.",
        "author": "Author: {author}.",
        "links": (
            "Each link below leads to the Markdown copy of a post; the post's page is the same "
            "address without `index.md`."
        ),
        "feed": "Atom feed: <{url}>.",
        "date": "Date",
        "url": "URL",
    },
}
# Characters that would start emphasis, code, links or HTML inside a line of Markdown.
_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<])")
_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")  # "&amp;" would be read as "&"
# What would make a line a heading, a quote or a list item: "# x", "> x", "- x", "1. x".
_BLOCK_MARK = re.compile(r"^([#>+-])")
_ORDERED_MARK = re.compile(r"^(\d+)([.)])")
# A link destination may not hold spaces or unbalanced parentheses; encode those.
_DESTINATION_SAFE = ":/?#[]@!$&'*+,;=%~"


def markdown_url(post: PostView) -> str:
    """Where a post's Markdown copy lives: `/posts/<slug>/index.md`, beside its page."""
    return post.url + "index.md" if post.url.endswith("/") else post.url + ".md"


def llms_txt(config: Config, posts: Sequence[PostView], pages: Sequence[PostView] = ()) -> bytes:
    """The site's llms.txt: title, summary, how to read the links, then every post, newest
    first, and every page that stands alone (about)."""
    text = _TEXT[config.language]
    lines = [f"# {_heading(config.title or _url(config, '/'))}", ""]
    if config.description:
        lines += [f"> {_line_start(_inline(config.description))}", ""]
    details = [text["about"]]
    if config.author:
        details.append(text["author"].format(author=_inline(config.author)))
    details.append(text["links"])
    details.append(text["feed"].format(url=_destination(_url(config, FEED_URL))))
    lines += [" ".join(details), "", f"## {POSTS_SECTION}", ""]
    for post in newest_posts(posts, len(posts)):
        lines.append(_post_line(config, post))
    if pages:
        lines += ["", f"## {PAGES_SECTION}", ""]
        lines += [_page_link(config, page) for page in pages]
    return ("\n".join(lines) + "\n").encode("utf-8")


def markdown_copy(post: PostView, markdown_source: str, config: Config) -> bytes:
    """A post as clean Markdown: `# Title`, one line of facts, then the body as written."""
    text = _TEXT[config.language]
    theme = strings(config.language)
    # a page that stands alone shows no date
    facts = [f"{text['date']}: {post.date.date().isoformat()}"] if post.kind == "post" else []
    if post.kind == "post" and post.updated and post.updated.date() > post.date.date():
        facts.append(f"{theme['updated']}: {post.updated.date().isoformat()}")
    if post.categories:
        names = ", ".join(_inline(term.name) for term in post.categories)
        facts.append(f"{theme['categories']}: {names}")
    if post.tags:
        facts.append(f"{theme['tags']}: {', '.join(_inline(term.name) for term in post.tags)}")
    facts.append(f"{text['url']}: <{_destination(_url(config, post.url))}>")
    lines = [f"# {_heading(post.title)}", "", " · ".join(facts)]
    if post.ai is not None and (provenance := _provenance(post.ai, theme)):
        lines += ["", provenance]
    body = markdown_source.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n").strip("\n")
    lines += ["", body] if body.strip() else []
    return ("\n".join(lines) + "\n").encode("utf-8")


def _page_link(config: Config, post: PostView) -> str:
    return f"- [{_inline(post.title)}]({_destination(_url(config, markdown_url(post)))})"


def _post_line(config: Config, post: PostView) -> str:
    link = _page_link(config, post)
    notes = post.date.date().isoformat()
    if post.description:
        notes += f" — {_inline(post.description)}"
    return f"{link}: {notes}"


def _provenance(ai: AiProvenance, theme: dict[str, str]) -> str:
    """Who wrote the text and who checked it, in the theme's words; empty for a human author."""
    if ai.generated:
        who = theme["ai_generated"].format(model=ai.model) if ai.model else None
        who = who or theme["ai_generated_unknown"]
    elif ai.model:
        who = theme["ai_written_by_human"].format(model=ai.model)
    else:
        return ""
    if ai.reviewed_by:
        checked = theme["ai_reviewed"].format(reviewer=ai.reviewed_by)
    else:
        checked = theme["ai_not_reviewed"] if ai.generated else ""
    return _inline(f"{who}, {checked}." if checked else f"{who}.")


def _inline(text: str) -> str:
    """Text on one line, with the characters Markdown would read as markup escaped."""
    text = " ".join(text.split())
    return _ENTITY.sub(r"\\&", _INLINE_SPECIAL.sub(r"\\\1", text))


def _heading(text: str) -> str:
    # A run of `#` at the end of an ATX heading is its closing sequence and would vanish.
    return re.sub(r"(\s)(#+)$", lambda m: m.group(1) + "\\#" * len(m.group(2)), _inline(text))


def _line_start(text: str) -> str:
    """Keep a line that happens to begin like a block marker an ordinary paragraph."""
    return _ORDERED_MARK.sub(r"\1\\\2", _BLOCK_MARK.sub(r"\\\1", text))


def _destination(url: str) -> str:
    return quote(url, safe=_DESTINATION_SAFE)


def _url(config: Config, url: str) -> str:
    return public_url(url, config.public_base)
