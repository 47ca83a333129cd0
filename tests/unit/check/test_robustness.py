"""Odd bodies must give findings or nothing, never an exception."""

from __future__ import annotations

import pytest

from blogbuild.check import check_links, check_post

ODD_BODIES = [
    "",
    "\n\n\n",
    "`",
    "```",
    "~~~\n",
    "$$",
    "**",
    "[",
    "<",
    "|a|\n|-|\n",
    "#",
    "# ",
    "\t# заголовок\twith tab",
    "> ```\n> code",
    "- ```\n  code",
    "Текст\r\nс CRLF\r\n",
    "\x00 нулевой символ",
    "{% highlight python %}\n# без конца",
    "[x]: <>\n",
    "Ссылка [a](<> 'title')",
    "İstanbul ẞ ﬁ ligature",
]


@pytest.mark.parametrize("body", ODD_BODIES)
@pytest.mark.parametrize("source_format", ["markdown", "text"])
def test_odd_bodies_do_not_crash(make_post, body: str, source_format: str) -> None:
    post = make_post(body, source_format=source_format, image="/nope.png")
    findings = check_post(post) + check_links(post, "<a href=#>x</a><img>", frozenset(), {}, "/")
    assert all(f.line >= 1 and f.col >= 1 for f in findings)
