"""unsafe-html."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import frontmatter
import lxml.html
import pytest
from tests.conftest import shared_reason

from blogbuild.check.rules.rawhtml import UNCLOSED_FRAME, attributes_of, sanitiser_removals
from blogbuild.markup.markdown import MarkdownRenderer, build_markdown_it

RULE = "unsafe-html"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("<script>alert(1)</script>\n", [(1, 1)]),
        ("Текст.\n\n<style>p { color: red }</style>\n", [(3, 1)]),
        ('Кнопка <a href="#" onclick="steal()">жми</a>.\n', [(1, 8)]),
        ('<div>\n<img src="x.png" onerror="x()">\n</div>\n', [(2, 1)]),
        ("[ссылка](javascript:alert(1))\n", [(1, 8)]),
        ('<iframe src="https://x.org/e" allow="camera; fullscreen"></iframe>\n', [(1, 1)]),
        ('<img src="javascript:alert(1)">\n', [(1, 1)]),
        ('<p style="width: expression(alert(1))">x</p>\n', [(1, 1)]),
        ('<video src="/a.mp4" autoplay controls></video>\n', [(1, 1)]),
        ('Текст <object data="x.swf"></object>\n', [(1, 7)]),
    ],
)
def test_html_the_sanitiser_drops(found, body: str, expected: list[tuple[int, int]]) -> None:
    assert found(body, RULE) == expected


@pytest.mark.parametrize(
    "body",
    [
        '<div class="note">\n<p>Текст <sup>1</sup></p>\n</div>\n',
        "Сравнение: a < b и b > c.\n",
        "Код `<script>` в строке.\n",
        "```html\n<script>alert(1)</script>\n```\n",
        '<img src="a.png" alt="картинка">\n',
        '<iframe src="https://youtube.com/embed/x" allowfullscreen></iframe>\n',
        '<audio controls preload="none">\n<source src="https://a.org/1.mp3" type="audio/mpeg">\n</audio>\n',
        '<table>\n<tr><td colspan="2" style="text-align:right">1</td></tr>\n</table>\n',
    ],
)
def test_safe_html_and_code_are_fine(found, body: str) -> None:
    assert found(body, RULE) == []


def test_messages_say_what_is_removed() -> None:
    frame = '<iframe src="data:text/html,x" onload="y()">'
    assert [r.message for r in sanitiser_removals(frame)] == [
        "a data: URL in <iframe src> is removed by the sanitiser",
        "the onload attribute of <iframe> is removed by the sanitiser",
    ]
    assert [r.message for r in sanitiser_removals('<img src="javascript:x">')] == [
        "a javascript: URL in <img src> is removed by the sanitiser"
    ]
    assert [r.message for r in sanitiser_removals("<script>")] == [
        "<script> is removed by the HTML sanitiser with its content"
    ]


CORPORA = Path(__file__).resolve().parents[4] / "shared" / "corpora"
CORPUS_POSTS = (
    sorted(p for p in CORPORA.rglob("*") if p.suffix in (".md", ".markdown"))
    if CORPORA.is_dir()
    else []
)
_PARSER = build_markdown_it()
_RAW_TAG = re.compile(r"<[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")


def _raw_tags(body: str) -> list[str]:
    tags = []
    for token in _PARSER.parse(body):
        if token.type == "html_block":
            tags += _RAW_TAG.findall(token.content)
        for child in token.children or ():
            if child.type == "html_inline":
                tags += _RAW_TAG.findall(child.content)
    return tags


def _attributes(html: str) -> Counter[tuple[str, str | None, str]]:
    """Every element of `html` and every attribute with its value, parsed by lxml."""
    found: Counter[tuple[str, str | None, str]] = Counter()
    if not html.strip():
        return found
    for element in lxml.html.fragments_fromstring(html):
        if isinstance(element, str):
            continue
        for node in element.iter():
            if not isinstance(node.tag, str):
                continue
            found[(node.tag, None, "")] += 1
            for name, value in node.attrib.items():
                found[(node.tag, name, value)] += 1
    return found


@pytest.mark.slow
@pytest.mark.skipif(not CORPUS_POSTS, reason=shared_reason("corpora"))
def test_claims_match_what_the_sanitiser_really_removes() -> None:
    """On every raw HTML element of the corpora: what the check says is removed is what
    disappears between the trusted and the sanitised rendering, parsed by lxml."""
    trusted, sanitised = MarkdownRenderer(trusted_html=True), MarkdownRenderer()
    elements = 0
    mismatches = []
    for path in CORPUS_POSTS:
        body = frontmatter.loads(path.read_text(encoding="utf-8", errors="replace")).content
        tags = _raw_tags(body)
        if not tags:
            continue
        elements += len(tags)
        raw: set[tuple[str, str | None, str]] = set()
        claimed: Counter[tuple[str, str | None, str]] = Counter()
        for tag in tags:
            name = _RAW_TAG_NAME.match(tag).group(1).lower()  # type: ignore[union-attr]
            attributes = attributes_of(name, tag) or {}
            raw |= {(name, None, "")} | {(name, k, v) for k, v in attributes.items()}
            for removal in sanitiser_removals(tag):
                if removal.attribute is None:  # the element goes, and its attributes with it
                    claimed[(name, None, "")] += 1
                    claimed.update((name, k, v) for k, v in attributes.items())
                else:
                    claimed[(name, removal.attribute, attributes[removal.attribute])] += 1
        gone = _attributes(trusted.render(body).html) - _attributes(sanitised.render(body).html)
        # Only raw elements: a Markdown link's URL the sanitiser drops is not raw HTML.
        real = Counter({key: n for key, n in gone.items() if key in raw})
        for document_tag in ("html", "head", "body"):  # a fragment parser drops these
            for key in [key for key in claimed if key[0] == document_tag]:
                del claimed[key]
        if claimed != real:
            mismatches.append((path.name, dict(claimed - real), dict(real - claimed)))
    assert elements > 1000
    assert mismatches == [], "\n".join(map(str, mismatches))


_RAW_TAG_NAME = re.compile(r"<([A-Za-z][A-Za-z0-9-]*)")


def test_an_unclosed_frame_is_named_with_what_it_hides(make_post, findings_of) -> None:
    body = (
        'Текст.\n\n<iframe src="https://www.youtube.com/embed/ok">\n\n'
        "{{< youtube abc >}}\n\n<img src=x onerror=alert(document.domain)>\n"
    )
    messages = [(f.line, f.message) for f in findings_of(make_post(body), RULE)]
    assert (3, UNCLOSED_FRAME) in messages
    assert (7, "the onerror attribute of <img> is removed by the sanitiser") in messages
    # The page agrees: the handler is gone, whichever </iframe> ends the frame's text.
    html = MarkdownRenderer().render(body).html
    assert "onerror" not in html


@pytest.mark.parametrize(
    "body",
    [
        '<iframe src="https://youtube.com/embed/x"></iframe>\n\nТекст.\n',
        'Пара: <iframe src="https://a.org/"></iframe> и `<iframe>` в коде.\n',
        '```html\n<iframe src="https://a.org/">\n```\n',
    ],
)
def test_closed_frames_and_frames_in_code_are_fine(make_post, findings_of, body: str) -> None:
    assert UNCLOSED_FRAME not in [f.message for f in findings_of(make_post(body), RULE)]
