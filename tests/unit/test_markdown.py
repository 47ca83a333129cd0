"""Tests for the Markdown renderer: fixtures for exact HTML, direct tests for the rest."""

from __future__ import annotations

import re
from pathlib import Path

import frontmatter
import pytest
from markdown_it.utils import read_fixture_file

from blogbuild.markup.markdown import MarkdownRenderer, highlight_css
from blogbuild.model import Heading
from tests.conftest import CORPORA, shared_reason

FIXTURES = Path(__file__).parent / "fixtures" / "markdown"


@pytest.fixture(scope="module")
def renderer() -> MarkdownRenderer:
    return MarkdownRenderer()


def _fixture_cases() -> list[object]:
    cases = []
    for path in sorted(FIXTURES.glob("*.md")):
        for line, title, source, expected in read_fixture_file(path):
            cases.append(pytest.param(source, expected, id=f"{path.stem}:{line}:{title}"))
    return cases


@pytest.mark.parametrize(("source", "expected"), _fixture_cases())
def test_fixture(renderer: MarkdownRenderer, source: str, expected: str) -> None:
    assert renderer.render(source).html.strip() == expected.strip()


def test_headings_are_returned_with_file_lines(renderer: MarkdownRenderer) -> None:
    source = "# Введение\n\nТекст.\n\nИтоги\n-----\n\n## Введение\n"
    result = renderer.render(source, first_line=5)
    # the body has an h1 section, so every heading is shown a level deeper (see below)
    assert result.headings == (
        Heading(2, "введение", "Введение", 5),
        Heading(3, "итоги", "Итоги", 9),
        Heading(3, "введение-1", "Введение", 12),
    )


def test_body_h1_sections_are_shown_one_level_deeper(renderer: MarkdownRenderer) -> None:
    # the page's title is its only h1: `#` sections become h2, and so on down to h6
    source = "".join(f"{'#' * n} Уровень {n}\n\n" for n in range(1, 7)) + "Текст.\n"
    result = renderer.render(source)
    assert '<h2 id="уровень-1">Уровень 1</h2>' in result.html
    assert '<h3 id="уровень-2">Уровень 2</h3>' in result.html
    assert '<h6 id="уровень-6">' in result.html  # the deepest HTML has, with level 5
    assert "<h1" not in result.html
    assert [h.level for h in result.headings] == [2, 3, 4, 5, 6, 6]


def test_a_skipped_level_is_not_skipped_on_the_page(renderer: MarkdownRenderer) -> None:
    # axe's heading-order: a reader moving by headings expects no gap in the outline
    result = renderer.render("## Раздел\n\n#### Пункт\n\n## Второй\n\n### Его пункт\n")
    assert [h.level for h in result.headings] == [2, 3, 2, 3]
    assert '<h3 id="пункт">Пункт</h3>' in result.html


def test_bodies_without_h1_keep_their_levels(renderer: MarkdownRenderer) -> None:
    result = renderer.render("## Раздел\n\n### Подраздел\n")
    assert '<h2 id="раздел">' in result.html and '<h3 id="подраздел">' in result.html
    assert [h.level for h in result.headings] == [2, 3]


def test_shown_levels_leave_the_source_levels_to_the_checker() -> None:
    from blogbuild.check.document import heading_level
    from blogbuild.markup.markdown import build_markdown_it

    md = build_markdown_it()
    tokens = md.parse("# Раздел\n\n## Подраздел\n")
    md.renderer.render(tokens, md.options, {})
    assert [heading_level(t) for t in tokens if t.type == "heading_open"] == [1, 2]


def test_heading_text_has_no_markup(renderer: MarkdownRenderer) -> None:
    (heading,) = renderer.render("## **GPT-4** и `BERT`\n").headings
    assert heading.text == "GPT-4 и BERT"
    assert heading.id == "gpt-4-и-bert"


def test_excerpt_is_first_paragraph_not_heading(renderer: MarkdownRenderer) -> None:
    result = renderer.render("# Заголовок\n\nПервый  *абзац*\nна двух строках.\n\nВторой.\n")
    assert result.excerpt_html == "<p>Первый  <em>абзац</em>\nна двух строках.</p>\n"
    assert result.excerpt_text == "Первый абзац на двух строках."


def test_excerpt_skips_bold_title_paragraph(renderer: MarkdownRenderer) -> None:
    result = renderer.render("**Генеративные модели**\n\nНастоящий первый абзац.\n")
    assert result.excerpt_text == "Настоящий первый абзац."


def test_excerpt_ends_at_more_marker(renderer: MarkdownRenderer) -> None:
    source = "Раз.\n\nДва.\n\n<!--more-->\n\nТри.\n"
    result = renderer.render(source)
    assert result.excerpt_html == "<p>Раз.</p>\n<p>Два.</p>\n"
    assert result.excerpt_text == "Раз. Два."
    assert result.html == "<p>Раз.</p>\n<p>Два.</p>\n<p>Три.</p>\n"
    assert "more" not in result.plain_text


def test_more_marker_works_in_trusted_mode() -> None:
    result = MarkdownRenderer(trusted_html=True).render("Раз.\n<!-- more -->\nДва.\n")
    assert result.excerpt_text == "Раз."
    assert "<!--" not in result.html


def test_excerpt_of_document_without_paragraphs_is_empty(renderer: MarkdownRenderer) -> None:
    result = renderer.render("## Только заголовок\n")
    assert (result.excerpt_html, result.excerpt_text) == ("", "")


def test_plain_text_leaves_out_markup_and_code(renderer: MarkdownRenderer) -> None:
    source = "## Итог\n\nТекст с **жирным** и `кодом`.\n\n```python\nsecret_code = 1\n```\n"
    result = renderer.render(source)
    assert result.plain_text == "Итог\nТекст с жирным и кодом."
    assert "secret_code" not in result.plain_text


def test_word_count_counts_cyrillic_latin_and_hyphenated_words(
    renderer: MarkdownRenderer,
) -> None:
    result = renderer.render("Модель GPT-3 — это чат-бот, а не *человек*.\n")
    assert result.word_count == 7  # Модель, GPT-3, это, чат-бот, а, не, человек


def test_trusted_html_passes_script_through() -> None:
    html = MarkdownRenderer(trusted_html=True).render('<script>go("x")</script>\n').html
    assert '<script>go("x")</script>' in html


def test_untrusted_html_cannot_forge_placeholders(renderer: MarkdownRenderer) -> None:
    # Whatever an author writes stays text, even if it looks like our internal markers.
    source = "$x$ bbfrag0000000000000000x0x\n"
    html = renderer.render(source).html
    assert html.count("<math") == 1
    assert "bbfrag0000000000000000x0x" in html


@pytest.mark.parametrize("trusted", [False, True])
@pytest.mark.parametrize(
    "tex",
    [
        r"\text{<script>alert(1)</script>}",
        r"\text{<img src=x onerror=alert(1)>}",
        r"\href{javascript:alert(1)}{x}",
    ],
)
def test_math_cannot_smuggle_html(tex: str, trusted: bool) -> None:
    html = MarkdownRenderer(trusted_html=trusted).render(f"${tex}$\n").html
    assert "<math" in html
    for bad in ("<script", "<img", "onerror", "javascript:", "href"):
        assert bad not in html


def test_plain_text_skips_inline_script_and_separates_tags(renderer: MarkdownRenderer) -> None:
    result = renderer.render("Раз<br>два<script>secret()</script> три\n")
    assert result.plain_text == "Раз два три"


def test_mathml_survives_sanitising(renderer: MarkdownRenderer) -> None:
    html = renderer.render("$$\n\\sum_{i=1}^{n} \\sqrt{x_i}\n$$\n").html
    for tag in ("<math", "<munderover>", "<msqrt>", "<msub>"):
        assert tag in html


def test_broken_math_is_reported_with_its_line(renderer: MarkdownRenderer) -> None:
    source = "Текст.\n\nВторая строка\nи $\\frac{a}{b}$, и $x^$ тут.\n"
    result, errors = renderer.render_with_math_errors(source, first_line=10)
    assert '<code class="math-error">x^</code>' in result.html
    assert [(e.line, e.tex) for e in errors] == [(13, "x^")]


def test_multiline_display_math_between_paragraphs(renderer: MarkdownRenderer) -> None:
    html = renderer.render("До.\n\n$$\na\n+ b\n$$\n\nПосле.\n").html
    assert html.startswith('<p>До.</p>\n<div class="math-display"><math')
    assert 'display="block"' in html
    assert html.endswith("<p>После.</p>\n")


def test_table_cells_keep_spans_from_author_html(renderer: MarkdownRenderer) -> None:
    source = (
        '<table><tr><td colspan="2" rowspan="3" align="right" onclick="x">a</td></tr></table>\n'
    )
    html = renderer.render(source).html
    assert '<td colspan="2" rowspan="3" align="right">a</td>' in html


def test_rendering_is_deterministic() -> None:
    source = "# Заголовок\n\n$x$ и `код`\n\n```python\nx = 1\n```\n\n| a |\n|---|\n| b |\n"
    first = MarkdownRenderer().render(source)
    second = MarkdownRenderer().render(source)
    assert first == second


def test_highlight_css_has_light_and_dark_rules() -> None:
    css = highlight_css()
    assert re.search(r"^\.highlight \.k \{", css, re.MULTILINE)
    by_system = css[css.index("@media screen and (prefers-color-scheme: dark) {") :]
    assert re.search(r"^:root:not\(\[data-theme=\"light\"\]\) \.highlight \.k \{", by_system, re.M)
    # a reader's dark choice is for the screen: a printed page keeps the light colours
    by_choice = css[css.index("}\n@media screen {") :]
    assert re.search(r'^\[data-theme="dark"\] \.highlight \.k \{', by_choice, re.MULTILINE)
    assert "\npre {" not in css  # no unscoped rules leaking into the theme


def _corpus_posts() -> list[Path]:
    return sorted(CORPORA.glob("*/*.md")) if CORPORA.is_dir() else []


@pytest.mark.skipif(not _corpus_posts(), reason=shared_reason("corpora"))
@pytest.mark.parametrize("path", _corpus_posts(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_real_jekyll_posts_render(renderer: MarkdownRenderer, path: Path) -> None:
    body = frontmatter.loads(path.read_text(encoding="utf-8")).content
    result = renderer.render(body)
    assert result.html.strip()
    outside_code = re.sub(r"<(code|pre)\b.*?</\1>", "", result.html, flags=re.DOTALL)
    assert not re.search(r"(^|>)\s*\{:[^}]*\}\s*($|<)", outside_code, re.MULTILINE)


@pytest.mark.parametrize(
    ("heading", "wanted"),
    [
        ("MoCo & MoCo-V2", "moco--moco-v2"),  # each space a hyphen, as GitHub, kramdown, Hugo
        ('<a id="x"></a> How Computers Build', "-how-computers-build"),  # goldmark's
        ("Что такое GAN?", "что-такое-gan"),
        ("snake_case и `code`", "snake_case-и-code"),
        ("!!!", "section"),
    ],
)
def test_heading_ids_follow_githubs_rule(heading: str, wanted: str) -> None:
    html = MarkdownRenderer(trusted_html=True).render(f"## {heading}\n").html
    assert html.startswith(f'<h2 id="{wanted}">'), html
