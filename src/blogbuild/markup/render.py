"""Rendering one post's body: pure, so it can be cached and run in parallel."""

from __future__ import annotations

from blogbuild.content.text import reading_minutes
from blogbuild.errors import BlogbuildError
from blogbuild.markup.limits import TooComplex
from blogbuild.markup.markdown import MarkdownRenderer
from blogbuild.model import CodeHtml, Post, RenderedPost


def render_post(post: Post, renderer: MarkdownRenderer, known_code: CodeHtml = ()) -> RenderedPost:
    """Render a post's Markdown body to HTML with its headings, excerpt and reading time.

    `known_code`: code blocks highlighted before (by an earlier version of the post).
    Raises BlogbuildError, naming the post, for content that cannot be rendered.
    """
    try:
        result = renderer.render(post.body, first_line=post.body_line, known_code=known_code)
    except TooComplex as error:
        raise BlogbuildError(post.source_path, None, f"cannot render this post: {error}") from None
    return RenderedPost(
        post=post,
        html=result.html,
        headings=result.headings,
        excerpt_html=result.excerpt_html,
        excerpt_text=result.excerpt_text,
        plain_text=result.plain_text,
        word_count=result.word_count,
        reading_minutes=reading_minutes(result.word_count),
        code_html=result.code_html,
    )
