"""Liquid and shortcodes in posts: fixtures for exact HTML, direct tests for lines and warnings."""

from __future__ import annotations

import random
import re
import time
from pathlib import Path
from typing import Any

import lxml.html
import pytest
from markdown_it.utils import read_fixture_file

from blogbuild.markup.markdown import MarkdownRenderer
from blogbuild.markup.sitedata import PostUrls, SiteData

FIXTURES = Path(__file__).parent / "fixtures" / "templating"
SITE = SiteData(
    title="Блог & co",
    base_url="https://example.org/blog/",
    params={"mood": "сайт"},
    post_urls=PostUrls(
        {
            "content/posts/2019-05-01-name.md": "/posts/name/",
            "content/posts/2020/other-post.md": "/posts/custom/",
        }
    ),
    shortcode_dirs=(str(FIXTURES / "shortcodes"),),
    include_dirs=(str(FIXTURES / "includes"),),
)
PAGE: dict[str, Any] = {"title": "Заголовок", "image": "/img/cover.png", "mood": "ясно"}


@pytest.fixture(scope="module")
def renderer() -> MarkdownRenderer:
    return MarkdownRenderer()


def render(renderer: MarkdownRenderer, source: str, first_line: int = 1) -> Any:
    return renderer.render(source, first_line=first_line, site=SITE, page=PAGE)


# One file per dialect: liquid.md (Jekyll), shortcodes.md (Hugo and blogbuild's own).
CASES = [
    pytest.param(source, expected, id=f"{path.stem}:{line}:{title}")
    for path in sorted(FIXTURES.glob("*.md"))
    for line, title, source, expected in read_fixture_file(path)
]


@pytest.mark.parametrize(("source", "expected"), CASES)
def test_fixture(renderer: MarkdownRenderer, source: str, expected: str) -> None:
    assert render(renderer, source).html.strip() == expected.strip()


def test_warnings_and_headings_keep_the_lines_of_the_file(renderer: MarkdownRenderer) -> None:
    source = (
        "{% comment %}\nстрока\nстрока\n{% endcomment %}\n"  # lines 10-13 of the file
        "{% highlight python %}\nx = 1\n{% endhighlight %}\n\n"
        "## Раздел {{ page.nothing }}\n\n"  # line 18
        '{{< figure src="/a.png" >}}\n\n'
        "[x]({% post_url 1999-01-01-gone %})\n"  # line 22
    )
    result = render(renderer, source, first_line=10)
    assert [(h.text, h.line) for h in result.headings] == [("Раздел", 18)]
    assert [line for line, _ in result.warnings] == [18, 22]
    assert "page.nothing has no value" in result.warnings[0][1]
    assert "no post named '1999-01-01-gone'" in result.warnings[1][1]


def test_links_to_posts_are_recorded_with_their_urls(renderer: MarkdownRenderer) -> None:
    source = '[a]({% post_url 2019-05-01-name %}) [b]({{< ref "gone" >}})\n'
    assert render(renderer, source).references == (
        ("2019-05-01-name", "/posts/name/"),
        ("gone", ""),
    )


def test_shortcode_arguments_and_content_cannot_inject_markup(renderer: MarkdownRenderer) -> None:
    source = (
        '{{< figure src="javascript:alert(1)" caption="<script>x()</script>" >}}\n\n'
        '{{% details summary="s" %}}\n<script>y()</script><b onclick="z()">b</b>\n'
        "{{% /details %}}\n"
    )
    html = render(renderer, source).html
    assert "javascript:" not in html and "<script" not in html and "onclick" not in html
    assert "<b>b</b>" in html and 'src=""' in html


def test_a_broken_site_template_is_a_warning_not_a_crash(
    renderer: MarkdownRenderer, tmp_path: Path
) -> None:
    (tmp_path / "bad.html").write_text("{% if %}", encoding="utf-8")
    (tmp_path / "boom.html").write_text("{{ args[5].x.y() }}", encoding="utf-8")
    site = SiteData(shortcode_dirs=(str(tmp_path),), root=str(tmp_path))
    result = renderer.render("{{< bad >}}\n\n{{< boom >}}\n", site=site)
    assert [line for line, _ in result.warnings] == [1, 3]
    assert all(message.startswith("shortcode '") for _, message in result.warnings)
    assert "{{" not in result.html


def test_posts_without_templates_render_as_before(renderer: MarkdownRenderer) -> None:
    source = "# Заголовок\n\nТекст с `кодом` и {одной скобкой}.\n"
    assert render(renderer, source) == renderer.render(source)


def test_jekyll_gist_tag_is_a_link_card(renderer: MarkdownRenderer) -> None:
    html = renderer.render("{% gist parkr/931c1c8d465a04042403 post.md %}\n").html
    assert html.strip() == (
        '<p class="embed-card embed-gist"><a href="https://gist.github.com/parkr/'
        '931c1c8d465a04042403#file-post-md">Gist parkr/931c1c8d465a04042403: post.md</a></p>'
    )


_PIECES = [
    "{{<", "{{%", ">}}", "%}}", "{{", "}}", "{%", "%}", " figure ", " /details ", " details ",
    " highlight go ", " /highlight ", "raw", "endraw", "comment", " endcomment ", "post_url x",
    'src="a"', '"', "`", "```", "\n", "\n\n", "    ", "site.title", "page.title", " | ", "-",
    "$$", "*", "[a](", ")", "<div>", "</div>", "/*", "*/", "include a.html", "{{< /x >}}",
]  # fmt: skip


def test_random_template_soup_never_crashes_or_hangs(renderer: MarkdownRenderer) -> None:
    rng = random.Random(13)
    for _ in range(300):
        source = "".join(rng.choice(_PIECES) for _ in range(rng.randint(1, 60)))
        result = render(renderer, source)
        assert isinstance(result.html, str)
        assert all(isinstance(line, int) and line >= 1 for line, _ in result.warnings)


@pytest.mark.parametrize(
    "source",
    [
        "{{< x " * 5000,
        "{% x " * 5000,
        "{{ site.title " * 5000,
        '{{< x "' * 3000,
        "{{< details >}}" * 3000,
        "{{< details >}}" * 400 + "x" + "{{< /details >}}" * 400,
        "{% raw %}" * 3000,
    ],
    ids=["shortcode", "tag", "output", "quote", "openings", "nested", "raw"],
)
def test_unclosed_and_deep_constructs_take_bounded_time(
    renderer: MarkdownRenderer, source: str
) -> None:
    started = time.perf_counter()
    result = render(renderer, source)
    assert time.perf_counter() - started < 30  # a hang guard, far above the ~0.5 s it takes
    assert isinstance(result.html, str)


@pytest.mark.parametrize(
    "source",
    [
        "- пункт\n\n      {{ page.title }}\n",  # indented code inside a list item
        "> ```\n> {{ page.title }}\n> ```\n",
        "Текст\n\n\t{{ page.title }}\n",
        "$$\n{{ page.title }}\n$$\n",
        "\\[\n{{ page.title }}\n\\]\n",
    ],
)
def test_liquid_in_any_code_block_stays_as_written(renderer: MarkdownRenderer, source: str) -> None:
    assert "Заголовок" not in render(renderer, source).html


def test_liquid_between_spaced_words_is_expanded(renderer: MarkdownRenderer) -> None:
    html = render(renderer, "Слово    слово\t{{ page.title }} и `{{ page.title }}`\n").html
    assert html.count("Заголовок") == 1 and "<code>{{ page.title }}</code>" in html


def _executable(html: str) -> list[str]:
    """Handlers and script URLs in `html` read as a browser reads the page around it."""
    page = lxml.html.document_fromstring(f"<html><body>{html}</body></html>")
    found = []
    for element in page.iter():
        for name, value in element.attrib.items():
            if name.startswith("on") or re.match(r"\s*(?:javascript|vbscript):", value, re.I):
                found.append(f"<{element.tag} {name}={value!r}>")
            if name == "style" and re.search(r"expression\(|url\(", value, re.I):
                found.append(f"<{element.tag} style={value!r}>")
    return found


_HANDLER = "<img src=x onerror=alert(document.domain)>"


@pytest.mark.parametrize(
    "embed",
    [
        "{{< youtube abc >}}",
        "{{< vimeo 123 >}}",
        "{% youtube abc %}",
        "> [!NOTE]\n> {{< youtube abc >}}",
        '{{< figure src="/a.png" caption="c" >}}',
    ],
)
@pytest.mark.parametrize("payload", [_HANDLER, "<svg onload=alert(1)>"])
def test_an_unclosed_frame_cannot_turn_an_embed_into_a_way_out(
    renderer: MarkdownRenderer, embed: str, payload: str
) -> None:
    source = f'<iframe src="https://www.youtube.com/embed/ok">\n\n{embed}\n\n{payload}\n'
    html = render(renderer, source).html
    assert _executable(html) == []
    assert "onerror" not in html and "onload" not in html


def test_embeds_still_render_their_frames(renderer: MarkdownRenderer) -> None:
    html = render(renderer, "{{< youtube abc >}}\n\n{{< vimeo 123 >}}\n").html
    assert 'src="https://www.youtube-nocookie.com/embed/abc"' in html
    assert 'src="https://player.vimeo.com/video/123?dnt=1"' in html
    assert html.count('loading="lazy" referrerpolicy="strict-origin-when-cross-origin"') == 2


def test_what_site_templates_write_is_sanitised_like_the_post(
    renderer: MarkdownRenderer, tmp_path: Path
) -> None:
    shortcodes, includes = tmp_path / "shortcodes", tmp_path / "includes"
    shortcodes.mkdir()
    includes.mkdir()
    (shortcodes / "button.html").write_text(
        '<a class="button" href="{{ kwargs.href }}">{{ inner }}</a>', encoding="utf-8"
    )
    (includes / "card.html").write_text(
        '<div onclick="go()" style="{{ include.style }}">{{ include.text | safe }}</div>',
        encoding="utf-8",
    )
    site = SiteData(
        shortcode_dirs=(str(shortcodes),), include_dirs=(str(includes),), root=str(tmp_path)
    )
    source = (
        '{{% button href="javascript:alert(1)" %}}Жми{{% /button %}}\n\n'
        '{% include card.html text="<img src=x onerror=alert(1)>" '
        'style="background-color: red; background: url(javascript:alert(1))" %}\n\n'
        "{{ page.evil }}\n"
    )
    page = {"evil": "<svg onload=alert(1)>"}
    html = renderer.render(source, site=site, page=page).html
    assert _executable(html) == []
    assert "javascript:" not in html and "onerror" not in html and "onclick" not in html
    assert '<a class="button"><p>Жми</p></a>' in html
    assert 'style="background-color: red"' in html


@pytest.mark.parametrize(
    "width",
    [
        "expression(alert(1))",
        "url(javascript:alert(1))",
        "100%; position: fixed; top: 0; left: 0; background: url(https://t.example/p.gif)",
    ],
)
def test_a_figure_width_that_is_not_a_length_is_left_out(
    renderer: MarkdownRenderer, width: str
) -> None:
    result = render(renderer, f'Текст.\n\n{{{{< figure src="/a.png" width="{width}" >}}}}\n', 7)
    assert "style" not in result.html and "position" not in result.html
    assert '<img src="/a.png"' in result.html
    assert result.warnings == (
        (9, f"shortcode 'figure': width '{width}' is not a number with a unit; width left out"),
    )


def test_a_figure_keeps_lengths_with_units(renderer: MarkdownRenderer) -> None:
    result = render(renderer, '{{< figure src="/a.png" width="50%" height="20em" >}}\n')
    assert 'style="width: 50%;height: 20em"' in result.html and result.warnings == ()


def test_content_a_site_template_writes_into_an_attribute_stays_inside_it(
    renderer: MarkdownRenderer, tmp_path: Path
) -> None:
    (tmp_path / "term.html").write_text(
        '<abbr title="{{ inner }}">{{ args[0] }}</abbr>', encoding="utf-8"
    )
    site = SiteData(shortcode_dirs=(str(tmp_path),), root=str(tmp_path))
    source = '{{% term "ИИ" %}}$x$ и\n\n```\n" onmouseover="go()\n```\n{{% /term %}}\n'
    html = renderer.render(source, site=site).html
    page = lxml.html.fragment_fromstring(html, create_parent="div")
    [abbr] = page.iter("abbr")
    # The attribute keeps the content's text; formulas and code, our own HTML, are left out.
    assert sorted(abbr.attrib) == ["title"]
    assert abbr.get("title", "").strip() == "<p> и</p>"
    assert "bbfrag" not in html and _executable(html) == []


def test_a_video_size_that_is_not_pixels_is_named_and_left_out(renderer: MarkdownRenderer) -> None:
    result = render(renderer, '{{< video src="/a.mp4" width="50%" height="360" >}}\n', 4)
    assert "50%" not in result.html and 'height="360"' in result.html
    message = "shortcode 'video': width '50%' is not a number of pixels; width left out"
    assert result.warnings == ((4, message),)
