"""Hostile input checks in linear time: long lines, many unclosed delimiters, deep nesting.

Each post is about 200 KB of one pathological construct; every one of them took from
tens of seconds to minutes when a pass rescanned the rest of the text from each opener.
A post's check is held to ten times that of ordinary prose of the same size, measured in
the same run, so a loaded machine slows both alike; a quadratic path is hundreds of times
slower. Other passes have a budget generous enough for a slow, shared machine.
"""

from __future__ import annotations

import time

import pytest
from markdown_it import MarkdownIt

from blogbuild.check import check_links, check_post
from blogbuild.check.prose import comparable, mask_markup
from blogbuild.check.rules.links import links_in_html

pytestmark = pytest.mark.slow

BUDGET = 5.0  # seconds, for about 200 KB
SIZE = 200_000


def _repeat(unit: str, lead: str = "Текст ") -> str:
    return lead + unit * (SIZE // len(unit)) + "\n"


CASES = {
    "unclosed \\(": _repeat("\\(a "),
    "unclosed \\[": _repeat("\\[a "),
    "unclosed $$": _repeat("$$a "),
    "unclosed {%": _repeat("{% a "),
    "unclosed {{": _repeat("{{ a "),
    "unclosed <!--": _repeat("<!-- a "),
    "unclosed [ in a heading": _repeat("[Ваше имя ", "## Заголовок "),
    "unclosed ]( in a heading": _repeat("[a](b ", "## "),
    "unclosed ][": _repeat("][a "),
    "unclosed {:": _repeat("{: a "),
    "dotted run before ://": _repeat("a.", "x:// "),
    "dotted run before @": _repeat("a.", "x@y.z "),
    "look-alike letters": _repeat("cтили "),
    "foreign script runs": _repeat("基础 а "),
    "markers": _repeat("x. TODO: y "),
    "quoted slots": _repeat("«[Ваше имя] "),
    "template slots": "```\n" + "{{name}}\n" * 2000 + "```\n\n" + _repeat("{{n} {{name}} "),
    "distinct links": "Текст "
    + "".join(f"[a](https://e.com/x{i}) " for i in range(SIZE // 24))
    + "\n",
    "deep quotes": "> " * 5000 + "текст\n",
    "deep lists": "".join("  " * i + "- a\n" for i in range(300)),
}


def _timed(function, *args) -> float:
    started = time.perf_counter()
    function(*args)
    return time.perf_counter() - started


_ORDINARY: list[float] = []  # seconds to check ordinary prose of SIZE, once a run


def _budget(make_post) -> float:
    """Ten times what checking ordinary prose of the same size takes here and now."""
    if not _ORDINARY:
        _ORDINARY.append(_timed(check_post, make_post(_repeat("слово и мысль. "))))
    return max(BUDGET, 10 * _ORDINARY[0])


@pytest.mark.parametrize("name", sorted(CASES))
def test_a_pathological_post_checks_in_linear_time(make_post, name: str) -> None:
    post = make_post(CASES[name])
    html = MarkdownIt("commonmark").render(post.body)
    assert _timed(check_post, post) < _budget(make_post)
    assert _timed(check_links, post, html, frozenset(), {}, "/") < BUDGET


def test_a_long_text_post_line_maps_its_columns_once(make_post) -> None:
    # Each look-alike on one line of a .txt post is located in the text as written.
    post = make_post(_repeat("cтили "), source_format="text")
    started = time.perf_counter()
    findings = [f for f in check_post(post) if f.rule == "mixed-script-word"]
    assert time.perf_counter() - started < _budget(make_post)
    assert len(findings) == SIZE // 6
    assert [f.col for f in findings[:3]] == [7, 13, 19]


@pytest.mark.parametrize("unit", ['<a href="x', "<p ", '<img src="'])
def test_links_in_broken_html_are_read_in_linear_time(unit: str) -> None:
    html = unit * (SIZE // len(unit))
    assert _timed(links_in_html, html) < BUDGET


@pytest.mark.parametrize("unit", ["[a ", "[a](b ", "![", "a."])
def test_comparable_and_masking_are_linear(unit: str) -> None:
    text = unit * (SIZE // len(unit))
    assert _timed(comparable, text) < BUDGET
    assert _timed(mask_markup, text + " x:// y@z.q") < BUDGET


def test_links_not_written_in_the_source_are_placed_in_linear_time(make_post) -> None:
    # A footnote plugin's back-links are in the HTML but nowhere in the source: each would
    # be searched for in the whole text, 20,000 times 200 KB.
    post = make_post(_repeat("слово "))
    html = "".join(f'<a href="#fnref{i}">↩</a>' for i in range(20_000))
    assert _timed(check_links, post, html, frozenset(), {}, "/") < BUDGET
