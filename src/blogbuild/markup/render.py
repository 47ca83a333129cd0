"""Rendering one post's body: pure, so it can be cached and run in parallel."""

from __future__ import annotations

from blogbuild.content.permalinks import page_folder
from blogbuild.content.relurls import resolve_relative
from blogbuild.content.text import collapse_whitespace, reading_minutes
from blogbuild.errors import BlogbuildError, Problems
from blogbuild.markup.limits import TooComplex
from blogbuild.markup.markdown import MarkdownRenderer
from blogbuild.markup.sitedata import SiteData, page_variables
from blogbuild.markup.state import MathError
from blogbuild.model import CodeHtml, Post, RenderedPost

_FORMULA_START = 40  # characters of a formula that name it in a warning


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
    `problems` receives their warnings and one for each formula that is shown as TeX.
    Raises BlogbuildError, naming the post, for content that cannot be rendered.
    """
    try:
        result, math_errors = renderer.render_with_math_errors(
            post.body,
            first_line=post.body_line,
            known_code=known_code,
            site=site,
            page=page_variables(post),
            html_body=post.source_format == "html",
        )
    except TooComplex as too_complex:
        message = f"cannot render this post: {too_complex}"
        raise BlogbuildError(post.source_path, None, message) from None
    if problems is not None:
        for line, message in result.warnings:
            problems.warning(post.source_path, line, message)
        for math_error in math_errors:
            problems.warning(post.source_path, math_error.line, math_warning(math_error))
    source = post.source_path
    return RenderedPost(
        post=post,
        html=resolve_relative(result.html, source, page_folder(post.url)),
        headings=result.headings,
        excerpt_html=resolve_relative(result.excerpt_html, source, page_folder(post.url)),
        excerpt_text=result.excerpt_text,
        plain_text=result.plain_text,
        word_count=result.word_count,
        reading_minutes=reading_minutes(result.word_count),
        code_html=result.code_html,
        references=result.references,
    )


def math_warning(error: MathError) -> str:
    """What a writer is told about a formula that could not be converted."""
    tex = collapse_whitespace(error.tex)
    start = tex if len(tex) <= _FORMULA_START else tex[:_FORMULA_START] + "…"
    return f"math: cannot read the formula '{start}': {error.message}; it is shown as TeX"
