"""Code blocks: the name a focused block is announced by, and numbered lines."""

from __future__ import annotations

import lxml.html

from blogbuild.content.i18n import STRINGS
from blogbuild.markup.highlight import CODE_NAMES, first_line_number
from blogbuild.markup.markdown import MarkdownRenderer


def test_every_site_language_names_code_blocks() -> None:
    assert set(CODE_NAMES) == set(STRINGS)


def test_a_code_block_is_named_in_the_site_language() -> None:
    source = "```python\nx = 1\n```\n\n```\nплан\n```\n"
    names = {
        language: [
            pre.get("aria-label")
            for pre in lxml.html.fromstring(
                MarkdownRenderer(language=language).render(source).html
            ).iter("pre")
        ]
        for language in ("ru", "en")
    }
    assert names == {"ru": ["Код на python", "Код"], "en": ["python code", "Code"]}


def test_line_numbers_are_asked_for_as_hugo_jekyll_and_python_markdown_do() -> None:
    assert first_line_number("python {linenos=true}") == 1
    assert first_line_number("go {linenos=table,hl_lines=[8],linenostart=199}") == 199
    assert first_line_number("ruby linenos") == 1  # {% highlight ruby linenos %}
    assert first_line_number('python {linenums="1"}') == 1
    assert first_line_number("python {linenos=false}") is None
    assert first_line_number("python {hl_lines=[2]}") is None
    assert first_line_number("python") is None


def test_numbered_lines_keep_the_code_as_its_text() -> None:
    source = '```python {linenos=true hl_lines=[2]}\na = """x\ny"""\nb = 2\n```\n'
    html = MarkdownRenderer().render(source).html
    code = lxml.html.fromstring(html).find(".//code")
    assert code.text_content() == 'a = """x\ny"""\nb = 2\n'  # no numbers in what is copied
    lines = code.findall("span")
    assert [line.get("class") for line in lines] == ["line"] * 3
    assert lines[1].find("span").get("class") == "hll"  # the marked line, inside its line
    assert code.get("style") == "counter-reset: line 0; --gutter: 1ch"
