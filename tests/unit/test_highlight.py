"""Code blocks: the name a focused block is announced by, and numbered lines."""

from __future__ import annotations

import lxml.html
from pygments.styles import get_style_by_name
from pygments.token import Token

from blogbuild.markup.highlight import first_line_number, highlight_css
from blogbuild.markup.markdown import MarkdownRenderer


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


def _luminance(colour: str) -> float:
    channels = [int(colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(a: str, b: str) -> float:
    light, dark = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_a_marked_line_keeps_its_code_readable_in_both_styles() -> None:
    css = highlight_css()
    marked = dict.fromkeys(("light", "dark"), "")
    for line in css.splitlines():
        if ".hll {" in line:
            colour = line.split("background-color:")[1].strip(" };")
            marked["dark" if "theme" in line else "light"] = colour
    for style, background in (("default", marked["light"]), ("github-dark", marked["dark"])):
        for token, look in get_style_by_name(style):
            if look["color"] and token not in Token.Text.Whitespace and token not in Token.Error:
                assert _contrast(look["color"], background) >= 4.5, (style, token)
