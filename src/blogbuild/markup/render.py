"""Rendering one post's body: pure, so it can be cached and run in parallel."""

from __future__ import annotations

from blogbuild.content.text import reading_minutes
from blogbuild.errors import Problems
from blogbuild.markup.markdown import MarkdownRenderer
from blogbuild.markup.sitedata import SiteData, page_variables
from blogbuild.model import CodeHtml, Post, RenderedPost


def render_post(
    post: Post,
    renderer: MarkdownRenderer,
    known_code: CodeHtml = (),
    site: SiteData | None = None,
    problems: Problems | None = None,
) -> RenderedPost:
    """Render a post's Markdown body to HTML with its headings, excerpt and reading time.

    `known_code`: code blocks highlighted before (by an earlier version of the post);
    `site`: what its Liquid and shortcodes read of the site (other posts' URLs among it);
    `problems` receives their warnings.
    """
    result = renderer.render(
        post.body,
        first_line=post.body_line,
        known_code=known_code,
        site=site,
        page=page_variables(post),
    )
    if problems is not None:
        for line, message in result.warnings:
            problems.warning(post.source_path, line, message)
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
        references=result.references,
    )
