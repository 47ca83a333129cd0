"""Rendering one post's body: pure, so it can be cached and run in parallel."""

from __future__ import annotations

from blogbuild.content.relurls import resolve_relative
from blogbuild.content.text import reading_minutes
from blogbuild.markup.markdown import MarkdownRenderer
from blogbuild.model import CodeHtml, Post, RenderedPost

_POSTS_FOLDER = "content/posts/"


def render_post(post: Post, renderer: MarkdownRenderer, known_code: CodeHtml = ()) -> RenderedPost:
    """Render a post's Markdown body to HTML with its headings, excerpt and reading time.

    `known_code`: code blocks highlighted before (by an earlier version of the post).
    """
    result = renderer.render(post.body, first_line=post.body_line, known_code=known_code)
    source = post.source_path.removeprefix(_POSTS_FOLDER)
    return RenderedPost(
        post=post,
        html=resolve_relative(result.html, source, post.slug),
        headings=result.headings,
        excerpt_html=resolve_relative(result.excerpt_html, source, post.slug),
        excerpt_text=result.excerpt_text,
        plain_text=result.plain_text,
        word_count=result.word_count,
        reading_minutes=reading_minutes(result.word_count),
        code_html=result.code_html,
    )
