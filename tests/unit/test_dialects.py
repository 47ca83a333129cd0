"""Math warnings, callout titles per language, and bounded math on hostile input."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from blogbuild.errors import Problems
from blogbuild.markup.markdown import MarkdownRenderer
from blogbuild.markup.math import MathConversionError, tex_to_mathml
from blogbuild.markup.render import render_post
from blogbuild.markup.texenv import MAX_DEPTH, MAX_LENGTH
from blogbuild.model import Post


def _post(body: str, body_line: int = 5) -> Post:
    return Post(
        source_path="content/posts/x.md", slug="x", url="/posts/x/", title="X",
        date=datetime(2025, 1, 1, tzinfo=UTC), updated=None, categories=(), tags=(),
        draft=False, description=None, image=None, body=body, body_line=body_line,
        source_format="markdown",
    )  # fmt: skip


def test_unreadable_formula_is_a_warning_with_file_line_and_start() -> None:
    problems = Problems()
    body = "Текст.\n\nФормула $x^$ и ещё\n\n$$\n\\frac{a}{\n$$\n"
    rendered = render_post(_post(body), MarkdownRenderer(), problems=problems)
    assert [str(p) for p in problems.items] == [
        "content/posts/x.md:7: warning: math: cannot read the formula 'x^': "
        "a ^ or _ with nothing after it; it is shown as TeX",
        "content/posts/x.md:9: warning: math: cannot read the formula '\\frac{a}{': "
        "the formula ends too early, is a brace left open?; it is shown as TeX",
    ]
    assert rendered.html.count('class="math-error"') == 2


def test_a_long_formula_is_named_by_its_start() -> None:
    problems = Problems()
    body = "$$\\frac{" + "a + " * 30 + "a} ^$$\n"
    render_post(_post(body, 1), MarkdownRenderer(), problems=problems)
    (problem,) = problems.items
    assert "'\\frac{a + a + a + a + a + a + a + a + a …'" in problem.message


@pytest.mark.parametrize(("language", "title"), [("ru", "Предупреждение"), ("en", "Warning")])
def test_callout_titles_follow_the_site_language(language: str, title: str) -> None:
    html = MarkdownRenderer(language=language).render("> [!WARNING]\n> Текст.\n").html
    assert f'<p class="callout__title">{title}</p>' in html


@pytest.mark.parametrize(
    "tex",
    [
        "x" * (MAX_LENGTH + 1),
        "{" * (MAX_DEPTH + 1) + "x" + "}" * (MAX_DEPTH + 1),
        "\\left(" * (MAX_DEPTH + 1) + "x" + "\\right)" * (MAX_DEPTH + 1),
        "\\sqrt{" * 200 + "x" + "}" * 200,
    ],
)
def test_hostile_formulas_are_refused_before_the_converter(tex: str) -> None:
    with pytest.raises(MathConversionError):
        tex_to_mathml(tex, True)


def test_many_hostile_formulas_render_in_bounded_time() -> None:
    import time

    body = "\n\n".join(
        ["$$" + "\\frac{a}{b}" * 400 + "$$", "$" + "{" * 1000 + "$", "\\(" + "a^" * 2000 + "\\)"]
        * 15  # within the markup characters one post may have parsed (inlinelimit)
    )
    started = time.monotonic()
    result, errors = MarkdownRenderer().render_with_math_errors(body)
    assert time.monotonic() - started < 30  # a generous budget: unbounded input took minutes
    assert len(errors) >= 30
    assert "math-error" in result.html
