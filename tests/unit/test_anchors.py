"""Heading anchors: every section heading of a page links to itself."""

from __future__ import annotations

from blogbuild.site.anchors import heading_anchors

LABEL = "Ссылка на раздел"


def test_each_section_heading_gets_a_named_link_to_itself() -> None:
    html = '<h2 id="введение">Введение</h2>\n<p>Текст.</p>\n<h3 class="x" id="a-b">A <code>b</code></h3>'
    assert heading_anchors(html, LABEL) == (
        '<h2 id="введение">Введение <a class="heading-anchor" href="#введение"'
        ' aria-label="Ссылка на раздел: Введение" data-pagefind-ignore>#</a></h2>\n<p>Текст.</p>\n'
        '<h3 class="x" id="a-b">A <code>b</code> <a class="heading-anchor" href="#a-b"'
        ' aria-label="Ссылка на раздел: A b" data-pagefind-ignore>#</a></h3>'
    )


def test_headings_without_ids_code_and_the_title_are_left_alone() -> None:
    html = (
        "<h1>Заголовок</h1><h2>Без id</h2>"
        '<pre><code>&lt;h2 id="x"&gt;в коде&lt;/h2&gt;</code></pre>'
    )
    assert heading_anchors(html, LABEL) == html


def test_an_empty_heading_is_named_by_the_label_alone() -> None:
    assert 'aria-label="Ссылка на раздел" data-pagefind-ignore>' in heading_anchors(
        '<h2 id="section"></h2>', LABEL
    )


def test_quotes_in_a_heading_stay_inside_the_link_name() -> None:
    html = heading_anchors('<h2 id="q">Что такое "качество" &amp; <em>вкус</em></h2>', LABEL)
    assert (
        'aria-label="Ссылка на раздел: Что такое &quot;качество&quot; &amp; вкус" data-pagefind-ignore>'
        in html
    )
